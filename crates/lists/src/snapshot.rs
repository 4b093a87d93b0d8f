//! The compact binary snapshot that sanctions-screen embeds.
//!
//! Layout: the 8-byte magic `SSNAPSHT`, a little-endian `u32` format number,
//! then one postcard record of the lists' metadata and every entry.
//!
//! The entries are stored by field, not entry by entry: a text field is every
//! entry's value end to end with their lengths beside, and a list field
//! (aliases, addresses, identifiers...) is a count per entry and the values.
//! Addresses beside addresses and remarks beside remarks compress better
//! than each entry's fields mixed: brotli made the embedded snapshot 649 KB
//! in this layout, 725 KB in the entry-by-entry one it replaced. A field of
//! a few words said again and again (countries, programs, identifier
//! kinds) stores each word once and a pick per value (`Picked`): 618 KB.
//! Every column of numbers (lengths, counts, lists, kinds, date parts) is a
//! [`Uints`]: one byte string, read in a loop or in place, where a serde
//! sequence cost a call per number (a fifth of building a screener).
//!
//! Reach for:
//! - [`encode`] to write a snapshot (the build script does);
//! - [`read`] to screen from the bytes: it checks every column but leaves
//!   the entries where they lie. [`Entries`] gives what a screener asks of
//!   every candidate (list, kind, which names are weak aliases) at once, and
//!   one entry whole ([`Entries::entity`], reviewer details included) when
//!   a match shows it. From bytes that live for ever (a snapshot embedded in
//!   the program) an entry's short texts ([`Text`]) are lent, not copied;
//! - [`decode`] for every entry whole, as a [`Snapshot`] (the command line's
//!   `lists --entries`, newer list files put in place of embedded ones);
//! - [`fields`] to measure what each stored field costs.
//!
//! The names may be left out ([`Names::Elsewhere`]) when the embedder keeps
//! them in a form of its own (sanctions-screen spells them back from its
//! token table): the reader then gives them to [`decode`] or
//! [`Entries::entity`].

use std::borrow::Cow;
use std::ops::Range;

use sanctions_packed::{Texts, Uints};
use serde::{Deserialize, Serialize};

use crate::{
    Alias, AliasKind, Details, Entity, Identifier, Kind, ListMeta, ListedDate, Notice, Snapshot,
    Strength, Text,
};

pub const MAGIC: &[u8; 8] = b"SSNAPSHT";
/// Bump when the model's fields or this layout change.
pub const SNAPSHOT_FORMAT: u32 = 8;

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
    /// Left out: the reader gives them to [`decode`] or [`Entries::entity`].
    Elsewhere,
}

/// Where a text field's values go as they are written: one text field of
/// many entries is a [`Texts`] (the texts end to end, and their lengths), or
/// a [`Picked`].
trait Push {
    fn push(&mut self, text: &str);
}

impl Push for Texts<'_> {
    fn push(&mut self, text: &str) {
        Texts::push(self, text);
    }
}

/// A text field whose values are a few words said again and again
/// (countries, programs, identifier kinds): each word once, and per value
/// which. Brotli makes such a field a half or a third of its size end to
/// end (the seven fields stored so made the snapshot 31 KB smaller).
#[derive(Serialize, Deserialize, Default)]
struct Picked<'a> {
    #[serde(borrow)]
    words: Texts<'a>,
    /// Per value, its word's place in `words`.
    #[serde(borrow)]
    picks: Uints<'a>,
    /// While writing: each word's place.
    #[serde(skip)]
    places: std::collections::HashMap<String, u32>,
}

impl Push for Picked<'_> {
    fn push(&mut self, text: &str) {
        let place = match self.places.get(text) {
            Some(&place) => place,
            None => {
                let place = self.places.len() as u32;
                self.places.insert(text.to_string(), place);
                self.words.push(text);
                place
            }
        };
        self.picks.push(place);
    }
}

/// A list field: how many values each entry has, and the values in order
/// (their texts end to end, or [`Picked`]).
#[derive(Serialize, Deserialize, Default)]
struct ListField<'a, Values = Texts<'a>> {
    #[serde(borrow)]
    counts: Uints<'a>,
    values: Values,
}

