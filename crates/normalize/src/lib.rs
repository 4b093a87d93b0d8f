//! Name normalisation: from what a person typed (or a list printed) to
//! comparable tokens.
//!
//! Reach for [`tokenize`] to split a name into [`Token`]s and for
//! [`variant_key`] to get the spelling-insensitive key of one token. What is
//! folded, in order:
//!
//! 1. invisible characters (zero-width, bidi controls, soft hyphen) are
//!    dropped and unusual spaces become spaces;
//! 2. a word mixing Latin with Cyrillic or Greek letters has its lookalikes
//!    read as Latin (`Kіm` with a Cyrillic `і` is `kim`); a word wholly in
//!    Cyrillic or Greek is transliterated (`Ким` is `kim`);
//! 3. compatibility forms (fullwidth `ＫＩＭ`), diacritics and case are folded;
//! 4. apostrophes vanish (`Yo'ng` is `yong`), hyphens split but remember the
//!    join (`Song-hwa`), dots inside initials vanish (`S.A.` is `sa`), and
//!    ordinals lose their suffix (`110th` is `110`);
//! 5. a comma marks the end of the family name (`KIM, Sang Man`).
//!
//! The index does not tokenise the listed names at run time: the build script
//! does it once ([`TokenTable`]) and embeds the result beside the lists, with
//! this same code, so the two cannot disagree.
//!
//! Hangul is romanised (Revised Romanisation, a token per syllable: 정성화 is
//! `jeong seong hwa`). Scripts without a transliteration here (Arabic,
//! Chinese) are kept as they are, so they match the lists' original-script
//! names exactly; Chinese and Korean legal forms written onto a name
//! (`...有限公司`, `주식회사 ...`) are split off as words of their own.

mod ascii;
pub mod edits;
pub mod facts;
mod fast_map;
pub mod korean;
pub mod pretokenized;
pub mod readings;
mod script;
pub mod terms;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

pub use edits::{
    for_each_one_edit, for_each_slip, is_one_edit_of, within_one_edit, EditNeighbours,
};
pub use facts::{joined_key_hash, key_hash, JoinBuffers, WordFacts, NOT_YET, NO_JOIN};
pub use fast_map::{FastMap, FxHasher};
pub use pretokenized::{Spellings, TokenTable};
pub use readings::{readings, Reading, ReadingKind};
pub use terms::{
    is_honorific_name, is_legal_phrase_word, is_patronymic, is_place_word, legal_phrases,
    legal_phrases_starting_with, listed_variant_class, ocr_letter, ocr_reading, population_share,
    term_class, term_classes, variant_key, variant_key_into, LegalFormId, TermClass,
};

/// One word of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The normalised form: lower case, no marks, transliterated.
    pub text: String,
    /// The word as written, for explanations.
    pub original: String,
    /// The word was joined to the next by a hyphen (`Song-hwa`).
    pub hyphen_to_next: bool,
    /// Another reading of the same letters that matches as well as `text`:
    /// `Сан` is `san` or `sang`, since Russian writes Korean -ng as -н, and
    /// `Хо` is `kho` or `ho` (see `script::second_reading`).
    pub alternate: Option<String>,
}

/// A name split into tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokenized {
    pub tokens: Vec<Token>,
    /// How many leading tokens form the family name, when a comma says so
    /// (`KIM, Sang Man` → 1).
    pub family_len: Option<usize>,
}

/// Splits and normalises a name. See the module docs for what is folded.
pub fn tokenize(input: &str) -> Tokenized {
    let mut out = Tokenized::default();
    let mut piece = String::new();
    let mut original = String::new();
    let mut comma_at = None;
    for c in input.chars() {
        if script::is_invisible(c) {
            original.push(c);
            continue;
        }
        if script::is_apostrophe(c) {
            original.push(c);
            continue;
        }
        if c.is_alphanumeric() || c == '.' || is_combining_mark(c) {
            piece.push(c);
            original.push(c);
            continue;
        }
        let hyphen = script::is_hyphen(c);
        if hyphen {
            original.push(c);
        }
        flush(&mut piece, &mut original, hyphen, &mut out.tokens);
        if c == ',' && comma_at.is_none() {
            comma_at = Some(out.tokens.len());
        }
    }
    flush(&mut piece, &mut original, false, &mut out.tokens);
    if let Some(at) = comma_at {
        if at > 0 && at < out.tokens.len() {
            out.family_len = Some(at);
        }
    }
    // A hyphen before nothing joins nothing.
    if let Some(last) = out.tokens.last_mut() {
        last.hyphen_to_next = false;
    }
    read_lookalike_words_as_latin(&mut out.tokens);
    out
}

