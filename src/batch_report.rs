//! A screened batch written out, the same way by the CLI and the page: one
//! compact [`RowOutcome`] per input row, then a CSV report (for people with
//! spreadsheets) or a JSON report (for programs and the audit file).
//!
//! The contract: **every row read is in the report, in input order**, clear,
//! alert or error alike, and a row that could not be screened carries its
//! line number and the reason. Every CSV cell goes through
//! [`spreadsheet_cell`], so a name such as `=HYPERLINK(...)` stays text.
//!
//! The outcome is compact on purpose: a page screening 10,000 rows keeps
//! 10,000 of these, not 10,000 explained results; a reviewer who opens a row
//! screens it again and reads the full explanation then.

use serde::{Deserialize, Serialize};

use crate::batch::{Batch, Row};
use crate::matching::{Level, ListRef, Options, Query, QueryField, Screener, Screening};
use crate::output::{csv_record, spreadsheet_cell};

/// What became of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Screened, nothing at or over the threshold.
    Clear,
    /// Screened, at least one match.
    Alert,
    /// Not screened: the row could not be read, or the query was refused.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Clear => "clear",
            Status::Alert => "alert",
            Status::Error => "error",
        }
    }
}

/// Screens one row: its query, or why it has none. A refused query's message
/// names the row's line, as a read error's does, so a list of bad rows
/// reads the same whichever way they went wrong.
pub fn screen_row(screener: &Screener, row: &Row, options: &Options) -> Result<Screening, String> {
    let query = row.query.as_ref().map_err(Clone::clone)?;
    screener
        .screen(query, options)
        .map_err(|e| format!("line {}: {e}", row.line))
}

/// One match, as much as a report row needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchSummary {
    pub field: QueryField,
    pub list: String,
    pub source_id: sanctions_lists::Text,
    pub name: sanctions_lists::Text,
    pub matched_name: sanctions_lists::Text,
    /// As the screening's JSON writes it (0.9, not 0.8999999761581421).
    #[serde(serialize_with = "crate::matching::shortest_decimal")]
    pub score: f32,
    pub level: Level,
}

/// One row screened: its line, what became of it, and its matches, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowOutcome {
    pub line: u64,
    pub status: Status,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub matches: Vec<MatchSummary>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl RowOutcome {
    pub fn new(row: &Row, outcome: &Result<Screening, String>) -> RowOutcome {
        match outcome {
            Ok(screening) => RowOutcome {
                line: row.line,
                status: if screening.matches.is_empty() {
                    Status::Clear
                } else {
                    Status::Alert
                },
                error: None,
                matches: screening
                    .matches
                    .iter()
                    .map(|m| MatchSummary {
                        field: m.field,
                        list: m.list.clone(),
                        source_id: m.source_id.clone(),
                        name: m.name.clone(),
                        matched_name: m.matched_name.clone(),
                        score: m.score,
                        level: m.level,
                    })
                    .collect(),
                warnings: screening.warnings.clone(),
            },
            Err(error) => RowOutcome {
                line: row.line,
                status: Status::Error,
                error: Some(error.clone()),
                matches: Vec::new(),
                warnings: Vec::new(),
            },
        }
    }
}

/// The CSV report's columns before the kept ones, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "line",
    "name",
    "company",
    "dob",
    "country",
    "status",
    "matches",
    "top_score",
    "top_level",
    "top_list",
    "top_source_id",
    "top_name",
    "list_dates",
    "error",
    "wallet",
    "id_number",
    "phone",
    "warnings",
];

