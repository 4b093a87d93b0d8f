//! Packs `data/han_readings.txt` for embedding. The text stays the source
//! (edited and regenerated as text); the module embeds its characters as
//! varint gaps between code points, then the readings as text. The
//! characters, three bytes each in UTF-8 and in code point order, were a
//! quarter of the table's compressed size; their gaps take under a fifth of
//! that. A malformed line fails the build with its line number.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/han_readings.txt");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let text = std::fs::read_to_string(manifest.join("data/han_readings.txt"))
        .expect("data/han_readings.txt");
    let mut gaps = Vec::new();
    let mut readings = String::new();
    let mut previous = 0u32;
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let bad = |why: &str| panic!("data/han_readings.txt line {}: {why}: {line:?}", number + 1);
        let mut columns = line.split('\t');
        let (Some(character), Some(mandarin), Some(korean), None) = (
            columns.next(),
            columns.next(),
            columns.next(),
            columns.next(),
        ) else {
            bad("not three tab-separated columns")
        };
        let mut chars = character.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            bad("the first column is not one character")
        };
        let Some(gap) = u32::from(c)
            .checked_sub(previous)
            .filter(|&g| g > 0 || previous == 0)
        else {
            bad("characters out of code point order")
        };
        previous = u32::from(c);
        let mut gap = gap;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                gaps.push(byte);
                break;
            }
            gaps.push(byte | 0x80);
        }
        writeln!(readings, "{mandarin}\t{korean}").expect("writing to a String");
    }
    let mut out = (gaps.len() as u32).to_le_bytes().to_vec();
    out.extend(gaps);
    out.extend(readings.into_bytes());
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(dir.join("han_readings.bin"), out).expect("write han_readings.bin");
}
