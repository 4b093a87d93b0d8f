//! The lists embedded at build time (see `build.rs`): the snapshot without
//! its names, and every listed name already tokenised, which also spells the
//! names back (see [`sanctions_normalize::pretokenized`]).

use sanctions_lists::snapshot::{decode, read, Entries, SnapshotError};
use sanctions_lists::{ListMeta, Snapshot, Text};
use sanctions_normalize::{Spellings, TokenTable};

/// The snapshot bytes the build script wrote from the lists folder, names left out.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// The snapshot's names, tokenised by the build script in `Snapshot::names`
/// order, with their spellings.
pub static EMBEDDED_TOKENS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tokens.bin"));

/// Decodes the embedded snapshot whole, every name spelled and every
/// entry's details made.
pub fn embedded() -> Result<Snapshot, SnapshotError> {
    let (tokens, spellings) = embedded_tokens()?;
    let names = spellings.names(&tokens).map(Text::Owned).collect();
    decode(EMBEDDED, Some(names))
}

/// The embedded lists' metadata and entries, read in place (see
/// [`Entries`]), the token table of their names, and the names' spellings.
pub fn embedded_entries(
) -> Result<(Vec<ListMeta>, Entries<'static>, TokenTable, Spellings), SnapshotError> {
    let (tokens, spellings) = embedded_tokens()?;
    let (lists, entries) = read(EMBEDDED)?;
    Ok((lists, entries, tokens, spellings))
}

/// Decodes the embedded token table and its names' spellings.
pub fn embedded_tokens() -> Result<(TokenTable, Spellings), SnapshotError> {
    TokenTable::from_bytes(EMBEDDED_TOKENS).map_err(|e| SnapshotError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn entries_read_in_place_are_the_entries_decoded_whole() {
        let (_, entries, tokens, spellings) = embedded_entries().unwrap();
        let whole = embedded().unwrap();
        assert_eq!(entries.len(), whole.entities.len());
        let name_of = |run| {
            Some(
                spellings
                    .run(&tokens, run)
                    .into_iter()
                    .map(Text::Owned)
                    .collect(),
            )
        };
        let (mut texts, mut identifiers) = (0, 0);
        for (id, decoded) in whole.entities.iter().enumerate() {
            let read = entries.entity(id, name_of).unwrap();
            assert_eq!(&read, decoded, "entry {id}");
            assert_eq!(
                (entries.list(id), entries.kind(id)),
                (decoded.list, decoded.kind)
            );
            let short = std::iter::once(&read.source_id)
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
        assert!(texts > 50_000, "{texts}");
        assert!(identifiers > 10_000, "{identifiers}");
        assert!(entries.identifier_texts(entries.len()).is_err());
        assert!(entries.entity(entries.len(), name_of).is_err());
        assert!(entries.entity(0, |_| None).is_err(), "names not given");
        assert!(
            entries.entity(0, |_| Some(Vec::new())).is_err(),
            "too few names"
        );
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
            let first = spellings.name(&tokens, entries.first_name(id));
            assert_eq!(first, whole.entities[id].name);
        }
    }

    /// The bench's size by field counts every byte once: postcard writes a
    /// record's fields end to end, so the fields make up the record.
    #[test]
    fn the_stored_fields_make_up_the_embedded_snapshot() {
        let fields = sanctions_lists::snapshot::fields(EMBEDDED).unwrap();
        let joined: Vec<u8> = fields.iter().flat_map(|f| f.bytes.clone()).collect();
        assert_eq!(joined, EMBEDDED[12..]);
        let details = fields.iter().filter(|f| f.deferred).count();
        assert_eq!((fields.len(), details), (26, 10));
        let largest = fields.iter().max_by_key(|f| f.bytes.len()).unwrap();
        assert_eq!(largest.name, "remarks");
        assert!(sanctions_lists::snapshot::fields(&EMBEDDED[..11]).is_err());
    }
}
