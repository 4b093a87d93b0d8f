//! Inputs that once let a listed person come out clear with exit status 0,
//! and faults that were quiet: each is now a correct result or a loud error.
//! The bad-input table in docs/bad-input.md points at these tests.

use std::path::PathBuf;
use std::process::{Command, Output};

fn cli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sanctions-screen"));
    c.env("SANCTIONS_SCREEN_TODAY", "2026-11-26");
    c
}

fn temp(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sanctions-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out: Output = cli().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `batch FILE --format?` to JSONL on standard output: (exit, rows, summary).
fn batch_jsonl(
    file: &std::path::Path,
    extra: &[&str],
) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let mut args = vec!["batch", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    let rows = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (code, rows, err)
}

fn top_id(row: &serde_json::Value) -> &str {
    row["result"]["matches"][0]["source_id"]
        .as_str()
        .unwrap_or("")
}

#[test]
fn a_stray_quote_no_longer_swallows_the_rows_after_it() {
    // The review's file: it used to print "Screened 1 rows: 1 clear" and exit 0.
    let file = temp(
        "stray-quote.csv",
        b"name,company\nAlice Smith,\"Acme\nKim Jong Un,\nSong-hwa Jong,Yanbian Silverstar\n",
    );
    let out_file = file.with_file_name("stray-quote-out.csv");
    let (code, _, summary) = run(&[
        "batch",
        file.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(3), "{summary}");
    assert!(
        summary.contains("Read 4 lines of CSV: the header (line 1), 3 rows."),
        "{summary}"
    );
    assert!(
        summary.contains(
            "Screened 3 rows: 0 clear, 2 with matches, 1 could not be screened (line 2)."
        ),
        "{summary}"
    );
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cols: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[5])).collect();
    assert_eq!(cols, [("2", "error"), ("3", "alert"), ("4", "alert")]);
    assert!(
        rows[0][13].contains("line 2: malformed CSV: the quoted field at column 13 is not closed")
    );
    // Both the name (JONG, Song Hwa) and the company (Yanbian Silverstar) hit.
    assert!(rows[2][6].parse::<u32>().unwrap() >= 2, "{:?}", rows[2]);
}

