//! Scoring one query name against one listed name, and saying why.
//!
//! Both names are token lists. The scorer aligns query tokens with listed
//! tokens, one to one, or one to two adjacent tokens written joined
//! (`Silverstar` = `Silver Star`), or a company's legal form written out in
//! words to the same form written as one (`Limited Liability Company` = `LLC`). Each aligned pair has a similarity from the
//! rule that bridged it ([`Rule`]). The name score is a weighted Dice
//! coefficient: the similarity-weighted evidence of the aligned tokens, over
//! that evidence plus the weight of the tokens left over on both sides. So
//! every unmatched word, on either side, lowers the score by its weight, and
//! words that identify (rare words, numbers) count for more than legal forms
//! and generic words. A token's evidence is its weight, or less for a name
//! part many applicants bear (`Kim`, `Smith`: see
//! [`crate::weights::evidence_weight`]); a name that matches whole scores its
//! mean similarity whatever its parts weigh.
//!
//! Some words left over cost less ([`Leftover`]): an affix or a second name
//! beside a listed name that is all there (`Kim Jong Un PhD`), one dropped
//! word when a matched word identifies (`Rosa Ibarra`; never in a name of
//! syllables, `JANG, Yong Son`), a company's generic words, series marks and
//! places when the query holds its distinctive ones (`Chinyong`,
//! `Silverstar`). Some rules are weak ([`Rule::is_weak`]: a first-letter or
//! short-word slip, an initial, a cut word, a word without vowels): a name
//! that needs one, a dropped word or a company's short form is capped at
//! [`WEAK_RULE_CAP`], a possible match (a short form written as listed is
//! that possible match, whatever generic words it leaves out); a company
//! without its legal form alone is not a short form that needs a look
//! (`Korea Kwangson Banking`, [`Leftover::legal_form_only`]). An initial
//! counts only beside two words that agree or one that identifies (`D.
//! Kazbek`, not `J. Smith`); each further initial lowers that word's bar
//! (`I. S. Borisovich`).
//!
//! Contract: [`score_into`] allocates nothing once its [`Scratch`] has grown
//! to the longest names it met: its buffers are reused from one candidate to
//! the next, as nucleo-matcher's are, and what it needs of each word is
//! worked out beforehand ([`WordFacts`]: a query word's once a query, a
//! listed word's the first time a candidate name with it is scored, and
//! kept). `src/matching/allocation_tests.rs`
//! checks this with a counting allocator. The scorer looks at nothing but
//! the two token lists, their joined pairs and the scratch, and is
//! deterministic. [`alignment`] reads, from the scratch [`score_into`]
//! left, the alignment an explanation needs, for the few names that match.

use std::ops::Range;

use crate::config::*;
use crate::normalize::within_one_edit;
use crate::normalize::{
    is_honorific_name, is_patronymic, is_place_word, is_vowel_skeleton_of, joined_key_hash, korean,
    legal_phrases_starting_with, ocr_letter, FastMap, JoinBuffers, TermClass, WordFacts, NO_JOIN,
};

/// Which rule bridged two tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Exact,
    /// `Co.` = `Company`
    LegalForm,
    /// `Jinyong` ≈ `Chinyong`, `Lee` ≈ `Ri`
    Variant,
    /// `Silverstar` = `Silver Star`
    Joined,
    /// `Kwangi-l` = `Kwang-Il`: the same letters, a hyphen or space moved.
    Resplit,
    /// One letter off: `Lazaruz` ≈ `Lazarus`
    Typo,
    /// Another legal form: `GmbH` against `Corporation`.
    OtherLegalForm,
    /// One edit at the first letter of a long word: `Tennadyevich` ≈
    /// `Gennadyevich`. Weak: a possible match at most.
    FirstLetter,
    /// The query's last word cut short: `Nik` ≈ `Nikolaevich`. Weak.
    Truncated,
    /// An initial for a word: `J.` ≈ `John`. Weak.
    Initial,
    /// The word without its inner vowels: `Njmddn` ≈ `Najmuddin`. Weak.
    Skeleton,
    /// A short word one slip from a listed one: `Kuj` ≈ `Kuk`. Weak.
    ShortTypo,
    /// A short part with a letter misread: `K0` ≈ `KO`, `Ll` ≈ `LI`.
    Misread,
}

impl Rule {
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Exact => "same word",
            Rule::LegalForm => "same legal form",
            Rule::Variant => "spelling variant, as romanisations differ",
            Rule::Joined => "joined words",
            Rule::Resplit => "the same letters, split at another place",
            Rule::Typo => "one letter differs",
            Rule::OtherLegalForm => "another legal form",
            Rule::FirstLetter => "the first letter differs: a typo or another name",
            Rule::Truncated => "the word is cut short",
            Rule::Initial => "an initial",
            Rule::Skeleton => "the same word without its vowels",
            Rule::ShortTypo => "a short word one letter off: a typo or another name",
            Rule::Misread => "a letter misread (0 for O, 1 or l for I)",
        }
    }

    /// Evidence too thin for a strong match: a name aligned by one of these
    /// is a possible match at most ([`WEAK_RULE_CAP`]).
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            Rule::FirstLetter | Rule::Truncated | Rule::Initial | Rule::Skeleton | Rule::ShortTypo
        )
    }
}

/// One token as the scorer sees it.
#[derive(Clone, Debug)]
pub struct ScoredToken<'a> {
    pub text: &'a str,
    pub key: &'a str,
    /// Another reading of the same letters (`Сан`: `san` or `sang`; 金:
    /// `geum` or `gim`): as written it matches exactly, by key as a
    /// spelling variant.
    pub alternate_text: Option<&'a str>,
    pub alternate_key: Option<&'a str>,
    pub class: TermClass,
    /// What the token costs when it is left over.
    pub weight: f32,
    /// What it adds when it aligns: at most `weight`.
    pub evidence: f32,
    pub facts: &'a WordFacts,
    /// The listed term a listed name's token is (an index's term id);
    /// `None` for a query's. Scoring remembers how each query word compared
    /// with each term, since many candidates share their words.
    pub term: Option<u32>,
}

/// Query tokens `query` aligned with listed tokens `listed` by `rule`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub query: Range<usize>,
    pub listed: Range<usize>,
    pub rule: Rule,
    pub similarity: f32,
}

/// How a name scored, without the alignment: what [`score_into`] returns
/// for every candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    pub score: f32,
    pub partial: bool,
    pub roles_swapped: bool,
    pub given_reversed: bool,
    pub weak: bool,
    pub cut_short: bool,
    pub leftover: Leftover,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NameScore {
    pub score: f32,
    pub pairs: Vec<Pair>,
    /// The name only partly matches (one part of a person's name): capped.
    pub partial: bool,
    /// Both names say which part is the family name, and the listed family
    /// name matched the applicant's given name: lowered.
    pub roles_swapped: bool,
    /// Aligned query tokens that count for less as common name parts.
    pub common_parts: Vec<usize>,
    /// Listed tokens that are a patronymic the query left out, which cost less.
    pub patronymics_left_out: Vec<usize>,
    /// The name was cut short after its last word, and the listed words
    /// after the one it cuts, gone with the cut, cost less.
    pub cut_short: bool,
    /// The listed person's two given names came in the other order (see
    /// [`GIVEN_ORDER_FACTOR`]): lowered.
    pub given_reversed: bool,
    /// A weak rule aligned a word, or the name matched as a company's short
    /// form: capped at [`WEAK_RULE_CAP`].
    pub weak: bool,
    /// Which words left over cost less, and why.
    pub leftover: Leftover,
}

/// Whether a listed Korean `FAMILY, Given1 Given2` met its family name and
/// both given syllables, from adjacent query words in reverse order.
fn given_names_reversed(pairs: &[Pair], listed: &[ScoredToken<'_>], family_len: usize) -> bool {
    // The UN writes Korean names family name first with no comma.
    let family_len = match family_len {
        0 if listed.len() == 3 && korean::is_family_name(listed[0].text) => 1,
        known => known,
    };
    if family_len == 0 || listed.len() != family_len + 2 {
        return false;
    }
    let single = |j: usize| {
        pairs
            .iter()
            .find(|p| p.listed == (j..j + 1) && p.query.len() == 1)
    };
    let family_matched = pairs.iter().any(|p| p.listed.start < family_len);
    let reversed = match (single(family_len), single(family_len + 1)) {
        (Some(first), Some(second)) => family_matched && second.query.end == first.query.start,
        _ => false,
    };
    // The syllable lookup last: most candidates are not reversed.
    reversed
        && listed[family_len..]
            .iter()
            .all(|t| korean::is_syllable(t.text))
}

/// Which words left over cost less than their weight: the cases where a
/// name is all there with a word more or a word less.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Leftover {
    /// Every listed word matched (at least two): the query's extra affixes
    /// cost [`EXTRA_AFFIX_FACTOR`].
    pub extra_words: bool,
    /// Every listed word matched, three or more: other extra words cost
    /// [`EXTRA_WORD_FACTOR`].
    pub extra_names: bool,
    /// Every query word matched (at least two) and the list has one word
    /// more, or more at its end: each costs [`DROPPED_WORD_FACTOR`].
    pub dropped_word: bool,
    /// The words left out are the listed name's last ones, two or more.
    pub dropped_end: bool,
    /// A company named by its distinctive words alone: generic words and
    /// legal forms left over cost [`SHORT_FORM_FACTOR`].
    pub short_form: bool,
    /// A short form whose words left over are legal forms and stopwords
    /// only: the company by its full name, its legal form left out or
    /// written another way (`Korea Kwangson Banking` for `KOREA KWANGSON
    /// BANKING CORP`). A legal form says what kind of company, not which,
    /// so this is no weak evidence, unlike a generic word left out.
    pub legal_form_only: bool,
}