/// In a name where some word mixes Latin letters with Cyrillic or Greek ones
/// (`МUN`: a lookalike swap), a Cyrillic or Greek word made only of letters
/// that look Latin (`РАК МUN IL`, `НО, Сhun`) is most likely swapped whole:
/// it is also read as the Latin it looks like (`pak`, `ho`), beside its
/// transliteration (`rak`, `no`). A word with a letter that looks like no
/// Latin one (`Иван`) is Cyrillic, and a word's Korean second reading
/// (`Сан`: `sang`) is kept.
fn read_lookalike_words_as_latin(tokens: &mut [Token]) {
    let foreign = |c: char| script::is_cyrillic(c) || script::is_greek(c);
    let swapped = tokens.iter().any(|t| {
        t.original.chars().any(|c| c.is_ascii_alphabetic()) && t.original.chars().any(foreign)
    });
    if !swapped {
        return;
    }
    for token in tokens {
        if token.alternate.is_some() || !token.original.chars().any(foreign) {
            continue;
        }
        let latin: Option<String> = token
            .original
            .chars()
            .map(|c| {
                if foreign(c) {
                    script::latin_lookalike(c).map(|l| l.to_ascii_lowercase())
                } else {
                    c.is_ascii_alphabetic().then(|| c.to_ascii_lowercase())
                }
            })
            .collect();
        if let Some(latin) = latin.filter(|l| *l != token.text) {
            token.alternate = Some(latin);
        }
    }
}

fn flush(piece: &mut String, original: &mut String, hyphen: bool, tokens: &mut Vec<Token>) {
    if piece.is_empty() {
        original.clear();
        return;
    }
    if piece
        .chars()
        .any(|c| script::is_hangul_syllable(c) || script::is_han(c))
    {
        flush_cjk(piece, hyphen, tokens);
        piece.clear();
        original.clear();
        return;
    }
    let written = original
        .trim_matches(|c: char| script::is_hyphen(c) || c == '.')
        .to_string();
    original.clear();
    if !piece.contains('.') {
        // The common case: one word, no dots.
        let text = fold_word(piece);
        let alternate = script::second_reading(piece, &text);
        piece.clear();
        if !text.is_empty() {
            tokens.push(Token {
                text,
                original: written,
                hyphen_to_next: hyphen,
                alternate,
            });
        }
        return;
    }
    let raw = std::mem::take(piece);
    // `S.A.`, `L.L.C.`, `U.S.`: initials joined by dots are one word.
    let parts: Vec<&str> = raw.split('.').filter(|p| !p.is_empty()).collect();
    let initials = parts.len() > 1 && parts.iter().all(|p| p.chars().count() == 1);
    let words: Vec<String> = if initials {
        vec![parts.concat()]
    } else {
        parts.iter().map(|p| p.to_string()).collect()
    };
    let count = words.len();
    for (i, word) in words.into_iter().enumerate() {
        let text = fold_word(&word);
        if text.is_empty() {
            continue;
        }
        let original = if count == 1 { written.clone() } else { word };
        tokens.push(Token {
            text,
            original,
            hyphen_to_next: hyphen && i + 1 == count,
            alternate: None,
        });
    }
}

/// Korean and Chinese legal forms written onto the name (`朝鲜光星贸易有限公司`,
/// `주식회사 삼성`), longest first: split off as words of their own so that
/// they weigh as legal forms (see `data/legal_forms.txt`).
const CJK_LEGAL_FORMS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "株式会社",
    "주식회사",
    "유한회사",
    "합자회사",
    "공사",
    "公司",
    "会社",
    "회사",
];

