//! The cases the product exists for (`tests/data/seed_cases.tsv`), on the
//! real embedded lists, at the default threshold.

use std::sync::OnceLock;

use sanctions_screen::{Options, Query, Screener, Screening};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().expect("embedded lists load"))
}

/// One row of the table: a query field, its text, and the expected top hit.
struct SeedCase {
    field: String,
    text: String,
    expected: Option<(String, String)>,
}

fn seed_cases() -> Vec<SeedCase> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed_cases.tsv");
    let table = std::fs::read_to_string(path).expect("seed case table");
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "seed_cases.tsv line {}: {line:?}", i + 1);
            let expected = (cols[2] != "-").then(|| {
                let (list, id) = cols[2]
                    .split_once(':')
                    .unwrap_or_else(|| panic!("seed_cases.tsv line {}: list:id", i + 1));
                (list.to_string(), id.to_string())
            });
            SeedCase {
                field: cols[0].to_string(),
                text: cols[1].to_string(),
                expected,
            }
        })
        .collect()
}

fn screen(case: &SeedCase) -> Screening {
    let text = Some(case.text.clone());
    let query = match case.field.as_str() {
        "name" => Query {
            name: text,
            ..Query::default()
        },
        "company" => Query {
            company: text,
            ..Query::default()
        },
        other => panic!("unknown field {other}"),
    };
    screener()
        .screen(&query, &Options::default())
        .expect("valid query")
}

#[test]
fn the_table_has_hits_and_clears() {
    let cases = seed_cases();
    assert!(cases.iter().filter(|c| c.expected.is_some()).count() >= 15);
    assert!(cases.iter().filter(|c| c.expected.is_none()).count() >= 5);
}

#[test]
fn listed_entries_are_found_first() {
    for case in seed_cases().iter().filter(|c| c.expected.is_some()) {
        let result = screen(case);
        let top = result
            .matches
            .first()
            .map(|m| (m.list.clone(), m.source_id.to_string()));
        assert_eq!(
            top,
            case.expected,
            "{}: {:#?}",
            case.text,
            result.matches.first()
        );
    }
}

#[test]
fn ordinary_applicants_raise_no_alert() {
    for case in seed_cases().iter().filter(|c| c.expected.is_none()) {
        let result = screen(case);
        assert!(
            result.matches.is_empty(),
            "{}: {:#?}",
            case.text,
            result.matches
        );
    }
}
