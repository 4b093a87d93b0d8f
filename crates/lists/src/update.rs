//! Newer list files given at run time: the page's "Use newer list files",
//! the npm package's `createScreener({ lists })`. The user hands over the
//! publishers' own files by name and bytes; [`replace_lists`] parses them
//! with the same parsers the build uses and puts them in the snapshot in
//! place of the embedded lists they supersede.
//!
//! Reach for it when there is no lists folder with a `sources.json` (the
//! CLI's `--lists-dir` has one, and uses [`crate::sources::build_snapshot`]):
//! here each file is known only by its name, so the rules are strict.
//! - A file is recognised by its name alone, in any case (`SDN.CSV`,
//!   `sdn.csv`; any `.xml` is the UN list). Anything else is refused, named.
//! - A list is replaced only whole: the four OFAC files of a set, or the UN
//!   XML. A missing companion file is an error naming it, since a set read
//!   without its alias file would silently lose every alias.
//! - The UN list's date is its own `dateGenerated`. OFAC's legacy files carry
//!   no date, so the caller gives one per file (the date it was downloaded);
//!   a list's date is the oldest of its files'.
//! - Lists not given stay as they were; the notices compiled for this
//!   project are linked again to the entries that bear their names.

use crate::sources::{count, official_urls, parse_list, sha256_hex, LISTS, NOTICES};
use crate::{Entity, ListError, ListMeta, Snapshot, SourceFile};

/// One file as the user gave it.
#[derive(Clone, Copy, Debug)]
pub struct GivenFile<'a> {
    /// The file's name (a path is cut to its last part).
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// When the file was downloaded (`YYYY-MM-DD`), if known.
    pub date: Option<&'a str>,
}

/// What was replaced: each list's id, and the files read for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    pub lists: Vec<String>,
}

/// Which list, and which of its files, `name` is.
fn identify(name: &str) -> Option<(usize, usize)> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    for (list, spec) in LISTS.iter().enumerate() {
        for (file, path) in spec.files.iter().enumerate() {
            let expected = path.rsplit('/').next().unwrap_or(path);
            if base == expected || (spec.id == "un" && base.ends_with(".xml")) {
                return Some((list, file));
            }
        }
    }
    None
}

