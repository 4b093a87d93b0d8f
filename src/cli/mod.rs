//! The command line's commands and their shared set-up.

pub mod batch;
pub mod lists;
pub mod screen;

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use sanctions_screen::{Options, Screener};

use sanctions_screen::matching::ScreenSettings;

pub const EXIT_CLEAR: u8 = 0;
pub const EXIT_MATCH: u8 = 1;
pub const EXIT_INVALID: u8 = 2;
pub const EXIT_ROW_ERRORS: u8 = 3;

static LISTS_DIR: OnceLock<Option<std::path::PathBuf>> = OnceLock::new();

/// Screen against the list files in `dir` (`--lists-dir`), not the
/// embedded lists. Set once, before the first [`screener`] call.
pub fn use_lists_dir(dir: Option<std::path::PathBuf>) {
    let _ = LISTS_DIR.set(dir);
}

pub fn screener() -> Result<&'static Screener, String> {
    static S: OnceLock<Screener> = OnceLock::new();
    if let Some(s) = S.get() {
        return Ok(s);
    }
    let screener = match LISTS_DIR.get().and_then(Option::as_ref) {
        Some(dir) => {
            // Read, verified against sources.json and parsed exactly as the
            // build reads them: a bad file is named with its line.
            let built = sanctions_lists::sources::build_snapshot(dir)
                .map_err(|e| format!("cannot use the lists in {}: {e}", dir.display()))?;
            Screener::new(built.snapshot)
        }
        None => Screener::embedded()?,
    };
    Ok(S.get_or_init(|| screener))
}

/// Today's date in UTC; `SANCTIONS_SCREEN_TODAY` overrides it (for
/// reproducible runs). An override that is not a date is an error: read as
/// no date, it would silently drop the stale-list warning.
pub fn today() -> Result<String, String> {
    if let Ok(day) = std::env::var("SANCTIONS_SCREEN_TODAY") {
        if !sanctions_screen::freshness::is_date(&day) {
            return Err(format!(
                "SANCTIONS_SCREEN_TODAY is {day:?}, not a date: write YYYY-MM-DD, or unset it"
            ));
        }
        return Ok(day);
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(sanctions_screen::freshness::civil_from_days(
        (secs / 86_400) as i64,
    ))
}

/// The screener's options from the CLI's flags, dated today.
pub fn options(settings: &ScreenSettings) -> Result<Options, String> {
    let settings = ScreenSettings {
        today: Some(today()?),
        ..settings.clone()
    };
    settings.resolve().map_err(|e| e.to_string())
}

/// One line per list: name, date and, when stale, a warning that says what to do.
pub fn list_lines(lists: &[sanctions_screen::matching::ListRef]) -> Vec<String> {
    lists
        .iter()
        .map(|l| {
            let age = l
                .age_days
                .map(|d| format!(", {d} days old"))
                .unwrap_or_default();
            let warning = match (l.stale, l.id == sanctions_screen::catalog::NOTICES_LIST) {
                (false, _) => "",
                (true, false) => {
                    " - STALE: newer designations are missing; run `fetch-lists`, then rebuild or pass --lists-dir"
                }
                (true, true) => {
                    " - STALE: newer notices are missing; add them to data/advisories/ and rebuild"
                }
            };
            format!("{} dated {}{age}{warning}", l.name, l.date)
        })
        .collect()
}
