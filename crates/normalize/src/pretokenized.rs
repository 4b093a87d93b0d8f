//! The listed names tokenised once, at build time.
//!
//! Tokenising some 42,000 listed names (Unicode folding, a few strings per
//! word) was most of the index's load time, and it gives the same answer at
//! every start. The build script runs [`TokenTable::build`] over the names in
//! snapshot order and embeds [`TokenTable::to_bytes`]; at run time the index
//! reads distinct terms and per-name term ids from it without allocating per
//! word. The layout is flat (one string for all term texts, one array for all
//! term ids) so that decoding is a handful of allocations.
//!
//! The table also spells every name back as written, so that the snapshot
//! need not carry the names a second time (they were a third of its
//! compressed size). Most names are their terms in upper, lower or title
//! case with the text between them (`KIM, Sang Man` is `KIM`, `, `, `Sang`,
//! ` `, `Man`): such a name is stored as one case mark per term and the gaps.
//! A name that its terms cannot spell (`S.A.`, `CH'OE`, a folded accent or
//! script) is stored whole. Spelling is exact by construction: a name is
//! stored by its terms only when they give back its text byte for byte.

use serde::{Deserialize, Serialize};

use crate::{tokenize, FastMap};

/// Names as sequences of distinct terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenTable {
    /// Every distinct token text, concatenated; term `i` ends at `term_ends[i]`.
    term_text: String,
    term_ends: Vec<u32>,
    /// Every name's term ids, concatenated; name `n` ends at `name_ends[n]`.
    /// A name with no letters or digits has no terms.
    name_terms: Vec<u32>,
    name_ends: Vec<u32>,
    /// Per name: leading terms that are the family name (`KIM, Sang Man` → 1), or 0.
    family_lens: Vec<u8>,
}

/// The table as stored: lengths rather than end offsets (a varint length is
/// one byte where an offset takes three), and terms numbered by frequency so
/// that the ids of common words take one byte.
#[derive(Serialize, Deserialize)]
struct Stored {
    term_text: String,
    term_lens: Vec<u16>,
    name_terms: Vec<u32>,
    name_lens: Vec<u16>,
    family_lens: Vec<u8>,
    /// Per name with terms: a [`Case`] per term, or one [`AS_WRITTEN`].
    spelling_cases: Vec<u8>,
    /// Per name spelled by its terms: the text before each term and after the last.
    spelling_gaps: Texts,
    /// Names stored whole, in order.
    spelled_whole: Texts,
}

/// Short texts stored as one string and their lengths, so that reading them
/// back allocates nothing per text.
#[derive(Serialize, Deserialize, Default)]
struct Texts {
    text: String,
    lens: Vec<u16>,
}

impl Texts {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.lens
            .push(u16::try_from(text.len()).expect("a name under 64 KiB"));
    }

    /// The lengths add up to the string's.
    fn fits(&self) -> bool {
        self.lens.iter().map(|&len| usize::from(len)).sum::<usize>() == self.text.len()
    }

    /// The texts in order, as bytes ([`Texts::fits`] first: the lengths
    /// must add up to the string's).
    fn byte_slices(&self) -> impl Iterator<Item = &[u8]> {
        self.lens.iter().scan(0usize, |at, &len| {
            let start = *at;
            *at += usize::from(len);
            self.text.as_bytes().get(start..*at)
        })
    }
}

/// How a term is written in a name spelled by its terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Lower = 0,
    Upper = 1,
    /// First letter upper case.
    Title = 2,
}

const CASES: [Case; 3] = [Case::Lower, Case::Upper, Case::Title];

/// The spelling mark of a name stored whole.
const AS_WRITTEN: u8 = 3;

impl Case {
    fn write(self, term: &[u8], out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(term);
        match self {
            Case::Lower => {}
            Case::Upper => out[start..].make_ascii_uppercase(),
            // A first byte that is not ASCII stays as it is.
            Case::Title => {
                if let Some(first) = out.get_mut(start) {
                    first.make_ascii_uppercase();
                }
            }
        }
    }

    /// `term` in this case is where `text` begins, as a whole word.
    fn begins(self, term: &str, text: &str) -> bool {
        let Some(word) = text.get(..term.len()) else {
            return false;
        };
        let whole = !text[term.len()..].starts_with(char::is_alphanumeric);
        let same = match self {
            Case::Lower => word == term,
            Case::Upper => word
                .bytes()
                .eq(term.bytes().map(|b| b.to_ascii_uppercase())),
            Case::Title => {
                let mut pairs = word.bytes().zip(term.bytes());
                pairs
                    .next()
                    .is_some_and(|(w, t)| w == t.to_ascii_uppercase())
                    && pairs.all(|(w, t)| w == t)
            }
        };
        whole && same
    }
}

