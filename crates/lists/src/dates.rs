//! Reading the dates lists write: `05 Feb 1970`, `Feb 1970`, `1970`,
//! `circa 1965`, `1962 to 1964`, `1944-10-13`.

use crate::ListedDate;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parses a date as OFAC or the UN write it. Returns `None` when no year can
/// be read; the caller keeps the text anyway.
pub fn parse_listed_date(text: &str) -> Option<ListedDate> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let approximate = lower.starts_with("circa") || lower.starts_with("approx");
    let body = lower
        .trim_start_matches("circa")
        .trim_start_matches("approximately")
        .trim();
    if let Some((from, to)) = body.split_once(" to ") {
        let a = parse_single(from.trim())?;
        let b = parse_single(to.trim())?;
        return Some(ListedDate {
            text: trimmed.to_string().into(),
            year_from: a.0.min(b.0),
            year_to: a.0.max(b.0),
            month: 0,
            day: 0,
            approximate,
        });
    }
    let (year, month, day) = parse_single(body)?;
    Some(ListedDate {
        text: trimmed.to_string().into(),
        year_from: year,
        year_to: year,
        month,
        day,
        approximate,
    })
}

/// `05 feb 1970` | `feb 1970` | `1970` | `1970-02-05` → (year, month, day).
fn parse_single(s: &str) -> Option<(u16, u8, u8)> {
    if let Some(iso) = parse_iso(s) {
        return Some(iso);
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    match parts.as_slice() {
        [y] => Some((year(y)?, 0, 0)),
        [m, y] => Some((year(y)?, month(m)?, 0)),
        [d, m, y] => {
            let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some((year(y)?, month(m)?, day))
        }
        _ => None,
    }
}

fn parse_iso(s: &str) -> Option<(u16, u8, u8)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day: u8 = d
        .get(..2)
        .unwrap_or(d)
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((year(y)?, month, day))
}

fn year(s: &str) -> Option<u16> {
    let y: u16 = s.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

fn month(s: &str) -> Option<u8> {
    let s = s.get(..3)?;
    MONTHS.iter().position(|m| *m == s).map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_lists_use() {
        let cases: &[(&str, u16, u16, u8, u8, bool)] = &[
            ("05 Feb 1970", 1970, 1970, 2, 5, false),
            ("Feb 1970", 1970, 1970, 2, 0, false),
            ("1970", 1970, 1970, 0, 0, false),
            ("circa 1965", 1965, 1965, 0, 0, true),
            ("1962 to 1964", 1962, 1964, 0, 0, false),
            ("1944-10-13", 1944, 1944, 10, 13, false),
        ];
        for &(text, from, to, month, day, approx) in cases {
            let d = parse_listed_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (d.year_from, d.year_to, d.month, d.day, d.approximate),
                (from, to, month, day, approx),
                "{text}"
            );
        }
        assert!(parse_listed_date("unknown").is_none());
        assert!(parse_listed_date("31 Foo 1970").is_none());
    }
}
