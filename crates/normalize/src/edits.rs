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
/// deletion or swap of neighbours. Allocates nothing for ASCII words (the
/// scorer's hot path); other words are compared by `char`.
///
/// The same answer as `strsim::osa_distance(a, b) <= 1` (a property test in
/// `tests/properties.rs` holds them together), written by hand because it
/// stops at the second difference instead of filling a table: `cargo bench
/// --bench edits` measures it 9x faster on 58,070 pairs of listed words
/// (16 ns against 150 ns a pair).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return first_of_one_edit(a.as_bytes(), b.as_bytes()).is_some();
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    first_of_one_edit(&a, &b).is_some()
}

/// Where `a` and `b` first differ, when they are one edit apart (as
/// [`within_one_edit`] counts them, equal strings included).
fn first_of_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> Option<usize> {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return None;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
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
    let one = match (ra, rb) {
        (0, 0) | (1, 1) | (1, 0) | (0, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    };
    one.then_some(prefix)
}

/// Whether `to` is one of the strings [`for_each_one_edit`] makes from the
/// ASCII `from`: one letter deleted, two neighbours swapped, or one
/// lower-case letter substituted or inserted.
pub fn is_one_edit_of(from: &str, to: &str) -> bool {
    let (a, b) = (from.as_bytes(), to.as_bytes());
    if a == b {
        // Only a swap of two equal neighbours gives the word back.
        return a.windows(2).any(|w| w[0] == w[1]);
    }
    let Some(first_difference) = first_of_one_edit(a, b) else {
        return false;
    };
    let added = match b.len().cmp(&a.len()) {
        std::cmp::Ordering::Less => return true,
        // The inserted letter is the first that differs (proof: the letters
        // between the insertion and the first difference are all that letter).
        std::cmp::Ordering::Greater => b[first_difference],
        std::cmp::Ordering::Equal => {
            let swapped = a.get(first_difference + 1) == b.get(first_difference)
                && b.get(first_difference + 1) == a.get(first_difference)
                && a[first_difference + 2..] == b[first_difference + 2..];
            if swapped {
                return true;
            }
            b[first_difference]
        }
    };
    added.is_ascii_lowercase()
}

/// A fixed set of ASCII keys, filed for finding the ones one edit from a
/// word ([`is_one_edit_of`]) with a lookup for the word and one for each of
/// its letters deleted, where enumerating every edit takes 55 a letter.
///
/// This is the symmetric-deletion method: two words one edit apart share
/// the word itself or a one-letter deletion, so each key is filed under the
/// hash of itself and of each of its deletions, and a hit is then checked
/// with [`is_one_edit_of`] (which also discards hash collisions and words two
/// edits apart). Keys under [`EditNeighbours::MIN_KEY_LEN`] letters are left
/// out. Building is a counting sort of about eight entries a key into
/// groups by the top bits of their hash, about four a group.
#[derive(Default)]
pub struct EditNeighbours {
    /// (hash of a key or of the key less one letter, the key's id), grouped
    /// by the hash's top bits: group `g` is `entries[starts[g]..starts[g + 1]]`.
    entries: Vec<(u32, u32)>,
    starts: Vec<u32>,
    /// 32 less the bits of a group number.
    shift: u32,
}

impl EditNeighbours {
    /// Keys shorter than this are not filed: the shortest word the index
    /// looks neighbours up for has four letters, so its neighbours have three.
    pub const MIN_KEY_LEN: usize = 3;

    /// Files each `(id, key)`; keys that are not ASCII or are too short are
    /// skipped. Walks the keys twice (counting, then filing), so that the
    /// entries are written once in place: built at the first query, this
    /// is on the start-up path, and a WebAssembly module keeps its peak
    /// memory for good.
    pub fn build<'k, Keys>(keys: Keys) -> EditNeighbours
    where
        Keys: IntoIterator<Item = (u32, &'k str)>,
        Keys::IntoIter: Clone,
    {
        let keys = keys.into_iter();
        let filed = || {
            keys.clone()
                .filter(|(_, key)| key.len() >= Self::MIN_KEY_LEN && key.is_ascii())
        };
        // The key and each of its deletions.
        let total: usize = filed().map(|(_, key)| key.len() + 1).sum();
        // About four entries a group: a lookup compares a few hashes, and
        // the group starts take a quarter of the entries' room.
        let groups = (total / 4).next_power_of_two().max(2);
        let shift = 32 - groups.trailing_zeros();
        let mut starts = vec![0u32; groups + 1];
        for (_, key) in filed() {
            for_each_deletion_hash(key.as_bytes(), |h| starts[(h >> shift) as usize + 1] += 1);
        }
        for g in 0..groups {
            starts[g + 1] += starts[g];
        }
        // Filing moves each group's start to its end, which is the next
        // group's start: shifted back by one, they are the starts again.
        let mut entries = vec![(0, 0); total];
        for (id, key) in filed() {
            for_each_deletion_hash(key.as_bytes(), |h| {
                let slot = &mut starts[(h >> shift) as usize];
                entries[*slot as usize] = (h, id);
                *slot += 1;
            });
        }
        starts.copy_within(0..groups, 1);
        starts[0] = 0;
        EditNeighbours {
            entries,
            starts,
            shift,
        }
    }

    /// Calls `f` with the id of every filed key one edit from the ASCII
    /// `word` ([`is_one_edit_of`]), possibly more than once; `key_of` gives
    /// a filed key's text from its id. Allocates nothing.
    pub fn for_each<'k>(
        &self,
        word: &str,
        key_of: impl Fn(u32) -> &'k str,
        mut f: impl FnMut(u32),
    ) {
        if !word.is_ascii() || self.entries.is_empty() {
            return;
        }
        for_each_deletion_hash(word.as_bytes(), |h| {
            let group = (h >> self.shift) as usize;
            let group = &self.entries[self.starts[group] as usize..self.starts[group + 1] as usize];
            for &(_, id) in group.iter().filter(|(e, _)| *e == h) {
                if is_one_edit_of(word, key_of(id)) {
                    f(id);
                }
            }
        });
    }
}

/// The base of the polynomial hash below: odd, so that it has an inverse
/// modulo 2^32 ([`HASH_BASE_INVERSE`]); FNV's 32-bit prime.
const HASH_BASE: u32 = 0x0100_0193;
const HASH_BASE_INVERSE: u32 = inverse_mod_2_32(HASH_BASE);

/// The inverse of an odd `x` modulo 2^32, by Newton's iteration (each step
/// doubles the bits that are right; `x` is right to three bits).
const fn inverse_mod_2_32(x: u32) -> u32 {
    let mut inverse = x;
    let mut step = 0;
    while step < 5 {
        inverse = inverse.wrapping_mul(2u32.wrapping_sub(x.wrapping_mul(inverse)));
        step += 1;
    }
    inverse
}

/// Spreads a polynomial hash's low bits into its top bits, which pick a
/// key's group (a bijection: no new collisions). Fibonacci hashing.
fn spread(hash: u32) -> u32 {
    hash.wrapping_mul(0x9e37_79b1)
}

/// Calls `f` with the hash of `bytes` and of `bytes` less each one letter,
/// in time linear in the length: the polynomial hash
/// `H(s) = s[0]·B^(n-1) + … + s[n-1]` of `s` less letter `i` is
/// `H(s) - (H(s[..i])·(B-1) + s[i])·B^(n-1-i)`.
fn for_each_deletion_hash(bytes: &[u8], mut f: impl FnMut(u32)) {
    let Some((_, rest)) = bytes.split_first() else {
        f(spread(0));
        return;
    };
    let whole = bytes.iter().fold(0u32, |h, &b| {
        h.wrapping_mul(HASH_BASE).wrapping_add(b as u32)
    });
    f(spread(whole));
    // B^(n-1), then B^(n-1-i) at letter i.
    let mut power = rest.iter().fold(1u32, |p, _| p.wrapping_mul(HASH_BASE));
    let mut prefix = 0u32;
    for &b in bytes {
        let removed = prefix
            .wrapping_mul(HASH_BASE - 1)
            .wrapping_add(b as u32)
            .wrapping_mul(power);
        f(spread(whole.wrapping_sub(removed)));
        prefix = prefix.wrapping_mul(HASH_BASE).wrapping_add(b as u32);
        power = power.wrapping_mul(HASH_BASE_INVERSE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each deletion's hash, worked out from the whole word's, is the hash
    /// of the word with that letter deleted.
    #[test]
    fn deletion_hashes_are_the_hashes_of_the_deletions() {
        assert_eq!(HASH_BASE.wrapping_mul(HASH_BASE_INVERSE), 1);
        let hash = |bytes: &[u8]| {
            let mut whole = None;
            for_each_deletion_hash(bytes, |h| {
                whole.get_or_insert(h);
            });
            whole.unwrap()
        };
        for word in ["", "a", "ab", "kim", "silverstar", "chinyongtechnology"] {
            let bytes = word.as_bytes();
            let mut hashes = Vec::new();
            for_each_deletion_hash(bytes, |h| hashes.push(h));
            let mut expected = vec![hash(bytes)];
            for i in 0..bytes.len() {
                let deleted = [&bytes[..i], &bytes[i + 1..]].concat();
                expected.push(hash(&deleted));
            }
            assert_eq!(hashes, expected, "{word}");
        }
    }

    #[test]
    fn no_keys_file_nothing_and_find_nothing() {
        let filed = EditNeighbours::build([(0, "ki"), (1, "пак")]);
        let mut found = Vec::new();
        filed.for_each("kim", |_| "ki", |id| found.push(id));
        filed.for_each("пака", |_| "пак", |id| found.push(id));
        assert!(found.is_empty(), "{found:?}");
    }

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
            ("пак", "пек", true),
            ("пак", "пакк", true),
            ("пак", "кап", false),
            ("jöng", "jong", true),
        ] {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }

    /// The filed neighbours of a word are exactly the enumerated edits that
    /// are filed keys.
    #[test]
    fn neighbours_are_the_enumerated_edits() {
        let keys = [
            "kim",
            "kin",
            "kima",
            "akim",
            "ikm",
            "kmi",
            "kom",
            "kym",
            "k2m",
            "silverstar",
            "silverstr",
            "slivrestar",
            "silverstars",
            "jonk",
            "conk",
            "jonkk",
            "jnok",
            "ojnk",
            "jon",
            "jonka",
            "xjonk",
            "jo",
            "정",
            "kimm",
        ];
        let filed = EditNeighbours::build(keys.iter().enumerate().map(|(i, k)| (i as u32, *k)));
        for word in [
            "kim",
            "kima",
            "jonk",
            "silverstar",
            "silvrstar",
            "kmm",
            "abcd",
        ] {
            let mut enumerated: Vec<&str> = Vec::new();
            for_each_one_edit(word, |edited| {
                if let Some(k) = keys.iter().find(|k| **k == edited) {
                    enumerated.push(k);
                }
            });
            enumerated.sort_unstable();
            enumerated.dedup();
            let mut found: Vec<&str> = Vec::new();
            filed.for_each(
                word,
                |id| keys[id as usize],
                |id| found.push(keys[id as usize]),
            );
            found.sort_unstable();
            found.dedup();
            assert_eq!(found, enumerated, "{word}");
            for k in keys.iter().filter(|k| k.is_ascii()) {
                assert_eq!(
                    is_one_edit_of(word, k),
                    enumerated.contains(k) || (*k == word && is_one_edit_of(word, word)),
                    "{word} {k}"
                );
            }
        }
        // `k2m` is one edit from `kim` by a digit, which the enumeration never writes.
        assert!(!is_one_edit_of("kim", "k2m"));
        assert!(is_one_edit_of("k2m", "kim"));
    }
}