impl<Values: Push> ListField<'_, Values> {
    fn push(&mut self, values: &[impl AsRef<str>]) {
        self.counts.push(values.len() as u32);
        values.iter().for_each(|v| self.values.push(v.as_ref()));
    }
}

/// The birth dates' parsed parts, a value per date; their texts are in
/// [`Record::birth_dates`]. Read in place when an entry is made.
#[derive(Serialize, Deserialize, Default)]
struct DateParts<'a> {
    #[serde(borrow)]
    year_from: Uints<'a>,
    #[serde(borrow)]
    year_to: Uints<'a>,
    #[serde(borrow)]
    month: Uints<'a>,
    #[serde(borrow)]
    day: Uints<'a>,
    /// 1 when approximate.
    #[serde(borrow)]
    approximate: Uints<'a>,
}

impl DateParts<'_> {
    /// Whether every column has a value per date, each within its type.
    fn fit(&self, dates: usize) -> bool {
        let fits = |column: &Uints, max: u32| {
            column.len() == dates && column.largest().is_none_or(|m| m <= max)
        };
        fits(&self.year_from, u16::MAX.into())
            && fits(&self.year_to, u16::MAX.into())
            && fits(&self.month, u8::MAX.into())
            && fits(&self.day, u8::MAX.into())
            && fits(&self.approximate, 1)
    }
}

/// Everything, field by field; one value per entry unless a list.
#[derive(Serialize, Deserialize, Default)]
struct Record<'a> {
    names_included: bool,
    lists: Vec<ListMeta>,
    /// Per entry, an index into `lists`.
    #[serde(borrow)]
    list: Uints<'a>,
    #[serde(borrow)]
    source_id: Texts<'a>,
    /// Per entry, a place in [`Kind::ALL`].
    #[serde(borrow)]
    kind: Uints<'a>,
    /// Empty when the names are kept elsewhere.
    #[serde(borrow)]
    name: Texts<'a>,
    #[serde(borrow)]
    alias_counts: Uints<'a>,
    /// Per alias; empty when the names are kept elsewhere.
    #[serde(borrow)]
    alias_name: Texts<'a>,
    /// Per alias, a place in [`AliasKind::ALL`].
    #[serde(borrow)]
    alias_kind: Uints<'a>,
    /// Per alias, a place in [`Strength::ALL`].
    #[serde(borrow)]
    alias_strength: Uints<'a>,
    #[serde(borrow)]
    programs: ListField<'a, Picked<'a>>,
    #[serde(borrow)]
    birth_dates: ListField<'a>,
    #[serde(borrow)]
    birth_date_parts: DateParts<'a>,
    #[serde(borrow)]
    nationalities: ListField<'a, Picked<'a>>,
    #[serde(borrow)]
    citizenships: ListField<'a, Picked<'a>>,
    #[serde(borrow)]
    countries: ListField<'a, Picked<'a>>,
    /// What only a reviewer reads, borrowed where it lies and read one
    /// entry at a time ([`Entries::entity`]).
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
    gender: Picked<'a>,
    #[serde(borrow)]
    birth_places: ListField<'a>,
    #[serde(borrow)]
    addresses: ListField<'a>,
    /// The identifiers' kinds; their values and notes are beside, one per identifier.
    #[serde(borrow)]
    identifier_kind: ListField<'a, Picked<'a>>,
    #[serde(borrow)]
    identifier_value: Texts<'a>,
    #[serde(borrow)]
    identifier_note: Picked<'a>,
    #[serde(borrow)]
    listed_on: Texts<'a>,
    #[serde(borrow)]
    remarks: Texts<'a>,
    /// The few entries with a notice, by entry index, ascending.
    notices: Vec<(u32, Notice)>,
}

pub fn encode(snapshot: &Snapshot, names: Names) -> Vec<u8> {
    let r = record(snapshot, names);
    let mut out = Vec::with_capacity(8 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_le_bytes());
    out.extend(postcard::to_allocvec(&r).expect("a snapshot always serialises"));
    out
}

