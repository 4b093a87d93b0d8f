//! The lists embedded at build time (see `build.rs`): the snapshot without
//! its names, and every listed name already tokenised, which also spells the
//! names back (see [`sanctions_normalize::pretokenized`]).

use std::sync::OnceLock;

use sanctions_lists::snapshot::{decode, decode_deferred_static, DeferredDetails, SnapshotError};
use sanctions_lists::{Snapshot, Text};
use sanctions_normalize::{SpelledNames, TokenTable};

/// The snapshot bytes the build script wrote from the lists folder, names left out.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// The snapshot's names, tokenised by the build script in `Snapshot::names`
/// order, with their spellings.
pub static EMBEDDED_TOKENS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tokens.bin"));

/// Decodes the embedded snapshot, names and details included.
pub fn embedded() -> Result<Snapshot, SnapshotError> {
    let (_, names) = embedded_tokens()?;
    decode(EMBEDDED, Some(lent(names)))
}

/// Decodes the embedded snapshot but its entries' reviewer details, which
/// stay encoded until asked for, and the token table of its names. The
/// entries' names and short texts are lent, not copied (see [`Text`]).
pub fn embedded_deferred() -> Result<(Snapshot, DeferredDetails<'static>, TokenTable), SnapshotError>
{
    let (tokens, names) = embedded_tokens()?;
    let (snapshot, details) = decode_deferred_static(EMBEDDED, Some(lent(names)))?;
    Ok((snapshot, details, tokens))
}

/// Decodes the embedded token table and the names it spells. The names are
/// spelled at the first call and kept, once per process, so that every
/// snapshot decoded from the embedded bytes can lend them; later calls
/// decode the table alone.
pub fn embedded_tokens() -> Result<(TokenTable, &'static SpelledNames), SnapshotError> {
    static SPELLED: OnceLock<SpelledNames> = OnceLock::new();
    let error = |e: &dyn std::fmt::Display| SnapshotError(e.to_string());
    if let Some(names) = SPELLED.get() {
        let tokens = TokenTable::from_bytes_unspelled(EMBEDDED_TOKENS).map_err(|e| error(&e))?;
        return Ok((tokens, names));
    }
    let (tokens, names) = TokenTable::from_bytes(EMBEDDED_TOKENS).map_err(|e| error(&e))?;
    Ok((tokens, SPELLED.get_or_init(|| names)))
}

/// The names as an entry lends them.
fn lent(names: &'static SpelledNames) -> Vec<Text> {
    names.iter().map(Text::Borrowed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn later_calls_decode_the_same_table_and_keep_the_first_names() {
        let (first, first_names) = embedded_tokens().unwrap();
        let (again, again_names) = embedded_tokens().unwrap();
        assert!(std::ptr::eq(first_names, again_names));
        assert_eq!(first.name_count(), again.name_count());
        assert_eq!(first.name_count(), first_names.len());
        for n in [0, first.name_count() / 2, first.name_count() - 1] {
            assert_eq!(first.name_terms(n), again.name_terms(n));
        }
    }

    #[test]
    fn the_entries_names_and_short_texts_are_lent() {
        let (lent, _, _) = embedded_deferred().unwrap();
        let copied = embedded().unwrap();
        assert_eq!(lent.entities.len(), copied.entities.len());
        let mut texts = 0;
        for (l, c) in lent.entities.iter().zip(&copied.entities) {
            let short = std::iter::once(&l.source_id)
                .chain(std::iter::once(&l.name))
                .chain(l.aliases.iter().map(|a| &a.name))
                .chain(&l.programs)
                .chain(&l.nationalities)
                .chain(&l.citizenships)
                .chain(&l.countries)
                .chain(l.birth_dates.iter().map(|d| &d.text));
            for text in short {
                assert!(matches!(text, Cow::Borrowed(_)), "{text:?} copied");
                texts += 1;
            }
            assert_eq!(
                (&l.name, &l.aliases, &l.programs, &l.countries),
                (&c.name, &c.aliases, &c.programs, &c.countries)
            );
        }
        assert!(texts > 100_000, "{texts}");
    }

    #[test]
    fn identifiers_read_alone_are_those_the_whole_details_hold() {
        let (_, deferred, _) = embedded_deferred().unwrap();
        let copied = embedded().unwrap();
        let mut identifiers = 0;
        for (id, entity) in copied.entities.iter().enumerate() {
            let alone = deferred.identifier_texts(id).unwrap();
            let whole: Vec<(&str, &str)> = (entity.details.identifiers.iter())
                .map(|i| (i.kind.as_str(), i.value.as_str()))
                .collect();
            assert_eq!(alone, whole, "entry {id}");
            identifiers += alone.len();
        }
        assert!(identifiers > 10_000, "{identifiers}");
        assert!(deferred.identifier_texts(copied.entities.len()).is_err());
    }
}
