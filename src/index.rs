//! The candidate index: which listed names share a word, a spelling variant,
//! a near spelling or a joined pair of words with the query, so that the full
//! scorer only runs on a few dozen names instead of every name on every list.
//!
//! Every name (primary and alias) is tokenised once at load. Distinct tokens
//! become [`Term`]s with their variant key and weight; each term has a
//! posting list of the names it occurs in. Terms are found from a query token
//! by exact text, by variant key, and by keys one edit apart (a deletion
//! neighbourhood, as in SymSpell). Adjacent word pairs of every name are
//! indexed joined too, so `Silverstar` finds `SILVER STAR`.
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
}

pub struct NameIndex {
    pub terms: Vec<Term>,
    pub names: Vec<NameRecord>,
    by_text: HashMap<String, TermId>,
    by_key: HashMap<String, Vec<TermId>>,
    by_deletion: HashMap<String, Vec<TermId>>,
    /// Per term: the names it occurs in, alone or joined with its neighbour.
    postings: Vec<Vec<NameId>>,
    /// Name count, for weights.
    name_total: u32,
}

impl NameIndex {
    pub fn build(snapshot: &Snapshot) -> NameIndex {
        let mut index = NameIndex {
            terms: Vec::new(),
            names: Vec::new(),
            by_text: HashMap::new(),
            by_key: HashMap::new(),
            by_deletion: HashMap::new(),
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
                for pair in tokenized.tokens.windows(2) {
                    let joined = index.intern(&format!("{}{}", pair[0].text, pair[1].text));
                    let postings = &mut index.postings[joined as usize];
                    if postings.last() != Some(&name_id) {
                        postings.push(name_id);
                    }
                }
                index.names.push(NameRecord {
                    entity: entity_id as u32,
                    alias,
                    kind: entity.kind,
                    weak,
                    terms: terms.into_boxed_slice(),
                    family_len: tokenized.family_len.unwrap_or(0).min(u8::MAX as usize) as u8,
                });
            }
        }
        index.name_total = index.names.len() as u32;
        index
    }

    fn intern(&mut self, text: &str) -> TermId {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        let id = self.terms.len() as TermId;
        let key = variant_key(text);
        if key.chars().count() >= MIN_FUZZY_KEY_LEN {
            for deleted in deletions(&key).into_iter().chain(std::iter::once(key.clone())) {
                let ids = self.by_deletion.entry(deleted).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        self.by_key.entry(key.clone()).or_default().push(id);
        self.by_text.insert(text.to_string(), id);
        self.terms.push(Term { text: text.to_string(), key, names: 0 });
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
        let names = self.term_id(text).map_or(0, |t| self.terms[t as usize].names);
        class_weight(term_class(text, organization), names, self.name_total)
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
        if key.chars().count() >= MIN_FUZZY_KEY_LEN {
            for deleted in deletions(&key).into_iter().chain(std::iter::once(key.clone())) {
                if let Some(ids) = self.by_deletion.get(&deleted) {
                    out.extend(
                        ids.iter().copied().filter(|&t| within_one_edit(&key, &self.terms[t as usize].key)),
                    );
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Names worth scoring for these query words, best first, at most `limit`.
    ///
    /// Each name gets the summed weight of the query words (and joined
    /// adjacent pairs) that found it; legal forms and stopwords find nothing,
    /// since nearly every company shares them.
    pub fn candidates(&self, words: &[String], organization: bool, kinds: &[Kind], limit: usize) -> Vec<NameId> {
        let mut found: HashMap<NameId, (f32, usize)> = HashMap::new();
        let mut lookups: Vec<String> = words.to_vec();
        lookups.extend(words.windows(2).map(|p| format!("{}{}", p[0], p[1])));
        let mut related = Vec::new();
        for (i, word) in lookups.iter().enumerate() {
            if matches!(term_class(word, organization), TermClass::LegalForm(_) | TermClass::Stopword) {
                continue;
            }
            let weight = self.weight(word, organization);
            related.clear();
            self.related_terms(word, &mut related);
            for &term in &related {
                for &name in &self.postings[term as usize] {
                    if !kinds.contains(&self.names[name as usize].kind) {
                        continue;
                    }
                    let entry = found.entry(name).or_insert((0.0, usize::MAX));
                    if entry.1 != i {
                        entry.0 += weight;
                        entry.1 = i;
                    }
                }
            }
        }
        let mut ranked: Vec<(NameId, f32)> = found.into_iter().map(|(n, (w, _))| (n, w)).collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked.into_iter().map(|(n, _)| n).collect()
    }
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

/// All strings made by deleting one character of `key`.
fn deletions(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    (0..chars.len())
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect()
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
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (la - prefix - suffix.min(la - prefix), lb - prefix - suffix.min(lb - prefix));
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
        assert!(class_weight(TermClass::Word, 100, 10000) < class_weight(TermClass::Word, 10, 10000));
        assert_eq!(class_weight(TermClass::Word, 10000, 10000), 0.3);
        assert_eq!(class_weight(TermClass::LegalForm("company"), 1, 10), 0.1);
    }
}
