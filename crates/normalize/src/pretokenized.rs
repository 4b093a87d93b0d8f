//! The listed names tokenised once, at build time.
//!
//! Tokenising some 42,000 listed names (Unicode folding, a few strings per
//! word) was most of the index's load time, and it gives the same answer at
//! every start. The build script runs [`TokenTable::build`] over the names in
//! snapshot order and embeds [`TokenTable::to_bytes`]; at run time the index
//! reads distinct terms and per-name term ids from it without allocating per
//! word. The layout is flat (one string for all term texts, one array for all
//! term ids) so that decoding is a handful of allocations.
//!
//! The table also spells every name back as written, so that the snapshot
//! need not carry the names a second time (they were a third of its
//! compressed size). Most names are their terms in upper, lower or title
//! case with the text between them (`KIM, Sang Man` is `KIM`, `, `, `Sang`,
//! ` `, `Man`): such a name is stored as one case mark per term and the gaps.
//! Most gaps are what the name's shape predicts (nothing around it, `, `
//! after a family name written first, ` ` elsewhere: `predicted_gap`) and
//! are stored as one code that says so; a few common others have codes of
//! their own, and the rest are stored as text (brotli makes the gaps 11 KB
//! this way, 36 KB as text and lengths).
//! A name that its terms cannot spell (`S.A.`, `CH'OE`, a folded accent or
//! script) is stored whole. Spelling is exact by construction: a name is
//! stored by its terms only when they give back its text byte for byte.

use sanctions_packed::{Texts, Uints};
use serde::{Deserialize, Serialize};

use crate::{tokenize, FastMap};

/// Names as sequences of distinct terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenTable {
    /// Every distinct token text, concatenated; term `i` is
    /// `term_starts[i]..term_starts[i + 1]` (0, then the running totals, as
    /// the snapshot's columns keep their texts).
    term_text: String,
    term_starts: Vec<u32>,
    /// Every name's term ids, concatenated; name `n`'s are
    /// `name_starts[n]..name_starts[n + 1]`. A name with no letters or
    /// digits has no terms.
    name_terms: Vec<u32>,
    name_starts: Vec<u32>,
    /// Per name: leading terms that are the family name (`KIM, Sang Man` → 1), or 0.
    family_lens: Vec<u8>,
}

impl Default for TokenTable {
    fn default() -> TokenTable {
        TokenTable {
            term_text: String::new(),
            term_starts: vec![0],
            name_terms: Vec::new(),
            name_starts: vec![0],
            family_lens: Vec::new(),
        }
    }
}

/// The table as stored: lengths rather than end offsets (a length is one
/// byte where an offset takes three), every number column a
/// [`sanctions_packed::Uints`] (read in one loop, not one serde call per
/// number), and the terms in the order of their texts, each stored as the
/// bytes it shares with the one before and the rest ("front coding":
/// brotli makes the terms 68 KB this way, 113 KB in order of frequency,
/// though the names' term ids then take 13 KB more).
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    /// Per term: how many leading bytes it shares with the term before
    /// (on a character boundary, at most 255).
    #[serde(with = "sanctions_packed::vec")]
    term_shared: Vec<u8>,
    /// Per term: the rest of its text.
    #[serde(borrow)]
    term_rest: Texts<'a>,
    #[serde(with = "sanctions_packed::vec")]
    name_terms: Vec<u32>,
    #[serde(borrow)]
    name_lens: Uints<'a>,
    #[serde(with = "sanctions_packed::vec")]
    family_lens: Vec<u8>,
    /// Per name with terms: a [`Case`] per term, or one [`AS_WRITTEN`].
    #[serde(with = "sanctions_packed::vec")]
    spelling_cases: Vec<u8>,
    /// Per name spelled by its terms: a gap code ([`GAP_PREDICTED`],
    /// [`COMMON_GAPS`], [`GAP_LITERAL`]) before each term and after the last.
    #[serde(with = "sanctions_packed::vec")]
    spelling_gaps: Vec<u8>,
    /// The gaps no code stands for, in order.
    #[serde(borrow)]
    gap_literals: Texts<'a>,
    /// Names stored whole, in order.
    #[serde(borrow)]
    spelled_whole: Texts<'a>,
}