/// The snapshot by field, as [`encode`] writes it.
fn record(snapshot: &Snapshot, names: Names) -> Record<'static> {
    let mut r = Record {
        names_included: names == Names::Included,
        lists: snapshot.lists.clone(),
        ..Record::default()
    };
    for (id, e) in snapshot.entities.iter().enumerate() {
        r.list.push(e.list.into());
        r.source_id.push(&e.source_id);
        r.kind.push(e.kind as u32);
        r.alias_counts.push(e.aliases.len() as u32);
        if names == Names::Included {
            r.name.push(&e.name);
            e.aliases.iter().for_each(|a| r.alias_name.push(&a.name));
        }
        for a in &e.aliases {
            r.alias_kind.push(a.kind as u32);
            r.alias_strength.push(a.strength as u32);
        }
        r.programs.push(&e.programs);
        r.birth_dates.counts.push(e.birth_dates.len() as u32);
        for d in &e.birth_dates {
            r.birth_dates.values.push(&d.text);
            let parts = &mut r.birth_date_parts;
            parts.year_from.push(d.year_from.into());
            parts.year_to.push(d.year_to.into());
            parts.month.push(d.month.into());
            parts.day.push(d.day.into());
            parts.approximate.push(d.approximate.into());
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
    r
}

/// Decodes the whole snapshot, details included. A snapshot encoded with
/// [`Names::Elsewhere`] needs its names given, in [`Snapshot::names`] order;
/// one encoded with its names must be given none.
pub fn decode(bytes: &[u8], names: Option<Vec<Text>>) -> Result<Snapshot, SnapshotError> {
    let (lists, entries) = read(bytes)?;
    let given = match (entries.names_included(), names) {
        (true, None) => None,
        (false, Some(names)) if names.len() == entries.name_count() => Some(names),
        (false, Some(names)) => {
            return Err(SnapshotError(format!(
                "{} names given for {} names",
                names.len(),
                entries.name_count()
            )))
        }
        (true, Some(_)) => {
            return Err(SnapshotError(
                "names given for a snapshot that has them".into(),
            ))
        }
        (false, None) => return Err(names_not_given()),
    };
    let names_of = |run: Range<usize>| given.as_ref().map(|names| names[run].to_vec());
    let entities = (0..entries.len())
        .map(|id| entries.entity_kept(id, Column::copy, names_of))
        .collect::<Result<_, _>>()?;
    Ok(Snapshot { lists, entities })
}

/// Reads the lists' metadata and checks the entries' columns, leaving every
/// entry where it lies in `bytes`: [`Entries`] reads one when asked.
pub fn read(bytes: &[u8]) -> Result<(Vec<ListMeta>, Entries<'_>), SnapshotError> {
    Entries::from_record(stored_record(bytes)?)
}

/// The record behind the header, its format checked.
fn stored_record(bytes: &[u8]) -> Result<Record<'_>, SnapshotError> {
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
    Ok(r)
}

/// One stored field of a snapshot, as [`fields`] gives it.
pub struct StoredField {
    pub name: &'static str,
    /// Whether it is read only when needed: for an entry made whole when a
    /// match is shown, or (the identifiers) when one is first screened.
    pub deferred: bool,
    /// The field's bytes as the snapshot stores them.
    pub bytes: Vec<u8>,
}

/// Every stored field's bytes, in the snapshot's order: for measuring what
/// each costs in the page (`cargo bench --bench screen` compresses them one
/// by one), not for screening. A field added to the record must be added
/// here too; a test checks that the fields make up the whole record.
pub fn fields(bytes: &[u8]) -> Result<Vec<StoredField>, SnapshotError> {
    let r = stored_record(bytes)?;
    fn stored(name: &'static str, deferred: bool, value: &impl Serialize) -> StoredField {
        let bytes = postcard::to_allocvec(value).expect("a read field serialises again");
        StoredField {
            name,
            deferred,
            bytes,
        }
    }
    let d = &r.details;
    Ok(vec![
        stored("names_included", false, &r.names_included),
        stored("lists", false, &r.lists),
        stored("list", false, &r.list),
        stored("source_id", false, &r.source_id),
        stored("kind", false, &r.kind),
        stored("name", false, &r.name),
        stored("alias_counts", false, &r.alias_counts),
        stored("alias_name", false, &r.alias_name),
        stored("alias_kind", false, &r.alias_kind),
        stored("alias_strength", false, &r.alias_strength),
        stored("programs", false, &r.programs),
        stored("birth_dates", false, &r.birth_dates),
        stored("birth_date_parts", false, &r.birth_date_parts),
        stored("nationalities", false, &r.nationalities),
        stored("citizenships", false, &r.citizenships),
        stored("countries", false, &r.countries),
        stored("title", true, &d.title),
        stored("gender", true, &d.gender),
        stored("birth_places", true, &d.birth_places),
        stored("addresses", true, &d.addresses),
        stored("identifier_kind", true, &d.identifier_kind),
        stored("identifier_value", true, &d.identifier_value),
        stored("identifier_note", true, &d.identifier_note),
        stored("listed_on", true, &d.listed_on),
        stored("remarks", true, &d.remarks),
        stored("notices", true, &d.notices),
    ])
}

