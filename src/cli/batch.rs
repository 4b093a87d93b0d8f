//! `batch`: screen a file of applicants. Exactly one output row per input
//! row, in order; a row that cannot be screened carries its error and is
//! counted in the summary.

use std::io::{IsTerminal, Write};
use std::path::Path;

use sanctions_screen::batch::{Batch, Format, Row};
use sanctions_screen::batch_report::{
    csv_header, csv_row, list_dates, screen_row, RowOutcome, Status,
};
use sanctions_screen::Screening;

use super::{list_lines, options, screener, EXIT_CLEAR, EXIT_MATCH, EXIT_ROW_ERRORS};
use sanctions_screen::matching::ScreenSettings;

/// How `batch` reads and writes, besides the screening options.
pub struct BatchArgs<'a> {
    pub file: &'a Path,
    pub output: Option<&'a Path>,
    /// `csv` or `jsonl`; from the file's name or content when absent.
    pub format: Option<Format>,
    /// Columns (CSV) or keys (JSONL) carried through to the output.
    pub keep: &'a [String],
    /// Threads to screen on; one per core when absent.
    pub jobs: Option<usize>,
}

/// Rows screened between two writes: enough to keep every thread busy, few
/// enough that the results held in memory stay small.
const BLOCK_ROWS: usize = 1024;

pub fn run(args: &BatchArgs<'_>, o: &ScreenSettings) -> Result<u8, String> {
    let file = args.file;
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let format = args
        .format
        .unwrap_or_else(|| Format::detect(&file.to_string_lossy(), &bytes));
    let batch = Batch::read(&bytes, format, args.keep)
        .map_err(|e| format!("{} (read as {}): {e}", file.display(), format.name()))?;
    let rows = &batch.rows;
    let output = args.output;
    let screener = screener()?;
    // Bad options are refused here, once, before any row (`resolve` checks them).
    let opts = options(o)?;
    let csv_out =
        output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")));
    let mut sink: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    if csv_out {
        sink.write_all(csv_header(args.keep).as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let progress = Progress::new(rows.len());
    let (mut alerts, mut errors) = (0usize, Vec::new());
    let mut lists_used = None;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let screen = |row: &Row| screen_row(screener, row, &opts);
    let mut done = 0;
    for block in rows.chunks(BLOCK_ROWS) {
        let outcomes = screen_block(block, jobs, &screen);
        for (row, outcome) in block.iter().zip(outcomes) {
            done += 1;
            let summary = RowOutcome::new(row, &outcome);
            match summary.status {
                Status::Alert => alerts += 1,
                Status::Clear => {}
                Status::Error => errors.push(row.line),
            }
            if let Ok(r) = &outcome {
                lists_used.get_or_insert_with(|| r.lists.clone());
            }
            let status = summary.status.as_str();
            if csv_out {
                let dates = outcome
                    .as_ref()
                    .map(|r| list_dates(&r.lists))
                    .unwrap_or_default();
                let line = csv_row(row, &summary, &dates);
                sink.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
            } else {
                let value = match (&row.query, &outcome) {
                    (q, Ok(r)) => {
                        serde_json::json!({ "line": row.line, "query": q.as_ref().ok(), "status": status, "result": r })
                    }
                    (q, Err(e)) => {
                        serde_json::json!({ "line": row.line, "query": q.as_ref().ok(), "status": status, "error": e })
                    }
                };
                let value = with_kept(value, args.keep, &row.kept);
                writeln!(sink, "{value}").map_err(|e| e.to_string())?;
            }
            progress.tick(done);
        }
    }
    sink.flush().map_err(|e| e.to_string())?;
    progress.finish();
    eprintln!("{}", summary(&batch, alerts, &errors));
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

/// Screens `block` on up to `jobs` threads, each taking a contiguous run of
/// rows; the outcomes come back in the block's order.
fn screen_block<F>(block: &[Row], jobs: usize, screen: &F) -> Vec<Result<Screening, String>>
where
    F: Fn(&Row) -> Result<Screening, String> + Sync,
{
    if jobs <= 1 || block.len() < 2 {
        return block.iter().map(screen).collect();
    }
    let per_thread = block.len().div_ceil(jobs);
    std::thread::scope(|scope| {
        let handles: Vec<_> = block
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(screen).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The JSONL output row with the kept keys beside the result.
fn with_kept(mut value: serde_json::Value, keep: &[String], kept: &[String]) -> serde_json::Value {
    if !keep.is_empty() {
        let kept: serde_json::Map<String, serde_json::Value> = keep
            .iter()
            .zip(kept)
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        value["kept"] = serde_json::Value::Object(kept);
    }
    value
}

/// What was read and what came of it: every line of the file is in one of
/// the counts, so nothing can go missing unseen.
fn summary(batch: &Batch, alerts: usize, errors: &[u64]) -> String {
    let rows = batch.rows.len();
    let mut read = vec![format!("{rows} row{}", if rows == 1 { "" } else { "s" })];
    if let Some(line) = batch.header_line {
        read.insert(0, format!("the header (line {line})"));
    }
    if !batch.blank_lines.is_empty() {
        read.push(format!(
            "{} blank ({})",
            batch.blank_lines.len(),
            line_list(&batch.blank_lines)
        ));
    }
    let mut text = format!(
        "Read {} line{} of {}: {}.\nScreened {rows} rows: {} clear, {alerts} with matches, {} could not be screened",
        batch.lines,
        if batch.lines == 1 { "" } else { "s" },
        batch.format.name(),
        read.join(", "),
        rows - alerts - errors.len(),
        errors.len(),
    );
    if !errors.is_empty() {
        text.push_str(&format!(" ({})", line_list(errors)));
    }
    text.push('.');
    text
}

/// `lines 5, 6` (the first 20, then `...`).
fn line_list(lines: &[u64]) -> String {
    let shown: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
    format!(
        "line{} {}{}",
        if lines.len() == 1 { "" } else { "s" },
        shown.join(", "),
        if lines.len() > 20 { ", ..." } else { "" }
    )
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
