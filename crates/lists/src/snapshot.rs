//! The compact binary snapshot that sanctions-screen embeds.
//!
//! Layout: the 8-byte magic `SSNAPSHT`, a little-endian `u32` format number,
//! a little-endian `u32` head length, the head, then the details block.
//!
//! - The head (postcard) holds the lists' metadata and, per entry, what
//!   screening reads: list, id, kind, names, programs, birth dates and
//!   countries; plus where each entry's details end in the details block.
//! - The details block holds, per entry, what only a reviewer reads (title,
//!   gender, birthplaces, addresses, identifiers, listing date, remarks), each
//!   entry's details in postcard on its own.
//!
//! The names may be left out ([`Names::Elsewhere`]) when the embedder keeps
//! them in a form of its own (sanctions-screen spells them back from its
//! token table): the reader then gives them to [`decode`].
//!
//! [`decode`] reads everything. [`decode_deferred`] reads the head only and
//! returns a [`DeferredDetails`] that decodes one entry's details when a match
//! needs them: most of the bytes are details, and a screener that starts
//! without them starts several times faster. postcard writes integers as
//! varints and strings unframed, which keeps the embedded lists small.

use serde::{Deserialize, Serialize};

use crate::{Alias, Entity, Identifier, Kind, ListMeta, ListedDate, Notice, Snapshot};

pub const MAGIC: &[u8; 8] = b"SSNAPSHT";
/// Bump when the model's fields or this layout change.
pub const SNAPSHOT_FORMAT: u32 = 5;

#[derive(Debug)]
pub struct SnapshotError(pub String);

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid snapshot: {}", self.0)
    }
}

impl std::error::Error for SnapshotError {}

/// What screening reads of an entry.
#[derive(Serialize, Deserialize)]
struct Core {
    list: u16,
    source_id: String,
    kind: Kind,
    name: String,
    aliases: Vec<Alias>,
    programs: Vec<String>,
    birth_dates: Vec<ListedDate>,
    nationalities: Vec<String>,
    citizenships: Vec<String>,
    countries: Vec<String>,
}

/// What only a reviewer reads of an entry.
#[derive(Serialize, Deserialize, Default)]
struct Details {
    title: String,
    gender: String,
    birth_places: Vec<String>,
    addresses: Vec<String>,
    identifiers: Vec<Identifier>,
    listed_on: String,
    remarks: String,
    notice: Option<Notice>,
}

/// Whether [`encode`] writes the entries' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Names {
    Included,
    /// Left out: the reader gives them to [`decode`] or [`decode_deferred`].
    Elsewhere,
}

#[derive(Serialize, Deserialize)]
struct Head {
    names_included: bool,
    lists: Vec<ListMeta>,
    cores: Vec<Core>,
    /// Entry `i`'s details end at `detail_ends[i]` in the details block.
    detail_ends: Vec<u32>,
}

pub fn encode(snapshot: &Snapshot, names: Names) -> Vec<u8> {
    let mut block = Vec::with_capacity(4 << 20);
    let mut detail_ends = Vec::with_capacity(snapshot.entities.len());
    let mut cores = Vec::with_capacity(snapshot.entities.len());
    for e in &snapshot.entities {
        let mut e = e.clone();
        if names == Names::Elsewhere {
            e.name.clear();
            e.aliases.iter_mut().for_each(|a| a.name.clear());
        }
        let details = Details {
            title: e.title,
            gender: e.gender,
            birth_places: e.birth_places,
            addresses: e.addresses,
            identifiers: e.identifiers,
            listed_on: e.listed_on,
            remarks: e.remarks,
            notice: e.notice,
        };
        block.extend(postcard::to_allocvec(&details).expect("details always serialise"));
        detail_ends.push(u32::try_from(block.len()).expect("details block under 4 GiB"));
        cores.push(Core {
            list: e.list,
            source_id: e.source_id,
            kind: e.kind,
            name: e.name,
            aliases: e.aliases,
            programs: e.programs,
            birth_dates: e.birth_dates,
            nationalities: e.nationalities,
            citizenships: e.citizenships,
            countries: e.countries,
        });
    }
    let head = Head {
        names_included: names == Names::Included,
        lists: snapshot.lists.clone(),
        cores,
        detail_ends,
    };
    let head = postcard::to_allocvec(&head).expect("a snapshot always serialises");
    let mut out = Vec::with_capacity(16 + head.len() + block.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_le_bytes());
    out.extend_from_slice(&(head.len() as u32).to_le_bytes());
    out.extend_from_slice(&head);
    out.extend_from_slice(&block);
    out
}

