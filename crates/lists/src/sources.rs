//! A lists folder and its `sources.json`: which files make which list, where
//! each came from, its date and its sha256. [`build_snapshot`] checks every
//! file against it and parses the lot into one [`Snapshot`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ofac::{self, FileData, OfacSet};
use crate::{un, Entity, Kind, ListCounts, ListError, ListMeta, Snapshot, SourceFile};

/// `sources.json`: one entry per file, keyed by its path in the folder.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SourcesJson {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    pub files: BTreeMap<String, SourceEntry>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    pub publisher: String,
    #[serde(default)]
    pub description: String,
    pub url: String,
    /// The list date of the file, YYYY-MM-DD.
    pub date: String,
    pub sha256: String,
    pub bytes: u64,
}

/// How one list is made from files in the folder.
pub struct ListSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub files: &'static [&'static str],
}

/// The lists sanctions-screen embeds, in snapshot order.
pub const LISTS: &[ListSpec] = &[
    ListSpec {
        id: "ofac_sdn",
        name: "OFAC SDN List",
        files: &[
            "ofac_sdn/sdn.csv",
            "ofac_sdn/alt.csv",
            "ofac_sdn/add.csv",
            "ofac_sdn/sdn_comments.csv",
        ],
    },
    ListSpec {
        id: "ofac_cons",
        name: "OFAC Consolidated (non-SDN) List",
        files: &[
            "ofac_cons/cons_prim.csv",
            "ofac_cons/cons_alt.csv",
            "ofac_cons/cons_add.csv",
            "ofac_cons/cons_comments.csv",
        ],
    },
    ListSpec {
        id: "un",
        name: "UN Security Council Consolidated List",
        files: &["un/consolidated.xml"],
    },
];

/// The official download URL of every file the lists are made of.
pub fn official_urls() -> Vec<(&'static str, &'static str)> {
    vec![
        ("ofac_sdn/sdn.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"),
        ("ofac_sdn/alt.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV"),
        ("ofac_sdn/add.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"),
        ("ofac_sdn/sdn_comments.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV"),
        ("ofac_cons/cons_prim.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV"),
        ("ofac_cons/cons_alt.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV"),
        ("ofac_cons/cons_add.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV"),
        ("ofac_cons/cons_comments.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV"),
        ("un/consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),
    ]
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn read_sources_json(dir: &Path) -> Result<SourcesJson, ListError> {
    let path = dir.join("sources.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        ListError::new(
            path.display().to_string(),
            None,
            format!("cannot read: {e} (run fetch-lists to create the lists folder)"),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        ListError::new(
            path.display().to_string(),
            Some(e.line() as u64),
            format!("invalid sources.json: {e}"),
        )
    })
}

/// A snapshot and the files it was made from (for the build script's rerun rules).
pub struct Built {
    pub snapshot: Snapshot,
    pub files_read: Vec<PathBuf>,
}

/// The notices list compiled for this project (`data/advisories/`).
pub const NOTICES: ListSpec = ListSpec {
    id: "dprk_it_notices",
    name: "DPRK IT-worker public notices (compiled, not a sanctions list)",
    files: &["dprk-it-notices.csv"],
};

/// Reads, verifies and parses every list in `dir` into one snapshot.
///
/// Fails on a missing file, a file whose sha256 or size differs from
/// `sources.json`, a UN file whose `dateGenerated` differs from its date
/// there, and on any file that cannot be parsed.
pub fn build_snapshot(dir: &Path) -> Result<Built, ListError> {
    build_snapshot_with_notices(dir, None)
}

/// [`build_snapshot`], and the DPRK IT-worker notices from `notices` (a
/// folder with `dprk-it-notices.csv` and its own `sources.json`), appended
/// as one more list and linked to the sanctions entries that bear their names.
pub fn build_snapshot_with_notices(dir: &Path, notices: Option<&Path>) -> Result<Built, ListError> {
    let mut built = build_official(dir)?;
    if let Some(folder) = notices {
        add_notices(&mut built, folder)?;
    }
    Ok(built)
}

fn add_notices(built: &mut Built, folder: &Path) -> Result<(), ListError> {
    let rel = NOTICES.files[0];
    let sources = read_sources_json(folder)?;
    let path = folder.join(rel);
    let bytes = std::fs::read(&path)
        .map_err(|e| ListError::new(rel, None, format!("cannot read {}: {e}", path.display())))?;
    let entry = sources
        .files
        .get(rel)
        .ok_or_else(|| ListError::new(rel, None, "not described in its sources.json"))?;
    let sha = sha256_hex(&bytes);
    if sha != entry.sha256.to_ascii_lowercase() || bytes.len() as u64 != entry.bytes {
        return Err(ListError::new(
            rel,
            None,
            format!(
                "sha256 {sha} and {} bytes differ from its sources.json ({}, {} bytes): update the record with the file (see data/advisories/README.md)",
                bytes.len(),
                entry.sha256,
                entry.bytes
            ),
        ));
    }
    let list = built.snapshot.lists.len() as u16;
    let mut entities = crate::notices::parse_notices(rel, &bytes, list)?;
    let listed: Vec<(u32, &Entity)> = built
        .snapshot
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u32, e))
        .collect();
    crate::notices::link_notices(&mut entities, &listed);
    let linked = entities
        .iter()
        .filter(|e| {
            e.details
                .notice
                .as_ref()
                .is_some_and(|n| !n.also_listed.is_empty())
        })
        .count();
    built.snapshot.lists.push(ListMeta {
        id: NOTICES.id.to_string(),
        name: NOTICES.name.to_string(),
        publisher: entry.publisher.clone(),
        date: crate::notices::newest_date(&entities),
        files: vec![SourceFile {
            path: rel.to_string(),
            url: entry.url.clone(),
            date: entry.date.clone(),
            sha256: sha,
            bytes: entry.bytes,
        }],
        counts: count(&entities),
        notes: vec![format!(
            "{linked} of its {} entries bear the name of an entry of the sanctions lists and are linked to it",
            entities.len()
        )],
    });
    built.snapshot.entities.append(&mut entities);
    built.files_read.push(folder.join("sources.json"));
    built.files_read.push(path);
    Ok(())
}

