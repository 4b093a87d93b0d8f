//! Country names as lists write them (`Korea, North`, `Democratic People's
//! Republic of Korea`, `Burma`) mapped to ISO 3166-1 alpha-2 codes, from
//! `data/countries.tsv`. A name not in the table is never compared.

use std::collections::HashMap;
use std::sync::OnceLock;

fn table() -> &'static HashMap<String, &'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../data/countries.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (code, names) = line
                .split_once('\t')
                .expect("countries.tsv: code<TAB>names");
            map.insert(code.to_ascii_lowercase(), code);
            for name in names.split('|') {
                map.insert(fold(name), code);
            }
        }
        map
    })
}

/// A country name as the table keys it: the name normaliser's words (case,
/// diacritics, apostrophes and punctuation folded, so `Côte d'Ivoire`,
/// `Cote d'Ivoire` and `COTE D'IVOIRE` agree), without a leading "the".
fn fold(name: &str) -> String {
    let tokens = crate::normalize::tokenize(name).tokens;
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let words = if words.first() == Some(&"the") {
        &words[1..]
    } else {
        &words[..]
    };
    words.join(" ")
}

/// The ISO code of a country name or code, if known.
pub fn country_code(name: &str) -> Option<&'static str> {
    let t = table();
    t.get(&fold(name)).copied().or_else(|| {
        // "possibly Palestinian", "Region: West Bank": try without the qualifier.
        let (_, rest) = name.split_once([':', ' '])?;
        t.get(&fold(rest)).copied()
    })
}

/// Whether `code` is a known ISO code (upper or lower case).
pub fn is_known_code(code: &str) -> bool {
    code.len() == 2 && table().get(&code.to_ascii_lowercase()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_in_the_table_maps_to_its_own_code() {
        for line in include_str!("../data/countries.tsv").lines() {
            let Some((code, names)) = line.split_once('\t').filter(|_| !line.starts_with('#'))
            else {
                continue;
            };
            for name in names.split('|') {
                assert_eq!(country_code(name), Some(code), "{name}");
            }
        }
    }

    #[test]
    fn list_spellings_map_to_codes() {
        for (name, code) in [
            ("Korea, North", "KP"),
            ("Democratic People's Republic of Korea", "KP"),
            ("China", "CN"),
            ("Burma", "MM"),
            ("Iran (Islamic Republic of)", "IR"),
            ("The Gambia", "GM"),
            ("Region: Crimea", "UA"),
            ("kp", "KP"),
            ("US", "US"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        assert_eq!(country_code("undetermined"), None);
        // Written with or without their accents.
        for (name, code) in [
            ("Côte d'Ivoire", "CI"),
            ("Cote d'Ivoire", "CI"),
            ("CÔTE D’IVOIRE", "CI"),
            ("Curaçao", "CW"),
            ("Curacao", "CW"),
            ("Türkiye", "TR"),
            ("Turkiye", "TR"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        assert!(is_known_code("kp") && !is_known_code("zz"));
    }
}
