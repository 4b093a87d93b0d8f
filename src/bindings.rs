//! The WebAssembly bindings behind the npm package (`pkg/`): one screener
//! object built from the embedded lists, taking and returning plain
//! JavaScript objects with the same fields as the CLI's `--json` output.
//!
//! The hand-written `pkg/src/*.js` wraps this: it loads the `.wasm`, passes
//! today's date (the core reads no clock) and carries the TypeScript types.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::catalog::summaries;
use crate::matching::{Options, Preset, Query, Screener, DEFAULT_LIMIT};

/// Screening options as JavaScript passes them (camelCase, all optional).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    threshold: Option<f32>,
    /// `strict`, `standard` or `broad`; not with `threshold`.
    preset: Option<String>,
    limit: Option<usize>,
    lists: Vec<String>,
    vessels_and_aircraft: bool,
    today: Option<String>,
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
        Ok(WasmScreener {
            inner: Screener::embedded().map_err(|e| JsError::new(&e))?,
        })
    }

    /// Screens one query; returns `{ matches, threshold, lists }`.
    pub fn screen(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        // serde-wasm-bindgen reads only the fields it knows; `pkg/src/core.js`
        // rejects unknown ones (a misspelt `companyName`).
        let query: Query = from_js("query", query)?;
        let options: JsOptions = if options.is_undefined() || options.is_null() {
            JsOptions::default()
        } else {
            from_js("options", options)?
        };
        let threshold = Preset::resolve(options.threshold, options.preset.as_deref())
            .map_err(|e| JsError::new(&e.0))?;
        let options = Options {
            threshold,
            limit: options.limit.unwrap_or(DEFAULT_LIMIT),
            vessels_and_aircraft: options.vessels_and_aircraft,
            lists: options.lists,
            today: options.today,
        };
        let result = self
            .inner
            .screen(&query, &options)
            .map_err(|e| JsError::new(&e.0))?;
        to_js(&result)
    }

    /// The embedded lists: publisher, date, age, counts, files with sha256.
    pub fn lists(&self, today: Option<String>) -> Result<JsValue, JsError> {
        to_js(&summaries(&self.inner.snapshot().lists, today.as_deref()))
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
