//! Reading a batch of applicants: a CSV file with a header, or JSONL (one
//! query object per line).
//!
//! The contract: **every physical line is accounted for**. Each one is the
//! header, a row to screen, a row that carries its error, or a blank line that
//! is counted, so that `lines == header + rows + blank` always holds and a
//! caller can say so. Lines end at `\n`, `\r\n` or a lone `\r`, and are
//! numbered from 1, header included, whatever the style.
//!
//! Each line is read on its own. A CSV field may be quoted, but may not hold
//! a line break: a quote left open is an error on the line where it opened,
//! and the next line is read afresh. (A reader that lets a quoted field run
//! on would let one stray `"` swallow every row after it, and those
//! applicants would never be screened.) A line that is not UTF-8 is an error
//! row; the rest of the file is screened. A byte-order mark is skipped.
//!
//! Columns and keys are checked, never guessed: an unknown or repeated CSV
//! column, or an unknown JSONL key, is an error naming the ones known.
//! Columns the caller wants carried through to the output are named in
//! `keep`.

use crate::matching::Query;

/// The columns (CSV) and keys (JSONL) a query is read from.
pub const QUERY_FIELDS: [&str; 10] = [
    "name",
    "company",
    "dob",
    "country",
    "wallet",
    "id_number",
    "phone",
    "email",
    "website",
    "employer",
];

/// Separates several identifiers in one CSV cell (`0xab…; 0xcd…`).
pub const CELL_SEPARATOR: char = ';';

/// How a batch file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

impl Format {
    /// The format a file's extension names (`.csv`; `.jsonl`, `.ndjson`, in
    /// any case), or, for any other name, the one its first non-blank line
    /// shows: a `{` starts JSONL.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv") => Format::Csv,
            Some("jsonl" | "ndjson") => Format::Jsonl,
            _ => {
                let first = lines(without_bom(bytes))
                    .map(|(_, l)| l.trim_ascii())
                    .find(|l| !l.is_empty());
                if first.is_some_and(|l| l.starts_with(b"{")) {
                    Format::Jsonl
                } else {
                    Format::Csv
                }
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Jsonl => "JSONL",
        }
    }
}

/// One row to screen: its line, the query or why there is none, and the
/// values of the columns the caller asked to keep, in the order asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: u64,
    pub query: Result<Query, String>,
    pub kept: Vec<String>,
}

/// A batch file read: its rows, and how every line was used.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub format: Format,
    pub rows: Vec<Row>,
    /// Physical lines in the file.
    pub lines: u64,
    /// The header line (CSV only).
    pub header_line: Option<u64>,
    /// Blank lines, which hold no applicant.
    pub blank_lines: Vec<u64>,
}

impl Batch {
    /// Reads a batch. `keep` names columns (CSV) or keys (JSONL) to carry
    /// through to the output. Fails only when nothing can be screened: a
    /// missing or unreadable CSV header, a column that is unknown, repeated
    /// or asked to be kept but absent.
    pub fn read(bytes: &[u8], format: Format, keep: &[String]) -> Result<Batch, String> {
        let batch = match format {
            Format::Csv => read_csv(without_bom(bytes), keep)?,
            Format::Jsonl => read_jsonl(without_bom(bytes), keep)?,
        };
        debug_assert_eq!(
            batch.lines,
            u64::from(batch.header_line.is_some())
                + batch.rows.len() as u64
                + batch.blank_lines.len() as u64,
            "every line is accounted for"
        );
        Ok(batch)
    }
}