/// How a term is written in a name spelled by its terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Lower = 0,
    Upper = 1,
    /// First letter upper case.
    Title = 2,
}

const CASES: [Case; 3] = [Case::Lower, Case::Upper, Case::Title];

/// The spelling mark of a name stored whole.
const AS_WRITTEN: u8 = 3;

impl Case {
    fn write(self, term: &[u8], out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(term);
        match self {
            Case::Lower => {}
            Case::Upper => out[start..].make_ascii_uppercase(),
            // A first byte that is not ASCII stays as it is.
            Case::Title => {
                if let Some(first) = out.get_mut(start) {
                    first.make_ascii_uppercase();
                }
            }
        }
    }

    /// `term` in this case is where `text` begins, as a whole word.
    fn begins(self, term: &str, text: &str) -> bool {
        let Some(word) = text.get(..term.len()) else {
            return false;
        };
        let whole = !text[term.len()..].starts_with(char::is_alphanumeric);
        let same = match self {
            Case::Lower => word == term,
            Case::Upper => word
                .bytes()
                .eq(term.bytes().map(|b| b.to_ascii_uppercase())),
            Case::Title => {
                let mut pairs = word.bytes().zip(term.bytes());
                pairs
                    .next()
                    .is_some_and(|(w, t)| w == t.to_ascii_uppercase())
                    && pairs.all(|(w, t)| w == t)
            }
        };
        whole && same
    }
}

/// The gap stored as "what the name's shape predicts": nine gaps in ten are.
const GAP_PREDICTED: u8 = 0;
/// The gap stored as text, the next of [`Stored::gap_literals`].
const GAP_LITERAL: u8 = u8::MAX;
/// Gaps common enough to have a code of their own: code `i + 1` for gap `i`.
const COMMON_GAPS: [&str; 7] = ["", " ", ", ", "-", ".", "., ", ". "];

/// The gap a name's shape predicts before its term `k` (`k == terms`: after
/// its last): nothing before or after the name, a comma after a family name
/// written first (`KIM, Sang Man`, whose `family_len` is 1), else a space.
fn predicted_gap(k: usize, terms: usize, family_len: u8) -> &'static str {
    if k == 0 || k == terms {
        ""
    } else if k == usize::from(family_len) {
        ", "
    } else {
        " "
    }
}

/// The code for `gap`, where the name's shape predicts `predicted`; `None`
/// when it must be stored as text.
fn gap_code(gap: &str, predicted: &str) -> Option<u8> {
    if gap == predicted {
        return Some(GAP_PREDICTED);
    }
    let common = COMMON_GAPS.iter().position(|&c| c == gap)?;
    Some(common as u8 + 1)
}

