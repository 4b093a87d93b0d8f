//! What a caller asks: the query (a name, a company, identifiers), the
//! options (threshold or preset, limit, lists), and the checks that refuse a
//! query before anything is screened.

use crate::config::{BROAD_THRESHOLD, DEFAULT_THRESHOLD, STRICT_THRESHOLD};
use serde::Serialize;

use crate::identifiers::IdentifierType;

use super::result::QueryField;

/// Named thresholds, for people who should not have to pick a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Fewer alerts: a typo in a short name may be missed.
    Strict,
    /// The default.
    Standard,
    /// More recall: more partial matches of common names to review.
    Broad,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Strict, Preset::Standard, Preset::Broad];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Strict => "strict",
            Preset::Standard => "standard",
            Preset::Broad => "broad",
        }
    }

    pub fn threshold(self) -> f32 {
        match self {
            Preset::Strict => STRICT_THRESHOLD,
            Preset::Standard => DEFAULT_THRESHOLD,
            Preset::Broad => BROAD_THRESHOLD,
        }
    }

    /// The threshold a caller asked for: a number, or a preset's, or the
    /// default; both at once is an error.
    pub fn resolve(threshold: Option<f32>, preset: Option<&str>) -> Result<f32, QueryError> {
        match (threshold, preset) {
            (Some(_), Some(_)) => Err(QueryError("give a threshold or a preset, not both".into())),
            (Some(t), None) => Ok(t),
            (None, Some(name)) => Preset::parse(name).map(Preset::threshold),
            (None, None) => Ok(DEFAULT_THRESHOLD),
        }
    }

    pub fn parse(name: &str) -> Result<Preset, QueryError> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| {
                QueryError(format!(
                    "unknown preset {name:?}: the presets are strict, standard and broad"
                ))
            })
    }
}
/// Longest input per field: a name longer than this is not a name.
pub const MAX_FIELD_CHARS: usize = 500;
/// Default number of matches returned.
pub const DEFAULT_LIMIT: usize = 10;

/// What to screen: a name, a company, or an identifier at least.
///
/// Unknown fields are refused when a query is read (JSONL, JavaScript): a
/// misspelt `companyName` would otherwise screen nothing and read as clear.
/// The identifier fields take one string or a list of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub dob: Option<String>,
    /// ISO 3166-1 alpha-2 code (`KP`) or a country name.
    #[serde(default)]
    pub country: Option<String>,
    /// Wallet (digital-currency) addresses, as typed or as URIs.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub wallet: Vec<String>,
    /// Passport, national ID, tax or registration numbers.
    #[serde(
        default,
        alias = "idNumber",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub id_number: Vec<String>,
    /// Phone numbers, best with their country code.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub phone: Vec<String>,
    /// E-mail addresses: their domain is compared with the listed domains.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub email: Vec<String>,
    /// Websites (a portfolio, a previous employer's site), by their domain.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub website: Vec<String>,
    /// Companies the applicant says they worked for, each screened as a company.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub employer: Vec<String>,
}

impl Query {
    /// The identifier fields with their labels and types.
    pub(super) fn identifiers(&self) -> [(QueryField, &[String], IdentifierType); 3] {
        [
            (QueryField::Wallet, &self.wallet, IdentifierType::Wallet),
            (
                QueryField::IdNumber,
                &self.id_number,
                IdentifierType::Document,
            ),
            (QueryField::Phone, &self.phone, IdentifierType::Phone),
        ]
    }
}

/// A string or a list of strings (`null` is none).
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Values;
    impl<'de> serde::de::Visitor<'de> for Values {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or a list of strings")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element::<String>()? {
                out.push(v);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(Values)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Name score from which a match is reported, in [0, 1].
    pub threshold: f32,
    /// At most this many matches.
    pub limit: usize,
    /// Also screen the company against vessels and aircraft.
    pub vessels_and_aircraft: bool,
    /// Only these lists (ids such as `ofac_sdn`); all when empty.
    pub lists: Vec<String>,
    /// Today's date (`YYYY-MM-DD`), to say how old each list is. The core
    /// reads no clock: the CLI and the page pass it.
    pub today: Option<String>,
}

