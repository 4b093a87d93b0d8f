//! The compact binary snapshot that sanctions-screen embeds.
//!
//! Layout: the 8-byte magic `SSNAPSHT`, a little-endian `u32` format number,
//! then one postcard record of the lists' metadata and every entry.
//!
//! The entries are stored by field, not entry by entry: a text field is every
//! entry's value end to end with their lengths beside, and a list field
//! (aliases, addresses, identifiers...) is a count per entry and the values.
//! Addresses beside addresses and remarks beside remarks compress better
//! than each entry's fields mixed: brotli makes the embedded snapshot 649 KB
//! in this layout, 725 KB in the entry-by-entry one it replaced.
//!
//! - Screening fields (list, id, kind, names and aliases, programs, birth
//!   dates, nationalities, citizenships, countries) are decoded into entries
//!   at once. From bytes that live for ever (a snapshot embedded in the
//!   program), [`decode_deferred_static`] lends their texts ([`Text`])
//!   instead of copying them: an allocation each saved at every start.
//! - Reviewer details (title, gender, birthplaces, addresses, identifiers,
//!   listing date, remarks, notice) stay where they lie in the bytes:
//!   [`decode_deferred`] returns a [`DeferredDetails`] that reads one entry's
//!   details when a match shows them. Most of the bytes are details, and a
//!   screener that starts without them starts several times faster.
//!
//! The names may be left out ([`Names::Elsewhere`]) when the embedder keeps
//! them in a form of its own (sanctions-screen spells them back from its
//! token table): the reader then gives them to [`decode`].

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::{
    Alias, AliasKind, Details, DetailsBox, Entity, Identifier, Kind, ListMeta, ListedDate, Notice,
    Snapshot, Strength, Text,
};

pub const MAGIC: &[u8; 8] = b"SSNAPSHT";
/// Bump when the model's fields or this layout change.
pub const SNAPSHOT_FORMAT: u32 = 6;

#[derive(Debug)]
pub struct SnapshotError(pub String);

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid snapshot: {}", self.0)
    }
}

impl std::error::Error for SnapshotError {}

/// Whether [`encode`] writes the entries' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Names {
    Included,
    /// Left out: the reader gives them to [`decode`] or [`decode_deferred`].
    Elsewhere,
}

/// One text field of many entries: the texts end to end, and their lengths.
#[derive(Serialize, Deserialize, Default)]
struct Texts<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    lens: Vec<u32>,
}

impl Texts<'_> {
    fn push(&mut self, text: &str) {
        self.text.to_mut().push_str(text);
        self.lens
            .push(u32::try_from(text.len()).expect("a text under 4 GiB"));
    }
}

/// A list field: how many values each entry has, and the values in order.
#[derive(Serialize, Deserialize, Default)]
struct ListField<'a> {
    counts: Vec<u32>,
    #[serde(borrow)]
    values: Texts<'a>,
}

impl ListField<'_> {
    fn push(&mut self, values: &[impl AsRef<str>]) {
        self.counts.push(values.len() as u32);
        values.iter().for_each(|v| self.values.push(v.as_ref()));
    }
}

/// A birth date's parsed parts; its text is in [`Record::birth_dates`].
#[derive(Serialize, Deserialize)]
struct DateParts {
    year_from: u16,
    year_to: u16,
    month: u8,
    day: u8,
    approximate: bool,
}

/// Everything, field by field; one value per entry unless a list.
#[derive(Serialize, Deserialize, Default)]
struct Record<'a> {
    names_included: bool,
    lists: Vec<ListMeta>,
    list: Vec<u16>,
    #[serde(borrow)]
    source_id: Texts<'a>,
    kind: Vec<Kind>,
    /// Empty when the names are kept elsewhere.
    #[serde(borrow)]
    name: Texts<'a>,
    alias_counts: Vec<u32>,
    /// Per alias; empty when the names are kept elsewhere.
    #[serde(borrow)]
    alias_name: Texts<'a>,
    /// Per alias.
    alias_kind: Vec<(AliasKind, Strength)>,
    #[serde(borrow)]
    programs: ListField<'a>,
    #[serde(borrow)]
    birth_dates: ListField<'a>,
    /// Per birth date.
    birth_date_parts: Vec<DateParts>,
    #[serde(borrow)]
    nationalities: ListField<'a>,
    #[serde(borrow)]
    citizenships: ListField<'a>,
    #[serde(borrow)]
    countries: ListField<'a>,
    /// What only a reviewer reads, borrowed where it lies and read one
    /// entry at a time ([`DeferredDetails`]).
    #[serde(borrow)]
    details: DetailFields<'a>,
}