fn build_official(dir: &Path) -> Result<Built, ListError> {
    let sources = read_sources_json(dir)?;
    let mut files_read = vec![dir.join("sources.json")];
    let mut lists = Vec::new();
    let mut entities = Vec::new();
    for (index, spec) in LISTS.iter().enumerate() {
        let list = index as u16;
        let mut contents = Vec::new();
        let mut files = Vec::new();
        for &rel in spec.files {
            let path = dir.join(rel);
            let bytes = std::fs::read(&path).map_err(|e| {
                ListError::new(rel, None, format!("cannot read {}: {e}", path.display()))
            })?;
            let entry = sources
                .files
                .get(rel)
                .ok_or_else(|| ListError::new(rel, None, "not described in sources.json"))?;
            let sha = sha256_hex(&bytes);
            if sha != entry.sha256.to_ascii_lowercase() {
                return Err(ListError::new(
                    rel,
                    None,
                    format!("sha256 {sha} differs from sources.json ({}): the file changed without its record", entry.sha256),
                ));
            }
            if bytes.len() as u64 != entry.bytes {
                return Err(ListError::new(
                    rel,
                    None,
                    format!("{} bytes, sources.json says {}", bytes.len(), entry.bytes),
                ));
            }
            files.push(SourceFile {
                path: rel.to_string(),
                url: entry.url.clone(),
                date: entry.date.clone(),
                sha256: sha,
                bytes: entry.bytes,
            });
            files_read.push(path);
            contents.push(bytes);
        }
        let names: Vec<&str> = spec.files.to_vec();
        let bytes: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
        let ParsedList {
            entities: mut parsed,
            notes,
            date_generated,
        } = parse_list(spec, list, &names, &bytes)?;
        if let Some(generated) = date_generated {
            if generated.get(..10).unwrap_or("") != files[0].date {
                return Err(ListError::new(
                    spec.files[0],
                    None,
                    format!(
                        "dateGenerated {generated} does not match the date {} in sources.json",
                        files[0].date
                    ),
                ));
            }
        }
        let date = files
            .iter()
            .map(|f| f.date.clone())
            .min()
            .unwrap_or_default();
        let publisher = sources.files[spec.files[0]].publisher.clone();
        lists.push(ListMeta {
            id: spec.id.to_string(),
            name: spec.name.to_string(),
            publisher,
            date,
            files,
            counts: count(&parsed),
            notes,
        });
        entities.append(&mut parsed);
    }
    Ok(Built {
        snapshot: Snapshot { lists, entities },
        files_read,
    })
}

/// One list parsed from its files.
pub(crate) struct ParsedList {
    pub entities: Vec<Entity>,
    /// What the parser decided that a compliance officer may want to know.
    pub notes: Vec<String>,
    /// The UN file's own `dateGenerated`; OFAC's legacy files carry no date.
    pub date_generated: Option<String>,
}

/// Parses the files of list `spec` (in `spec.files` order, `names` being
/// what to call each in an error) as list number `list`.
pub(crate) fn parse_list(
    spec: &ListSpec,
    list: u16,
    names: &[&str],
    contents: &[&[u8]],
) -> Result<ParsedList, ListError> {
    if spec.id == "un" {
        let parsed = un::parse_un_xml(names[0], contents[0], list)?;
        return Ok(ParsedList {
            entities: parsed.entities,
            notes: Vec::new(),
            date_generated: Some(parsed.date_generated),
        });
    }
    let data = |i: usize| FileData {
        name: names[i],
        bytes: contents[i],
    };
    let set = OfacSet {
        primary: data(0),
        aliases: data(1),
        addresses: data(2),
        comments: data(3),
    };
    let parsed = ofac::parse_ofac_set(list, &set)?;
    Ok(ParsedList {
        entities: parsed.entities,
        notes: parsed.notes,
        date_generated: None,
    })
}

pub(crate) fn count(entities: &[Entity]) -> ListCounts {
    let mut c = ListCounts::default();
    for e in entities {
        match e.kind {
            Kind::Person => c.persons += 1,
            Kind::Organization => c.organizations += 1,
            Kind::Vessel => c.vessels += 1,
            Kind::Aircraft => c.aircraft += 1,
        }
        c.aliases += e.aliases.len() as u32;
    }
    c
}