impl<'a> Entries<'a> {
    /// Checks that the columns fit together: a value per entry, a count per
    /// entry of a list field and as many values, text lengths that add up to
    /// their column (a text off character boundaries is refused when read).
    fn from_record(r: Record<'a>) -> Result<(Vec<ListMeta>, Entries<'a>), SnapshotError> {
        let entries = r.list.len();
        let list = r
            .list
            .to_vec::<u16>()
            .filter(|list| list.iter().all(|&l| usize::from(l) < r.lists.len()))
            .ok_or_else(|| SnapshotError("an entry names a list that is not there".into()))?;
        let kind = places(&r.kind, &Kind::ALL, "kinds")?;
        if kind.len() != entries {
            return Err(SnapshotError(format!(
                "kinds: {} values for {entries} entries",
                kind.len()
            )));
        }
        let source_id = Column::new("ids", r.source_id, entries)?;
        let aliases = Spans::new("aliases", r.alias_counts, entries)?;
        let alias_kind = places(&r.alias_kind, &AliasKind::ALL, "alias kinds")?
            .into_iter()
            .zip(places(
                &r.alias_strength,
                &Strength::ALL,
                "alias strengths",
            )?)
            .collect::<Vec<_>>();
        if r.alias_kind.len() != aliases.total() || r.alias_strength.len() != aliases.total() {
            return Err(SnapshotError("alias kinds do not match the aliases".into()));
        }
        let names = match r.names_included {
            true => Some((
                Column::new("names", r.name, entries)?,
                Column::new("alias names", r.alias_name, aliases.total())?,
            )),
            false => {
                Column::new("names", r.name, 0)?;
                Column::new("alias names", r.alias_name, 0)?;
                None
            }
        };
        let birth_dates = List::new("birth dates", r.birth_dates, entries)?;
        if !r.birth_date_parts.fit(birth_dates.spans.total()) {
            return Err(SnapshotError(
                "birth date parts do not match the dates".into(),
            ));
        }
        let d = r.details;
        let identifier_kind = List::picked("identifiers", d.identifier_kind, entries)?;
        let identifiers = identifier_kind.spans.total();
        if !d.notices.windows(2).all(|w| w[0].0 < w[1].0)
            || d.notices.last().is_some_and(|n| n.0 as usize >= entries)
        {
            return Err(SnapshotError("notices out of order or range".into()));
        }
        let read = Entries {
            list,
            kind,
            source_id,
            aliases,
            alias_kind,
            names,
            programs: List::picked("programs", r.programs, entries)?,
            birth_dates,
            birth_date_parts: r.birth_date_parts,
            nationalities: List::picked("nationalities", r.nationalities, entries)?,
            citizenships: List::picked("citizenships", r.citizenships, entries)?,
            countries: List::picked("countries", r.countries, entries)?,
            title: Column::new("titles", d.title, entries)?,
            gender: Column::picked("genders", d.gender, entries)?,
            birth_places: List::new("birthplaces", d.birth_places, entries)?,
            addresses: List::new("addresses", d.addresses, entries)?,
            identifier_kind,
            identifier_value: Column::new("identifier values", d.identifier_value, identifiers)?,
            identifier_note: Column::picked("identifier notes", d.identifier_note, identifiers)?,
            listed_on: Column::new("listing dates", d.listed_on, entries)?,
            remarks: Column::new("remarks", d.remarks, entries)?,
            notices: d.notices,
        };
        Ok((r.lists, read))
    }
}

