//! The batch reader on any bytes, as CSV and as JSONL: it never panics, and
//! every physical line is the header, a row or a counted blank line, each
//! row numbered in order within the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_screen::batch::{lines, Batch, Format};

fuzz_target!(|data: &[u8]| {
    let physical = lines(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)).count() as u64;
    for format in [Format::Csv, Format::Jsonl] {
        let keep = ["id".to_string()];
        let Ok(batch) = Batch::read(data, format, &keep) else {
            continue;
        };
        assert_eq!(batch.lines, physical);
        let accounted = u64::from(batch.header_line.is_some())
            + batch.rows.len() as u64
            + batch.blank_lines.len() as u64;
        assert_eq!(accounted, batch.lines, "{format:?}");
        assert!(batch.rows.windows(2).all(|w| w[0].line < w[1].line));
        for row in &batch.rows {
            assert!((1..=batch.lines).contains(&row.line));
            if let Err(e) = &row.query {
                assert!(e.starts_with(&format!("line {}:", row.line)), "{e}");
            }
        }
    }
});
