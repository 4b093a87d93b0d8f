//! The candidate index: which listed names share a word, a spelling variant,
//! a near spelling or a joined pair of words with the query, so that the full
//! scorer only runs on a few dozen names instead of every name on every list.
//!
//! Every name (primary and alias) is tokenised once at load. Distinct tokens
//! become [`Term`]s with their variant key and weight; each term has a
//! posting list of the names it occurs in. Terms are found from a query token
//! by exact text, by variant key, and by keys one edit apart (every edit of
//! the query key is looked up: nothing extra is built at load time). A query
//! word is also tried split in two (`Silverstar` finds names holding `SILVER`
//! and `STAR`), and adjacent query words joined (`Song Hwa` finds `SONGHWA`).
//!
//! The index finds every name the scorer could give a score to: the scorer
//! only aligns tokens that are equal, share a key, are one key edit apart, or
//! join two words, which are exactly the lookups here. A test checks that the
//! indexed search returns the same top results as scoring every name.

use std::collections::HashMap;

use sanctions_lists::{Kind, Snapshot, Strength};

use crate::normalize::{term_class, tokenize, variant_key, TermClass};

pub type TermId = u32;
pub type NameId = u32;

/// Marks a [`NameRecord`] that is an entity's primary name, not an alias.
pub const PRIMARY: u16 = u16::MAX;

/// Keys shorter than this only match exactly: one edit in a short word makes
/// another word (`Kim`/`Kin`).
pub const MIN_FUZZY_KEY_LEN: usize = 4;

/// One distinct normalised word of the listed names.
pub struct Term {
    pub text: String,
    pub key: String,
    /// How many names it occurs in.
    pub names: u32,
    /// Its class and weight read in a person's name (slot 0) and in a
    /// company's (slot 1), fixed once the counts are known: the scorer reads
    /// them for every candidate token.
    pub class: [TermClass; 2],
    pub weight: [f32; 2],
}

/// One name of one entity: its primary name or an alias.
pub struct NameRecord {
    pub entity: u32,
    /// Index into the entity's aliases, or [`PRIMARY`].
    pub alias: u16,
    pub kind: Kind,
    pub weak: bool,
    pub terms: Box<[TermId]>,
    /// Leading terms that are the family name (`KIM, Sang Man` → 1), or 0.
    pub family_len: u8,
    /// Summed weight of the terms, read as a person's name and as a company's:
    /// ranks candidates by how much of the name the query can cover.
    pub total_weight: [f32; 2],
}

pub struct NameIndex {
    pub terms: Vec<Term>,
    pub names: Vec<NameRecord>,
    by_text: FastMap<String, TermId>,
    by_key: FastMap<String, Vec<TermId>>,
    /// Per term: the names it occurs in, in increasing order.
    postings: Vec<Vec<NameId>>,
    /// Name count, for weights.
    name_total: u32,
}

