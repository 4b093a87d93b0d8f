//! Domain vocabulary, edited as text in `data/` and embedded at build time:
//! company legal forms, generic words, spelling variants of name parts, and
//! how common name parts are among applicants.

use std::sync::OnceLock;

/// What a token is, which decides how much it weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermClass {
    /// A distinctive word.
    Word,
    /// Digits only: identifies strongly, and only matches exactly.
    Number,
    /// A company legal form (`Co.`, `LLC`): which one, by its canonical spelling.
    LegalForm(LegalFormId),
    /// A word many organisation names share (`technology`, `trading`).
    Generic,
    /// `of`, `the`, `de`...
    Stopword,
}

/// A company legal form, by the place of its canonical spelling among
/// `data/legal_forms.txt`'s: two bytes where the spelling took sixteen, in
/// both classes of each of the 30,000-odd listed words, and compared as a
/// number rather than as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalFormId(u16);

impl LegalFormId {
    /// The legal form whose canonical spelling is `canonical` (`company`).
    pub fn of(canonical: &str) -> Option<LegalFormId> {
        let forms = &vocabulary().legal_forms;
        let at = forms.iter().position(|&f| f == canonical)?;
        Some(LegalFormId(at as u16))
    }

    /// Its canonical spelling: `company` for `Co.`, `Company` and `Compania`.
    pub fn canonical(self) -> &'static str {
        vocabulary().legal_forms[usize::from(self.0)]
    }
}

use crate::FastMap;

struct Vocabulary {
    legal: FastMap<&'static str, LegalFormId>,
    /// The canonical spellings of the legal forms, by [`LegalFormId`].
    legal_forms: Vec<&'static str>,
    generic: FastMap<&'static str, bool>,
    variant: FastMap<&'static str, &'static str>,
    /// Share of people (0..1) bearing a name part, by variant key.
    population_share: FastMap<String, f32>,
    /// Legal forms written out in words: (words, the legal form).
    legal_phrases: Vec<(Vec<&'static str>, LegalFormId)>,
    /// Every word of those phrases (`limited`, `liability`, `obshchestvo`).
    legal_phrase_words: FastMap<&'static str, ()>,
    /// Per first byte, a bit per length (under 64) that some word of
    /// `legal_phrase_words` has: the scorer asks about every word of every
    /// company it meets, and nearly every answer is no.
    legal_phrase_word_shapes: [u64; 256],
    /// The phrases each word begins, as indices into `legal_phrases`, in
    /// their order there.
    legal_phrases_by_first: FastMap<&'static str, Vec<usize>>,
    /// Places that qualify company names (`data/place_words.txt`).
    places: FastMap<&'static str, ()>,
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let mut legal = FastMap::default();
        let mut legal_forms: Vec<&'static str> = Vec::new();
        for line in data_lines(include_str!("../data/legal_forms.txt")) {
            let (canonical, spellings) = line
                .split_once(':')
                .expect("legal_forms.txt: `canonical: spellings`");
            let canonical = canonical.trim();
            let at = legal_forms
                .iter()
                .position(|&f| f == canonical)
                .unwrap_or_else(|| {
                    legal_forms.push(canonical);
                    legal_forms.len() - 1
                });
            let id = LegalFormId(u16::try_from(at).expect("under 65,536 legal forms"));
            for s in spellings.split_whitespace() {
                legal.insert(s, id);
            }
        }
        let mut generic = FastMap::default();
        let mut stop = false;
        for line in include_str!("../data/generic_words.txt").lines() {
            if line.starts_with("# Words that carry almost nothing") {
                stop = true;
            }
            if line.starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                generic.insert(w, stop);
            }
        }
        let mut variant = FastMap::default();
        for line in data_lines(include_str!("../data/name_variants.txt")) {
            let mut words = line.split_whitespace();
            let key = words.next().expect("non-empty line");
            variant.insert(key, key);
            for w in words {
                variant.insert(w, key);
            }
        }
        let mut vocabulary = Vocabulary {
            legal,
            legal_forms,
            generic,
            variant,
            population_share: FastMap::default(),
            legal_phrases: Vec::new(),
            legal_phrase_words: FastMap::default(),
            legal_phrase_word_shapes: [0; 256],
            legal_phrases_by_first: FastMap::default(),
            places: data_lines(include_str!("../data/place_words.txt"))
                .flat_map(str::split_whitespace)
                .map(|w| (w, ()))
                .collect(),
        };
        for line in data_lines(include_str!("../data/legal_phrases.txt")) {
            let (spelling, words) = line
                .split_once(':')
                .expect("legal_phrases.txt: `spelling: words`");
            let canonical = vocabulary
                .legal
                .get(spelling.trim())
                .copied()
                .expect("legal_phrases.txt: the spelling is in legal_forms.txt");
            let words: Vec<&str> = words.split_whitespace().collect();
            for &w in &words {
                vocabulary.legal_phrase_words.insert(w, ());
                if let Some(&first) = w.as_bytes().first() {
                    vocabulary.legal_phrase_word_shapes[usize::from(first)] |= 1 << w.len().min(63);
                }
            }
            vocabulary
                .legal_phrases_by_first
                .entry(words[0])
                .or_default()
                .push(vocabulary.legal_phrases.len());
            vocabulary.legal_phrases.push((words, canonical));
        }
        for file in [
            include_str!("../data/common_names_world.txt"),
            include_str!("../data/common_names_us.txt"),
        ] {
            for (share, spellings) in data_lines(file).map(parse_share_line) {
                for spelling in spellings.split_whitespace() {
                    let mut key = String::new();
                    variant_key_in(&vocabulary, spelling, &mut key);
                    let entry = vocabulary.population_share.entry(key).or_insert(0.0);
                    *entry = entry.max(share);
                }
            }
        }
        vocabulary
    })
}

