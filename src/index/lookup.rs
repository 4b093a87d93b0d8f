//! Term ids found by a text the index can give back from the id: a term's
//! text, or its variant key.
//!
//! A map keyed by `Box<str>` copies every text it files: two maps over some
//! 30,000 terms were 60,000 allocations and a few megabytes at every start.
//! [`TextLookup`] files only the ids, each at the hash of its text with 32
//! bits of that hash beside it, and a lookup compares the asked text with
//! the text of an id it probes only when those bits agree (open addressing,
//! linear probing, at most half full). Most lookups are of texts no list
//! holds (a query word with a letter dropped), so most probes end on the
//! bits alone.

use crate::normalize::FxHasher;
use std::hash::Hasher;

use super::TermId;

/// One filed id and the top half of its text's hash.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Slot {
    id: TermId,
    tag: u32,
}

/// Marks an empty slot.
const EMPTY: Slot = Slot {
    id: TermId::MAX,
    tag: 0,
};

/// Ids filed by the hash of their text; the texts stay where the caller keeps them.
pub struct TextLookup {
    slots: Box<[Slot]>,
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

/// The hash's top half: it places the slot (see [`hash`]) and is kept beside the id.
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
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
        assert!(id != EMPTY.id, "term id {id} is the empty mark");
        if (self.filed + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = hash(text);
        match self.find(hash, text, &text_of) {
            Ok(filed) => Some(filed),
            Err(at) => {
                self.slots[at] = Slot { id, tag: tag(hash) };
                self.filed += 1;
                None
            }
        }
    }

    /// The id filed under `text`.
    pub fn get<'t>(&self, text: &str, text_of: impl Fn(TermId) -> &'t str) -> Option<TermId> {
        self.find(hash(text), text, &text_of).ok()
    }

    /// The id filed under `text` (whose hash is `hash`), or the empty slot
    /// where it would go.
    fn find<'t>(
        &self,
        hash: u64,
        text: &str,
        text_of: &impl Fn(TermId) -> &'t str,
    ) -> Result<TermId, usize> {
        let tag = tag(hash);
        let mut at = self.home(hash);
        loop {
            match self.slots[at] {
                EMPTY => return Err(at),
                slot if slot.tag == tag && text_of(slot.id) == text => return Ok(slot.id),
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    /// The slot a hash's probe starts at.
    fn home(&self, hash: u64) -> usize {
        // At least two slots, so the shift is under 64.
        (hash >> self.shift) as usize
    }

    /// Twice the slots, every id filed again (the tags keep the hashes'
    /// top bits, which are the bits that place a slot: no text is read).
    fn grow(&mut self) {
        let mut bigger = TextLookup::with_capacity(self.slots.len());
        for slot in self.slots.iter().filter(|&&s| s != EMPTY) {
            let mut at = bigger.home(u64::from(slot.tag) << 32);
            while bigger.slots[at] != EMPTY {
                at = (at + 1) & bigger.mask;
            }
            bigger.slots[at] = *slot;
        }
        bigger.filed = self.filed;
        *self = bigger;
    }

    /// Every filed id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = TermId> + Clone + '_ {
        self.slots
            .iter()
            .filter(|&&slot| slot != EMPTY)
            .map(|slot| slot.id)
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
