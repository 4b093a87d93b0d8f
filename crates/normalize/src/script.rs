//! Characters that are not plain Latin letters: invisible ones, lookalikes
//! from Cyrillic and Greek, and whole words in Cyrillic or Greek, which are
//! transliterated.

/// Characters that render as nothing (or as a plain space) and are used, by
/// accident or on purpose, to make one name look like another.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'              // soft hyphen
        | '\u{034F}'            // combining grapheme joiner
        | '\u{061C}'            // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{180E}'            // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}' // bidi isolates, deprecated format characters
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FEFF}'            // byte order mark, zero-width no-break space
    )
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

pub fn is_greek(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}')
}

/// The Latin letter a Cyrillic or Greek letter is drawn like, for words that
/// mix scripts (`Kіm` with a Cyrillic і): such a word is a disguised Latin word.
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'ё' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ɡ' => 'g',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' => 'Y',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'α' => 'a',
        'ο' => 'o',
        'ρ' => 'p',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'τ' => 't',
        'υ' => 'u',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// Transliterates one lower-case Cyrillic letter (BGN/PCGN-like, the system
/// OFAC and the UN use for Russian names).
pub fn cyrillic_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        'ў' => "u",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'ђ' => "dj",
        'џ' => "dz",
        'ѕ' => "dz",
        _ => return None,
    })
}

/// Transliterates one lower-case Greek letter (ELOT 743, simplified).
pub fn greek_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        _ => return None,
    })
}

/// Latin letters that do not decompose under NFKD but have a plain spelling.
pub fn latin_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' => "d",
        'ð' => "d",
        'ł' => "l",
        'ı' => "i",
        'þ' => "th",
        'ħ' => "h",
        'ŀ' => "l",
        _ => return None,
    })
}

/// Marks used as apostrophes: removed inside a word, since OFAC writes the
/// McCune-Reischauer aspiration mark as an apostrophe (`Yo'ng`) and applicants omit it.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʹ' | '′')
}

/// Dashes that join the parts of a name (`Song-hwa`).
pub fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '－'
    )
}

/// A precomposed Hangul syllable (가..힣).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A Han (Chinese) character, in the main and extension-A blocks.
pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// One Hangul syllable in Revised Romanisation (정 → `jeong`, 성 → `seong`,
/// 이 → `i`). Syllable by syllable, without the sound changes across
/// syllables: names are matched by their variant keys, which already equate
/// Revised with McCune-Reischauer spellings (k/g, t/d, p/b, ch/j, eo/o).
pub fn hangul_to_latin(c: char, out: &mut String) -> bool {
    const INITIAL: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const MEDIAL: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINAL: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    if !is_hangul_syllable(c) {
        return false;
    }
    let index = c as u32 - 0xAC00;
    out.push_str(INITIAL[(index / (21 * 28)) as usize]);
    out.push_str(MEDIAL[((index / 28) % 21) as usize]);
    out.push_str(FINAL[(index % 28) as usize]);
    true
}

/// The second reading of a Cyrillic word, as Russian writes Korean and
/// Chinese names (see `Token::alternate`), given its usual transliteration
/// `folded`:
/// - a word ending in a vowel and н (Сан, Ён, Джон) ends in -ng as well as
///   -n, since Russian writes both the same; so `Ким Сан Ман` finds
///   `KIM, Sang Man` without making `Fang` a spelling of `Fan` everywhere;
/// - х is h (Хо is Ho), дж is j (Джо is Jo) and в is w (Ву is Wu), not the
///   kh, dzh and v of Russian names. Variant keys fold those anyway; the
///   reading matters for parts of two letters, which match only as written.
///
/// `None` when the word has one reading.
pub fn second_reading(word: &str, folded: &str) -> Option<String> {
    let letters: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if letters.is_empty() || !letters.iter().all(|&c| is_cyrillic(c)) {
        return None;
    }
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    let ambiguous_n =
        letters.len() >= 2 && letters.last() == Some(&'н') && vowel(letters[letters.len() - 2]);
    if !ambiguous_n && !letters.iter().any(|c| "хжв".contains(*c)) {
        return None;
    }
    let mut reading = folded
        .replace("kh", "h")
        .replace("dzh", "j")
        .replace('v', "w");
    if ambiguous_n {
        reading.push('g');
    }
    (reading != folded).then_some(reading)
}
