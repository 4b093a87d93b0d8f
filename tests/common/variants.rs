//! Varied queries made from real list entries, shared by the index test and
//! the speed benchmark: names as written, words reversed, the first two words
//! joined, and a letter dropped.

use sanctions_lists::Kind;
use sanctions_screen::{Query, Screener};

/// A query for every `step`-th entry of the screener's lists, cycling
/// through the four variants.
pub fn entity_queries(screener: &Screener, step: usize) -> Vec<Query> {
    (0..screener.entries().len())
        .step_by(step.max(1))
        .map(|i| {
            let e = screener.entity(i as u32).expect("an entry of the lists");
            let words: Vec<&str> = e.name.split([' ', ',']).filter(|w| !w.is_empty()).collect();
            let text = match i % 4 {
                0 => e.name.to_string(),
                1 => words.iter().rev().cloned().collect::<Vec<_>>().join(" "),
                2 if words.len() > 1 => format!(
                    "{}{} {}",
                    words[0],
                    words[1].to_lowercase(),
                    words[2..].join(" ")
                ),
                _ => {
                    let mut chars: Vec<char> = e.name.chars().collect();
                    if chars.len() > 4 {
                        chars.remove(chars.len() / 2);
                    }
                    chars.into_iter().collect()
                }
            };
            if e.kind == Kind::Person {
                Query {
                    name: Some(text),
                    ..Query::default()
                }
            } else {
                Query {
                    company: Some(text),
                    ..Query::default()
                }
            }
        })
        .collect()
}
