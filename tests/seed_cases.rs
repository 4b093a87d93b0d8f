//! The cases the product exists for, on the real embedded lists, at the
//! default threshold.

use std::sync::OnceLock;

use sanctions_screen::{snapshot, Options, Query, Screener, Screening};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::new(snapshot::embedded().expect("embedded snapshot decodes")))
}

fn screen(name: Option<&str>, company: Option<&str>) -> Screening {
    let query = Query {
        name: name.map(Into::into),
        company: company.map(Into::into),
        ..Query::default()
    };
    screener()
        .screen(&query, &Options::default())
        .expect("valid query")
}

fn top(result: &Screening) -> Option<(&str, &str)> {
    result
        .matches
        .first()
        .map(|m| (m.list.as_str(), m.source_id.as_str()))
}

#[test]
fn listed_companies_are_found() {
    let cases = [
        ("Yanbian Silverstar Network Technology Co., Ltd.", "24977"),
        ("Yanbian Silverstar", "24977"),
        ("Volasys Silverstar", "24978"),
        (
            "Chinyong Information Technology Cooperation Company",
            "43379",
        ),
        ("Jinyong IT Cooperation Co.", "43379"),
        ("Technical Reconnaissance Bureau", "43337"),
        ("Lazarus Group", "27307"),
        ("Hidden Cobra", "27307"),
        ("110th Research Center", "43338"),
        ("Lab 110", "43338"),
        ("Pyongyang University of Automation", "43336"),
    ];
    for (company, id) in cases {
        let result = screen(None, Some(company));
        assert_eq!(
            top(&result),
            Some(("ofac_sdn", id)),
            "{company}: {:#?}",
            result.matches.first()
        );
    }
}

#[test]
fn listed_people_are_found() {
    let cases = [
        ("Jong Song Hwa", "24979"),
        ("Song Hwa Jong", "24979"),
        ("Song-hwa Jong", "24979"),
        ("Kim Sang Man", "43377"),
        ("Sangman Kim", "43377"),
    ];
    for (name, id) in cases {
        let result = screen(Some(name), None);
        assert_eq!(
            top(&result),
            Some(("ofac_sdn", id)),
            "{name}: {:#?}",
            result.matches.first()
        );
    }
}

#[test]
fn ordinary_applicants_raise_no_alert() {
    for name in [
        "Kim Min-jun",
        "Grace Park",
        "Daniel Lee",
        "John Smith",
        "Kim",
    ] {
        let result = screen(Some(name), None);
        assert!(result.matches.is_empty(), "{name}: {:#?}", result.matches);
    }
    for company in ["Silver Lake Partners", "Samsung SDS Co., Ltd."] {
        let result = screen(None, Some(company));
        assert!(
            result.matches.is_empty(),
            "{company}: {:#?}",
            result.matches
        );
    }
}