#[test]
fn a_limit_below_one_is_an_error_not_a_clear() {
    let (code, out, err) = run(&["screen", "--name", "Kim Jong Un", "--limit", "0"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("limit must be at least 1"), "{err}");
    let file = temp("limit.csv", b"name\nKim Jong Un\n");
    let (code, _, err) = run(&["batch", file.to_str().unwrap(), "--limit", "0"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("limit must be at least 1"), "{err}");
    // A limit of 1 still alerts.
    let (code, _, _) = run(&["screen", "--name", "Kim Jong Un", "--limit", "1"]);
    assert_eq!(code, Some(1));
}

#[test]
fn unknown_keys_and_repeated_columns_are_errors_naming_the_known_ones() {
    let file = temp(
        "keys.jsonl",
        b"{\"name\":\"Alice\",\"companyName\":\"Yanbian Silverstar\"}\n{\"company\":\"Yanbian Silverstar\"}\n",
    );
    let (code, rows, summary) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(3), "{summary}");
    assert_eq!(rows[0]["status"], "error");
    let error = rows[0]["error"].as_str().unwrap();
    assert!(
        error.starts_with("line 1: unknown field `companyName`, expected one of `name`, `company`, `dob`, `country`"),
        "{error}"
    );
    assert_eq!(top_id(&rows[1]), "24977");

    let file = temp("twice.csv", b"name,name\nAlice,Kim Jong Un\n");
    let (code, _, err) = run(&["batch", file.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("names \"name\" twice (columns 1 and 2)"),
        "{err}"
    );

    // Extra columns are carried through only when named.
    let file = temp("keep.csv", b"applicant_id,name\nA-17,Kim Jong Un\n");
    let (code, _, err) = run(&["batch", file.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("unknown CSV column \"applicant_id\"") && err.contains("--keep"),
        "{err}"
    );
    let (code, rows, _) = batch_jsonl(&file, &["--keep", "applicant_id"]);
    assert_eq!(code, Some(1));
    assert_eq!(rows[0]["kept"]["applicant_id"], "A-17");
    let out_file = file.with_file_name("keep-out.csv");
    run(&[
        "batch",
        file.to_str().unwrap(),
        "--keep",
        "applicant_id",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().next_back(),
        Some("applicant_id")
    );
    assert_eq!(
        reader.records().next().unwrap().unwrap().iter().next_back(),
        Some("A-17")
    );
}

#[test]
fn csv_output_neutralises_formulas_and_shows_bidi_controls() {
    let file = temp(
        "formula.csv",
        "name,company\n=HYPERLINK(\"http://x\"),@SUM(A1)\n+Kim Jong Un,-Acme\n\u{202e}nU gnoJ miK,\n"
            .as_bytes(),
    );
    let out_file = file.with_file_name("formula-out.csv");
    run(&[
        "batch",
        file.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[0][2], "'@SUM(A1)");
    assert_eq!(&rows[1][1], "'+Kim Jong Un");
    assert_eq!(&rows[1][2], "'-Acme");
    assert_eq!(&rows[2][1], "<U+202E>nU gnoJ miK");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn line_numbers_are_right_for_crlf_cr_and_bad_bytes() {
    for (ending, label) in [("\r\n", "crlf"), ("\r", "cr"), ("\n", "lf")] {
        let text = ["name", "Grace Park", "", "x,y", "Kim Jong Un"].join(ending);
        let file = temp(&format!("endings-{label}.csv"), text.as_bytes());
        let (code, rows, summary) = batch_jsonl(&file, &[]);
        assert_eq!(code, Some(3), "{label}: {summary}");
        let lines: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, [2, 4, 5], "{label}");
        assert!(
            rows[1]["error"].as_str().unwrap().starts_with("line 4:"),
            "{label}"
        );
        assert!(
            summary.contains("Read 5 lines of CSV: the header (line 1), 3 rows, 1 blank (line 3)."),
            "{label}: {summary}"
        );
    }
    let file = temp(
        "latin1.csv",
        b"name\nGrace Park\nJos\xe9 Garc\xeda\nKim Jong Un\n",
    );
    let (code, rows, _) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(3));
    assert!(rows[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("line 3: not UTF-8 text"));
    assert_eq!(rows[2]["status"], "alert");
}

#[test]
fn files_are_read_as_what_they_are() {
    // JSONL with a byte-order mark, under a name that is not .jsonl.
    let file = temp(
        "applicants.txt",
        "\u{feff}{\"company\":\"Yanbian Silverstar\"}\r\n".as_bytes(),
    );
    let (code, rows, _) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(top_id(&rows[0]), "24977");
    // CSV with a byte-order mark.
    let file = temp("bom.csv", "\u{feff}name\nKim Jong Un\n".as_bytes());
    let (code, _, _) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(1));
    // `--format` overrides the name; `-o OUT.CSV` is CSV.
    let file = temp("rows.data", b"name\nKim Jong Un\n");
    let out_file = file.with_file_name("OUT.CSV");
    let (code, _, err) = run(&[
        "batch",
        file.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(std::fs::read_to_string(&out_file)
        .unwrap()
        .starts_with("line,name,company"));
}

#[test]
fn impossible_values_are_refused_with_a_message() {
    for (args, message) in [
        (
            vec!["screen", "--name", "Kim Jong Un", "--dob", "1984-02-30"],
            "is not a date",
        ),
        (
            vec!["screen", "--name", "Kim Jong Un", "--dob", &"1".repeat(501)],
            "date of birth is 501 characters long; at most 500",
        ),
        (
            vec![
                "screen",
                "--name",
                "Kim Jong Un",
                "--country",
                &"K".repeat(501),
            ],
            "country is 501 characters long",
        ),
        (
            vec!["screen", "--wallet", &"1".repeat(501)],
            "wallet is 501 characters long",
        ),
        (
            vec!["screen", "--name", "Kim", "--employer", &"E".repeat(501)],
            "employer is 501 characters long",
        ),
        (
            vec!["screen", "--website", &"w".repeat(501)],
            "website is 501 characters long",
        ),
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let out = cli()
        .env("SANCTIONS_SCREEN_TODAY", "tomorrow")
        .args(["screen", "--name", "Kim Jong Un"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("SANCTIONS_SCREEN_TODAY is \"tomorrow\", not a date"));
}

#[test]
fn bidi_controls_are_shown_escaped_to_a_person_and_kept_in_json() {
    let name = "Kim Jong\u{202e} Un";
    let (code, out, _) = run(&["screen", "--name", name]);
    assert_eq!(code, Some(1));
    assert!(out.contains("Kim Jong<U+202E> Un"), "{out}");
    assert!(!out.contains('\u{202e}'));
    let (_, json, _) = run(&["screen", "--name", name, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["query"]["name"], name);
    // Error messages too.
    let (_, _, err) = run(&["screen", "--name", "\u{2066}\u{2069}"]);
    assert!(!err.contains('\u{2066}'), "{err}");
}

#[test]
fn text_with_nothing_to_screen_is_refused_and_separators_still_separate() {
    for name in [
        "\u{301}\u{308}",
        "\u{200b}\u{200d}\u{feff}",
        "\u{1f600}\u{1f389}",
        "\u{202e}\u{2066}",
    ] {
        let (code, _, err) = run(&["screen", "--name", name]);
        assert_eq!(code, Some(2), "{name:?}");
        assert!(
            err.contains("has no letters or digits to screen"),
            "{name:?}: {err}"
        );
    }
    // NUL, tab and line breaks inside a JSON string separate words like spaces.
    let file = temp(
        "controls.jsonl",
        b"{\"name\":\"Kim\\u0000Jong Un\"}\n{\"name\":\"Kim\\tJong\\nUn\"}\n{\"name\":\"Kim Jong Un \\ud83d\\ude00\"}\n",
    );
    let (code, rows, _) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(1));
    for row in &rows {
        assert_eq!(top_id(row), "20157", "{row}");
    }
}

#[test]
fn a_ten_megabyte_field_is_an_error_row_and_the_rest_is_screened() {
    let mut input = b"name,company\n".to_vec();
    input.extend(std::iter::repeat_n(b'A', 10 << 20));
    input.extend_from_slice(b",\nKim Jong Un,\n");
    let file = temp("huge-field.csv", &input);
    let (code, rows, summary) = batch_jsonl(&file, &[]);
    assert_eq!(code, Some(3), "{summary}");
    assert!(
        rows[0]["error"]
            .as_str()
            .unwrap()
            .contains("name is 10485760 characters long; at most 500"),
        "{}",
        rows[0]["error"]
    );
    assert_eq!(top_id(&rows[1]), "20157");
}
