//! Any text in any query field: the screener answers or refuses, never
//! panics, and every score it gives is in [0, 1] and at or above the
//! threshold. Fields are the input's lines: name, company, dob, country,
//! wallet, id number, phone, e-mail, website, employer.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sanctions_screen::{Options, Query, Screener};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().expect("the embedded lists load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fields = text.splitn(10, '\n').map(|f| Some(f.to_string()));
    let mut next = || fields.next().flatten();
    let query = Query {
        name: next(),
        company: next(),
        dob: next(),
        country: next(),
        wallet: next().into_iter().collect(),
        id_number: next().into_iter().collect(),
        phone: next().into_iter().collect(),
        email: next().into_iter().collect(),
        website: next().into_iter().collect(),
        employer: next().into_iter().collect(),
    };
    let options = Options {
        threshold: 0.5,
        ..Options::default()
    };
    if let Ok(result) = screener().screen(&query, &options) {
        for m in &result.matches {
            assert!((0.0..=1.0).contains(&m.score), "{m:?}");
            assert!(m.name_score >= options.threshold - 0.001, "{m:?}");
            assert!(!m.explanation.is_empty(), "{m:?}");
        }
    }
});
