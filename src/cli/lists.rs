//! `lists`: what is embedded, with dates, counts and hashes.

use sanctions_screen::matching::ListRef;

use super::{screener, today, EXIT_CLEAR};

pub fn run(json: bool) -> Result<u8, String> {
    let snapshot = screener()?.snapshot();
    let today = today();
    if json {
        let lists: Vec<serde_json::Value> = snapshot
            .lists
            .iter()
            .map(|l| {
                let cited = ListRef::new(l, Some(&today));
                serde_json::json!({
                    "id": l.id, "name": l.name, "publisher": l.publisher, "date": l.date,
                    "age_days": cited.age_days, "stale": cited.stale,
                    "counts": l.counts, "files": l.files, "notes": l.notes,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&lists).expect("serialisable")
        );
        return Ok(EXIT_CLEAR);
    }
    for l in &snapshot.lists {
        let cited = ListRef::new(l, Some(&today));
        println!("{} ({})", l.name, l.id);
        println!("  publisher: {}", l.publisher);
        match cited.age_days {
            Some(days) if cited.stale => println!(
                "  date: {} ({days} days old: STALE - run fetch-lists and rebuild)",
                l.date
            ),
            Some(days) => println!("  date: {} ({days} days old)", l.date),
            None => println!("  date: {}", l.date),
        }
        let c = &l.counts;
        println!(
            "  entries: {} persons, {} organizations, {} vessels, {} aircraft; {} aliases",
            c.persons, c.organizations, c.vessels, c.aircraft, c.aliases
        );
        for f in &l.files {
            println!(
                "  file {} dated {}, {} bytes, sha256 {}",
                f.path, f.date, f.bytes, f.sha256
            );
        }
        for n in &l.notes {
            println!("  note: {n}");
        }
        println!();
    }
    Ok(EXIT_CLEAR)
}
