//! The lists embedded at build time (see `build.rs`): the snapshot without
//! its names, and every listed name already tokenised, which also spells the
//! names back (see [`sanctions_normalize::pretokenized`]).

use std::sync::OnceLock;

use sanctions_lists::snapshot::{decode, read, Entries, SnapshotError};
use sanctions_lists::{ListMeta, Snapshot, Text};
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

/// The embedded lists' metadata and entries, read in place (see
/// [`Entries`]), the token table of their names, and the names it spells.
pub fn embedded_entries() -> Result<
    (
        Vec<ListMeta>,
        Entries<'static>,
        TokenTable,
        &'static SpelledNames,
    ),
    SnapshotError,
> {
    let (tokens, names) = embedded_tokens()?;
    let (lists, entries) = read(EMBEDDED)?;
    Ok((lists, entries, tokens, names))
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
    fn entries_read_in_place_are_the_entries_decoded_whole() {
        let (_, entries, _, names) = embedded_entries().unwrap();
        let whole = embedded().unwrap();
        assert_eq!(entries.len(), whole.entities.len());
        let name_of = |n: usize| Some(Text::Borrowed(names.get(n)));
        let (mut texts, mut identifiers) = (0, 0);
        for (id, decoded) in whole.entities.iter().enumerate() {
            let read = entries.entity(id, name_of).unwrap();
            assert_eq!(&read, decoded, "entry {id}");
            assert_eq!(
                (entries.list(id), entries.kind(id)),
                (decoded.list, decoded.kind)
            );
            let short = std::iter::once(&read.source_id)
                .chain(std::iter::once(&read.name))
                .chain(read.aliases.iter().map(|a| &a.name))
                .chain(&read.programs)
                .chain(&read.nationalities)
                .chain(&read.citizenships)
                .chain(&read.countries)
                .chain(read.birth_dates.iter().map(|d| &d.text));
            for text in short {
                assert!(matches!(text, Cow::Borrowed(_)), "{text:?} copied");
                texts += 1;
            }
            let alone = entries.identifier_texts(id).unwrap();
            let all: Vec<(&str, &str)> = (decoded.details.identifiers.iter())
                .map(|i| (i.kind.as_str(), i.value.as_str()))
                .collect();
            assert_eq!(alone, all, "entry {id}");
            identifiers += alone.len();
        }
        assert!(texts > 100_000, "{texts}");
        assert!(identifiers > 10_000, "{identifiers}");
        assert!(entries.identifier_texts(entries.len()).is_err());
        assert!(entries.entity(entries.len(), name_of).is_err());
        assert!(entries.entity(0, |_| None).is_err(), "names not given");
        let slots: Vec<_> = entries.names().collect();
        let walked: Vec<_> = whole.names().collect();
        assert_eq!(slots.len(), walked.len());
        for (slot, name) in slots.iter().zip(&walked) {
            assert_eq!(
                (slot.entity, slot.alias, slot.weak),
                (name.entity, name.alias, name.weak)
            );
        }
        for id in [0, entries.len() / 2, entries.len() - 1] {
            assert_eq!(names.get(entries.first_name(id)), whole.entities[id].name);
        }
    }
}
