//! Term ids found by a text the index can give back from the id: a term's
//! text, or its variant key.
//!
//! A map keyed by `Box<str>` copies every text it files: two maps over some
//! 30,000 terms were 60,000 allocations and a few megabytes at every start.
//! [`TextLookup`] files only the ids, each at the hash of its text, and a
//! lookup compares the asked text with the texts of the ids it probes
//! (open addressing, linear probing, at most half full).

use crate::normalize::FxHasher;
use std::hash::Hasher;

use super::TermId;

/// Marks an empty slot.
const EMPTY: TermId = TermId::MAX;

/// Ids filed by the hash of their text; the texts stay where the caller keeps them.
pub struct TextLookup {
    slots: Box<[TermId]>,
    /// `slots.len() - 1`: the length is a power of two.
    mask: usize,
    /// 64 less the bits of a slot number: a hash's top bits pick its slot.
    shift: u32,
    /// Ids filed: at most half the slots, or a lookup of an absent text
    /// could probe every slot.
    filed: usize,
}

/// The text's FxHash. Its high bits are the mixed ones (the low bits of a
/// product depend only on the low bits of the text's first bytes), so
/// [`TextLookup::home`] takes a slot from the top.
fn hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

impl TextLookup {
    /// Room for `count` texts with every other slot empty, so probes stay short.
    pub fn with_capacity(count: usize) -> TextLookup {
        let len = (count.max(1) * 2).next_power_of_two();
        TextLookup {
            slots: vec![EMPTY; len].into_boxed_slice(),
            mask: len - 1,
            shift: 64 - len.trailing_zeros(),
            filed: 0,
        }
    }

    /// Files `id` under `text`, unless an id with that text is filed: then
    /// leaves it and returns it. `text_of` gives a filed id's text.
    pub fn insert<'t>(
        &mut self,
        text: &str,
        id: TermId,
        text_of: impl Fn(TermId) -> &'t str,
    ) -> Option<TermId> {
        assert!(id != EMPTY, "term id {id} is the empty mark");
        if (self.filed + 1) * 2 > self.slots.len() {
            self.grow(&text_of);
        }
        let mut at = self.home(text);
        loop {
            match self.slots[at] {
                EMPTY => {
                    self.slots[at] = id;
                    self.filed += 1;
                    return None;
                }
                filed if text_of(filed) == text => return Some(filed),
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    /// The slot a text's probe starts at.
    fn home(&self, text: &str) -> usize {
        // At least two slots, so the shift is under 64.
        (hash(text) >> self.shift) as usize
    }

    /// Twice the slots, every id filed again.
    fn grow<'t>(&mut self, text_of: &impl Fn(TermId) -> &'t str) {
        let mut bigger = TextLookup::with_capacity(self.slots.len());
        for id in self.ids() {
            let mut at = bigger.home(text_of(id));
            while bigger.slots[at] != EMPTY {
                at = (at + 1) & bigger.mask;
            }
            bigger.slots[at] = id;
        }
        bigger.filed = self.filed;
        *self = bigger;
    }

    /// The id filed under `text`.
    pub fn get<'t>(&self, text: &str, text_of: impl Fn(TermId) -> &'t str) -> Option<TermId> {
        let mut at = self.home(text);
        loop {
            match self.slots[at] {
                EMPTY => return None,
                filed if text_of(filed) == text => return Some(filed),
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    /// Every filed id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = TermId> + Clone + '_ {
        self.slots.iter().copied().filter(|&id| id != EMPTY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_filed_and_nothing_else() {
        let texts = ["kim", "jong", "un", "silverstar", "", "kim jong"];
        let mut lookup = TextLookup::with_capacity(texts.len());
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(
                lookup.insert(text, id as TermId, |t| texts[t as usize]),
                None
            );
        }
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(lookup.get(text, |t| texts[t as usize]), Some(id as TermId));
        }
        for absent in ["ki", "kimm", "silver", "jong un"] {
            assert_eq!(lookup.get(absent, |t| texts[t as usize]), None, "{absent}");
        }
        let mut ids: Vec<TermId> = lookup.ids().collect();
        ids.sort_unstable();
        assert_eq!(ids, (0..texts.len() as TermId).collect::<Vec<_>>());
    }

    #[test]
    fn a_text_filed_again_keeps_its_first_id() {
        let texts = ["kim", "kim", "park"];
        let mut lookup = TextLookup::with_capacity(1);
        assert_eq!(lookup.insert("kim", 0, |t| texts[t as usize]), None);
        assert_eq!(lookup.insert("kim", 1, |t| texts[t as usize]), Some(0));
        assert_eq!(lookup.insert("park", 2, |t| texts[t as usize]), None);
        assert_eq!(lookup.get("kim", |t| texts[t as usize]), Some(0));
        assert_eq!(lookup.ids().count(), 2);
        assert_eq!(lookup.get("lee", |t| texts[t as usize]), None);
    }

    #[test]
    fn grows_past_its_capacity() {
        let texts: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
        let mut lookup = TextLookup::with_capacity(3);
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(
                lookup.insert(text, id as TermId, |t| &texts[t as usize]),
                None
            );
        }
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(lookup.get(text, |t| &texts[t as usize]), Some(id as TermId));
        }
        assert_eq!(lookup.get("word100", |t| &texts[t as usize]), None);
    }
}
