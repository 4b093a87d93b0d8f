//! `fetch-lists`: put the current official list files in a lists folder
//! (default `lists/`) with a `sources.json` that records, per file, the
//! publisher, URL, list date and sha256.
//!
//! ```text
//! fetch-lists [--out DIR]                  download from the publishers' URLs
//! fetch-lists [--out DIR] --from MIRROR    copy from a local mirror folder
//! fetch-lists [--out DIR] --base-url URL   download MIRROR-style paths from URL (a mirror server)
//! ```
//!
//! The date of a file is the one the publisher gives: the UN's
//! `dateGenerated`, else the HTTP `Last-Modified` header (or, for a local
//! mirror, its own `sources.json`, else the file's modification time).
//! Everything is written to a new folder and checked by parsing it as the
//! build does; only then does it replace the old folder, so a failed or
//! partial download never leaves a half-updated list.

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use sanctions_lists::calendar::civil_from_days;
use sanctions_lists::sources::{
    build_snapshot, official_urls, read_sources_json, sha256_hex, SourceEntry, SourcesJson, LISTS,
};

/// Refuse a download larger than this: the largest official file is a few MB.
const MAX_FILE_BYTES: u64 = 200 << 20;

struct Args {
    out: PathBuf,
    from: Option<PathBuf>,
    base_url: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::from("lists"),
        from: None,
        base_url: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => args.out = PathBuf::from(value()?),
            "--from" => args.from = Some(PathBuf::from(value()?)),
            "--base-url" => args.base_url = Some(value()?),
            "-h" | "--help" => {
                println!("fetch-lists [--out DIR] [--from MIRROR_DIR | --base-url URL]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(args)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("fetch-lists: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let staging = args.out.with_extension("incoming");
    let _ = std::fs::remove_dir_all(&staging);
    let mirror_sources = match &args.from {
        Some(dir) if dir.join("sources.json").exists() => {
            Some(read_sources_json(dir).map_err(|e| e.to_string())?)
        }
        _ => None,
    };
    let mut sources = SourcesJson {
        about: "Written by fetch-lists: one entry per file, with the publisher's date and the file's sha256.".into(),
        files: Default::default(),
    };
    for (rel, official_url) in official_urls() {
        let (bytes, header_date) = match (&args.from, &args.base_url) {
            (Some(dir), _) => copy(dir, rel)?,
            (None, Some(base)) => download(&format!("{}/{rel}", base.trim_end_matches('/')))?,
            (None, None) => download(official_url)?,
        };
        let path = staging.join(rel);
        std::fs::create_dir_all(path.parent().expect("relative path has a folder"))
            .map_err(|e| e.to_string())?;
        std::fs::write(&path, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let mirrored = mirror_sources.as_ref().and_then(|s| s.files.get(rel));
        let date = date_in_file(&bytes)
            .or_else(|| mirrored.map(|m| m.date.clone()))
            .or(header_date)
            .ok_or_else(|| {
                format!("{rel}: the publisher gave no date (no Last-Modified header)")
            })?;
        let publisher = if rel.starts_with("un/") {
            "United Nations Security Council"
        } else {
            "US Treasury OFAC"
        };
        let list = LISTS
            .iter()
            .find(|l| l.files.contains(&rel))
            .map_or("", |l| l.name);
        sources.files.insert(
            rel.to_string(),
            SourceEntry {
                publisher: publisher.into(),
                description: list.into(),
                url: official_url.into(),
                date,
                sha256: sha256_hex(&bytes),
                bytes: bytes.len() as u64,
            },
        );
        eprintln!("  {rel}: {} bytes", bytes.len());
    }
    let json = serde_json::to_string_pretty(&sources).expect("serialisable");
    std::fs::write(staging.join("sources.json"), json + "\n").map_err(|e| e.to_string())?;
    // Check the files as the build will, before they replace anything.
    let built = build_snapshot(&staging)
        .map_err(|e| format!("the new files do not parse, nothing replaced: {e}"))?;
    if args.out.exists() {
        std::fs::remove_dir_all(&args.out)
            .map_err(|e| format!("cannot replace {}: {e}", args.out.display()))?;
    }
    std::fs::rename(&staging, &args.out).map_err(|e| e.to_string())?;
    for list in &built.snapshot.lists {
        let c = &list.counts;
        println!(
            "{} dated {}: {} persons, {} organizations, {} vessels, {} aircraft",
            list.name, list.date, c.persons, c.organizations, c.vessels, c.aircraft
        );
    }
    println!(
        "Wrote {}. Rebuild sanctions-screen to embed them.",
        args.out.display()
    );
    Ok(())
}

fn copy(dir: &Path, rel: &str) -> Result<(Vec<u8>, Option<String>), String> {
    let path = dir.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| civil_from_days(d.as_secs() as i64 / 86_400));
    Ok((bytes, modified))
}

fn download(url: &str) -> Result<(Vec<u8>, Option<String>), String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(300)))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| format!("{url}: {e}"))?;
    let last_modified = response
        .headers()
        .get("last-modified")
        .and_then(|v| v.to_str().ok())
        .and_then(http_date);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_FILE_BYTES)
        .read_to_vec()
        .map_err(|e| format!("{url}: {e}"))?;
    Ok((bytes, last_modified))
}

/// The UN file says its own date: `dateGenerated="2026-02-27T..."`.
fn date_in_file(bytes: &[u8]) -> Option<String> {
    let head = std::str::from_utf8(&bytes[..bytes.len().min(4096)]).ok()?;
    let at = head.find("dateGenerated=\"")? + "dateGenerated=\"".len();
    head.get(at..at + 10).map(str::to_string)
}

/// `Wed, 21 Oct 2015 07:28:00 GMT` → `2015-10-21`.
fn http_date(value: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = value.split_whitespace().collect();
    let (day, month, year) = (parts.get(1)?, parts.get(2)?, parts.get(3)?);
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    let day: u32 = day.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}
