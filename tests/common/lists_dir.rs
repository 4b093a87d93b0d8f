/// The real list files, as `scripts/lists-env` finds them: the folder the
/// build embedded.
pub fn lists_dir() -> std::path::PathBuf {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        std::env::var_os("SANCTIONS_LISTS_DIR").map(|d| repo.join(d)),
        Some(repo.join("lists")),
        Some(repo.join("../shared/lists")),
    ]
    .into_iter()
    .flatten()
    .find(|d| d.join("sources.json").exists())
    .expect("no lists folder: set SANCTIONS_LISTS_DIR")
}
