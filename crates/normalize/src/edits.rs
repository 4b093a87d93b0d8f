//! Words one edit apart: the neighbours of a word (to look them up in a
//! table without building anything) and the test that two words are
//! neighbours. Reach for [`within_one_edit`] to compare two words, and for
//! [`for_each_one_edit`] or [`for_each_slip`] to enumerate a word's
//! neighbours for lookups.

/// Calls `f` with every string one edit (deletion, swap of neighbours,
/// substitution or insertion of a lower-case letter) from the ASCII `key`.
pub fn for_each_one_edit(key: &str, mut f: impl FnMut(&str)) {
    for_each_slip(key, &mut f);
    let bytes = key.as_bytes();
    let n = bytes.len();
    let mut buf: Vec<u8> = Vec::with_capacity(n + 1);
    let mut emit = |buf: &[u8]| f(std::str::from_utf8(buf).expect("ASCII"));
    for i in 0..=n {
        for c in b'a'..=b'z' {
            if i < n && bytes[i] != c {
                buf.clear();
                buf.extend_from_slice(bytes);
                buf[i] = c;
                emit(&buf);
            }
            buf.clear();
            buf.extend_from_slice(&bytes[..i]);
            buf.push(c);
            buf.extend_from_slice(&bytes[i..]);
            emit(&buf);
        }
    }
}

/// Calls `f` with the ASCII `text` less one letter, and with each pair of
/// neighbours swapped: a slip of the keyboard, 2 strings a letter where
/// [`for_each_one_edit`] makes 55.
pub fn for_each_slip(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut buf: Vec<u8> = Vec::with_capacity(n);
    let mut emit = |buf: &[u8]| f(std::str::from_utf8(buf).expect("ASCII"));
    for i in 0..n {
        buf.clear();
        buf.extend_from_slice(&bytes[..i]);
        buf.extend_from_slice(&bytes[i + 1..]);
        emit(&buf);
        if i + 1 < n {
            buf.clear();
            buf.extend_from_slice(bytes);
            buf.swap(i, i + 1);
            emit(&buf);
        }
    }
}

/// Damerau-Levenshtein distance of at most one: one substitution, insertion,
/// deletion or swap of neighbours.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (
        la - prefix - suffix.min(la - prefix),
        lb - prefix - suffix.min(lb - prefix),
    );
    match (ra, rb) {
        (1, 1) | (1, 0) | (0, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        for (a, b, want) in [
            ("silverstar", "silverstar", true),
            ("silverstar", "silverstr", true),
            ("silverstar", "silverstra", true),
            ("silverstar", "slivrestar", false),
            ("lazarus", "lazaruz", true),
            ("lazarus", "alzarus", true),
            ("hyun", "hyon", true),
            ("khussain", "hussain", true),
            ("zhang", "chung", false),
            ("haddad", "khattab", false),
            ("110", "111", true),
            ("abcd", "abdc", true),
            ("abcd", "badc", false),
            ("abcd", "abcdef", false),
        ] {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }
}
