//! Korean names in Latin letters, syllable by syllable.
//!
//! The lists write Korean names in McCune-Reischauer without its marks, a
//! syllable a word (`PAK, Yong Su`); applicants write Revised Romanisation
//! or the common spellings, often with the given name as one word
//! (`Yeongsu Pak`, `Park Youngsoo`, `Cheolmin Ri`). Variant keys already
//! equate most single syllables (`yeong`/`yong`); what they cannot do is cut
//! a joined given name into its syllables, nor see that `young`, `hee` or
//! `woo` are the syllables the lists write `yong`, `hui` and `u`.
//!
//! This module holds the syllables, worked out at build time by
//! `build/korean_syllables.rs`: every Hangul syllable's Revised
//! Romanisation (from `script::hangul_to_latin`) and, for each, the
//! spellings people also use: McCune-Reischauer without marks (`o` for `eo`,
//! `u` for `eu`, `k t p ch` for `g d b j` at the start) and the common
//! English-style ones (`u` or `ou` for `eo`: `chul`, `young`; `oo` for `u`:
//! `soo`; `ee` for a final `i` or `ui`: `hee`; `sh` before `i`: `shin`; a
//! final `b` for `p`: `sub`; `ahn`, `ohn` for a final `an`, `on`: `sohn`;
//! the common ones for the syllables Han characters read, which are most of
//! those in names). Each spelling maps
//! back to its likeliest Revised form, which the matcher's variant keys
//! compare with the lists' spelling.
//!
//! Reach for [`korean_reading`] with the tokens of a name in Latin letters:
//! it answers only when the name reads as Korean (a Korean family name, and
//! every other word one or two syllables), and then gives the words cut into
//! syllables, each with its Revised spelling as the alternate where variant
//! keys would not equate them.
//!
//! Limits: a joined given name that splits two ways (`seongil`: `seong il`
//! or `seon gil`) gives two readings, both screened; three-syllable given
//! names are not cut, nor a joined given name beside two other words; a
//! family name outside the table (`FAMILY_NAMES`) makes the name not read as
//! Korean.

use crate::{variant_key, Token};

/// Korean family names in the spellings the lists and applicants use.
const FAMILY_NAMES: &[&str] = &[
    "kim", "gim", "lee", "yi", "ri", "rhee", "li", "i", "park", "pak", "bak", "choi", "choe",
    "chwe", "jung", "jeong", "jong", "chung", "chong", "kang", "gang", "cho", "jo", "yoon", "yun",
    "jang", "chang", "lim", "im", "rim", "han", "hahn", "oh", "o", "seo", "so", "suh", "shin",
    "sin", "kwon", "gwon", "hwang", "ahn", "an", "song", "seong", "sung", "jeon", "jon", "chon",
    "hong", "yoo", "yu", "ryu", "ko", "go", "koh", "moon", "mun", "yang", "ryang", "son", "sohn",
    "bae", "pae", "baek", "paek", "heo", "ho", "hur", "huh", "nam", "noh", "no", "ro", "ha",
    "kwak", "gwak", "cha", "joo", "ju", "chu", "woo", "u", "koo", "ku", "gu", "min", "na", "ra",
    "jin", "chin", "ji", "chi", "eom", "om", "um", "chae", "won", "pyo", "byun", "pyon", "byeon",
    "kil", "gil", "tak", "yeom", "ryom", "ryeom", "sim", "shim", "mo", "ok", "in", "tae", "thae",
    "kye", "gye", "pang", "bang", "kong", "gong", "ma", "maeng", "pyon", "hyon", "hyun", "hyeon",
];

/// The syllables: a line per spelling, in byte order,
/// `spelling\trevised[ revised]`, with the Revised spellings it most likely
/// stands for, at most two, ranked as `build/korean_syllables.rs` says (so
/// `hyung` is `hyeong`, 형, forty Han characters, before the Revised `hyung`,
/// 흉, a handful). Stored as text, it is 8 KB compressed; as arrays of
/// offsets and indices it was 21 KB.
const SYLLABLES: &str = include_str!(concat!(env!("OUT_DIR"), "/korean_syllables.txt"));

