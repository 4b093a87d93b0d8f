//! Plain-language explanations: which words aligned with which, by which
//! rule, what was left over, and how much to trust the name that matched.

use crate::index::NameRecord;
use crate::normalize::{tokenize, Tokenized};

use super::result::{MatchedAs, QueryField};
use super::score::{NameScore, Rule};

pub fn explain(
    field: QueryField,
    query: &Tokenized,
    matched_name: &str,
    record: &NameRecord,
    scored: &NameScore,
    weak: bool,
    matched_as: MatchedAs,
) -> Vec<String> {
    let listed = tokenize(matched_name);
    let mut lines = Vec::new();
    let field = field.as_str();
    lines.push(match matched_as {
        MatchedAs::Primary => format!("The {field} matches the listed name \u{201c}{matched_name}\u{201d}."),
        kind => format!("The {field} matches \u{201c}{matched_name}\u{201d}, a name the list gives for this entry ({}).", kind.as_str()),
    });
    if weak {
        lines.push(
            "That name is a weak alias: the publisher says such names are broad and often match people or companies that are not the listed one."
                .into(),
        );
    }
    let words = |t: &Tokenized, r: std::ops::Range<usize>| {
        t.tokens[r]
            .iter()
            .map(|t| t.original.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for pair in &scored.pairs {
        // The listed name tokenises as the index did, so ranges line up.
        if pair.listed.end > listed.tokens.len() {
            continue;
        }
        let sign = if pair.similarity >= 1.0 {
            "="
        } else {
            "\u{2248}"
        };
        lines.push(format!(
            "{} {sign} {} ({})",
            words(query, pair.query.clone()),
            words(&listed, pair.listed.clone()),
            pair.rule.describe()
        ));
    }
    let unmatched_listed = unaligned(&listed, |j| {
        scored.pairs.iter().any(|p| p.listed.contains(&j))
    });
    if !unmatched_listed.is_empty() {
        lines.push(format!(
            "On the list but not in the {field}: {}.",
            unmatched_listed.join(" ")
        ));
    }
    if scored.cut_short {
        lines.push(format!(
            "The {field} looks cut short after its last word, as a form's length limit cuts it: the listed words after the cut count for little."
        ));
    }
    for &j in &scored.patronymics_left_out {
        if let Some(patronymic) = listed.tokens.get(j) {
            lines.push(format!(
                "{} is a patronymic, which CVs often leave out: its absence counts for little.",
                patronymic.original
            ));
        }
    }
    let unmatched_query = unaligned(query, |i| scored.pairs.iter().any(|p| p.query.contains(&i)));
    if !unmatched_query.is_empty() {
        lines.push(format!(
            "In the {field} but not on the list: {}.",
            unmatched_query.join(" ")
        ));
    }
    let mut order: Vec<(usize, usize)> = scored
        .pairs
        .iter()
        .map(|p| (p.query.start, p.listed.start))
        .collect();
    order.sort_unstable();
    if order.windows(2).any(|w| w[1].1 < w[0].1) {
        lines.push(if record.family_len > 0 {
            "The words are in another order: the list writes the family name first.".into()
        } else {
            "The words are in another order than on the list.".into()
        });
    }
    if scored.roles_swapped {
        lines.push(
            "Both names say which part is the family name, and they disagree: the score is lowered a little.".into(),
        );
    }
    if scored.given_reversed {
        lines.push(
            "The two given names are in the other order than on the list: usually another person's name, so the score is lowered.".into(),
        );
    }
    if !scored.common_parts.is_empty() {
        let parts: Vec<String> = scored
            .common_parts
            .iter()
            .filter_map(|&i| query.tokens.get(i))
            .map(|t| format!("\u{201c}{}\u{201d}", t.original))
            .collect();
        match parts.as_slice() {
            [] => {}
            [one] => lines.push(format!(
                "{one} is a common name: its match counts for less."
            )),
            [rest @ .., last] => lines.push(format!(
                "{} and {last} are common names: their match counts for less.",
                rest.join(", ")
            )),
        }
    }
    let leftover = scored.leftover;
    if leftover.extra_words && !unmatched_query.is_empty() {
        lines.push(format!(
            "Every word of the listed name is in the {field}: a number, a letter, a title or a generic word added costs little, another name more."
        ));
    }
    if leftover.dropped_word && !leftover.dropped_end && !unmatched_listed.is_empty() {
        lines.push(format!(
            "Every word of the {field} is in the listed name, which has one word more: a middle name or second surname left out costs less."
        ));
    } else if leftover.dropped_end {
        lines.push(format!(
            "Every word of the {field} is in the listed name, which goes on after them: the end of a long name left out, or cut off by a form, costs less."
        ));
    }
    if leftover.legal_form_only {
        lines.push(format!(
            "The {field} is the listed company's name with its legal form left out or written another way: a legal form says what kind of company, not which."
        ));
    } else if leftover.short_form {
        lines.push(format!(
            "The {field} holds the listed company's distinctive words and nothing else distinctive: it may be that company by a short name."
        ));
    }
    if scored.weak {
        lines.push(
            "Part of the evidence is weak (an initial, a cut word, a slip at the first letter or in a short word, a word without its vowels, a company's short name, or words of the listed name left out): a possible match at most."
                .into(),
        );
    }
    if scored.partial {
        lines.push("Only part of the person's name matches: not enough to identify anyone.".into());
    }
    if scored
        .pairs
        .iter()
        .all(|p| p.rule == Rule::Exact || p.rule == Rule::LegalForm)
        && unmatched_listed.is_empty()
        && unmatched_query.is_empty()
    {
        lines.push("Every word agrees.".into());
    }
    lines
}

/// The words, as written, of the tokens no pair covers.
fn unaligned(tokens: &Tokenized, covered: impl Fn(usize) -> bool) -> Vec<&str> {
    tokens
        .tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| !covered(*i))
        .map(|(_, t)| t.original.as_str())
        .collect()
}
