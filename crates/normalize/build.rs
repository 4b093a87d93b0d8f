//! Packs `data/han_readings.txt` for embedding, and works out the Korean
//! syllable table from it (see `build/korean_syllables.rs`).
//!
//! The Han table stays text in the repository (edited and regenerated as
//! text); the module embeds its characters as
//! varint gaps between code points, then the readings as text. The
//! characters, three bytes each in UTF-8 and in code point order, were a
//! quarter of the table's compressed size; their gaps take under a fifth of
//! that. A malformed line fails the build with its line number.

use std::fmt::Write as _;
use std::path::PathBuf;

// The crate's own script tables, for the syllables' Revised spellings.
#[allow(dead_code)]
#[path = "src/script.rs"]
mod script;

#[path = "build/korean_syllables.rs"]
mod korean_syllables;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/han_readings.txt");
    println!("cargo:rerun-if-changed=build/korean_syllables.rs");
    println!("cargo:rerun-if-changed=src/script.rs");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let text = std::fs::read_to_string(manifest.join("data/han_readings.txt"))
        .expect("data/han_readings.txt");
    let mut gaps = Vec::new();
    let mut readings = String::new();
    let mut hanja_readings = Vec::new();
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
        hanja_readings.push(korean);
    }
    let mut out = (gaps.len() as u32).to_le_bytes().to_vec();
    out.extend(gaps);
    out.extend(readings.into_bytes());
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(dir.join("han_readings.bin"), out).expect("write han_readings.bin");
    let syllables = korean_syllables::table(hanja_readings.into_iter());
    std::fs::write(dir.join("korean_syllables.txt"), syllables)
        .expect("write korean_syllables.txt");
}