/// Decodes the whole snapshot, details included. A snapshot encoded with
/// [`Names::Elsewhere`] needs its names given, in [`Snapshot::names`] order;
/// one encoded with its names must be given none.
pub fn decode(bytes: &[u8], names: Option<Vec<String>>) -> Result<Snapshot, SnapshotError> {
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
    names: Option<Vec<String>>,
) -> Result<(Snapshot, DeferredDetails<'_>), SnapshotError> {
    if bytes.len() < 16 || &bytes[..8] != MAGIC {
        return Err(SnapshotError("missing magic header".into()));
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != SNAPSHOT_FORMAT {
        return Err(SnapshotError(format!(
            "format {format}, this build reads format {SNAPSHOT_FORMAT}"
        )));
    }
    let head_len = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes")) as usize;
    let rest = &bytes[16..];
    if head_len > rest.len() {
        return Err(SnapshotError("truncated head".into()));
    }
    let (head, block) = rest.split_at(head_len);
    let head: Head = postcard::from_bytes(head).map_err(|e| SnapshotError(e.to_string()))?;
    let ends = &head.detail_ends;
    if ends.len() != head.cores.len()
        || !ends.windows(2).all(|w| w[0] <= w[1])
        || ends.last().is_some_and(|&e| e as usize != block.len())
    {
        return Err(SnapshotError(
            "details block does not match its entries".into(),
        ));
    }
    if head
        .cores
        .iter()
        .any(|c| c.list as usize >= head.lists.len())
    {
        return Err(SnapshotError(
            "an entry names a list that is not there".into(),
        ));
    }
    let entities = head
        .cores
        .into_iter()
        .map(|c| Entity {
            list: c.list,
            source_id: c.source_id,
            kind: c.kind,
            name: c.name,
            aliases: c.aliases,
            programs: c.programs,
            birth_dates: c.birth_dates,
            nationalities: c.nationalities,
            citizenships: c.citizenships,
            countries: c.countries,
            title: String::new(),
            gender: String::new(),
            birth_places: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
            listed_on: String::new(),
            remarks: String::new(),
            notice: None,
        })
        .collect();
    let mut snapshot = Snapshot {
        lists: head.lists,
        entities,
    };
    match (head.names_included, names) {
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
    Ok((
        snapshot,
        DeferredDetails {
            block,
            ends: head.detail_ends,
        },
    ))
}

/// Puts `names` in [`Snapshot::names`] order: each entry's name, then its aliases'.
fn fill_names(snapshot: &mut Snapshot, names: Vec<String>) -> Result<(), SnapshotError> {
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

/// The entries' details, still encoded, from [`decode_deferred`].
pub struct DeferredDetails<'a> {
    block: &'a [u8],
    ends: Vec<u32>,
}

impl DeferredDetails<'_> {
    /// Decodes entry `id`'s details into `entity` (title, gender,
    /// birthplaces, addresses, identifiers, listing date, remarks, notice).
    pub fn fill(&self, id: usize, entity: &mut Entity) -> Result<(), SnapshotError> {
        let Some(&end) = self.ends.get(id) else {
            return Err(SnapshotError(format!("no entry {id}")));
        };
        let start = match id {
            0 => 0,
            _ => self.ends[id - 1] as usize,
        };
        let d: Details = postcard::from_bytes(&self.block[start..end as usize])
            .map_err(|e| SnapshotError(format!("entry {id}'s details: {e}")))?;
        entity.title = d.title;
        entity.gender = d.gender;
        entity.birth_places = d.birth_places;
        entity.addresses = d.addresses;
        entity.identifiers = d.identifiers;
        entity.listed_on = d.listed_on;
        entity.remarks = d.remarks;
        entity.notice = d.notice;
        Ok(())
    }
}
