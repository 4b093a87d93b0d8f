//! OFAC legacy CSV sets: SDN (`sdn.csv`, `alt.csv`, `add.csv`,
//! `sdn_comments.csv`) and non-SDN consolidated (`cons_prim.csv`, ...).
//!
//! The quirks handled, as documented in the lists folder's `MANIFEST.md`:
//! no header; CRLF; a 0x1A byte after the last line; `-0- ` for an empty
//! field; several programs joined as `DPRK3] [DPRK4`; remarks cut at 1,000
//! characters and continued in the comments file (sometimes with repeated
//! text, sometimes stale); and weak aliases written only in remarks as
//! `a.k.a. '...'`.

use std::collections::{BTreeMap, HashMap};

use crate::dates::parse_listed_date;
use crate::{Alias, AliasKind, Details, Entity, Identifier, Kind, ListError, ListedDate, Strength};

/// OFAC cuts `Remarks` at this many characters and continues in the comments file.
const REMARKS_CUT: usize = 1000;
/// The shortest overlap taken as "the continuation repeats the end of the remarks":
/// long enough that a chance match of a few letters is not mistaken for one.
const MIN_REPEAT_OVERLAP: usize = 20;

/// One file's name (for messages) and bytes.
#[derive(Clone, Copy)]
pub struct FileData<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// The four files of one OFAC set.
pub struct OfacSet<'a> {
    pub primary: FileData<'a>,
    pub aliases: FileData<'a>,
    pub addresses: FileData<'a>,
    pub comments: FileData<'a>,
}

#[derive(Debug)]
pub struct Parsed {
    pub entities: Vec<Entity>,
    /// Decisions worth showing a compliance officer (stale continuations, orphan rows).
    pub notes: Vec<String>,
}

type Row = (u64, Vec<Option<String>>);

