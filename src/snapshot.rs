//! The lists embedded at build time (see `build.rs`).

use sanctions_lists::snapshot::{decode, SnapshotError};
use sanctions_lists::Snapshot;

/// The snapshot bytes the build script wrote from the lists folder.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// Decodes the embedded snapshot.
pub fn embedded() -> Result<Snapshot, SnapshotError> {
    decode(EMBEDDED)
}
