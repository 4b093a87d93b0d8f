//! The native CLI, run as a user would.

use std::process::Command;

#[path = "common/lists_dir.rs"]
mod lists_dir;
use lists_dir::lists_dir;

fn cli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sanctions-screen"));
    c.env("SANCTIONS_SCREEN_TODAY", "2026-11-26");
    c
}

fn temp(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sanctions-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn screen_explains_a_hit_and_exits_1() {
    let out = cli()
        .args(["screen", "--company", "Volasys Silverstar"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("24978") && text.contains("VOLASYS SILVER STAR"),
        "{text}"
    );
    assert!(
        text.contains("Silverstar = SILVER STAR (joined words)")
            || text.contains("Silverstar \u{2248} SILVER STAR (joined words)"),
        "{text}"
    );
    assert!(
        text.contains("OFAC SDN List dated 2024-05-03, 937 days old - STALE"),
        "{text}"
    );
}

#[test]
fn screen_json_is_the_documented_contract() {
    let out = cli()
        .args([
            "screen",
            "--name",
            "Jong Song Hwa",
            "--dob",
            "1970-02-05",
            "--country",
            "KP",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["result"]["matches"][0];
    assert_eq!(m["source_id"], "24979");
    assert_eq!(m["list"], "ofac_sdn");
    assert_eq!(m["kind"], "person");
    assert_eq!(m["matched_as"], "primary");
    assert_eq!(m["level"], "strong");
    assert_eq!(
        m["url"],
        "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=24979"
    );
    assert_eq!(m["checks"][0]["outcome"], "match");
    assert_eq!(m["checks"][1]["outcome"], "match");
    assert_eq!(m["details"]["birth_dates"][0], "05 Feb 1970");
    assert!(m["score"].as_f64().unwrap() > 0.99);
    assert_eq!(v["result"]["lists"][0]["stale"], true);
    // Scores and the threshold are written as their shortest decimal.
    assert_eq!(v["result"]["threshold"].as_f64().unwrap(), 0.88);
}

#[test]
fn a_conflicting_birth_date_lowers_the_score_but_keeps_the_hit() {
    let out = cli()
        .args([
            "screen",
            "--name",
            "Jong Song Hwa",
            "--dob",
            "1985-01-01",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["result"]["matches"][0];
    assert_eq!(m["source_id"], "24979");
    assert_eq!(m["checks"][0]["outcome"], "conflict");
    assert!(m["score"].as_f64().unwrap() < m["name_score"].as_f64().unwrap());
}

#[test]
fn no_match_says_so_with_the_threshold_and_exits_0() {
    let out = cli()
        .args(["screen", "--name", "Grace Park"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "No match for name \u{201c}Grace Park\u{201d} on these lists (threshold 0.88)"
        ),
        "{text}"
    );
}

#[test]
fn bad_queries_exit_2_with_a_clear_message() {
    for (args, message) in [
        (vec!["screen"], "enter a name, a company or an identifier"),
        (
            vec!["screen", "--name", "Kim Sang Man", "--dob", "05/02/1970"],
            "is not a date",
        ),
        (
            vec!["screen", "--name", "Kim Sang Man", "--country", "ZZ"],
            "is not known",
        ),
        (
            vec!["screen", "--name", "Kim", "--threshold", "2"],
            "threshold must be between 0 and 1",
        ),
        (
            vec!["screen", "--name", "Kim", "--list", "eu"],
            "unknown list",
        ),
    ] {
        let out = cli().args(&args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let long = "x".repeat(501);
    let out = cli().args(["screen", "--name", &long]).output().unwrap();
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("at most 500"));
}

#[test]
fn batch_csv_gives_one_row_per_input_row_in_order() {
    let input = temp(
        "in.csv",
        "name,company,dob,country\nJong Song Hwa,,1970-02-05,KP\nGrace Park,Silver Lake Partners,,\n,Yanbian Silverstar,,\nKim Sang Man,,not-a-date,\ntoo,many,fields,here,extra\n",
    );
    let output = input.with_file_name("out.csv");
    let out = cli()
        .args([
            "batch",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let summary = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(3), "{summary}");
    assert!(
        summary.contains(
            "Screened 5 rows: 1 clear, 2 with matches, 2 could not be screened (lines 5, 6)"
        ),
        "{summary}"
    );
    let mut reader = csv::Reader::from_path(&output).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cols: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[5], &r[10])).collect();
    assert_eq!(
        cols,
        [
            ("2", "alert", "24979"),
            ("3", "clear", ""),
            ("4", "alert", "24977"),
            ("5", "error", ""),
            ("6", "error", "")
        ]
    );
    assert!(rows[3][13].contains("not a date"));
    assert!(
        rows[4][13].contains("line 6: expected 4 fields, found 5"),
        "{}",
        &rows[4][13]
    );
    assert!(rows[0][12].contains("ofac_sdn 2024-05-03"));
}

#[test]
fn batch_jsonl_reports_bad_lines_in_place() {
    let input = temp(
        "in.jsonl",
        "{\"company\": \"Lazarus Group\"}\n{not json}\n{\"name\": \"John Smith\"}\n",
    );
    let out = cli()
        .args(["batch", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["result"]["matches"][0]["source_id"], "27307");
    assert_eq!(lines[1]["status"], "error");
    assert!(lines[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(lines[2]["status"], "clear");
}

#[test]
fn batch_rejects_an_unknown_header() {
    let input = temp("bad-header.csv", "fullname,employer\nA,B\n");
    let out = cli()
        .args(["batch", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("unknown CSV column \"fullname\" (column 1)"));
}

#[test]
fn lists_shows_dates_counts_and_hashes() {
    let out = cli().args(["lists", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "ofac_sdn");
    assert_eq!(v[0]["date"], "2024-05-03");
    assert_eq!(v[0]["counts"]["persons"], 6854);
    assert_eq!(
        v[0]["files"][0]["sha256"],
        "210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb"
    );
    assert_eq!(v[2]["id"], "un");
    assert_eq!(v[2]["date"], "2026-02-27");
    let text = String::from_utf8(cli().arg("lists").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("UN Security Council Consolidated List (un)") && text.contains("STALE"),
        "{text}"
    );
}

#[test]
fn lists_entries_prints_every_entry_as_a_json_line() {
    let out = cli().args(["lists", "--entries"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |list: &str| lines.iter().filter(|e| e["list"] == list).count();
    // 6,854 persons, 6,884 organizations, 851 vessels and 376 aircraft.
    assert_eq!(count("ofac_sdn"), 14_965);
    assert!(count("un") > 900 && count("ofac_cons") > 400);
    let kim = lines
        .iter()
        .find(|e| e["list"] == "ofac_sdn" && e["source_id"] == "20157")
        .expect("KIM, Jong Un");
    assert_eq!(kim["name"], "KIM, Jong Un");
    assert_eq!(kim["kind"], "Person");
    // The reviewer details too: the embedded screener reads them in place.
    assert_eq!(kim["addresses"][0], "Korea, North");
    assert!(
        kim["title"]
            .as_str()
            .unwrap()
            .starts_with("Chairman of the"),
        "{kim}"
    );
    let with_identifiers = lines
        .iter()
        .filter(|e| e["identifiers"].as_array().is_some_and(|i| !i.is_empty()))
        .count();
    assert!(with_identifiers > 3_000, "{with_identifiers}");
}

#[test]
fn lists_dir_screens_against_the_files_in_it() {
    let dir = lists_dir();
    let out = cli()
        .args(["screen", "--name", "Kim Jong Un", "--json", "--lists-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["result"]["matches"][0]["source_id"], "20157");
    // The official lists only: the notices are built in.
    let ids: Vec<String> = v["result"]["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["ofac_sdn", "ofac_cons", "un"]);

    // A folder that is not a lists folder, and a file that is not the one
    // its sources.json describes: refused, naming what is wrong.
    let out = cli()
        .args(["lists", "--lists-dir", "/nonexistent-lists"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("/nonexistent-lists") && err.contains("sources.json"),
        "{err}"
    );
    let copy = std::env::temp_dir().join(format!("sanctions-lists-copy-{}", std::process::id()));
    for sub in ["ofac_sdn", "ofac_cons", "un"] {
        std::fs::create_dir_all(copy.join(sub)).unwrap();
        for file in std::fs::read_dir(dir.join(sub)).unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, copy.join(sub).join(file.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(dir.join("sources.json"), copy.join("sources.json")).unwrap();
    let sdn = copy.join("ofac_sdn/sdn.csv");
    let mut bytes = std::fs::read(&sdn).unwrap();
    bytes.extend_from_slice(b"99999999,\"NOT ON THE LIST\",-0- \r\n");
    std::fs::write(&sdn, bytes).unwrap();
    let out = cli()
        .args(["screen", "--name", "Kim Jong Un", "--lists-dir"])
        .arg(&copy)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("ofac_sdn/sdn.csv") && err.contains("sha256"),
        "{err}"
    );
    std::fs::remove_dir_all(&copy).unwrap();
}

#[test]
fn presets_set_the_threshold_and_exclude_an_explicit_one() {
    let threshold = |preset: &str| {
        let out = cli()
            .args([
                "screen",
                "--name",
                "John Smith",
                "--json",
                "--preset",
                preset,
            ])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["result"]["threshold"].as_f64().unwrap()
    };
    assert_eq!(threshold("strict"), 0.92);
    assert_eq!(threshold("standard"), 0.88);
    assert_eq!(threshold("broad"), 0.8);
    let both = cli()
        .args([
            "screen",
            "--name",
            "Kim",
            "--preset",
            "broad",
            "--threshold",
            "0.5",
        ])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be used with"));
}

#[test]
fn identifiers_screen_from_flags_and_batch_columns() {
    let out = cli()
        .args([
            "screen",
            "--name",
            "John Smith",
            "--wallet",
            "ethereum:0x97B1043ABD9E6FC31681635166D430A458D14F9C@1",
            "--id-number",
            "12345678X",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("KIM, Sang Man") && text.contains("most serious kind of hit"),
        "{text}"
    );
    assert!(text.contains("No match for id number \u{201c}12345678X\u{201d} on these lists (identifiers match exactly)"), "{text}");

    let input = temp(
        "wallets.csv",
        "name,wallet,phone\nAlice,0xNOTAWALLET; 1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ,\n,,+98 21 8852 6300\n",
    );
    let output = input.with_file_name("wallets-out.csv");
    let out = cli()
        .args([
            "batch",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_path(&output).unwrap();
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("top_source_id")], "43377");
    assert!(rows[0][col("warnings")].contains("does not look like a wallet address"));
    assert_eq!(&rows[1][col("top_source_id")], "12802");
    assert_eq!(
        &rows[1][col("phone")],
        "'+98 21 8852 6300",
        "a leading + is neutralised for spreadsheets"
    );
}

#[test]
fn batch_on_several_threads_writes_the_same_rows_in_input_order() {
    // More rows than one block, so that threads and blocks both split them;
    // listed names spread through ordinary ones.
    let listed = [
        "Kim Jong Un",
        "Yanbian Silverstar",
        "Lazarus Group",
        "Pak Hwa Song",
    ];
    let mut text = String::from("name,company,ref\n");
    for i in 0..2500 {
        let row = if i % 97 == 0 {
            let l = listed[(i / 97) % listed.len()];
            if l.contains(' ') && !l.ends_with("Group") && !l.starts_with("Yanbian") {
                format!("{l},,r{i}\n")
            } else {
                format!(",{l},r{i}\n")
            }
        } else {
            format!("Applicant {i} Smith,Company {},r{i}\n", i % 13)
        };
        text.push_str(&row);
    }
    let input = temp("threads.csv", &text);
    let run = |jobs: &str| {
        let output = input.with_file_name(format!("threads-{jobs}.out.csv"));
        let out = cli()
            .args([
                "batch",
                input.to_str().unwrap(),
                "--keep",
                "ref",
                "--jobs",
                jobs,
                "-o",
            ])
            .arg(&output)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(output).unwrap()
    };
    let one = run("1");
    assert_eq!(run("3"), one);
    let lines: Vec<&str> = one.lines().skip(1).collect();
    assert_eq!(lines.len(), 2500);
    for (i, line) in lines.iter().enumerate() {
        assert!(line.starts_with(&format!("{},", i + 2)), "{line}");
        assert!(line.ends_with(&format!(",r{i}")), "{line}");
    }
    assert!(lines.iter().filter(|l| l.contains(",alert,")).count() >= 20);
}
