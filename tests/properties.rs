//! Properties over random input, on the embedded lists (proptest):
//! - any Unicode query (identifier fields too) is screened or refused with a
//!   message, never a panic;
//! - a listed name with noise around and inside it (spaces, punctuation,
//!   invisible and bidi characters, symbols, emoji: nothing that spells a
//!   word) scores no lower than the bare name minus [`NOISE_BOUND`].
//! - the scorer's bounded one-edit test agrees with the standard metric it
//!   stands for, strsim's optimal string alignment distance ≤ 1, on short
//!   words over a small alphabet (where edits collide most), Unicode too;
//! - the embedded snapshot and token table with one byte changed anywhere
//!   are read or refused with a message, never a panic.

use std::sync::OnceLock;

use proptest::prelude::*;
use sanctions_screen::{Options, Query, Screener};

/// How far noise may lower a listed name's score. Noise carries no letters,
/// so the normaliser removes it and the name scores as written: no slack.
const NOISE_BOUND: f32 = 0.0;

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().unwrap())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters that spell nothing: spacing, punctuation (not the comma, which
/// marks the family name), invisible and bidi controls, symbols, emoji.
const NOISE: &[char] = &[
    ' ',
    '\t',
    '\u{a0}',
    '\u{3000}',
    '.',
    ';',
    ':',
    '!',
    '?',
    '(',
    ')',
    '[',
    ']',
    '"',
    '*',
    '/',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{feff}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{ad}',
    '\u{2122}',
    '\u{00ae}',
    '\u{1f600}',
    '\u{2764}',
    '\u{fe0f}',
];

fn noise() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(NOISE), 0..4)
        .prop_map(|chars| chars.into_iter().collect())
}

/// The name score of `entity`'s best name for `text`, if it is a candidate.
fn score_for(text: &str, field_is_name: bool, entity: usize) -> Option<f32> {
    let listed = screener().entity(entity as u32).ok()?;
    let query = if field_is_name {
        Query {
            name: Some(text.into()),
            ..Query::default()
        }
    } else {
        Query {
            company: Some(text.into()),
            ..Query::default()
        }
    };
    let options = Options {
        threshold: 0.0,
        limit: 200,
        vessels_and_aircraft: true,
        ..Options::default()
    };
    let result = screener().screen(&query, &options).ok()?;
    // A public notice about an entry of a sanctions list rides on that
    // entry's hit (it is not shown twice): that hit is the notice's too.
    let linked: Vec<(String, String)> = screener()
        .entity(entity as u32)
        .ok()?
        .details
        .notice
        .as_ref()
        .map(|n| {
            n.also_listed
                .iter()
                .map(|&e| {
                    let entries = screener().entries();
                    (
                        screener().lists()[entries.list(e as usize) as usize]
                            .id
                            .clone(),
                        entries.source_id(e as usize).unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    result
        .matches
        .iter()
        .find(|m| {
            linked.contains(&(m.list.clone(), m.source_id.to_string()))
                || m.source_id == listed.source_id
                    && m.list == screener().lists()[listed.list as usize].id
        })
        .map(|m| m.name_score)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_unicode_query_is_screened_or_refused(
        name in "\\PC{0,60}",
        company in proptest::option::of("\\PC{0,40}"),
        dob in proptest::option::of("[0-9-]{0,12}"),
        identifier in proptest::option::of("\\PC{0,70}"),
    ) {
        let identifiers: Vec<String> = identifier.into_iter().collect();
        let query = Query {
            name: Some(name),
            company,
            dob,
            country: None,
            wallet: identifiers.clone(),
            id_number: identifiers.clone(),
            phone: identifiers.clone(),
            email: identifiers.clone(),
            website: identifiers.clone(),
            employer: identifiers,
        };
        match screener().screen(&query, &Options::default()) {
            Ok(result) => {
                for m in &result.matches {
                    prop_assert!((0.0..=1.0).contains(&m.score));
                    prop_assert!(m.name_score >= result.threshold);
                }
            }
            Err(e) => prop_assert!(!e.0.is_empty()),
        }
    }

    #[test]
    fn noise_around_and_between_words_never_hides_a_listed_name(
        pick in any::<proptest::sample::Index>(),
        before in noise(),
        between in noise(),
        after in noise(),
    ) {
        let entity = pick.index(screener().entries().len());
        let listed = screener().entity(entity as u32).unwrap();
        let field_is_name = listed.kind == sanctions_lists::Kind::Person;
        // The bare name as a person would type it: no comma.
        let bare = listed.name.replace(',', "");
        prop_assume!(bare.chars().count() <= 200);
        let bare_score = score_for(&bare, field_is_name, entity);
        prop_assert!(bare_score.is_some(), "{bare:?} does not find its own entry");
        let bare_score = bare_score.unwrap_or(0.0);
        let noisy = format!("{before}{}{after}", bare.replacen(' ', &format!(" {between}"), 1));
        let noisy_score = score_for(&noisy, field_is_name, entity).unwrap_or(0.0);
        prop_assert!(
            noisy_score >= bare_score - NOISE_BOUND,
            "{bare:?} scores {bare_score}, {noisy:?} scores {noisy_score}"
        );
    }

    #[test]
    fn within_one_edit_is_strsim_osa_distance_at_most_one(
        a in "[abné]{0,6}",
        b in "[abné]{0,6}",
    ) {
        prop_assert_eq!(
            sanctions_screen::normalize::within_one_edit(&a, &b),
            strsim::osa_distance(&a, &b) <= 1,
            "{:?} {:?}", a, b
        );
    }
}

/// `bytes` with the byte at `at` (of its length) set to `byte`.
fn with_one_byte_changed(bytes: &[u8], at: prop::sample::Index, byte: u8) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let i = at.index(bytes.len());
    bytes[i] = byte;
    bytes
}

proptest! {
    // Each case decodes the whole embedded lists: a few dozen cover the
    // layout's parts (lengths, counts, texts) in proportion to their size.
    #![proptest_config(ProptestConfig { cases: 24, ..config() })]

    #[test]
    fn a_damaged_snapshot_is_read_or_refused_never_a_panic(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        use sanctions_screen::snapshot;
        let bytes = with_one_byte_changed(snapshot::EMBEDDED, at, byte);
        let (table, spellings) = snapshot::embedded_tokens().unwrap();
        let names = spellings.names(&table).map(Into::into).collect();
        if let Err(e) = sanctions_lists::snapshot::decode(&bytes, Some(names)) {
            prop_assert!(e.to_string().starts_with("invalid snapshot: "), "{e}");
        }
    }

    #[test]
    fn a_damaged_token_table_is_read_or_refused_never_a_panic(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        use sanctions_screen::{normalize::TokenTable, snapshot};
        let bytes = with_one_byte_changed(snapshot::EMBEDDED_TOKENS, at, byte);
        match TokenTable::from_bytes(&bytes) {
            // Checked whole when decoded: every name spells without a panic.
            Ok((table, spellings)) => prop_assert_eq!(spellings.names(&table).count(), table.name_count()),
            Err(e) => prop_assert!(e.to_string().starts_with("token table: "), "{e}"),
        }
    }
}
