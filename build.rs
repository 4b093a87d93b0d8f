//! Parses the official list files and embeds them as a compact snapshot.
//!
//! The files come from `SANCTIONS_LISTS_DIR`, else `lists/` in the repository
//! (git-ignored; `fetch-lists` fills it). A file that is missing, does not
//! match its sha256 in `sources.json`, or cannot be parsed fails the build
//! with the file, line and reason: never an empty or partial list.
//! The DPRK IT-worker notices in `data/advisories/` are added as one more
//! list. Beside the snapshot it writes the listed names already tokenised,
//! which also spell the names back: the snapshot leaves them out.

use std::path::PathBuf;

use sanctions_lists::snapshot::Names;
use sanctions_normalize::TokenTable;

fn main() {
    println!("cargo:rerun-if-env-changed=SANCTIONS_LISTS_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = match std::env::var_os("SANCTIONS_LISTS_DIR") {
        Some(d) => manifest_dir.join(d),
        None => manifest_dir.join("lists"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    if !dir.join("sources.json").exists() {
        panic!(
            "\n\nNo sanctions lists at {}.\nSet SANCTIONS_LISTS_DIR to a lists folder (e.g. ../shared/lists), or download the current files with\n  cargo run -p sanctions-lists --features fetch --bin fetch-lists\n\n",
            dir.display()
        );
    }
    // The DPRK IT-worker notices compiled for this project live in the
    // repository (they are not an official list file).
    let advisories = manifest_dir.join("data/advisories");
    let built = match sanctions_lists::sources::build_snapshot_with_notices(&dir, Some(&advisories))
    {
        Ok(b) => b,
        Err(e) => panic!(
            "\n\nThe sanctions lists in {} cannot be embedded:\n  {e}\n\n",
            dir.display()
        ),
    };
    for path in &built.files_read {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    // The names are stored once, in the token table, which spells them back.
    let bytes = sanctions_lists::snapshot::encode(&built.snapshot, Names::Elsewhere);
    std::fs::write(out.join("snapshot.bin"), bytes).expect("write snapshot");
    // Every listed name tokenised now rather than at each start (see
    // sanctions_normalize::pretokenized).
    let names: Vec<&str> = built.snapshot.names().map(|n| n.text).collect();
    let tokens = TokenTable::build(names.iter().copied());
    std::fs::write(out.join("tokens.bin"), tokens.to_bytes(&names)).expect("write token table");
}
