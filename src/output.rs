//! Text made safe for the people and programs that read it.
//!
//! Reach for [`visible`] before showing any typed or listed text to a person
//! (a terminal, a report), and for [`spreadsheet_cell`] for every cell of a
//! CSV file. JSON output needs neither: it carries the text as given, escaped
//! by the JSON writer, for programs that decide for themselves.

use std::borrow::Cow;

/// Characters that change how the text around them is laid out or drawn
/// without being seen: bidi embeddings, overrides, isolates and marks (they
/// can reorder what a reviewer reads, `Trojan Source`), and control
/// characters (a terminal runs escape sequences).
fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{061C}'                 // Arabic letter mark
        | '\u{200E}' | '\u{200F}'  // left-to-right and right-to-left marks
        | '\u{202A}'..='\u{202E}'  // bidi embeddings and overrides
        | '\u{2066}'..='\u{2069}'  // bidi isolates
    ) || c.is_control()
}

/// `text` with every bidi control and control character written as
/// `<U+202E>`, so a person sees that it is there and the text around it keeps
/// its order. Line breaks are escaped too: one value stays on one line.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's
/// CSV-injection list: `=`, `+`, `-`, `@`, tab, carriage return), and a line
/// feed, which some import dialogs treat alike.
const FORMULA_TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// A CSV cell that a spreadsheet shows as text: hidden controls made
/// [`visible`], then, when the cell starts with a formula trigger (after any
/// spaces), a leading `'`, the OWASP rule. The CSV writer adds the quoting.
pub fn spreadsheet_cell(text: &str) -> String {
    let shown = visible(text);
    let starts_with_trigger = shown.trim_start_matches(' ').starts_with(FORMULA_TRIGGERS);
    // `visible` has already turned tab, CR and LF into `<U+..>`; the check
    // stays for clarity should that change.
    if starts_with_trigger {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// One CSV record (RFC 4180) with its `\r\n`: a cell is quoted when it holds
/// a comma, a quote, a line break or spaces at either end (which a reader
/// would trim), and its quotes are doubled. Cells for spreadsheets go
/// through [`spreadsheet_cell`] first; this only frames them.
pub fn csv_record<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut line = String::new();
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let quote =
            cell.contains([',', '"', '\r', '\n']) || cell.starts_with(' ') || cell.ends_with(' ');
        if quote {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_controls_are_shown() {
        for (input, shown) in [
            ("Kim Jong Un", "Kim Jong Un"),
            ("\u{202E}nU gnoJ miK", "<U+202E>nU gnoJ miK"),
            ("Kim\u{2066}Jong\u{2069}", "Kim<U+2066>Jong<U+2069>"),
            ("a\u{200F}b\u{061C}", "a<U+200F>b<U+061C>"),
            ("line\nbreak", "line<U+000A>break"),
            ("\u{1b}[31mred", "<U+001B>[31mred"),
            ("정성화 صدام", "정성화 صدام"),
        ] {
            assert_eq!(visible(input), shown, "{input:?}");
        }
    }

    #[test]
    fn csv_records_quote_only_what_needs_it() {
        for (cells, line) in [
            (&["a", "b"][..], "a,b\r\n"),
            (&["Kim, Jong Un", "x"][..], "\"Kim, Jong Un\",x\r\n"),
            (&["say \"hi\""][..], "\"say \"\"hi\"\"\"\r\n"),
            (&[" padded", ""][..], "\" padded\",\r\n"),
            (&["two\nlines"][..], "\"two\nlines\"\r\n"),
            (&["정성화"][..], "정성화\r\n"),
        ] {
            assert_eq!(csv_record(cells.iter().copied()), line, "{cells:?}");
        }
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (input, cell) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1-555", "'+1-555"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("  =1+1", "'  =1+1"),
            ("\tcmd", "<U+0009>cmd"),
            ("\u{202E}=1", "<U+202E>=1"),
            ("Kim Jong Un", "Kim Jong Un"),
            ("Jean-Paul", "Jean-Paul"),
            ("0.912", "0.912"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_cell(input), cell, "{input:?}");
        }
    }
}
