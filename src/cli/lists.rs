//! `lists`: what is embedded, with dates, counts and hashes.

use sanctions_screen::catalog::summaries;

use super::{screener, today, EXIT_CLEAR};

pub fn run(json: bool, entries: bool) -> Result<u8, String> {
    let screener = screener()?;
    if entries {
        return print_entries(screener);
    }
    let today = today()?;
    let lists = summaries(screener.lists(), Some(&today));
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
                    "run fetch-lists, then rebuild or pass --lists-dir"
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

/// Every entry as one JSON line: the entry as parsed, reviewer details
/// included, with `list` replaced by the list's id (`ofac_sdn`), so a line
/// reads on its own.
fn print_entries(screener: &sanctions_screen::Screener) -> Result<u8, String> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for id in 0..screener.entries().len() as u32 {
        let entity = screener.entity(id).map_err(|e| e.to_string())?;
        let mut line = serde_json::to_value(&entity).map_err(|e| e.to_string())?;
        line["list"] = screener.lists()[entity.list as usize].id.clone().into();
        writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    Ok(EXIT_CLEAR)
}
