//! Screening: a query (name and/or company, optional date of birth and
//! country) against the embedded lists, giving scored, explained matches.
//!
//! A name is screened against persons, a company against organizations (and
//! vessels and aircraft when asked). Candidates come from the
//! [`NameIndex`]; each is scored by
//! [`score::score_name`] on its primary name and every alias, the best name
//! wins, and date of birth and country are compared ([`checks`]).

pub mod checks;
mod explain;
pub mod score;

use std::borrow::Cow;

use sanctions_lists::snapshot::DeferredDetails;
use sanctions_lists::{Entity, Kind, ListMeta, Snapshot, Strength};
use serde::Serialize;

use crate::countries::{country_code, is_known_code};
use crate::freshness::{age_days, STALE_AFTER_DAYS};
use crate::identifiers::{IdentifierIndex, IdentifierType, Normalized, TypedIdentifier};
use crate::index::{NameId, NameIndex, PRIMARY};
use crate::normalize::FastMap;
use crate::normalize::{readings, tokenize, variant_key, Reading, Tokenized};
use checks::{
    check_country, check_dob, BirthDate, Check, Outcome, COUNTRY_CONFLICT_FACTOR,
    DOB_CONFLICT_FACTOR,
};
use score::{score_name, NameScore, ScoredToken};

