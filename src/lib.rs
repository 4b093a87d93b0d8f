//! sanctions-screen: screen job applicants' names and the companies they
//! claim to work for against official sanctions lists, offline.
//!
//! The official files are parsed at build time (crate `sanctions-lists`) and
//! embedded as a snapshot. At run time data flows one way:
//!
//! ```text
//! embedded snapshot → index (tokenised names) → candidates → scored, explained matches
//! ```
//!
//! - [`normalize`]: from typed text to comparable tokens (scripts, lookalikes,
//!   invisible characters, diacritics, hyphens, legal forms, variant keys).
//! - [`config`]: every number that decides a score, each with its reason.
//! - [`index`]: finds the few listed names worth scoring.
//! - [`weights`]: how much each word of a name counts.
//! - [`matching`]: scores, explains, compares date of birth and country.
//! - [`snapshot`]: the embedded lists.
//! - [`identifiers`]: wallet addresses, document and phone numbers, compared exactly.
//! - [`domains`]: e-mail addresses and websites, read down to their registrable domain.
//! - [`red_flags`]: the advisories' hiring red flags, for the page's checklist.
//! - [`batch`]: reading a file of applicants, every line accounted for.
//! - [`batch_report`]: a screened batch as CSV or JSON, every row in input order.
//! - [`output`]: text made safe to show (bidi controls, spreadsheet formulas).
//!
//! ```no_run
//! use sanctions_screen::{Screener, Query, Options};
//! let screener = Screener::embedded().unwrap();
//! let query = Query { company: Some("Yanbian Silverstar".into()), ..Query::default() };
//! let result = screener.screen(&query, &Options::default()).unwrap();
//! assert_eq!(result.matches[0].source_id, "24977");
//! ```

pub mod batch;
pub mod batch_report;
#[cfg(feature = "wasm")]
pub mod bindings;
pub mod catalog;
pub mod config;
pub mod countries;
pub mod domains;
pub mod freshness;
pub mod identifiers;
pub mod index;
pub mod matching;
pub use sanctions_normalize as normalize;
pub mod output;
pub mod red_flags;
pub mod snapshot;
pub mod weights;

pub use matching::{
    Match, Options, Preset, Query, QueryError, Screener, Screening, DEFAULT_THRESHOLD,
};
pub use sanctions_lists::{ListMeta, Snapshot};