impl Entries<'static> {
    /// The entries of a snapshot in memory (one made from newer list files
    /// at run time), laid out by field as the embedded ones are read, names
    /// included.
    pub fn of(snapshot: &Snapshot) -> (Vec<ListMeta>, Entries<'static>) {
        Entries::from_record(record(snapshot, Names::Included))
            .expect("a snapshot's own fields fit together")
    }
}

/// Each stored place in `all` as the value there (an enum stored by its
/// place in its `ALL`).
fn places<T: Copy>(column: &Uints, all: &[T], what: &str) -> Result<Vec<T>, SnapshotError> {
    let mut known = true;
    let values = column.map(|place| {
        all.get(place as usize).copied().unwrap_or_else(|| {
            known = false;
            all[0]
        })
    });
    match known {
        true => Ok(values),
        false => Err(SnapshotError(format!("{what}: a value out of range"))),
    }
}

fn names_not_given() -> SnapshotError {
    SnapshotError("the snapshot's names are kept elsewhere and were not given".into())
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

/// A text field read in place: text `i` is `starts[i]..starts[i + 1]`, or
/// for a [`Picked`] field, word `picks[i]`.
struct Column<'a> {
    text: Cow<'a, str>,
    starts: Vec<u32>,
    picks: Option<Vec<u32>>,
}