/// The reviewer details, field by field (postcard writes a nested struct
/// inline: the bytes are as if these were the record's own fields).
#[derive(Serialize, Deserialize, Default)]
struct DetailFields<'a> {
    #[serde(borrow)]
    title: Texts<'a>,
    #[serde(borrow)]
    gender: Texts<'a>,
    #[serde(borrow)]
    birth_places: ListField<'a>,
    #[serde(borrow)]
    addresses: ListField<'a>,
    /// The identifiers' kinds; their values and notes are beside, one per identifier.
    #[serde(borrow)]
    identifier_kind: ListField<'a>,
    #[serde(borrow)]
    identifier_value: Texts<'a>,
    #[serde(borrow)]
    identifier_note: Texts<'a>,
    #[serde(borrow)]
    listed_on: Texts<'a>,
    #[serde(borrow)]
    remarks: Texts<'a>,
    /// The few entries with a notice, by entry index, ascending.
    notices: Vec<(u32, Notice)>,
}

pub fn encode(snapshot: &Snapshot, names: Names) -> Vec<u8> {
    let mut r = Record {
        names_included: names == Names::Included,
        lists: snapshot.lists.clone(),
        ..Record::default()
    };
    for (id, e) in snapshot.entities.iter().enumerate() {
        r.list.push(e.list);
        r.source_id.push(&e.source_id);
        r.kind.push(e.kind);
        r.alias_counts.push(e.aliases.len() as u32);
        if names == Names::Included {
            r.name.push(&e.name);
            e.aliases.iter().for_each(|a| r.alias_name.push(&a.name));
        }
        r.alias_kind
            .extend(e.aliases.iter().map(|a| (a.kind, a.strength)));
        r.programs.push(&e.programs);
        r.birth_dates.counts.push(e.birth_dates.len() as u32);
        for d in &e.birth_dates {
            r.birth_dates.values.push(&d.text);
            r.birth_date_parts.push(DateParts {
                year_from: d.year_from,
                year_to: d.year_to,
                month: d.month,
                day: d.day,
                approximate: d.approximate,
            });
        }
        r.nationalities.push(&e.nationalities);
        r.citizenships.push(&e.citizenships);
        r.countries.push(&e.countries);
        r.details.title.push(&e.details.title);
        r.details.gender.push(&e.details.gender);
        r.details.birth_places.push(&e.details.birth_places);
        r.details.addresses.push(&e.details.addresses);
        r.details
            .identifier_kind
            .counts
            .push(e.details.identifiers.len() as u32);
        for i in &e.details.identifiers {
            r.details.identifier_kind.values.push(&i.kind);
            r.details.identifier_value.push(&i.value);
            r.details.identifier_note.push(&i.note);
        }
        r.details.listed_on.push(&e.details.listed_on);
        r.details.remarks.push(&e.details.remarks);
        if let Some(notice) = &e.details.notice {
            r.details.notices.push((id as u32, Notice::clone(notice)));
        }
    }
    let mut out = Vec::with_capacity(8 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_le_bytes());
    out.extend(postcard::to_allocvec(&r).expect("a snapshot always serialises"));
    out
}

/// Decodes the whole snapshot, details included. A snapshot encoded with
/// [`Names::Elsewhere`] needs its names given, in [`Snapshot::names`] order;
/// one encoded with its names must be given none.
pub fn decode(bytes: &[u8], names: Option<Vec<Text>>) -> Result<Snapshot, SnapshotError> {
    let (mut snapshot, deferred) = decode_deferred(bytes, names)?;
    for (id, entity) in snapshot.entities.iter_mut().enumerate() {
        deferred.fill(id, entity)?;
    }
    Ok(snapshot)
}

/// Decodes the lists and the entries' screening fields; the entries'
/// details stay empty until [`DeferredDetails::fill`] reads them. `names` as
/// for [`decode`].
pub fn decode_deferred(
    bytes: &[u8],
    names: Option<Vec<Text>>,
) -> Result<(Snapshot, DeferredDetails<'_>), SnapshotError> {
    decode_keeping(bytes, names, Column::copy)
}

/// [`decode_deferred`] of bytes that live for ever (a snapshot embedded in
/// the program): the entries' short texts ([`Text`]) are lent from them,
/// not copied.
pub fn decode_deferred_static(
    bytes: &'static [u8],
    names: Option<Vec<Text>>,
) -> Result<(Snapshot, DeferredDetails<'static>), SnapshotError> {
    decode_keeping(bytes, names, Column::lend)
}

