//! The DPRK IT-worker notices (`data/advisories/dprk-it-notices.csv`) on
//! their real rows: people and front companies by their listed names and by
//! the spellings applicants use, a persona, every domain form, and what must
//! not alert. Each hit says it is a public notice, not a sanctions listing.

use std::sync::OnceLock;

use sanctions_screen::matching::{Level, QueryField};
use sanctions_screen::{Match, Options, Query, Screener, Screening};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().expect("embedded lists load"))
}

fn screen(query: Query) -> Screening {
    screener()
        .screen(&query, &Options::default())
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn notice_hit<'a>(result: &'a Screening, id: &str) -> &'a Match {
    result
        .matches
        .iter()
        .find(|m| m.list == "dprk_it_notices" && m.source_id == id)
        .unwrap_or_else(|| panic!("no notice {id} in {:?}", result.matches))
}

fn name(text: &str) -> Query {
    Query {
        name: Some(text.into()),
        ..Query::default()
    }
}

fn company(text: &str) -> Query {
    Query {
        company: Some(text.into()),
        ..Query::default()
    }
}

#[test]
fn people_on_no_sanctions_list_are_found_and_labelled_as_notices() {
    // Ri Kyong Sik and Kim Ryu Song are on no embedded sanctions list.
    for (query, id) in [
        ("Ri Kyong Sik", "P002"),
        ("Kyong-sik Ri", "P002"),
        ("Lee Kyungsik", "P002"),
        ("Kim Ryu Song", "P003"),
        ("Ryu-song Kim", "P003"),
    ] {
        let result = screen(name(query));
        let hit = notice_hit(&result, id);
        let notice = hit.notice.as_ref().unwrap();
        assert_eq!(notice.category, "dprk_national", "{query}");
        assert!(notice.action.contains("Indicted"), "{query}");
        assert!(hit.url.starts_with("http"), "{query}: {}", hit.url);
        assert!(
            hit.explanation
                .iter()
                .any(|l| l.starts_with("This is a US public notice, not a sanctions designation")),
            "{query}: {:?}",
            hit.explanation
        );
    }
}

#[test]
fn a_notice_on_a_sanctions_entry_is_shown_once_with_the_notice_attached() {
    let result = screen(name("Jong Song Hwa"));
    let on_sdn: Vec<&Match> = result
        .matches
        .iter()
        .filter(|m| m.source_id == "24979")
        .collect();
    assert_eq!(on_sdn.len(), 1);
    let notice = on_sdn[0]
        .notice
        .as_ref()
        .expect("the notice rides on the SDN hit");
    assert_eq!(notice.category, "dprk_national");
    assert!(notice
        .also_listed
        .iter()
        .any(|l| l.list == "ofac_sdn" && l.source_id == "24979"));
    assert!(result
        .matches
        .iter()
        .all(|m| !(m.list == "dprk_it_notices" && m.source_id == "P001")));
    // With the sanctions lists off, the notice stands alone and says where the entry is.
    let options = Options {
        lists: vec!["dprk_it_notices".into()],
        ..Options::default()
    };
    let alone = screener().screen(&name("Jong Song Hwa"), &options).unwrap();
    let hit = notice_hit(&alone, "P001");
    assert!(
        hit.explanation
            .iter()
            .any(|l| l.contains("is on the OFAC SDN List as entry 24979")),
        "{:?}",
        hit.explanation
    );
}

