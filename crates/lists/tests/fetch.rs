//! `fetch-lists` against a local HTTP server that serves the shared list
//! snapshots, as the publishers would (there is no internet here).

mod common;
use common::lists_dir;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sanctions_lists::sources::read_sources_json;

/// Serves files under `root` with a fixed Last-Modified; 404 for `missing`.
/// Stops after `requests` requests.
fn serve(root: PathBuf, requests: usize, missing: Option<&'static str>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
            }
            let path = line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/')
                .to_string();
            let body = if missing.is_some_and(|m| path == m) {
                None
            } else {
                std::fs::read(root.join(&path)).ok()
            };
            match body {
                Some(body) => {
                    write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nLast-Modified: Tue, 24 Nov 2026 18:00:00 GMT\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .unwrap();
                    stream.write_all(&body).unwrap();
                }
                None => write!(
                    stream,
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                .unwrap(),
            }
        }
    });
    format!("http://{addr}")
}

/// Runs fetch-lists writing to `out`, with more arguments.
fn fetch_lists(out: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fetch-lists"))
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap()
}

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fetch-lists-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("lists")
}

#[test]
fn downloads_every_file_and_dates_it_from_the_publisher() {
    let url = serve(lists_dir(), 9, None);
    let out = scratch("download");
    let status = fetch_lists(&out, &["--base-url", &url]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let written = read_sources_json(&out).unwrap();
    let shared = read_sources_json(&lists_dir()).unwrap();
    assert_eq!(written.files.len(), 9);
    for (rel, entry) in &written.files {
        assert_eq!(entry.sha256, shared.files[rel].sha256, "{rel}");
        assert_eq!(
            entry.url, shared.files[rel].url,
            "{rel}: the official URL is recorded"
        );
        // The UN file dates itself; the others take Last-Modified.
        let want = if rel.starts_with("un/") {
            "2026-02-27"
        } else {
            "2026-11-24"
        };
        assert_eq!(entry.date, want, "{rel}");
    }
    let stdout = String::from_utf8(status.stdout).unwrap();
    assert!(
        stdout.contains("OFAC SDN List dated 2026-11-24: 6854 persons"),
        "{stdout}"
    );
}

#[test]
fn copies_a_local_mirror_with_its_dates() {
    let out = scratch("mirror");
    let status = fetch_lists(&out, &["--from", lists_dir().to_str().unwrap()]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let written = read_sources_json(&out).unwrap();
    assert_eq!(written.files["ofac_sdn/sdn.csv"].date, "2024-05-03");
    assert_eq!(written.files["un/consolidated.xml"].date, "2026-02-27");
}

#[test]
fn a_failed_download_replaces_nothing() {
    let url = serve(lists_dir(), 9, Some("ofac_sdn/alt.csv"));
    let out = scratch("failed");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "old lists").unwrap();
    let status = fetch_lists(&out, &["--base-url", &url]);
    assert!(!status.status.success());
    let err = String::from_utf8(status.stderr).unwrap();
    assert!(
        err.contains("ofac_sdn/alt.csv") && err.contains("404"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "old lists"
    );
}
