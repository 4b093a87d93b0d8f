//! Shared by the lists crate's integration tests.

use std::path::{Path, PathBuf};

/// The real list files: `SANCTIONS_LISTS_DIR`, else the repository's
/// `lists/`, else the workplace's `../shared/lists` (as `scripts/lists-env`).
pub fn lists_dir() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = [
        std::env::var_os("SANCTIONS_LISTS_DIR").map(|d| repo.join(d)),
        Some(repo.join("lists")),
        Some(repo.join("../shared/lists")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("sources.json").exists())
        .expect("no lists folder: set SANCTIONS_LISTS_DIR")
}
