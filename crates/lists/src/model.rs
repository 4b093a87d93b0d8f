//! The one model every list is parsed into, and what the snapshot stores.
//!
//! The snapshot (`snapshot.rs`) writes these fields column by column: bump
//! [`SNAPSHOT_FORMAT`](crate::snapshot::SNAPSHOT_FORMAT) when a field it
//! stores changes.

use serde::{Deserialize, Serialize};

/// A short text of an entry that the embedded snapshot lends from the
/// module's own bytes (or from the names the token table spells once), and
/// that a parser or a decoded copy owns. The embedded lists hold some
/// 107,000 of them (names, ids, programs, countries, dates as written);
/// lending them saves an allocation each at every start.
pub type Text = std::borrow::Cow<'static, str>;

/// What sort of thing an entry is. Names are screened against persons,
/// companies against organizations; vessels and aircraft only when asked.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Organization,
    Vessel,
    Aircraft,
}

impl Kind {
    /// Every kind, in declaration order: the snapshot stores one by its place here.
    pub const ALL: [Kind; 4] = [
        Kind::Person,
        Kind::Organization,
        Kind::Vessel,
        Kind::Aircraft,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Vessel => "vessel",
            Kind::Aircraft => "aircraft",
        }
    }
}

/// How much an alias can be trusted as an identifier.
///
/// OFAC calls the aliases it writes only in remarks (`a.k.a. '...'`) "weak":
/// broad nicknames that are expected to produce false hits. UN aliases of
/// quality "Low" are the same idea.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    Strong,
    Weak,
}

impl Strength {
    /// Every strength, in declaration order: the snapshot stores one by its place here.
    pub const ALL: [Strength; 2] = [Strength::Strong, Strength::Weak];
}

/// Where an alias came from and what it means.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasKind {
    /// also known as
    Aka,
    /// formerly known as
    Fka,
    /// now known as
    Nka,
    /// the name written in its original script (UN `NAME_ORIGINAL_SCRIPT`)
    OriginalScript,
}

impl AliasKind {
    /// Every alias kind, in declaration order: the snapshot stores one by its place here.
    pub const ALL: [AliasKind; 4] = [
        AliasKind::Aka,
        AliasKind::Fka,
        AliasKind::Nka,
        AliasKind::OriginalScript,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AliasKind::Aka => "a.k.a.",
            AliasKind::Fka => "f.k.a.",
            AliasKind::Nka => "n.k.a.",
            AliasKind::OriginalScript => "original script",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub name: Text,
    pub kind: AliasKind,
    pub strength: Strength,
}

/// A date as a list gives it: often only a year, a range or "circa".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ListedDate {
    /// The text as published, e.g. `05 Feb 1970`, `circa 1965`, `1962 to 1964`.
    pub text: Text,
    /// First possible year (0 when no year could be read).
    pub year_from: u16,
    /// Last possible year; equal to `year_from` for an exact year.
    pub year_to: u16,
    /// 1-12, or 0 when not given.
    pub month: u8,
    /// 1-31, or 0 when not given.
    pub day: u8,
    /// The list says "circa" or "approximately".
    pub approximate: bool,
}

/// A passport, registration number, website, e-mail address...
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    /// What it is, as the list says it: `Passport`, `Website`, `Email Address`...
    pub kind: String,
    pub value: String,
    /// Issuing country, dates or other detail, when given.
    pub note: String,
}

/// What a public notice (not a sanctions designation) says of an entry: the
/// DPRK IT-worker notices in `data/advisories/` (see [`crate::notices`]).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Notice {
    /// `dprk_national`, `designated`, `organization`, `front_company`,
    /// `persona` or `domain`.
    pub category: String,
    /// What the notice says the person or company did.
    pub role: String,
    /// Indicted, wanted, seized, designated... as the notice says it.
    pub action: String,
    /// The date of the action, `YYYY-MM-DD` or `YYYY-MM`.
    pub date: String,
    /// The compiler found the entry on OFAC's list (`yes`) or did not check (`unknown`).
    pub ofac_listed: String,
    /// The public source the row rests on.
    pub source_url: String,
    /// Entries of the embedded sanctions lists that are the same person or
    /// company (by name), as indices into [`Snapshot::entities`].
    pub also_listed: Vec<u32>,
}

