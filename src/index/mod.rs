//! The candidate index: which listed names share a word, a spelling variant,
//! a near spelling or a joined pair of words with the query, so that the full
//! scorer only runs on a few hundred names instead of every name on every list.
//!
//! Every name (primary and alias) is tokenised once, at build time for the
//! embedded lists ([`TokenTable`]). Distinct tokens become [`Term`]s with
//! their variant key and weight; each term has a posting list of the names it
//! occurs in. Terms are found from a query token (and from its alternate
//! reading, such as `sang` for `Сан`) by exact text, by variant key, by keys
//! one edit apart (found through their shared one-letter deletions, filed at
//! the first query), and by the query's text with one letter dropped
//! or two neighbours swapped; a word without its inner vowels by the words
//! it is the skeleton of (`Njmddn`), and a person's last word that no
//! listed name holds by the words it begins (`Nik`). A query word
//! is also tried split in two (`Silverstar` finds names holding `SILVER` and
//! `STAR`), and adjacent query words joined (`Song Hwa` finds `SONGHWA`).
//!
//! These are the ways the scorer aligns tokens, so the index finds the names
//! the scorer could score; it hands the best-ranked of them to the scorer.
//! Exceptions: the scorer also takes a letter added or changed as a typo
//! where spelling classes put the keys further apart (`Mohaed`/`Mohamed`),
//! and the weak rules take initials, slips in words of three or four
//! letters and cuts of two letters, which the index does not look up
//! either; such a name is found through its other
//! words. A test checks that the indexed search returns the same top results
//! as scoring every name.

mod credits;
mod lookup;

use crate::config::{MAX_PREFIX_TERMS, MIN_FUZZY_KEY_LEN};
use credits::Credits;
use lookup::TextLookup;
use sanctions_lists::snapshot::Entries;
use sanctions_lists::Kind;

use crate::normalize::{
    for_each_slip, is_vowel_skeleton_of, looks_vowel_dropped, population_share, skeleton_hash,
    term_class, term_classes, variant_key, variant_key_into, vowel_skeleton_hashes, EditNeighbours,
    JoinBuffers, TermClass, Token, TokenTable, WordFacts, NOT_YET,
};
use crate::weights::{class_weight, evidence_weight, Weighing};
use std::sync::atomic::{AtomicU64, Ordering};

pub type TermId = u32;
pub type NameId = u32;

/// Marks a [`NameRecord`] that is an entity's primary name, not an alias.
pub const PRIMARY: u16 = u16::MAX;

/// One distinct normalised word of the listed names (its text is
/// [`NameIndex::term_text`], its variant key [`NameIndex::term_key`]).
pub struct Term {
    /// How many names it occurs in.
    pub names: u32,
    /// Its class and weight read in a person's name (slot 0) and in a
    /// company's (slot 1), fixed once the counts are known: the scorer reads
    /// them for every candidate token.
    pub class: [TermClass; 2],
    pub weight: [f32; 2],
    /// What it counts for when it matches: its weight, or less for a part
    /// that many applicants bear ([`evidence_weight`]).
    pub evidence: [f32; 2],
    /// What the scorer's rules read of it, worked out the first time a
    /// candidate name with it is scored ([`NameIndex::term_facts`]): a query
    /// meets a few hundred of the 30,165 words, and working them all out was
    /// a seventh of every start.
    facts: std::sync::OnceLock<WordFacts>,
}

/// One name of one entity: its primary name or an alias.
pub struct NameRecord {
    pub entity: u32,
    /// The entity's list (a copy of `Entity::list`: the screener filters
    /// candidates by list, and reading the entity's was a cache miss each).
    pub list: u16,
    /// Index into the entity's aliases, or [`PRIMARY`].
    pub alias: u16,
    pub kind: Kind,
    pub weak: bool,
    /// Its position in the token table: [`NameIndex::name_terms`] reads its terms.
    position: u32,
    /// Leading terms that are the family name (`KIM, Sang Man` → 1), or 0.
    pub family_len: u8,
    /// Summed weight of the terms, read as a person's name and as a company's:
    /// ranks candidates by how much of the name the query can cover.
    pub total_weight: [f32; 2],
}

