//! The index must return what scoring every listed name returns.

#[path = "common/variants.rs"]
mod variants;

#[cfg(feature = "list-files")]
#[path = "common/lists_dir.rs"]
mod lists_dir;

use sanctions_screen::normalize::TokenTable;
use sanctions_screen::{snapshot, Options, Query, Screener};

/// Varied queries: listed names as written, reordered, joined, with a letter
/// dropped (see `common/variants.rs`), and ordinary names and companies.
fn queries(screener: &Screener) -> Vec<Query> {
    let mut out = variants::entity_queries(screener, screener.entries().len() / 60);
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
    let screener = Screener::embedded().unwrap();
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

#[test]
fn the_embedded_token_table_is_what_tokenising_now_gives() {
    let snap = snapshot::embedded().unwrap();
    let names: Vec<&str> = snap.names().map(|n| n.text).collect();
    let now = TokenTable::build(names.iter().copied());
    // Stored renumbered by frequency: compare what the build stored with
    // what storing the table made now gives.
    let stored_now = TokenTable::from_bytes(&now.to_bytes(&names)).unwrap();
    let embedded = snapshot::embedded_tokens().unwrap();
    assert_eq!(embedded, stored_now);
    let (table, spellings) = stored_now;
    assert_eq!(spellings.names(&table).collect::<Vec<_>>(), names);
    assert!(now.name_count() > 40_000 && now.term_count() > 20_000);
}

/// The embedded snapshot, its names spelled back by the token table and its
/// fields read by column, is every entry exactly as the list files parse now.
#[cfg(feature = "list-files")]
#[test]
fn the_embedded_lists_are_the_lists_as_parsed_now() {
    let dir = lists_dir::lists_dir();
    let advisories = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/advisories");
    let parsed = sanctions_lists::sources::build_snapshot_with_notices(&dir, Some(&advisories))
        .unwrap()
        .snapshot;
    let embedded = snapshot::embedded().unwrap();
    assert_eq!(embedded.entities.len(), parsed.entities.len());
    for (e, p) in embedded.entities.iter().zip(&parsed.entities) {
        assert_eq!(e, p);
    }
    assert_eq!(embedded, parsed);
}

#[test]
fn a_token_table_for_other_names_is_refused() {
    let snap = snapshot::embedded().unwrap();
    let short = TokenTable::build(snap.names().take(10).map(|n| n.text));
    let (_, entries) = sanctions_lists::snapshot::read(snapshot::EMBEDDED).unwrap();
    let err = sanctions_screen::index::NameIndex::from_tokens(&entries, short).err();
    assert!(err.unwrap().contains("covers 10 names"));
}
