//! `lists`: what is embedded, with dates, counts and hashes.

use sanctions_screen::catalog::summaries;

use super::{screener, today, EXIT_CLEAR};

pub fn run(json: bool) -> Result<u8, String> {
    let snapshot = screener()?.snapshot();
    let today = today()?;
    let lists = summaries(&snapshot.lists, Some(&today));
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&lists).expect("serialisable")
        );
        return Ok(EXIT_CLEAR);
    }
    for l in &lists {
        println!("{} ({})", l.name, l.id);
        println!("  publisher: {}", l.publisher);
        match l.age_days {
            Some(days) if l.stale => println!(
                "  date: {} ({days} days old: STALE - {})",
                l.date,
                if l.id == sanctions_screen::catalog::NOTICES_LIST {
                    "add newer notices to data/advisories/ and rebuild"
                } else {
                    "run fetch-lists and rebuild"
                }
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