/// One name as its terms spell it: a case per term and the gaps around them,
/// or `None` when they do not give back `text` exactly.
fn spell(text: &str, terms: impl Iterator<Item = impl AsRef<str>>) -> Option<(Vec<u8>, Vec<&str>)> {
    let (mut cases, mut gaps) = (Vec::new(), Vec::<&str>::new());
    let mut rest = text;
    for term in terms {
        let term = term.as_ref();
        let gap = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        let word = &rest[gap..];
        let case = CASES.into_iter().find(|c| c.begins(term, word))?;
        gaps.push(&rest[..gap]);
        cases.push(case as u8);
        rest = &word[term.len()..];
    }
    gaps.push(rest);
    Some((cases, gaps))
}

/// A table that does not decode, or does not fit the names it claims to cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenTableError(pub String);

impl std::fmt::Display for TokenTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "token table: {}", self.0)
    }
}

impl std::error::Error for TokenTableError {}

impl TokenTable {
    /// Tokenises `names` in order, numbering distinct token texts as they first appear.
    pub fn build<'a>(names: impl IntoIterator<Item = &'a str>) -> TokenTable {
        let mut table = TokenTable::default();
        let mut ids: FastMap<String, u32> = FastMap::default();
        for name in names {
            let tokenized = tokenize(name);
            for token in &tokenized.tokens {
                let next = ids.len() as u32;
                let id = *ids.entry(token.text.clone()).or_insert_with(|| {
                    table.term_text.push_str(&token.text);
                    table.term_ends.push(table.term_text.len() as u32);
                    next
                });
                table.name_terms.push(id);
            }
            table.name_ends.push(table.name_terms.len() as u32);
            let family = tokenized.family_len.unwrap_or(0).min(u8::MAX as usize);
            table.family_lens.push(family as u8);
        }
        table
    }

    /// Stores the table, with `names` (the names it was built from, in
    /// order) spelled by their terms where they can be.
    ///
    /// # Panics
    /// When `names` are not as many as the table's names.
    pub fn to_bytes(&self, names: &[&str]) -> Vec<u8> {
        assert_eq!(names.len(), self.name_count(), "one spelling per name");
        // Renumber terms, most frequent first.
        let mut uses = vec![0u32; self.term_count()];
        for &t in &self.name_terms {
            uses[t as usize] += 1;
        }
        let mut order: Vec<u32> = (0..self.term_count() as u32).collect();
        order.sort_by_key(|&t| (std::cmp::Reverse(uses[t as usize]), t));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut stored = Stored {
            term_text: String::with_capacity(self.term_text.len()),
            term_lens: Vec::with_capacity(order.len()),
            name_terms: self
                .name_terms
                .iter()
                .map(|&t| new_id[t as usize])
                .collect(),
            name_lens: Vec::with_capacity(self.name_count()),
            family_lens: self.family_lens.clone(),
            spelling_cases: Vec::new(),
            spelling_gaps: Texts::default(),
            spelled_whole: Texts::default(),
        };
        for &old in &order {
            let text = self.term(old);
            stored.term_text.push_str(text);
            stored
                .term_lens
                .push(u16::try_from(text.len()).expect("a word under 64 KiB"));
        }
        for (n, text) in names.iter().enumerate() {
            let terms = self.name_terms(n);
            stored
                .name_lens
                .push(u16::try_from(terms.len()).expect("a name under 64 Ki words"));
            match spell(text, terms.iter().map(|&t| self.term(t))) {
                Some((cases, gaps)) => {
                    stored.spelling_cases.extend(cases);
                    gaps.iter().for_each(|gap| stored.spelling_gaps.push(gap));
                }
                None => {
                    stored.spelling_cases.push(AS_WRITTEN);
                    stored.spelled_whole.push(text);
                }
            }
        }
        postcard::to_allocvec(&stored).expect("a token table always serialises")
    }

    /// Decodes a table and the names it spells, in order, and checks that
    /// every offset and id is in range, so that the accessors below cannot panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<(TokenTable, SpelledNames), TokenTableError> {
        let (table, spelling) = Self::decode(bytes)?;
        let names = spelling.spell(&table)?;
        Ok((table, names))
    }

    /// [`TokenTable::from_bytes`] without spelling the names, for a caller
    /// that keeps them from an earlier call: spelling is a sixth of what
    /// building a screener costs.
    pub fn from_bytes_unspelled(bytes: &[u8]) -> Result<TokenTable, TokenTableError> {
        Self::decode(bytes).map(|(table, _)| table)
    }

    fn decode(bytes: &[u8]) -> Result<(TokenTable, Spelling), TokenTableError> {
        let (mut stored, rest): (Stored, _) =
            postcard::take_from_bytes(bytes).map_err(|e| TokenTableError(e.to_string()))?;
        if !rest.is_empty() {
            return Err(TokenTableError(format!(
                "{} bytes after the table",
                rest.len()
            )));
        }
        let spelling = Spelling {
            cases: std::mem::take(&mut stored.spelling_cases),
            gaps: std::mem::take(&mut stored.spelling_gaps),
            whole: std::mem::take(&mut stored.spelled_whole),
        };
        let ends = |lens: &[u16]| -> Vec<u32> {
            lens.iter()
                .scan(0u32, |at, &len| {
                    *at += u32::from(len);
                    Some(*at)
                })
                .collect()
        };
        let table = TokenTable {
            term_ends: ends(&stored.term_lens),
            name_ends: ends(&stored.name_lens),
            term_text: stored.term_text,
            name_terms: stored.name_terms,
            family_lens: stored.family_lens,
        };
        let bad = |what: &str| Err(TokenTableError(format!("{what} out of range")));
        if !is_sorted_within(&table.term_ends, table.term_text.len())
            || !table
                .term_ends
                .iter()
                .all(|&e| table.term_text.is_char_boundary(e as usize))
        {
            return bad("term text offsets");
        }
        if !is_sorted_within(&table.name_ends, table.name_terms.len())
            || table.name_ends.len() != table.family_lens.len()
        {
            return bad("name offsets");
        }
        let terms = table.term_ends.len() as u32;
        if table.name_terms.iter().any(|&t| t >= terms) {
            return bad("term ids");
        }
        Ok((table, spelling))
    }

    pub fn term_count(&self) -> usize {
        self.term_ends.len()
    }

    pub fn term(&self, id: u32) -> &str {
        let end = self.term_ends[id as usize] as usize;
        let start = match id {
            0 => 0,
            _ => self.term_ends[id as usize - 1] as usize,
        };
        &self.term_text[start..end]
    }

    pub fn name_count(&self) -> usize {
        self.name_ends.len()
    }

    /// The term ids of name `n`, in the order written.
    pub fn name_terms(&self, n: usize) -> &[u32] {
        &self.name_terms[self.name_span(n)]
    }

    /// Where name `n`'s term ids lie among every name's, concatenated in
    /// name order: for data kept per word of a name.
    pub fn name_span(&self, n: usize) -> std::ops::Range<usize> {
        let start = match n {
            0 => 0,
            _ => self.name_ends[n - 1] as usize,
        };
        start..self.name_ends[n] as usize
    }

    /// Words of all names together.
    pub fn name_term_total(&self) -> usize {
        self.name_terms.len()
    }

    pub fn family_len(&self, n: usize) -> u8 {
        self.family_lens[n]
    }
}