/// The Revised spellings on `syllable`'s line of [`SYLLABLES`]: a binary
/// search over the text, each probe moved back to the start of its line.
fn revised_of(syllable: &str) -> Option<&'static str> {
    let text = SYLLABLES.as_bytes();
    // `low` and `high` are always the starts of lines (or the end).
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let mid = (low + high) / 2;
        let start = text[low..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |at| low + at + 1);
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |at| start + at);
        let (spelling, revised) = SYLLABLES[start..end].split_once('\t')?;
        match spelling.cmp(syllable) {
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
            std::cmp::Ordering::Equal => return Some(revised),
        }
    }
    None
}

/// The Revised spellings of one syllable as written, most likely first, or
/// `None` when it is not a Korean syllable.
pub fn revised_spellings(syllable: &str) -> Option<impl Iterator<Item = &'static str>> {
    revised_of(syllable).map(|revised| revised.split(' '))
}

/// Whether `syllable` is a Korean syllable in some spelling.
pub fn is_syllable(syllable: &str) -> bool {
    revised_of(syllable).is_some()
}

/// Whether `word` is a Korean family name in Latin letters.
pub fn is_family_name(word: &str) -> bool {
    FAMILY_NAMES.contains(&word)
}

/// `word` cut into two syllables of two letters or more, the longer first
/// syllable first; at most two ways.
pub fn split_given_name(word: &str) -> Vec<(&str, &str)> {
    if !word.is_ascii() || !(4..=12).contains(&word.len()) {
        return Vec::new();
    }
    (2..=word.len() - 2)
        .rev()
        .map(|at| word.split_at(at))
        .filter(|(a, b)| is_syllable(a) && is_syllable(b))
        .take(2)
        .collect()
}

/// The name read as Korean syllables (see the module docs), or `None` when
/// it does not read as Korean or the reading changes nothing. A second
/// reading is given when a joined given name splits two ways.
pub fn korean_reading(tokens: &[Token]) -> Vec<Vec<Token>> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    if !(2..=4).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Vec::new();
    }
    // The family name comes first or last; first when both could be
    // (`Hong Sub Rhee` reads with `Rhee` last, since `Rhee` is no given syllable).
    let last = words.len() - 1;
    [0, last]
        .into_iter()
        .filter(|&at| is_family_name(words[at]))
        .map(|at| read_with_family_at(tokens, &words, at))
        .find(|readings| !readings.is_empty())
        .unwrap_or_default()
}

/// [`korean_reading`] with the family name at `family_at`.
fn read_with_family_at(tokens: &[Token], words: &[&str], family_at: usize) -> Vec<Vec<Token>> {
    let mut readings: Vec<Vec<Token>> = vec![Vec::new()];
    for (i, token) in tokens.iter().enumerate() {
        let word = token.text.as_str();
        if is_syllable(word) {
            readings
                .iter_mut()
                .for_each(|r| r.push(syllable_token(word, token)));
            continue;
        }
        if i == family_at {
            readings.iter_mut().for_each(|r| r.push(token.clone()));
            continue;
        }
        let splits = split_given_name(word);
        if splits.is_empty() || words.len() > 2 {
            return Vec::new();
        }
        let base = readings[0].clone();
        readings = splits
            .iter()
            .map(|(a, b)| {
                let mut r = base.clone();
                // Each half shows as written (`Young`, `sik` of `Youngsik`)
                // when the word was written in these letters.
                let (first, second) =
                    if token.original.is_ascii() && token.original.len() == word.len() {
                        token.original.split_at(a.len())
                    } else {
                        (*a, *b)
                    };
                r.push(Token {
                    hyphen_to_next: true,
                    original: first.to_string(),
                    ..syllable_token(a, token)
                });
                r.push(Token {
                    original: second.to_string(),
                    ..syllable_token(b, token)
                });
                r
            })
            .collect();
    }
    readings.retain(|r| r.as_slice() != tokens);
    readings
}