/// A word holding Hangul or Han characters. Hangul is romanised syllable by
/// syllable, each syllable a token: Korean names are written without spaces
/// (정성화), and a syllable per token lets `Jong Song Hwa`, `Song-hwa Jong`
/// and `Songhwa` all align with it. Han characters have no transliteration
/// here (pinyin needs a dictionary): a run of them stays one token, matched
/// exactly against the lists' original-script names, with a legal form split off.
fn flush_cjk(piece: &str, hyphen: bool, tokens: &mut Vec<Token>) {
    let mut rest = piece;
    let mut words: Vec<(String, String)> = Vec::new(); // (text, original)
    let mut suffixes: Vec<(String, String)> = Vec::new();
    // Legal forms: the whole word, or written before or after the name.
    'strip: loop {
        if CJK_LEGAL_FORMS.contains(&rest) {
            words.push((fold_cjk_run(rest), rest.to_string()));
            rest = "";
            break;
        }
        for form in CJK_LEGAL_FORMS {
            if rest.len() > form.len() {
                if let Some(stem) = rest.strip_suffix(form) {
                    suffixes.insert(0, (fold_cjk_run(form), form.to_string()));
                    rest = stem;
                    continue 'strip;
                }
                if let Some(stem) = rest.strip_prefix(form) {
                    words.push((fold_cjk_run(form), form.to_string()));
                    rest = stem;
                    continue 'strip;
                }
            }
        }
        break;
    }
    let mut other = String::new();
    let mut han = String::new();
    let flush_run = |run: &mut String, words: &mut Vec<(String, String)>, han: bool| {
        if run.is_empty() {
            return;
        }
        let text = if han { run.clone() } else { fold_word(run) };
        if !text.is_empty() {
            words.push((text, run.clone()));
        }
        run.clear();
    };
    for c in rest.chars() {
        let mut syllable = String::new();
        if script::hangul_to_latin(c, &mut syllable) {
            flush_run(&mut other, &mut words, false);
            flush_run(&mut han, &mut words, true);
            words.push((syllable, c.to_string()));
        } else if script::is_han(c) {
            flush_run(&mut other, &mut words, false);
            han.push(c);
        } else {
            flush_run(&mut han, &mut words, true);
            other.push(c);
        }
    }
    flush_run(&mut other, &mut words, false);
    flush_run(&mut han, &mut words, true);
    words.extend(suffixes);
    let count = words.len();
    for (i, (text, original)) in words.into_iter().enumerate() {
        tokens.push(Token {
            text,
            original,
            hyphen_to_next: hyphen && i + 1 == count,
            alternate: None,
        });
    }
}

/// A legal form in Hangul is romanised as one word (`주식회사` → `jusikhoesa`);
/// one in Han characters stays as written.
fn fold_cjk_run(run: &str) -> String {
    let mut out = String::new();
    for c in run.chars() {
        if !script::hangul_to_latin(c, &mut out) {
            out.push(c);
        }
    }
    out
}

/// Folds one word: script, compatibility forms, marks, case, ordinals.
fn fold_word(word: &str) -> String {
    let mut text = String::with_capacity(word.len());
    if word.is_ascii() {
        // A lower-case l in a word otherwise in capitals is a capital I that
        // OCR or a lookalike swap put there (`AL-ALl`, `lBRAHIM`).
        let l_for_i = word.contains('l')
            && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && word.bytes().all(|b| !b.is_ascii_lowercase() || b == b'l');
        text.extend(word.chars().map(|c| match c {
            'l' if l_for_i => 'i',
            c => c.to_ascii_lowercase(),
        }));
    } else {
        let has_latin = word
            .chars()
            .any(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c));
        let mixed = has_latin
            && word
                .chars()
                .any(|c| script::is_cyrillic(c) || script::is_greek(c));

        for c in word.chars() {
            let c = if mixed {
                script::latin_lookalike(c).unwrap_or(c)
            } else {
                c
            };
            let lower = c.to_lowercase().next().unwrap_or(c);
            if let Some(latin) =
                script::cyrillic_to_latin(lower).or_else(|| script::greek_to_latin(lower))
            {
                text.push_str(latin);
                continue;
            }
            decompose_compatible(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                for l in d.to_lowercase() {
                    match script::latin_special(l) {
                        Some(s) => text.push_str(s),
                        None if l.is_alphanumeric() => text.push(l),
                        None => {}
                    }
                }
            });
        }
    }
    strip_ordinal(text)
}

/// `110th` → `110`, `3rd` → `3`: the number is what identifies.
fn strip_ordinal(mut text: String) -> String {
    let b = text.as_bytes();
    let n = b.len();
    if n > 2
        && b[0].is_ascii_digit()
        && matches!(&b[n - 2..], b"st" | b"nd" | b"rd" | b"th")
        && b[..n - 2].iter().all(u8::is_ascii_digit)
    {
        text.truncate(n - 2);
    }
    text
}