#[test]
fn front_companies_are_found_by_the_short_forms_applicants_write() {
    for (query, id) in [
        ("Chinyong", "O003"),
        ("Jinyong IT Cooperation Company", "O003"),
        ("Hopana Tech", "O020"),
        ("HopanaTech LLC", "O020"),
        ("Vali Tech Inc", "O025"),
        ("Taggcar", "O024"),
    ] {
        let result = screen(company(query));
        let found = result.matches.iter().any(|m| {
            m.source_id == id
                || m.notice.as_ref().is_some_and(|n| n.category != "persona")
                    && m.list != "dprk_it_notices"
        });
        assert!(
            found,
            "{query}: {:?}",
            result
                .matches
                .iter()
                .map(|m| (&m.list, &m.source_id))
                .collect::<Vec<_>>()
        );
    }
    // Previous employers are screened as companies.
    let result = screen(Query {
        name: Some("Alex Morgan".into()),
        employer: vec!["Google".into(), "Tony WKJ LLC".into()],
        ..Query::default()
    });
    let hit = notice_hit(&result, "O021");
    assert_eq!(hit.field, QueryField::Employer);
}

#[test]
fn a_persona_is_a_possible_match_that_says_anyone_may_bear_the_name() {
    let result = screen(name("Haoran Xu"));
    let hit = notice_hit(&result, "P017");
    assert_eq!(hit.level, Level::Possible);
    assert!(hit.notice.as_ref().unwrap().persona);
    assert!(hit
        .explanation
        .iter()
        .any(|l| l.contains("Innocent people may bear the same name")));
}

#[test]
fn seized_domains_are_found_in_every_form_and_free_mail_never_alerts() {
    for (email, website) in [
        ("jane@hopanatech.com", "hopanatech.com"),
        (
            "Jane.Doe@Mail.HOPANATECH.COM.",
            "https://www.hopanatech.com/careers?ref=1",
        ),
        ("jobs@hopanatech.com", "http://HOPANATECH.com:443/"),
    ] {
        for query in [
            Query {
                email: vec![email.into()],
                ..Query::default()
            },
            Query {
                website: vec![website.into()],
                ..Query::default()
            },
        ] {
            let result = screen(query.clone());
            let hit = notice_hit(&result, "D002");
            assert_eq!(hit.level, Level::Strong, "{query:?}");
        }
    }
    // A near domain is a possible match that says how it is near.
    let near = screen(Query {
        website: vec!["hopana-tech.com".into()],
        ..Query::default()
    });
    let hit = notice_hit(&near, "D002");
    assert_eq!(hit.level, Level::Possible);
    assert!(hit.explanation[0].contains("a hyphen more or less"));
    // Free mail: no hit, and a note that says why.
    let free = screen(Query {
        email: vec!["kim.ryusong@gmail.com".into()],
        ..Query::default()
    });
    assert!(free.matches.is_empty());
    assert!(free.warnings[0].contains("gmail.com"));
    // Not a domain at all: an error that says what to write.
    let bad = screener().screen(
        &Query {
            website: vec!["my portfolio".into()],
            ..Query::default()
        },
        &Options::default(),
    );
    assert!(bad.unwrap_err().0.contains("holds no internet domain"));
}

#[test]
fn ordinary_companies_and_domains_do_not_alert() {
    for query in [
        company("Acme Software LLC"),
        company("Silver Lake Partners"),
        company("Independent Bank"),
        Query {
            website: vec!["https://www.microsoft.com".into()],
            ..Query::default()
        },
        Query {
            email: vec!["hr@tonyandwang.com".into()],
            ..Query::default()
        },
    ] {
        let result = screen(query.clone());
        assert!(
            result.matches.iter().all(|m| m.list != "dprk_it_notices"),
            "{query:?}: {:?}",
            result
                .matches
                .iter()
                .map(|m| (&m.list, &m.name, m.score))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_notices_list_is_dated_hashed_and_can_be_switched_off() {
    let list = screener()
        .lists()
        .iter()
        .find(|l| l.id == "dprk_it_notices")
        .unwrap();
    assert_eq!(list.files[0].sha256.len(), 64);
    assert!(list.date.starts_with("2026-"));
    let options = Options {
        lists: vec!["ofac_sdn".into(), "un".into()],
        ..Options::default()
    };
    let result = screener().screen(&name("Ri Kyong Sik"), &options).unwrap();
    assert!(result.matches.iter().all(|m| m.list != "dprk_it_notices"));
}