/// One name as its terms spell it: a case per term and the gaps around them,
/// or `None` when they do not give back `text` exactly.
fn spell(text: &str, terms: impl Iterator<Item = impl AsRef<str>>) -> Option<(Vec<u8>, Vec<&str>)> {
    let (mut cases, mut gaps) = (Vec::new(), Vec::<&str>::new());
    let mut rest = text;
    for term in terms {
        let term = term.as_ref();
        let gap = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        let word = &rest[gap..];
        let case = CASES.into_iter().find(|c| c.begins(term, word))?;
        gaps.push(&rest[..gap]);
        cases.push(case as u8);
        rest = &word[term.len()..];
    }
    gaps.push(rest);
    Some((cases, gaps))
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
                    table.term_starts.push(table.term_text.len() as u32);
                    next
                });
                table.name_terms.push(id);
            }
            table.name_starts.push(table.name_terms.len() as u32);
            let family = tokenized.family_len.unwrap_or(0).min(u8::MAX as usize);
            table.family_lens.push(family as u8);
        }
        table
    }

    /// Stores the table, with `names` (the names it was built from, in
    /// order) spelled by their terms where they can be.
    ///
    /// # Panics
    /// When `names` are not as many as the table's names.
    pub fn to_bytes(&self, names: &[&str]) -> Vec<u8> {
        assert_eq!(names.len(), self.name_count(), "one spelling per name");
        // Renumber terms in the order of their texts.
        let mut order: Vec<u32> = (0..self.term_count() as u32).collect();
        order.sort_by_key(|&t| self.term(t));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut stored = Stored {
            term_shared: Vec::with_capacity(order.len()),
            term_rest: Texts::default(),
            name_terms: self
                .name_terms
                .iter()
                .map(|&t| new_id[t as usize])
                .collect(),
            name_lens: Uints::default(),
            family_lens: self.family_lens.clone(),
            spelling_cases: Vec::new(),
            spelling_gaps: Vec::new(),
            gap_literals: Texts::default(),
            spelled_whole: Texts::default(),
        };
        let mut previous = "";
        for &old in &order {
            let text = self.term(old);
            let mut shared = std::iter::zip(previous.bytes(), text.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(u8::MAX.into());
            while !text.is_char_boundary(shared) {
                shared -= 1;
            }
            stored.term_shared.push(shared as u8);
            stored.term_rest.push(&text[shared..]);
            previous = text;
        }
        for (n, text) in names.iter().enumerate() {
            let terms = self.name_terms(n);
            stored.name_lens.push(terms.len() as u32);
            match spell(text, terms.iter().map(|&t| self.term(t))) {
                Some((cases, gaps)) => {
                    stored.spelling_cases.extend(cases);
                    for (k, gap) in gaps.iter().enumerate() {
                        let predicted = predicted_gap(k, terms.len(), self.family_len(n));
                        match gap_code(gap, predicted) {
                            Some(code) => stored.spelling_gaps.push(code),
                            None => {
                                stored.spelling_gaps.push(GAP_LITERAL);
                                stored.gap_literals.push(gap);
                            }
                        }
                    }
                }
                None => {
                    stored.spelling_cases.push(AS_WRITTEN);
                    stored.spelled_whole.push(text);
                }
            }
        }
        postcard::to_allocvec(&stored).expect("a token table always serialises")
    }

    /// Decodes a table and the spellings of its names, and checks that every
    /// offset and id is in range and every spelling fits, so that neither
    /// the accessors below nor [`Spellings::name`] can panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<(TokenTable, Spellings), TokenTableError> {
        let (mut stored, rest): (Stored<'_>, _) =
            postcard::take_from_bytes(bytes).map_err(|e| TokenTableError(e.to_string()))?;
        if !rest.is_empty() {
            return Err(TokenTableError(format!(
                "{} bytes after the table",
                rest.len()
            )));
        }
        let cases = std::mem::take(&mut stored.spelling_cases);
        let gaps = std::mem::take(&mut stored.spelling_gaps);
        let gap_literals = std::mem::take(&mut stored.gap_literals).into_owned();
        let whole = std::mem::take(&mut stored.spelled_whole).into_owned();
        let (term_text, term_starts) = unfront(&stored.term_shared, &stored.term_rest)
            .ok_or_else(|| TokenTableError("term texts do not fit together".into()))?;
        let name_starts = stored
            .name_lens
            .offsets()
            .ok_or_else(|| TokenTableError("names' lengths overflow".into()))?;
        let table = TokenTable {
            term_starts,
            name_starts,
            term_text,
            name_terms: stored.name_terms,
            family_lens: stored.family_lens,
        };
        let bad = |what: &str| Err(TokenTableError(format!("{what} out of range")));
        if !is_sorted_within(&table.term_starts, table.term_text.len())
            || !table
                .term_starts
                .iter()
                .all(|&e| table.term_text.is_char_boundary(e as usize))
        {
            return bad("term text offsets");
        }
        if !is_sorted_within(&table.name_starts, table.name_terms.len())
            || table.name_count() != table.family_lens.len()
        {
            return bad("name offsets");
        }
        let terms = table.term_count() as u32;
        if table.name_terms.iter().any(|&t| t >= terms) {
            return bad("term ids");
        }
        let spellings = Spellings::new(cases, (gaps, gap_literals), whole, &table)?;
        Ok((table, spellings))
    }

    pub fn term_count(&self) -> usize {
        self.term_starts.len() - 1
    }

    // This and the name accessors below are `#[inline]`: the scorer calls
    // them for every word of every candidate, and without the hint the
    // WebAssembly build kept them as calls (3% of a query in V8).
    #[inline]
    pub fn term(&self, id: u32) -> &str {
        let id = id as usize;
        &self.term_text[self.term_starts[id] as usize..self.term_starts[id + 1] as usize]
    }

    pub fn name_count(&self) -> usize {
        self.name_starts.len() - 1
    }

    /// The term ids of name `n`, in the order written.
    #[inline]
    pub fn name_terms(&self, n: usize) -> &[u32] {
        &self.name_terms[self.name_span(n)]
    }

    /// Where name `n`'s term ids lie among every name's, concatenated in
    /// name order: for data kept per word of a name.
    #[inline]
    pub fn name_span(&self, n: usize) -> std::ops::Range<usize> {
        self.name_starts[n] as usize..self.name_starts[n + 1] as usize
    }

    /// Words of all names together.
    pub fn name_term_total(&self) -> usize {
        self.name_terms.len()
    }

    pub fn family_len(&self, n: usize) -> u8 {
        self.family_lens[n]
    }
}