/// A token made only of digits.
pub fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A word with its vowels dropped, as names are written to dodge a screen
/// or to fit a field: every vowel after the first letter (`najmuddin` →
/// `njmddn`, `kim` → `km`), and, when the word ends in a vowel, the same
/// with that last vowel kept (`alberdi` → `albrdi`), and, when the word
/// begins with a vowel that leaves three consonants or more, the skeleton
/// without it too (`akhras` → `khrs`: a prefix written on, `AL-AKHRAS`,
/// makes the first letter an inner one). Empty when there is no vowel to
/// drop or the word is under three letters. ASCII only: the folded form of
/// a name.
pub fn vowel_skeletons(text: &str) -> Vec<String> {
    skeleton_forms(text)
        .map(|form| form.letters(text.as_bytes()).map(char::from).collect())
        .collect()
}

/// The hash of each of a word's [`vowel_skeletons`] ([`skeleton_hash`] of
/// its letters), made without building them: an index files its words
/// under these and checks a hit with [`is_vowel_skeleton_of`].
pub fn vowel_skeleton_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    skeleton_forms(text).map(|form| skeleton_hash(form.letters(text.as_bytes())))
}

/// FNV-1a over a skeleton's letters: [`vowel_skeleton_hashes`] of a word
/// holds `skeleton_hash(s.bytes())` for each of its skeletons `s`.
pub fn skeleton_hash(letters: impl Iterator<Item = u8>) -> u64 {
    letters.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One of a word's [`vowel_skeletons`], described rather than made: its
/// letters are the first letter and every consonant after it, less the
/// first letter (`drop_first`), plus the last vowel (`keep_last`).
#[derive(Clone, Copy)]
struct SkeletonForm {
    drop_first: bool,
    keep_last: bool,
}

impl SkeletonForm {
    fn letters(self, word: &[u8]) -> impl Iterator<Item = u8> + '_ {
        let consonants = word[1..].iter().copied().filter(|&b| !is_vowel(b));
        std::iter::once(word[0])
            .chain(consonants)
            .skip(self.drop_first as usize)
            .chain(self.keep_last.then(|| word[word.len() - 1]))
    }
}

/// The forms of `text`'s [`vowel_skeletons`], in their order: the one
/// definition both the index (which makes them) and the scorer (which
/// compares without making them, [`is_vowel_skeleton_of`]) read.
fn skeleton_forms(text: &str) -> impl Iterator<Item = SkeletonForm> {
    let bytes = text.as_bytes();
    let has_form = bytes.len() >= 3 && text.is_ascii() && bytes[1..].iter().any(|&b| is_vowel(b));
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    // The first letter and the consonants after it.
    let all_len = if has_form {
        1 + bytes[1..].iter().filter(|&&b| !is_vowel(b)).count()
    } else {
        0
    };
    let with_last = has_form && last.is_some_and(is_vowel) && has_inner_vowel(text);
    let without_first = has_form && first.is_some_and(is_vowel) && all_len >= 4;
    [
        with_last.then_some(SkeletonForm {
            drop_first: false,
            keep_last: true,
        }),
        without_first.then_some(SkeletonForm {
            drop_first: true,
            keep_last: false,
        }),
        (has_form && all_len >= 2).then_some(SkeletonForm {
            drop_first: false,
            keep_last: false,
        }),
    ]
    .into_iter()
    .flatten()
}

/// Whether a word may be a name with its vowels dropped (see
/// [`vowel_skeletons`]): three letters or more, no vowel but the first or
/// last letter, and four letters or more when the last is a vowel (`Ali`
/// is a name, not a skeleton).
pub fn looks_vowel_dropped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 3
        && text.is_ascii()
        && !has_inner_vowel(text)
        && (bytes.len() >= 4 || !is_vowel(bytes[bytes.len() - 1]))
}

/// Words up to this long with no vowel (`NBC`, `HSBC`, `DBS`, `GM`) read as
/// initialisms: all but five of the 5,353 vowelless words in listed names
/// (`TBSS`, `SBC`) are no longer than this. A longer vowelless word is a
/// skeleton (`Njmddn`), which [`looks_vowel_dropped`] reads.
pub const INITIALISM_MAX_LEN: usize = 5;

/// Whether a word reads as an initialism, spelt letter by letter and not
/// romanised: two to [`INITIALISM_MAX_LEN`] letters, none a vowel or `y`.
pub fn looks_initialism(text: &str) -> bool {
    (2..=INITIALISM_MAX_LEN).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() && !is_vowel(b) && b != b'y')
}

