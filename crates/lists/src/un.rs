//! The UN Security Council Consolidated List (`consolidated.xml`).
//!
//! Individuals and entities with their name parts, aliases and their quality,
//! original-script names, reference numbers, regimes, birth dates and places,
//! nationalities, addresses, documents and listing dates.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::dates::parse_listed_date;
use crate::{
    Alias, AliasKind, Details, Entity, Identifier, Kind, ListError, ListedDate, Strength, Text,
};

#[derive(Debug)]
pub struct Parsed {
    pub entities: Vec<Entity>,
    /// The root's `dateGenerated`, e.g. `2026-02-27T00:00:09.554Z`.
    pub date_generated: String,
}

/// A nested element of a record that is read as a group of fields.
#[derive(Default)]
struct Group {
    fields: Vec<(String, String)>,
}

impl Group {
    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

const GROUPS: &[&str] = &[
    "INDIVIDUAL_ALIAS",
    "ENTITY_ALIAS",
    "INDIVIDUAL_ADDRESS",
    "ENTITY_ADDRESS",
    "INDIVIDUAL_DATE_OF_BIRTH",
    "INDIVIDUAL_PLACE_OF_BIRTH",
    "INDIVIDUAL_DOCUMENT",
];

pub fn parse_un_xml(name: &str, bytes: &[u8], list: u16) -> Result<Parsed, ListError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ListError::new(
            name,
            Some(line_of(bytes, e.valid_up_to())),
            "not valid UTF-8",
        )
    })?;
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut text_buf = String::new();
    let mut record: Option<(Entity, u64, Vec<String>)> = None;
    let mut group: Option<Group> = None;
    let mut entities = Vec::new();
    let mut date_generated = String::new();
    let mut closed_root = false;
    // Each record's line, counted on from the last one: counting from the
    // start of the file every time made parsing quadratic (0.3 s for 2 MB).
    let mut lines = LineCounter::default();

    loop {
        let position = reader.buffer_position() as usize;
        let err = |reason: String| ListError::new(name, Some(line_of(bytes, position)), reason);
        let event = reader
            .read_event()
            .map_err(|e| err(format!("malformed XML: {e}")))?;
        match event {
            Event::Start(e) => {
                let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if tag == "CONSOLIDATED_LIST" {
                    for attr in e.attributes().flatten() {
                        if attr.key.as_ref() == b"dateGenerated" {
                            date_generated = attr
                                .unescape_value()
                                .map_err(|e| err(e.to_string()))?
                                .into_owned();
                        }
                    }
                }
                if tag == "INDIVIDUAL" || tag == "ENTITY" {
                    let kind = if tag == "INDIVIDUAL" {
                        Kind::Person
                    } else {
                        Kind::Organization
                    };
                    record = Some((
                        empty_entity(list, kind),
                        lines.line_at(bytes, position),
                        vec![String::new(); 4],
                    ));
                } else if GROUPS.contains(&tag.as_str()) {
                    group = Some(Group::default());
                }
                path.push(tag);
                text_buf.clear();
            }
            Event::Text(t) => {
                text_buf.push_str(&t.unescape().map_err(|e| err(format!("bad text: {e}")))?);
            }
            Event::CData(t) => text_buf.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) => {
                let tag = path.pop().unwrap_or_default();
                let value = std::mem::take(&mut text_buf).trim().to_string();
                let parent = path.last().map(String::as_str).unwrap_or("");
                if tag == "CONSOLIDATED_LIST" {
                    closed_root = true;
                } else if tag == "INDIVIDUAL" || tag == "ENTITY" {
                    let (mut entity, line, parts) = record
                        .take()
                        .ok_or_else(|| err("record end without start".into()))?;
                    let full: Vec<&str> = parts
                        .iter()
                        .map(|s| s.as_str())
                        .filter(|s| !s.is_empty())
                        .collect();
                    if full.is_empty() {
                        return Err(ListError::new(name, Some(line), "record has no name"));
                    }
                    if entity.source_id.is_empty() {
                        return Err(ListError::new(
                            name,
                            Some(line),
                            "record has no REFERENCE_NUMBER",
                        ));
                    }
                    entity.name = full.join(" ").into();
                    entities.push(entity);
                } else if let Some((entity, _, parts)) = record.as_mut() {
                    if GROUPS.contains(&tag.as_str()) {
                        if let Some(g) = group.take() {
                            apply_group(&tag, &g, entity);
                        }
                    } else if let Some(g) = group.as_mut() {
                        if !value.is_empty() {
                            g.fields.push((tag, value));
                        }
                    } else if !value.is_empty() {
                        apply_field(&tag, parent, value, entity, parts);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !closed_root {
        return Err(ListError::new(
            name,
            Some(line_of(bytes, bytes.len())),
            "file is truncated: CONSOLIDATED_LIST is not closed",
        ));
    }
    if date_generated.is_empty() {
        return Err(ListError::new(
            name,
            Some(1),
            "CONSOLIDATED_LIST has no dateGenerated",
        ));
    }
    if entities.is_empty() {
        return Err(ListError::new(
            name,
            None,
            "no INDIVIDUAL or ENTITY records",
        ));
    }
    Ok(Parsed {
        entities,
        date_generated,
    })
}

fn apply_field(tag: &str, parent: &str, value: String, entity: &mut Entity, parts: &mut [String]) {
    match (tag, parent) {
        ("FIRST_NAME", _) => parts[0] = value,
        ("SECOND_NAME", _) => parts[1] = value,
        ("THIRD_NAME", _) => parts[2] = value,
        ("FOURTH_NAME", _) => parts[3] = value,
        ("REFERENCE_NUMBER", _) => entity.source_id = value.into(),
        ("UN_LIST_TYPE", _) => entity.programs.push(value.into()),
        ("LISTED_ON", _) => entity.details.listed_on = value,
        ("GENDER", _) => entity.details.gender = value,
        ("COMMENTS1", _) => entity.details.remarks = value,
        ("NAME_ORIGINAL_SCRIPT", _) => entity.aliases.push(Alias {
            name: value.into(),
            kind: AliasKind::OriginalScript,
            strength: Strength::Strong,
        }),
        ("VALUE", "NATIONALITY") => entity.nationalities.push(value.into()),
        ("VALUE", "TITLE") | ("VALUE", "DESIGNATION") => {
            if !entity.details.title.is_empty() {
                entity.details.title.push_str("; ");
            }
            entity.details.title.push_str(&value);
        }
        _ => {}
    }
}

fn apply_group(tag: &str, g: &Group, entity: &mut Entity) {
    match tag {
        "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS" => {
            let name = g.get("ALIAS_NAME");
            if name.is_empty() {
                return; // the UN writes empty placeholder aliases
            }
            let (kind, strength) = match g.get("QUALITY").to_ascii_lowercase().as_str() {
                "low" => (AliasKind::Aka, Strength::Weak),
                "f.k.a." => (AliasKind::Fka, Strength::Strong),
                _ => (AliasKind::Aka, Strength::Strong),
            };
            entity.aliases.push(Alias {
                name: name.to_string().into(),
                kind,
                strength,
            });
        }
        "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS" => {
            let line = join_present(
                g,
                &["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"],
            );
            if !line.is_empty() {
                entity.details.addresses.push(line);
            }
            let country = g.get("COUNTRY");
            if !country.is_empty() && !entity.countries.iter().any(|c| c == country) {
                entity.countries.push(country.to_string().into());
            }
        }
        "INDIVIDUAL_DATE_OF_BIRTH" => {
            if let Some(date) = un_birth_date(g) {
                entity.birth_dates.push(date);
            }
        }
        "INDIVIDUAL_PLACE_OF_BIRTH" => {
            let place = join_present(g, &["CITY", "STATE_PROVINCE", "COUNTRY"]);
            if !place.is_empty() {
                entity.details.birth_places.push(place);
            }
        }
        "INDIVIDUAL_DOCUMENT" => {
            let kind = g.get("TYPE_OF_DOCUMENT");
            let value = g.get("NUMBER");
            if !kind.is_empty() || !value.is_empty() {
                let note = join_present(
                    g,
                    &[
                        "ISSUING_COUNTRY",
                        "COUNTRY_OF_ISSUE",
                        "CITY_OF_ISSUE",
                        "DATE_OF_ISSUE",
                        "NOTE",
                    ],
                );
                entity.details.identifiers.push(Identifier {
                    kind: if kind.is_empty() {
                        "Document".into()
                    } else {
                        kind.to_string()
                    },
                    value: value.to_string(),
                    note,
                });
            }
        }
        _ => {}
    }
}

fn un_birth_date(g: &Group) -> Option<ListedDate> {
    let approximate = matches!(g.get("TYPE_OF_DATE"), "APPROXIMATELY");
    let mut date = if !g.get("DATE").is_empty() {
        parse_listed_date(g.get("DATE"))?
    } else if !g.get("YEAR").is_empty() {
        parse_listed_date(g.get("YEAR"))?
    } else if !g.get("FROM_YEAR").is_empty() {
        parse_listed_date(&format!("{} to {}", g.get("FROM_YEAR"), g.get("TO_YEAR")))?
    } else {
        return None;
    };
    date.approximate |= approximate;
    if approximate {
        date.text = format!("circa {}", date.text).into();
    }
    Some(date)
}

fn join_present(g: &Group, names: &[&str]) -> String {
    names
        .iter()
        .map(|n| g.get(n))
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn empty_entity(list: u16, kind: Kind) -> Entity {
    Entity {
        list,
        source_id: Text::default(),
        kind,
        name: Text::default(),
        aliases: Vec::new(),
        programs: Vec::new(),
        birth_dates: Vec::new(),
        nationalities: Vec::new(),
        citizenships: Vec::new(),
        countries: Vec::new(),
        details: Details::default(),
    }
}

/// Line numbers of offsets that only move forward, each byte counted once.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> u64 {
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            return line_of(bytes, offset);
        }
        self.newlines += bytes[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.offset = offset;
        self.newlines + 1
    }
}

fn line_of(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME> SON</FIRST_NAME><SECOND_NAME>JONG HYOK </SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
<REFERENCE_NUMBER>KPi.031</REFERENCE_NUMBER><LISTED_ON>2016-11-30</LISTED_ON>
<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Son Min</ALIAS_NAME></INDIVIDUAL_ALIAS>
<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1980-05-20</DATE></INDIVIDUAL_DATE_OF_BIRTH>
</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"#;

    #[test]
    fn the_line_counter_agrees_with_counting_from_the_start() {
        let text = b"a\nbb\n\nccc\r\nd";
        let mut counter = LineCounter::default();
        for offset in [0, 1, 2, 5, 6, 7, 12, 13, 99] {
            assert_eq!(
                counter.line_at(text, offset),
                line_of(text, offset),
                "{offset}"
            );
        }
        assert_eq!(counter.line_at(text, 3), line_of(text, 3), "backwards");
    }

    #[test]
    fn reads_a_record() {
        let parsed = parse_un_xml("un.xml", SAMPLE.as_bytes(), 2).unwrap();
        assert_eq!(parsed.date_generated, "2026-02-27T00:00:09.554Z");
        let e = &parsed.entities[0];
        assert_eq!(
            (&*e.name, &*e.source_id, e.list),
            ("SON JONG HYOK", "KPi.031", 2)
        );
        assert_eq!(
            e.aliases.len(),
            1,
            "the empty placeholder alias is not an alias"
        );
        assert_eq!(e.birth_dates[0].year_from, 1980);
    }

    #[test]
    fn truncated_file_is_an_error_with_a_line() {
        let cut = &SAMPLE[..SAMPLE.len() - 60];
        let err = parse_un_xml("un.xml", cut.as_bytes(), 0).unwrap_err();
        assert!(err.line.is_some(), "{err}");
        assert!(
            err.reason.contains("truncated") || err.reason.contains("malformed"),
            "{err}"
        );
    }
}