/// The CSV header's columns that are not query fields, as written: the page
/// carries them all through to its report rather than refusing the file.
/// Empty for JSONL, or when the header cannot be read (then [`Batch::read`]
/// says why).
pub fn extra_columns(bytes: &[u8], format: Format) -> Vec<String> {
    if format != Format::Csv {
        return Vec::new();
    }
    let header = lines(without_bom(bytes))
        .map(|(_, l)| l)
        .find(|l| !l.trim_ascii().is_empty());
    let Some(Ok(Ok(cells))) = header.map(|l| std::str::from_utf8(l).map(split_csv_line)) else {
        return Vec::new();
    };
    cells
        .into_iter()
        .filter(|c| !QUERY_FIELDS.iter().any(|f| c.eq_ignore_ascii_case(f)))
        .collect()
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The physical lines of `bytes`, numbered from 1, without their ending
/// (`\n`, `\r\n` or a lone `\r`). A final line ending does not start a line.
pub fn lines(bytes: &[u8]) -> impl Iterator<Item = (u64, &[u8])> {
    let mut rest = bytes;
    let mut number = 0u64;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = &rest[..end];
        let ending = match rest.get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ if end < rest.len() => 1,
            _ => 0,
        };
        rest = &rest[end + ending..];
        Some((number, line))
    })
}

/// A line as text, or the error row's message.
fn decode(number: u64, line: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(line).map_err(|e| {
        format!(
            "line {number}: not UTF-8 text (an undecodable byte at column {}); save the file as UTF-8",
            e.valid_up_to() + 1
        )
    })
}

fn read_csv(bytes: &[u8], keep: &[String]) -> Result<Batch, String> {
    let mut all = lines(bytes);
    let mut blank_lines = Vec::new();
    let (header_line, header) = loop {
        let Some((number, line)) = all.next() else {
            return Err(
                "the CSV file is empty: it needs a header line naming a `name` or `company` column"
                    .into(),
            );
        };
        if line.trim_ascii().is_empty() {
            blank_lines.push(number);
            continue;
        }
        let text = decode(number, line)?;
        let header = split_csv_line(text)
            .map_err(|e| format!("line {number}: cannot read the CSV header: {e}"))?;
        break (number, header);
    };
    let columns = header_columns(&header, keep)?;
    let mut rows = Vec::new();
    let mut lines = header_line;
    for (number, line) in all {
        lines = number;
        if line.trim_ascii().is_empty() {
            blank_lines.push(number);
            continue;
        }
        let mut kept = vec![String::new(); keep.len()];
        let query = decode(number, line).and_then(|text| {
            let fields =
                split_csv_line(text).map_err(|e| format!("line {number}: malformed CSV: {e}"))?;
            if fields.len() != header.len() {
                return Err(format!(
                    "line {number}: expected {} fields, found {}",
                    header.len(),
                    fields.len()
                ));
            }
            for (slot, &column) in kept.iter_mut().zip(&columns.kept) {
                slot.clone_from(&fields[column]);
            }
            let get = |i: usize| {
                columns.query[i]
                    .map(|c| fields[c].clone())
                    .filter(|v| !v.is_empty())
            };
            let several = |i: usize| -> Vec<String> {
                get(i).map_or_else(Vec::new, |cell| {
                    cell.split(CELL_SEPARATOR)
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(String::from)
                        .collect()
                })
            };
            Ok(Query {
                name: get(0),
                company: get(1),
                dob: get(2),
                country: get(3),
                wallet: several(4),
                id_number: several(5),
                phone: several(6),
                email: several(7),
                website: several(8),
                employer: several(9),
            })
        });
        rows.push(Row {
            line: number,
            query,
            kept,
        });
    }
    Ok(Batch {
        format: Format::Csv,
        rows,
        lines,
        header_line: Some(header_line),
        blank_lines,
    })
}

/// Where each query field and each kept column is in the header.
struct Columns {
    query: [Option<usize>; QUERY_FIELDS.len()],
    kept: Vec<usize>,
}