/// Whether a short word may be a short name with its vowels dropped, beside
/// other words that agree: two consonants (`Km` for `Kim`, `Rz` for `Raza`;
/// not `Ng`, a name), or two consonants and a final vowel that are no
/// spelling of their own (`Dni` for `Dini`; not `Cho`, `Shu`, `Phi`).
/// [`looks_vowel_dropped`] is what the index looks up; this only scores.
pub fn looks_short_skeleton(text: &str) -> bool {
    let b = text.as_bytes();
    let consonant = |c: u8| c.is_ascii_lowercase() && !is_vowel(c) && c != b'y';
    let digraph = b.len() >= 2
        && matches!(
            &b[..2],
            b"ch" | b"sh" | b"th" | b"ph" | b"zh" | b"kh" | b"gh" | b"wh" | b"ng"
        );
    match b.len() {
        2 => consonant(b[0]) && consonant(b[1]) && !digraph,
        // A glide (`Hwa`, `Kwa`) or a Korean syllable is a word of its own.
        3 => {
            consonant(b[0])
                && consonant(b[1])
                && b[1] != b'w'
                && is_vowel(b[2])
                && !digraph
                && !korean::is_syllable(text)
        }
        _ => false,
    }
}

/// Whether `skeleton` is one of [`vowel_skeletons`] of `word`, without
/// making them: the scorer asks this of many pairs and allocates nothing.
pub fn is_vowel_skeleton_of(word: &str, skeleton: &str) -> bool {
    skeleton_forms(word).any(|form| form.letters(word.as_bytes()).eq(skeleton.bytes()))
}

/// Whether a vowel stands between the first and last letters.
pub fn has_inner_vowel(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 2 && bytes[1..bytes.len() - 1].iter().any(|&b| is_vowel(b))
}