/// Parses one OFAC set. `list` is the entities' index into the snapshot's lists.
pub fn parse_ofac_set(list: u16, set: &OfacSet<'_>) -> Result<Parsed, ListError> {
    let mut notes = Vec::new();
    let primary_rows = read_rows(set.primary, 12)?;
    let mut comments = read_comments(set.comments)?;

    let mut entities = Vec::with_capacity(primary_rows.len());
    let mut by_ent_num: HashMap<String, usize> = HashMap::new();
    for (line, fields) in primary_rows {
        let err = |reason: String| ListError::new(set.primary.name, Some(line), reason);
        let ent_num = ent_num(&fields[0]).map_err(err)?;
        let name = fields[1]
            .clone()
            .ok_or_else(|| err("empty SDN_Name".into()))?;
        let kind = match fields[2].as_deref() {
            None => Kind::Organization,
            Some("individual") => Kind::Person,
            Some("vessel") => Kind::Vessel,
            Some("aircraft") => Kind::Aircraft,
            Some(other) => return Err(err(format!("unknown SDN_Type {other:?}"))),
        };
        let programs = fields[3]
            .as_deref()
            .map(|p| {
                p.split("] [")
                    .map(|s| s.trim_matches(['[', ']', ' ']).to_string().into())
                    .collect()
            })
            .unwrap_or_default();
        let mut remarks = fields[11].clone().unwrap_or_default();
        if let Some((c_line, continuation)) = comments.remove(&ent_num) {
            join_continuation(
                &ent_num,
                &mut remarks,
                &continuation,
                set.comments.name,
                c_line,
                &mut notes,
            );
        } else if remarks.chars().count() == REMARKS_CUT {
            notes.push(format!(
                "{}:{line}: remarks of {ent_num} are cut at {REMARKS_CUT} characters and {} has no continuation",
                set.primary.name, set.comments.name
            ));
        }
        let mut entity = Entity {
            list,
            source_id: ent_num.clone().into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            programs,
            birth_dates: Vec::new(),
            nationalities: Vec::new(),
            citizenships: Vec::new(),
            countries: Vec::new(),
            details: Details {
                title: fields[4].clone().unwrap_or_default(),
                ..Details::default()
            },
        };
        for (label, index) in [
            ("Call Sign", 5),
            ("Vessel Type", 6),
            ("Tonnage", 7),
            ("GRT", 8),
            ("Vessel Flag", 9),
            ("Vessel Owner", 10),
        ] {
            if let Some(value) = &fields[index] {
                entity.details.identifiers.push(Identifier {
                    kind: label.into(),
                    value: value.clone(),
                    note: String::new(),
                });
            }
        }
        entity.details.remarks = extract_remarks(&remarks, &mut entity);
        if by_ent_num.insert(ent_num.clone(), entities.len()).is_some() {
            return Err(ListError::new(
                set.primary.name,
                Some(line),
                format!("ent_num {ent_num} appears twice"),
            ));
        }
        entities.push(entity);
    }
    for (ent_num, (line, _)) in comments {
        notes.push(format!(
            "{}:{line}: continuation for {ent_num}, which is not in {}: ignored",
            set.comments.name, set.primary.name
        ));
    }

    let mut orphan_aliases = 0usize;
    for (line, fields) in read_rows(set.aliases, 5)? {
        let err = |reason: String| ListError::new(set.aliases.name, Some(line), reason);
        let ent_num = ent_num(&fields[0]).map_err(err)?;
        let kind = match fields[2].as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("aka") => AliasKind::Aka,
            Some("fka") => AliasKind::Fka,
            Some("nka") => AliasKind::Nka,
            other => return Err(err(format!("unknown alt_type {other:?}"))),
        };
        let name = fields[3]
            .clone()
            .ok_or_else(|| err("empty alt_name".into()))?;
        match by_ent_num.get(&ent_num) {
            Some(&i) => entities[i].aliases.push(Alias {
                name: name.into(),
                kind,
                strength: Strength::Strong,
            }),
            None => orphan_aliases += 1,
        }
    }
    if orphan_aliases > 0 {
        notes.push(format!(
            "{}: {orphan_aliases} alias rows name entries that are not in {} (listed or removed between the two files' dates): not embedded",
            set.aliases.name, set.primary.name
        ));
    }

    let mut orphan_addresses = 0usize;
    for (line, fields) in read_rows(set.addresses, 6)? {
        let ent_num =
            ent_num(&fields[0]).map_err(|r| ListError::new(set.addresses.name, Some(line), r))?;
        let Some(&i) = by_ent_num.get(&ent_num) else {
            orphan_addresses += 1;
            continue;
        };
        let entity = &mut entities[i];
        let parts: Vec<&str> = fields[2..5].iter().flatten().map(String::as_str).collect();
        if !parts.is_empty() {
            push_unique(&mut entity.details.addresses, parts.join(", "));
        }
        if let Some(country) = &fields[4] {
            push_unique(&mut entity.countries, country.clone());
        }
    }
    if orphan_addresses > 0 {
        notes.push(format!(
            "{}: {orphan_addresses} address rows name entries that are not in {}: not embedded",
            set.addresses.name, set.primary.name
        ));
    }
    Ok(Parsed { entities, notes })
}

