//! Date of birth and country: what a reviewer compares once a name matches.
//!
//! A conflict lowers the score and is said in words; it never hides a name
//! match (the threshold applies to the name score), because lists and
//! applicants both get dates and countries wrong.

use crate::config::CIRCA_YEARS;
use sanctions_lists::calendar::days_in_month;
use sanctions_lists::{Entity, ListedDate};
use serde::Serialize;

use crate::countries::country_code;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The applicant's value agrees with the list.
    Match,
    /// It disagrees: the score was lowered.
    Conflict,
    /// The list gives nothing to compare with.
    Unknown,
}

/// Which applicant detail a check compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckField {
    Dob,
    Country,
}

/// One comparison of an applicant detail with the listed entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub field: CheckField,
    pub outcome: Outcome,
    /// In plain words, e.g. "Date of birth 1985-03-01 differs from the listed 05 Feb 1970."
    pub text: String,
}

/// An applicant's date of birth: a year, and month and day when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BirthDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl BirthDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse(text: &str) -> Option<BirthDate> {
        let mut parts = text.trim().split('-');
        let year: u16 = parts
            .next()
            .filter(|y| y.len() == 4)?
            .parse()
            .ok()
            .filter(|y| (1900..=2100).contains(y))?;
        let month: u8 = match parts.next() {
            Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
            None => 0,
        };
        let day: u8 = match parts.next() {
            Some(d) => d.parse().ok().filter(|d| (1..=31).contains(d))?,
            None => 0,
        };
        if parts.next().is_some() || (day > 0 && month == 0) {
            return None;
        }
        // A day the month does not have (`1984-02-30`) is a typing error, not a date.
        if day > 0 && day > days_in_month(i64::from(year), month) {
            return None;
        }
        Some(BirthDate { year, month, day })
    }

    fn agrees_with(&self, listed: &ListedDate) -> bool {
        if listed.year_from == 0 {
            return false;
        }
        let slack = if listed.approximate { CIRCA_YEARS } else { 0 };
        if self.year + slack < listed.year_from || self.year > listed.year_to + slack {
            return false;
        }
        let exact_year = listed.year_from == listed.year_to && !listed.approximate;
        let month_ok =
            !exact_year || self.month == 0 || listed.month == 0 || self.month == listed.month;
        let day_ok = !exact_year || self.day == 0 || listed.day == 0 || self.day == listed.day;
        month_ok && day_ok
    }
}

pub fn check_dob(dob: &BirthDate, dob_text: &str, entity: &Entity) -> Check {
    let known: Vec<&ListedDate> = entity
        .birth_dates
        .iter()
        .filter(|d| d.year_from > 0)
        .collect();
    let listed = known
        .iter()
        .map(|d| &*d.text)
        .collect::<Vec<_>>()
        .join(", ");
    if known.is_empty() {
        return Check {
            field: CheckField::Dob,
            outcome: Outcome::Unknown,
            text: "The list gives no date of birth to compare.".into(),
        };
    }
    if known.iter().any(|d| dob.agrees_with(d)) {
        Check {
            field: CheckField::Dob,
            outcome: Outcome::Match,
            text: format!("Date of birth {dob_text} agrees with the listed {listed}."),
        }
    } else {
        Check {
            field: CheckField::Dob,
            outcome: Outcome::Conflict,
            text: format!("Date of birth {dob_text} differs from the listed {listed}: score lowered, but check the person."),
        }
    }
}

/// Every country the entry is tied to, as ISO codes.
pub fn entity_countries(entity: &Entity) -> Vec<&'static str> {
    let places = entity
        .details
        .birth_places
        .iter()
        .filter_map(|p| p.rsplit(',').next());
    let mut codes: Vec<&'static str> = entity
        .nationalities
        .iter()
        .chain(&entity.citizenships)
        .chain(&entity.countries)
        .map(|c| &**c)
        .chain(places)
        .filter_map(|c| country_code(c.trim()))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

pub fn check_country(code: &str, entity: &Entity) -> Check {
    let codes = entity_countries(entity);
    if codes.is_empty() {
        return Check {
            field: CheckField::Country,
            outcome: Outcome::Unknown,
            text: "The list gives no country to compare.".into(),
        };
    }
    if codes.contains(&code) {
        Check {
            field: CheckField::Country,
            outcome: Outcome::Match,
            text: format!("Country {code} is one the list ties this entry to."),
        }
    } else {
        Check {
            field: CheckField::Country,
            outcome: Outcome::Conflict,
            text: format!(
                "Country {code} is not among the listed {}: score lowered a little.",
                codes.join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the list parser produces for the forms below.
    fn listed(text: &str) -> ListedDate {
        let (from, to, month, day, approximate) = match text {
            "05 Feb 1970" => (1970, 1970, 2, 5, false),
            "circa 1965" => (1965, 1965, 0, 0, true),
            "1962 to 1964" => (1962, 1964, 0, 0, false),
            _ => unreachable!(),
        };
        ListedDate {
            text: text.to_string().into(),
            year_from: from,
            year_to: to,
            month,
            day,
            approximate,
        }
    }

    #[test]
    fn dates_agree_table() {
        let cases = [
            ("1970-02-05", "05 Feb 1970", true),
            ("1970", "05 Feb 1970", true),
            ("1970-03-05", "05 Feb 1970", false),
            ("1971-02-05", "05 Feb 1970", false),
            ("1967", "circa 1965", true),
            ("1968", "circa 1965", false),
            ("1963-07-01", "1962 to 1964", true),
            ("1965", "1962 to 1964", false),
        ];
        for (dob, text, want) in cases {
            assert_eq!(
                BirthDate::parse(dob).unwrap().agrees_with(&listed(text)),
                want,
                "{dob} vs {text}"
            );
        }
    }

    #[test]
    fn parses_only_iso_dates() {
        assert_eq!(
            BirthDate::parse("1970-02-05"),
            Some(BirthDate {
                year: 1970,
                month: 2,
                day: 5
            })
        );
        assert_eq!(
            BirthDate::parse("1970"),
            Some(BirthDate {
                year: 1970,
                month: 0,
                day: 0
            })
        );
        assert!(BirthDate::parse("1984-02-29").is_some());
        for bad in [
            "05/02/1970",
            "1970-13-01",
            "70",
            "1970-02-30x",
            "1984-02-30",
            "1983-02-29",
            "1970-04-31",
            "",
            "1970-02-05-01",
        ] {
            assert!(BirthDate::parse(bad).is_none(), "{bad}");
        }
    }
}