/// [`decode_deferred`], with `keep` making an entry's [`Text`] from a
/// column's text.
fn decode_keeping<'a>(
    bytes: &'a [u8],
    names: Option<Vec<Text>>,
    keep: impl Fn(&Column<'a>, usize) -> Result<Text, SnapshotError>,
) -> Result<(Snapshot, DeferredDetails<'a>), SnapshotError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(SnapshotError("missing magic header".into()));
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != SNAPSHOT_FORMAT {
        return Err(SnapshotError(format!(
            "format {format}, this build reads format {SNAPSHOT_FORMAT}"
        )));
    }
    let (r, rest): (Record, _) =
        postcard::take_from_bytes(&bytes[12..]).map_err(|e| SnapshotError(e.to_string()))?;
    if !rest.is_empty() {
        return Err(SnapshotError(format!(
            "{} bytes after the record",
            rest.len()
        )));
    }
    let entries = r.list.len();
    if r.kind.len() != entries {
        return Err(SnapshotError(format!(
            "kinds: {} values for {entries} entries",
            r.kind.len()
        )));
    }
    if r.list.iter().any(|&l| usize::from(l) >= r.lists.len()) {
        return Err(SnapshotError(
            "an entry names a list that is not there".into(),
        ));
    }
    let source_ids = Column::new("ids", r.source_id, entries)?;
    let aliases = Spans::new("aliases", r.alias_counts, entries)?;
    if r.alias_kind.len() != aliases.total() {
        return Err(SnapshotError("alias kinds do not match the aliases".into()));
    }
    let (primary_names, alias_names) = match r.names_included {
        true => (
            Some(Column::new("names", r.name, entries)?),
            Some(Column::new("alias names", r.alias_name, aliases.total())?),
        ),
        false => {
            Column::new("names", r.name, 0)?;
            Column::new("alias names", r.alias_name, 0)?;
            (None, None)
        }
    };
    let programs = List::new("programs", r.programs, entries)?;
    let birth_dates = List::new("birth dates", r.birth_dates, entries)?;
    if r.birth_date_parts.len() != birth_dates.spans.total() {
        return Err(SnapshotError(
            "birth date parts do not match the dates".into(),
        ));
    }
    let nationalities = List::new("nationalities", r.nationalities, entries)?;
    let citizenships = List::new("citizenships", r.citizenships, entries)?;
    let countries = List::new("countries", r.countries, entries)?;
    let details = DeferredDetails::new(entries, r.details)?;
    let mut entities = Vec::with_capacity(entries);
    for id in 0..entries {
        let alias_list = exactly(aliases.of(id), |a| {
            let (kind, strength) = r.alias_kind[a];
            let name = match &alias_names {
                Some(names) => keep(names, a)?,
                None => Text::default(),
            };
            Ok(Alias {
                name,
                kind,
                strength,
            })
        })?;
        let birth_date_list = exactly(birth_dates.spans.of(id), |d| {
            let p = &r.birth_date_parts[d];
            Ok(ListedDate {
                text: keep(&birth_dates.values, d)?,
                year_from: p.year_from,
                year_to: p.year_to,
                month: p.month,
                day: p.day,
                approximate: p.approximate,
            })
        })?;
        entities.push(Entity {
            list: r.list[id],
            source_id: keep(&source_ids, id)?,
            kind: r.kind[id],
            name: match &primary_names {
                Some(names) => keep(names, id)?,
                None => Text::default(),
            },
            aliases: alias_list,
            programs: programs.kept(id, &keep)?,
            birth_dates: birth_date_list,
            nationalities: nationalities.kept(id, &keep)?,
            citizenships: citizenships.kept(id, &keep)?,
            countries: countries.kept(id, &keep)?,
            details: DetailsBox::default(),
        });
    }
    let mut snapshot = Snapshot {
        lists: r.lists,
        entities,
    };
    match (r.names_included, names) {
        (true, None) => {}
        (false, Some(names)) => fill_names(&mut snapshot, names)?,
        (true, Some(_)) => {
            return Err(SnapshotError(
                "names given for a snapshot that has them".into(),
            ))
        }
        (false, None) => {
            return Err(SnapshotError(
                "the snapshot's names are kept elsewhere and were not given".into(),
            ))
        }
    }
    Ok((snapshot, details))
}

