//! `batch`: screen a file of applicants. Exactly one output row per input
//! row, in order; a row that cannot be screened carries its error and is
//! counted in the summary.

use std::io::{IsTerminal, Write};
use std::path::Path;

use sanctions_screen::{Query, Screening};

use super::{list_lines, options, screener, EXIT_CLEAR, EXIT_MATCH, EXIT_ROW_ERRORS};
use crate::ScreenOptions;

/// One input row: its line number and the query, or why it has none.
struct Row {
    line: u64,
    query: Result<Query, String>,
}

const CSV_COLUMNS: [&str; 4] = ["name", "company", "dob", "country"];

pub fn run(file: &Path, output: Option<&Path>, o: &ScreenOptions) -> Result<u8, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{} is not UTF-8 text: {e}", file.display()))?;
    let jsonl = matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) || text.trim_start().starts_with('{');
    let rows = if jsonl {
        read_jsonl(&text)
    } else {
        read_csv(&text)?
    };
    let screener = screener()?;
    let opts = options(o);
    let csv_out = output.is_some_and(|p| p.extension().is_some_and(|e| e == "csv"));
    let mut sink: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut csv_writer = csv_out.then(|| csv::Writer::from_writer(Vec::new()));
    if let Some(w) = csv_writer.as_mut() {
        w.write_record([
            "line",
            "name",
            "company",
            "dob",
            "country",
            "status",
            "matches",
            "top_score",
            "top_list",
            "top_source_id",
            "top_name",
            "list_dates",
            "error",
        ])
        .map_err(|e| e.to_string())?;
    }
    let progress = Progress::new(rows.len());
    let (mut alerts, mut errors) = (0usize, Vec::new());
    let mut lists_used = None;
    for (i, row) in rows.iter().enumerate() {
        let outcome: Result<Screening, String> = row
            .query
            .clone()
            .and_then(|q| screener.screen(&q, &opts).map_err(|e| e.to_string()));
        match &outcome {
            Ok(r) if !r.matches.is_empty() => alerts += 1,
            Ok(_) => {}
            Err(_) => errors.push(row.line),
        }
        if let Ok(r) = &outcome {
            lists_used.get_or_insert_with(|| r.lists.clone());
        }
        let status = match &outcome {
            Ok(r) if r.matches.is_empty() => "clear",
            Ok(_) => "alert",
            Err(_) => "error",
        };
        if let Some(w) = csv_writer.as_mut() {
            write_csv_row(w, row, status, &outcome).map_err(|e| e.to_string())?;
        } else {
            let value = match (&row.query, &outcome) {
                (q, Ok(r)) => {
                    serde_json::json!({ "line": row.line, "query": q.as_ref().ok(), "status": status, "result": r })
                }
                (q, Err(e)) => {
                    serde_json::json!({ "line": row.line, "query": q.as_ref().ok(), "status": status, "error": e })
                }
            };
            writeln!(sink, "{value}").map_err(|e| e.to_string())?;
        }
        progress.tick(i + 1);
    }
    if let Some(w) = csv_writer {
        let bytes = w.into_inner().map_err(|e| e.to_string())?;
        sink.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    sink.flush().map_err(|e| e.to_string())?;
    progress.finish();
    let error_lines: Vec<String> = errors.iter().take(20).map(u64::to_string).collect();
    eprintln!(
        "Screened {} rows: {} clear, {alerts} with matches, {} could not be screened{}.",
        rows.len(),
        rows.len() - alerts - errors.len(),
        errors.len(),
        if errors.is_empty() {
            String::new()
        } else {
            format!(
                " (lines {}{})",
                error_lines.join(", "),
                if errors.len() > 20 { ", ..." } else { "" }
            )
        }
    );
    if let Some(lists) = lists_used {
        for line in list_lines(&lists) {
            eprintln!("  {line}");
        }
    }
    Ok(if !errors.is_empty() {
        EXIT_ROW_ERRORS
    } else if alerts > 0 {
        EXIT_MATCH
    } else {
        EXIT_CLEAR
    })
}

