//! Calendar dates as `YYYY-MM-DD` strings and day counts, with no clock and
//! no dependency (the WebAssembly build has no system time).

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (anything after the tenth
/// character, such as a time, is ignored); `None` for a day the month does
/// not have (`2026-02-30`).
pub fn days_from_civil(date: &str) -> Option<i64> {
    let mut it = date.get(..10)?.split('-');
    let y: i64 = it.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let m: i64 = it.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let d: i64 = it.next().filter(|d| d.len() == 2)?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > i64::from(days_in_month(y, m as u8)) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// Whether `text` is exactly a calendar date `YYYY-MM-DD` that exists.
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && days_from_civil(text).is_some()
}

/// Days in month `m` (1-12) of year `y`, Gregorian leap years included.
pub fn days_in_month(y: i64, m: u8) -> u8 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> String {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_that_exist_are_dates() {
        for (text, date) in [
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("1984-02-30", false),
            ("2026-04-31", false),
            ("2026-12-31", true),
            ("2026-13-01", false),
            ("2026-1-01", false),
            ("yesterday", false),
            ("2026-12-03T10:00", false),
        ] {
            assert_eq!(is_date(text), date, "{text}");
        }
    }
}