/// The index keeps few, large allocations (it is built at every start): term
/// texts and per-name term ids stay in the [`TokenTable`], the variant keys
/// are one string, the lookups by text and key file ids only, postings are
/// one array, and the terms sharing a variant key are chained, not listed.
pub struct NameIndex {
    pub terms: Vec<Term>,
    pub names: Vec<NameRecord>,
    tokens: TokenTable,
    /// Every term's variant key, end to end; term `t`'s is
    /// `key_starts[t]..key_starts[t + 1]` (0, then the running totals).
    keys: String,
    key_starts: Vec<u32>,
    by_text: TextLookup,
    /// The first term with each variant key; [`NO_TERM`]-ended chains in
    /// `next_same_key` lead to the others.
    by_key: TextLookup,
    next_same_key: Vec<TermId>,
    /// Term `t`'s names, in increasing order, are
    /// `posting_names[posting_starts[t]..posting_starts[t + 1]]`.
    posting_starts: Vec<u32>,
    posting_names: Vec<NameId>,
    /// Name count, for weights.
    name_total: u32,
    /// [`joined_key_hash`](crate::normalize::joined_key_hash) of each word
    /// of each name with the next, at the word's place in
    /// [`TokenTable::name_span`] (a name's last slot is unused): the scorer
    /// compares a query word with two listed words joined without making
    /// their key for every candidate. Filled a name at a time when it is
    /// first scored ([`NOT_YET`] until then): most names never are, and
    /// filling all of them would add a third to the load.
    joined: Vec<AtomicU64>,
    /// Terms filed by the hash of each of their vowel skeletons (`njmddn`
    /// → `najmuddin`), sorted, built at the first query that has a word
    /// without inner vowels: most never do. A vector, not a map of texts:
    /// no allocation a skeleton.
    skeletons: std::sync::OnceLock<Vec<(u64, TermId)>>,
    /// Term ids in the order of their texts, for the words a cut last word
    /// begins (`Nik`: `nikolai`, `nikolaevich`...); built at the first
    /// person's name whose last word no listed name holds.
    by_prefix: std::sync::OnceLock<Vec<TermId>>,
    /// The keys one edit apart from a query word's key: see
    /// [`NameIndex::edit_neighbours`].
    edit_neighbours: std::sync::OnceLock<EditNeighbours>,
}

/// A name's terms, each once (`AL ALI AND AL HAMZA` holds `al` twice): a
/// term counts and posts a name once.
fn distinct(ids: &[TermId]) -> impl Iterator<Item = TermId> + '_ {
    ids.iter()
        .enumerate()
        .filter(|&(i, term)| !ids[..i].contains(term))
        .map(|(_, &term)| term)
}

/// Ends a chain of terms sharing a key.
const NO_TERM: TermId = TermId::MAX;

/// Term `term`'s variant key in the keys laid end to end.
#[inline]
fn key_in<'k>(keys: &'k str, key_starts: &[u32], term: TermId) -> &'k str {
    let t = term as usize;
    &keys[key_starts[t] as usize..key_starts[t + 1] as usize]
}

