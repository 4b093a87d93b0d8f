//! Screening: a query (name and/or company, optional date of birth and
//! country) against the embedded lists, giving scored, explained matches.
//!
//! A name is screened against persons, a company against organizations (and
//! vessels and aircraft when asked). Candidates come from the
//! [`NameIndex`](crate::index::NameIndex); each is scored by
//! [`score::score_name`] on its primary name and every alias, the best name
//! wins, and date of birth and country are compared ([`checks`]).
//!
//! The rooms: `query.rs` (what a caller asks, and the checks that refuse it),
//! `result.rs` (what comes back: matches, details, lists), `score.rs` (two
//! names compared word by word), `explain.rs` (why, in plain words),
//! `checks.rs` (date of birth and country), and `screener.rs`, which runs a
//! query through the index and the scorer.

pub mod checks;
mod explain;
mod query;
mod result;
pub mod score;
mod screener;

pub use crate::config::*;
pub use query::*;
pub use result::*;
pub use screener::*;
