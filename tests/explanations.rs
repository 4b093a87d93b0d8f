//! What a hit says about itself, on real list entries: each rule that shaped
//! the score shows up in the explanation in plain words.

use sanctions_screen::{Match, Options, Query, Screener};

fn top_explanation(name: &str, threshold: f32) -> (String, Vec<String>) {
    let top = top_match(
        Query {
            name: Some(name.into()),
            ..Query::default()
        },
        threshold,
    );
    (top.matched_name.to_string(), top.explanation)
}

fn top_match(query: Query, threshold: f32) -> Match {
    static S: std::sync::OnceLock<Screener> = std::sync::OnceLock::new();
    let screener = S.get_or_init(|| Screener::embedded().expect("embedded lists load"));
    let options = Options {
        threshold,
        lists: vec!["ofac_sdn".into()],
        ..Options::default()
    };
    let screening = screener.screen(&query, &options).expect("valid query");
    screening
        .matches
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{query:?}: no match at {threshold}"))
}

#[test]
fn each_rule_explains_itself() {
    // (query, threshold, listed name that matches, a line the explanation has)
    let cases: &[(&str, f32, &str, &str)] = &[
        (
            "Hyun-woo Kim",
            0.88,
            "KIM, Hyon Woo",
            "\u{201c}woo\u{201d} and \u{201c}Kim\u{201d} are common names: their match counts for less.",
        ),
        ("Kim Hyon Woo", 0.88, "KIM, Hyon Woo", "Kim = KIM (same word)"),
        ("Хо Ён Ил", 0.88, "HO, Yong Il", "Хо = HO (same word)"),
        (
            "Oh Yong-ho",
            0.88,
            "O, Yong Ho",
            "Oh \u{2248} O (spelling variant, as romanisations differ)",
        ),
        (
            "BARAKAT, Moharnmad Fayez",
            0.88,
            "BARAKAT, Mohammad Fayez",
            "Moharnmad \u{2248} Mohammad (one letter differs)",
        ),
        (
            "Dimitri Popov",
            0.88,
            "POPOV, Dimitri Igorevich",
            "Igorevich is a patronymic, which CVs often leave out: its absence counts for little.",
        ),
        (
            "AZIZAH, Sa'id Yusif",
            0.88,
            "AZIZAH, Sa'id Yusif Ali Abu",
            "Every word of the name is in the listed name, which goes on after them: the end of a long name left out, or cut off by a form, costs less.",
        ),
        (
            "Lala Viktorovna Polyakova",
            0.88,
            "POLYAKOVA, Alla Viktorovna",
            "Lala \u{2248} Alla (the first letter differs: a typo or another name)",
        ),
        (
            "Kim Kwangi-l",
            0.88,
            "KIM, Kwang-Il",
            "Kwangi l \u{2248} Kwang Il (the same letters, split at another place)",
        ),
    ];
    for &(query, threshold, listed, line) in cases {
        let (matched, explanation) = top_explanation(query, threshold);
        assert_eq!(matched, listed, "{query}");
        assert!(
            explanation.iter().any(|l| l == line),
            "{query}: {line:?} not in {explanation:#?}"
        );
    }
}

#[test]
fn a_company_without_its_legal_form_is_strong_and_by_a_short_name_possible() {
    // (company, listed name that matches, level, a line the explanation has)
    let legal_form = "The company is the listed company's name with its legal form left out or written another way: a legal form says what kind of company, not which.";
    let short_name = "The company holds the listed company's distinctive words and nothing else distinctive: it may be that company by a short name.";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Korea Kwangson Banking",
            "KOREA KWANGSON BANKING CORP",
            "strong",
            legal_form,
        ),
        (
            "Korea Kwangson Banking Ltd.",
            "KOREA KWANGSON BANKING CORP",
            "strong",
            "Ltd \u{2248} CORP (another legal form)",
        ),
        (
            "Chinyong",
            "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY",
            "possible",
            short_name,
        ),
        (
            "Chinyong Company",
            "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY",
            "possible",
            short_name,
        ),
    ];
    for &(company, listed, level, line) in cases {
        let top = top_match(
            Query {
                company: Some(company.into()),
                ..Query::default()
            },
            0.88,
        );
        assert_eq!(top.matched_name, listed, "{company}");
        assert_eq!(top.level.as_str(), level, "{company}");
        assert!(
            top.explanation.iter().any(|l| l == line),
            "{company}: {line:?} not in {:#?}",
            top.explanation
        );
    }
}