impl NameIndex {
    pub fn build(snapshot: &Snapshot) -> NameIndex {
        let mut index = NameIndex {
            terms: Vec::new(),
            names: Vec::new(),
            by_text: FastMap::default(),
            by_key: FastMap::default(),
            postings: Vec::new(),
            name_total: 0,
        };
        for (entity_id, entity) in snapshot.entities.iter().enumerate() {
            let primary = std::iter::once((PRIMARY, entity.name.as_str(), false));
            let aliases = entity
                .aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (i as u16, a.name.as_str(), a.strength == Strength::Weak));
            for (alias, name, weak) in primary.chain(aliases) {
                let tokenized = tokenize(name);
                if tokenized.tokens.is_empty() {
                    continue;
                }
                let name_id = index.names.len() as NameId;
                let mut terms = Vec::with_capacity(tokenized.tokens.len());
                for token in &tokenized.tokens {
                    let term = index.intern(&token.text);
                    // Count each term once per name.
                    if !terms.contains(&term) {
                        index.terms[term as usize].names += 1;
                        index.postings[term as usize].push(name_id);
                    }
                    terms.push(term);
                }
                index.names.push(NameRecord {
                    entity: entity_id as u32,
                    alias,
                    kind: entity.kind,
                    weak,
                    terms: terms.into_boxed_slice(),
                    family_len: tokenized.family_len.unwrap_or(0).min(u8::MAX as usize) as u8,
                    total_weight: [0.0; 2],
                });
            }
        }
        index.name_total = index.names.len() as u32;
        let total = index.name_total;
        for term in &mut index.terms {
            for (slot, organization) in [(0, false), (1, true)] {
                term.class[slot] = term_class(&term.text, organization);
                term.weight[slot] = class_weight(term.class[slot], term.names, total);
            }
        }
        for name in &mut index.names {
            for slot in 0..2 {
                name.total_weight[slot] = name
                    .terms
                    .iter()
                    .map(|&t| index.terms[t as usize].weight[slot])
                    .sum();
            }
        }
        index
    }

    fn intern(&mut self, text: &str) -> TermId {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        let id = self.terms.len() as TermId;
        let key = variant_key(text);
        self.by_key.entry(key.clone()).or_default().push(id);
        self.by_text.insert(text.to_string(), id);
        self.terms.push(Term {
            text: text.to_string(),
            key,
            names: 0,
            class: [TermClass::Word; 2],
            weight: [0.0; 2],
        });
        self.postings.push(Vec::new());
        id
    }

    pub fn term_id(&self, text: &str) -> Option<TermId> {
        self.by_text.get(text).copied()
    }

    /// How much a word weighs in a name: rare words identify, frequent ones
    /// (`Kim`, `Mohammad`, `Trading`) less; legal forms and generic words are
    /// capped by their class. A word no list contains weighs fully.
    pub fn weight(&self, text: &str, organization: bool) -> f32 {
        self.class_and_weight(text, organization).1
    }

    /// The class and weight of a word, from the term when a list has it.
    pub fn class_and_weight(&self, text: &str, organization: bool) -> (TermClass, f32) {
        let slot = organization as usize;
        match self.term_id(text) {
            Some(t) => {
                let term = &self.terms[t as usize];
                (term.class[slot], term.weight[slot])
            }
            None => {
                let class = term_class(text, organization);
                (class, class_weight(class, 0, self.name_total))
            }
        }
    }

    /// The terms a query token can align with: same text, same key, or keys
    /// one edit apart.
    pub fn related_terms(&self, text: &str, out: &mut Vec<TermId>) {
        let key = variant_key(text);
        if let Some(&id) = self.by_text.get(text) {
            out.push(id);
        }
        if let Some(ids) = self.by_key.get(&key) {
            out.extend_from_slice(ids);
        }
        if key.len() >= MIN_FUZZY_KEY_LEN && key.is_ascii() {
            // Every key one edit away, looked up directly: about 55 lookups a
            // letter, and nothing to build at load time.
            for_each_one_edit(&key, |edited| {
                if let Some(ids) = self.by_key.get(edited) {
                    out.extend_from_slice(ids);
                }
            });
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Names worth scoring for these query words, best first, at most `limit`.
    ///
    /// Each name gets the summed weight of the query words (and joined
    /// adjacent pairs) that found it, and is ranked by the Dice score that
    /// would give if every found word matched exactly: so among the many names
    /// that share `Mohammed` and `Ali`, the short ones come first. Legal forms
    /// and stopwords find nothing, since nearly every company shares them.
    pub fn candidates(
        &self,
        words: &[String],
        organization: bool,
        kinds: &[Kind],
        limit: usize,
    ) -> Vec<NameId> {
        let mut found: FastMap<NameId, (f32, usize)> = FastMap::default();
        let mut lookups: Vec<String> = words.to_vec();
        lookups.extend(words.windows(2).map(|p| format!("{}{}", p[0], p[1])));
        let mut related = Vec::new();
        for (i, word) in lookups.iter().enumerate() {
            if matches!(
                term_class(word, organization),
                TermClass::LegalForm(_) | TermClass::Stopword
            ) {
                continue;
            }
            let weight = self.weight(word, organization);
            related.clear();
            self.related_terms(word, &mut related);
            for &term in &related {
                for &name in &self.postings[term as usize] {
                    self.credit(&mut found, kinds, name, weight, i);
                }
            }
        }
        // A word written joined that the list writes apart: names holding both halves.
        for (i, word) in words.iter().enumerate() {
            let letters = word.chars().count();
            // Halves of three letters or more: shorter ones are syllables, not words.
            for (at, _) in word.char_indices().skip(3).take(letters.saturating_sub(5)) {
                let (a, b) = word.split_at(at);
                if !self.has_word(a) || !self.has_word(b) {
                    continue;
                }
                let (names_a, names_b) = (self.names_with(a), self.names_with(b));
                if names_a.is_empty() || names_b.is_empty() {
                    continue;
                }
                let weight = self.weight(word, organization);
                let marker = lookups.len() + i;
                for name in intersect(&names_a, &names_b) {
                    self.credit(&mut found, kinds, name, weight, marker);
                }
            }
        }
        let query_total: f32 = words.iter().map(|w| self.weight(w, organization)).sum();
        let slot = organization as usize;
        let mut ranked: Vec<(NameId, f32)> = found
            .into_iter()
            .map(|(n, (w, _))| {
                (
                    n,
                    2.0 * w / (query_total + self.names[n as usize].total_weight[slot]),
                )
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked.into_iter().map(|(n, _)| n).collect()
    }
}

impl NameIndex {
    /// Adds `weight` to a name of one of `kinds`, once per lookup (`marker`):
    /// a query word that finds a name through several terms counts once.
    fn credit(
        &self,
        found: &mut FastMap<NameId, (f32, usize)>,
        kinds: &[Kind],
        name: NameId,
        weight: f32,
        marker: usize,
    ) {
        if !kinds.contains(&self.names[name as usize].kind) {
            return;
        }
        let entry = found.entry(name).or_insert((0.0, usize::MAX));
        if entry.1 != marker {
            entry.0 += weight;
            entry.1 = marker;
        }
    }

    fn has_word(&self, part: &str) -> bool {
        self.by_text.contains_key(part) || self.by_key.contains_key(&variant_key(part))
    }

    /// Names holding a word with this text or its variant key, sorted.
    fn names_with(&self, part: &str) -> Vec<NameId> {
        let mut terms: Vec<TermId> = self
            .by_key
            .get(&variant_key(part))
            .cloned()
            .unwrap_or_default();
        terms.extend(self.by_text.get(part));
        let mut names: Vec<NameId> = terms
            .iter()
            .flat_map(|&t| self.postings[t as usize].iter().copied())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// The common elements of two sorted lists.
fn intersect(a: &[NameId], b: &[NameId]) -> Vec<NameId> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Weight of a word of class `class` found in `names` of `total` names.
pub fn class_weight(class: TermClass, names: u32, total: u32) -> f32 {
    // Inverse document frequency on a 0..1 scale: a word in one name weighs 1.
    let idf = if names <= 1 || total <= 1 {
        1.0
    } else {
        1.0 - (names as f32).ln() / (total as f32).ln()
    };
    match class {
        // Floor: even the commonest surname is evidence when the rest agrees.
        TermClass::Word => idf.max(0.3),
        // Numbers tell 110th from 111th: always strong.
        TermClass::Number => 1.0,
        // Legal forms barely distinguish companies: "Co., Ltd." is half of China.
        TermClass::LegalForm(_) => 0.1,
        // Generic words are shared by thousands of names.
        TermClass::Generic => idf.clamp(0.2, 0.4),
        TermClass::Stopword => 0.05,
    }
}

/// Calls `f` with every string one edit (deletion, swap of neighbours,
/// substitution or insertion of a lower-case letter) from the ASCII `key`.
fn for_each_one_edit(key: &str, mut f: impl FnMut(&str)) {
    let bytes = key.as_bytes();
    let n = bytes.len();
    let mut buf: Vec<u8> = Vec::with_capacity(n + 1);
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

/// FxHash (as in rustc): the index's keys are short strings it made itself,
/// so a fast non-keyed hash is safe and several times faster than SipHash.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

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
            ("110", "111", true),
            ("abcd", "abdc", true),
            ("abcd", "badc", false),
            ("abcd", "abcdef", false),
        ] {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn weights_follow_rarity_and_class() {
        assert_eq!(class_weight(TermClass::Word, 1, 1000), 1.0);
        assert!(
            class_weight(TermClass::Word, 100, 10000) < class_weight(TermClass::Word, 10, 10000)
        );
        assert_eq!(class_weight(TermClass::Word, 10000, 10000), 0.3);
        assert_eq!(class_weight(TermClass::LegalForm("company"), 1, 10), 0.1);
    }
}
