//! Cross-script screening on real list entries: Korean names written in
//! Russian letters or in Chinese characters, Arabic names in Arabic script,
//! the Russian spelling of a foreign name, and a partial original-script name.
//!
//! Besides the issue's six queries, three generators turn the lists' own
//! Latin names into another script, each by a table written here, apart from
//! the matcher's own (crates/normalize/src/readings.rs), and documented below:
//! - Korean (McCune-Reischauer, as OFAC and the UN write it) → Cyrillic by
//!   the Kontsevich table ([`to_kontsevich`]);
//! - Korean → hanja, for names whose every syllable is in a table of common
//!   name characters ([`HANJA`]);
//! - Arabic names → Arabic script, for names whose every word is in a table
//!   of spellings as an Arabic writer gives them ([`ARABIC`]).
//!
//! Each generator must produce at least 50 cases, and the listed entry must
//! be among the matches at the default threshold for [`MIN_RECALL`] of them.
//! Ordinary names in those scripts must not alert more than their Latin forms.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use sanctions_screen::{Options, Query, Screener, Screening};

/// The share of generated cases whose entry must be found. Below 1: a
/// generated spelling can be one a person would not write (two listed
/// readings of one syllable), and the generators do not know which.
const MIN_RECALL: f64 = 0.95;

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().expect("embedded lists load"))
}

