//! The lists embedded at build time (see `build.rs`): the snapshot without
//! its names, and every listed name already tokenised, which also spells the
//! names back (see [`sanctions_normalize::pretokenized`]).

use sanctions_lists::snapshot::{decode, decode_deferred, DeferredDetails, SnapshotError};
use sanctions_lists::Snapshot;
use sanctions_normalize::TokenTable;

/// The snapshot bytes the build script wrote from the lists folder, names left out.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// The snapshot's names, tokenised by the build script in `Snapshot::names`
/// order, with their spellings.
pub static EMBEDDED_TOKENS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tokens.bin"));

/// Decodes the embedded snapshot, names and details included.
pub fn embedded() -> Result<Snapshot, SnapshotError> {
    let (_, names) = embedded_tokens()?;
    decode(EMBEDDED, Some(names))
}

/// Decodes the embedded snapshot but its entries' reviewer details, which
/// stay encoded until asked for, and the token table of its names.
pub fn embedded_deferred() -> Result<(Snapshot, DeferredDetails<'static>, TokenTable), SnapshotError>
{
    let (tokens, names) = embedded_tokens()?;
    let (snapshot, details) = decode_deferred(EMBEDDED, Some(names))?;
    Ok((snapshot, details, tokens))
}

/// Decodes the embedded token table and the names it spells.
pub fn embedded_tokens() -> Result<(TokenTable, Vec<String>), SnapshotError> {
    TokenTable::from_bytes(EMBEDDED_TOKENS).map_err(|e| SnapshotError(e.to_string()))
}