/// Legal forms written out in words (`data/legal_phrases.txt`), each with
/// the legal form it stands for: (`limited liability company`, the form
/// whose canonical spelling is `llc`).
pub fn legal_phrases() -> &'static [(Vec<&'static str>, LegalFormId)] {
    &vocabulary().legal_phrases
}

/// The [`legal_phrases`] that begin with `word`, in their order there.
pub fn legal_phrases_starting_with(
    word: &str,
) -> impl Iterator<Item = &'static (Vec<&'static str>, LegalFormId)> {
    let v = vocabulary();
    let indices = v
        .legal_phrases_by_first
        .get(word)
        .map_or(&[][..], Vec::as_slice);
    indices.iter().map(|&i| &v.legal_phrases[i])
}

/// Whether `text` is a word of a legal form written out in words
/// (`liability` in `Limited Liability Company`).
pub fn is_legal_phrase_word(text: &str) -> bool {
    let v = vocabulary();
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    v.legal_phrase_word_shapes[usize::from(first)] & (1 << text.len().min(63)) != 0
        && v.legal_phrase_words.contains_key(text)
}

/// Whether `text` is a place that qualifies company names (`yanbian`,
/// `korea`): a company's short name may leave it out.
pub fn is_place_word(text: &str) -> bool {
    vocabulary().places.contains_key(text)
}

/// Whether `text` is an honorific that is a family name too (`Sheikh`,
/// `Sayyid`): not a stopword, since it must match a listed `SHEIKH` or
/// `AL-SAYYID`, but added before a name that is all there it says no more
/// than `Dr` does.
pub fn is_honorific_name(text: &str) -> bool {
    matches!(
        text,
        "sheikh"
            | "shaikh"
            | "shaykh"
            | "sheik"
            | "shaik"
            | "sayyid"
            | "sayyed"
            | "seyyed"
            | "seyed"
            | "sayed"
            | "syed"
    )
}

/// `21.5 kim gim` → (0.215, `kim gim`).
fn parse_share_line(line: &'static str) -> (f32, &'static str) {
    let (share, spellings) = line
        .split_once(' ')
        .expect("common_names_*.txt: `share spelling...`");
    let percent: f32 = share
        .parse()
        .expect("common_names_*.txt: the share is a number");
    (percent / 100.0, spellings)
}