impl NameIndex {
    /// Builds the index from the entries' names already tokenised, in
    /// [`Entries::names`] order (by the build script for the embedded lists,
    /// at run time for a snapshot made from newer list files). Fails when
    /// the table does not cover exactly those names.
    pub fn from_tokens(entries: &Entries, tokens: TokenTable) -> Result<NameIndex, String> {
        let term_count = tokens.term_count();
        let mut terms = Vec::with_capacity(term_count);
        // Keys are about as long as the words (eight letters on average).
        let mut keys = String::with_capacity(term_count * 8);
        let mut key = String::new();
        let mut key_starts = Vec::with_capacity(term_count + 1);
        key_starts.push(0);
        let mut by_text = TextLookup::with_capacity(term_count);
        let mut by_key = TextLookup::with_capacity(term_count);
        let mut next_same_key = vec![NO_TERM; term_count];
        for id in 0..term_count as TermId {
            let text = tokens.term(id);
            let key_start = keys.len();
            variant_key_into(text, &mut key);
            keys.push_str(&key);
            key_starts.push(keys.len() as u32);
            let key_of = |t: TermId| key_in(&keys, &key_starts, t);
            // Chain this term behind the first with its key.
            if let Some(first) = by_key.insert(&keys[key_start..], id, key_of) {
                next_same_key[id as usize] = next_same_key[first as usize];
                next_same_key[first as usize] = id;
            }
            if by_text.insert(text, id, |t| tokens.term(t)).is_some() {
                return Err(format!("the token table holds the term {text:?} twice"));
            }
            terms.push(Term {
                facts: std::sync::OnceLock::new(),
                names: 0,
                class: [TermClass::Word; 2],
                weight: [0.0; 2],
                evidence: [0.0; 2],
            });
        }
        // Names, and how many names each term occurs in (once per name).
        let mut names = Vec::with_capacity(tokens.name_count());
        let mut listed = 0;
        for (position, name) in entries.names().enumerate() {
            listed += 1;
            if position >= tokens.name_count() || tokens.name_terms(position).is_empty() {
                continue;
            }
            for term in distinct(tokens.name_terms(position)) {
                terms[term as usize].names += 1;
            }
            names.push(NameRecord {
                entity: name.entity,
                alias: name.alias.unwrap_or(PRIMARY),
                kind: entries.kind(name.entity as usize),
                list: entries.list(name.entity as usize),
                weak: name.weak,
                position: position as u32,
                family_len: tokens.family_len(position),
                total_weight: [0.0; 2],
            });
        }
        if listed != tokens.name_count() {
            return Err(format!(
                "the token table covers {} names, the lists have {listed}",
                tokens.name_count()
            ));
        }
        // Postings: one array, each term's slice filled in name order.
        let mut posting_starts = Vec::with_capacity(term_count + 1);
        let mut at = 0u32;
        for term in &terms {
            posting_starts.push(at);
            at += term.names;
        }
        posting_starts.push(at);
        let mut fill = posting_starts.clone();
        let mut posting_names = vec![0; at as usize];
        for (name_id, record) in names.iter().enumerate() {
            for term in distinct(tokens.name_terms(record.position as usize)) {
                posting_names[fill[term as usize] as usize] = name_id as NameId;
                fill[term as usize] += 1;
            }
        }
        let total = names.len() as u32;
        for (id, term) in terms.iter_mut().enumerate() {
            let share = population_share(key_in(&keys, &key_starts, id as TermId));
            term.class = term_classes(tokens.term(id as TermId));
            for (slot, organization) in [(0, false), (1, true)] {
                term.weight[slot] = class_weight(term.class[slot], term.names, total);
                term.evidence[slot] =
                    evidence_weight(term.weight[slot], share, organization, total);
            }
        }
        for name in &mut names {
            for slot in 0..2 {
                name.total_weight[slot] = tokens
                    .name_terms(name.position as usize)
                    .iter()
                    .map(|&t| terms[t as usize].weight[slot])
                    .sum();
            }
        }
        let joined = (0..tokens.name_term_total())
            .map(|_| AtomicU64::new(NOT_YET))
            .collect();
        Ok(NameIndex {
            joined,
            terms,
            names,
            tokens,
            keys,
            key_starts,
            by_text,
            by_key,
            next_same_key,
            posting_starts,
            posting_names,
            name_total: total,
            skeletons: std::sync::OnceLock::new(),
            by_prefix: std::sync::OnceLock::new(),
            edit_neighbours: std::sync::OnceLock::new(),
        })
    }

    /// The listed names tokenised, in [`Entries::names`] order.
    pub fn tokens(&self) -> &TokenTable {
        &self.tokens
    }

    /// A term's normalised text. (This and the term and name accessors
    /// below are `#[inline]`, as the token table's are: the scorer calls
    /// them for every word of every candidate.)
    #[inline]
    pub fn term_text(&self, term: TermId) -> &str {
        self.tokens.term(term)
    }

    /// What the scorer's rules read of a term, worked out at its first read.
    pub fn term_facts(&self, term: TermId) -> &WordFacts {
        self.terms[term as usize]
            .facts
            .get_or_init(|| WordFacts::of(self.term_text(term), self.term_key(term)))
    }

    /// A term's variant key ([`variant_key`] of its text).
    #[inline]
    pub fn term_key(&self, term: TermId) -> &str {
        key_in(&self.keys, &self.key_starts, term)
    }

    /// A name's terms, in the order written.
    #[inline]
    pub fn name_terms(&self, name: &NameRecord) -> &[TermId] {
        self.tokens.name_terms(name.position as usize)
    }

