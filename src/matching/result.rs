//! What a screening returns: the matches with their explanations and the
//! details a reviewer compares, and the lists they were found on. Their JSON
//! form is the contract the CLI (`--json`) and the npm package share.

use sanctions_lists::{AliasKind, Entity, Kind, ListMeta, Strength, Text};
use serde::{Deserialize, Serialize};

use crate::freshness::{age_days, STALE_AFTER_DAYS};
use crate::identifiers::TypedIdentifier;

use super::checks::Check;

/// The details a reviewer compares with the applicant.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Details {
    pub birth_dates: Vec<Text>,
    pub birth_places: Vec<String>,
    pub nationalities: Vec<Text>,
    pub citizenships: Vec<Text>,
    pub countries: Vec<Text>,
    pub addresses: Vec<String>,
    pub gender: String,
    pub title: String,
    /// Passports, registration numbers, wallets, phones, websites..., typed.
    pub identifiers: Vec<TypedIdentifier>,
    pub listed_on: String,
    pub remarks: String,
}

/// One listed entry that matched. Its JSON form is the contract shared by the
/// CLI (`--json`) and the npm package.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Match {
    /// Which query field matched: `name`, `company`, or an identifier field.
    pub field: QueryField,
    /// List id (`ofac_sdn`, `ofac_cons`, `un`), name and date.
    pub list: String,
    pub list_name: String,
    pub list_date: String,
    /// OFAC ent_num or UN reference number.
    pub source_id: Text,
    /// `person`, `organization`, `vessel`, `aircraft`.
    #[serde(serialize_with = "kind_name")]
    pub kind: Kind,
    /// The entry's primary name.
    pub name: Text,
    /// The name that matched: the primary name or one alias.
    pub matched_name: Text,
    /// `primary`, the alias type (`a.k.a.`, `f.k.a.`, `n.k.a.`, `original
    /// script`), or `identifier`.
    pub matched_as: MatchedAs,
    /// `strong` or `weak` (weak: OFAC remarks aliases, UN low-quality aliases).
    #[serde(serialize_with = "strength_name")]
    pub alias_strength: Strength,
    /// The final score in [0, 1]: name score, lowered by conflicting details.
    #[serde(serialize_with = "shortest_decimal")]
    pub score: f32,
    /// The name score alone; the threshold applies to it.
    #[serde(serialize_with = "shortest_decimal")]
    pub name_score: f32,
    /// `strong` (≥ 0.92) or `possible`.
    pub level: Level,
    pub programs: Vec<Text>,
    /// Why it matched, in plain words, one line each.
    pub explanation: Vec<String>,
    /// Date of birth and country comparisons, when the query had them.
    pub checks: Vec<Check>,
    /// For a hit on a wallet, document or phone number: which one.
    pub matched_identifier: Option<MatchedIdentifier>,
    /// For a hit on the DPRK IT-worker notices, or a sanctions hit that a
    /// notice also names: what the notice says.
    pub notice: Option<NoticeRef>,
    pub details: Details,
    /// The publisher's page for the entry.
    pub url: String,
}

/// Which query field a match answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueryField {
    Name,
    Company,
    Wallet,
    IdNumber,
    Phone,
    Email,
    Website,
    Employer,
}

impl QueryField {
    /// As the JSON writes it (`id_number`).
    pub fn as_str(self) -> &'static str {
        match self {
            QueryField::Name => "name",
            QueryField::Company => "company",
            QueryField::Wallet => "wallet",
            QueryField::IdNumber => "id_number",
            QueryField::Phone => "phone",
            QueryField::Email => "email",
            QueryField::Website => "website",
            QueryField::Employer => "employer",
        }
    }
}

/// How close a match is, in the words a reviewer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Every word agrees, allowing variant spellings (a score of at least
    /// [`STRONG_MATCH`](super::STRONG_MATCH)).
    Strong,
    /// Close, to be compared by a person.
    Possible,
}

impl Level {
    pub fn of(score: f32) -> Level {
        if score >= super::STRONG_MATCH {
            Level::Strong
        } else {
            Level::Possible
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Strong => "strong",
            Level::Possible => "possible",
        }
    }
}

