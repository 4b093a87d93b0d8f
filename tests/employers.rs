//! Well-known employers (`tests/data/employers.txt`) screened as an
//! applicant's company at the default threshold: the few that alert are
//! named here, each with the reason it does, so that a change that makes
//! `Apple` or `HSBC` alert fails. The held-out benchmark's ordinary
//! companies come from Faker; these are the names applicants really write,
//! many of them initialisms.

use std::collections::BTreeMap;

use sanctions_screen::{Options, Query, Screener};

/// The employers that alert, and the listed name each matches first.
const EXPECTED: &[(&str, &str)] = &[
    // On OFAC's non-SDN list (Chinese military-industrial companies) under
    // that name: a true match.
    ("DJI", "SZ DJI TECHNOLOGY CO., LTD."),
    ("SMIC", "SMIC"),
    ("CNOOC", "CNOOC"),
    ("China Mobile", "CHINA MOBILE"),
    ("China Telecom", "CHINA TELECOM"),
    // A listed company of the same name or initials, other words of its
    // name generic or a legal form: the reviewer must look.
    ("NEC", "JSC NEC"),
    ("KT", "KT SERVICES & LOGISTICS CO., LTD"),
    ("ABC", "ABC LLC"),
    ("KB", "KB INVESTMENTS LIMITED"),
    ("SKT", "LLC SKT"),
    ("GS", "LIMITED LIABILITY COMPANY GS INVESTMENTS"),
    ("Total", "TOTAL Z LLC"),
    ("SAIC", "SAIC"),
    ("H&M", "HM"),
    // Near spellings that still alert as possible: B and P are one sound
    // in romanised Korean, and a word of three letters gives no sign that
    // it is an initialism when it has a vowel; `Tata` is `TAATTA` with its
    // doubled letters read once.
    ("IBM", "IPM LIMITED"),
    ("SBI", "SPI INTERNATIONAL"),
    ("Tata", "TAATTA, AO"),
];

#[test]
fn well_known_employers_alert_only_where_a_listed_name_is_theirs() {
    let screener = Screener::embedded().expect("embedded lists load");
    let employers: Vec<&str> = include_str!("data/employers.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert!(employers.len() > 250, "{}", employers.len());
    let mut alerting = BTreeMap::new();
    for &company in &employers {
        let query = Query {
            company: Some(company.into()),
            ..Query::default()
        };
        let result = screener.screen(&query, &Options::default()).unwrap();
        if let Some(first) = result.matches.first() {
            alerting.insert(company, first.matched_name.to_string());
        }
    }
    let expected: BTreeMap<&str, String> = EXPECTED
        .iter()
        .map(|&(company, listed)| (company, listed.to_string()))
        .collect();
    assert_eq!(alerting, expected);
}
