//! What the scorer reads of a word again and again, worked out once per
//! word ([`WordFacts`]): at load for each listed word, once a query for a
//! query word. And the hash of a variant key ([`key_hash`]), with which the
//! scorer compares a query word with two listed words joined
//! ([`joined_key_hash`], kept per name by the index) without making the
//! joined key for every candidate.

use crate::{
    is_legal_phrase_word, is_number, listed_variant_class, looks_initialism, looks_short_skeleton,
    looks_vowel_dropped, ocr_reading, variant_key_into, FxHasher,
};

/// What the rules ask of a word for every pair it is compared in, worked out
/// once per word: at load for a listed word, once a query for a query word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordFacts {
    /// Letters in the word, and in its variant key.
    pub chars: usize,
    pub key_chars: usize,
    pub number: bool,
    /// [`is_legal_phrase_word`] of the word: asked of every word of every
    /// company the scorer meets, so asked once here.
    pub legal_phrase_word: bool,
    /// [`looks_vowel_dropped`] and [`looks_short_skeleton`] of the word:
    /// asked of a query word beside every listed word it meets.
    pub vowel_dropped: bool,
    pub short_skeleton: bool,
    /// [`looks_initialism`] of the word: asked beside every word it meets.
    pub initialism: bool,
    /// [`listed_variant_class`] of the word.
    pub variant_class: Option<&'static str>,
    /// [`ocr_reading`] of the word.
    pub ocr: Option<Box<str>>,
    /// [`key_hash`] of its variant key: compared with the hash of two
    /// listed words joined.
    pub key_hash: u64,
}

impl WordFacts {
    pub fn of(text: &str, key: &str) -> WordFacts {
        WordFacts {
            chars: text.chars().count(),
            key_chars: key.chars().count(),
            number: is_number(text),
            legal_phrase_word: is_legal_phrase_word(text),
            vowel_dropped: looks_vowel_dropped(text),
            short_skeleton: looks_short_skeleton(text),
            initialism: looks_initialism(text),
            variant_class: listed_variant_class(text),
            ocr: ocr_reading(text).map(String::into_boxed_str),
            key_hash: key_hash(key),
        }
    }
}

/// The hash of a variant key, for comparing a word's key with the key of two
/// listed words joined without making that key for every candidate. Never
/// [`NO_JOIN`] or [`NOT_YET`].
pub fn key_hash(key: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.finish().clamp(NO_JOIN + 1, NOT_YET - 1)
}

/// Stands for "no joined key" where two listed words are not read as one
/// word (a number is involved).
pub const NO_JOIN: u64 = 0;
/// Stands for "not worked out yet", for those who fill hashes lazily.
pub const NOT_YET: u64 = u64::MAX;

/// [`key_hash`] of two adjacent words joined (`SONG` `HWA` → `songhwa`), or
/// [`NO_JOIN`] where a number is involved (`LAB 110` is not `LAB110`).
pub fn joined_key_hash(a: &str, b: &str) -> u64 {
    JoinBuffers::default().joined_key_hash(a, b)
}

/// Room to join two words and make their key without allocating, once grown.
#[derive(Default)]
pub struct JoinBuffers {
    text: String,
    key: String,
}

impl JoinBuffers {
    /// [`joined_key_hash`].
    pub fn joined_key_hash(&mut self, a: &str, b: &str) -> u64 {
        if is_number(a) || is_number(b) {
            return NO_JOIN;
        }
        key_hash(self.joined_key(a, b))
    }

    /// The variant key of `a` and `b` written as one word.
    pub fn joined_key(&mut self, a: &str, b: &str) -> &str {
        self.text.clear();
        self.text.push_str(a);
        self.text.push_str(b);
        variant_key_into(&self.text, &mut self.key);
        &self.key
    }
}
