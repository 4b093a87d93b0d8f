//! The WebAssembly bindings behind the npm package (`pkg/`): one screener
//! object built from the embedded lists, taking and returning plain
//! JavaScript objects with the same fields as the CLI's `--json` output.
//!
//! The hand-written `pkg/src/*.js` wraps this: it loads the `.wasm`, passes
//! today's date (the core reads no clock) and carries the TypeScript types.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::batch::{extra_columns, Batch, Format};
use crate::batch_report::{csv_report, json_report, screen_row, RowOutcome};
use crate::catalog::summaries;
use crate::matching::{
    ListRef, Options, Preset, Query, ScreenSettings, Screener, MAX_FIELD_CHARS, STRONG_MATCH,
};
use sanctions_lists::update::GivenFile;

/// The last panic's message, kept by the hook that [`WasmScreener::new`]
/// installs: after a panic the module traps (`unreachable`), and the JS side
/// asks for the message before it replaces the instance.
static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// The message of the panic that last trapped this instance, once.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    LAST_PANIC.lock().ok()?.take()
}

fn keep_panic_messages() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = match info.payload().downcast_ref::<&str>() {
                Some(s) => (*s).to_string(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "a panic".into()),
            };
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(format!("{message}{place}"));
            }
        }));
    });
}

/// The embedded lists and their index, built once.
#[wasm_bindgen(js_name = Screener)]
pub struct WasmScreener {
    inner: Screener,
}

#[wasm_bindgen(js_class = Screener)]
impl WasmScreener {
    /// Decodes the embedded snapshot and builds the index.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<WasmScreener, JsError> {
        keep_panic_messages();
        Ok(WasmScreener {
            inner: Screener::embedded().map_err(|e| JsError::new(&e))?,
        })
    }

    /// The embedded lists with the publishers' newer files in place of
    /// those they supersede. `files` is an array of `{ name, bytes, date }`:
    /// the file's name (`sdn.csv`, `consolidated.xml`), its bytes as a
    /// `Uint8Array`, and the date it was downloaded (`YYYY-MM-DD`, or null;
    /// OFAC's files need it, the UN's carries its own).
    #[wasm_bindgen(js_name = withListFiles)]
    pub fn with_list_files(files: js_sys::Array) -> Result<WasmScreener, JsError> {
        keep_panic_messages();
        let field = |file: &JsValue, key: &str| {
            js_sys::Reflect::get(file, &JsValue::from_str(key))
                .map_err(|_| JsError::new(&format!("list file: no {key}")))
        };
        let mut owned = Vec::new();
        for file in files.iter() {
            let name = field(&file, "name")?
                .as_string()
                .ok_or_else(|| JsError::new("list file: its name must be a string"))?;
            let bytes = field(&file, "bytes")?;
            if !bytes.is_instance_of::<js_sys::Uint8Array>() {
                return Err(JsError::new(&format!(
                    "list file {name}: its bytes must be a Uint8Array"
                )));
            }
            let bytes = js_sys::Uint8Array::from(bytes).to_vec();
            let date = field(&file, "date")?.as_string();
            owned.push((name, bytes, date));
        }
        let given: Vec<GivenFile<'_>> = owned
            .iter()
            .map(|(name, bytes, date)| GivenFile {
                name,
                bytes,
                date: date.as_deref(),
            })
            .collect();
        Ok(WasmScreener {
            inner: Screener::with_list_files(&given).map_err(|e| JsError::new(&e))?,
        })
    }

    /// Screens one query; returns `{ matches, threshold, lists }`.
    pub fn screen(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        // Unknown fields are refused by `Query` itself; `pkg/src/core.js`
        // checks them first, with the types, for friendlier messages.
        let query: Query = from_js("query", query)?;
        // For the test that the package survives a trap (`pkg/test/trap.test.mjs`).
        #[cfg(feature = "fault-injection")]
        if let Some(message) = query
            .name
            .as_deref()
            .and_then(|n| n.strip_prefix("PANIC FOR TEST: "))
        {
            panic!("{message}");
        }
        let options = options_from_js(options)?;
        let result = self
            .inner
            .screen(&query, &options)
            .map_err(|e| JsError::new(&e.0))?;
        to_js(&result)
    }

    /// Screens rows `start..end` of `file`; returns `{ outcomes, lists }`:
    /// one compact outcome a row (`{ line, status, error, matches,
    /// warnings }`), in order, and the lists screened against. A row
    /// that cannot be read or screened is an `error` outcome, never an
    /// exception; bad options throw before any row.
    #[wasm_bindgen(js_name = screenRows)]
    pub fn screen_rows(
        &self,
        file: &WasmBatchFile,
        start: usize,
        end: usize,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = options_from_js(options)?;
        let rows = &file.batch.rows;
        let rows = &rows[start.min(rows.len())..end.min(rows.len())];
        let outcomes: Vec<RowOutcome> = rows
            .iter()
            .map(|row| RowOutcome::new(row, &screen_row(&self.inner, row, &options)))
            .collect();
        let lists = self
            .inner
            .cited_lists(&options)
            .map_err(|e| JsError::new(&e.0))?;
        to_js(&ScreenedRows { outcomes, lists })
    }

    /// The embedded lists: publisher, date, age, counts, files with sha256.
    pub fn lists(&self, today: Option<String>) -> Result<JsValue, JsError> {
        to_js(&summaries(self.inner.lists(), today.as_deref()))
    }

    /// The numbers the page shows and checks, from the core so that they
    /// are written once: `{ presets: [{ name, threshold }], default_preset,
    /// strong_from, max_field_chars }`.
    pub fn limits(&self) -> Result<JsValue, JsError> {
        to_js(&Limits {
            presets: Preset::ALL
                .iter()
                .map(|p| PresetLimit {
                    name: p.name(),
                    threshold: p.threshold(),
                })
                .collect(),
            default_preset: Preset::Standard.name(),
            strong_from: STRONG_MATCH,
            max_field_chars: MAX_FIELD_CHARS,
        })
    }

    /// The advisories' hiring red flags, grouped, with their sources.
    #[wasm_bindgen(js_name = redFlags)]
    pub fn red_flags(&self) -> Result<JsValue, JsError> {
        to_js(&crate::red_flags::checklist())
    }
}