impl<'a> Column<'a> {
    /// Checks that there are `len` texts and that their lengths cover the text.
    fn new(what: &str, texts: Texts<'a>, len: usize) -> Result<Column<'a>, SnapshotError> {
        let starts = texts
            .lens
            .offsets()
            .ok_or_else(|| SnapshotError(format!("{what}: lengths overflow")))?;
        let (texts_given, at) = (
            starts.len() - 1,
            *starts.last().expect("offsets begin with 0"),
        );
        if texts_given != len || at as usize != texts.text.len() {
            return Err(SnapshotError(format!(
                "{what}: {texts_given} texts of {at} bytes where {len} texts of {} bytes were due",
                texts.text.len()
            )));
        }
        Ok(Column {
            text: texts.text,
            starts,
            picks: None,
        })
    }

    /// Checks that there are `len` picks, each of a word that is there.
    fn picked(what: &str, picked: Picked<'a>, len: usize) -> Result<Column<'a>, SnapshotError> {
        let words = picked.words.lens.len();
        let mut column = Column::new(what, picked.words, words)?;
        let picks = picked.picks.map(|p| p);
        if picks.len() != len || picks.iter().any(|&p| p as usize >= words) {
            return Err(SnapshotError(format!(
                "{what}: {} picks of {words} words where {len} were due",
                picks.len()
            )));
        }
        column.picks = Some(picks);
        Ok(column)
    }

    fn get(&self, i: usize) -> Result<&str, SnapshotError> {
        Column::slice(&self.text, self.range(i), i)
    }

    fn range(&self, i: usize) -> Range<usize> {
        let i = match &self.picks {
            Some(picks) => picks[i] as usize,
            None => i,
        };
        self.starts[i] as usize..self.starts[i + 1] as usize
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
    fn new(what: &str, counts: Uints, entries: usize) -> Result<Spans, SnapshotError> {
        if counts.len() != entries {
            return Err(SnapshotError(format!(
                "{what}: {} counts for {entries} entries",
                counts.len()
            )));
        }
        let starts = counts
            .offsets()
            .ok_or_else(|| SnapshotError(format!("{what}: counts overflow")))?;
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

    fn picked(
        what: &str,
        field: ListField<'a, Picked<'a>>,
        entries: usize,
    ) -> Result<List<'a>, SnapshotError> {
        let spans = Spans::new(what, field.counts, entries)?;
        let values = Column::picked(what, field.values, spans.total())?;
        Ok(List { spans, values })
    }

    fn of(&self, entry: usize) -> Result<Vec<String>, SnapshotError> {
        exactly(self.spans.of(entry), |i| {
            self.values.get(i).map(str::to_string)
        })
    }

    /// An entry's values, each made by `keep` (see [`Entries::entity`]).
    fn kept(
        &self,
        entry: usize,
        keep: impl Fn(&Column<'a>, usize) -> Result<Text, SnapshotError>,
    ) -> Result<Vec<Text>, SnapshotError> {
        exactly(self.spans.of(entry), |i| keep(&self.values, i))
    }
}

/// Every entry, read in place from the snapshot's bytes ([`read`]): the
/// fields a screener consults for every candidate (list, kind, aliases'
/// strength) at once, the rest ([`Entries::entity`]) one entry at a time,
/// when a match shows it. Making all 16,500 entries at every start was a
/// sixth of the work of building a screener, and 5 MB of its memory.
pub struct Entries<'a> {
    list: Vec<u16>,
    kind: Vec<Kind>,
    source_id: Column<'a>,
    aliases: Spans,
    alias_kind: Vec<(AliasKind, Strength)>,
    /// The primary names and the aliases' names, when the bytes carry them.
    names: Option<(Column<'a>, Column<'a>)>,
    programs: List<'a>,
    birth_dates: List<'a>,
    birth_date_parts: DateParts<'a>,
    nationalities: List<'a>,
    citizenships: List<'a>,
    countries: List<'a>,
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

/// One name of one entry, as [`Entries::names`] walks them (the order of
/// [`Snapshot::names`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameSlot {
    pub entity: u32,
    /// The alias's index among the entry's aliases, or `None` for the primary name.
    pub alias: Option<u16>,
    pub weak: bool,
}

impl<'a> Entries<'a> {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Entry `id`'s list (an index into the lists [`read`] gave).
    ///
    /// # Panics
    /// When there is no entry `id`, as for every accessor that returns no `Result`.
    pub fn list(&self, id: usize) -> u16 {
        self.list[id]
    }

    pub fn kind(&self, id: usize) -> Kind {
        self.kind[id]
    }

    /// The publisher's id of entry `id`.
    pub fn source_id(&self, id: usize) -> Result<&str, SnapshotError> {
        self.source_id.get(id)
    }

    /// Whether the bytes carry the names ([`Names::Included`]).
    pub fn names_included(&self) -> bool {
        self.names.is_some()
    }

    /// Every entry's names together: one primary name each and the aliases.
    pub fn name_count(&self) -> usize {
        self.len() + self.aliases.total()
    }

    /// Where entry `id`'s primary name stands among [`Entries::names`]; its
    /// aliases follow it.
    pub fn first_name(&self, id: usize) -> usize {
        id + self.aliases.starts[id] as usize
    }

    /// Every name in [`Snapshot::names`] order: each entry's primary name,
    /// then its aliases.
    pub fn names(&self) -> impl Iterator<Item = NameSlot> + '_ {
        (0..self.len()).flat_map(move |e| {
            let primary = std::iter::once(NameSlot {
                entity: e as u32,
                alias: None,
                weak: false,
            });
            let aliases = self.aliases.of(e).enumerate().map(move |(i, a)| NameSlot {
                entity: e as u32,
                alias: Some(i as u16),
                weak: self.alias_kind[a].1 == Strength::Weak,
            });
            primary.chain(aliases)
        })
    }

    /// Entry `id`'s identifiers as `(kind, value)`, lent from the bytes:
    /// what an index of every listed identifier reads, without copying them
    /// or making the rest of the entry.
    pub fn identifier_texts(&self, id: usize) -> Result<Vec<(&str, &str)>, SnapshotError> {
        self.check_entry(id)?;
        exactly(self.identifier_kind.spans.of(id), |i| {
            Ok((
                self.identifier_kind.values.get(i)?,
                self.identifier_value.get(i)?,
            ))
        })
    }

    /// An error unless there is an entry `id`.
    fn check_entry(&self, id: usize) -> Result<(), SnapshotError> {
        if id < self.len() {
            Ok(())
        } else {
            Err(SnapshotError(format!("no entry {id}")))
        }
    }

    /// Entry `id` whole, its texts made by `keep` and, when the bytes do not
    /// carry them, its names by `names_of` (given the run of the entry's
    /// names in [`Entries::names`] order, its primary name's first).
    fn entity_kept(
        &self,
        id: usize,
        keep: impl Fn(&Column<'a>, usize) -> Result<Text, SnapshotError>,
        names_of: impl FnOnce(Range<usize>) -> Option<Vec<Text>>,
    ) -> Result<Entity, SnapshotError> {
        self.check_entry(id)?;
        let first = self.first_name(id);
        let alias_span = self.aliases.of(id);
        let mut given = match self.names {
            Some(_) => None,
            None => {
                let names = names_of(first..first + 1 + alias_span.len());
                let names = names.filter(|names| names.len() == 1 + alias_span.len());
                Some(names.ok_or_else(names_not_given)?.into_iter())
            }
        };
        // Each name from the bytes, else the next of those given.
        let mut name = |column: Option<(&Column<'a>, usize)>| match (column, given.as_mut()) {
            (Some((column, i)), _) => keep(column, i),
            (None, Some(given)) => given.next().ok_or_else(names_not_given),
            (None, None) => Err(names_not_given()),
        };
        let primary = name(self.names.as_ref().map(|(primary, _)| (primary, id)))?;
        let aliases = exactly(alias_span, |a| {
            let (kind, strength) = self.alias_kind[a];
            Ok(Alias {
                name: name(self.names.as_ref().map(|(_, aliases)| (aliases, a)))?,
                kind,
                strength,
            })
        })?;
        let birth_dates = exactly(self.birth_dates.spans.of(id), |d| {
            let p = &self.birth_date_parts;
            // `DateParts::fit` checked each value's range at read.
            Ok(ListedDate {
                text: keep(&self.birth_dates.values, d)?,
                year_from: p.year_from.get(d) as u16,
                year_to: p.year_to.get(d) as u16,
                month: p.month.get(d) as u8,
                day: p.day.get(d) as u8,
                approximate: p.approximate.get(d) == 1,
            })
        })?;
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
        Ok(Entity {
            list: self.list[id],
            source_id: keep(&self.source_id, id)?,
            kind: self.kind[id],
            name: primary,
            aliases,
            programs: self.programs.kept(id, &keep)?,
            birth_dates,
            nationalities: self.nationalities.kept(id, &keep)?,
            citizenships: self.citizenships.kept(id, &keep)?,
            countries: self.countries.kept(id, &keep)?,
            details: Details {
                title: self.title.get(id)?.to_string(),
                gender: self.gender.get(id)?.to_string(),
                birth_places: self.birth_places.of(id)?,
                addresses: self.addresses.of(id)?,
                identifiers,
                listed_on: self.listed_on.get(id)?.to_string(),
                remarks: self.remarks.get(id)?.to_string(),
                notice,
            },
        })
    }
}

impl Entries<'static> {
    /// Entry `id` whole, details included. Its short texts (names, ids,
    /// programs, countries, dates as written) are lent from the bytes when
    /// they lie in bytes that live for ever (a snapshot embedded in the
    /// program), else copied. When the bytes do not carry the names,
    /// `names_of` gives the run of the entry's names in [`Entries::names`]
    /// order (its primary name, then its aliases').
    pub fn entity(
        &self,
        id: usize,
        names_of: impl FnOnce(Range<usize>) -> Option<Vec<Text>>,
    ) -> Result<Entity, SnapshotError> {
        self.entity_kept(id, Column::lend, names_of)
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

    #[test]
    fn picked_values_store_each_word_once_and_read_back_in_order() {
        let values = ["Korea, North", "China", "Korea, North", "", "China"];
        let mut picked = Picked::default();
        values.iter().for_each(|v| picked.push(v));
        let bytes = postcard::to_allocvec(&picked).unwrap();
        let back: Picked = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.words.text, "Korea, NorthChina");
        let column = Column::picked("countries", back, values.len()).unwrap();
        let read: Vec<&str> = (0..values.len()).map(|i| column.get(i).unwrap()).collect();
        assert_eq!(read, values);
        // A pick of a word that is not there, or too few picks, is refused.
        let mut bad: Picked = postcard::from_bytes(&bytes).unwrap();
        bad.picks.push(9);
        assert!(Column::picked("countries", bad, values.len() + 1).is_err());
        let short: Picked = postcard::from_bytes(&bytes).unwrap();
        assert!(Column::picked("countries", short, values.len() + 1).is_err());
    }
}
