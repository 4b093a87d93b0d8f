//! How much a word counts in a name: rare words identify, frequent ones
//! (`Kim`, `Mohammad`, `Trading`) less, and legal forms and generic words are
//! capped by their class ([`class_weight`]); a word many applicants bear adds
//! less when it matches than it costs when it is missing
//! ([`evidence_weight`]). The index weighs every listed word with these at
//! load time; the scorer weighs query words it does not know the same way.

use crate::config::MIN_EVIDENCE;
use crate::normalize::TermClass;

/// How a word counts in a name (see [`class_weight`] and [`evidence_weight`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weighing {
    pub class: TermClass,
    /// What it costs the score when it does not match.
    pub weight: f32,
    /// What it adds when it matches.
    pub evidence: f32,
}

/// Weight of a word of class `class` found in `names` of `total` names.
pub fn class_weight(class: TermClass, names: u32, total: u32) -> f32 {
    // Inverse document frequency on a 0..1 scale: a word in one name weighs 1.
    let idf = if names <= 1 || total <= 1 {
        1.0
    } else {
        1.0 - (names as f32).ln() / (total as f32).ln()
    };
    match class {
        // Floor: even the commonest surname is evidence when the rest agrees.
        TermClass::Word => idf.max(0.3),
        // Numbers tell 110th from 111th: always strong.
        TermClass::Number => 1.0,
        // Legal forms barely distinguish companies: "Co., Ltd." is half of China.
        TermClass::LegalForm(_) => 0.1,
        // Generic words are shared by thousands of names.
        TermClass::Generic => idf.clamp(0.2, 0.4),
        TermClass::Stopword => 0.05,
    }
}

/// What a word of weight `weight` adds when it matches, given the share of
/// people who bear it (`data/common_names_*.txt`): a part borne by a share
/// `s` of applicants counts like a listed word found in a share `s` of the
/// listed names, on [`class_weight`]'s scale, so `Kim` (21.5% of Koreans)
/// counts 0.14 and `Smith` (1% of Americans) 0.43. Only people's names: a
/// company's common words are [`TermClass::Generic`].
///
/// Only the evidence is lowered, not what the word costs when it is missing:
/// `John Smith` is weak evidence for `SMITH, John Robert`, and a missing
/// `Kim` is still a missing family name.
pub fn evidence_weight(weight: f32, share: Option<f32>, organization: bool, total: u32) -> f32 {
    match share {
        Some(share) if !organization && share > 0.0 && total > 1 => {
            let applicant_idf = share.recip().ln() / (total as f32).ln();
            weight.min(applicant_idf.max(MIN_EVIDENCE))
        }
        _ => weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::term_class;

    #[test]
    fn weights_follow_rarity_and_class() {
        assert_eq!(class_weight(TermClass::Word, 1, 1000), 1.0);
        assert!(
            class_weight(TermClass::Word, 100, 10000) < class_weight(TermClass::Word, 10, 10000)
        );
        assert_eq!(class_weight(TermClass::Word, 10000, 10000), 0.3);
        assert_eq!(class_weight(term_class("company", true), 1, 10), 0.1);
    }

    #[test]
    fn common_parts_count_less_when_they_match() {
        let total = 42_000;
        // (weight, share, organization, evidence lowest, highest)
        let cases: &[(f32, Option<f32>, bool, f32, f32)] = &[
            (0.5, Some(0.215), false, 0.14, 0.15), // Kim
            (0.8, Some(0.01), false, 0.43, 0.44),  // Smith
            (0.3, Some(0.01), false, 0.3, 0.3),    // already lighter in the lists
            (0.9, Some(0.0003), false, 0.76, 0.78),
            (0.9, None, false, 0.9, 0.9),
            (0.9, Some(0.215), true, 0.9, 0.9), // companies: the generic class does it
            (0.9, Some(0.38), false, MIN_EVIDENCE, 0.1), // Nguyen
        ];
        for &(weight, share, org, lo, hi) in cases {
            let e = evidence_weight(weight, share, org, total);
            assert!(e >= lo && e <= hi, "{weight} {share:?} {org}: {e}");
        }
    }
}