/// One syllable as a token: as written, with its Revised spelling as the
/// alternate when variant keys do not already equate them (`young`/`yeong`
/// need it), or when it is two letters (`soo`/`su`): the scorer compares
/// parts that short only as written or as listed variants.
fn syllable_token(syllable: &str, from: &Token) -> Token {
    let revised = revised_spellings(syllable)
        .and_then(|mut r| r.next())
        .filter(|r| *r != syllable && (r.len() <= 2 || variant_key(r) != variant_key(syllable)))
        .map(str::to_string);
    Token {
        text: syllable.to_string(),
        original: from.original.clone(),
        hyphen_to_next: false,
        alternate: revised.or_else(|| from.alternate.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn read(name: &str) -> Vec<String> {
        korean_reading(&tokenize(name).tokens)
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| match &t.alternate {
                        Some(a) => format!("{}/{a}", t.text),
                        None => t.text.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn the_built_table_is_sorted_and_ranks_as_documented() {
        let lines: Vec<(&str, &str)> = SYLLABLES
            .lines()
            .map(|line| line.split_once('\t').expect("a tab on every line"))
            .collect();
        assert!(lines.len() > 3_000, "{}", lines.len());
        // The lookup is a binary search, and finds every line.
        assert!(lines.windows(2).all(|w| w[0].0 < w[1].0));
        for (spelling, revised) in &lines {
            assert_eq!(revised_of(spelling), Some(*revised));
            // Every Revised form is a spelling of itself.
            for form in revised.split(' ') {
                assert!(is_syllable(form), "{spelling}: {form}");
            }
        }
        let revised = |s: &str| revised_spellings(s).map(|r| r.collect::<Vec<_>>());
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("hyung", Some(&["hyeong", "hyung"])),
            ("un", Some(&["un", "eun"])),
            ("young", Some(&["yeong"])),
            ("soo", Some(&["su"])),
            ("sohn", Some(&["seon", "son"])),
            ("sub", Some(&["seop", "seup"])),
            ("kim", Some(&["gim", "kim"])),
            ("smith", None),
            ("", None),
        ];
        for (spelling, want) in cases {
            assert_eq!(revised(spelling).as_deref(), *want, "{spelling}");
        }
    }

    #[test]
    fn joined_given_names_are_cut_into_syllables() {
        let cases: &[(&str, &[&str])] = &[
            ("Yeongsu Pak", &["yeong su pak"]),
            ("Park Youngsoo", &["park young/yeong soo/su"]),
            ("Cheolmin Ri", &["cheol min ri"]),
            ("Chulsu Kang", &["chul su kang"]),
            ("Jang Seongnam", &["jang seong nam"]),
            ("Lee Seongil", &["lee seong il", "lee seon gil"]),
            ("Young Hee Kim", &["young/yeong hee/hui kim"]),
            ("Yi Hong-sub", &["yi hong sub/seop"]),
            ("Cheolmin Ri", &["cheol min ri"]),
            ("Jang Youngsohn", &["jang young/yeong sohn"]),
            // `Hong` could be the family name, but `Rhee` is no given syllable.
            ("Hong Sub Rhee", &["hong sub/seop rhee"]),
        ];
        for (name, want) in cases {
            assert_eq!(read(name), *want, "{name}");
        }
    }

    #[test]
    fn other_names_are_not_read_as_korean() {
        for name in [
            "Hassan Ali",
            "John Smith",
            "Maria Kim Lopez Garcia",
            "Kim Jong Un",
            "Kimberly Ann",
        ] {
            assert!(read(name).is_empty(), "{name}: {:?}", read(name));
        }
    }
}
