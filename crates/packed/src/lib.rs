//! Columns of unsigned integers stored at one fixed width ([`Uints`]),
//! and columns of short texts with such a column of lengths ([`Texts`]).
//!
//! The embedded snapshot and token table hold about a million small
//! integers (text lengths, counts, term ids). Stored as a serde sequence,
//! each was a postcard varint read through serde's per-element path: about
//! 20 instructions a number natively, a fifth of building a screener
//! (96.8 M instructions then, 78.7 M with these columns).
//! A [`Uints`] column is one byte string instead, every value at the width
//! its largest needs (1, 2 or 4 bytes, little-endian), which postcard lends
//! from its input without copying. Reading it back is a plain loop
//! ([`Uints::for_each`], [`Uints::offsets`]) or one value at a time ([`Uints::get`]).
//!
//! Reach for it for columns of many numbers in serialised data that is read
//! whole at start-up. Its limit: the width is the largest value's, so one
//! large value widens the whole column (brotli, which the page is served
//! with, takes back most of the zero bytes).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Unsigned integers at one width, as bytes: the width (1, 2 or 4), then each
/// value little-endian.
#[derive(Clone, PartialEq, Eq)]
pub struct Uints<'a> {
    width: usize,
    bytes: Cow<'a, [u8]>,
}

impl fmt::Debug for Uints<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Default for Uints<'_> {
    fn default() -> Self {
        Uints {
            width: 1,
            bytes: Cow::Borrowed(&[]),
        }
    }
}

impl<T: Into<u32>> FromIterator<T> for Uints<'static> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut column = Uints::default();
        values.into_iter().for_each(|v| column.push(v.into()));
        column
    }
}

/// The width in bytes that `value` needs.
fn width_of(value: u32) -> usize {
    match value {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        _ => 4,
    }
}

