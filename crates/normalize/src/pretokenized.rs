//! The listed names tokenised once, at build time.
//!
//! Tokenising some 42,000 listed names (Unicode folding, a few strings per
//! word) was most of the index's load time, and it gives the same answer at
//! every start. The build script runs [`TokenTable::build`] over the names in
//! snapshot order and embeds [`TokenTable::to_bytes`]; at run time the index
//! reads distinct terms and per-name term ids from it without allocating per
//! word. The layout is flat (one string for all term texts, one array for all
//! term ids) so that decoding is a handful of allocations.

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

    pub fn to_bytes(&self) -> Vec<u8> {
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
        };
        for &old in &order {
            let text = self.term(old);
            stored.term_text.push_str(text);
            stored
                .term_lens
                .push(u16::try_from(text.len()).expect("a word under 64 KiB"));
        }
        for n in 0..self.name_count() {
            let len = self.name_terms(n).len();
            stored
                .name_lens
                .push(u16::try_from(len).expect("a name under 64 Ki words"));
        }
        postcard::to_allocvec(&stored).expect("a token table always serialises")
    }

    /// Decodes a table and checks that every offset and id is in range, so
    /// that the accessors below cannot panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<TokenTable, TokenTableError> {
        let stored: Stored =
            postcard::from_bytes(bytes).map_err(|e| TokenTableError(e.to_string()))?;
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
        Ok(table)
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
        let table = TokenTable::build(["Yanbian Silverstar", "Ким Сан Ман", "Kim Jong"]);
        let bytes = table.to_bytes();
        let back = TokenTable::from_bytes(&bytes).unwrap();
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
        let mut bad: Stored = postcard::from_bytes(&bytes).unwrap();
        bad.name_terms[0] = 99;
        assert!(
            TokenTable::from_bytes(&postcard::to_allocvec(&bad).unwrap())
                .unwrap_err()
                .0
                .contains("term ids")
        );
    }
}
