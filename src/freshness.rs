//! How old a list is. Lists change weekly; a screening against a stale list
//! can miss a new designation, so every result shows the list date and a
//! list older than [`STALE_AFTER_DAYS`] is flagged.

/// A list older than this is flagged as stale.
pub const STALE_AFTER_DAYS: i64 = 30;

pub use sanctions_lists::calendar::{civil_from_days, days_from_civil, is_date};

/// Age in days of a list dated `date` on `today` (both `YYYY-MM-DD`).
pub fn age_days(date: &str, today: &str) -> Option<i64> {
    Some(days_from_civil(today)? - days_from_civil(date)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(days_from_civil("1970-01-01"), Some(0));
        assert_eq!(
            civil_from_days(days_from_civil("2024-02-29").unwrap()),
            "2024-02-29"
        );
        assert_eq!(age_days("2024-05-03", "2026-11-26"), Some(937));
        assert_eq!(age_days("2026-11-26", "2026-11-26"), Some(0));
        assert!(age_days("yesterday", "2026-11-26").is_none());
    }
}
