//! The DPRK IT-worker notices (`data/advisories/dprk-it-notices.csv`): people,
//! organisations, personas and internet domains that US government bodies
//! have publicly named in connection with North Korean remote IT-worker
//! schemes. Compiled for this project from press releases; **not** an
//! official sanctions list, so every entry carries its [`Notice`]: the
//! action (indicted, wanted, seized, designated), its date and the source.
//!
//! Columns: `id, category, name, aliases (;-separated), nationality, role,
//! action, date, ofac_listed, source_url`. A row that breaks a rule below
//! fails the build with its line number.

use crate::{Alias, AliasKind, Details, Entity, Identifier, Kind, ListError, Notice, Strength};

/// The header the file must have, in this order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "category",
    "name",
    "aliases",
    "nationality",
    "role",
    "action",
    "date",
    "ofac_listed",
    "source_url",
];

/// The categories, and what kind of entry each makes.
const CATEGORIES: &[(&str, Kind)] = &[
    ("dprk_national", Kind::Person),
    ("designated", Kind::Person),
    ("persona", Kind::Person),
    ("organization", Kind::Organization),
    ("front_company", Kind::Organization),
    // A domain is screened as a website; its name also meets a company
    // written like it (`Hopanatech`).
    ("domain", Kind::Organization),
];

/// Human words for a category, shown as the entry's "program".
pub fn category_label(category: &str) -> &'static str {
    match category {
        "dprk_national" => "DPRK national named in a US action",
        "designated" => "person named by the US for this scheme",
        "persona" => "false name used in a US case",
        "organization" => "DPRK body or front named by the US",
        "front_company" => "front company named in a US case",
        "domain" => "website seized or named in a US case",
        _ => "public notice",
    }
}

/// Parses the notices file. `list` is its index among the snapshot's lists.
pub fn parse_notices(name: &str, bytes: &[u8], list: u16) -> Result<Vec<Entity>, ListError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| ListError::new(name, Some(1), format!("cannot read the header: {e}")))?;
    if header.iter().collect::<Vec<_>>() != COLUMNS {
        return Err(ListError::new(
            name,
            Some(1),
            format!("the header must be {}", COLUMNS.join(",")),
        ));
    }
    let mut entities = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line());
            ListError::new(name, line, format!("malformed CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let err = |reason: String| ListError::new(name, Some(line), reason);
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let id = field(0);
        if id.is_empty() || !ids.insert(id.to_string()) {
            return Err(err(format!("id {id:?} is empty or repeated")));
        }
        let category = field(1);
        let kind = CATEGORIES
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                let known: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
                err(format!(
                    "unknown category {category:?}: the categories are {}",
                    known.join(", ")
                ))
            })?;
        let primary = field(2);
        if primary.is_empty() {
            return Err(err("empty name".into()));
        }
        let date = field(7);
        if !is_notice_date(date) {
            return Err(err(format!("date {date:?} is not YYYY-MM-DD or YYYY-MM")));
        }
        let ofac_listed = field(8);
        if !matches!(ofac_listed, "yes" | "no" | "unknown") {
            return Err(err(format!(
                "ofac_listed {ofac_listed:?} must be yes, no or unknown"
            )));
        }
        let source_url = field(9);
        let web = source_url.starts_with("https://") || source_url.starts_with("http://");
        if !web || source_url.contains(char::is_whitespace) {
            return Err(err(format!(
                "source_url {source_url:?} must be one web address (https://...)"
            )));
        }
        let aliases = field(3)
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| Alias {
                name: a.to_string().into(),
                kind: if !has_latin(a) && a.chars().any(char::is_alphabetic) {
                    AliasKind::OriginalScript
                } else {
                    AliasKind::Aka
                },
                strength: Strength::Strong,
            })
            .collect();
        let identifiers = if category == "domain" {
            vec![Identifier {
                kind: "Website".into(),
                value: primary.to_string(),
                note: "seized or named by US authorities".into(),
            }]
        } else {
            Vec::new()
        };
        let nationality = field(4);
        entities.push(Entity {
            list,
            source_id: id.to_string().into(),
            kind,
            name: primary.to_string().into(),
            aliases,
            programs: vec![category_label(category).into()],
            birth_dates: Vec::new(),
            nationalities: if nationality.is_empty() || nationality.eq_ignore_ascii_case("n/a") {
                Vec::new()
            } else {
                vec![nationality.to_string().into()]
            },
            citizenships: Vec::new(),
            countries: Vec::new(),
            details: Details {
                identifiers,
                listed_on: date.to_string(),
                remarks: field(5).to_string(),
                notice: Some(Notice {
                    category: category.to_string(),
                    role: field(5).to_string(),
                    action: field(6).to_string(),
                    date: date.to_string(),
                    ofac_listed: ofac_listed.to_string(),
                    source_url: source_url.to_string(),
                    also_listed: Vec::new(),
                }),
                ..Details::default()
            },
        });
    }
    Ok(entities)
}