impl<'a> Uints<'a> {
    pub fn len(&self) -> usize {
        self.bytes.len() / self.width
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Appends `value`, widening the column first when it needs more bytes
    /// than its values so far (at most twice in a column's life).
    pub fn push(&mut self, value: u32) {
        let width = width_of(value);
        if width > self.width {
            let mut wider = Vec::with_capacity((self.len() + 1) * width);
            self.for_each(|v| wider.extend_from_slice(&v.to_le_bytes()[..width]));
            self.width = width;
            self.bytes = Cow::Owned(wider);
        }
        let width = self.width;
        self.bytes
            .to_mut()
            .extend_from_slice(&value.to_le_bytes()[..width]);
    }

    /// Value `i`.
    ///
    /// # Panics
    /// When there is no value `i`.
    pub fn get(&self, i: usize) -> u32 {
        self.checked_get(i).expect("a value in the column")
    }

    /// Value `i`, or `None` when there is none.
    pub fn checked_get(&self, i: usize) -> Option<u32> {
        let at = i.checked_mul(self.width)?;
        let b = self.bytes.get(at..at + self.width)?;
        Some(match self.width {
            1 => b[0].into(),
            2 => u16::from_le_bytes([b[0], b[1]]).into(),
            _ => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        })
    }

    /// Calls `f` with every value in order: one loop per width, so that the
    /// width is not looked at per value.
    pub fn for_each(&self, mut f: impl FnMut(u32)) {
        match self.width {
            1 => self.bytes.iter().for_each(|&b| f(b.into())),
            2 => self
                .bytes
                .chunks_exact(2)
                .for_each(|b| f(u16::from_le_bytes([b[0], b[1]]).into())),
            _ => self
                .bytes
                .chunks_exact(4)
                .for_each(|b| f(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        }
    }

    /// Every value in order, one at a time (see [`Uints::for_each`] for a
    /// whole column).
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// `f` of every value in order, collected: one loop per width, of
    /// known length, so that neither the width nor the vector's capacity is
    /// looked at per value.
    pub fn map<T>(&self, f: impl FnMut(u32) -> T) -> Vec<T> {
        let mut out = Vec::with_capacity(self.len());
        self.extend_mapped(&mut out, f);
        out
    }

    /// Where each value's run begins and the last ends, when the values are
    /// lengths or counts laid end to end: `0`, then the running totals
    /// (one more than there are values), or `None` when a total passes
    /// `u32`.
    pub fn offsets(&self) -> Option<Vec<u32>> {
        // A u64 cannot overflow: a column holds far fewer than 2^32 values.
        let mut at = 0u64;
        let mut offsets = Vec::with_capacity(self.len() + 1);
        offsets.push(0);
        self.extend_mapped(&mut offsets, |v| {
            at += u64::from(v);
            at as u32
        });
        (at <= u64::from(u32::MAX)).then_some(offsets)
    }

    /// Appends `f` of every value to `out` (see [`Uints::map`]).
    fn extend_mapped<T>(&self, out: &mut Vec<T>, mut f: impl FnMut(u32) -> T) {
        match self.width {
            1 => out.extend(self.bytes.iter().map(|&b| f(b.into()))),
            2 => out.extend(
                self.bytes
                    .chunks_exact(2)
                    .map(|b| f(u16::from_le_bytes([b[0], b[1]]).into())),
            ),
            _ => out.extend(
                self.bytes
                    .chunks_exact(4)
                    .map(|b| f(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
            ),
        }
    }

    /// The column with its bytes its own, no longer lent.
    pub fn into_owned(self) -> Uints<'static> {
        Uints {
            width: self.width,
            bytes: Cow::Owned(self.bytes.into_owned()),
        }
    }

    /// The largest value, or `None` when there are none.
    pub fn largest(&self) -> Option<u32> {
        let mut largest = None;
        self.for_each(|v| largest = largest.max(Some(v)));
        largest
    }

    /// Every value narrowed to `T`, or `None` when one does not fit.
    pub fn to_vec<T: TryFrom<u32> + Default>(&self) -> Option<Vec<T>> {
        let mut fits = true;
        let values = self.map(|v| {
            T::try_from(v).unwrap_or_else(|_| {
                fits = false;
                T::default()
            })
        });
        fits.then_some(values)
    }
}

/// Short texts end to end, and their lengths: a column of many texts in two
/// allocations, or none when postcard lends both from its input.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
pub struct Texts<'a> {
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    #[serde(borrow)]
    pub lens: Uints<'a>,
}

impl Texts<'_> {
    /// Appends `text`.
    pub fn push(&mut self, text: &str) {
        self.text.to_mut().push_str(text);
        self.lens
            .push(u32::try_from(text.len()).expect("a text under 4 GiB"));
    }

    /// Text `i`, which begins at byte `start`, and the byte after it, for
    /// reading the texts in order; `None` when it is not there or not on
    /// character boundaries.
    pub fn at(&self, i: usize, start: u32) -> Option<(&str, u32)> {
        let end = start.checked_add(self.lens.checked_get(i)?)?;
        Some((self.text.get(start as usize..end as usize)?, end))
    }

    /// The texts with their bytes their own, no longer lent.
    pub fn into_owned(self) -> Texts<'static> {
        Texts {
            text: Cow::Owned(self.text.into_owned()),
            lens: self.lens.into_owned(),
        }
    }
}

impl Serialize for Uints<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut stored = Vec::with_capacity(1 + self.bytes.len());
        stored.push(self.width as u8);
        stored.extend_from_slice(&self.bytes);
        serializer.serialize_bytes(&stored)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Uints<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_bytes(UintsVisitor)
    }
}

struct UintsVisitor;

impl UintsVisitor {
    fn split<E: de::Error>(bytes: &[u8]) -> Result<(usize, &[u8]), E> {
        let (&width, values) = bytes
            .split_first()
            .ok_or_else(|| E::custom("an integer column without its width"))?;
        let width = usize::from(width);
        if !matches!(width, 1 | 2 | 4) {
            return Err(E::custom(format!("an integer column {width} bytes wide")));
        }
        if values.len() % width != 0 {
            return Err(E::custom(format!(
                "an integer column of {} bytes, not a whole number of {width}-byte values",
                values.len()
            )));
        }
        Ok((width, values))
    }
}

impl<'de> Visitor<'de> for UintsVisitor {
    type Value = Uints<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer column's bytes")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<Uints<'de>, E> {
        let (width, values) = UintsVisitor::split(bytes)?;
        Ok(Uints {
            width,
            bytes: Cow::Borrowed(values),
        })
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Uints<'de>, E> {
        let (width, values) = UintsVisitor::split(bytes)?;
        Ok(Uints {
            width,
            bytes: Cow::Owned(values.to_vec()),
        })
    }
}