/// Puts `names` in [`Snapshot::names`] order: each entry's name, then its aliases'.
fn fill_names(snapshot: &mut Snapshot, names: Vec<Text>) -> Result<(), SnapshotError> {
    let wanted: usize = snapshot.entities.iter().map(|e| 1 + e.aliases.len()).sum();
    if names.len() != wanted {
        return Err(SnapshotError(format!(
            "{} names given for {wanted} names",
            names.len()
        )));
    }
    let mut names = names.into_iter();
    for entity in &mut snapshot.entities {
        let slots =
            std::iter::once(&mut entity.name).chain(entity.aliases.iter_mut().map(|a| &mut a.name));
        for (slot, name) in slots.zip(names.by_ref()) {
            *slot = name;
        }
    }
    Ok(())
}

/// `read` of each index in `span`, in a vector of exactly that many
/// (collecting `Result`s would not know the length and round it up to 4:
/// about 4 MB more for the entries' lists).
fn exactly<T>(
    span: Range<usize>,
    mut read: impl FnMut(usize) -> Result<T, SnapshotError>,
) -> Result<Vec<T>, SnapshotError> {
    let mut out = Vec::with_capacity(span.len());
    for i in span {
        out.push(read(i)?);
    }
    Ok(out)
}

/// A text field read in place: text `i` ends at `ends[i]`.
struct Column<'a> {
    text: Cow<'a, str>,
    ends: Vec<u32>,
}

impl<'a> Column<'a> {
    /// Checks that there are `len` texts and that their lengths cover the text.
    fn new(what: &str, texts: Texts<'a>, len: usize) -> Result<Column<'a>, SnapshotError> {
        let mut ends = texts.lens;
        let mut at = 0u32;
        for end in &mut ends {
            at = at.saturating_add(*end);
            *end = at;
        }
        if ends.len() != len || at as usize != texts.text.len() {
            return Err(SnapshotError(format!(
                "{what}: {} texts of {at} bytes where {len} texts of {} bytes were due",
                ends.len(),
                texts.text.len()
            )));
        }
        Ok(Column {
            text: texts.text,
            ends,
        })
    }

    fn get(&self, i: usize) -> Result<&str, SnapshotError> {
        Column::slice(&self.text, self.range(i), i)
    }

    fn range(&self, i: usize) -> Range<usize> {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        start..self.ends[i] as usize
    }

    /// Text `i`, copied.
    fn copy(&self, i: usize) -> Result<Text, SnapshotError> {
        self.get(i).map(|text| Text::Owned(text.to_string()))
    }

    fn slice(text: &str, range: Range<usize>, i: usize) -> Result<&str, SnapshotError> {
        text.get(range)
            .ok_or_else(|| SnapshotError(format!("text {i} does not lie on character boundaries")))
    }
}

impl Column<'static> {
    /// Text `i`, lent from the bytes when the column lies in them (postcard
    /// borrows strings from its input: `texts_are_read_in_place` checks it).
    fn lend(&self, i: usize) -> Result<Text, SnapshotError> {
        match self.text {
            Cow::Borrowed(all) => Column::slice(all, self.range(i), i).map(Text::Borrowed),
            Cow::Owned(_) => self.copy(i),
        }
    }
}

/// Where each entry's values of a list field lie: entry `i`'s are
/// `starts[i]..starts[i + 1]`.
struct Spans {
    starts: Vec<u32>,
}

impl Spans {
    fn new(what: &str, counts: Vec<u32>, entries: usize) -> Result<Spans, SnapshotError> {
        if counts.len() != entries {
            return Err(SnapshotError(format!(
                "{what}: {} counts for {entries} entries",
                counts.len()
            )));
        }
        let mut starts = Vec::with_capacity(entries + 1);
        let mut at = 0u32;
        starts.push(0);
        for count in counts {
            at = at
                .checked_add(count)
                .ok_or_else(|| SnapshotError(format!("{what}: counts overflow")))?;
            starts.push(at);
        }
        Ok(Spans { starts })
    }

    fn of(&self, entry: usize) -> Range<usize> {
        self.starts[entry] as usize..self.starts[entry + 1] as usize
    }

    fn total(&self) -> usize {
        *self.starts.last().expect("starts begin with 0") as usize
    }
}

/// A list field read in place.
struct List<'a> {
    spans: Spans,
    values: Column<'a>,
}

