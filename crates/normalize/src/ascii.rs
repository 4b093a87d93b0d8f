//! Searching for an ASCII pattern in a word, and replacing it, by bytes.
//!
//! `str::contains`, `str::find` and `str::replace` with a string pattern set
//! up a two-way searcher at every call. The OCR reading runs once for each of
//! some 30,000 listed words at every start, and that set-up was 18 ms of a
//! WebAssembly start-up in Node's profile. For short words, a plain walk
//! over the bytes is cheaper.

/// Where `needle` (ASCII, not empty) first occurs in `text`. An ASCII byte
/// sequence is found only on character boundaries.
pub(crate) fn find(text: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.is_ascii() && !needle.is_empty());
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// `text` with every `from` (ASCII, not empty) replaced by `to`, left to
/// right, as `str::replace` does.
pub(crate) fn replaced(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len() + to.len());
    let mut rest = text;
    while let Some(at) = find(rest, from) {
        out.push_str(&rest[..at]);
        out.push_str(to);
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_does() {
        let texts = [
            "", "eo", "yeoneo", "seoeun", "hyeong", "ㄱeo", "gweon", "eoeoe", "kim", "mahrnoud",
            "rnrn", "Лирн",
        ];
        for text in texts {
            for (from, to) in [
                ("eo", "o"),
                ("eu", "u"),
                ("yeo", "you"),
                ("wo", "weo"),
                ("eo", ""),
                ("rn", "m"),
            ] {
                assert_eq!(
                    replaced(text, from, to),
                    text.replace(from, to),
                    "{text} {from}"
                );
                assert_eq!(find(text, from), text.find(from), "{text} {from}");
            }
        }
    }
}