/// The core's options from JavaScript's (absent: the defaults), checked
/// once, before any row of a batch.
fn options_from_js(options: JsValue) -> Result<Options, JsError> {
    let settings: ScreenSettings = if options.is_undefined() || options.is_null() {
        ScreenSettings::default()
    } else {
        from_js("options", options)?
    };
    settings.resolve().map_err(|e| JsError::new(&e.0))
}

/// A batch file read (CSV or JSONL, as [`crate::batch`] reads them): every
/// line accounted for, every column that is not a query field carried
/// through to the reports.
#[wasm_bindgen(js_name = BatchFile)]
pub struct WasmBatchFile {
    batch: Batch,
    keep: Vec<String>,
}

#[derive(Serialize)]
struct Limits {
    presets: Vec<PresetLimit>,
    default_preset: &'static str,
    #[serde(serialize_with = "crate::matching::shortest_decimal")]
    strong_from: f32,
    max_field_chars: usize,
}

#[derive(Serialize)]
struct PresetLimit {
    name: &'static str,
    #[serde(serialize_with = "crate::matching::shortest_decimal")]
    threshold: f32,
}

#[derive(Serialize)]
struct ScreenedRows {
    outcomes: Vec<RowOutcome>,
    lists: Vec<ListRef>,
}

/// How a batch file's lines were used, for the page to show before screening.
#[derive(Serialize)]
struct BatchSummary<'a> {
    format: &'static str,
    lines: u64,
    rows: usize,
    header_line: Option<u64>,
    blank_lines: &'a [u64],
    kept_columns: &'a [String],
    /// Rows that cannot be screened as read, with their line and reason.
    bad_rows: Vec<BadRow<'a>>,
}

