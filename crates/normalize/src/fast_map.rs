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

impl std::hash::Hasher for FxHasher {
    /// Eight bytes a step, little-endian, the last step padded with zeros.
    /// The tail is gathered byte by byte rather than copied: a copy of
    /// under eight bytes is a call to `memcpy` in WebAssembly.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k));
            self.add(word);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    // Ids are hashed as one step each, the same value `write` gives their
    // little-endian bytes, without going through a byte slice.
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
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
    use super::FxHasher;
    use std::hash::Hasher;

    /// The hash as first written, a zero-padded copy a step: hashes kept
    /// anywhere (the index's joined keys) must not change with the faster form.
    fn reference(bytes: &[u8]) -> u64 {
        let mut h = 0u64;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        h
    }

    #[test]
    fn bytes_and_ids_hash_as_their_little_endian_bytes() {
        let text = "najmuddin al-silverstar technology";
        for len in 0..text.len() {
            let mut h = FxHasher::default();
            h.write(&text.as_bytes()[..len]);
            assert_eq!(
                h.finish(),
                reference(&text.as_bytes()[..len]),
                "{len} bytes"
            );
        }
        for id in [0u32, 7, 42_540, u32::MAX] {
            let (mut a, mut b) = (FxHasher::default(), FxHasher::default());
            a.write_u32(id);
            b.write(&id.to_le_bytes());
            assert_eq!(a.finish(), b.finish());
            let (mut a, mut b) = (FxHasher::default(), FxHasher::default());
            a.write_u64(u64::from(id) << 20);
            b.write(&(u64::from(id) << 20).to_le_bytes());
            assert_eq!(a.finish(), b.finish());
        }
    }
}
