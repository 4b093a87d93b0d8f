//! `screen`: one applicant, human-readable or JSON.

use sanctions_screen::matching::Level;
use sanctions_screen::output::visible;
use sanctions_screen::{Match, Query, Screening};

use super::{list_lines, options, screener, EXIT_CLEAR, EXIT_MATCH};
use sanctions_screen::matching::ScreenSettings;

pub fn run(query: Query, o: &ScreenSettings, json: bool) -> Result<u8, String> {
    let screener = screener()?;
    let result = screener
        .screen(&query, &options(o)?)
        .map_err(|e| e.to_string())?;
    if json {
        let out = serde_json::json!({ "query": query, "result": result });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("serialisable")
        );
    } else {
        print!("{}", human(&query, &result));
    }
    Ok(if result.matches.is_empty() {
        EXIT_CLEAR
    } else {
        EXIT_MATCH
    })
}

/// The result for a person. Every line passes through [`visible`]: a bidi
/// override in a query or a listed name cannot reorder what the reviewer reads.
pub fn human(query: &Query, result: &Screening) -> String {
    let mut out = String::new();
    out.push_str("Lists: ");
    out.push_str(&list_lines(&result.lists).join("; "));
    out.push('\n');
    for warning in &result.warnings {
        out.push_str(&format!("\nWarning: {warning}\n"));
    }
    let identifiers = [
        ("employer", &query.employer),
        ("wallet", &query.wallet),
        ("id_number", &query.id_number),
        ("phone", &query.phone),
        ("email", &query.email),
        ("website", &query.website),
    ];
    let fields = [("name", &query.name), ("company", &query.company)]
        .into_iter()
        .filter_map(|(label, value)| Some((label, value.as_deref()?.to_string())))
        .chain(
            identifiers
                .into_iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(label, values)| (label, values.join("; "))),
        );
    for (label, value) in fields {
        if value.trim().is_empty() {
            continue;
        }
        // A line break in the query stays on its line, shown as `<U+000A>`.
        let value = visible(&value);
        let shown_label = label.replace('_', " ");
        let hits: Vec<&Match> = result
            .matches
            .iter()
            .filter(|m| m.field.as_str() == label)
            .collect();
        if hits.is_empty() {
            let rule = if matches!(label, "name" | "company" | "employer") {
                format!("threshold {:.2}", result.threshold)
            } else {
                "identifiers match exactly".to_string()
            };
            out.push_str(&format!(
                "\nNo match for {shown_label} \u{201c}{value}\u{201d} on these lists ({rule}).\n"
            ));
            continue;
        }
        out.push_str(&format!(
            "\n{shown_label} \u{201c}{value}\u{201d}: {} match{}\n",
            hits.len(),
            if hits.len() == 1 { "" } else { "es" }
        ));
        for m in hits {
            out.push_str(&format!(
                "\n  {} match, score {:.2} - {} {} - {} ({})\n",
                if m.level == Level::Strong {
                    "STRONG"
                } else {
                    "POSSIBLE"
                },
                m.score,
                m.list_name,
                m.source_id,
                m.name,
                m.kind.as_str()
            ));
            if !m.programs.is_empty() {
                out.push_str(&format!("    programs: {}\n", m.programs.join(", ")));
            }
            for line in &m.explanation {
                out.push_str(&format!("    - {line}\n"));
            }
            for check in &m.checks {
                out.push_str(&format!("    - {}\n", check.text));
            }
            let d = &m.details;
            for (what, values) in [
                ("born", d.birth_dates.join("; ")),
                ("birthplace", d.birth_places.join("; ")),
                ("nationality", d.nationalities.join("; ")),
                ("citizenship", d.citizenships.join("; ")),
                ("countries", d.countries.join("; ")),
            ] {
                if !values.is_empty() {
                    out.push_str(&format!("    {what}: {values}\n"));
                }
            }
            for id in d.identifiers.iter().take(5) {
                out.push_str(&format!("    {id}\n"));
            }
            if d.identifiers.len() > 5 {
                out.push_str(&format!(
                    "    ... and {} more identifiers (--json shows all)\n",
                    d.identifiers.len() - 5
                ));
            }
            out.push_str(&format!("    list date {} - {}\n", m.list_date, m.url));
        }
    }
    out.split_inclusive('\n')
        .map(|line| {
            let (text, end) = line.strip_suffix('\n').map_or((line, ""), |t| (t, "\n"));
            format!("{}{end}", visible(text))
        })
        .collect()
}