/// Every name as written, end to end in one string (two allocations for
/// some 42,000 names, which a snapshot can lend rather than copy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpelledNames {
    text: String,
    /// Name `n` ends at `ends[n]`.
    ends: Vec<u32>,
}

impl SpelledNames {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Name `n`.
    pub fn get(&self, n: usize) -> &str {
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.text[start..self.ends[n] as usize]
    }

    /// The names in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|n| self.get(n))
    }
}

/// The stored spellings, read back in name order.
struct Spelling {
    cases: Vec<u8>,
    gaps: Texts,
    whole: Texts,
}

impl Spelling {
    /// Spelled as bytes and checked as text once at the end: slicing each
    /// gap and term as `str` checked two character boundaries a piece, and
    /// was most of the spelling's time.
    fn spell(self, table: &TokenTable) -> Result<SpelledNames, TokenTableError> {
        let broken = || TokenTableError("spellings do not fit the names".into());
        let mut cases = self.cases.into_iter();
        if !self.gaps.fits() || !self.whole.fits() {
            return Err(broken());
        }
        let mut gaps = self.gaps.byte_slices();
        let mut whole = self.whole.byte_slices();
        let term_bytes = |id: u32| {
            let end = table.term_ends[id as usize] as usize;
            let start = id
                .checked_sub(1)
                .map_or(0, |before| table.term_ends[before as usize] as usize);
            &table.term_text.as_bytes()[start..end]
        };
        // Names spelled by their terms are their terms and gaps; the room
        // for a name stored whole is room to spare for its terms.
        let terms_len: usize = table.name_terms.iter().map(|&t| term_bytes(t).len()).sum();
        let mut text = Vec::with_capacity(terms_len + self.gaps.text.len() + self.whole.text.len());
        let mut ends = Vec::with_capacity(table.name_count());
        for n in 0..table.name_count() {
            let terms = table.name_terms(n);
            let mut marks = cases.by_ref().take(terms.len()).peekable();
            if marks.peek() == Some(&AS_WRITTEN) {
                // A name stored whole has one mark, not one per term.
                text.extend_from_slice(whole.next().ok_or_else(broken)?);
            } else {
                text.extend_from_slice(gaps.next().ok_or_else(broken)?);
                for &term in terms {
                    let case = marks.next().and_then(|c| CASES.get(usize::from(c)));
                    case.ok_or_else(broken)?.write(term_bytes(term), &mut text);
                    text.extend_from_slice(gaps.next().ok_or_else(broken)?);
                }
            }
            ends.push(text.len() as u32);
        }
        if cases.next().is_some() || gaps.next().is_some() || whole.next().is_some() {
            return Err(broken());
        }
        let text = String::from_utf8(text).map_err(|_| broken())?;
        if !ends.iter().all(|&end| text.is_char_boundary(end as usize)) {
            return Err(broken());
        }
        Ok(SpelledNames { text, ends })
    }
}