fn header_columns(header: &[String], keep: &[String]) -> Result<Columns, String> {
    let mut query = [None; QUERY_FIELDS.len()];
    let mut kept = vec![None; keep.len()];
    for (at, cell) in header.iter().enumerate() {
        let slot = if let Some(i) = QUERY_FIELDS
            .iter()
            .position(|f| cell.eq_ignore_ascii_case(f))
        {
            &mut query[i]
        } else if let Some(i) = keep.iter().position(|k| cell.eq_ignore_ascii_case(k)) {
            &mut kept[i]
        } else {
            return Err(format!(
                "unknown CSV column {cell:?} (column {}): the columns are {}; to carry another column through to the output, name it with --keep",
                at + 1,
                QUERY_FIELDS.join(", ")
            ));
        };
        if let Some(first) = slot.replace(at) {
            return Err(format!(
                "the CSV header names {cell:?} twice (columns {} and {}): which one to screen is not clear",
                first + 1,
                at + 1
            ));
        }
    }
    if query[0].is_none() && query[1].is_none() && query[4..].iter().all(Option::is_none) {
        return Err(format!(
            "the CSV header must name a `name` or `company` column, or one of `wallet`, `id_number`, `phone`, `email`, `website`, `employer` (found: {})",
            header.join(",")
        ));
    }
    let kept = kept
        .into_iter()
        .zip(keep)
        .map(|(at, name)| {
            at.ok_or_else(|| format!("column {name:?} to keep is not in the CSV header"))
        })
        .collect::<Result<_, _>>()?;
    Ok(Columns { query, kept })
}

/// One CSV record on one line (RFC 4180, comma-separated, fields trimmed):
/// a field in double quotes may hold commas and `""` for a quote; a quote
/// inside an unquoted field is kept as written.
pub fn split_csv_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut chars = line.char_indices().peekable();
    loop {
        while chars.next_if(|&(_, c)| c == ' ' || c == '\t').is_some() {}
        let mut field = String::new();
        if let Some(&(start, '"')) = chars.peek() {
            chars.next();
            loop {
                match chars.next() {
                    None => {
                        return Err(format!(
                            "the quoted field at column {} is not closed on this line (a stray \", or a line break inside a field, which batch files may not have)",
                            start + 1
                        ))
                    }
                    Some((_, '"')) if chars.next_if(|&(_, c)| c == '"').is_some() => {
                        field.push('"')
                    }
                    Some((_, '"')) => break,
                    Some((_, c)) => field.push(c),
                }
            }
            while chars.next_if(|&(_, c)| c == ' ' || c == '\t').is_some() {}
            match chars.next() {
                None => {
                    fields.push(field.trim().to_string());
                    return Ok(fields);
                }
                Some((_, ',')) => fields.push(field.trim().to_string()),
                Some((at, _)) => {
                    return Err(format!(
                        "text after the closing quote at column {} (write \"\" for a quote inside a quoted field)",
                        at + 1
                    ))
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field.trim().to_string());
                        return Ok(fields);
                    }
                    Some((_, ',')) => break,
                    Some((_, c)) => field.push(c),
                }
            }
            fields.push(field.trim().to_string());
        }
    }
}