#[derive(Serialize)]
struct BadRow<'a> {
    line: u64,
    error: &'a str,
}

/// One row as read: its line, its query (or why there is none) and the kept columns.
#[derive(Serialize)]
struct RowView<'a> {
    line: u64,
    query: Option<&'a Query>,
    error: Option<&'a str>,
    kept: std::collections::BTreeMap<&'a str, &'a str>,
}

#[wasm_bindgen(js_class = BatchFile)]
impl WasmBatchFile {
    /// Reads `bytes`; `file_name` decides CSV or JSONL by its extension (else
    /// the content does). Throws only when nothing can be screened (no
    /// header, no `name` or `company` column).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8], file_name: &str) -> Result<WasmBatchFile, JsError> {
        let format = Format::detect(file_name, bytes);
        let keep = extra_columns(bytes, format);
        let batch = Batch::read(bytes, format, &keep)
            .map_err(|e| JsError::new(&format!("{file_name} (read as {}): {e}", format.name())))?;
        Ok(WasmBatchFile { batch, keep })
    }

    /// `{ format, lines, rows, header_line, blank_lines, kept_columns, bad_rows }`.
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&BatchSummary {
            format: self.batch.format.name(),
            lines: self.batch.lines,
            rows: self.batch.rows.len(),
            header_line: self.batch.header_line,
            blank_lines: &self.batch.blank_lines,
            kept_columns: &self.keep,
            bad_rows: self
                .batch
                .rows
                .iter()
                .filter_map(|r| {
                    r.query.as_ref().err().map(|e| BadRow {
                        line: r.line,
                        error: e,
                    })
                })
                .collect(),
        })
    }

    /// The number of rows (every line but the header and blank ones).
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> usize {
        self.batch.rows.len()
    }

    /// Row `index` (from 0) as read: `{ line, query, error, kept }`.
    pub fn row(&self, index: usize) -> Result<JsValue, JsError> {
        let row = self.batch.rows.get(index).ok_or_else(|| {
            JsError::new(&format!(
                "no row {index}: the file has {}",
                self.batch.rows.len()
            ))
        })?;
        to_js(&RowView {
            line: row.line,
            query: row.query.as_ref().ok(),
            error: row.query.as_ref().err().map(String::as_str),
            kept: self
                .keep
                .iter()
                .map(String::as_str)
                .zip(row.kept.iter().map(String::as_str))
                .collect(),
        })
    }

    /// The CSV report: every row in input order, formula cells neutralised.
    /// `outcomes` are the row outcomes `screenRows` returned, in any order;
    /// `lists` the `lists` of a screening result.
    pub fn csv(&self, outcomes: JsValue, lists: JsValue) -> Result<String, JsError> {
        let outcomes: Vec<RowOutcome> = from_js("outcomes", outcomes)?;
        let lists: Vec<ListRef> = from_js("lists", lists)?;
        Ok(csv_report(&self.batch, &self.keep, &outcomes, &lists))
    }

    /// The JSON report (`report`, `version`, `lists`, `summary`, `rows`), as text.
    pub fn json(&self, outcomes: JsValue, lists: JsValue) -> Result<String, JsError> {
        let outcomes: Vec<RowOutcome> = from_js("outcomes", outcomes)?;
        let lists: Vec<ListRef> = from_js("lists", lists)?;
        serde_json::to_string_pretty(&json_report(&self.batch, &self.keep, &outcomes, &lists))
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

fn from_js<T: for<'de> Deserialize<'de>>(what: &str, value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Plain objects (not `Map`s), `null` for absent values: the same shape as
/// `JSON.parse` of the CLI's output.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}