fn screen_name(name: &str) -> Screening {
    let query = Query {
        name: Some(name.into()),
        ..Query::default()
    };
    screener()
        .screen(&query, &Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Whether the entry is among the matches (up to 100: a common name such as
/// `Abu Umar` matches dozens of weak aliases equally).
fn finds(name: &str, source_id: &str) -> bool {
    let query = Query {
        name: Some(name.into()),
        ..Query::default()
    };
    let options = Options {
        limit: 100,
        ..Options::default()
    };
    screener()
        .screen(&query, &options)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .matches
        .iter()
        .any(|m| m.source_id == source_id)
}

#[test]
fn the_issues_six_queries_find_their_entries_and_say_how_they_read() {
    let cases = [
        ("Ким Ен Чоль", "KIM, Yong Chol", "Kontsevich"),
        ("Чхве Рён Хэ", "CHOE, Ryong Hae", "Kontsevich"),
        (
            "金英哲",
            "KIM, Yong Chol",
            "Korean reading of the Chinese characters",
        ),
        (
            "崔龍海",
            "CHOE, Ryong Hae",
            "Korean reading of the Chinese characters",
        ),
        ("Саддам Хусейн", "AL-TIKRITI, Saddam Hussein", "х as h"),
        ("صدام حسين", "AL-TIKRITI, Saddam Hussein", "Arabic script"),
    ];
    for (query, listed, how) in cases {
        let result = screen_name(query);
        let hit = result
            .matches
            .iter()
            .find(|m| m.name == listed)
            .unwrap_or_else(|| panic!("{query}: {listed} not found: {:?}", result.matches));
        let line = &hit.explanation[1];
        assert!(
            line.starts_with(&format!("\u{201c}{query}\u{201d} was read as")) && line.contains(how),
            "{query}: {line}"
        );
    }
    // Kim Jong Un as the Russian press writes him.
    assert!(finds("Ким Чен Ын", "20157"));
}

/// McCune-Reischauer syllables (without breves or apostrophes, as the lists
/// write them) to Cyrillic by the Kontsevich table: initial, vowel, final.
fn to_kontsevich(word: &str) -> Option<String> {
    const INITIALS: &[(&str, &str)] = &[
        ("tch", "чч"),
        ("ch", "ч"),
        ("kk", "кк"),
        ("tt", "тт"),
        ("pp", "пп"),
        ("ss", "сс"),
        ("k", "к"),
        ("g", "к"),
        ("n", "н"),
        ("t", "т"),
        ("d", "т"),
        ("r", "р"),
        ("l", "р"),
        ("m", "м"),
        ("p", "п"),
        ("b", "п"),
        ("s", "с"),
        ("j", "ч"),
        ("h", "х"),
    ];
    const VOWELS: &[(&str, &str)] = &[
        ("wae", "вэ"),
        ("yae", "йя"),
        ("oe", "ве"),
        ("ae", "э"),
        ("ya", "я"),
        ("yo", "ё"),
        ("yu", "ю"),
        ("ye", "е"),
        ("wa", "ва"),
        ("wo", "во"),
        ("we", "ве"),
        ("wi", "ви"),
        ("ui", "ый"),
        ("eu", "ы"),
        ("a", "а"),
        ("o", "о"),
        ("u", "у"),
        ("i", "и"),
        ("e", "е"),
    ];
    const FINALS: &[(&str, &str)] = &[
        ("ng", "н"),
        ("n", "н"),
        ("l", "ль"),
        ("k", "к"),
        ("m", "м"),
        ("p", "п"),
        ("t", "т"),
    ];
    let is_vowel = |c: u8| b"aeiouwy".contains(&c);
    let mut rest = word.to_ascii_lowercase();
    let mut out = String::new();
    while !rest.is_empty() {
        if let Some((l, c)) = INITIALS.iter().find(|(l, _)| rest.starts_with(l)) {
            out.push_str(c);
            rest.drain(..l.len());
        }
        let (l, c) = VOWELS.iter().find(|(l, _)| rest.starts_with(l))?;
        out.push_str(c);
        rest.drain(..l.len());
        // A final consonant: one not followed by a vowel.
        if let Some((l, c)) = FINALS.iter().find(|(l, _)| {
            rest.starts_with(l) && rest.as_bytes().get(l.len()).is_none_or(|&b| !is_vowel(b))
        }) {
            out.push_str(c);
            rest.drain(..l.len());
        }
    }
    // Capitalised as a name is written.
    let mut chars = out.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Korean family names as the lists write them: a person with one is Korean.
const KOREAN_FAMILY_NAMES: &[&str] = &[
    "KIM", "RI", "PAK", "CHOE", "JONG", "O", "HAN", "KANG", "CHO", "SONG", "YUN", "JANG", "HWANG",
    "RYU", "KO", "MUN", "HONG", "SIN", "PAEK", "CHU", "YANG", "AN", "NAM", "JU", "CHA", "HO", "SO",
    "KWON", "JON", "CHON", "RIM", "HYON", "KYE", "MUN", "TONG", "YU",
];

/// Listed Korean persons `(source_id, [family, given...])`, OFAC's
/// `FAMILY, Given Given` primary names only, one per distinct name.
fn korean_people() -> Vec<(String, Vec<String>)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for e in &sanctions_screen::snapshot::embedded().unwrap().entities {
        if e.kind != sanctions_lists::Kind::Person
            || !e.programs.iter().any(|p| p.starts_with("DPRK"))
        {
            continue;
        }
        let Some((family, given)) = e.name.split_once(", ") else {
            continue;
        };
        if !KOREAN_FAMILY_NAMES.contains(&family) || given.contains(['-', '.', '(', '\'']) {
            continue;
        }
        let mut words = vec![family.to_string()];
        words.extend(given.split(' ').map(String::from));
        if (2..=4).contains(&words.len()) && seen.insert(words.join(" ").to_uppercase()) {
            out.push((e.source_id.to_string(), words));
        }
    }
    out
}

/// One generated case: the query in the other script, the listed entry it
/// comes from, and the Latin name it was made from.
struct Case {
    query: String,
    source_id: String,
    latin: String,
}

/// Runs the cases and asserts the recall in the other script over the cases
/// whose Latin name finds its entry (a Latin name that does not, such as a
/// weak alias `Abu Muhammad` shared by dozens, is no test of the script);
/// prints both figures and the misses.
fn assert_recall(what: &str, cases: &[Case]) {
    assert!(cases.len() >= 50, "{what}: only {} cases", cases.len());
    let latin_found: Vec<&Case> = cases
        .iter()
        .filter(|c| finds(&c.latin, &c.source_id))
        .collect();
    let misses: Vec<(&str, &str, &str)> = latin_found
        .iter()
        .filter(|c| !finds(&c.query, &c.source_id))
        .map(|c| (c.query.as_str(), c.latin.as_str(), c.source_id.as_str()))
        .collect();
    let recall = 1.0 - misses.len() as f64 / latin_found.len() as f64;
    eprintln!(
        "{what}: {} cases, {} found in Latin letters; in the other script {:.1}% of those; missed: {misses:?}",
        cases.len(),
        latin_found.len(),
        recall * 100.0,
    );
    assert!(
        latin_found.len() >= 50,
        "{what}: only {} cases found in Latin",
        latin_found.len()
    );
    assert!(
        recall >= MIN_RECALL,
        "{what}: recall {recall:.3}, missed {misses:?}"
    );
}

#[test]
fn korean_names_in_cyrillic_are_found() {
    let cases: Vec<Case> = korean_people()
        .into_iter()
        .filter_map(|(source_id, words)| {
            let cyrillic: Option<Vec<String>> = words.iter().map(|w| to_kontsevich(w)).collect();
            Some(Case {
                query: cyrillic?.join(" "),
                source_id,
                latin: words.join(" "),
            })
        })
        .collect();
    assert_recall("Korean in Cyrillic (Kontsevich)", &cases);
}

/// Common hanja of Korean name syllables, as the lists romanise them.
const HANJA: &[(&str, char)] = &[
    ("kim", '金'),
    ("ri", '李'),
    ("pak", '朴'),
    ("choe", '崔'),
    ("jong", '鄭'),
    ("han", '韓'),
    ("kang", '姜'),
    ("cho", '趙'),
    ("song", '成'),
    ("yun", '尹'),
    ("jang", '張'),
    ("hwang", '黃'),
    ("ryu", '柳'),
    ("ko", '高'),
    ("mun", '文'),
    ("hong", '洪'),
    ("sin", '申'),
    ("paek", '白'),
    ("yang", '梁'),
    ("an", '安'),
    ("nam", '南'),
    ("cha", '車'),
    ("ho", '許'),
    ("kwon", '權'),
    ("jon", '全'),
    ("chon", '千'),
    ("yong", '英'),
    ("chol", '哲'),
    ("il", '日'),
    ("su", '秀'),
    ("hwa", '和'),
    ("sun", '順'),
    ("chun", '春'),
    ("myong", '明'),
    ("hyon", '賢'),
    ("jin", '振'),
    ("kwang", '光'),
    ("hyok", '赫'),
    ("kyong", '京'),
    ("sok", '石'),
    ("u", '宇'),
    ("man", '萬'),
    ("chang", '昌'),
    ("hak", '學'),
    ("tok", '德'),
    ("sung", '勝'),
    ("ung", '雄'),
    ("thae", '泰'),
    ("tae", '泰'),
    ("hui", '熙'),
    ("sik", '植'),
    ("gun", '根'),
    ("kun", '根'),
    ("chan", '燦'),
    ("min", '敏'),
    ("suk", '淑'),
    ("hyang", '香'),
    ("hye", '惠'),
    ("ok", '玉'),
    ("mi", '美'),
    ("ryong", '龍'),
    ("hae", '海'),
    ("bong", '鳳'),
    ("pong", '鳳'),
    ("dong", '東'),
    ("tong", '東'),
    ("guk", '國'),
    ("kuk", '國'),
    ("pyong", '平'),
    ("pok", '福'),
    ("chung", '忠'),
    ("un", '恩'),
    ("won", '元'),
    ("jae", '在'),
    ("sam", '三'),
    ("o", '吳'),
    ("gil", '吉'),
    ("kil", '吉'),
    ("ik", '益'),
    ("yon", '淵'),
    ("son", '善'),
    ("sang", '相'),
    ("ju", '周'),
    ("chu", '朱'),
    ("ha", '夏'),
    ("gyong", '京'),
    ("nyo", '女'),
    ("rim", '林'),
    ("hyong", '亨'),
    ("yu", '兪'),
];

/// Names of three syllables only: the Korean reading is made for names of
/// three characters (see crates/normalize/src/readings.rs).
#[test]
fn korean_names_in_hanja_are_found() {
    let cases: Vec<Case> = korean_people()
        .into_iter()
        .filter(|(_, words)| words.len() == 3)
        .filter_map(|(source_id, words)| {
            let hanja: Option<String> = words
                .iter()
                .map(|w| {
                    HANJA
                        .iter()
                        .find(|(s, _)| s.eq_ignore_ascii_case(w))
                        .map(|(_, c)| *c)
                })
                .collect();
            Some(Case {
                query: hanja?,
                source_id,
                latin: words.join(" "),
            })
        })
        .collect();
    assert_recall("Korean in hanja", &cases);
}

/// Arabic name words as an Arabic writer spells them, keyed by the lists'
/// Latin spellings (lower case).
const ARABIC: &[(&str, &str)] = &[
    ("muhammad", "محمد"),
    ("mohammed", "محمد"),
    ("mohammad", "محمد"),
    ("ahmad", "أحمد"),
    ("ahmed", "أحمد"),
    ("ali", "علي"),
    ("hasan", "حسن"),
    ("hassan", "حسن"),
    ("husayn", "حسين"),
    ("hussein", "حسين"),
    ("husain", "حسين"),
    ("abdullah", "عبدالله"),
    ("abdallah", "عبدالله"),
    ("bin", "بن"),
    ("abu", "أبو"),
    ("umar", "عمر"),
    ("omar", "عمر"),
    ("khalid", "خالد"),
    ("ibrahim", "إبراهيم"),
    ("yusuf", "يوسف"),
    ("said", "سعيد"),
    ("salim", "سالم"),
    ("mustafa", "مصطفى"),
    ("mahmud", "محمود"),
    ("mahmoud", "محمود"),
    ("nasir", "ناصر"),
    ("jamal", "جمال"),
    ("hamid", "حامد"),
    ("karim", "كريم"),
    ("aziz", "عزيز"),
    ("musa", "موسى"),
    ("sulayman", "سليمان"),
    ("yahya", "يحيى"),
    ("zayd", "زيد"),
    ("faysal", "فيصل"),
    ("tariq", "طارق"),
    ("rashid", "راشد"),
    ("salih", "صالح"),
    ("adil", "عادل"),
    ("usama", "أسامة"),
    ("saddam", "صدام"),
    ("qusay", "قصي"),
    ("uday", "عدي"),
    ("hamza", "حمزة"),
    ("abbas", "عباس"),
    ("mansur", "منصور"),
    ("sultan", "سلطان"),
    ("fahd", "فهد"),
    ("saad", "سعد"),
    ("walid", "وليد"),
    ("hisham", "هشام"),
    ("jafar", "جعفر"),
    ("anwar", "أنور"),
    ("amin", "أمين"),
    ("ismail", "إسماعيل"),
    ("idris", "إدريس"),
    ("abd", "عبد"),
    ("majid", "مجيد"),
    ("khalil", "خليل"),
    ("isa", "عيسى"),
    ("uthman", "عثمان"),
    ("ammar", "عمار"),
    ("hamad", "حمد"),
    ("nur", "نور"),
    ("fadil", "فاضل"),
    ("mahdi", "مهدي"),
    ("hashim", "هاشم"),
    ("ayman", "أيمن"),
    ("bashir", "بشير"),
    ("bakr", "بكر"),
    ("bilal", "بلال"),
    ("habib", "حبيب"),
    ("haydar", "حيدر"),
    ("qasim", "قاسم"),
    ("sayf", "سيف"),
    ("tahir", "طاهر"),
    ("zakariya", "زكريا"),
    ("ziyad", "زياد"),
    ("ghazi", "غازي"),
    ("marwan", "مروان"),
    ("murad", "مراد"),
    ("mukhtar", "مختار"),
    ("rida", "رضا"),
    ("imad", "عماد"),
    ("tikriti", "تكريتي"),
    ("rahman", "رحمن"),
    ("rahim", "رحيم"),
    ("din", "دين"),
    ("awad", "عوض"),
    ("ladin", "لادن"),
    ("laden", "لادن"),
    ("zawahiri", "ظواهري"),
    ("baghdadi", "بغدادي"),
    ("masri", "مصري"),
    ("libi", "ليبي"),
    ("iraqi", "عراقي"),
    ("yemeni", "يمني"),
    ("shami", "شامي"),
    ("suri", "سوري"),
    ("harbi", "حربي"),
    ("qahtani", "قحطاني"),
    ("shammari", "شمري"),
    ("dulaymi", "دليمي"),
    ("janabi", "جنابي"),
    ("ubaydi", "عبيدي"),
    ("tamimi", "تميمي"),
    ("utaybi", "عتيبي"),
    ("anzi", "عنزي"),
    ("mutayri", "مطيري"),
    ("zahrani", "زهراني"),
    ("ghamdi", "غامدي"),
    ("hamdan", "حمدان"),
    ("salman", "سلمان"),
    ("hamdi", "حمدي"),
    ("fawzi", "فوزي"),
    ("sabri", "صبري"),
    ("rami", "رامي"),
    ("hani", "هاني"),
    ("nabil", "نبيل"),
];

/// One Latin word in Arabic script; the article is joined to its noun
/// (`al-Tikriti` is التكريتي), as Arabic writes it.
fn to_arabic(word: &str) -> Option<String> {
    let spelled = |w: &str| {
        ARABIC
            .iter()
            .find(|(l, _)| *l == w)
            .map(|(_, a)| a.to_string())
    };
    match word.split_once('-') {
        Some(("al" | "el", noun)) => Some(format!("ال{}", spelled(noun)?)),
        Some(_) => None,
        None => spelled(word),
    }
}

#[test]
fn arabic_names_in_arabic_script_are_found() {
    let mut seen = BTreeSet::new();
    let mut cases = Vec::new();
    for e in &sanctions_screen::snapshot::embedded().unwrap().entities {
        if e.kind != sanctions_lists::Kind::Person {
            continue;
        }
        let names = std::iter::once(&e.name).chain(e.aliases.iter().map(|a| &a.name));
        for name in names {
            let latin = name.replace(',', "");
            let words: Vec<String> = latin.split_whitespace().map(|w| w.to_lowercase()).collect();
            if !(2..=5).contains(&words.len()) {
                continue;
            }
            let arabic: Option<Vec<String>> = words.iter().map(|w| to_arabic(w)).collect();
            if let Some(arabic) = arabic {
                if seen.insert(arabic.join(" ")) {
                    cases.push(Case {
                        query: arabic.join(" "),
                        source_id: e.source_id.to_string(),
                        latin,
                    });
                }
            }
        }
    }
    assert_recall("Arabic names in Arabic script", &cases);
}

/// Ordinary applicants' names in their own script and in Latin letters, from
/// `tests/data/ordinary_cross_script.tsv`: the script form may not alert
/// more often than the Latin one.
#[test]
fn ordinary_names_in_other_scripts_alert_no_more_than_in_latin() {
    let table = include_str!("data/ordinary_cross_script.tsv");
    let mut by_script: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [script, native, latin] = cols[..] else {
            panic!("bad line: {line}");
        };
        let entry = by_script.entry(script).or_default();
        entry.0 += 1;
        entry.1 += usize::from(!screen_name(native).matches.is_empty());
        entry.2 += usize::from(!screen_name(latin).matches.is_empty());
    }
    for (script, (names, native, latin)) in &by_script {
        eprintln!(
            "{script}: {names} ordinary names, {native} alert as written, {latin} in Latin letters"
        );
        assert!(*names >= 20, "{script}: too few names");
        assert!(
            native <= latin,
            "{script}: {native} alerts as written against {latin} in Latin"
        );
    }
}