fn read_jsonl(bytes: &[u8], keep: &[String]) -> Result<Batch, String> {
    let mut rows = Vec::new();
    let mut blank_lines = Vec::new();
    let mut lines_read = 0;
    for (number, line) in lines(bytes) {
        lines_read = number;
        if line.trim_ascii().is_empty() {
            blank_lines.push(number);
            continue;
        }
        let mut kept = vec![String::new(); keep.len()];
        let query = decode(number, line).and_then(|text| {
            let mut object = match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Object(object)) => object,
                Ok(other) => {
                    return Err(format!(
                        "line {number}: expected a query object such as {{\"name\": \"...\"}}, found {}",
                        json_kind(&other)
                    ))
                }
                Err(e) => {
                    // serde_json's word for a lone surrogate (`"\ud800"`) is
                    // "hex escape"; say what it means.
                    let hint = if e.to_string().contains("escape") {
                        " (a \\u escape that is broken, or half of a surrogate pair such as a cut emoji)"
                    } else {
                        ""
                    };
                    return Err(format!("line {number}: not valid JSON{hint}: {e}"));
                }
            };
            for (slot, key) in kept.iter_mut().zip(keep) {
                match object.remove(key) {
                    Some(serde_json::Value::String(s)) => *slot = s,
                    Some(serde_json::Value::Null) | None => {}
                    Some(other) => *slot = other.to_string(),
                }
            }
            serde_json::from_value::<Query>(serde_json::Value::Object(object)).map_err(|e| {
                let hint = if e.to_string().starts_with("unknown field") {
                    "; to carry another key through to the output, name it with --keep"
                } else {
                    ""
                };
                format!("line {number}: {e}{hint}")
            })
        });
        rows.push(Row {
            line: number,
            query,
            kept,
        });
    }
    Ok(Batch {
        format: Format::Jsonl,
        rows,
        lines: lines_read,
        header_line: None,
        blank_lines,
    })
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_numbers(bytes: &[u8]) -> Vec<(u64, &[u8])> {
        lines(bytes).collect()
    }

    #[test]
    fn every_line_ending_counts_one_line() {
        for input in [
            &b"a\nb\nc"[..],
            b"a\nb\nc\n",
            b"a\r\nb\r\nc\r\n",
            b"a\rb\rc\r",
            b"a\r\nb\nc\r",
        ] {
            assert_eq!(
                line_numbers(input),
                [(1, &b"a"[..]), (2, b"b"), (3, b"c")],
                "{input:?}"
            );
        }
        assert_eq!(
            line_numbers(b"a\n\nb"),
            [(1, &b"a"[..]), (2, b""), (3, b"b")]
        );
        assert_eq!(line_numbers(b"\r\n\r\n"), [(1, &b""[..]), (2, b"")]);
        assert!(line_numbers(b"").is_empty());
    }

    #[test]
    fn csv_lines_split_into_fields() {
        let ok = |s: &str, fields: &[&str]| assert_eq!(split_csv_line(s).unwrap(), fields, "{s:?}");
        ok("a,b,c", &["a", "b", "c"]);
        ok(" a , b ,", &["a", "b", ""]);
        ok("\"Kim, Jong Un\",x", &["Kim, Jong Un", "x"]);
        ok("\"say \"\"hi\"\"\",", &["say \"hi\"", ""]);
        ok("Acme \"Best\" Ltd,", &["Acme \"Best\" Ltd", ""]);
        ok("", &[""]);
        let err = |s: &str, needle: &str| {
            let e = split_csv_line(s).unwrap_err();
            assert!(e.contains(needle), "{s:?}: {e}");
        };
        err(
            "Alice Smith,\"Acme",
            "quoted field at column 13 is not closed",
        );
        err("\"a\"b,c", "text after the closing quote at column 4");
    }

    #[test]
    fn a_stray_quote_costs_its_own_line_only() {
        let input =
            b"name,company\nAlice Smith,\"Acme\nKim Jong Un,\nSong-hwa Jong,Yanbian Silverstar\n";
        let batch = Batch::read(input, Format::Csv, &[]).unwrap();
        assert_eq!(batch.lines, 4);
        assert_eq!(batch.rows.len(), 3);
        assert_eq!(batch.rows[0].line, 2);
        let error = batch.rows[0].query.as_ref().unwrap_err();
        assert!(error.starts_with("line 2: malformed CSV"), "{error}");
        assert_eq!(
            batch.rows[1].query.as_ref().unwrap().name.as_deref(),
            Some("Kim Jong Un")
        );
        assert_eq!(
            batch.rows[2].query.as_ref().unwrap().company.as_deref(),
            Some("Yanbian Silverstar")
        );
    }

    #[test]
    fn line_numbers_hold_for_every_ending_and_bad_bytes() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["name", "A B", "", "\"open", "C D"].join(ending);
            let batch = Batch::read(text.as_bytes(), Format::Csv, &[]).unwrap();
            let lines: Vec<u64> = batch.rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 4, 5], "{ending:?}");
            assert_eq!(batch.blank_lines, [3], "{ending:?}");
            assert!(batch.rows[1]
                .query
                .as_ref()
                .unwrap_err()
                .starts_with("line 4:"));
        }
        let batch =
            Batch::read(b"name\r\nA B\r\n\xff\xfe bad\r\nC D\r\n", Format::Csv, &[]).unwrap();
        assert_eq!(batch.rows.len(), 3);
        let error = batch.rows[1].query.as_ref().unwrap_err();
        assert!(error.starts_with("line 3: not UTF-8"), "{error}");
        assert_eq!(
            batch.rows[2].query.as_ref().unwrap().name.as_deref(),
            Some("C D")
        );
    }

    #[test]
    fn headers_are_checked_not_guessed() {
        let err = |input: &str, keep: &[&str], needle: &str| {
            let keep: Vec<String> = keep.iter().map(|k| k.to_string()).collect();
            let e = Batch::read(input.as_bytes(), Format::Csv, &keep).unwrap_err();
            assert!(e.contains(needle), "{input:?}: {e}");
        };
        err(
            "name,name\nA,B\n",
            &[],
            "names \"name\" twice (columns 1 and 2)",
        );
        err("Name,NAME\nA,B\n", &[], "twice");
        err(
            "name,notes\nA,B\n",
            &[],
            "unknown CSV column \"notes\" (column 2)",
        );
        err(
            "name\nA\n",
            &["email"],
            "column \"email\" to keep is not in the CSV header",
        );
        err("dob\n1970\n", &[], "must name a `name` or `company` column");
        err("", &[], "the CSV file is empty");
        err("\"name\nA\n", &[], "line 1: cannot read the CSV header");

        let batch = Batch::read(
            b"\xEF\xBB\xBFCompany,Applicant ID,name\nAcme,17,Alice\n",
            Format::Csv,
            &["applicant id".to_string()],
        )
        .unwrap();
        assert_eq!(batch.rows[0].kept, ["17"]);
        let query = batch.rows[0].query.as_ref().unwrap();
        assert_eq!(query.company.as_deref(), Some("Acme"));
        assert_eq!(query.name.as_deref(), Some("Alice"));
    }

    #[test]
    fn jsonl_refuses_unknown_keys_and_keeps_named_ones() {
        let input = "\u{feff}{\"name\":\"Alice\",\"companyName\":\"Yanbian Silverstar\"}\n\n[1]\n{\"name\":\"\\ud800\"}\n{\"name\":\"Bob\",\"id\":7}\n";
        let batch = Batch::read(input.as_bytes(), Format::Jsonl, &[]).unwrap();
        assert_eq!(batch.lines, 5);
        assert_eq!(batch.blank_lines, [2]);
        let errors: Vec<&str> = batch
            .rows
            .iter()
            .map(|r| r.query.as_ref().unwrap_err().as_str())
            .collect();
        assert!(
            errors[0].starts_with(
                "line 1: unknown field `companyName`, expected one of `name`, `company`"
            ),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with("line 3: expected a query object"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].starts_with("line 4: not valid JSON (a \\u escape")
                && errors[2].contains("surrogate"),
            "{}",
            errors[2]
        );
        assert!(errors[3].contains("--keep"), "{}", errors[3]);

        let batch = Batch::read(
            b"{\"name\":\"Bob\",\"id\":7}",
            Format::Jsonl,
            &["id".into()],
        )
        .unwrap();
        assert_eq!(batch.rows[0].kept, ["7"]);
        assert_eq!(
            batch.rows[0].query.as_ref().unwrap().name.as_deref(),
            Some("Bob")
        );
    }

    #[test]
    fn a_hundred_thousand_rows_are_all_accounted_for() {
        let mut text = String::from("name,company\r\n");
        for i in 0..100_000 {
            match i % 1000 {
                0 => text.push_str("\r\n"),
                1 => text.push_str("\"open,x\r\n"),
                _ => text.push_str(&format!("Person {i},Company {i}\r\n")),
            }
        }
        let batch = Batch::read(text.as_bytes(), Format::Csv, &[]).unwrap();
        assert_eq!(batch.lines, 100_001);
        assert_eq!(batch.blank_lines.len(), 100);
        assert_eq!(batch.rows.len(), 99_900);
        assert_eq!(batch.rows.iter().filter(|r| r.query.is_err()).count(), 100);
        assert_eq!(batch.rows.last().unwrap().line, 100_001);
    }

    #[test]
    fn the_format_comes_from_the_name_then_the_content() {
        assert_eq!(Format::detect("a.CSV", b"{"), Format::Csv);
        assert_eq!(Format::detect("a.JSONL", b"name"), Format::Jsonl);
        assert_eq!(
            Format::detect("a.txt", b"\xEF\xBB\xBF\n {\"name\":1}"),
            Format::Jsonl
        );
        assert_eq!(Format::detect("applicants", b"name,company\n"), Format::Csv);
    }
}