fn ent_num(field: &Option<String>) -> Result<String, String> {
    match field.as_deref() {
        Some(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => Ok(s.to_string()),
        other => Err(format!("ent_num must be a number, found {other:?}")),
    }
}

fn push_unique<T: PartialEq>(values: &mut Vec<T>, value: impl Into<T>) {
    let value = value.into();
    if !values.contains(&value) {
        values.push(value);
    }
}

/// Appends a comments-file continuation to cut remarks, coping with the two
/// ways a side file from another date disagrees with its primary file.
fn join_continuation(
    ent_num: &str,
    remarks: &mut String,
    continuation: &str,
    comments_name: &str,
    line: u64,
    notes: &mut Vec<String>,
) {
    let length = remarks.chars().count();
    if length < REMARKS_CUT {
        notes.push(format!(
            "{comments_name}:{line}: continuation for {ent_num} ignored: its remarks are complete ({length} characters), so the continuation is stale"
        ));
        return;
    }
    // The cut can fall mid-word: the continuation is appended with no separator,
    // unless it starts by repeating the end of the remarks (a newer cut).
    let overlap = (MIN_REPEAT_OVERLAP..=continuation.len().min(remarks.len()))
        .rev()
        .find(|&k| continuation.is_char_boundary(k) && remarks.ends_with(&continuation[..k]));
    match overlap {
        Some(k) => {
            notes.push(format!(
                "{comments_name}:{line}: continuation for {ent_num} repeats the last {k} characters of the remarks: joined without the repeat"
            ));
            remarks.push_str(&continuation[k..]);
        }
        None => remarks.push_str(continuation),
    }
}

fn read_comments(file: FileData<'_>) -> Result<BTreeMap<String, (u64, String)>, ListError> {
    let mut map = BTreeMap::new();
    for (line, fields) in read_rows(file, 2)? {
        let ent_num = ent_num(&fields[0]).map_err(|r| ListError::new(file.name, Some(line), r))?;
        let text = fields[1].clone().unwrap_or_default();
        if map.insert(ent_num.clone(), (line, text)).is_some() {
            return Err(ListError::new(
                file.name,
                Some(line),
                format!("second continuation for {ent_num}"),
            ));
        }
    }
    Ok(map)
}

/// Reads an OFAC legacy CSV file into rows of `columns` fields (`None` for `-0- `),
/// each with its 1-based line number.
pub fn read_rows(file: FileData<'_>, columns: usize) -> Result<Vec<Row>, ListError> {
    let mut bytes = file.bytes;
    if bytes.is_empty() {
        return Err(ListError::new(file.name, None, "file is empty"));
    }
    // DOS end-of-file marker after the last line.
    if bytes.last() == Some(&0x1A) {
        bytes = &bytes[..bytes.len() - 1];
    }
    if bytes.last() != Some(&b'\n') {
        let line = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        return Err(ListError::new(
            file.name,
            Some(line),
            "file is truncated: the last line has no line end",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    // Lines are counted from byte offsets: a quoted field may span lines.
    let (mut counted_to, mut line) = (0usize, 1u64);
    let mut line_at = |offset: usize| {
        // csv may leave a record's line end to the next record's start.
        let mut offset = offset.min(bytes.len());
        while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
            offset += 1;
        }
        line += bytes[counted_to..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = offset;
        line
    };
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(start, |p| p.byte() as usize);
                return Err(ListError::new(
                    file.name,
                    Some(line_at(at)),
                    format!("malformed CSV: {e}"),
                ));
            }
        }
        let line = line_at(record.position().map_or(start, |p| p.byte() as usize));
        if record.len() != columns {
            return Err(ListError::new(
                file.name,
                Some(line),
                format!("expected {columns} fields, found {}", record.len()),
            ));
        }
        let fields = record
            .iter()
            .map(|raw| {
                let text = decode(raw);
                let trimmed = text.trim();
                (trimmed != "-0-").then(|| trimmed.to_string())
            })
            .collect();
        rows.push((line, fields));
    }
    if rows.is_empty() {
        return Err(ListError::new(file.name, None, "file has no rows"));
    }
    Ok(rows)
}

/// OFAC files are ASCII; anything else is read as UTF-8, falling back to Latin-1.
fn decode(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => raw.iter().map(|&b| b as char).collect(),
    }
}

/// Identifier kinds OFAC writes in remarks as `<kind> <value> [(country)] [detail]`,
/// longest first so that `National ID No.` wins over a shorter prefix.
const IDENTIFIER_KINDS: &[&str] = &[
    "Vessel Registration Identification",
    "Unified Social Credit Code (USCC)",
    "Central Registration System Number",
    "Economic Register Number (CBLS)",
    "Chamber of Commerce Number",
    "Business Registration Number",
    "Commercial Registry Number",
    "Birth Certificate Number",
    "Travel Document Number",
    "Aircraft Tail Number",
    "Identification Number",
    "Legal Entity Number",
    "Registration Number",
    "Folio Mercantil No.",
    "Driver's License No.",
    "Trade License No.",
    "National ID No.",
    "Registration ID",
    "Company Number",
    "Email Address",
    "Tax ID No.",
    "V.A.T. Number",
    "Phone Number",
    "Cedula No.",
    "C.R. No.",
    "Telephone",
    "SWIFT/BIC",
    "Passport",
    "C.U.R.P.",
    "Website",
    "R.F.C.",
    "D.N.I.",
    "MMSI",
    "NIT #",
];

