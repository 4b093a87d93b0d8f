//! The hiring red flags and checks of the US advisories on DPRK IT workers
//! (`data/advisories/red-flags.md`, paraphrased with their sources), embedded
//! at build time and read into groups for the page's checklist.
//!
//! The checklist never computes a verdict: a person ticks what they saw, and
//! the page says how many were ticked and what the advisories recommend.

use serde::Serialize;

/// The advisories' red flags as edited, in Markdown.
pub static RED_FLAGS_MD: &str = include_str!("../data/advisories/red-flags.md");

/// One group of the checklist (`Identity and profile consistency`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub title: String,
    pub items: Vec<Item>,
}

/// One red flag or check, with the sources it rests on (`ADV-2022`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    pub text: String,
    pub sources: Vec<String>,
}

/// A source key and what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub key: String,
    pub text: String,
}

/// The checklist: its groups, the sources they cite, and what the advisories
/// recommend doing next.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checklist {
    pub groups: Vec<Group>,
    pub sources: Vec<Source>,
    pub next_steps: Vec<String>,
}

/// What the advisories recommend once something does not add up.
const NEXT_STEPS: [&str; 3] = [
    "Verify the applicant's identity in person or on a live camera call, against their identity documents.",
    "Check that the previous employers exist and confirm the employment with them, using contact details you find yourself.",
    "If the doubts remain, contact your local FBI field office (or report at ic3.gov) before going further.",
];

/// Reads the Markdown: `## N. Title` starts a group, `- text *(KEY; KEY)*`
/// is an item, `- **KEY**: description` under "Source keys" a source.
pub fn checklist() -> Checklist {
    let mut groups: Vec<Group> = Vec::new();
    let mut sources = Vec::new();
    let mut in_sources = false;
    for line in RED_FLAGS_MD.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            in_sources = false;
            let title = title
                .split_once(". ")
                .map_or(title, |(_, t)| t)
                .trim()
                .to_string();
            groups.push(Group {
                title,
                items: Vec::new(),
            });
        } else if line.starts_with("Source keys") {
            in_sources = true;
        } else if let Some(item) = line.strip_prefix("- ") {
            if in_sources {
                if let Some((key, text)) = item
                    .strip_prefix("**")
                    .and_then(|rest| rest.split_once("**: "))
                {
                    sources.push(Source {
                        key: key.to_string(),
                        text: text.to_string(),
                    });
                }
            } else if let Some(group) = groups.last_mut() {
                group.items.push(parse_item(item));
            }
        }
    }
    Checklist {
        groups: groups.into_iter().filter(|g| !g.items.is_empty()).collect(),
        sources,
        next_steps: NEXT_STEPS.iter().map(|s| s.to_string()).collect(),
    }
}

/// `text *(ADV-2022; PSA-2025-01)* more text *(IND-EDMO)*` → the text without
/// the markers, and the source keys they name.
fn parse_item(item: &str) -> Item {
    let mut text = String::new();
    let mut sources = Vec::new();
    let mut rest = item;
    while let Some(start) = rest.find("*(") {
        text.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find(")*") else {
            rest = after;
            break;
        };
        for source in after[..end].split(';') {
            let key = source
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_end_matches(',');
            if !key.is_empty()
                && key.chars().any(|c| c.is_ascii_uppercase())
                && !sources.iter().any(|s| s == key)
            {
                sources.push(key.to_string());
            }
        }
        rest = &after[end + 2..];
    }
    text.push_str(rest);
    Item {
        text: text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" .", "."),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_advisories_read_into_groups_with_sources() {
        let list = checklist();
        let titles: Vec<&str> = list.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles[0], "Identity and profile consistency");
        assert!(titles.contains(&"Pay and money"), "{titles:?}");
        let keys: Vec<&str> = list.sources.iter().map(|s| s.key.as_str()).collect();
        assert!(
            keys.contains(&"ADV-2022") && keys.contains(&"IND-EDMO"),
            "{keys:?}"
        );
        for group in &list.groups {
            for item in &group.items {
                assert!(!item.sources.is_empty(), "no source: {}", item.text);
                assert!(!item.text.contains("*("), "{}", item.text);
                for source in &item.sources {
                    assert!(
                        keys.contains(&source.as_str()),
                        "unknown source {source} in {}",
                        item.text
                    );
                }
            }
        }
        let first = &list.groups[0].items[0];
        assert!(
            first.text.starts_with("The candidate's name spelling"),
            "{}",
            first.text
        );
        assert_eq!(first.sources, ["ADV-2022"]);
    }
}