fn has_latin(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic())
}

/// `YYYY-MM-DD` (a day that exists) or `YYYY-MM`.
fn is_notice_date(text: &str) -> bool {
    match text.len() {
        10 => crate::calendar::is_date(text),
        7 => crate::calendar::is_date(&format!("{text}-01")),
        _ => false,
    }
}

/// The list's date: its newest action, a month read as its first day.
pub fn newest_date(entities: &[Entity]) -> String {
    entities
        .iter()
        .filter_map(|e| e.details.notice.as_ref())
        .map(|n| {
            if n.date.len() == 7 {
                format!("{}-01", n.date)
            } else {
                n.date.clone()
            }
        })
        .max()
        .unwrap_or_default()
}

/// The words of a name, upper case, sorted: two spellings that differ only
/// in punctuation, case or word order (`JONG, Song Hwa`, `Jong Song Hwa`)
/// give the same key.
fn name_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    words.sort();
    words.join(" ")
}

/// Links each notice to the entries of the sanctions lists (`listed`, with
/// their indices) that bear one of its names, of the same kind.
pub fn link_notices(notices: &mut [Entity], listed: &[(u32, &Entity)]) {
    let mut by_key: std::collections::HashMap<(String, Kind), Vec<u32>> = Default::default();
    for (index, entity) in listed {
        let names = std::iter::once(&entity.name).chain(entity.aliases.iter().map(|a| &a.name));
        for name in names {
            by_key
                .entry((name_key(name), entity.kind))
                .or_default()
                .push(*index);
        }
    }
    for notice_entity in notices {
        let kind = notice_entity.kind;
        let names: Vec<String> = std::iter::once(&notice_entity.name)
            .chain(notice_entity.aliases.iter().map(|a| &a.name))
            .map(|n| name_key(n))
            .collect();
        let Some(notice) = notice_entity.details.notice.as_mut() else {
            continue;
        };
        for key in names {
            for &index in by_key.get(&(key, kind)).map_or(&[][..], Vec::as_slice) {
                if !notice.also_listed.contains(&index) {
                    notice.also_listed.push(index);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "id,category,name,aliases,nationality,role,action,date,ofac_listed,source_url\n";

    #[test]
    fn reads_rows_and_refuses_bad_ones_with_their_line() {
        let good = format!(
            "{HEADER}P1,dprk_national,Jong Song Hwa,Jong Song-hwa;정성화,DPRK,CEO,\"Indicted, wanted\",2024-12-11,yes,https://example.gov/a\nD1,domain,hopanatech.com,,,front site,Seized,2024-10,unknown,https://example.gov/b\n"
        );
        let entities = parse_notices("n.csv", good.as_bytes(), 3).unwrap();
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].kind, Kind::Person);
        assert_eq!(entities[0].aliases[1].kind, AliasKind::OriginalScript);
        assert_eq!(
            entities[0].details.notice.as_ref().unwrap().action,
            "Indicted, wanted"
        );
        assert_eq!(entities[1].details.identifiers[0].value, "hopanatech.com");
        assert_eq!(newest_date(&entities), "2024-12-11");
        for (row, reason) in [
            (
                "P2,wizard,X,,,,,2024-01-01,yes,https://e.gov/",
                "unknown category \"wizard\"",
            ),
            (
                "P2,persona,,,,,,2024-01-01,yes,https://e.gov/",
                "empty name",
            ),
            (
                "P2,persona,X,,,,,2024-02-30,yes,https://e.gov/",
                "date \"2024-02-30\"",
            ),
            (
                "P2,persona,X,,,,,2024-01-01,maybe,https://e.gov/",
                "ofac_listed \"maybe\"",
            ),
            ("P2,persona,X,,,,,2024-01-01,yes,e.gov/page", "source_url"),
            ("P1,persona,X,,,,,2024-01-01,yes,https://e.gov/", "repeated"),
        ] {
            let text = format!("{good}{row}\n");
            let e = parse_notices("n.csv", text.as_bytes(), 3)
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("n.csv") && e.contains(":4") && e.contains(reason),
                "{row}: {e}"
            );
        }
        let e = parse_notices("n.csv", b"id,name\n", 3)
            .unwrap_err()
            .to_string();
        assert!(e.contains("the header must be"), "{e}");
    }

    #[test]
    fn names_link_whatever_their_punctuation_and_order() {
        assert_eq!(name_key("JONG, Song Hwa"), name_key("Jong Song Hwa"));
        assert_eq!(
            name_key("YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD."),
            name_key("Yanbian Silverstar Network Technology Co., Ltd.")
        );
        assert_ne!(name_key("Kim Song"), name_key("Kim Song Il"));
    }
}