    /// [`joined_key_hash`](crate::normalize::joined_key_hash) of each of a
    /// name's terms with the next, into `out`; `buffers` make the keys the
    /// first time (see `joined`).
    pub fn name_joined(&self, name: &NameRecord, buffers: &mut JoinBuffers, out: &mut Vec<u64>) {
        out.clear();
        let span = self.tokens.name_span(name.position as usize);
        let terms = self.tokens.name_terms(name.position as usize);
        for (slot, pair) in self.joined[span].iter().zip(terms.windows(2)) {
            let mut hash = slot.load(Ordering::Relaxed);
            if hash == NOT_YET {
                // Threads that race here store the same value.
                hash = buffers.joined_key_hash(self.term_text(pair[0]), self.term_text(pair[1]));
                slot.store(hash, Ordering::Relaxed);
            }
            out.push(hash);
        }
    }

    /// The names a term occurs in, in increasing order.
    fn postings(&self, term: TermId) -> &[NameId] {
        let t = term as usize;
        &self.posting_names[self.posting_starts[t] as usize..self.posting_starts[t + 1] as usize]
    }

    /// Every term whose variant key is `key`.
    fn terms_with_key(&self, key: &str) -> impl Iterator<Item = TermId> + '_ {
        let first = self.by_key.get(key, |t| self.term_key(t));
        std::iter::successors(first, |&t| {
            let next = self.next_same_key[t as usize];
            (next != NO_TERM).then_some(next)
        })
    }

    pub fn term_id(&self, text: &str) -> Option<TermId> {
        self.by_text.get(text, |t| self.term_text(t))
    }

    /// How much a word weighs in a name: rare words identify, frequent ones
    /// (`Kim`, `Mohammad`, `Trading`) less; legal forms and generic words are
    /// capped by their class. A word no list contains weighs fully.
    pub fn weight(&self, text: &str, organization: bool) -> f32 {
        match self.term_id(text) {
            Some(t) => self.terms[t as usize].weight[organization as usize],
            None => class_weight(term_class(text, organization), 0, self.name_total),
        }
    }

    /// The class, weight and evidence of a word whose variant key is `key`,
    /// from the term when a list has it.
    pub fn weighing(&self, text: &str, key: &str, organization: bool) -> Weighing {
        let slot = organization as usize;
        match self.term_id(text) {
            Some(t) => {
                let term = &self.terms[t as usize];
                Weighing {
                    class: term.class[slot],
                    weight: term.weight[slot],
                    evidence: term.evidence[slot],
                }
            }
            None => {
                let class = term_class(text, organization);
                let weight = class_weight(class, 0, self.name_total);
                let share = population_share(key);
                Weighing {
                    class,
                    weight,
                    evidence: evidence_weight(weight, share, organization, self.name_total),
                }
            }
        }
    }

    /// The terms a query token can align with: same text, same key, keys one
    /// edit apart, or the text with a letter dropped or two swapped.
    pub fn related_terms(&self, text: &str, out: &mut Vec<TermId>) {
        let key = variant_key(text);
        out.extend(self.term_id(text));
        out.extend(self.terms_with_key(&key));
        if key.len() >= MIN_FUZZY_KEY_LEN && key.is_ascii() {
            // Every listed key one edit away, by the keys' shared deletions:
            // a lookup a letter.
            self.edit_neighbours().for_each(
                &key,
                |first| self.term_key(first),
                |first| out.extend(self.terms_with_key(self.term_key(first))),
            );
        }
        if looks_vowel_dropped(text) {
            // A word without its inner vowels (`Njmddn`): the words it is the
            // skeleton of.
            self.terms_with_skeleton(text, out);
        }
        if text.len() >= MIN_FUZZY_KEY_LEN && text.is_ascii() {
            // And the query's text with a letter dropped or two swapped:
            // folding can put such a slip two key edits apart
            // (`Technoolgies`: the `oo` folds). Only these two, since the key
            // lookups find most other typos.
            for_each_slip(text, |edited| out.extend(self.term_id(edited)));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The terms that begin with `prefix` and are longer, when there are
    /// at most [`MAX_PREFIX_TERMS`]: a prefix of two or three letters that
    /// begins thousands of words finds nothing.
    fn terms_beginning(&self, prefix: &str) -> &[TermId] {
        let sorted = self.by_prefix.get_or_init(|| {
            // A text's first eight bytes, as a big-endian number, order
            // texts as the texts do (a shorter text is padded with zeros,
            // and a tie is settled by the texts): most comparisons are of
            // two numbers, not of two texts reached through the table.
            let leading = |text: &str| {
                let mut bytes = [0u8; 8];
                let n = text.len().min(8);
                bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
                u64::from_be_bytes(bytes)
            };
            let mut ids: Vec<(u64, TermId)> = (0..self.terms.len() as TermId)
                .map(|id| (leading(self.term_text(id)), id))
                .collect();
            ids.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| self.term_text(a.1).cmp(self.term_text(b.1)))
            });
            ids.into_iter().map(|(_, id)| id).collect()
        });
        let start = sorted.partition_point(|&t| self.term_text(t) <= prefix);
        let end =
            start + sorted[start..].partition_point(|&t| self.term_text(t).starts_with(prefix));
        if end - start > MAX_PREFIX_TERMS {
            return &[];
        }
        &sorted[start..end]
    }

    /// The listed keys filed by their deletions, each under the first term
    /// with that key; built at the first query word long enough to look up.
    fn edit_neighbours(&self) -> &EditNeighbours {
        self.edit_neighbours.get_or_init(|| {
            EditNeighbours::build(self.by_key.ids().map(|first| (first, self.term_key(first))))
        })
    }

    /// Adds the terms `skeleton` is a vowel skeleton of.
    fn terms_with_skeleton(&self, skeleton: &str, out: &mut Vec<TermId>) {
        let filed = self.skeletons.get_or_init(|| {
            let mut filed: Vec<(u64, TermId)> = (0..self.terms.len() as TermId)
                .flat_map(|id| vowel_skeleton_hashes(self.term_text(id)).map(move |h| (h, id)))
                .collect();
            filed.sort_unstable();
            filed
        });
        let hash = skeleton_hash(skeleton.bytes());
        let start = filed.partition_point(|&(h, _)| h < hash);
        // The hash finds the candidates; the letters decide.
        for &(_, id) in filed[start..].iter().take_while(|&&(h, _)| h == hash) {
            if is_vowel_skeleton_of(self.term_text(id), skeleton) {
                out.push(id);
            }
        }
    }

    /// Names worth scoring for these query words, best first, at most `limit`.
    ///
    /// Each name gets the summed weight of the query words (and joined
    /// adjacent pairs) that found it, and is ranked by the Dice score that
    /// would give if every found word matched exactly: so among the many names
    /// that share `Mohammed` and `Ali`, the short ones come first. Legal forms
    /// and stopwords find nothing, since nearly every company shares them.
    /// A token's alternate reading, when it has one (`Сан`: `sang` beside
    /// `san`), finds names too.
    pub fn candidates(
        &self,
        tokens: &[Token],
        organization: bool,
        kinds: &[Kind],
        limit: usize,
    ) -> Vec<NameId> {
        Credits::with(self.names.len(), |found| {
            self.credit_names(tokens, organization, kinds, found);
            self.best_credited(tokens, organization, limit, found)
        })
    }

    /// Credits every name a query word (or two joined, or a word split in
    /// two) finds, with the word's weight.
    fn credit_names(
        &self,
        tokens: &[Token],
        organization: bool,
        kinds: &[Kind],
        found: &mut Credits,
    ) {
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        // The words, then each adjacent pair joined.
        let mut lookups: Vec<std::borrow::Cow<'_, str>> = words.iter().map(|&w| w.into()).collect();
        lookups.extend(words.windows(2).map(|p| [p[0], p[1]].concat().into()));
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
            if let Some(alternate) = tokens.get(i).and_then(|t| t.alternate.as_deref()) {
                self.related_terms(alternate, &mut related);
            }
            // The last word may be cut short (`Vasiliy Nik`): the words it
            // begins, as the scorer reads it. Only a word of three letters
            // or more that no listed name holds: a cut word is rarely a word
            // of its own, and the lookup costs a tenth of a millisecond.
            if !organization
                && i + 1 == words.len()
                && words.len() > 1
                && word.len() >= 3
                && self.term_id(word).is_none()
            {
                related.extend_from_slice(self.terms_beginning(word));
            }
            for &term in &related {
                // The query word is no legal form or stopword (those were
                // passed over above), so one of those near it is a near
                // spelling only (`Cssc` and `JSC` share a key): it would find
                // every joint-stock company.
                if matches!(
                    self.terms[term as usize].class[organization as usize],
                    TermClass::LegalForm(_) | TermClass::Stopword
                ) {
                    continue;
                }
                for &name in self.postings(term) {
                    self.credit(found, kinds, name, weight, i);
                }
            }
        }
        // A word written joined that the list writes apart: names holding both halves.
        for (i, word) in words.iter().enumerate() {
            let letters = word.chars().count();
            let weight = self.weight(word, organization);
            let marker = lookups.len() + i;
            // Halves of two letters or more: a Chinese given name is written
            // joined (`Wenfu` for `Wen-Fu`), an article onto a name
            // (`ALGHAZALI`, `ELHEIT`). And an Arabic compound with its
            // article inside (`ABDALGHAFUR`, `Safialdin`): the halves either
            // side of an article of two letters.
            let halves = word.char_indices().skip(2).take(letters.saturating_sub(3));
            for at in halves.map(|(at, _)| at) {
                let (a, b) = word.split_at(at);
                if !self.has_word(a) {
                    continue;
                }
                let after_article = b.get(2..).filter(|rest| {
                    rest.len() >= 2 && term_class(&b[..2], organization) == TermClass::Stopword
                });
                let mut lists_a = None;
                for b in std::iter::once(b).chain(after_article) {
                    if !self.has_word(b) {
                        continue;
                    }
                    let lists_a = lists_a.get_or_insert_with(|| self.postings_with(a));
                    for name in intersect(lists_a, &self.postings_with(b)) {
                        self.credit(found, kinds, name, weight, marker);
                    }
                }
            }
        }
    }

    /// The best `limit` credited names, best first.
    fn best_credited(
        &self,
        tokens: &[Token],
        organization: bool,
        limit: usize,
        found: &Credits,
    ) -> Vec<NameId> {
        let query_total: f32 = tokens
            .iter()
            .map(|t| self.weight(&t.text, organization))
            .sum();
        let slot = organization as usize;
        let mut ranked: Vec<(NameId, f32)> = found
            .iter()
            .map(|(n, w)| {
                (
                    n,
                    2.0 * w / (query_total + self.names[n as usize].total_weight[slot]),
                )
            })
            .collect();
        let order = |a: &(NameId, f32), b: &(NameId, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        // A common word finds thousands of names: pick the best `limit`
        // before sorting them, rather than sort them all.
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(n, _)| n).collect()
    }
}

