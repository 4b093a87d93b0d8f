//! The compact binary snapshot that sanctions-screen embeds.
//!
//! Layout: the 8-byte magic `SSNAPSHT`, a little-endian `u32` format number,
//! then the [`Snapshot`] in postcard encoding. postcard writes integers as
//! varints and strings unframed, which keeps the embedded lists small.

use crate::Snapshot;

pub const MAGIC: &[u8; 8] = b"SSNAPSHT";
/// Bump when the model's fields change.
pub const SNAPSHOT_FORMAT: u32 = 1;

#[derive(Debug)]
pub struct SnapshotError(pub String);

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid snapshot: {}", self.0)
    }
}

impl std::error::Error for SnapshotError {}

pub fn encode(snapshot: &Snapshot) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_le_bytes());
    let body = postcard::to_allocvec(snapshot).expect("a snapshot always serialises");
    out.extend_from_slice(&body);
    out
}

pub fn decode(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(SnapshotError("missing magic header".into()));
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != SNAPSHOT_FORMAT {
        return Err(SnapshotError(format!(
            "format {format}, this build reads format {SNAPSHOT_FORMAT}"
        )));
    }
    postcard::from_bytes(&bytes[12..]).map_err(|e| SnapshotError(e.to_string()))
}
