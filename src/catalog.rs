//! What is embedded: one summary per list, as the CLI's `lists --json` and the
//! npm package's `lists()` both show it (publisher, date, age, counts, files
//! with their sha256, parser notes).

use sanctions_lists::{ListCounts, ListMeta, SourceFile};
use serde::Serialize;

use crate::matching::ListRef;

/// The id of the DPRK IT-worker notices list (`data/advisories/`): public
/// notices, not sanctions designations.
pub const NOTICES_LIST: &str = "dprk_it_notices";

/// One embedded list, for a compliance officer's record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListSummary {
    pub id: String,
    pub name: String,
    pub publisher: String,
    /// The list's date: the oldest date of its files (`YYYY-MM-DD`).
    pub date: String,
    /// Days since `date`, when today's date was given.
    pub age_days: Option<i64>,
    /// Older than 30 days.
    pub stale: bool,
    pub counts: ListCounts,
    pub files: Vec<SourceFile>,
    pub notes: Vec<String>,
}

impl ListSummary {
    /// The summary of `list` as of `today` (`YYYY-MM-DD`), undated when `None`.
    pub fn new(list: &ListMeta, today: Option<&str>) -> ListSummary {
        let cited = ListRef::new(list, today);
        ListSummary {
            id: list.id.clone(),
            name: list.name.clone(),
            publisher: list.publisher.clone(),
            date: list.date.clone(),
            age_days: cited.age_days,
            stale: cited.stale,
            counts: list.counts.clone(),
            files: list.files.clone(),
            notes: list.notes.clone(),
        }
    }
}

/// Every embedded list, in snapshot order.
pub fn summaries(lists: &[ListMeta], today: Option<&str>) -> Vec<ListSummary> {
    lists.iter().map(|l| ListSummary::new(l, today)).collect()
}