/// `ofac_sdn 2024-05-03; un 2026-02-27`: the lists a report was screened against.
pub fn list_dates(lists: &[ListRef]) -> String {
    lists
        .iter()
        .map(|l| format!("{} {}", l.id, l.date))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The CSV header line (with its `\r\n`), kept columns last.
pub fn csv_header(keep: &[String]) -> String {
    csv_record(
        CSV_COLUMNS
            .iter()
            .copied()
            .chain(keep.iter().map(String::as_str)),
    )
}

/// One CSV line (with its `\r\n`) for a row and its outcome.
pub fn csv_row(row: &Row, outcome: &RowOutcome, list_dates: &str) -> String {
    let query = row.query.as_ref().ok();
    let field = |f: fn(&Query) -> &Option<String>| {
        query
            .and_then(|q| f(q).as_deref())
            .unwrap_or_default()
            .to_string()
    };
    let several =
        |f: fn(&Query) -> &Vec<String>| query.map(|q| f(q).join("; ")).unwrap_or_default();
    let top = outcome.matches.first();
    let screened = outcome.status != Status::Error;
    let cells = [
        row.line.to_string(),
        field(|q| &q.name),
        field(|q| &q.company),
        field(|q| &q.dob),
        field(|q| &q.country),
        outcome.status.as_str().to_string(),
        if screened {
            outcome.matches.len().to_string()
        } else {
            String::new()
        },
        top.map(|m| format!("{:.3}", m.score)).unwrap_or_default(),
        top.map(|m| m.level.as_str().to_string())
            .unwrap_or_default(),
        top.map(|m| m.list.clone()).unwrap_or_default(),
        top.map(|m| m.source_id.to_string()).unwrap_or_default(),
        top.map(|m| m.name.to_string()).unwrap_or_default(),
        if screened {
            list_dates.to_string()
        } else {
            String::new()
        },
        outcome.error.clone().unwrap_or_default(),
        several(|q| &q.wallet),
        several(|q| &q.id_number),
        several(|q| &q.phone),
        outcome.warnings.join(" "),
    ];
    csv_record(
        cells
            .iter()
            .chain(&row.kept)
            .map(|cell| spreadsheet_cell(cell))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    )
}

/// The whole CSV report: the header, then one line per row of `batch`, in
/// order. `outcomes` are matched to rows by line number; a row without one
/// (a cancelled batch) is written with status `error` and says it was not
/// screened, so the report never looks complete when it is not.
pub fn csv_report(
    batch: &Batch,
    keep: &[String],
    outcomes: &[RowOutcome],
    lists: &[ListRef],
) -> String {
    let dates = list_dates(lists);
    let mut out = csv_header(keep);
    for (row, outcome) in rows_with_outcomes(batch, outcomes) {
        out.push_str(&csv_row(row, &outcome, &dates));
    }
    out
}

/// The JSON report: the lists, a summary that accounts for every line, and
/// one object per row with its query, kept columns and outcome.
pub fn json_report(
    batch: &Batch,
    keep: &[String],
    outcomes: &[RowOutcome],
    lists: &[ListRef],
) -> serde_json::Value {
    let reported: Vec<(&Row, RowOutcome)> = rows_with_outcomes(batch, outcomes).collect();
    let rows: Vec<serde_json::Value> = reported
        .iter()
        .map(|(row, outcome)| {
            let kept: serde_json::Map<String, serde_json::Value> = keep
                .iter()
                .zip(&row.kept)
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            serde_json::json!({
                "line": row.line,
                "query": row.query.as_ref().ok(),
                "kept": kept,
                "status": outcome.status,
                "error": outcome.error,
                "matches": outcome.matches,
                "warnings": outcome.warnings,
            })
        })
        .collect();
    let count = |status: Status| reported.iter().filter(|(_, o)| o.status == status).count();
    serde_json::json!({
        "report": "sanctions-screen batch",
        "version": 1,
        "lists": lists,
        "summary": {
            "format": batch.format.name(),
            "lines": batch.lines,
            "header_line": batch.header_line,
            "blank_lines": batch.blank_lines,
            "rows": batch.rows.len(),
            "clear": count(Status::Clear),
            "alert": count(Status::Alert),
            "error": count(Status::Error),
        },
        "rows": rows,
    })
}

/// Each row of `batch` with its outcome, or an error outcome saying it was
/// not screened.
fn rows_with_outcomes<'a>(
    batch: &'a Batch,
    outcomes: &'a [RowOutcome],
) -> impl Iterator<Item = (&'a Row, RowOutcome)> + 'a {
    let by_line: std::collections::HashMap<u64, &RowOutcome> =
        outcomes.iter().map(|o| (o.line, o)).collect();
    batch.rows.iter().map(move |row| {
        let outcome = by_line.get(&row.line).map_or_else(
            || RowOutcome {
                line: row.line,
                status: Status::Error,
                error: Some(match &row.query {
                    Err(e) => e.clone(),
                    Ok(_) => "not screened: the batch was cancelled before this row".into(),
                }),
                matches: Vec::new(),
                warnings: Vec::new(),
            },
            |o| (*o).clone(),
        );
        (row, outcome)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Format;

    fn outcome(line: u64, status: Status) -> RowOutcome {
        RowOutcome {
            line,
            status,
            error: None,
            matches: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn every_row_is_reported_in_order_even_unscreened_ones() {
        let text = "name,company,ref\nKim Jong Un,,a\n\"broken,,b\n,,c\nJohn Smith,,d\n";
        let keep = vec!["ref".to_string()];
        let batch = Batch::read(text.as_bytes(), Format::Csv, &keep).unwrap();
        // Line 2 screened, line 4 screened after line 5 (workers finish in any
        // order), line 5 never: the batch was cancelled.
        let outcomes = [outcome(4, Status::Clear), outcome(2, Status::Alert)];
        let csv = csv_report(&batch, &keep, &outcomes, &[]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], format!("{},ref", CSV_COLUMNS.join(",")));
        let firsts: Vec<(&str, &str)> = lines[1..]
            .iter()
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[0], cells[5])
            })
            .collect();
        assert_eq!(
            firsts,
            [
                ("2", "alert"),
                ("3", "error"),
                ("4", "clear"),
                ("5", "error")
            ]
        );
        assert!(lines[2].contains("malformed CSV"), "{}", lines[2]);
        assert!(
            lines[4].contains("cancelled before this row") && lines[4].ends_with(",d"),
            "{}",
            lines[4]
        );
        let json = json_report(&batch, &keep, &outcomes, &[]);
        assert_eq!(json["summary"]["rows"], 4);
        assert_eq!(json["summary"]["alert"], 1);
        assert_eq!(json["summary"]["clear"], 1);
        assert_eq!(json["summary"]["error"], 2);
        assert_eq!(json["rows"][3]["kept"]["ref"], "d");
    }
}