impl NameIndex {
    /// Adds `weight` to a name of one of `kinds`, once per lookup (`marker`):
    /// a query word that finds a name through several terms counts once.
    fn credit(
        &self,
        found: &mut Credits,
        kinds: &[Kind],
        name: NameId,
        weight: f32,
        marker: usize,
    ) {
        if !kinds.contains(&self.names[name as usize].kind) {
            return;
        }
        found.credit(name, weight, marker);
    }

    fn has_word(&self, part: &str) -> bool {
        self.term_id(part).is_some() || self.terms_with_key(&variant_key(part)).next().is_some()
    }

    /// The posting lists of the terms with this text or its variant key.
    fn postings_with(&self, part: &str) -> Vec<&[NameId]> {
        let mut terms: Vec<TermId> = self.terms_with_key(&variant_key(part)).collect();
        terms.extend(self.term_id(part));
        terms.sort_unstable();
        terms.dedup();
        terms.into_iter().map(|t| self.postings(t)).collect()
    }
}

/// The names in some list of `a` and some list of `b` (each list sorted),
/// sorted and once each. Walks the shorter side and binary-searches the
/// longer: halves such as `STATE` are in thousands of names.
fn intersect(a: &[&[NameId]], b: &[&[NameId]]) -> Vec<NameId> {
    let len = |side: &[&[NameId]]| side.iter().map(|l| l.len()).sum::<usize>();
    let (short, long) = if len(a) <= len(b) { (a, b) } else { (b, a) };
    let mut out: Vec<NameId> = short
        .iter()
        .flat_map(|l| l.iter().copied())
        .filter(|n| long.iter().any(|l| l.binary_search(n).is_ok()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
