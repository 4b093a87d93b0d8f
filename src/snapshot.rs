//! The lists embedded at build time (see `build.rs`): the snapshot, and
//! every listed name already tokenised.

use sanctions_lists::snapshot::{decode, decode_deferred, DeferredDetails, SnapshotError};
use sanctions_lists::Snapshot;
use sanctions_normalize::pretokenized::TokenTableError;
use sanctions_normalize::TokenTable;

/// The snapshot bytes the build script wrote from the lists folder.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// The snapshot's names, tokenised by the build script in `Snapshot::names` order.
pub static EMBEDDED_TOKENS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tokens.bin"));

/// Decodes the embedded snapshot.
pub fn embedded() -> Result<Snapshot, SnapshotError> {
    decode(EMBEDDED)
}

/// Decodes the embedded snapshot but its entries' reviewer details, which
/// stay encoded until asked for.
pub fn embedded_deferred() -> Result<(Snapshot, DeferredDetails<'static>), SnapshotError> {
    decode_deferred(EMBEDDED)
}

/// Decodes the embedded token table.
pub fn embedded_tokens() -> Result<TokenTable, TokenTableError> {
    TokenTable::from_bytes(EMBEDDED_TOKENS)
}