fn write_csv_row(
    w: &mut csv::Writer<Vec<u8>>,
    row: &Row,
    status: &str,
    outcome: &Result<Screening, String>,
) -> csv::Result<()> {
    let q = row.query.as_ref().ok();
    let field = |f: fn(&Query) -> &Option<String>| q.and_then(|q| f(q).clone()).unwrap_or_default();
    let (count, score, list, id, name, dates, error) = match outcome {
        Ok(r) => {
            let top = r.matches.first();
            let dates = r
                .lists
                .iter()
                .map(|l| format!("{} {}", l.id, l.date))
                .collect::<Vec<_>>()
                .join("; ");
            (
                r.matches.len().to_string(),
                top.map(|m| format!("{:.3}", m.score)).unwrap_or_default(),
                top.map(|m| m.list.clone()).unwrap_or_default(),
                top.map(|m| m.source_id.clone()).unwrap_or_default(),
                top.map(|m| m.name.clone()).unwrap_or_default(),
                dates,
                String::new(),
            )
        }
        Err(e) => (
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            e.clone(),
        ),
    };
    w.write_record([
        row.line.to_string(),
        field(|q| &q.name),
        field(|q| &q.company),
        field(|q| &q.dob),
        field(|q| &q.country),
        status.to_string(),
        count,
        score,
        list,
        id,
        name,
        dates,
        error,
    ])
}

/// CSV with a header naming `name`, `company` and optionally `dob`, `country`.
fn read_csv(text: &str) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| format!("cannot read the CSV header: {e}"))?
        .clone();
    let columns: Vec<Option<usize>> = CSV_COLUMNS
        .iter()
        .map(|c| header.iter().position(|h| h.eq_ignore_ascii_case(c)))
        .collect();
    if columns[0].is_none() && columns[1].is_none() {
        return Err(format!(
            "the CSV header must name a `name` or `company` column (found: {})",
            header.iter().collect::<Vec<_>>().join(",")
        ));
    }
    if let Some(unknown) = header
        .iter()
        .find(|h| !CSV_COLUMNS.iter().any(|c| h.eq_ignore_ascii_case(c)))
    {
        return Err(format!(
            "unknown CSV column {unknown:?}: the columns are name, company, dob, country"
        ));
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                let query = if record.len() != header.len() {
                    Err(format!(
                        "line {line}: expected {} fields, found {}",
                        header.len(),
                        record.len()
                    ))
                } else {
                    let get = |i: usize| {
                        columns[i]
                            .and_then(|c| record.get(c))
                            .filter(|v| !v.is_empty())
                            .map(String::from)
                    };
                    Ok(Query {
                        name: get(0),
                        company: get(1),
                        dob: get(2),
                        country: get(3),
                    })
                };
                rows.push(Row { line, query });
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                rows.push(Row {
                    line,
                    query: Err(format!("line {line}: malformed CSV: {e}")),
                });
                if !matches!(
                    e.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok(rows)
}

/// One JSON object per line with `name`, `company`, `dob`, `country`; blank lines are skipped.
fn read_jsonl(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            line: i as u64 + 1,
            query: serde_json::from_str::<Query>(l)
                .map_err(|e| format!("line {}: not a query object: {e}", i + 1)),
        })
        .collect()
}

/// A progress bar on standard error, drawn only when it is a terminal.
struct Progress {
    total: usize,
    draw: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            draw: std::io::stderr().is_terminal() && total > 0,
        }
    }

    fn tick(&self, done: usize) {
        if !self.draw || (done % 50 != 0 && done != self.total) {
            return;
        }
        let width = 40;
        let filled = done * width / self.total;
        eprint!(
            "\r[{}{}] {done}/{} rows",
            "#".repeat(filled),
            " ".repeat(width - filled),
            self.total
        );
    }

    fn finish(&self) {
        if self.draw {
            eprintln!();
        }
    }
}