/// The share of people (0..1) who bear a name part with this variant key,
/// when `data/common_names_*.txt` lists it: `Some(0.215)` for Kim's key.
pub fn population_share(key: &str) -> Option<f32> {
    vocabulary().population_share.get(key).copied()
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Classifies a normalised token. Legal forms are only recognised in
/// organisation names (`as` or `ao` may be part of a person's name).
pub fn term_class(text: &str, organization: bool) -> TermClass {
    if super::is_number(text) {
        return TermClass::Number;
    }
    let v = vocabulary();
    if organization {
        if let Some(&form) = v.legal.get(text) {
            return TermClass::LegalForm(form);
        }
    }
    generic_class(v.generic.get(text).copied(), organization)
}

/// [`term_class`] of `text` in a person's name and in a company's, each
/// list looked up once: the index classes every listed word both ways at
/// every start.
pub fn term_classes(text: &str) -> [TermClass; 2] {
    if super::is_number(text) {
        return [TermClass::Number; 2];
    }
    let v = vocabulary();
    let generic = v.generic.get(text).copied();
    let company = match v.legal.get(text) {
        Some(&form) => TermClass::LegalForm(form),
        None => generic_class(generic, true),
    };
    [generic_class(generic, false), company]
}

/// The class of a word that is no legal form, from its entry in the
/// generic words (`true`: a stopword).
fn generic_class(generic: Option<bool>, organization: bool) -> TermClass {
    match generic {
        Some(true) => TermClass::Stopword,
        Some(false) if organization => TermClass::Generic,
        _ => TermClass::Word,
    }
}

/// A Russian, Ukrainian or Belarusian patronymic, by its usual endings
/// (-ovich, -evich, -ovna, -evna, -ichna): `Igorevich`, `Ivanovna`. Rarer
/// forms (`Ilyich`) are not recognised.
pub fn is_patronymic(text: &str) -> bool {
    text.len() > 6
        && ["ovich", "evich", "ovna", "evna", "ichna"]
            .iter()
            .any(|ending| text.ends_with(ending))
}

/// The class a spelling is listed in, in `data/name_variants.txt`, by the
/// class's key: `Some("ri")` for `lee`, `yi`, `i`; `None` for a spelling no
/// class lists. The scorer lets short parts (`O`, `I`) match only this way.
pub fn listed_variant_class(text: &str) -> Option<&'static str> {
    vocabulary().variant.get(text).copied()
}

/// The word with what optical character recognition confuses read back as
/// letters (`rn` → `m`, `0` → `o`, `1` → `l`, `5` → `s`, `8` → `b`), when
/// it has any: `Mahrnoud` → `mahmoud`. Keys fold these too; this keeps the
/// rest of the spelling, so the typo rule can tell `Moharnmad` (one misread)
/// from another name.
pub fn ocr_reading(text: &str) -> Option<String> {
    // Runs for every listed word at every start: see [`crate::ascii`].
    let rn = crate::ascii::find(text, "rn").is_some();
    if !rn && !text.bytes().any(|b| ocr_letter(b).is_some()) {
        return None;
    }
    if super::is_number(text) {
        return None;
    }
    let read = crate::ascii::replaced(text, "rn", "m")
        .chars()
        .map(|c| {
            u8::try_from(c)
                .ok()
                .and_then(ocr_letter)
                .map_or(c, char::from)
        })
        .collect();
    Some(read)
}

/// The letter optical character recognition mistakes `digit` for (`0` →
/// `o`, `1` → `l`, `5` → `s`, `8` → `b`), or `None` for any other byte.
pub fn ocr_letter(digit: u8) -> Option<u8> {
    match digit {
        b'0' => Some(b'o'),
        b'1' => Some(b'l'),
        b'5' => Some(b's'),
        b'8' => Some(b'b'),
        _ => None,
    }
}

/// The spelling-insensitive key of a token: equal keys mean "the same name
/// part spelled another way".
///
/// A part listed in `data/name_variants.txt` takes its class's key
/// (`lee`, `yi`, `rhee` → `ri`). The key is then reduced by the consonant
/// and vowel alternations that romanisation systems disagree on: `ch`/`j`/`zh`,
/// `k`/`g`, `t`/`d`/`th`, `p`/`b`, `kh`/`h`, `hs`/`x`/`s`, `q`/`ch`, `w`/`v`,
/// `eo`/`o`, `eu`/`u`, `oo`/`u`, `ph`/`f`, doubled letters, a final `h` after
/// a vowel or between a vowel and a final `n` (`Sohn`), a final `y` or `iy`
/// for `i`, and what OCR confuses (`rn`/`m`, digits inside a word). So `Chinyong` and `Jinyong`, `Zhang` and `Chang`,
/// `Hsiao` and `Xiao` share a key.
pub fn variant_key(text: &str) -> String {
    let mut out = String::new();
    variant_key_in(vocabulary(), text, &mut out);
    out
}

/// [`variant_key`] written into `out` (cleared first): allocates nothing
/// once `out` has room.
pub fn variant_key_into(text: &str, out: &mut String) {
    variant_key_in(vocabulary(), text, out)
}

fn variant_key_in(vocabulary: &Vocabulary, text: &str, out: &mut String) {
    out.clear();
    // A listed variant class gives its key, which the letter rules below
    // then reduce like any word, so classes and rules compose (`chong` in
    // the `jong` class and `jeong` by the rules both key to `conk`).
    let text = vocabulary.variant.get(text).copied().unwrap_or(text);
    if !text.is_ascii() || super::is_number(text) {
        out.push_str(text);
        return;
    }
    let b = text.as_bytes();
    // The buffer is taken as bytes and given back: no allocation.
    let mut bytes = std::mem::take(out).into_bytes();
    fold_ascii(b, &mut bytes);
    *out = String::from_utf8(bytes).expect("ASCII in, ASCII out");
}