/// One listed person, organization, vessel or aircraft.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Index into [`Snapshot::lists`](crate::Snapshot::lists).
    pub list: u16,
    /// The publisher's id: OFAC `ent_num`, UN reference number (`KPi.031`).
    pub source_id: Text,
    pub kind: Kind,
    /// The primary name as published. OFAC writes persons `SURNAME, Given`.
    pub name: Text,
    pub aliases: Vec<Alias>,
    /// OFAC programs (`DPRK3`) or the UN regime (`DPRK`).
    pub programs: Vec<Text>,
    pub birth_dates: Vec<ListedDate>,
    pub nationalities: Vec<Text>,
    pub citizenships: Vec<Text>,
    /// Countries of the entry's addresses.
    pub countries: Vec<Text>,
    /// What only a reviewer reads (written as fields of the entry's own in JSON).
    #[serde(flatten)]
    pub details: Details,
}

/// An entry's reviewer details: title, gender, birthplaces, addresses,
/// identifiers, listing date, remarks, notice.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub gender: String,
    pub birth_places: Vec<String>,
    /// Addresses as one line each (street, city, country).
    pub addresses: Vec<String>,
    pub identifiers: Vec<Identifier>,
    /// UN: the listing date.
    pub listed_on: String,
    /// The remarks or comments, continuation included. OFAC remark parts taken
    /// into a field of the entry (dates and places of birth, nationality,
    /// citizenship, gender, identifiers, weak aliases) are not repeated here.
    pub remarks: String,
    /// For an entry of the notices list: what the notice says.
    pub notice: Option<Notice>,
}

/// One file a list was built from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the lists folder, e.g. `ofac_sdn/sdn.csv`.
    pub path: String,
    pub url: String,
    /// The list date of this file (YYYY-MM-DD).
    pub date: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct ListCounts {
    pub persons: u32,
    pub organizations: u32,
    pub vessels: u32,
    pub aircraft: u32,
    pub aliases: u32,
}

/// One official list as embedded.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ListMeta {
    /// Stable id: `ofac_sdn`, `ofac_cons`, `un`.
    pub id: String,
    /// Human name: `OFAC SDN List`.
    pub name: String,
    pub publisher: String,
    /// The list's date: the oldest date of its files (YYYY-MM-DD), so that a
    /// list is never presented as fresher than its stalest part.
    pub date: String,
    pub files: Vec<SourceFile>,
    pub counts: ListCounts,
    /// Things the parser decided that a compliance officer may want to know,
    /// e.g. a stale remarks continuation that was ignored.
    pub notes: Vec<String>,
}

impl ListMeta {
    /// The link to the publisher's page for one entry of this list.
    pub fn entry_url(&self, source_id: &str) -> String {
        match self.id.as_str() {
            "ofac_sdn" | "ofac_cons" => {
                format!("https://sanctionssearch.ofac.treas.gov/Details.aspx?id={source_id}")
            }
            // The UN publishes no per-entry page; its list search finds the reference number.
            "un" => {
                "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list".to_string()
            }
            // A notice links its own source (`Notice::source_url`).
            _ => String::new(),
        }
    }
}

/// Everything that is embedded: the lists' metadata and their entries.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub lists: Vec<ListMeta>,
    pub entities: Vec<Entity>,
}

/// One name of one entry, as [`Snapshot::names`] walks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef<'a> {
    pub entity: u32,
    /// The alias's index in `Entity::aliases`, or `None` for the primary name.
    pub alias: Option<u16>,
    pub text: &'a str,
    pub weak: bool,
}

impl Snapshot {
    /// Every name in a fixed order (each entity's primary name, then its
    /// aliases): the order the build-time token table and the index share.
    pub fn names(&self) -> impl Iterator<Item = NameRef<'_>> {
        self.entities.iter().enumerate().flat_map(|(e, entity)| {
            let primary = std::iter::once(NameRef {
                entity: e as u32,
                alias: None,
                text: &entity.name,
                weak: false,
            });
            let aliases = entity
                .aliases
                .iter()
                .enumerate()
                .map(move |(i, a)| NameRef {
                    entity: e as u32,
                    alias: Some(i as u16),
                    text: &a.name,
                    weak: a.strength == Strength::Weak,
                });
            primary.chain(aliases)
        })
    }
}