/// Pulls what a reviewer compares out of OFAC remarks: birth dates and places,
/// nationality, citizenship, gender, identifiers, and the weak aliases.
/// Returns the remarks' other parts, as written: a part taken into a field is
/// not kept twice (the remarks were a sixth of the embedded lists).
fn extract_remarks(remarks: &str, entity: &mut Entity) -> String {
    let mut rest: Vec<&str> = Vec::new();
    for written in remarks.split("; ") {
        if !extract_remark(written, entity) {
            rest.push(written);
        }
    }
    rest.join("; ")
}

/// Takes one remarks part into the entity's fields; false if no field holds it.
fn extract_remark(written: &str, entity: &mut Entity) -> bool {
    let part = written.trim().trim_end_matches('.');
    if let Some((kind, name)) = remark_alias(part) {
        entity.aliases.push(Alias {
            name: name.to_string().into(),
            kind,
            strength: Strength::Weak,
        });
        return true;
    }
    let part = part.strip_prefix("alt. ").unwrap_or(part);
    if let Some(date) = part.strip_prefix("DOB ") {
        entity
            .birth_dates
            .push(parse_listed_date(date).unwrap_or(ListedDate {
                text: date.to_string().into(),
                year_from: 0,
                year_to: 0,
                month: 0,
                day: 0,
                approximate: false,
            }));
    } else if let Some(place) = part.strip_prefix("POB ") {
        push_unique(&mut entity.details.birth_places, place.to_string());
    } else if let Some(country) = part.strip_prefix("nationality ") {
        push_unique(&mut entity.nationalities, country.to_string());
    } else if let Some(country) = part.strip_prefix("citizen ") {
        push_unique(&mut entity.citizenships, country.to_string());
    } else if let Some(gender) = part.strip_prefix("Gender ") {
        // A second, different gender stays in the remarks rather than overwrite the first.
        if !entity.details.gender.is_empty() && entity.details.gender != gender {
            return false;
        }
        entity.details.gender = gender.to_string();
    } else if let Some((currency, value)) = part
        .strip_prefix("Digital Currency Address - ")
        .and_then(|rest| rest.split_once(' '))
    {
        entity.details.identifiers.push(Identifier {
            kind: format!("Digital Currency Address - {currency}"),
            value: value.to_string(),
            note: String::new(),
        });
    } else if let Some(identifier) = remark_identifier(part) {
        entity.details.identifiers.push(identifier);
    } else {
        return false;
    }
    true
}

/// `a.k.a. 'HIDDEN COBRA'` → (Aka, `HIDDEN COBRA`).
fn remark_alias(part: &str) -> Option<(AliasKind, &str)> {
    let (kind, rest) = if let Some(rest) = part.strip_prefix("a.k.a. ") {
        (AliasKind::Aka, rest)
    } else if let Some(rest) = part.strip_prefix("f.k.a. ") {
        (AliasKind::Fka, rest)
    } else {
        (AliasKind::Nka, part.strip_prefix("n.k.a. ")?)
    };
    let name = rest.strip_prefix('\'')?.strip_suffix('\'')?.trim();
    (!name.is_empty()).then_some((kind, name))
}