/// The letter rules of [`variant_key`] over an ASCII word, appended to `out`.
fn fold_ascii(b: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (c, step) = match (b[i], next) {
            (b'c', Some(b'h')) => (b'c', 2),
            // McCune-Reischauer writes aspirated t as th: `Thae` is `Tae`.
            (b't', Some(b'h')) => (b't', 2),
            // Russian writes Korean and Chinese h as kh (Хо for Ho), and j as
            // dzh (Джон for Jong).
            (b'k', Some(b'h')) => (b'h', 2),
            // Тх, Russian for Korean aspirated t.
            (b't', Some(b'k')) if b.get(i + 2) == Some(&b'h') => (b't', 3),
            // What optical character recognition confuses: rn for m, digits
            // for letters inside a word (`J0NG`, `LIRNITED`).
            (b'r', Some(b'n')) => (b'm', 2),
            (b'0', _) => (b'o', 1),
            (b'1', _) => (b'l', 1),
            (b'5', _) => (b's', 1),
            (b'8', _) => (b'p', 1),
            (b'd', Some(b'z')) if b.get(i + 2) == Some(&b'h') => (b'c', 3),
            // Wade-Giles hs is pinyin x (`Hsiao`, `Xiao`), and ch' is q.
            (b'h', Some(b's')) => (b's', 2),
            (b'x', _) => (b's', 1),
            (b'q', _) => (b'c', 1),
            (b'w', _) => (b'v', 1),
            // Pinyin zh is Wade-Giles ch and Korean j: `Zhang`, `Chang`, `Jang`.
            (b'z', Some(b'h')) => (b'c', 2),
            (b'p', Some(b'h')) => (b'f', 2),
            (b'e', Some(b'o')) => (b'o', 2),
            (b'e', Some(b'u')) => (b'u', 2),
            (b'o', Some(b'o')) => (b'u', 2),
            (b'j', _) => (b'c', 1),
            (b'g', _) => (b'k', 1),
            (b'd', _) => (b't', 1),
            (b'b', _) => (b'p', 1),
            (c, _) => (c, 1),
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += step;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if out.len() > 2 && out.last() == Some(&b'h') && vowel(out[out.len() - 2]) {
        out.pop();
    }
    // So is an h between a vowel and a final n: Korean 손 and 안 are
    // written `Sohn` and `Ahn` as often as `Son` and `An` (and `John`, `Jon`).
    let n = out.len();
    if n >= 3 && out[n - 2..] == *b"hn" && vowel(out[n - 3]) {
        out.remove(n - 2);
    }
    // A final y is i, and so is iy: Russian й and ий, Arabic ي end names
    // written either way (`Yury`/`Yuri`/`Yuriy`, `Andrey`/`Andrei`, `Aly`/`Ali`).
    if out.len() > 2 && out.last() == Some(&b'y') {
        out.pop();
        if out.last() != Some(&b'i') {
            out.push(b'i');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_keys_table() {
        let same: &[(&str, &str)] = &[
            ("chinyong", "jinyong"),
            ("lee", "ri"),
            ("rhee", "yi"),
            ("park", "pak"),
            ("choi", "choe"),
            ("cheol", "chul"),
            ("gyeong", "kyong"),
            ("seong", "sung"),
            ("hwa", "hwa"),
            ("muhammad", "mohammed"),
            ("zhang", "chang"),
            ("zhang", "jang"),
            ("limited", "lirnited"),
            ("j0ng", "jong"),
            ("abdal", "abdul"),
            ("hsieh", "xie"),
            ("thaek", "taek"),
            ("yury", "yuriy"),
            ("yury", "yuri"),
            ("andrey", "andrei"),
            ("aly", "ali"),
            ("sohn", "son"),
            ("ahn", "an"),
            ("ahmet", "ahmad"),
            ("alexander", "aleksandr"),
        ];
        for (a, b) in same {
            assert_eq!(variant_key(a), variant_key(b), "{a} ~ {b}");
        }
        let different: &[(&str, &str)] = &[
            ("kim", "min"),
            ("song", "sang"),
            ("fang", "fan"),
            ("110", "111"),
            ("smith", "smyth"),
        ];
        for (a, b) in different {
            assert_ne!(variant_key(a), variant_key(b), "{a} !~ {b}");
        }
    }

    #[test]
    fn each_spelling_is_in_one_variant_class() {
        let mut seen = std::collections::HashSet::new();
        for line in data_lines(include_str!("../data/name_variants.txt")) {
            for w in line.split_whitespace() {
                assert!(seen.insert(w), "{w} is listed twice in name_variants.txt");
            }
        }
    }

    #[test]
    fn short_spellings_have_listed_classes() {
        assert_eq!(listed_variant_class("oh"), Some("o"));
        assert_eq!(listed_variant_class("i"), Some("ri"));
        assert_eq!(listed_variant_class("go"), Some("ko"));
        assert_eq!(listed_variant_class("lu"), None);
    }

    #[test]
    fn common_name_parts_have_shares_by_key() {
        let share = |part: &str| population_share(&variant_key(part));
        assert_eq!(share("kim"), Some(0.215));
        // Another spelling of the same name shares it.
        assert_eq!(share("gim"), Some(0.215));
        assert_eq!(share("jeong"), share("chong"));
        // The larger share wins: Chinese Zhang, Korean Jang.
        assert_eq!(share("jang"), Some(0.068));
        assert_eq!(share("smith"), Some(0.01006));
        assert!(share("mary").is_some());
        assert_eq!(share("silverstar"), None);
        assert_eq!(share("sohn"), None);
    }

    #[test]
    fn legal_phrases_name_their_legal_form() {
        let llc = legal_phrases()
            .iter()
            .find(|(words, _)| words == &["limited", "liability", "company"]);
        assert_eq!(llc.map(|(_, form)| form.canonical()), Some("llc"));
        // `pjsc` is a spelling of the `jsc` form.
        let pjsc = legal_phrases()
            .iter()
            .find(|(words, _)| words == &["public", "joint", "stock", "company"]);
        assert_eq!(pjsc.map(|(_, form)| form.canonical()), Some("jsc"));
    }

    #[test]
    fn patronymics() {
        for (word, is) in [
            ("igorevich", true),
            ("aleksandrovna", true),
            ("ilyinichna", true),
            ("vasilyevich", true),
            ("ovich", false),
            ("popov", false),
            ("ivanova", false),
        ] {
            assert_eq!(is_patronymic(word), is, "{word}");
        }
    }

    #[test]
    fn ocr_misreads_are_read_back() {
        assert_eq!(ocr_reading("mahrnoud").as_deref(), Some("mahmoud"));
        assert_eq!(ocr_reading("a1i").as_deref(), Some("ali"));
        assert_eq!(ocr_reading("mahmoud"), None);
        assert_eq!(ocr_reading("110"), None);
    }

    /// Both ways at once is each way alone, for every word the vocabulary
    /// lists and a few it does not.
    #[test]
    fn classes_both_ways_are_each_way() {
        let v = vocabulary();
        let words = v.legal.keys().chain(v.generic.keys()).copied();
        let mut seen = 0;
        for word in words.chain(["kim", "silverstar", "110", "", "of"]) {
            let each_way = [term_class(word, false), term_class(word, true)];
            assert_eq!(term_classes(word), each_way, "{word}");
            seen += 1;
        }
        assert!(seen > 200, "{seen}");
    }

    #[test]
    fn classes() {
        let legal = |canonical| TermClass::LegalForm(LegalFormId::of(canonical).unwrap());
        assert_eq!(term_class("co", true), legal("company"));
        assert_eq!(term_class("company", true), legal("company"));
        assert_eq!(term_class("ooo", true), legal("ooo"));
        assert_eq!(term_class("sia", true), legal("ooo"));
        assert_eq!(term_class("sia", false), TermClass::Word);
        assert_eq!(term_class("kg", true), legal("kg"));
        assert_ne!(legal("company"), legal("ooo"));
        assert_eq!(LegalFormId::of("no such form"), None);
        // Every canonical spelling names its own id, and back.
        for (at, &canonical) in vocabulary().legal_forms.iter().enumerate() {
            let id = LegalFormId::of(canonical).unwrap();
            assert_eq!((id, id.canonical()), (LegalFormId(at as u16), canonical));
        }
        assert_eq!(term_class("technology", true), TermClass::Generic);
        assert_eq!(term_class("technology", false), TermClass::Word);
        assert_eq!(term_class("of", true), TermClass::Stopword);
        assert_eq!(term_class("al", false), TermClass::Stopword);
        assert_eq!(term_class("mr", false), TermClass::Stopword);
        assert_eq!(term_class("110", false), TermClass::Number);
        assert_eq!(term_class("silverstar", true), TermClass::Word);
    }
}