/// Whether a word matched without a weak rule, at `similarity` or more, is
/// rare on the lists and among applicants (`evidence` or more), on both
/// sides: it identifies, where `Mahmoud` or `Smith` only narrows.
fn identifying(
    query: &[ScoredToken<'_>],
    listed: &[ScoredToken<'_>],
    pairs: &[Pair],
    similarity: f32,
    evidence: f32,
) -> bool {
    pairs.iter().any(|p| {
        !p.rule.is_weak()
            && p.similarity >= similarity
            && query[p.query.clone()]
                .iter()
                .chain(&listed[p.listed.clone()])
                .all(|t| t.evidence >= evidence)
    })
}

/// One pair a letter slip (first letter, or a short word's), in words of
/// [`SLIP_MIN_LEN`] letters or more on both sides, and every other pair
/// written alike or a spelling variant.
fn one_slip(query: &[ScoredToken<'_>], listed: &[ScoredToken<'_>], pairs: &[Pair]) -> bool {
    let long_slip = |p: &Pair| {
        matches!(p.rule, Rule::FirstLetter | Rule::ShortTypo)
            && query[p.query.clone()]
                .iter()
                .chain(&listed[p.listed.clone()])
                .all(|t| t.facts.chars >= SLIP_MIN_LEN)
    };
    pairs.iter().filter(|p| p.rule.is_weak()).count() == 1
        && pairs.iter().all(|p| {
            if p.rule.is_weak() {
                long_slip(p)
            } else {
                p.similarity >= VARIANT_SIM
            }
        })
}

/// The one query word and the one listed word a person's alignment left
/// over, paired as a slip when they are one edit apart as written, of
/// [`LAST_SLIP_MIN_LEN`] letters or more, and every other word agrees with one
/// that identifies among them (`POLYAKOVA, lAla Viktorovna`, `LORENZANA
/// Kordon, Ovaldino`). [`compare_weak`] turns such a pair down when its
/// query word is a name of its own (`Kordon`, `Zaid`) or a short listed
/// word, since alone it would be another name; the rest of the name,
/// rare and whole, says it is this one. A possible match at most, and
/// always one when the slipped words have [`SLIP_MIN_LEN`] letters
/// ([`one_slip`]); shorter, only when the rest weighs enough.
fn last_slip(
    query: &[ScoredToken<'_>],
    listed: &[ScoredToken<'_>],
    used_query: &[bool],
    used_listed: &[bool],
    pairs: &[Pair],
) -> Option<Pair> {
    let only_unused = |used: &[bool]| {
        let mut unused = used.iter().enumerate().filter(|(_, &u)| !u);
        match (unused.next(), unused.next()) {
            (Some((at, _)), None) => Some(at),
            _ => None,
        }
    };
    let (i, j) = (only_unused(used_query)?, only_unused(used_listed)?);
    let (q, l) = (&query[i], &listed[j]);
    let word = |t: &ScoredToken<'_>| {
        t.class == TermClass::Word && !t.facts.number && t.facts.chars >= LAST_SLIP_MIN_LEN
    };
    if !(word(q) && word(l))
        || q.facts.chars.abs_diff(l.facts.chars) > 1
        || pairs
            .iter()
            .any(|p| p.rule.is_weak() || p.similarity < VARIANT_SIM)
        || !identifying(query, listed, pairs, 1.0, SLIP_WITNESS_MIN_EVIDENCE)
        || !within_one_edit_as_read(q, l)
    {
        return None;
    }
    let shortest = q.facts.chars.min(l.facts.chars);
    let (rule, similarity) = if q.text.chars().next() != l.text.chars().next() {
        (Rule::FirstLetter, typo_sim(shortest) - FIRST_LETTER_PENALTY)
    } else {
        (Rule::ShortTypo, SHORT_TYPO_SIM)
    };
    Some(Pair {
        query: i..i + 1,
        listed: j..j + 1,
        rule,
        similarity,
    })
}

/// Words that are not names: generic words, legal forms (one word, or a
/// word of one written out: `Limited Liability Company`), stopwords.
fn is_generic(t: &ScoredToken<'_>) -> bool {
    t.class == TermClass::Generic || is_legal_form_or_stopword(t)
}

/// A legal form (`Corp`, a word of `limited liability company`) or a
/// stopword: what a company's name may leave out and still be written in full.
fn is_legal_form_or_stopword(t: &ScoredToken<'_>) -> bool {
    matches!(t.class, TermClass::LegalForm(_) | TermClass::Stopword) || t.facts.legal_phrase_word
}

/// A name made of syllables (`JANG, Yong Son`, `CHOU, Hsien Cheng`, `TUN,
/// Zaw Min`): its parts are shared by so many that one left out, or all but
/// one written as initials, leaves another name.
fn is_name_of_syllables(listed: &[ScoredToken<'_>]) -> bool {
    listed.iter().all(|t| {
        is_one_syllable(t) || korean::is_syllable(t.text) || korean::is_family_name(t.text)
    })
}

/// A short word with one group of vowels (`Yong`, `Hsien`, `Myo`, `Zaw`):
/// the syllables Chinese, Korean and Burmese names are made of, unlike
/// Arabic words of the same length (`Talhi`, `Adnan`, `Ayad`). A `y`
/// before a vowel is a consonant (`Kyong`, `Ayad`), elsewhere a vowel
/// (`Sayf`).
fn is_one_syllable(t: &ScoredToken<'_>) -> bool {
    let bytes = t.text.as_bytes();
    let plain_vowel = |i: usize| bytes.get(i).is_some_and(|c| b"aeiou".contains(c));
    let vowel = |i: usize| plain_vowel(i) || (bytes[i] == b'y' && !plain_vowel(i + 1));
    let groups = (0..bytes.len())
        .filter(|&i| vowel(i) && (i == 0 || !vowel(i - 1)))
        .count();
    t.facts.chars <= SYLLABLE_MAX_LEN && groups <= 1
}

/// A word of a company's name that a short name leaves out: a series or
/// branch mark of one or two letters or digits (`SZ DJI TECHNOLOGY` is
/// called `DJI`, `OSTOZHENKA 19` `Ostozhenka`) or a place (`YANBIAN
/// SILVERSTAR` is `Silverstar`).
fn is_designator(t: &ScoredToken<'_>) -> bool {
    t.facts.chars <= 2 || t.facts.number || is_place_word(t.text)
}

/// A word added to a name that says nothing about who it is: a number, a
/// single letter, a title or degree (stopwords, and `Sheikh`, `Sayyid`), a
/// generic business word.
fn is_affix(t: &ScoredToken<'_>) -> bool {
    t.facts.chars == 1 || t.facts.number || is_generic(t) || is_honorific_name(t.text)
}

impl Leftover {
    /// `strong_pairs` is how many of `pairs` no weak rule made.
    fn assess(
        query: &[ScoredToken<'_>],
        listed: &[ScoredToken<'_>],
        used_query: &[bool],
        used_listed: &[bool],
        pairs: &[Pair],
        strong_pairs: usize,
        person: bool,
    ) -> Leftover {
        let count = |used: &[bool]| used.iter().filter(|&&u| u).count();
        // Strong pairs of words that are names, not articles (`al`, `de`).
        let strong_words = pairs
            .iter()
            .filter(|p| {
                !p.rule.is_weak()
                    && listed[p.listed.clone()]
                        .iter()
                        .any(|t| t.class != TermClass::Stopword)
            })
            .count();
        let all_listed = used_listed.iter().all(|&u| u);
        let all_query = used_query.iter().all(|&u| u);
        let extra_words = all_listed && count(used_listed) >= 2 && strong_pairs >= 2;
        // A whole extra name costs less only beside a name of three words
        // or more: beside two (`SON, Min`), it may be another family name.
        let extra_names = extra_words && count(used_listed) >= 3;
        // Stopwords (`al`, `de`) left over do not count as a dropped word.
        let left_listed = listed
            .iter()
            .zip(used_listed)
            .filter(|(t, &u)| !u && t.class != TermClass::Stopword)
            .count();
        // Only when a word that matched identifies, or three words agree:
        // `Mahmoud Habib` meets `MAHMOUD, Ali Habib` on two frequent words,
        // which says little; `Lopez Henry de Jesus` meets `LOPEZ LONDONO,
        // Henry de Jesus` on three. Not in a name of syllables (`JANG, Yong
        // Son`, `CHOU, Hsien Cheng`, `TUN, Zaw Min`): `Jang Yong` is another
        // given name, not the same one shortened.
        // Asked last, and only of a name that may have dropped a word: the
        // scorer assesses every candidate.
        let syllables = || is_name_of_syllables(listed);
        // Or the last words of a long name, every word before them there
        // (`AZIZAH, Sa'id Yusif` for `AZIZAH, Sa'id Yusif Ali Abu`): how a
        // name chain is shortened, and how a form's length limit cuts it
        // between words. Only beside a word that identifies.
        let witness = || identifying(query, listed, pairs, VARIANT_SIM, DROPPED_WORD_MIN_EVIDENCE);
        let trailing_left_out = || {
            let first_left = used_listed.iter().position(|&u| !u);
            first_left.is_some_and(|at| !used_listed[at..].contains(&true))
        };
        let may_drop = person && all_query && strong_pairs >= 2 && listed.len() >= 3;
        let dropped_one = may_drop
            && left_listed == 1
            && (strong_words >= DROPPED_WORD_MIN_AGREEING || witness())
            && !syllables();
        let dropped_end =
            may_drop && left_listed > 1 && trailing_left_out() && witness() && !syllables();
        // A company by its distinctive words: each of them on both sides
        // matched, as written or as a spelling variant (a typo on top of a
        // short form is too little), together weighing enough. A listed
        // series or branch mark or a place may be left out too (see
        // [`is_designator`]), beside a word the lists hold rarely: `National
        // Insurance Company` is not `KOREA NATIONAL INSURANCE CORPORATION`.
        let distinctive = |t: &ScoredToken<'_>| !is_generic(t);
        let close = pairs.iter().all(|p| {
            p.similarity >= VARIANT_SIM || p.listed.clone().all(|j| !distinctive(&listed[j]))
        });
        let short_form = !person
            && close
            && query
                .iter()
                .zip(used_query)
                .all(|(t, &u)| u || !distinctive(t))
            && listed
                .iter()
                .zip(used_listed)
                .all(|(t, &u)| u || !distinctive(t) || is_designator(t))
            && (listed
                .iter()
                .zip(used_listed)
                .all(|(t, &u)| u || !distinctive(t))
                || listed.iter().zip(used_listed).any(|(t, &u)| {
                    u && distinctive(t)
                        && !is_designator(t)
                        && t.weight >= DESIGNATOR_WITNESS_MIN_WEIGHT
                }))
            && listed
                .iter()
                .zip(used_listed)
                .filter(|(t, &u)| u && distinctive(t))
                .map(|(t, _)| t.weight)
                .sum::<f32>()
                >= SHORT_FORM_MIN_WEIGHT
            && !all_listed;
        let legal_form_only = short_form
            && query
                .iter()
                .zip(used_query)
                .chain(listed.iter().zip(used_listed))
                .all(|(t, &u)| u || is_legal_form_or_stopword(t));
        Leftover {
            extra_words,
            extra_names,
            dropped_word: dropped_one || dropped_end,
            dropped_end,
            short_form,
            legal_form_only,
        }
    }

    fn query_factor(&self, t: &ScoredToken<'_>) -> f32 {
        if self.short_form && is_generic(t) {
            SHORT_FORM_FACTOR
        } else if self.extra_words && is_affix(t) {
            EXTRA_AFFIX_FACTOR
        } else if self.extra_names {
            EXTRA_WORD_FACTOR
        } else {
            1.0
        }
    }

    fn listed_factor(&self, t: &ScoredToken<'_>) -> f32 {
        if self.short_form && (is_generic(t) || is_designator(t)) {
            SHORT_FORM_FACTOR
        } else if self.dropped_word {
            DROPPED_WORD_FACTOR
        } else {
            1.0
        }
    }
}

/// Similarity of a one-edit typo in a word of `len` letters: a typo in a
/// long word is more likely a typo, in a short word more likely another word.
pub fn typo_sim(len: usize) -> f32 {
    (1.0 - 0.6 / len as f32).min(TYPO_SIM_MAX)
}

/// How two single tokens compare, if at all.
fn compare(a: &ScoredToken<'_>, b: &ScoredToken<'_>, person: bool) -> Option<(Rule, f32)> {
    if a.text == b.text {
        return Some((Rule::Exact, 1.0));
    }
    if a.alternate_text == Some(b.text) || b.alternate_text == Some(a.text) {
        return Some((Rule::Exact, 1.0));
    }
    match (a.class, b.class) {
        (TermClass::LegalForm(x), TermClass::LegalForm(y)) => {
            return Some(if x == y {
                (Rule::LegalForm, 1.0)
            } else {
                (Rule::OtherLegalForm, OTHER_LEGAL_FORM_SIM)
            });
        }
        // A legal form's abbreviation is no spelling of a word (`JSC` is
        // not `CSC`, nor `Cssc`); one written out may be misspelt
        // (`Compnay`, `C0mpany`).
        (TermClass::LegalForm(_), _) | (_, TermClass::LegalForm(_))
            if a.facts.chars.min(b.facts.chars) <= LEGAL_ABBREVIATION_MAX_LEN =>
        {
            return None;
        }
        _ => {}
    }
    if a.alternate_key == Some(b.key) || b.alternate_key == Some(a.key) {
        return Some((Rule::Variant, VARIANT_SIM));
    }
    match compare_text(a, b) {
        // A word without its vowels that is also one letter off (`Crnha`
        // for `Cranha`) reads better as the skeleton: a typo's similarity
        // in a short word says it is likely another word.
        Some((Rule::Typo, typo)) => Some(
            compare_skeleton(a, b)
                .filter(|&(_, skeleton)| skeleton > typo)
                .unwrap_or((Rule::Typo, typo)),
        ),
        Some(found) => Some(found),
        None => compare_weak(a, b, person),
    }
}

/// The query word `a` as the listed `b` without its inner vowels (see
/// [`looks_vowel_dropped`], [`looks_short_skeleton`]).
fn compare_skeleton(a: &ScoredToken<'_>, b: &ScoredToken<'_>) -> Option<(Rule, f32)> {
    if a.facts.number || b.facts.number || a.class != TermClass::Word {
        return None;
    }
    let (a_len, b_len) = (a.facts.chars, b.facts.chars);
    let skeleton = a.facts.vowel_dropped || (a.facts.short_skeleton && b_len > a_len);
    if !(skeleton && is_vowel_skeleton_of(b.text, a.text)) {
        return None;
    }
    let sim = if a_len >= SHORT_SKELETON_LEN {
        SKELETON_SIM
    } else {
        SHORT_SKELETON_SIM
    };
    Some((Rule::Skeleton, sim))
}

/// A one-letter stopword (`y`, `e`): in a person's name, perhaps an initial.
fn is_letter_stopword(t: &ScoredToken<'_>) -> bool {
    t.class == TermClass::Stopword && t.facts.chars == 1
}

/// The weak rules ([`Rule::is_weak`]), tried when no other rule bridges
/// two words: an initial (people only), a word without its vowels, one slip
/// at the first letter ([`first_letter_slip`]), one slip in a short word
/// that no listed name holds. A query word that is a common name takes none
/// of the slips: it is that name.
fn compare_weak(a: &ScoredToken<'_>, b: &ScoredToken<'_>, person: bool) -> Option<(Rule, f32)> {
    if a.facts.number || b.facts.number {
        return None;
    }
    let (a_len, b_len) = (a.facts.chars, b.facts.chars);
    let initial_of = |one: &str, one_len: usize, word: &str, word_len: usize| {
        one_len == 1
            && word_len > 1
            && one.chars().next() == word.chars().next()
            && one.chars().all(char::is_alphabetic)
    };
    // In a company's name a single letter is part of an abbreviation
    // (`E. S. Co.`), not a person's initial. A letter that is also a
    // stopword (`Y.`, Spanish `y`) may be an initial: Yong, Yuriy.
    if person
        && (a.class == TermClass::Word || is_letter_stopword(a))
        && (initial_of(a.text, a_len, b.text, b_len) || initial_of(b.text, b_len, a.text, a_len))
    {
        return Some((Rule::Initial, INITIAL_SIM));
    }
    if a.class != TermClass::Word {
        return None;
    }
    if let Some(skeleton) = compare_skeleton(a, b) {
        return Some(skeleton);
    }
    // A query word that is itself a common name is that name, not a slip
    // (`Kamal` is not a typo of `Jamal`). The cheap tests first: most pairs
    // the scorer compares are two unrelated words.
    let shortest = a_len.min(b_len);
    if a.evidence < a.weight || a_len.abs_diff(b_len) > 1 {
        return None;
    }
    let first_letter =
        shortest >= FIRST_LETTER_MIN_LEN && a.text.chars().next() != b.text.chars().next();
    // A short word one slip from a listed one, that no listed name holds
    // (weight 1): `Kuj` for `Kuk`, `Hcol` for `Chol`.
    let short = (3..FIRST_LETTER_MIN_LEN).contains(&shortest) && a.weight >= 1.0;
    if !(first_letter || short) || !within_one_edit_as_read(a, b) {
        return None;
    }
    if !first_letter {
        return Some((Rule::ShortTypo, SHORT_TYPO_SIM));
    }
    first_letter_slip(a.text, b.text, shortest, a.weight >= 1.0)
        .then(|| (Rule::FirstLetter, typo_sim(shortest) - FIRST_LETTER_PENALTY))
}

/// Whether two words one edit apart at the first letter may be one name:
/// letters swapped or one added or dropped (`eBnjamin`), a first letter
/// spelled by ear (`Cristina`, `Zamir`, `Ielena`), any other first letter
/// when the query's word is on no list (`Toman`, `unlisted`), or in a word
/// of [`OTHER_FIRST_LETTER_MIN_LEN`] letters or more (`Tennadyevich`).
/// Not `Kamal` for `Jamal`: the lists know Kamal, another name.
fn first_letter_slip(a: &str, b: &str, len: usize, unlisted: bool) -> bool {
    let (mut a_chars, mut b_chars) = (a.chars(), b.chars());
    let (Some(x), Some(y)) = (a_chars.next(), b_chars.next()) else {
        return false;
    };
    if a_chars.as_str() != b_chars.as_str() {
        return true;
    }
    let sounds_alike = SAME_SOUND_FIRST_LETTERS
        .iter()
        .any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y));
    sounds_alike || unlisted || len >= OTHER_FIRST_LETTER_MIN_LEN
}

/// First letters that spell one sound in names: `Cristina`/`Kristina`,
/// `Samir`/`Zamir`, `Yelena`/`Ielena`, `Yusuf`/`Jusuf`, `Gamal`/`Jamal`.
const SAME_SOUND_FIRST_LETTERS: &[(char, char)] = &[
    ('c', 'k'),
    ('c', 's'),
    ('s', 'z'),
    ('k', 'q'),
    ('c', 'q'),
    ('i', 'y'),
    ('j', 'y'),
    ('g', 'j'),
    ('v', 'w'),
    ('e', 'i'),
    ('o', 'u'),
];

/// The query's last word cut short (`Nik` for `Nikolaevich`), as a form's
/// length limit cuts it.
fn compare_truncated(a: &ScoredToken<'_>, b: &ScoredToken<'_>) -> Option<(Rule, f32)> {
    let (a_len, b_len) = (a.facts.chars, b.facts.chars);
    // A common name that listed names hold (`Cho` for `Chol`) is a name of
    // its own, not a cut one; but not where it begins a patronymic, which
    // no given name follows (`Vladimir Ana` for `Vladimir Anatolyevich`),
    // nor where much of the word is cut (`Ma` for `Mario`, a form's field
    // cut at 20 characters).
    let common = a.evidence < a.weight && a.weight < 1.0;
    if a_len < TRUNCATED_MIN_LEN
        || (common && !is_patronymic(b.text) && b_len < a_len + TRUNCATED_COMMON_MIN_CUT)
        || b_len <= a_len
        || a.facts.number
        || !b.text.starts_with(a.text)
    {
        return None;
    }
    Some((
        Rule::Truncated,
        TRUNCATED_BASE + TRUNCATED_SPAN * a_len as f32 / b_len as f32,
    ))
}

/// Rules for texts that differ: variant key, then typos. `a` is the query's
/// token, `b` the listed one. Numbers match exactly or not at all: 110th is
/// not 111th.
fn compare_text(a: &ScoredToken<'_>, b: &ScoredToken<'_>) -> Option<(Rule, f32)> {
    if a.facts.number || b.facts.number {
        return None;
    }
    // Initialisms are spelt letter by letter, not romanised (`NBC` is not
    // `NPC`, nor `NTT` `NT`): as written or misread only.
    if a.facts.initialism && b.facts.initialism {
        return misread(a.text, b.text).then_some((Rule::Misread, MISREAD_SIM));
    }
    if a.facts.chars <= SHORT_PART_LEN || b.facts.chars <= SHORT_PART_LEN {
        let class = a.facts.variant_class;
        if class.is_some() && class == b.facts.variant_class {
            return Some((Rule::Variant, VARIANT_SIM));
        }
        if same_but_doubled(a.text, b.text) {
            return Some((Rule::Variant, VARIANT_SIM));
        }
        return misread(a.text, b.text).then_some((Rule::Misread, MISREAD_SIM));
    }
    if a.key == b.key {
        return Some((Rule::Variant, VARIANT_SIM));
    }
    let shortest = a.facts.key_chars.min(b.facts.key_chars);
    // A typo is one edit as written (`Hyun`/`Hyon`, `Mohaed`/`Mohamed`), or
    // once OCR misreads are read back (`Moharnmad`/`Mohammad`): two written
    // edits make another name even when folding brings the keys close
    // (`Haddad`/`Khattab`, `Zhang`/`Chung`). Nor is a different first
    // letter, as written or folded: people rarely mistype it, and
    // `Nasser`/`Yaser` are two names (`Eruope` is `Europe`, `Khussain` is
    // `Hussain`).
    if shortest >= MIN_FUZZY_KEY_LEN
        && (a.text.chars().next() == b.text.chars().next()
            || a.key.as_bytes().first() == b.key.as_bytes().first())
        && within_one_edit_as_read(a, b)
        && !other_korean_syllables(a.text, b.text)
    {
        return Some((Rule::Typo, typo_sim(shortest)));
    }
    None
}

/// Whether two words are spellings of two different Korean syllables that
/// differ in one vowel (`Jang` 장 and `Jong` 정, `Sang` 상 and `Song` 성):
/// another family or given name, not a slip. A letter left out or added
/// (`Kong` for `Kyong`) may still be a slip, and spellings of one syllable
/// (`Hyun` and `Hyon`, both 현) stay a typo when the keys differ.
fn other_korean_syllables(a: &str, b: &str) -> bool {
    use crate::normalize::is_vowel;
    let mut differing = a.bytes().zip(b.bytes()).filter(|(x, y)| x != y);
    let one_vowel_apart = a.len() == b.len()
        && differing
            .next()
            .is_some_and(|(x, y)| is_vowel(x) && is_vowel(y))
        && differing.next().is_none();
    if !one_vowel_apart {
        return false;
    }
    // The syllables each may be, by variant key: the table lists `jong` as
    // 종 only, though the lists write 정 so too (`JONG, Yong Su`), and its
    // key is that of `jeong`.
    let keys = |word: &str| -> Option<Vec<String>> {
        let key = crate::normalize::variant_key;
        let forms = korean::revised_spellings(word)?;
        Some(forms.map(key).chain([key(word)]).collect())
    };
    let Some(a_keys) = keys(a) else {
        return false;
    };
    keys(b).is_some_and(|b_keys| !a_keys.iter().any(|key| b_keys.contains(key)))
}

/// Whether two short parts differ only by a letter written twice (`Ill`
/// for `Il`): the variant key reads doubled letters once, but a part of
/// two letters is compared as written.
fn same_but_doubled(a: &str, b: &str) -> bool {
    a != b && letters_once(a).eq(letters_once(b))
}

/// A word's letters with each run of one letter read once.
fn letters_once(word: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    word.chars().filter(move |&c| last.replace(c) != Some(c))
}

/// Whether the query's short part `query` is the listed `listed` with
/// letters misread: a digit for the letter it looks like ([`ocr_letter`]:
/// `k0`, `i1`), `1` for a capital I, or `l` for `i` (a capital I read as a
/// small L) in a part with no vowel, so no word of its own (`Ll`, `Jl`; not
/// `Al`).
fn misread(query: &str, listed: &str) -> bool {
    let (q, l) = (query.as_bytes(), listed.as_bytes());
    let vowelless = !q.iter().any(|b| b"aeiouy".contains(b));
    q.len() == l.len()
        && q != l
        && q.iter().zip(l).all(|(&x, &y)| {
            x == y
                || ocr_letter(x) == Some(y)
                || (x, y) == (b'1', b'i')
                || (vowelless && x == b'l' && y == b'i')
        })
}

/// One edit apart as written, or once OCR misreads are read back.
fn within_one_edit_as_read(a: &ScoredToken<'_>, b: &ScoredToken<'_>) -> bool {
    within_one_edit(a.text, b.text)
        || match (&a.facts.ocr, &b.facts.ocr) {
            (None, None) => false,
            (a_read, b_read) => within_one_edit(
                a_read.as_deref().unwrap_or(a.text),
                b_read.as_deref().unwrap_or(b.text),
            ),
        }
}

/// Two adjacent query tokens written as one word (`SONG` `HWA` →
/// `songhwa`), with its variant key.
struct Joined {
    text: String,
    /// The variant key, or `None` when one half is a single letter: a word
    /// split at its last letter (`DIN,G`) is matched as written, but an
    /// initial is not half of a spelling (`P. Polina` is not `Ppolina`).
    key: Option<String>,
}

/// Every adjacent pair of the query's `tokens` joined: `None` where a
/// number is involved (`LAB 110` is not `LAB110`).
fn joined_pairs(tokens: &[ScoredToken<'_>]) -> Vec<Option<Joined>> {
    tokens
        .windows(2)
        .map(|w| {
            if w[0].facts.number || w[1].facts.number {
                return None;
            }
            let text = [w[0].text, w[1].text].concat();
            let key = (w[0].facts.chars > 1 && w[1].facts.chars > 1)
                .then(|| crate::normalize::variant_key(&text));
            Some(Joined { text, key })
        })
        .collect()
}

/// A listed token against two adjacent query tokens, `two`, written apart.
fn compare_joined_query(
    one: &ScoredToken<'_>,
    joined: &Option<Joined>,
    two: &[ScoredToken<'_>],
) -> Option<(Rule, f32)> {
    let joined = joined.as_ref()?;
    if one.text == joined.text {
        return Some((Rule::Joined, JOINED_SIM));
    }
    // A word written as one of the two is that one (see
    // `compare_joined_listed`).
    if two.iter().any(|t| t.text == one.text) {
        return None;
    }
    // Spelling variants, but no typos, across a join: the index looks the
    // halves up by text and key only.
    (joined.key.as_deref() == Some(one.key)).then_some((Rule::Joined, VARIANT_SIM * JOINED_SIM))
}

/// A query token against two adjacent listed tokens `a` `b` written apart,
/// whose joined key has hash `joined_hash` ([`joined_key_hash`]). The
/// joined key itself is made only when the hashes agree, to confirm it.
fn compare_joined_listed(
    one: &ScoredToken<'_>,
    a: &str,
    b: &str,
    joined_hash: u64,
    join: &mut JoinBuffers,
) -> Option<(Rule, f32)> {
    // The hash first: nearly every word compared is no join of the two.
    // A word written as the two joined has their joined key, so its hash
    // too (`one`'s key is the variant key of its text).
    if joined_hash == NO_JOIN || one.facts.key_hash != joined_hash {
        return None;
    }
    if one.text.len() == a.len() + b.len() && one.text.starts_with(a) && one.text.ends_with(b) {
        return Some((Rule::Joined, JOINED_SIM));
    }
    // As on the query's side, a half of one letter joins only as written:
    // by key, `MALAMAR R` would be `Malamar` (the doubled `r` folds). Nor
    // is a word written as one half those two by key: `Memotherm` is
    // `MEMOTHERM` and leaves `MM`, not `MEMOTHERM MM` with its `mm` folded.
    if a.chars().nth(1).is_none() || b.chars().nth(1).is_none() || one.text == a || one.text == b {
        return None;
    }
    (join.joined_key(a, b) == one.key).then_some((Rule::Joined, VARIANT_SIM * JOINED_SIM))
}

/// Two words against two with the same letters split at another place
/// (`Kwangi-l` for `KWANG-IL`, `Ald-Ulaymi` for `AL-DULAYMI`): a hyphen or
/// space moved. As written only, and never at the same place, where the
/// words compare one by one.
fn compare_split_elsewhere(
    two: &[ScoredToken<'_>],
    listed: &[ScoredToken<'_>],
) -> Option<(Rule, f32)> {
    let (a, b) = (two[0].text, two[1].text);
    let (x, y) = (listed[0].text, listed[1].text);
    (a.len() != x.len()
        && a.len() + b.len() == x.len() + y.len()
        && a.bytes().chain(b.bytes()).eq(x.bytes().chain(y.bytes())))
    .then_some((Rule::Resplit, JOINED_SIM))
}

/// An initial for a name that begins with an article (`A.` for
/// `AL-RIDA`): the initial of the name as written, so of the article and
/// the word after it together. Only a name at either end of the listed
/// name, where a family name is: inside a chain, the article belongs to
/// the word before it (`abd al-Ghafur`).
fn compare_article_initial(
    one: &ScoredToken<'_>,
    article: &ScoredToken<'_>,
    word: &ScoredToken<'_>,
) -> Option<(Rule, f32)> {
    if one.facts.chars != 1 || article.class != TermClass::Stopword {
        return None;
    }
    let letter = one.text.chars().next().filter(|c| c.is_alphabetic())?;
    (article.text.starts_with(letter) && word.class == TermClass::Word)
        .then_some((Rule::Initial, INITIAL_SIM))
}

/// One token against three written apart whose middle one is an article or
/// particle of two letters: Arabic compound names written as one word
/// (`ABDALGHAFUR` = `ABD-AL-GHAFUR`, `Safialdin` = `SAFI-AL-DIN`), and
/// `Delarosa` = `DE LA ROSA`. As written only: no key is made for three.
fn compare_joined_article(one: &ScoredToken<'_>, three: &[ScoredToken<'_>]) -> Option<(Rule, f32)> {
    let [a, article, b] = three else {
        return None;
    };
    if article.class != TermClass::Stopword || article.text.len() != 2 {
        return None;
    }
    let rest = one.text.strip_prefix(a.text)?.strip_prefix(article.text)?;
    (rest == b.text).then_some((Rule::Joined, JOINED_SIM))
}

/// A legal form written out in `words` (`Limited Liability Company`) aligned
/// with the same legal form written as one token in `one` (`LLC`); `swap`
/// when `words` is the listed side.
fn legal_phrase_pairs(
    words: &[ScoredToken<'_>],
    one: &[ScoredToken<'_>],
    swap: bool,
    options: &mut Vec<AlignmentOption>,
) {
    if !one
        .iter()
        .any(|t| matches!(t.class, TermClass::LegalForm(_)))
    {
        return;
    }
    for start in 0..words.len() {
        // Most words are in no phrase: one lookup spares comparing each phrase.
        if !words[start].facts.legal_phrase_word {
            continue;
        }
        for &(ref phrase, form) in legal_phrases_starting_with(words[start].text) {
            let end = start + phrase.len();
            if end > words.len()
                || !phrase
                    .iter()
                    .zip(&words[start..end])
                    .all(|(w, t)| *w == t.text)
            {
                continue;
            }
            for (j, t) in one.iter().enumerate() {
                if t.class == TermClass::LegalForm(form) {
                    let (query, listed) = if swap {
                        (j..j + 1, start..end)
                    } else {
                        (start..end, j..j + 1)
                    };
                    push_option(options, query, listed, Some((Rule::LegalForm, 1.0)));
                }
            }
        }
    }
}

/// Adds the option of aligning `query` with `listed` when they compared
/// (`compared`: the rule and its similarity), with its place in the order
/// options are made, the last tie-break of the greedy order.
fn push_option(
    options: &mut Vec<AlignmentOption>,
    query: Range<usize>,
    listed: Range<usize>,
    compared: Option<(Rule, f32)>,
) {
    if let Some((rule, similarity)) = compared {
        let order = options.len() as u32;
        let pair = Pair {
            query,
            listed,
            rule,
            similarity,
        };
        options.push(AlignmentOption {
            pair,
            order,
            rank: (false, 0.0),
        });
    }
}

/// A pair [`score_into`] may align, with its place in the order options
/// are made and its rank in the greedy order. The rank is set once, when
/// every option is made: the sort compares each option many times.
#[derive(Clone, Debug)]
struct AlignmentOption {
    pair: Pair,
    order: u32,
    rank: (bool, f32),
}

/// Scores `query` against `listed`. `family_len` and `query_family_len` are
/// the numbers of leading listed and query tokens that are a person's family
/// name (0 if unknown); `person` turns on the rules that a person's name
/// needs two matching parts and, when the family name is known, that it is
/// one of them, and that two family names written as such should agree.
///
/// The one-call form, for tests and explanations: screening scores many
/// names with [`score_into`] and one [`Scratch`].
pub fn score_name(
    query: &[ScoredToken<'_>],
    listed: &[ScoredToken<'_>],
    person: bool,
    family_len: usize,
    query_family_len: usize,
) -> Option<NameScore> {
    let listed_joined: Vec<u64> = listed_joined_hashes(listed);
    let name = ListedName {
        tokens: listed,
        joined: &listed_joined,
        person,
        family_len,
    };
    let mut scratch = Scratch::default();
    let scored = score_into(
        query,
        &QueryPairs::of(query),
        &name,
        query_family_len,
        &mut scratch,
    )?;
    Some(alignment(scored, query, &name, &scratch))
}

/// [`joined_key_hash`] of each adjacent pair of `tokens`.
pub fn listed_joined_hashes(tokens: &[ScoredToken<'_>]) -> Vec<u64> {
    tokens
        .windows(2)
        .map(|w| joined_key_hash(w[0].text, w[1].text))
        .collect()
}

/// A query's adjacent words joined, with their keys: made once per query
/// reading and handed to [`score_into`] for every candidate.
pub struct QueryPairs(Vec<Option<Joined>>);

impl QueryPairs {
    pub fn of(query: &[ScoredToken<'_>]) -> QueryPairs {
        QueryPairs(joined_pairs(query))
    }
}

/// A listed name as the scorer reads it.
pub struct ListedName<'n, 'a> {
    pub tokens: &'n [ScoredToken<'a>],
    /// [`joined_key_hash`] of each adjacent pair of `tokens` (one fewer):
    /// the index works them out once per name.
    pub joined: &'n [u64],
    /// It is a person's name (see [`score_name`]).
    pub person: bool,
    /// Leading tokens that are the family name, or 0.
    pub family_len: usize,
}

impl ListedName<'_, '_> {
    /// Whether token `j` is a person's patronymic: among the given names
    /// after a known family name. Left out, it costs less
    /// ([`MISSING_PATRONYMIC_FACTOR`]), and the explanation says why.
    fn is_patronymic_at(&self, j: usize) -> bool {
        self.person
            && self.family_len > 0
            && j >= self.family_len
            && is_patronymic(self.tokens[j].text)
    }
}

/// The buffers scoring reuses from one candidate to the next. After
/// [`score_into`], `pairs` holds the alignment it chose, in the greedy
/// order; [`alignment`] turns it into a [`NameScore`].
#[derive(Default)]
pub struct Scratch {
    /// Every alignment option, with the order it was made in.
    options: Vec<AlignmentOption>,
    /// How each query word compared with a listed term ([`compare`], or a
    /// cut word's [`compare_truncated`]): a row of one result per query
    /// word, at `compared[rows[(term, person)]..]` (a person's name and a
    /// company's are compared by different rules). Valid for one query
    /// reading, the life of a `Scratch` while screening: many candidates
    /// share their words, and each word is compared once.
    compared: Vec<Option<(Rule, f32)>>,
    rows: FastMap<(u32, bool), u32>,
    /// Where each of the candidate's words finds its row in `compared`.
    listed_rows: Vec<u32>,
    pairs: Vec<Pair>,
    used_query: Vec<bool>,
    used_listed: Vec<bool>,
    join: JoinBuffers,
}

/// The alignment [`score_into`] chose, and what the explanation reads of
/// it: `scored` is what it returned (lowered as the caller lowers it) and
/// `scratch` what it left, for the same `query` and `listed`.
pub fn alignment(
    scored: Scored,
    query: &[ScoredToken<'_>],
    listed: &ListedName<'_, '_>,
    scratch: &Scratch,
) -> NameScore {
    let tokens = listed.tokens;
    let mut pairs = scratch.pairs.clone();
    pairs.sort_by_key(|p| p.query.start);
    let common_parts = pairs
        .iter()
        .flat_map(|p| p.query.clone())
        .filter(|&i| query[i].evidence < query[i].weight)
        .collect();
    let patronymics_left_out = (0..tokens.len())
        .filter(|&j| !scratch.used_listed[j] && listed.is_patronymic_at(j))
        .collect();
    NameScore {
        score: scored.score,
        pairs,
        partial: scored.partial,
        roles_swapped: scored.roles_swapped,
        given_reversed: scored.given_reversed,
        weak: scored.weak,
        leftover: scored.leftover,
        common_parts,
        patronymics_left_out,
        cut_short: scored.cut_short,
    }
}

/// Scores `query` against one listed name: see [`score_name`] for the rules
/// and the module's contract for allocation.
pub fn score_into(
    query: &[ScoredToken<'_>],
    query_joined: &QueryPairs,
    listed_name: &ListedName<'_, '_>,
    query_family_len: usize,
    scratch: &mut Scratch,
) -> Option<Scored> {
    let ListedName {
        tokens: listed,
        joined: listed_joined,
        person,
        family_len,
    } = *listed_name;
    if query.is_empty() || listed.is_empty() {
        return None;
    }
    let Scratch {
        options,
        compared: compared_rows,
        rows,
        listed_rows,
        pairs,
        used_query,
        used_listed,
        join,
    } = scratch;
    options.clear();
    // Each listed word's row of comparisons with the query's words: made
    // at its first candidate, read at every later one. A word no term
    // stands for (in tests) gets a row of its own each time.
    listed_rows.clear();
    for l in listed {
        if let Some(&row) = l.term.and_then(|term| rows.get(&(term, person))) {
            listed_rows.push(row);
            continue;
        }
        let row = compared_rows.len() as u32;
        compared_rows.extend(query.iter().enumerate().map(|(i, q)| {
            // People's names only: a company's short last word is more often
            // a word of its own (`OOO BITRIVER RUS`) than a cut one.
            let last = person && i + 1 == query.len() && query.len() > 1;
            compare(q, l, person).or_else(|| last.then(|| compare_truncated(q, l)).flatten())
        }));
        if let Some(term) = l.term {
            rows.insert((term, person), row);
        }
        listed_rows.push(row);
    }
    let query_joined = &query_joined.0;
    for (i, q) in query.iter().enumerate() {
        for (j, l) in listed.iter().enumerate() {
            let compared = compared_rows[listed_rows[j] as usize + i];
            push_option(options, i..i + 1, j..j + 1, compared);
            if j + 1 < listed.len() {
                let compared =
                    compare_joined_listed(q, l.text, listed[j + 1].text, listed_joined[j], join)
                        .or_else(|| {
                            let family_edge = j == 0 || j + 2 == listed.len();
                            (person && family_edge)
                                .then(|| compare_article_initial(q, l, &listed[j + 1]))?
                        });
                push_option(options, i..i + 1, j..j + 2, compared);
            }
            if i + 1 < query.len() {
                let compared = compare_joined_query(l, &query_joined[i], &query[i..i + 2]);
                push_option(options, i..i + 2, j..j + 1, compared);
                if j + 1 < listed.len() {
                    let compared = compare_split_elsewhere(&query[i..i + 2], &listed[j..j + 2]);
                    push_option(options, i..i + 2, j..j + 2, compared);
                }
            }
            if j + 2 < listed.len() {
                let compared = compare_joined_article(q, &listed[j..j + 3]);
                push_option(options, i..i + 1, j..j + 3, compared);
            }
            if i + 2 < query.len() {
                let compared = compare_joined_article(l, &query[i..i + 3]);
                push_option(options, i..i + 3, j..j + 1, compared);
            }
        }
    }
    if !person {
        legal_phrase_pairs(query, listed, false, options);
        legal_phrase_pairs(listed, query, true, options);
    }
    if options.is_empty() {
        return None;
    }
    let span_evidence = |p: &Pair| -> f32 {
        let side = |tokens: &[ScoredToken<'_>], span: &Range<usize>| -> f32 {
            tokens[span.clone()].iter().map(|t| t.evidence).sum()
        };
        let (q, l) = (side(query, &p.query), side(listed, &p.listed));
        // An initial says no more than its word does, whatever a lone
        // letter weighs: otherwise `A` would take `Ali` from `Ali`. A
        // letter that is a stopword too weighs as a stopword, but as an
        // initial it says what any letter says.
        if p.rule == Rule::Initial {
            let letter_stopword = |t: &[ScoredToken<'_>]| is_letter_stopword(&t[0]);
            if letter_stopword(&query[p.query.clone()]) {
                2.0 * l
            } else if letter_stopword(&listed[p.listed.clone()]) {
                2.0 * q
            } else {
                2.0 * q.min(l)
            }
        } else {
            q + l
        }
    };
    // A cut word is placed after every other pair, and among cut words the
    // one that keeps most of its word first: a cut word no list holds
    // weighs fully, and would otherwise take `Vladimir` before the query's
    // own `Vladimir` could (`MAZUR, Vladimir Vlad` for `MAZUR, Vladimir
    // Vladimirovich`), or take the rarer of two words it begins rather
    // than the one it cuts least (`Mohamma` is `Mohammad`, not `Mohammadi`).
    let rank = |p: &Pair| -> (bool, f32) {
        match p.rule {
            Rule::Truncated => (false, p.similarity),
            _ => (true, p.similarity * span_evidence(p)),
        }
    };
    // Greedy: best evidence first (similarity times evidence), ties to the
    // earlier tokens, so that the result does not depend on hash order.
    // Then the order they were made in: with that last key the order is
    // total, and the unstable sort (which allocates nothing) is stable.
    for option in options.iter_mut() {
        option.rank = rank(&option.pair);
    }
    options.sort_unstable_by(|a, b| {
        b.rank
            .0
            .cmp(&a.rank.0)
            .then(b.rank.1.total_cmp(&a.rank.1))
            .then(a.pair.query.start.cmp(&b.pair.query.start))
            .then(a.pair.listed.start.cmp(&b.pair.listed.start))
            .then(a.order.cmp(&b.order))
    });
    used_query.clear();
    used_query.resize(query.len(), false);
    used_listed.clear();
    used_listed.resize(listed.len(), false);
    pairs.clear();
    let mut matched = 0.0f32;
    let mut aligned_evidence = 0.0f32;
    for AlignmentOption { pair: option, .. } in options.iter() {
        if option.query.clone().any(|i| used_query[i])
            || option.listed.clone().any(|j| used_listed[j])
        {
            continue;
        }
        option.query.clone().for_each(|i| used_query[i] = true);
        option.listed.clone().for_each(|j| used_listed[j] = true);
        let evidence = span_evidence(option);
        matched += option.similarity * evidence;
        aligned_evidence += evidence;
        pairs.push(option.clone());
    }
    if person {
        if let Some(slip) = last_slip(query, listed, used_query, used_listed, pairs) {
            slip.query.clone().for_each(|i| used_query[i] = true);
            slip.listed.clone().for_each(|j| used_listed[j] = true);
            let evidence = span_evidence(&slip);
            matched += slip.similarity * evidence;
            aligned_evidence += evidence;
            pairs.push(slip);
        }
    }
    // A person's name cut short, as a form's length limit cuts it: the last
    // query word begins its listed word, every listed word before that one
    // is there and none after it (`CERNA JUAREZ, Reinal` for `CERNA JUAREZ,
    // Reinaldo Gregorio Lenin`): the words after it went with the cut, and
    // cost little ([`CUT_OFF_WORD_FACTOR`]). Not `Oskar S.` for `SCHMUCKI,
    // Anselm Oskar`, where the query's last word is the listed first.
    let last_cut = |p: &&Pair| {
        let (q, l) = (&query[p.query.start], &listed[p.listed.end - 1]);
        p.query.len() == 1
            && p.query.end == query.len()
            && q.facts.chars < l.facts.chars
            && l.text.starts_with(q.text)
    };
    let cut_at = pairs
        .iter()
        .find(last_cut)
        .map(|p| p.listed.end)
        .filter(|&end| {
            person && used_listed[..end].iter().all(|&u| u) && !used_listed[end..].contains(&true)
        });
    let cut_off = |j: usize| cut_at.is_some_and(|end| j >= end);
    // No listed word after the cut one is used, so any there were cut off.
    let cut_short = cut_at.is_some_and(|end| end < listed.len());
    let strong_pairs = pairs.iter().filter(|p| !p.rule.is_weak()).count();
    let leftover = Leftover::assess(
        query,
        listed,
        used_query,
        used_listed,
        pairs,
        strong_pairs,
        person,
    );
    let cost = |tokens: &[ScoredToken<'_>], used: &[bool], factor: &dyn Fn(usize) -> f32| {
        tokens
            .iter()
            .zip(used)
            .enumerate()
            .filter(|(_, (_, &u))| !u)
            .map(|(i, (t, _))| t.weight * factor(i))
            .sum::<f32>()
    };
    let query_cost = cost(query, used_query, &|i| leftover.query_factor(&query[i]));
    let listed_cost = cost(listed, used_listed, &|j| {
        if listed_name.is_patronymic_at(j) {
            MISSING_PATRONYMIC_FACTOR
        } else if cut_off(j) {
            CUT_OFF_WORD_FACTOR
        } else {
            leftover.listed_factor(&listed[j])
        }
    });
    let total = aligned_evidence + query_cost + listed_cost;
    let mut score = (matched / total).min(1.0);
    let mut partial = false;
    let mut roles_swapped = false;
    if person {
        let listed_matched = used_listed.iter().filter(|&&u| u).count();
        let family_ok = family_len == 0
            || family_len >= listed.len()
            || (used_listed[..family_len].iter().any(|&u| u)
                && used_listed[family_len..].iter().any(|&u| u));
        // Initials stand in for words only beside two words that agree or
        // one that identifies as written: `D. Kazbek` may be `DUKUZOV,
        // Kazbek`, but `J. Smith` is no more `SMITH, John` than any other
        // J. Smith, and a spelling of a rare word (`B. Gałat` for `KALAD,
        // Belkasam`) is too loose beside a letter. Each further initial
        // lowers the bar for that one word (`I. S. Borisovich`), but not in
        // a name of syllables (`K. T. Chol`).
        let initials = pairs.iter().filter(|p| p.rule == Rule::Initial).count();
        let initials_beside_little = initials > 0 && strong_pairs < 2 && {
            let further = initials - 1;
            let witness_min = if further > 0 && !is_name_of_syllables(listed) {
                INITIAL_WITNESS_MIN_EVIDENCE - INITIAL_LETTER_EVIDENCE * further as f32
            } else {
                INITIAL_WITNESS_MIN_EVIDENCE
            };
            !identifying(query, listed, pairs, 1.0, witness_min)
        };
        if (listed_matched < 2 && listed.len() >= 2)
            || !family_ok
            || initials_beside_little
            || query.len() < 2 && listed.len() < 2
        {
            partial = true;
            score = score.min(PARTIAL_PERSON_CAP);
        }
        // Both say which part is the family name (`EL-AMIN, Ahmed` against
        // `AHMED, Ameen`), and the listed family name matched only given names.
        let family_of = |len: usize, at: usize, all: usize| len > 0 && len < all && at < len;
        let mut listed_family_pairs = pairs
            .iter()
            .filter(|p| family_of(family_len, p.listed.start, listed.len()))
            .peekable();
        if family_of(query_family_len, 0, query.len())
            && family_len > 0
            && listed_family_pairs.peek().is_some()
            && listed_family_pairs.all(|p| p.query.start >= query_family_len)
        {
            roles_swapped = true;
            score *= ROLE_SWAP_FACTOR;
        }
    }
    let given_reversed = person && given_names_reversed(pairs, listed, family_len);
    if given_reversed {
        score *= GIVEN_ORDER_FACTOR;
    }
    // A word left out is not all words agreeing: possible at most. But a
    // patronymic left out is how CVs write Russian names (`Dimitri Popov`).
    let dropped_name = leftover.dropped_word
        && (0..listed.len()).any(|j| {
            !used_listed[j]
                && listed[j].class != TermClass::Stopword
                && !listed_name.is_patronymic_at(j)
        });
    // Words gone with a cut are not words that agree: possible at most.
    let short_name = leftover.short_form && !leftover.legal_form_only;
    let weak = pairs.iter().any(|p| p.rule.is_weak()) || short_name || dropped_name || cut_short;
    if weak {
        score = score.min(WEAK_RULE_CAP);
        // A company's short name written as listed is a possible match
        // however many generic words the listed name holds besides: they
        // say nothing of which company it is (`Sapfir Group` for JOINT
        // STOCK COMPANY RESEARCH AND DEVELOPMENT ENTERPRISE SAPFIR). Not
        // by a spelling variant: `Heath` is not `HEAT`.
        let written_as_listed = pairs
            .iter()
            .all(|p| matches!(p.rule, Rule::Exact | Rule::LegalForm));
        if leftover.short_form && written_as_listed {
            score = score.max(WEAK_RULE_CAP);
        }
        // Every word there and agreeing but one letter slip: a possible
        // match, whatever the slipped word weighs (`Zamir 'Ali` for `'ALI,
        // Samir`), as the issue asks; the explanation names the slip.
        let whole = used_query.iter().all(|&u| u) && used_listed.iter().all(|&u| u);
        if person
            && whole
            && one_slip(query, listed, pairs)
            && !(partial || roles_swapped || given_reversed || dropped_name)
        {
            score = score.max(WEAK_RULE_CAP);
        }
    }
    Some(Scored {
        score,
        partial,
        roles_swapped,
        given_reversed,
        weak,
        cut_short,
        leftover,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{term_class, tokenize, variant_key};

    /// Text, key, class, alternate reading (text, key) and facts of a token.
    type OwnedToken = (
        String,
        String,
        TermClass,
        Option<(String, String)>,
        WordFacts,
    );

    /// Tokens, and whether they are a company's name.
    struct Owned(Vec<OwnedToken>, bool);

    fn owned(name: &str, org: bool) -> Owned {
        Owned(
            tokenize(name)
                .tokens
                .into_iter()
                .map(|t| {
                    let key = variant_key(&t.text);
                    let class = term_class(&t.text, org);
                    let alternate = t.alternate.map(|a| {
                        let key = variant_key(&a);
                        (a, key)
                    });
                    let facts = WordFacts::of(&t.text, &key);
                    (t.text, key, class, alternate, facts)
                })
                .collect(),
            org,
        )
    }

    fn view(o: &Owned) -> Vec<ScoredToken<'_>> {
        o.0.iter()
            .map(|(text, key, class, alternate, facts)| {
                let weight = crate::weights::class_weight(*class, 1, 100);
                let share = crate::normalize::population_share(key);
                ScoredToken {
                    text,
                    key,
                    alternate_text: alternate.as_ref().map(|(t, _)| t.as_str()),
                    alternate_key: alternate.as_ref().map(|(_, k)| k.as_str()),
                    class: *class,
                    weight,
                    evidence: crate::weights::evidence_weight(weight, share, o.1, 42_000),
                    facts,
                    term: None,
                }
            })
            .collect()
    }

    /// [`compare_text`] of two words.
    fn texts_compare(a: &str, b: &str) -> Option<(Rule, f32)> {
        let (a, b) = (owned(a, false), owned(b, false));
        compare_text(&view(&a)[0], &view(&b)[0])
    }

    fn score(q: &str, l: &str, person: bool) -> f32 {
        let family = tokenize(l).family_len.unwrap_or(0);
        let query_family = tokenize(q).family_len.unwrap_or(0);
        let (q, l) = (owned(q, !person), owned(l, !person));
        score_name(&view(&q), &view(&l), person, family, query_family).map_or(0.0, |s| s.score)
    }

    #[test]
    fn syllables_are_short_words_with_one_group_of_vowels() {
        for (word, want) in [
            ("yong", true),
            ("kyong", true),
            ("hsien", true),
            ("myo", true),
            ("pyae", true),
            ("sayf", true),
            ("zaw", true),
            ("talhi", false),
            ("adnan", false),
            ("ayad", false),
            ("yacub", false),
            ("schwarz", false),
        ] {
            let o = owned(word, false);
            assert_eq!(is_one_syllable(&view(&o)[0]), want, "{word}");
        }
    }

    #[test]
    fn score_table() {
        // (query, listed, person, lowest, highest)
        let cases: &[(&str, &str, bool, f32, f32)] = &[
            ("Jong Song Hwa", "JONG Song Hwa", true, 1.0, 1.0),
            ("Song-hwa Jong", "JONG Song Hwa", true, 0.97, 1.0),
            ("Songhwa Jong", "JONG Song Hwa", true, 0.97, 1.0),
            (
                "Yanbian Silverstar",
                "YANBIAN SILVER STAR",
                false,
                0.97,
                1.0,
            ),
            (
                "Jinyong IT Cooperation Co.",
                "JINYONG IT COOPERATION COMPANY",
                false,
                1.0,
                1.0,
            ),
            (
                "Chinyong IT Cooperation Company",
                "JINYONG IT COOPERATION COMPANY",
                false,
                0.9,
                0.99,
            ),
            ("Lazaruz Group", "LAZARUS GROUP", false, 0.8, 0.95),
            // Legal forms written out in words, on either side.
            (
                "ASSET ELECTRO Limited Liability Company",
                "ASSET ELECTRO LLC",
                false,
                1.0,
                1.0,
            ),
            (
                "Neobit OOO",
                "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOBIT",
                false,
                1.0,
                1.0,
            ),
            // Another legal form: a possible match (the company may have
            // re-registered, or the applicant guessed its form).
            (
                "Alpha Joint Stock Company",
                "ALPHA LLC",
                false,
                0.88,
                WEAK_RULE_CAP,
            ),
            (
                "Korea Tangun GmbH",
                "KOREA TANGUN TRADING CORPORATION",
                false,
                0.88,
                WEAK_RULE_CAP,
            ),
            // A company by its distinctive word alone: possible.
            (
                "Chinyong",
                "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY",
                false,
                0.88,
                WEAK_RULE_CAP,
            ),
            // One word more: a number, a degree, a letter cost little.
            (
                "Yanbian Silverstar 2",
                "YANBIAN SILVER STAR",
                false,
                0.88,
                1.0,
            ),
            ("Kim Jong Un PhD", "KIM, Jong Un", true, 0.9, 1.0),
            // A short name written as listed, however many generic words
            // the listed name holds; by a spelling variant, the Dice score.
            (
                "Sapfir Group",
                "JOINT STOCK COMPANY RESEARCH AND DEVELOPMENT ENTERPRISE SAPFIR",
                false,
                WEAK_RULE_CAP,
                WEAK_RULE_CAP,
            ),
            ("Mahn Nyein Maung B", "MAUNG, Mahn Nyein", true, 0.9, 1.0),
            // One listed word fewer (a second surname, a middle name).
            ("Rosa Ibarra", "IBARRA MENDOZA, Rosa", true, 0.88, 0.95),
            // A first-letter slip in a long word: possible only; two common
            // names one letter apart are two names.
            (
                "Dmitry Tennadyevich Kuzmin",
                "KUZMIN, Dmitry Gennadyevich",
                true,
                0.88,
                WEAK_RULE_CAP,
            ),
            // Vowels dropped: possible only.
            (
                "Njmddn Frj Ahmad",
                "AHMAD, Najmuddin Faraj",
                true,
                0.88,
                WEAK_RULE_CAP,
            ),
            // An initial with two words that agree is possible; with one
            // word it is not enough.
            (
                "C. Correa Jhon",
                "CORREA CORREA, Jhon",
                true,
                0.0,
                WEAK_RULE_CAP,
            ),
            ("J. Smith", "SMITH, John", true, 0.0, 0.87),
            // Each further initial that agrees says a little more: two
            // beside a word that 0.3% of applicants bear are possible, one
            // is not. `Y.` is an initial too, though `y` is a stopword.
            (
                "J. R. Taylor",
                "TAYLOR, John Robert",
                true,
                0.88,
                WEAK_RULE_CAP,
            ),
            ("J. Taylor", "TAYLOR, John", true, 0.0, 0.87),
            (
                "J. Y. Taylor",
                "TAYLOR, John Yusuf",
                true,
                0.88,
                WEAK_RULE_CAP,
            ),
            // A cut last word.
            (
                "Anokhin Vasiliy Nik",
                "ANOKHIN, Vasiliy Nikolaevich",
                true,
                0.88,
                WEAK_RULE_CAP,
            ),
            // A Korean given name's syllables reversed: another name.
            ("Yun Jin Ho", "YUN, Ho-Jin", true, 0.0, 0.87),
            ("Yun Ho Jin", "YUN, Ho-Jin", true, 1.0, 1.0),
            (
                "111th Research Center",
                "110TH RESEARCH CENTER",
                false,
                0.0,
                0.7,
            ),
            ("Kim", "KIM Sang Man", true, 0.0, PARTIAL_PERSON_CAP),
            ("Kim Min Jun", "KIM Min Chol", true, 0.0, 0.7),
            // Romanisations: Revised, Wade-Giles, Russian.
            ("Jeong Seong-hwa", "JONG Song Hwa", true, 0.9, 0.97),
            ("Hsiaoming Chang", "ZHANG Xiaoming", true, 0.9, 0.97),
            ("Хо Ён Ил", "HO Yong Il", true, 0.97, 1.0),
            ("Ву Хуихуи", "WU, Huihui", true, 0.97, 1.0),
            ("Джо Ён Вон", "JO, Yong-Won", true, 0.9, 0.97),
            // Two-letter parts: a listed variant, or nothing.
            ("Oh Yong Su", "O Yong Su", true, 0.9, 0.99),
            ("Ku Yong Su", "KO Yong Su", true, 0.0, 0.7),
            // Folded keys one edit apart, words three edits apart: not a typo.
            ("Omar Haddad", "KHATTAB Omar", true, 0.0, 0.6),
            // Folded keys one edit apart, words two edits apart: not a typo.
            ("Ming Zhang", "MING CHUNG", true, 0.0, 0.6),
            // OCR: rn for m and a typo-like class key, read back.
            (
                "FAYAD, Saleh Mahrnoud",
                "FAYAD, Saleh Mahmoud",
                true,
                0.88,
                0.99,
            ),
            (
                "BARAKAT, Moharnmad Fayez",
                "BARAKAT, Mohammad Fayez",
                true,
                0.88,
                0.99,
            ),
            // A patronymic left out costs little; a family name ending like
            // one does not.
            ("Dimitri Popov", "POPOV, Dimitri Igorevich", true, 0.9, 1.0),
            (
                "Roman Arkadyevich",
                "ABRAMOVICH, Roman Arkadyevich",
                true,
                0.0,
                0.5,
            ),
            // Both mark the family name and they disagree: lowered a little.
            ("EL-AMIN, Ahmed", "AHMED, Ameen", true, 0.0, 0.87),
            ("AMEEN, Ahmed", "AMEEN, Ahmed", true, 1.0, 1.0),
            ("Ahmed Ameen", "AHMED, Ameen", true, 1.0, 1.0),
        ];
        for &(q, l, person, lo, hi) in cases {
            let s = score(q, l, person);
            assert!(
                s >= lo - 1e-4 && s <= hi + 1e-4,
                "{q} vs {l}: {s} not in [{lo}, {hi}]"
            );
        }
    }

    #[test]
    fn short_parts_match_exactly_or_as_listed_variants() {
        // (query part, listed part, matches)
        let cases: &[(&str, &str, bool)] = &[
            ("o", "o", true),
            ("oh", "o", true),
            ("i", "ri", true),
            ("li", "lee", true),
            ("yu", "ryu", true),
            ("go", "ko", true),
            ("ji", "chi", true),
            ("roh", "ro", true),
            ("ga", "ka", true),
            // Keys agree by the letter rules, but no class lists the pair.
            ("de", "te", false),
            ("ge", "ke", false),
            // One edit apart: another name, not a typo.
            ("li", "lu", false),
            ("an", "am", false),
            ("om", "oma", false),
            // A letter misread: a digit, or l for a capital I where the part
            // has no vowel to be a word of its own.
            ("k0", "ko", true),
            ("i1", "il", true),
            ("ll", "li", true),
            ("jl", "ji", true),
            ("al", "ai", false),
            ("k0", "ka", false),
            // A letter doubled: the same part (`Ill-Nam`, `All-Arab`).
            ("ill", "il", true),
            ("all", "al", true),
            ("ill", "ik", false),
        ];
        for &(a, b, expected) in cases {
            assert_eq!(texts_compare(a, b).is_some(), expected, "{a} vs {b}");
        }
        // Longer parts still follow the letter rules.
        assert_eq!(variant_key("gang"), variant_key("kang"));
        assert!(texts_compare("gang", "kang").is_some());
    }

    #[test]
    fn initialisms_and_korean_syllables_a_vowel_apart_are_other_words() {
        // (query word, listed word, the rule that bridges them)
        let cases: &[(&str, &str, Option<Rule>)] = &[
            // Initialisms are spelt letter by letter.
            ("nbc", "npc", None),
            ("hsbc", "sbc", None),
            ("ntt", "nt", None),
            ("gm", "gmm", None),
            ("dbs", "tbss", None),
            // A word with a vowel is no initialism: the letter rules stand.
            ("gang", "kang", Some(Rule::Variant)),
            // Two Korean syllables a vowel apart: two names.
            ("jang", "jong", None),
            ("jung", "jang", None),
            ("sang", "song", None),
            ("yang", "yong", None),
            // One syllable's spellings (정, 현), and a letter left out: still
            // bridged, as before.
            ("jung", "jong", Some(Rule::Typo)),
            ("hyun", "hyon", Some(Rule::Typo)),
            ("kong", "kyong", Some(Rule::Typo)),
            // Not Korean syllables: a typo as before.
            ("omar", "omer", Some(Rule::Typo)),
        ];
        for &(a, b, expected) in cases {
            let got = texts_compare(a, b).map(|(rule, _)| rule);
            assert_eq!(got, expected, "{a} vs {b}");
        }
    }

    #[test]
    fn a_word_without_vowels_reads_as_its_skeleton_before_a_typo() {
        // (query word, listed word, rule)
        let cases: &[(&str, &str, Rule)] = &[
            // One letter off, and its skeleton: the skeleton is likelier.
            ("crnha", "cranha", Rule::Skeleton),
            ("dnfa", "danfa", Rule::Skeleton),
            ("njmddn", "najmuddin", Rule::Skeleton),
            // A long word one letter off is a typo, whatever else it is.
            ("mohaed", "mohamed", Rule::Typo),
            ("lazaruz", "lazarus", Rule::Typo),
        ];
        for &(query, listed, want) in cases {
            let (a, b) = (owned(query, false), owned(listed, false));
            let found = compare(&view(&a)[0], &view(&b)[0], true).map(|(rule, _)| rule);
            assert_eq!(found, Some(want), "{query} vs {listed}");
        }
    }

    #[test]
    fn first_letter_slips() {
        // (query word, listed word, the query word is on no list, a slip)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("kamal", "jamal", false, false),
            ("kamal", "jamal", true, true),
            ("toman", "roman", true, true),
            ("zamir", "samir", false, true),
            ("cristina", "kristina", false, true),
            ("ielena", "yelena", false, true),
            ("tennadyevich", "gennadyevich", false, true),
            ("ebnjamin", "benjamin", false, true),
            ("arkhimov", "rakhimov", false, true),
        ];
        for &(a, b, unlisted, want) in cases {
            let len = a.chars().count().min(b.chars().count());
            assert_eq!(first_letter_slip(a, b, len, unlisted), want, "{a} vs {b}");
        }
    }

    #[test]
    fn family_name_must_match_when_known() {
        let q = owned("Sang Man", false);
        let l = owned("KIM, Sang Man", false);
        let s = score_name(&view(&q), &view(&l), true, 1, 0).unwrap();
        assert!(s.partial && s.score <= PARTIAL_PERSON_CAP);
        let q = owned("Kim Sang Man", false);
        let s = score_name(&view(&q), &view(&l), true, 1, 0).unwrap();
        assert!(!s.partial && s.score > 0.9999);
    }
}
