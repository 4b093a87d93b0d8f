//! The Korean syllable table (see `src/korean.rs`), worked out at build time:
//! every spelling of a Hangul syllable to the Revised forms it most likely
//! stands for. Building it at the first Korean-looking name took 6–10 ms
//! natively and about 30 ms in WebAssembly, and held about 1 MB; it is the
//! same at every start. The rules stay here as code, and the crate reads the
//! result as sorted text.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::script::hangul_to_latin;

/// A Revised syllable and the other spellings of it, each with its rank:
/// 0 the Revised form, 1 McCune-Reischauer, 2 common.
fn spellings(revised: &str) -> Vec<(String, u8)> {
    let mut out = vec![(revised.to_string(), 0)];
    // McCune-Reischauer without its marks.
    let mut mr = revised.replace("eo", "o").replace("eu", "u");
    for (voiced, plain) in [("g", "k"), ("d", "t"), ("b", "p"), ("j", "ch")] {
        if let Some(rest) = mr.strip_prefix(voiced) {
            mr = format!("{plain}{rest}");
            break;
        }
    }
    // Common spellings, on the Revised form and on the McCune-Reischauer
    // consonants (`koo` for 구, Revised `gu`).
    let mut common = vec![
        revised.replace("yeo", "you"),
        revised.replace("eo", "u"),
        revised.replace('u', "oo"),
        mr.replace('u', "oo"),
    ];
    out.push((mr, 1));
    if let Some(stem) = revised
        .strip_suffix("ui")
        .or_else(|| revised.strip_suffix('i'))
    {
        if !stem.is_empty() {
            common.push(format!("{stem}ee"));
        }
    }
    if revised == "u" {
        common.push("woo".to_string());
    }
    if revised.contains("wo") {
        common.push(revised.replace("wo", "weo"));
    }
    if revised.starts_with("si") {
        common.push(format!("sh{}", &revised[1..]));
    }
    out.extend(common.into_iter().map(|c| (c, 2)));
    // A final p is often written b (`seop`, `sub`), in any of the spellings.
    let with_b: Vec<(String, u8)> = out
        .iter()
        .filter_map(|(s, _)| s.strip_suffix('p').map(|stem| (format!("{stem}b"), 2)))
        .collect();
    out.extend(with_b);
    // A final an or on is often written ahn, ohn (`Ahn`, `Sohn`, `Hahn`).
    let with_h: Vec<(String, u8)> = out
        .iter()
        .filter_map(|(s, _)| {
            let stem = s.strip_suffix("an").or_else(|| s.strip_suffix("on"))?;
            let vowel = &s[stem.len()..stem.len() + 1];
            Some((format!("{stem}{vowel}hn"), 2))
        })
        .collect();
    out.extend(with_h);
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The table as text for `korean.rs`: a line per spelling, in byte order,
/// `spelling\trevised[ revised]`, its likeliest Revised forms, at most two.
///
/// A syllable's likelihood is how many Han characters read it
/// (`hanja_readings`: each character's Hangul readings), divided by one
/// plus the spelling's rank. The common spellings are made only for the
/// syllables Han characters read.
pub fn table<'a>(hanja_readings: impl Iterator<Item = &'a str>) -> String {
    let mut sino: HashMap<String, u32> = HashMap::new();
    for readings in hanja_readings {
        for syllable in readings.split(' ').filter_map(|h| h.chars().next()) {
            let mut latin = String::new();
            if hangul_to_latin(syllable, &mut latin) {
                *sino.entry(latin).or_default() += 1;
            }
        }
    }
    let mut revised_forms: Vec<String> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut ranked: HashMap<String, Vec<(f32, u16)>> = HashMap::new();
    for c in '\u{AC00}'..='\u{D7A3}' {
        let mut revised = String::new();
        hangul_to_latin(c, &mut revised);
        // Syllables that romanise alike (finals `ㄱ`, `ㄲ`, `ㅋ` are all
        // `k`) rank alike: each Revised form is worked out once.
        if seen.insert(revised.clone(), ()).is_some() {
            continue;
        }
        let at = u16::try_from(revised_forms.len()).expect("under 65,536 forms");
        let sino_count = sino.get(&revised).copied().unwrap_or(0);
        // Syllables no character reads still count a little: native
        // names (`Haneul`) use them.
        let count = sino_count as f32 + 0.5;
        for (spelling, rank) in spellings(&revised) {
            if rank > 1 && sino_count == 0 {
                continue;
            }
            let likelihood = count / (1.0 + rank as f32);
            let entry = ranked.entry(spelling).or_default();
            match entry.iter_mut().find(|(_, r)| *r == at) {
                Some(e) => e.0 = e.0.max(likelihood),
                None => entry.push((likelihood, at)),
            }
        }
        revised_forms.push(revised);
    }
    let mut lines: Vec<(String, String)> = ranked
        .into_iter()
        .map(|(spelling, mut entries)| {
            entries.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let best: Vec<&str> = entries
                .iter()
                .take(2)
                .map(|&(_, at)| revised_forms[usize::from(at)].as_str())
                .collect();
            (spelling, best.join(" "))
        })
        .collect();
    lines.sort();
    let mut out = String::new();
    for (spelling, revised) in lines {
        writeln!(out, "{spelling}\t{revised}").expect("writing to a String");
    }
    out
}
