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

    /// The advisories' hiring red flags, grouped, with their sources.
    #[wasm_bindgen(js_name = redFlags)]
    pub fn red_flags(&self) -> Result<JsValue, JsError> {
        to_js(&crate::red_flags::checklist())
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