fn expected_names() -> String {
    LISTS
        .iter()
        .map(|spec| {
            let files: Vec<&str> = spec
                .files
                .iter()
                .map(|p| p.rsplit('/').next().unwrap_or(p))
                .collect();
            format!("{}: {}", spec.name, files.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Parses `files` and puts the lists they make in `snapshot` in place of the
/// ones of the same id. On any error the snapshot is left as it was.
pub fn replace_lists(
    snapshot: &mut Snapshot,
    files: &[GivenFile<'_>],
) -> Result<Replaced, ListError> {
    if files.is_empty() {
        return Err(ListError::new(
            "(no file)",
            None,
            format!("no list files given: {}", expected_names()),
        ));
    }
    // Each list's files, in the spec's order.
    let mut given: Vec<Vec<Option<&GivenFile<'_>>>> = LISTS
        .iter()
        .map(|spec| vec![None; spec.files.len()])
        .collect();
    for file in files {
        let Some((list, slot)) = identify(file.name) else {
            return Err(ListError::new(
                file.name,
                None,
                format!(
                    "not one of the publishers' list files (by its name). The files read are {}",
                    expected_names()
                ),
            ));
        };
        if let Some(first) = given[list][slot].replace(file) {
            return Err(ListError::new(
                file.name,
                None,
                format!("given twice (also as {}): give each file once", first.name),
            ));
        }
    }
    let mut parsed_lists = Vec::new();
    for (spec, slots) in LISTS.iter().zip(&given) {
        if slots.iter().all(Option::is_none) {
            continue;
        }
        let missing: Vec<&str> = spec
            .files
            .iter()
            .zip(slots)
            .filter(|(_, f)| f.is_none())
            .map(|(p, _)| p.rsplit('/').next().unwrap_or(p))
            .collect();
        let slots: Vec<&GivenFile<'_>> = slots.iter().flatten().copied().collect();
        if !missing.is_empty() {
            return Err(ListError::new(
                slots[0].name,
                None,
                format!(
                    "the {} is read from {} files together; missing: {}. Download them from the same place at the same time",
                    spec.name,
                    spec.files.len(),
                    missing.join(", ")
                ),
            ));
        }
        let position = snapshot
            .lists
            .iter()
            .position(|l| l.id == spec.id)
            .ok_or_else(|| {
                ListError::new(
                    slots[0].name,
                    None,
                    format!("the lists in use have no {}", spec.id),
                )
            })?;
        // OFAC's files carry no date: refused before anything is parsed.
        if spec.id != "un" {
            if let Some(undated) = slots.iter().find(|f| f.date.is_none()) {
                return Err(ListError::new(
                    undated.name,
                    None,
                    "OFAC's files carry no date: give the date the file was downloaded",
                ));
            }
        }
        let names: Vec<&str> = slots.iter().map(|f| f.name).collect();
        let contents: Vec<&[u8]> = slots.iter().map(|f| f.bytes).collect();
        let parsed = parse_list(spec, position as u16, &names, &contents)?;
        let mut source_files = Vec::new();
        for (file, path) in slots.iter().zip(spec.files) {
            let date = match &parsed.date_generated {
                Some(generated) => generated.get(..10).unwrap_or_default().to_string(),
                None => file.date.unwrap_or_default().to_string(),
            };
            let url = official_urls()
                .into_iter()
                .find(|(p, _)| p == path)
                .map(|(_, u)| u.to_string())
                .unwrap_or_default();
            source_files.push(SourceFile {
                path: file.name.to_string(),
                url,
                date,
                sha256: sha256_hex(file.bytes),
                bytes: file.bytes.len() as u64,
            });
        }
        if parsed.entities.is_empty() {
            return Err(ListError::new(
                slots[0].name,
                None,
                format!("holds no entries: not the {} as published", spec.name),
            ));
        }
        let old = &snapshot.lists[position];
        let meta = ListMeta {
            id: old.id.clone(),
            name: old.name.clone(),
            publisher: old.publisher.clone(),
            date: source_files
                .iter()
                .map(|f| f.date.clone())
                .min()
                .unwrap_or_default(),
            counts: count(&parsed.entities),
            files: source_files,
            notes: parsed.notes,
        };
        parsed_lists.push((position, meta, parsed.entities));
    }
    let replaced: Vec<String> = parsed_lists.iter().map(|(_, m, _)| m.id.clone()).collect();
    let mut new_entities: Vec<Vec<Entity>> = vec![Vec::new(); snapshot.lists.len()];
    for entity in std::mem::take(&mut snapshot.entities) {
        let list = entity.list as usize;
        new_entities[list].push(entity);
    }
    for (position, meta, entities) in parsed_lists {
        snapshot.lists[position] = meta;
        new_entities[position] = entities;
    }
    snapshot.entities = new_entities.into_iter().flatten().collect();
    relink_notices(snapshot);
    Ok(Replaced { lists: replaced })
}

/// The notices name entries by their position, which a replaced list moves.
fn relink_notices(snapshot: &mut Snapshot) {
    let Some(notices) = snapshot.lists.iter().position(|l| l.id == NOTICES.id) else {
        return;
    };
    let (listed, mut notice_entities): (Vec<Entity>, Vec<Entity>) =
        std::mem::take(&mut snapshot.entities)
            .into_iter()
            .partition(|e| e.list as usize != notices);
    for entity in &mut notice_entities {
        if let Some(notice) = entity.details.notice.as_mut() {
            notice.also_listed.clear();
        }
    }
    let refs: Vec<(u32, &Entity)> = listed
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u32, e))
        .collect();
    crate::notices::link_notices(&mut notice_entities, &refs);
    let mut entities = listed;
    entities.append(&mut notice_entities);
    snapshot.entities = entities;
}
