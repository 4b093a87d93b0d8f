//! A hash map for short strings and ids the library makes itself.

use std::collections::HashMap;

/// FxHash (as in rustc): the index's keys are short strings it made itself,
/// so a fast non-keyed hash is safe and several times faster than SipHash.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Whole words are read at a fixed size, a tail byte by byte, and integers
/// as one word: a copy of a variable length is a `memcpy` call in
/// WebAssembly, and the default `write_u32` goes through `write`. The
/// screener hashes a name id for every posting it walks, a quarter of a
/// query's time in WebAssembly before these.
impl std::hash::Hasher for FxHasher {
    /// Eight bytes at a time, little-endian, the last word padded with zeros.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let word = tail
                .iter()
                .enumerate()
                .fold(0u64, |word, (i, &b)| word | u64::from(b) << (8 * i));
            self.add(word);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    /// Each chunk of eight copied into a zeroed word: what `write` reads.
    fn chunked(bytes: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h.add(u64::from_le_bytes(word));
        }
        h.finish()
    }

    #[test]
    fn hashes_every_length_as_chunks_padded_with_zeros() {
        let text = "kimjongunsilverstar-yanbian, 0123456789";
        for end in 0..=text.len() {
            let mut h = FxHasher::default();
            h.write(&text.as_bytes()[..end]);
            assert_eq!(h.finish(), chunked(&text.as_bytes()[..end]), "{end}");
        }
    }

    #[test]
    fn an_integer_is_one_word() {
        let mut a = FxHasher::default();
        a.write_u32(42_540);
        let mut b = FxHasher::default();
        b.write(&42_540u64.to_le_bytes());
        assert_eq!(a.finish(), b.finish());
    }
}
