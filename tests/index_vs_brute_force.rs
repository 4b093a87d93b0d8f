//! The index must return what scoring every listed name returns.

use sanctions_lists::Kind;
use sanctions_screen::{snapshot, Options, Query, Screener};

/// Varied queries: listed names as written, reordered, joined, with a letter
/// dropped, and ordinary names and companies.
fn queries(screener: &Screener) -> Vec<Query> {
    let snap = screener.snapshot();
    let mut out = Vec::new();
    for (i, e) in snap
        .entities
        .iter()
        .enumerate()
        .step_by(snap.entities.len() / 60)
    {
        let words: Vec<&str> = e.name.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let text = match i % 4 {
            0 => e.name.clone(),
            1 => words.iter().rev().cloned().collect::<Vec<_>>().join(" "),
            2 if words.len() > 1 => format!(
                "{}{} {}",
                words[0],
                words[1].to_lowercase(),
                words[2..].join(" ")
            ),
            _ => {
                let mut w = e.name.clone();
                w.remove(w.len() / 2);
                w
            }
        };
        out.push(if e.kind == Kind::Person {
            Query {
                name: Some(text),
                ..Query::default()
            }
        } else {
            Query {
                company: Some(text),
                ..Query::default()
            }
        });
    }
    for name in [
        "Kim Min-jun",
        "Grace Park",
        "Jong Song Hwa",
        "Sangman Kim",
        "Mohammed Ali",
        "Ivan Petrov",
    ] {
        out.push(Query {
            name: Some(name.into()),
            ..Query::default()
        });
    }
    for company in [
        "Yanbian Silverstar",
        "Volasys Silverstar",
        "Silver Lake Partners",
        "Lazaruz Group",
        "Jinyong IT Co.",
    ] {
        out.push(Query {
            company: Some(company.into()),
            ..Query::default()
        });
    }
    out
}

#[test]
fn index_returns_the_same_top_results_as_brute_force() {
    let screener = Screener::new(snapshot::embedded().unwrap());
    // A low threshold compares more than the alerts alone.
    let options = Options {
        threshold: 0.6,
        limit: 5,
        ..Options::default()
    };
    let queries = queries(&screener);
    assert!(queries.len() > 60);
    let mut compared = 0;
    for q in &queries {
        let indexed = screener.screen(q, &options).unwrap();
        let brute = screener.screen_brute_force(q, &options).unwrap();
        let ids = |r: &sanctions_screen::Screening| {
            r.matches
                .iter()
                .map(|m| (m.list.clone(), m.source_id.clone(), m.score))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&indexed), ids(&brute), "{q:?}");
        compared += brute.matches.len();
    }
    assert!(
        compared > 50,
        "the query set must produce matches to compare, got {compared}"
    );
}