/// A `Vec` of unsigned integers (`u8`, `u16`, `u32`) stored as a [`Uints`]
/// column: `#[serde(with = "sanctions_packed::vec")]` on the field.
pub mod vec {
    use super::Uints;
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Copy + Into<u32>>(
        values: &[T],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let column: Uints = values.iter().copied().collect();
        column.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<u32> + Default>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        Uints::deserialize(deserializer)?.to_vec().ok_or_else(|| {
            D::Error::custom("an integer column with a value too large for its type")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values, and the width their largest needs.
    const CASES: [(&[u32], usize); 5] = [
        (&[], 1),
        (&[0, 7, 255], 1),
        (&[3, 256, 65_535], 2),
        (&[1, 65_536], 4),
        (&[u32::MAX, 0], 4),
    ];

    #[test]
    fn values_come_back_at_the_width_their_largest_needs() {
        for (values, width) in CASES {
            let column: Uints = values.iter().copied().collect();
            assert_eq!(column.width, width, "{values:?}");
            let bytes = postcard::to_allocvec(&column).unwrap();
            let back: Uints = postcard::from_bytes(&bytes).unwrap();
            assert!(matches!(back.bytes, Cow::Borrowed(_)), "lent, not copied");
            assert_eq!(back.iter().collect::<Vec<_>>(), values);
            let mut seen = Vec::new();
            back.for_each(|v| seen.push(v));
            assert_eq!(seen, values);
            assert_eq!(back.len(), values.len());
            assert_eq!(back.largest(), values.iter().max().copied());
        }
    }

    #[test]
    fn offsets_add_up_or_report_overflow() {
        let lens: Uints = [3u32, 0, 5].into_iter().collect();
        assert_eq!(lens.offsets(), Some(vec![0, 3, 3, 8]));
        assert_eq!(Uints::default().offsets(), Some(vec![0]));
        let huge: Uints = [u32::MAX, 1].into_iter().collect();
        assert_eq!(huge.offsets(), None);
    }

    #[test]
    fn texts_are_lent_and_read_in_order_with_their_bounds_checked() {
        let mut texts = Texts::default();
        ["Pyongyang", "", "Dandong"]
            .iter()
            .for_each(|t| texts.push(t));
        let bytes = postcard::to_allocvec(&texts).unwrap();
        let back: Texts = postcard::from_bytes(&bytes).unwrap();
        assert!(matches!(back.text, Cow::Borrowed(_)));
        assert_eq!(back.at(0, 0), Some(("Pyongyang", 9)));
        assert_eq!(back.at(1, 9), Some(("", 9)));
        assert_eq!(back.at(2, 9), Some(("Dandong", 16)));
        // No text 3; text 2 from the wrong byte runs past the end.
        assert_eq!((back.at(3, 16), back.at(2, 10)), (None, None));
        // Off a character boundary: `ö` is two bytes.
        let mut accented = Texts::default();
        accented.push("Ömer");
        assert_eq!(accented.at(0, 1), None);
        assert_eq!(back.clone().into_owned(), back);
    }

    #[test]
    fn narrowing_refuses_a_value_that_does_not_fit() {
        let column: Uints = [1u32, 300].into_iter().collect();
        assert_eq!(column.to_vec::<u16>(), Some(vec![1, 300]));
        assert_eq!(column.to_vec::<u8>(), None);
    }

    #[test]
    fn malformed_columns_are_refused_with_a_reason() {
        for (bytes, reason) in [
            (&[][..], "without its width"),
            (&[3, 5, 7, 9][..], "3 bytes wide"),
            (&[2, 2, 1, 0][..], "not a whole number"),
        ] {
            let why = UintsVisitor::split::<de::value::Error>(bytes).unwrap_err();
            assert!(why.to_string().contains(reason), "{bytes:?}: {why}");
            let stored = postcard::to_allocvec(&RawBytes(bytes)).unwrap();
            assert!(postcard::from_bytes::<Uints>(&stored).is_err(), "{bytes:?}");
        }
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Lengths {
        #[serde(with = "crate::vec")]
        lens: Vec<u16>,
    }

    #[test]
    fn a_vec_field_is_stored_as_a_column() {
        let lengths = Lengths {
            lens: vec![3, 300, 0],
        };
        let bytes = postcard::to_allocvec(&lengths).unwrap();
        // The column's length, its width, three values of two bytes.
        assert_eq!(bytes.len(), 1 + 1 + 6);
        assert_eq!(postcard::from_bytes::<Lengths>(&bytes).unwrap(), lengths);
        let wide: Uints = [70_000u32].into_iter().collect();
        let stored = postcard::to_allocvec(&wide).unwrap();
        assert!(
            postcard::from_bytes::<Lengths>(&stored).is_err(),
            "70,000 is no u16"
        );
    }

    /// Bytes as serde bytes, the way [`Uints`] writes itself.
    struct RawBytes<'a>(&'a [u8]);

    impl Serialize for RawBytes<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
}