impl<'a> List<'a> {
    fn new(what: &str, field: ListField<'a>, entries: usize) -> Result<List<'a>, SnapshotError> {
        let spans = Spans::new(what, field.counts, entries)?;
        let values = Column::new(what, field.values, spans.total())?;
        Ok(List { spans, values })
    }

    fn of(&self, entry: usize) -> Result<Vec<String>, SnapshotError> {
        exactly(self.spans.of(entry), |i| {
            self.values.get(i).map(str::to_string)
        })
    }

    /// An entry's values, each made by `keep` (see [`decode_keeping`]).
    fn kept(
        &self,
        entry: usize,
        keep: impl Fn(&Column<'a>, usize) -> Result<Text, SnapshotError>,
    ) -> Result<Vec<Text>, SnapshotError> {
        exactly(self.spans.of(entry), |i| keep(&self.values, i))
    }
}

/// The entries' details, read in place from the snapshot's bytes
/// ([`decode_deferred`]); [`DeferredDetails::fill`] reads one entry's.
pub struct DeferredDetails<'a> {
    title: Column<'a>,
    gender: Column<'a>,
    birth_places: List<'a>,
    addresses: List<'a>,
    identifier_kind: List<'a>,
    identifier_value: Column<'a>,
    identifier_note: Column<'a>,
    listed_on: Column<'a>,
    remarks: Column<'a>,
    notices: Vec<(u32, Notice)>,
}

impl<'a> DeferredDetails<'a> {
    fn new(entries: usize, d: DetailFields<'a>) -> Result<DeferredDetails<'a>, SnapshotError> {
        let identifier_kind = List::new("identifiers", d.identifier_kind, entries)?;
        let identifiers = identifier_kind.spans.total();
        if !d.notices.windows(2).all(|w| w[0].0 < w[1].0)
            || d.notices.last().is_some_and(|n| n.0 as usize >= entries)
        {
            return Err(SnapshotError("notices out of order or range".into()));
        }
        Ok(DeferredDetails {
            title: Column::new("titles", d.title, entries)?,
            gender: Column::new("genders", d.gender, entries)?,
            birth_places: List::new("birthplaces", d.birth_places, entries)?,
            addresses: List::new("addresses", d.addresses, entries)?,
            identifier_kind,
            identifier_value: Column::new("identifier values", d.identifier_value, identifiers)?,
            identifier_note: Column::new("identifier notes", d.identifier_note, identifiers)?,
            listed_on: Column::new("listing dates", d.listed_on, entries)?,
            remarks: Column::new("remarks", d.remarks, entries)?,
            notices: d.notices,
        })
    }

    /// An error unless there is an entry `id`.
    fn check_entry(&self, id: usize) -> Result<(), SnapshotError> {
        if id < self.title.ends.len() {
            Ok(())
        } else {
            Err(SnapshotError(format!("no entry {id}")))
        }
    }

    /// Entry `id`'s identifiers as `(kind, value)`, lent from the bytes:
    /// what an index of every listed identifier reads, without copying them
    /// or making the rest of the entry's details.
    pub fn identifier_texts(&self, id: usize) -> Result<Vec<(&str, &str)>, SnapshotError> {
        self.check_entry(id)?;
        exactly(self.identifier_kind.spans.of(id), |i| {
            Ok((
                self.identifier_kind.values.get(i)?,
                self.identifier_value.get(i)?,
            ))
        })
    }

    /// Reads entry `id`'s details into `entity` (title, gender,
    /// birthplaces, addresses, identifiers, listing date, remarks, notice).
    pub fn fill(&self, id: usize, entity: &mut Entity) -> Result<(), SnapshotError> {
        self.check_entry(id)?;
        let identifiers = exactly(self.identifier_kind.spans.of(id), |i| {
            Ok(Identifier {
                kind: self.identifier_kind.values.get(i)?.to_string(),
                value: self.identifier_value.get(i)?.to_string(),
                note: self.identifier_note.get(i)?.to_string(),
            })
        })?;
        let notice = self
            .notices
            .binary_search_by_key(&(id as u32), |n| n.0)
            .ok()
            .map(|i| self.notices[i].1.clone());
        entity.details = DetailsBox::new(Details {
            title: self.title.get(id)?.to_string(),
            gender: self.gender.get(id)?.to_string(),
            birth_places: self.birth_places.of(id)?,
            addresses: self.addresses.of(id)?,
            identifiers,
            listed_on: self.listed_on.get(id)?.to_string(),
            remarks: self.remarks.get(id)?.to_string(),
            notice,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_read_in_place() {
        let mut texts = Texts::default();
        texts.push("Pyongyang");
        texts.push("Dandong");
        let bytes = postcard::to_allocvec(&texts).unwrap();
        let back: Texts = postcard::from_bytes(&bytes).unwrap();
        assert!(matches!(back.text, Cow::Borrowed(_)));
        let column = Column::new("places", back, 2).unwrap();
        assert_eq!(
            (column.get(0).unwrap(), column.get(1).unwrap()),
            ("Pyongyang", "Dandong")
        );
    }
}