impl Options {
    /// Refuses options that would hide matches or mislabel results: a
    /// threshold outside [0, 1], a limit below 1 (a limit of 0 returns no
    /// match, so a listed name would read as clear), a `today` that is not a
    /// date (the stale-list warning would silently go).
    pub fn validate(&self) -> Result<(), QueryError> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(QueryError(format!(
                "threshold must be between 0 and 1, not {}",
                self.threshold
            )));
        }
        if self.limit < 1 {
            return Err(QueryError(
                "limit must be at least 1: it is the most matches to show, and 0 would hide every match"
                    .into(),
            ));
        }
        if let Some(today) = &self.today {
            if !sanctions_lists::calendar::is_date(today) {
                return Err(QueryError(format!(
                    "today {today:?} is not a date: write YYYY-MM-DD"
                )));
            }
        }
        Ok(())
    }
}

/// Screening options as a caller writes them: a threshold or a preset, not
/// yet resolved. The one settings type every caller fills: the CLI's flags
/// (clap, feature `cli`) and JavaScript's options object (serde, camelCase)
/// both become this, and [`ScreenSettings::resolve`] makes the [`Options`]
/// the screener takes.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::Args))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ScreenSettings {
    /// Name score from which a match is reported, 0 to 1 [default: 0.88].
    #[cfg_attr(feature = "cli", arg(long, conflicts_with = "preset"))]
    pub threshold: Option<f32>,
    /// A named threshold: strict (0.92, fewer alerts), standard (0.88), broad (0.80, more recall).
    #[cfg_attr(feature = "cli", arg(long, value_parser = ["strict", "standard", "broad"]))]
    pub preset: Option<String>,
    /// At most this many matches per query (at least 1) [default: 10].
    #[cfg_attr(feature = "cli", arg(long))]
    pub limit: Option<usize>,
    /// Also screen the company against vessels and aircraft.
    #[cfg_attr(feature = "cli", arg(long = "vessels"))]
    pub vessels_and_aircraft: bool,
    /// Only this list (ofac_sdn, ofac_cons, un); repeat for several.
    #[cfg_attr(feature = "cli", arg(long = "list"))]
    pub lists: Vec<String>,
    /// Today's date (`YYYY-MM-DD`), for the lists' ages: the page passes
    /// the local date, the CLI its clock.
    #[cfg_attr(feature = "cli", arg(skip))]
    pub today: Option<String>,
}

impl ScreenSettings {
    /// The options these settings ask for, checked: a threshold and a
    /// preset together, an unknown preset, a threshold outside [0, 1], a
    /// limit of 0 or a `today` that is not a date are refused.
    pub fn resolve(&self) -> Result<Options, QueryError> {
        let options = Options {
            threshold: Preset::resolve(self.threshold, self.preset.as_deref())?,
            limit: self.limit.unwrap_or(DEFAULT_LIMIT),
            vessels_and_aircraft: self.vessels_and_aircraft,
            lists: self.lists.clone(),
            today: self.today.clone(),
        };
        options.validate()?;
        Ok(options)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: DEFAULT_THRESHOLD,
            limit: DEFAULT_LIMIT,
            vessels_and_aircraft: false,
            lists: Vec::new(),
            today: None,
        }
    }
}

/// A query that cannot be screened, with a message for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_as_javascript_writes_them_and_resolve_checked() {
        let read =
            |json: &str| serde_json::from_str::<ScreenSettings>(json).map_err(|e| e.to_string());
        let settings = read(r#"{"preset":"broad","limit":3,"vesselsAndAircraft":true,"lists":["un"],"today":"2026-12-03"}"#).unwrap();
        let options = settings.resolve().unwrap();
        assert_eq!(options.threshold, Preset::Broad.threshold());
        assert_eq!((options.limit, options.vessels_and_aircraft), (3, true));
        assert_eq!(options.lists, ["un"]);
        assert_eq!(read("{}").unwrap().resolve().unwrap(), Options::default());
        assert!(read(r#"{"companyName":"x"}"#)
            .unwrap_err()
            .contains("unknown field"));
        for (json, refused) in [
            (r#"{"threshold":0.9,"preset":"strict"}"#, "not both"),
            (r#"{"preset":"lenient"}"#, "unknown preset"),
            (r#"{"threshold":1.5}"#, "between 0 and 1"),
            (r#"{"limit":0}"#, "at least 1"),
            (r#"{"today":"yesterday"}"#, "not a date"),
        ] {
            let error = read(json).unwrap().resolve().unwrap_err().0;
            assert!(error.contains(refused), "{json}: {error}");
        }
    }
}