fn remark_identifier(part: &str) -> Option<Identifier> {
    let kind = IDENTIFIER_KINDS.iter().find(|k| {
        part.strip_prefix(**k)
            .is_some_and(|rest| rest.starts_with(' '))
    })?;
    let rest = part[kind.len()..].trim();
    let tokens: Vec<&str> = rest.split(' ').collect();
    // The value runs to the first token with a digit in it (`IMO 9123456`);
    // a value with no digit (a website, an e-mail address) is its first token.
    let end = tokens
        .iter()
        .take(3)
        .position(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map_or(1, |i| i + 1);
    let value = tokens[..end].join(" ");
    let note = tokens[end..].join(" ");
    (!value.is_empty()).then(|| Identifier {
        kind: kind.to_string(),
        value,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(bytes: &[u8]) -> FileData<'_> {
        FileData {
            name: "test.csv",
            bytes,
        }
    }

    #[test]
    fn reads_quirky_rows() {
        let rows = read_rows(
            file(b"1,\"A, B\",-0- \r\n2,\"C \"\"D\"\"\",\"x\"\r\n\x1a"),
            3,
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].1, vec![Some("1".into()), Some("A, B".into()), None]);
        assert_eq!(rows[1].1[1].as_deref(), Some("C \"D\""));
        assert_eq!(rows[1].0, 2);
    }

    #[test]
    fn reports_bad_rows_with_their_line() {
        let err = read_rows(file(b"1,\"a\",-0- \r\n2,\"b\"\r\n"), 3).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.reason.contains("expected 3 fields, found 2"), "{err}");
        let err = read_rows(file(b"1,\"a\",-0- \r\n2,\"b"), 3).unwrap_err();
        assert!(err.reason.contains("truncated"), "{err}");
        assert_eq!(read_rows(file(b""), 3).unwrap_err().reason, "file is empty");
    }

    #[test]
    fn extracts_details_from_remarks() {
        let mut e = Entity {
            list: 0,
            source_id: "1".into(),
            kind: Kind::Person,
            name: "X".into(),
            aliases: vec![],
            programs: vec![],
            birth_dates: vec![],
            nationalities: vec![],
            citizenships: vec![],
            countries: vec![],
            details: Details::default(),
        };
        let rest = extract_remarks(
            "DOB 05 Feb 1970; alt. DOB 1971; POB Pyongyang, North Korea; nationality Korea, North; Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION; Gender Male; Passport 927220230 (Korea, North) issued 11 May 2017; Vessel Registration Identification IMO 9123456; Website www.example.com; Digital Currency Address - XBT; a.k.a. 'LAB 110'; a.k.a. 'UNIT 110'; Gender Female.",
            &mut e,
        );
        // What no field holds stays, as written; what a field holds is not kept twice.
        assert_eq!(
            rest,
            "Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION; Digital Currency Address - XBT; Gender Female."
        );
        assert_eq!(e.birth_dates.len(), 2);
        assert_eq!(e.birth_dates[0].day, 5);
        assert_eq!(e.details.birth_places, vec!["Pyongyang, North Korea"]);
        assert_eq!(e.nationalities, vec!["Korea, North"]);
        assert_eq!(e.details.gender, "Male");
        let ids: Vec<(&str, &str, &str)> = e
            .details
            .identifiers
            .iter()
            .map(|i| (i.kind.as_str(), i.value.as_str(), i.note.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("Passport", "927220230", "(Korea, North) issued 11 May 2017"),
                ("Vessel Registration Identification", "IMO 9123456", ""),
                ("Website", "www.example.com", ""),
            ]
        );
        let aliases: Vec<&str> = e.aliases.iter().map(|a| &*a.name).collect();
        assert_eq!(aliases, vec!["LAB 110", "UNIT 110"]);
        assert!(e.aliases.iter().all(|a| a.strength == Strength::Weak));
    }

    #[test]
    fn joins_continuations_the_three_ways() {
        let cut: String = "x".repeat(990) + "WHOIS HACK";
        let mut notes = vec![];
        let mut r = cut.clone();
        join_continuation("1", &mut r, "ING TEAM'", "c.csv", 1, &mut notes);
        assert!(r.ends_with("WHOIS HACKING TEAM'"));
        assert!(notes.is_empty());

        let mut r = cut.clone();
        join_continuation(
            "1",
            &mut r,
            "xxxxxxxxxxxxxxxxxxxxWHOIS HACKING TEAM'",
            "c.csv",
            1,
            &mut notes,
        );
        assert!(
            r.ends_with("xWHOIS HACKING TEAM'") && r.len() == 1009,
            "{}",
            &r[980..]
        );
        assert!(notes[0].contains("repeats"));

        let mut r = "complete.".to_string();
        join_continuation("1", &mut r, "67328 (Russia).", "c.csv", 7, &mut notes);
        assert_eq!(r, "complete.");
        assert!(notes[1].contains("c.csv:7") && notes[1].contains("stale"));
    }
}