/// Every name as written, spelled back from its terms one name at a time
/// ([`Spellings::name`]) when a match shows it: spelling all 42,000 at every
/// start was an eighth of what building a screener cost. Checked whole when
/// decoded, so that spelling a name cannot fail.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spellings {
    /// Per name with terms: a [`Case`] per term, or one [`AS_WRITTEN`].
    cases: Vec<u8>,
    /// Per name spelled by its terms: a gap code before each term and after the last.
    gaps: Vec<u8>,
    /// The gaps no code stands for, in order.
    gap_literals: Texts<'static>,
    /// Names stored whole, in order.
    whole: Texts<'static>,
    /// Where the spelling of every [`CHECKPOINT`]th name begins.
    checkpoints: Vec<Cursor>,
}

/// Names between two checkpoints: spelling one walks past at most this many
/// others (a few hundred bytes of lengths), and the checkpoints take 24
/// bytes per 32 names.
const CHECKPOINT: usize = 32;

/// Where one name's spelling begins in each stored stream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cursor {
    case: u32,
    gap: u32,
    literal: u32,
    literal_byte: u32,
    whole: u32,
    whole_byte: u32,
}

impl Spellings {
    /// Walks every name's spelling once: each must lie within the streams,
    /// on character boundaries, with a known case per term, and together
    /// they must use the streams up exactly.
    fn new(
        cases: Vec<u8>,
        (gaps, gap_literals): (Vec<u8>, Texts<'static>),
        whole: Texts<'static>,
        table: &TokenTable,
    ) -> Result<Spellings, TokenTableError> {
        let broken = || TokenTableError("spellings do not fit the names".into());
        let mut spellings = Spellings {
            cases,
            gaps,
            gap_literals,
            whole,
            checkpoints: Vec::with_capacity(table.name_count() / CHECKPOINT + 1),
        };
        let mut at = Cursor::default();
        for n in 0..table.name_count() {
            if n % CHECKPOINT == 0 {
                spellings.checkpoints.push(at);
            }
            spellings
                .skip(table.name_terms(n).len(), &mut at)
                .ok_or_else(broken)?;
        }
        let used_up = at.case as usize == spellings.cases.len()
            && at.gap as usize == spellings.gaps.len()
            && at.literal as usize == spellings.gap_literals.lens.len()
            && at.literal_byte as usize == spellings.gap_literals.text.len()
            && at.whole as usize == spellings.whole.lens.len()
            && at.whole_byte as usize == spellings.whole.text.len();
        match used_up {
            true => Ok(spellings),
            false => Err(broken()),
        }
    }

    /// Name `n` of `table` (the table these spellings were decoded with) as
    /// written.
    ///
    /// # Panics
    /// When the table has no name `n`.
    pub fn name(&self, table: &TokenTable, n: usize) -> String {
        let mut at = self.walk_to(table, n);
        self.spelled(table, n, &mut at)
    }

    /// Names `run` of `table` as written, in order (an entry's primary name
    /// and its aliases): one walk from the checkpoint before the first.
    ///
    /// # Panics
    /// When the table has no name at the end of `run`.
    pub fn run(&self, table: &TokenTable, run: std::ops::Range<usize>) -> Vec<String> {
        let mut at = self.walk_to(table, run.start);
        run.map(|n| self.spelled(table, n, &mut at)).collect()
    }

    /// Every name of `table` as written, in order.
    pub fn names<'a>(&'a self, table: &'a TokenTable) -> impl Iterator<Item = String> + 'a {
        let mut at = Cursor::default();
        (0..table.name_count()).map(move |n| self.spelled(table, n, &mut at))
    }

    /// Where name `n`'s spelling begins: its checkpoint's, walked past the
    /// names between.
    fn walk_to(&self, table: &TokenTable, n: usize) -> Cursor {
        let mut at = self.checkpoints[n / CHECKPOINT];
        for before in n - n % CHECKPOINT..n {
            self.skip(table.name_terms(before).len(), &mut at)
                .expect("checked when decoded");
        }
        at
    }

    /// Name `n`, whose spelling begins at `at`, and `at` moved past it.
    fn spelled(&self, table: &TokenTable, n: usize, at: &mut Cursor) -> String {
        let mut text = Vec::new();
        self.spell(table, n, at, &mut text)
            .expect("checked when decoded");
        // Pieces of valid text, cased in ASCII only.
        String::from_utf8(text).expect("checked when decoded")
    }

    /// Moves `at` past the spelling of a name with `terms` terms without
    /// spelling it; `None` when the spelling does not fit the streams: its
    /// pieces out of range or off character boundaries, or a case unknown.
    /// What [`Spellings::spell`] checks as it writes, in fewer steps:
    /// decoding walks every name once, and spelling one walks up to 31.
    fn skip(&self, terms: usize, at: &mut Cursor) -> Option<()> {
        if terms > 0 && *self.cases.get(at.case as usize)? == AS_WRITTEN {
            (_, at.whole_byte) = self.whole.at(at.whole as usize, at.whole_byte)?;
            at.case += 1;
            at.whole += 1;
            return Some(());
        }
        let case = at.case as usize;
        let marks = self.cases.get(case..case + terms)?;
        if !marks.iter().all(|&mark| usize::from(mark) < CASES.len()) {
            return None;
        }
        let gap = at.gap as usize;
        for &code in self.gaps.get(gap..gap + terms + 1)? {
            if code == GAP_LITERAL {
                (_, at.literal_byte) =
                    self.gap_literals.at(at.literal as usize, at.literal_byte)?;
                at.literal += 1;
            } else if usize::from(code) > COMMON_GAPS.len() {
                return None;
            }
        }
        at.case += terms as u32;
        at.gap += terms as u32 + 1;
        Some(())
    }

    /// Writes name `n` of `table`, whose spelling begins at `at`, into
    /// `out`, and moves `at` past it; `None` when the spelling does not fit
    /// the streams.
    fn spell(
        &self,
        table: &TokenTable,
        n: usize,
        at: &mut Cursor,
        out: &mut Vec<u8>,
    ) -> Option<()> {
        let terms = table.name_terms(n);
        if !terms.is_empty() && *self.cases.get(at.case as usize)? == AS_WRITTEN {
            // A name stored whole has one mark, not one per term.
            let (text, end) = self.whole.at(at.whole as usize, at.whole_byte)?;
            out.extend_from_slice(text.as_bytes());
            at.case += 1;
            at.whole += 1;
            at.whole_byte = end;
            return Some(());
        }
        let family_len = table.family_len(n);
        let gap = |k: usize, at: &mut Cursor, out: &mut Vec<u8>| {
            let text = match *self.gaps.get(at.gap as usize)? {
                GAP_PREDICTED => predicted_gap(k, terms.len(), family_len).as_bytes(),
                GAP_LITERAL => {
                    let (text, end) = self.gap_literals.at(at.literal as usize, at.literal_byte)?;
                    at.literal += 1;
                    at.literal_byte = end;
                    text.as_bytes()
                }
                code => COMMON_GAPS.get(usize::from(code) - 1)?.as_bytes(),
            };
            out.extend_from_slice(text);
            at.gap += 1;
            Some(())
        };
        gap(0, at, out)?;
        for (k, &term) in terms.iter().enumerate() {
            let case = CASES.get(usize::from(*self.cases.get(at.case as usize)?))?;
            case.write(table.term(term).as_bytes(), out);
            at.case += 1;
            gap(k + 1, at, out)?;
        }
        Some(())
    }
}

/// The terms' texts end to end and their offsets (0, then where each
/// ends), from the bytes each shares with the one before and the rest
/// ([`Stored::term_shared`]); `None` when a term claims more than the one
/// before holds, the pieces do not use the rests up or do not make valid
/// text.
fn unfront(shared: &[u8], rest: &Texts<'_>) -> Option<(String, Vec<u32>)> {
    if shared.len() != rest.lens.len() {
        return None;
    }
    let mut text = Vec::with_capacity(rest.text.len() * 2);
    let mut starts = Vec::with_capacity(shared.len() + 1);
    starts.push(0);
    let (mut previous, mut rest_at) = (0, 0);
    for (i, &shared) in shared.iter().enumerate() {
        let start = text.len();
        let shared = usize::from(shared);
        if shared > start - previous {
            return None;
        }
        text.extend_from_within(previous..previous + shared);
        let (piece, end) = rest.at(i, rest_at)?;
        text.extend_from_slice(piece.as_bytes());
        rest_at = end;
        starts.push(u32::try_from(text.len()).ok()?);
        previous = start;
    }
    if rest_at as usize != rest.text.len() {
        return None;
    }
    Some((String::from_utf8(text).ok()?, starts))
}

/// Offsets that begin at 0, never fall, and end at `len`.
fn is_sorted_within(starts: &[u32], len: usize) -> bool {
    starts.first() == Some(&0)
        && starts.windows(2).all(|w| w[0] <= w[1])
        && starts.last().is_some_and(|&e| e as usize == len)
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
        let names = ["Yanbian Silverstar", "Ким Сан Ман", "Kim Jong"];
        let table = TokenTable::build(names);
        let bytes = table.to_bytes(&names);
        let (back, spelled) = TokenTable::from_bytes(&bytes).unwrap();
        assert_eq!(spelled.names(&back).collect::<Vec<_>>(), names);
        // Stored in the order of their texts: `jong` becomes term 0; the names read the same.
        assert_eq!(back.term(0), "jong");
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
        assert!(TokenTable::from_bytes(&[&bytes[..], b"x"].concat()).is_err());
        let damage = |edit: fn(&mut Stored)| {
            let mut bad: Stored = postcard::from_bytes(&bytes).unwrap();
            edit(&mut bad);
            TokenTable::from_bytes(&postcard::to_allocvec(&bad).unwrap())
                .unwrap_err()
                .0
        };
        assert!(damage(|s| s.name_terms[0] = 99).contains("term ids"));
        // `kim` claims more of `jong` than `jong` holds.
        assert!(damage(|s| s.term_shared[1] = 5).contains("term texts"));
        assert!(damage(|s| s.term_rest.push("x")).contains("term texts"));
        assert!(damage(|s| s.spelling_cases[0] = 7).contains("spellings"));
        assert!(damage(|s| s.spelling_gaps.truncate(1)).contains("spellings"));
        assert!(damage(|s| s.spelling_gaps[0] = 9).contains("spellings"));
        assert!(damage(|s| s.gap_literals.push("x")).contains("spellings"));
        assert!(damage(|s| s.spelled_whole.push("x")).contains("spellings"));
        let longer_first = |s: &mut Stored<'_>| {
            let lens = &s.spelled_whole.lens;
            s.spelled_whole.lens = lens
                .iter()
                .enumerate()
                .map(|(i, l)| l + u32::from(i == 0))
                .collect();
        };
        assert!(damage(longer_first).contains("spellings"));
    }

    /// Each row: `k`, `terms`, `family_len`, and the gap predicted before
    /// term `k` of a name of `terms` terms (after its last when equal).
    #[test]
    fn gaps_are_predicted_from_the_names_shape() {
        let rows: &[(usize, usize, u8, &str)] = &[
            (0, 3, 1, ""),   // before `KIM, Sang Man`
            (1, 3, 1, ", "), // after its family name
            (2, 3, 1, " "),  // between its given names
            (3, 3, 1, ""),   // after it
            (1, 2, 0, " "),  // `Kim Jong`: no family name written first
            (2, 3, 2, ", "), // `CERNA JUAREZ, Reinal`
            (0, 0, 0, ""),   // a name without terms
        ];
        for &(k, terms, family_len, gap) in rows {
            assert_eq!(predicted_gap(k, terms, family_len), gap, "{k} of {terms}");
        }
        // Names as the lists write them need no gap stored as text, and
        // most of their gaps are as predicted.
        let names = [
            "KIM, Sang Man",
            "Kim Song-hwa",
            "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.",
        ];
        let bytes = TokenTable::build(names).to_bytes(&names);
        let stored: Stored<'_> = postcard::from_bytes(&bytes).unwrap();
        assert!(stored.gap_literals.lens.is_empty());
        let predicted = stored.spelling_gaps.iter().filter(|&&c| c == GAP_PREDICTED);
        // All but `-`, `., ` and the last `.`: 12 of 4 + 4 + 7.
        assert_eq!((predicted.count(), stored.spelling_gaps.len()), (12, 15));
    }

    /// Each row: a name, and whether its terms spell it (else it is stored whole).
    #[test]
    fn names_are_spelled_by_their_terms_or_stored_whole() {
        let rows: &[(&str, bool)] = &[
            ("KIM, Sang Man", true),
            ("Kim Song-hwa", true),
            ("YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.", true),
            ("korea kwangson banking corp", true),
            ("", true),
            ("  -- ", true),
            ("SMITH & SONS", true),
            ("Smith Jones, John", true),
            ("CECOEX, S.A.", false),
            ("CH'OE, Ryong Hae", false),
            ("McDONALD, Ronald", false),
            ("Ким Сан Ман", false),
            ("BAŞ, Ömer", false),
        ];
        for &(name, by_terms) in rows {
            let table = TokenTable::build([name]);
            let (back, spelled) = TokenTable::from_bytes(&table.to_bytes(&[name])).unwrap();
            assert_eq!(spelled.names(&back).collect::<Vec<_>>(), [name]);
            assert_eq!(spelled.name(&back, 0), name);
            let terms = table.name_terms(0).iter().map(|&t| table.term(t));
            assert_eq!(spell(name, terms).is_some(), by_terms, "{name}");
        }
    }

    /// Spelled alone, from the checkpoint before it, each name reads as in
    /// order: names on both sides of checkpoints, stored whole or by terms,
    /// with and without terms.
    #[test]
    fn a_name_spelled_alone_is_the_name_in_order() {
        let kinds = [
            "KIM, Sang Man",
            "CH'OE, Ryong Hae",
            "",
            "Ким Сан Ман",
            "  -- ",
            "Yanbian Silverstar",
            "BAŞ, Ömer",
        ];
        let names: Vec<&str> = (0..3 * CHECKPOINT + 5)
            .map(|i| kinds[i % kinds.len()])
            .collect();
        let (table, spelled) =
            TokenTable::from_bytes(&TokenTable::build(names.iter().copied()).to_bytes(&names))
                .unwrap();
        assert_eq!(spelled.checkpoints.len(), 4);
        for (n, name) in names.iter().enumerate() {
            assert_eq!(spelled.name(&table, n), *name, "name {n}");
        }
        // A run across a checkpoint, as an entry's names may lie.
        let across = CHECKPOINT - 3..CHECKPOINT + 4;
        assert_eq!(spelled.run(&table, across.clone()), names[across]);
        assert_eq!(spelled.names(&table).collect::<Vec<_>>(), names);
    }
}