/// Whether a lower-case ASCII letter is a vowel (`y` is not).
pub fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    #[test]
    fn vowel_skeletons() {
        let cases: &[(&str, &[&str])] = &[
            ("najmuddin", &["njmddn"]),
            ("faraj", &["frj"]),
            ("ahmad", &["hmd", "ahmd"]),
            ("akhras", &["khrs", "akhrs"]),
            ("omar", &["omr"]),
            ("kim", &["km"]),
            ("alberdi", &["albrdi", "lbrd", "albrd"]),
            ("njmddn", &[]),
            ("li", &[]),
        ];
        for (word, skeletons) in cases {
            assert_eq!(super::vowel_skeletons(word), *skeletons, "{word}");
        }
        assert!(!super::has_inner_vowel("njmddn"));
        assert!(super::looks_vowel_dropped("njmddn") && super::looks_vowel_dropped("albrdi"));
        assert!(!super::looks_vowel_dropped("ali") && !super::looks_vowel_dropped("ng"));
        for word in [
            "najmuddin",
            "faraj",
            "ahmad",
            "kim",
            "alberdi",
            "akhras",
            "omar",
            "li",
            "dini",
        ] {
            let skeletons = super::vowel_skeletons(word);
            // The hashes an index files a word under are its skeletons'.
            let hashes: Vec<u64> = super::vowel_skeleton_hashes(word).collect();
            let of_texts: Vec<u64> = skeletons
                .iter()
                .map(|s| super::skeleton_hash(s.bytes()))
                .collect();
            assert_eq!(hashes, of_texts, "{word}");
            for candidate in [
                "njmddn", "frj", "hmd", "ahmd", "km", "albrdi", "lbrd", "albrd", "khrs", "akhrs",
                "omr", "mr", "dn", "dni", "li", "kim",
            ] {
                assert_eq!(
                    super::is_vowel_skeleton_of(word, candidate),
                    skeletons.iter().any(|s| s == candidate),
                    "{word} {candidate}"
                );
            }
        }
        for (word, short) in [
            ("km", true),
            ("rz", true),
            ("dni", true),
            ("kfa", true),
            ("ng", false),
            ("cho", false),
            ("shu", false),
            ("ali", false),
            ("kim", false),
            ("njmddn", false),
        ] {
            assert_eq!(super::looks_short_skeleton(word), short, "{word}");
        }
        assert!(super::has_inner_vowel("frij"));
    }

    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_table() {
        let cases: &[(&str, &[&str])] = &[
            ("JONG, Song Hwa", &["jong", "song", "hwa"]),
            ("Song-hwa Jong", &["song", "hwa", "jong"]),
            ("Yo'ng Ch’ol", &["yong", "chol"]),
            (
                "Yanbian Silverstar Network Technology Co., Ltd.",
                &[
                    "yanbian",
                    "silverstar",
                    "network",
                    "technology",
                    "co",
                    "ltd",
                ],
            ),
            ("S.A. L.L.C.", &["sa", "llc"]),
            ("110th Research Center", &["110", "research", "center"]),
            ("TEMP.HERMIT", &["temp", "hermit"]),
            ("Kim\u{200B} Sang\u{00A0}Man", &["kim", "sang", "man"]),
            ("K\u{0456}m", &["kim"]), // Cyrillic і in a Latin word
            ("Ким Сан Ман", &["kim", "san", "man"]), // Cyrillic word transliterated
            ("ＫＩＭ", &["kim"]),     // fullwidth
            (
                "José Müller-Lüdenscheidt",
                &["jose", "muller", "ludenscheidt"],
            ),
            ("\u{202E}Kim\u{202C} Jong", &["kim", "jong"]),
            ("ООО Ромашка", &["ooo", "romashka"]),
            ("정성화", &["jeong", "seong", "hwa"]),
            ("김 상만", &["gim", "sang", "man"]),
            ("리유경", &["ri", "yu", "gyeong"]),
            ("박철", &["bak", "cheol"]),
            (
                "주식회사 조선광선",
                &["jusikhoesa", "jo", "seon", "gwang", "seon"],
            ),
            ("朝鲜光星贸易有限公司", &["朝鲜光星贸易", "有限公司"]),
            ("株式会社東芝", &["株式会社", "東芝"]),
        ];
        for (input, expected) in cases {
            assert_eq!(texts(input), *expected, "{input}");
        }
    }

    #[test]
    fn korean_syllables_in_cyrillic_also_read_ng_and_h() {
        let t = tokenize("Ким Сан Ман Джон Ли Хо Хён Михаил Ву Ivan");
        let alternates: Vec<Option<&str>> =
            t.tokens.iter().map(|t| t.alternate.as_deref()).collect();
        assert_eq!(
            alternates,
            [
                None,
                Some("sang"),
                Some("mang"),
                Some("jong"),
                None,
                Some("ho"),
                Some("hyong"),
                Some("mihail"),
                Some("wu"),
                None
            ]
        );
    }

    #[test]
    fn whole_lookalike_words_beside_latin_read_as_latin_too() {
        let alternates = |name: &str| -> Vec<Option<String>> {
            tokenize(name)
                .tokens
                .into_iter()
                .map(|t| t.alternate)
                .collect()
        };
        // The benchmark's homoglyph swaps: a whole word of lookalikes.
        assert_eq!(
            alternates("РАК МUN IL"),
            [Some("pak".to_string()), None, None]
        );
        assert_eq!(texts("РАК МUN IL"), ["rak", "mun", "il"]);
        assert_eq!(
            alternates("НО, Сhun").first(),
            Some(&Some("ho".to_string()))
        );
        // Not where no word mixes scripts, nor for a word with a letter
        // that looks like no Latin one.
        assert_eq!(alternates("РАК Сергей"), [None, None]);
        assert_eq!(alternates("РАК Ivanov"), [None, None]);
        assert_eq!(
            alternates("Рак Иван МUN"),
            [Some("pak".to_string()), Some("iwang".to_string()), None]
        );
    }

    #[test]
    fn lower_case_l_in_capitals_is_i() {
        assert_eq!(texts("AL-ALl, Hamid"), ["al", "ali", "hamid"]);
        assert_eq!(texts("lBRAHIM"), ["ibrahim"]);
        // Mixed case is a name's own spelling.
        assert_eq!(texts("Lloyd McDonald"), ["lloyd", "mcdonald"]);
        assert_eq!(texts("Ll"), ["ll"]);
    }

    #[test]
    fn remembers_family_name_and_hyphens() {
        let t = tokenize("KIM, Sang Man");
        assert_eq!(t.family_len, Some(1));
        let t = tokenize("Song-hwa Jong");
        assert!(t.tokens[0].hyphen_to_next && !t.tokens[1].hyphen_to_next);
        assert_eq!(t.tokens[0].original, "Song");
        assert_eq!(tokenize("Kim Sang Man").family_len, None);
        assert_eq!(tokenize(", Kim").family_len, None);
    }
}