/// Which of an entry's names (or which identifier) a match was found on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedAs {
    Primary,
    Alias(AliasKind),
    Identifier,
}

impl MatchedAs {
    /// `primary`, the alias type as the lists write it, or `identifier`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchedAs::Primary => "primary",
            MatchedAs::Alias(kind) => kind.as_str(),
            MatchedAs::Identifier => "identifier",
        }
    }
}

impl Serialize for MatchedAs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

fn kind_name<S: serde::Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.as_str())
}

fn strength_name<S: serde::Serializer>(
    strength: &Strength,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(match strength {
        Strength::Strong => "strong",
        Strength::Weak => "weak",
    })
}

/// The listed identifier an applicant's identifier matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchedIdentifier {
    /// As the applicant typed it.
    pub typed: String,
    /// The listed identifier.
    #[serde(flatten)]
    pub listed: TypedIdentifier,
    /// The applicant also gave a name, and it is not this entry's: the
    /// identifier belongs to a listed entry under another name.
    pub name_differs: bool,
}

/// What a public notice says of a hit (the `dprk_it_notices` list).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NoticeRef {
    /// The notice's row id in `data/advisories/dprk-it-notices.csv` (`P001`).
    pub id: Text,
    /// `dprk_national`, `designated`, `organization`, `front_company`, `persona`, `domain`.
    pub category: String,
    /// Indicted, wanted, seized, designated... as the notice says.
    pub action: String,
    pub date: String,
    pub source_url: String,
    /// A false name used in a case: innocent people may share it.
    pub persona: bool,
    /// The same person or company on an embedded sanctions list.
    pub also_listed: Vec<ListedEntry>,
}

/// An entry of a sanctions list, as a notice links it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListedEntry {
    #[serde(skip)]
    pub(super) entity: u32,
    pub list: String,
    pub source_id: Text,
}

/// A list as a result cites it.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ListRef {
    pub id: String,
    pub name: String,
    pub date: String,
    /// Days since the list date, when today's date was given.
    pub age_days: Option<i64>,
    /// Older than 30 days: a newer list may name someone this one does not.
    pub stale: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Screening {
    pub matches: Vec<Match>,
    /// What the applicant should know about the query, e.g. "this does not
    /// look like a valid ETH address"; the query was screened all the same.
    pub warnings: Vec<String>,
    #[serde(serialize_with = "shortest_decimal")]
    pub threshold: f32,
    /// The lists screened against, with their dates.
    pub lists: Vec<ListRef>,
}

/// Writes an `f32` score as the `f64` of its shortest decimal form (0.9, not
/// 0.8999999761581421), so the CLI's JSON and the npm package's objects carry
/// the same numbers.
pub(crate) fn shortest_decimal<S: serde::Serializer>(
    value: &f32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let decimal: f64 = value.to_string().parse().unwrap_or(f64::from(*value));
    serializer.serialize_f64(decimal)
}

impl ListRef {
    /// A list as cited on `today` (`YYYY-MM-DD`), or undated when `None`.
    pub fn new(list: &ListMeta, today: Option<&str>) -> ListRef {
        let age_days = today.and_then(|today| age_days(&list.date, today));
        ListRef {
            id: list.id.clone(),
            name: list.name.clone(),
            date: list.date.clone(),
            age_days,
            stale: age_days.is_some_and(|d| d > STALE_AFTER_DAYS),
        }
    }
}

/// The details of entry `e` a reviewer compares.
pub(super) fn details(e: &Entity) -> Details {
    Details {
        birth_dates: e.birth_dates.iter().map(|d| d.text.clone()).collect(),
        birth_places: e.details.birth_places.clone(),
        nationalities: e.nationalities.clone(),
        citizenships: e.citizenships.clone(),
        countries: e.countries.clone(),
        addresses: e.details.addresses.clone(),
        gender: e.details.gender.clone(),
        title: e.details.title.clone(),
        identifiers: e
            .details
            .identifiers
            .iter()
            .map(TypedIdentifier::new)
            .collect(),
        listed_on: e.details.listed_on.clone(),
        remarks: e.details.remarks.clone(),
    }
}