fn is_sorted_within(ends: &[u32], len: usize) -> bool {
    ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e as usize == len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_share_terms_and_keep_order_and_family() {
        let table = TokenTable::build(["KIM, Sang Man", "Kim Song-hwa", "", "S.A."]);
        assert_eq!(table.name_count(), 4);
        let words = |n: usize| -> Vec<&str> {
            table.name_terms(n).iter().map(|&t| table.term(t)).collect()
        };
        assert_eq!(words(0), ["kim", "sang", "man"]);
        assert_eq!(words(1), ["kim", "song", "hwa"]);
        assert_eq!(table.name_terms(0)[0], table.name_terms(1)[0]);
        assert!(words(2).is_empty());
        assert_eq!(words(3), ["sa"]);
        assert_eq!((table.family_len(0), table.family_len(1)), (1, 0));
        assert_eq!(table.term_count(), 6);
    }

    #[test]
    fn round_trips_and_rejects_damage() {
        let names = ["Yanbian Silverstar", "Ким Сан Ман", "Kim Jong"];
        let table = TokenTable::build(names);
        let bytes = table.to_bytes(&names);
        let (back, spelled) = TokenTable::from_bytes(&bytes).unwrap();
        assert_eq!(spelled.iter().collect::<Vec<_>>(), names);
        // Stored most frequent first: `kim` becomes term 0; the names read the same.
        assert_eq!(back.term(0), "kim");
        let words = |t: &TokenTable, n: usize| -> Vec<String> {
            t.name_terms(n)
                .iter()
                .map(|&id| t.term(id).to_string())
                .collect()
        };
        for n in 0..3 {
            assert_eq!(words(&back, n), words(&table, n));
        }
        assert!(TokenTable::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(TokenTable::from_bytes(&[&bytes[..], b"x"].concat()).is_err());
        let damage = |edit: fn(&mut Stored)| {
            let mut bad: Stored = postcard::from_bytes(&bytes).unwrap();
            edit(&mut bad);
            TokenTable::from_bytes(&postcard::to_allocvec(&bad).unwrap())
                .unwrap_err()
                .0
        };
        assert!(damage(|s| s.name_terms[0] = 99).contains("term ids"));
        assert!(damage(|s| s.spelling_cases[0] = 7).contains("spellings"));
        assert!(damage(|s| s.spelling_gaps.lens.truncate(1)).contains("spellings"));
        assert!(damage(|s| s.spelled_whole.push("x")).contains("spellings"));
        assert!(damage(|s| s.spelled_whole.lens[0] += 1).contains("spellings"));
    }

    /// Each row: a name, and whether its terms spell it (else it is stored whole).
    #[test]
    fn names_are_spelled_by_their_terms_or_stored_whole() {
        let rows: &[(&str, bool)] = &[
            ("KIM, Sang Man", true),
            ("Kim Song-hwa", true),
            ("YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.", true),
            ("korea kwangson banking corp", true),
            ("", true),
            ("  -- ", true),
            ("CECOEX, S.A.", false),
            ("CH'OE, Ryong Hae", false),
            ("McDONALD, Ronald", false),
            ("Ким Сан Ман", false),
            ("BAŞ, Ömer", false),
        ];
        for &(name, by_terms) in rows {
            let table = TokenTable::build([name]);
            let (_, spelled) = TokenTable::from_bytes(&table.to_bytes(&[name])).unwrap();
            assert_eq!(spelled.iter().collect::<Vec<_>>(), [name]);
            let terms = table.name_terms(0).iter().map(|&t| table.term(t));
            assert_eq!(spell(name, terms).is_some(), by_terms, "{name}");
        }
    }
}