/// The default threshold on the name score, chosen on the quality benchmark
/// (`scripts/quality`, docs/quality.md): at 0.88 every variation class keeps
/// a recall of 97.5% or more while 0.5% of ordinary applicant names alert,
/// most of them near-identical to a listed alias. Lower, partial matches of
/// common names (`Juan Díaz` against `GONZALEZ DIAZ, Juan`) start to alert;
/// higher, typos in short names stop being found.
pub const DEFAULT_THRESHOLD: f32 = 0.88;

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
            // 0.4% of ordinary names alert on the benchmark; a typo or two
            // transposed letters are found 93% of the time.
            Preset::Strict => 0.92,
            Preset::Standard => DEFAULT_THRESHOLD,
            // Every class at 98% or more; 1.7% of ordinary names alert.
            Preset::Broad => 0.80,
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
/// At or above this a match is called "strong": all words agree, allowing
/// variant spellings.
pub const STRONG_MATCH: f32 = 0.92;
/// A weak alias (OFAC remarks a.k.a., UN "Low" quality) is broad by the
/// publisher's own account: an exact hit on one is a possible, not strong, match.
pub const WEAK_ALIAS_FACTOR: f32 = 0.9;
/// Longest input per field: a name longer than this is not a name.
pub const MAX_FIELD_CHARS: usize = 500;
/// How many candidate names the index hands to the scorer per field. With
/// 100, a common Korean name's fifth-best partial match (0.64) fell out of
/// the index's ranking; 150 keeps the indexed top results equal to brute
/// force over the test's varied queries, at about 0.5 ms a query.
const CANDIDATES: usize = 150;
/// The score of a domain one letter, a hyphen or a suffix away from a listed
/// one: below strong (a neighbour may be innocent), above every threshold
/// (a lookalike domain is how fronts hide).
pub const NEAR_DOMAIN_SCORE: f32 = 0.9;
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
    fn identifiers(&self) -> [(&'static str, &[String], IdentifierType); 3] {
        [
            ("wallet", &self.wallet, IdentifierType::Wallet),
            ("id_number", &self.id_number, IdentifierType::Document),
            ("phone", &self.phone, IdentifierType::Phone),
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

/// The details a reviewer compares with the applicant.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Details {
    pub birth_dates: Vec<String>,
    pub birth_places: Vec<String>,
    pub nationalities: Vec<String>,
    pub citizenships: Vec<String>,
    pub countries: Vec<String>,
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
    /// Which query field matched: `name` or `company`.
    pub field: &'static str,
    /// List id (`ofac_sdn`, `ofac_cons`, `un`), name and date.
    pub list: String,
    pub list_name: String,
    pub list_date: String,
    /// OFAC ent_num or UN reference number.
    pub source_id: String,
    /// `person`, `organization`, `vessel`, `aircraft`.
    pub kind: &'static str,
    /// The entry's primary name.
    pub name: String,
    /// The name that matched: the primary name or one alias.
    pub matched_name: String,
    /// `primary`, or the alias type (`a.k.a.`, `f.k.a.`, `n.k.a.`, `original script`).
    pub matched_as: &'static str,
    /// `strong` or `weak` (weak: OFAC remarks aliases, UN low-quality aliases).
    pub alias_strength: &'static str,
    /// The final score in [0, 1]: name score, lowered by conflicting details.
    #[serde(serialize_with = "shortest_decimal")]
    pub score: f32,
    /// The name score alone; the threshold applies to it.
    #[serde(serialize_with = "shortest_decimal")]
    pub name_score: f32,
    /// `strong` (≥ 0.92) or `possible`.
    pub level: &'static str,
    pub programs: Vec<String>,
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
    pub id: String,
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
    entity: u32,
    pub list: String,
    pub source_id: String,
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

/// The embedded lists with their index: build once, screen many times.
pub struct Screener {
    snapshot: Snapshot,
    index: NameIndex,
    /// The embedded entries' reviewer details, decoded per match; `None`
    /// when the snapshot came with its details.
    details: Option<DeferredDetails<'static>>,
    /// Listed identifiers and domains, indexed at the first query that has
    /// one: they need every entry's details, which the fast start leaves encoded.
    listed_identifiers: std::sync::OnceLock<ListedIdentifiers>,
}

/// The lists' identifiers, indexed for exact lookup, and their domains.
struct ListedIdentifiers {
    exact: IdentifierIndex,
    domains: crate::domains::DomainIndex,
}

/// A query that passed validation.
struct Validated {
    fields: Vec<Field>,
    /// (field label, as typed, registrable domain) of e-mail addresses and websites.
    domains: Vec<(&'static str, String, String)>,
    /// (field label, as typed, type, normalised key)
    identifiers: Vec<(&'static str, String, IdentifierType, String)>,
    warnings: Vec<String>,
    dob: Option<(BirthDate, String)>,
    country: Option<&'static str>,
}

/// A validated query field, tokenised.
struct Field {
    /// `name`, `company` or `employer`.
    label: &'static str,
    /// The text as typed (trimmed), for the explanation of a reading.
    text: String,
    tokenized: Tokenized,
    /// Its other readings (a Korean name in Cyrillic, Han characters,
    /// Arabic script), each screened beside `tokenized`.
    readings: Vec<Reading>,
    organization: bool,
    kinds: Vec<Kind>,
}

impl Field {
    /// The field's tokens under reading `at`: 0 is as typed, 1.. its
    /// other readings.
    fn reading(&self, at: usize) -> (&Tokenized, Option<&Reading>) {
        match at.checked_sub(1) {
            None => (&self.tokenized, None),
            Some(i) => (&self.readings[i].tokenized, Some(&self.readings[i])),
        }
    }
}

/// An entity's best-scoring name for one field: the name, its score, and
/// the reading of the query that scored it.
type Best = FastMap<u32, (NameId, NameScore, usize)>;

impl Screener {
    /// A screener over any snapshot; its names are tokenised now.
    pub fn new(snapshot: Snapshot) -> Screener {
        let index = NameIndex::build(&snapshot);
        Screener {
            snapshot,
            index,
            details: None,
            listed_identifiers: std::sync::OnceLock::new(),
        }
    }

    /// The screener over the embedded lists: the fast way to start. The
    /// build script has already tokenised the names, and each entry's
    /// reviewer details are decoded only when a match shows them.
    pub fn embedded() -> Result<Screener, String> {
        let (snapshot, details) =
            crate::snapshot::embedded_deferred().map_err(|e| e.to_string())?;
        let tokens = crate::snapshot::embedded_tokens().map_err(|e| e.to_string())?;
        let index = NameIndex::from_tokens(&snapshot, tokens)?;
        Ok(Screener {
            snapshot,
            index,
            details: Some(details),
            listed_identifiers: std::sync::OnceLock::new(),
        })
    }

    /// The embedded lists with newer list files put in place of the ones
    /// they supersede (see [`sanctions_lists::update`]): every entry is
    /// decoded and every name tokenised again, so this takes a second or
    /// so. An error names the file and line that could not be read.
    #[cfg(feature = "list-files")]
    pub fn with_list_files(
        files: &[sanctions_lists::update::GivenFile<'_>],
    ) -> Result<Screener, String> {
        let mut snapshot = crate::snapshot::embedded().map_err(|e| e.to_string())?;
        sanctions_lists::update::replace_lists(&mut snapshot, files).map_err(|e| e.to_string())?;
        Ok(Screener::new(snapshot))
    }

    /// The lists and their entries. For [`Screener::embedded`] the entries'
    /// reviewer details (title, gender, birthplaces, addresses, identifiers,
    /// listing date, remarks) are empty here: [`Screener::entity`] has them.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The lists a screening with `options` is made against, as its result
    /// cites them (a batch report names them once for every row).
    pub fn cited_lists(&self, options: &Options) -> Result<Vec<ListRef>, QueryError> {
        let selected = self.selected_lists(options)?;
        Ok(self.cite(&selected, options))
    }

    fn cite(&self, selected: &[bool], options: &Options) -> Vec<ListRef> {
        self.snapshot
            .lists
            .iter()
            .zip(selected)
            .filter(|(_, &on)| on)
            .map(|(l, _)| ListRef::new(l, options.today.as_deref()))
            .collect()
    }

    /// Entry `id` with all its details.
    pub fn entity(&self, id: u32) -> Result<Cow<'_, Entity>, QueryError> {
        let entity = &self.snapshot.entities[id as usize];
        let Some(details) = &self.details else {
            return Ok(Cow::Borrowed(entity));
        };
        let mut full = entity.clone();
        details
            .fill(id as usize, &mut full)
            .map_err(|e| QueryError(format!("the embedded lists are damaged: {e}")))?;
        Ok(Cow::Owned(full))
    }

    pub fn index(&self) -> &NameIndex {
        &self.index
    }

    /// Screens a query through the index.
    pub fn screen(&self, query: &Query, options: &Options) -> Result<Screening, QueryError> {
        self.run(query, options, false)
    }

    /// Screens by scoring every listed name: the reference the index is tested against.
    pub fn screen_brute_force(
        &self,
        query: &Query,
        options: &Options,
    ) -> Result<Screening, QueryError> {
        self.run(query, options, true)
    }

    fn run(
        &self,
        query: &Query,
        options: &Options,
        brute_force: bool,
    ) -> Result<Screening, QueryError> {
        let Validated {
            fields,
            domains,
            identifiers,
            warnings,
            dob,
            country,
        } = self.validate(query, options)?;
        let lists = self.selected_lists(options)?;
        // (entity id, match): the ids link notices to sanctions entries.
        let mut matches: Vec<(u32, Match)> = Vec::new();
        for field in &fields {
            let mut best = Best::default();
            for at in 0..=field.readings.len() {
                self.score_reading(field, at, &lists, brute_force, &mut best);
            }
            for (entity_id, (name_id, scored, at)) in best {
                if scored.score < options.threshold {
                    continue;
                }
                matches.push((
                    entity_id,
                    self.build_match(
                        field,
                        at,
                        entity_id,
                        name_id,
                        &scored,
                        dob.as_ref(),
                        country,
                    )?,
                ));
            }
        }
        for (label, typed, kind, key) in &identifiers {
            for &(entity_id, at) in self.identifier_index()?.get(*kind, key) {
                if !lists[self.snapshot.entities[entity_id as usize].list as usize] {
                    continue;
                }
                let name_differs = query.name.as_deref().is_some_and(|n| !n.trim().is_empty())
                    && !matches
                        .iter()
                        .any(|(e, m)| *e == entity_id && m.field == "name");
                matches.push((
                    entity_id,
                    self.identifier_match(label, typed, entity_id, at, name_differs, query)?,
                ));
            }
        }
        for (label, typed, domain) in &domains {
            for (entity_id, at, how) in self.domain_index()?.lookup(domain) {
                if !lists[self.snapshot.entities[entity_id as usize].list as usize] {
                    continue;
                }
                matches.push((
                    entity_id,
                    self.domain_match(label, typed, domain, entity_id, at, how)?,
                ));
            }
        }
        let mut matches = self.merge_notices(matches);
        matches.sort_by(|a, b| {
            // An identifier hit is exact evidence: first, and never cut by the limit before a name hit.
            (b.matched_identifier.is_some())
                .cmp(&a.matched_identifier.is_some())
                .then(b.score.total_cmp(&a.score))
                .then(b.name_score.total_cmp(&a.name_score))
                .then(a.list.cmp(&b.list))
                .then(
                    a.source_id
                        .len()
                        .cmp(&b.source_id.len())
                        .then(a.source_id.cmp(&b.source_id)),
                )
        });
        matches.truncate(options.limit);
        let lists = self.cite(&lists, options);
        Ok(Screening {
            matches,
            warnings,
            threshold: options.threshold,
            lists,
        })
    }

    /// Scores the candidates of `field` under its reading `at`, keeping in
    /// `best` each entity's best name over all readings (ties: the earlier
    /// reading, then the lower name id, so results do not depend on order).
    fn score_reading(
        &self,
        field: &Field,
        at: usize,
        lists: &[bool],
        brute_force: bool,
        best: &mut Best,
    ) {
        let (tokenized, _) = field.reading(at);
        let names: Vec<NameId> = if brute_force {
            (0..self.index.names.len() as NameId)
                .filter(|&n| field.kinds.contains(&self.index.names[n as usize].kind))
                .collect()
        } else {
            let tokens = &tokenized.tokens;
            let words: Vec<String> = tokens.iter().map(|t| t.text.clone()).collect();
            let alternates: Vec<Option<String>> =
                tokens.iter().map(|t| t.alternate.clone()).collect();
            self.index.candidates(
                &words,
                &alternates,
                field.organization,
                &field.kinds,
                CANDIDATES,
            )
        };
        let query_owned = owned_tokens(&self.index, tokenized, field.organization);
        let query_view = view(&query_owned);
        for name_id in names {
            let record = &self.index.names[name_id as usize];
            if !lists[self.snapshot.entities[record.entity as usize].list as usize] {
                continue;
            }
            let listed = listed_view(&self.index, record, field.organization);
            let family = if record.kind == Kind::Person {
                record.family_len as usize
            } else {
                0
            };
            let Some(mut scored) = score_name(
                &query_view,
                &listed,
                record.kind == Kind::Person,
                family,
                tokenized.family_len.unwrap_or(0),
            ) else {
                continue;
            };
            if record.weak {
                scored.score *= WEAK_ALIAS_FACTOR;
            }
            let better = match best.get(&record.entity) {
                None => true,
                Some((other, s, other_at)) => {
                    scored.score > s.score
                        || (scored.score == s.score && (at, name_id) < (*other_at, *other))
                }
            };
            if better {
                best.insert(record.entity, (name_id, scored, at));
            }
        }
    }

    fn selected_lists(&self, options: &Options) -> Result<Vec<bool>, QueryError> {
        for id in &options.lists {
            if !self.snapshot.lists.iter().any(|l| &l.id == id) {
                let known: Vec<&str> = self.snapshot.lists.iter().map(|l| l.id.as_str()).collect();
                return Err(QueryError(format!(
                    "unknown list {id:?}: the lists are {}",
                    known.join(", ")
                )));
            }
        }
        Ok(self
            .snapshot
            .lists
            .iter()
            .map(|l| options.lists.is_empty() || options.lists.contains(&l.id))
            .collect())
    }

    fn validate(&self, query: &Query, options: &Options) -> Result<Validated, QueryError> {
        options.validate()?;
        // Every value of every field, one length rule.
        let single = [
            ("name", &query.name),
            ("company", &query.company),
            ("date of birth", &query.dob),
            ("country", &query.country),
        ]
        .into_iter()
        .filter_map(|(label, value)| Some((label, value.as_deref()?)));
        let several = [
            ("employer", &query.employer),
            ("wallet", &query.wallet),
            ("id number", &query.id_number),
            ("phone", &query.phone),
            ("email", &query.email),
            ("website", &query.website),
        ]
        .into_iter()
        .flat_map(|(label, values)| values.iter().map(move |v| (label, v.as_str())));
        for (label, value) in single.chain(several) {
            let chars = value.trim().chars().count();
            if chars > MAX_FIELD_CHARS {
                return Err(QueryError(format!(
                    "{label} is {chars} characters long; at most {MAX_FIELD_CHARS} are screened"
                )));
            }
        }
        let mut fields = Vec::new();
        let texts = [
            ("name", query.name.as_deref(), false),
            ("company", query.company.as_deref(), true),
        ]
        .into_iter()
        .chain(
            query
                .employer
                .iter()
                .map(|e| ("employer", Some(e.as_str()), true)),
        );
        for (label, value, organization) in texts {
            let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
                continue;
            };
            let tokenized = tokenize(text);
            if tokenized.tokens.is_empty() {
                return Err(QueryError(format!(
                    "{label} {text:?} has no letters or digits to screen"
                )));
            }
            let other_readings = readings(&tokenized);
            let kinds = if organization {
                if options.vessels_and_aircraft {
                    vec![Kind::Organization, Kind::Vessel, Kind::Aircraft]
                } else {
                    vec![Kind::Organization]
                }
            } else {
                vec![Kind::Person]
            };
            fields.push(Field {
                label,
                text: text.to_string(),
                tokenized,
                readings: other_readings,
                organization,
                kinds,
            });
        }
        let mut identifiers = Vec::new();
        let mut warnings = Vec::new();
        for (label, values, kind) in query.identifiers() {
            for typed in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                let normalized = match kind {
                    IdentifierType::Wallet => Some(Normalized::wallet(typed)),
                    IdentifierType::Document => Normalized::document(typed),
                    _ => Normalized::phone(typed),
                };
                let Some(normalized) = normalized else {
                    return Err(QueryError(match kind {
                        IdentifierType::Document => format!(
                            "id number {typed:?} is too short to identify anyone: give the whole number (at least {} letters and digits)",
                            crate::identifiers::MIN_DOCUMENT_CHARS
                        ),
                        _ => format!(
                            "phone {typed:?} is too short: give the whole number with its country code (at least {} digits)",
                            crate::identifiers::MIN_PHONE_DIGITS
                        ),
                    }));
                };
                warnings.extend(normalized.warning);
                identifiers.push((label, typed.to_string(), kind, normalized.key));
            }
        }
        let mut domains = Vec::new();
        for (label, values) in [("email", &query.email), ("website", &query.website)] {
            for typed in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                let Some(domain) = crate::domains::registrable_domain(typed) else {
                    return Err(QueryError(format!(
                        "{label} {typed:?} holds no internet domain: write an address such as name@example.com or example.com"
                    )));
                };
                if crate::domains::is_free_mail(&domain) {
                    warnings.push(format!(
                        "\u{201c}{typed}\u{201d} is at {domain}, where anyone can have an address or a page: it says nothing about the applicant and is not compared."
                    ));
                    continue;
                }
                domains.push((label, typed.to_string(), domain));
            }
        }
        if fields.is_empty() && identifiers.is_empty() && domains.is_empty() && warnings.is_empty()
        {
            return Err(QueryError(
                "enter a name, a company or an identifier (wallet, ID number, phone, e-mail, website) to screen".into(),
            ));
        }
        let dob = match query
            .dob
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            None => None,
            Some(text) => Some((
                BirthDate::parse(text).ok_or_else(|| {
                    QueryError(format!(
                        "date of birth {text:?} is not a date: write YYYY-MM-DD, or YYYY (and a day the month has)"
                    ))
                })?,
                text.to_string(),
            )),
        };
        let country = match query
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(text) => {
                let code = country_code(text).filter(|_| text.len() != 2 || is_known_code(text));
                Some(code.ok_or_else(|| {
                    QueryError(format!(
                        "country {text:?} is not known: use a two-letter ISO code such as KP or US"
                    ))
                })?)
            }
        };
        Ok(Validated {
            fields,
            domains,
            identifiers,
            warnings,
            dob,
            country,
        })
    }

    /// A notice hit on a person or company that also matched on a sanctions
    /// list (the same field) is shown once: as the sanctions hit, with the
    /// notice attached. A notice hit whose sanctions entry did not match says
    /// where that entry is.
    fn merge_notices(&self, mut matches: Vec<(u32, Match)>) -> Vec<Match> {
        let mut merged_into: Vec<Option<usize>> = vec![None; matches.len()];
        for i in 0..matches.len() {
            let Some(notice) = matches[i].1.notice.clone() else {
                continue;
            };
            if matches[i].1.list != crate::catalog::NOTICES_LIST {
                continue;
            }
            let field = matches[i].1.field;
            let target = matches.iter().position(|(e, m)| {
                m.field == field && notice.also_listed.iter().any(|l| l.entity == *e)
            });
            match target {
                Some(j) => {
                    merged_into[i] = Some(j);
                    let m = &mut matches[j].1;
                    m.explanation.push(format!(
                        "Also named in a US public notice on the DPRK IT-worker schemes: {} ({}). Source: {}",
                        notice.action, notice.date, notice.source_url
                    ));
                    m.notice = Some(notice);
                }
                None => {
                    for listed in &notice.also_listed {
                        let entity = &self.snapshot.entities[listed.entity as usize];
                        let list = &self.snapshot.lists[entity.list as usize];
                        matches[i].1.explanation.push(format!(
                            "The same {} is on the {} as entry {} ({}).",
                            entity.kind.as_str(),
                            list.name,
                            entity.source_id,
                            entity.name
                        ));
                    }
                }
            }
        }
        matches
            .into_iter()
            .zip(merged_into)
            .filter(|(_, merged)| merged.is_none())
            .map(|((_, m), _)| m)
            .collect()
    }

    /// Labels a hit on an entry of the notices list for what it is: a public
    /// notice, not a sanctions designation; a persona may be anyone's name.
    fn label_notice(&self, entity: &Entity, m: &mut Match) {
        let Some(notice) = &entity.notice else {
            return;
        };
        let persona = notice.category == "persona";
        m.explanation.push(format!(
            "This is a US public notice, not a sanctions designation: {} ({}). Source: {}",
            notice.action, notice.date, notice.source_url
        ));
        if persona {
            m.explanation.push(format!(
                "\u{201c}{}\u{201d} is a false name (persona) that North Korean IT workers used in a US case. Innocent people may bear the same name: only other evidence (identity documents, the company, the checks below) can tell them apart.",
                entity.name
            ));
            // A persona's name alone is weak evidence: never more than possible.
            m.level = "possible";
        }
        m.url = notice.source_url.clone();
        m.notice = Some(NoticeRef {
            id: entity.source_id.clone(),
            category: notice.category.clone(),
            action: notice.action.clone(),
            date: notice.date.clone(),
            source_url: notice.source_url.clone(),
            persona,
            also_listed: notice
                .also_listed
                .iter()
                .map(|&e| {
                    let listed = &self.snapshot.entities[e as usize];
                    ListedEntry {
                        entity: e,
                        list: self.snapshot.lists[listed.list as usize].id.clone(),
                        source_id: listed.source_id.clone(),
                    }
                })
                .collect(),
        });
    }

    /// The listed domains' index, built at first use.
    fn domain_index(&self) -> Result<&crate::domains::DomainIndex, QueryError> {
        Ok(&self.listed_identifiers()?.domains)
    }

    /// A hit on an e-mail or website domain: the same registrable domain is
    /// strong, a near one possible.
    fn domain_match(
        &self,
        label: &'static str,
        typed: &str,
        domain: &str,
        entity_id: u32,
        at: u16,
        how: crate::domains::DomainMatch,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let listed = TypedIdentifier::new(&entity.identifiers[at as usize]);
        let what = if label == "email" {
            "e-mail address"
        } else {
            "website"
        };
        let (score, level, line) = match how {
            crate::domains::DomainMatch::Same => (
                1.0,
                "strong",
                format!(
                    "The {what} \u{201c}{typed}\u{201d} is at {domain}, the domain of this entry's {} {}.",
                    listed.kind, listed.value
                ),
            ),
            crate::domains::DomainMatch::Near(why) => (
                // Close but not the same: a lookalike domain is a classic
                // front, and also an innocent neighbour; a reviewer decides.
                NEAR_DOMAIN_SCORE,
                "possible",
                format!(
                    "The {what} \u{201c}{typed}\u{201d} is at {domain}, close to this entry's {} {} ({why}).",
                    listed.kind, listed.value
                ),
            ),
        };
        let explanation = vec![
            line,
            "Domains are compared as registered: the address's user, sub-domains such as www., letter case and the rest of the address are set aside.".into(),
        ];
        let identifier = MatchedIdentifier {
            typed: typed.to_string(),
            listed,
            name_differs: false,
        };
        Ok(self.identifier_hit(label, entity, identifier, (score, level), explanation))
    }

    /// A hit on one of an entry's identifiers (exact or a domain), with its
    /// score and level and the lines that explain it.
    fn identifier_hit(
        &self,
        field: &'static str,
        entity: &Entity,
        identifier: MatchedIdentifier,
        (score, level): (f32, &'static str),
        explanation: Vec<String>,
    ) -> Match {
        let list = &self.snapshot.lists[entity.list as usize];
        let mut m = Match {
            field,
            list: list.id.clone(),
            list_name: list.name.clone(),
            list_date: list.date.clone(),
            source_id: entity.source_id.clone(),
            kind: entity.kind.as_str(),
            name: entity.name.clone(),
            matched_name: entity.name.clone(),
            matched_as: "identifier",
            alias_strength: "strong",
            score,
            name_score: score,
            level,
            programs: entity.programs.clone(),
            explanation,
            checks: Vec::new(),
            matched_identifier: Some(identifier),
            notice: None,
            details: details(entity),
            url: list.entry_url(&entity.source_id),
        };
        self.label_notice(entity, &mut m);
        m
    }

    /// The listed identifiers' index, built at first use.
    fn identifier_index(&self) -> Result<&IdentifierIndex, QueryError> {
        Ok(&self.listed_identifiers()?.exact)
    }

    /// Every entry's identifiers, decoded once and indexed both ways.
    fn listed_identifiers(&self) -> Result<&ListedIdentifiers, QueryError> {
        if let Some(listed) = self.listed_identifiers.get() {
            return Ok(listed);
        }
        let mut all = Vec::with_capacity(self.snapshot.entities.len());
        for id in 0..self.snapshot.entities.len() as u32 {
            all.push((id, self.entity(id)?.identifiers.clone()));
        }
        let entries = || all.iter().map(|(id, ids)| (*id, ids.as_slice()));
        let listed = ListedIdentifiers {
            exact: IdentifierIndex::build(entries()),
            domains: crate::domains::DomainIndex::build(entries()),
        };
        Ok(self.listed_identifiers.get_or_init(|| listed))
    }

    /// A hit on an identifier: exact, so strong, with the listed identifier
    /// and, when the applicant's name is not the entry's, a warning that
    /// this is the most serious kind of hit.
    fn identifier_match(
        &self,
        label: &'static str,
        typed: &str,
        entity_id: u32,
        at: u16,
        name_differs: bool,
        query: &Query,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let listed = TypedIdentifier::new(&entity.identifiers[at as usize]);
        let what = match label {
            "wallet" => "wallet address",
            "id_number" => "ID number",
            _ => "phone number",
        };
        let how = match listed.kind_type {
            IdentifierType::Wallet => "compared as the chain writes addresses: a URI, quotes and, for 0x and bc1 addresses, letter case set aside",
            IdentifierType::Phone => "compared as international digits",
            _ => "compared without spaces, dashes, dots and letter case",
        };
        let note = if listed.note.is_empty() {
            String::new()
        } else {
            format!(" {}", listed.note)
        };
        let mut explanation = vec![
            format!(
                "The {what} \u{201c}{typed}\u{201d} is listed for this entry: {} {}{note} ({how}).",
                listed.kind, listed.value
            ),
            "An identifier is exact evidence: it is matched as a whole or not at all, never by resemblance.".to_string(),
        ];
        if name_differs {
            explanation.push(format!(
                "The applicant's name \u{201c}{}\u{201d} is not this entry's name ({}): an identifier of a listed entry given under another name is the most serious kind of hit. The applicant may be using a borrowed or stolen identity, or asking to be paid into a sanctioned account. Escalate it.",
                query.name.as_deref().unwrap_or_default().trim(),
                entity.name
            ));
        }
        let identifier = MatchedIdentifier {
            typed: typed.to_string(),
            listed,
            name_differs,
        };
        Ok(self.identifier_hit(label, entity, identifier, (1.0, "strong"), explanation))
    }

    #[allow(clippy::too_many_arguments)]
    fn build_match(
        &self,
        field: &Field,
        reading_at: usize,
        entity_id: u32,
        name_id: NameId,
        scored: &NameScore,
        dob: Option<&(BirthDate, String)>,
        country: Option<&'static str>,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let list = &self.snapshot.lists[entity.list as usize];
        let record = &self.index.names[name_id as usize];
        let (matched_name, matched_as, weak) = if record.alias == PRIMARY {
            (entity.name.clone(), "primary", false)
        } else {
            let alias = &entity.aliases[record.alias as usize];
            (
                alias.name.clone(),
                alias.kind.as_str(),
                alias.strength == Strength::Weak,
            )
        };
        let name_score = scored.score;
        let mut score = name_score;
        let mut checks = Vec::new();
        if let Some((date, text)) = dob {
            if entity.kind == Kind::Person {
                checks.push(check_dob(date, text, entity));
            }
        }
        if let Some(code) = country {
            checks.push(check_country(code, entity));
        }
        for check in &checks {
            if check.outcome == Outcome::Conflict {
                score *= if check.field == "dob" {
                    DOB_CONFLICT_FACTOR
                } else {
                    COUNTRY_CONFLICT_FACTOR
                };
            }
        }
        let (tokenized, reading) = field.reading(reading_at);
        let mut explanation = explain::explain(
            field.label,
            tokenized,
            &matched_name,
            record,
            scored,
            weak,
            matched_as,
        );
        if entity.kind == Kind::Person && dob.is_none() && !scored.partial {
            explanation.push(
                "Many people share a name: only the date of birth and the other details can tell the applicant from the listed person, and none was given."
                    .into(),
            );
        }
        if let Some(reading) = reading {
            // Right after "The name matches …": how the script was read.
            explanation.insert(
                1,
                format!(
                    "\u{201c}{}\u{201d} was read as \u{201c}{}\u{201d} ({}).",
                    field.text,
                    reading.text(),
                    reading.kind.describe()
                ),
            );
        }
        let mut m = Match {
            field: field.label,
            list: list.id.clone(),
            list_name: list.name.clone(),
            list_date: list.date.clone(),
            source_id: entity.source_id.clone(),
            kind: entity.kind.as_str(),
            name: entity.name.clone(),
            matched_name,
            matched_as,
            alias_strength: if weak { "weak" } else { "strong" },
            score: round3(score),
            name_score: round3(name_score),
            level: if score >= STRONG_MATCH {
                "strong"
            } else {
                "possible"
            },
            programs: entity.programs.clone(),
            explanation,
            checks,
            matched_identifier: None,
            notice: None,
            details: details(entity),
            url: list.entry_url(&entity.source_id),
        };
        self.label_notice(entity, &mut m);
        Ok(m)
    }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn details(e: &Entity) -> Details {
    Details {
        birth_dates: e.birth_dates.iter().map(|d| d.text.clone()).collect(),
        birth_places: e.birth_places.clone(),
        nationalities: e.nationalities.clone(),
        citizenships: e.citizenships.clone(),
        countries: e.countries.clone(),
        addresses: e.addresses.clone(),
        gender: e.gender.clone(),
        title: e.title.clone(),
        identifiers: e.identifiers.iter().map(TypedIdentifier::new).collect(),
        listed_on: e.listed_on.clone(),
        remarks: e.remarks.clone(),
    }
}

/// Text, key, weighing and alternate reading (text and key) of each token, owned.
type OwnedTokens = Vec<(
    String,
    String,
    crate::index::Weighing,
    Option<(String, String)>,
)>;

fn owned_tokens(index: &NameIndex, tokenized: &Tokenized, organization: bool) -> OwnedTokens {
    tokenized
        .tokens
        .iter()
        .map(|t| {
            let key = variant_key(&t.text);
            let weighing = index.weighing(&t.text, &key, organization);
            let alternate = t.alternate.as_ref().map(|a| (a.clone(), variant_key(a)));
            (t.text.clone(), key, weighing, alternate)
        })
        .collect()
}

fn listed_view<'a>(
    index: &'a NameIndex,
    record: &crate::index::NameRecord,
    organization: bool,
) -> Vec<ScoredToken<'a>> {
    let slot = organization as usize;
    index
        .name_terms(record)
        .iter()
        .map(|&t| {
            let term = &index.terms[t as usize];
            ScoredToken {
                text: index.term_text(t),
                key: &term.key,
                alternate_text: None,
                alternate_key: None,
                class: term.class[slot],
                weight: term.weight[slot],
                evidence: term.evidence[slot],
            }
        })
        .collect()
}

fn view(tokens: &OwnedTokens) -> Vec<ScoredToken<'_>> {
    tokens
        .iter()
        .map(|(text, key, weighing, alternate)| ScoredToken {
            text,
            key,
            alternate_text: alternate.as_ref().map(|(t, _)| t.as_str()),
            alternate_key: alternate.as_ref().map(|(_, k)| k.as_str()),
            class: weighing.class,
            weight: weighing.weight,
            evidence: weighing.evidence,
        })
        .collect()
}
