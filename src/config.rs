//! Every number that decides a score, in one place, each with its reason
//! (the way nucleo-matcher gathers its `MatcherConfig`). They were tuned on
//! the development part of the benchmarks (`quality/heldout.py --split=dev`,
//! `scripts/quality`); the held-out part is only reported. Change one here,
//! then run both benchmarks and compare: the tests hold behaviour, these
//! hold the trade-off between finding the listed and sparing the innocent.

// Levels and thresholds: where a score becomes an alert, and how strong one is.

/// The default threshold on the name score, chosen on the quality benchmark
/// (`scripts/quality`, docs/quality.md): at 0.88 every variation class keeps
/// a recall of 97.5% or more while 0.5% of ordinary applicant names alert,
/// most of them near-identical to a listed alias. Lower, partial matches of
/// common names (`Juan Díaz` against `GONZALEZ DIAZ, Juan`) start to alert;
/// higher, typos in short names stop being found.
pub const DEFAULT_THRESHOLD: f32 = 0.88;

/// The strict preset: 0.4% of ordinary names alert on the benchmark; a typo
/// or two transposed letters are found 93% of the time.
pub const STRICT_THRESHOLD: f32 = 0.92;

/// The broad preset: every class at 98% or more; 1.7% of ordinary names alert.
pub const BROAD_THRESHOLD: f32 = 0.80;

/// At or above this a match is called "strong": all words agree, allowing
/// variant spellings.
pub const STRONG_MATCH: f32 = 0.92;

/// A weak alias (OFAC remarks a.k.a., UN "Low" quality) is broad by the
/// publisher's own account: an exact hit on one is a possible, not strong, match.
pub const WEAK_ALIAS_FACTOR: f32 = 0.9;

/// The score of a domain one letter, a hyphen or a suffix away from a listed
/// one: below strong (a neighbour may be innocent), above every threshold
/// (a lookalike domain is how fronts hide).
pub const NEAR_DOMAIN_SCORE: f32 = 0.9;

// Word against word: how close two written words are.

/// A variant spelling (romanisation) is nearly, not quite, the same spelling.
pub const VARIANT_SIM: f32 = 0.92;

/// The same words written joined or apart: the same name, shown as a rule.
pub const JOINED_SIM: f32 = 0.98;

/// Highest similarity of a one-letter typo; shorter words get less (see [`typo_sim`](crate::matching::score::typo_sim)).
pub const TYPO_SIM_MAX: f32 = 0.88;

/// Two legal forms that differ (`GmbH`, `LLC`): companies re-register and
/// applicants guess, so it costs little.
pub const OTHER_LEGAL_FORM_SIM: f32 = 0.9;

/// A first-letter edit counts this much less than a typo elsewhere: people
/// rarely mistype the first letter, but do spell it by ear (`Cristina`).
pub const FIRST_LETTER_PENALTY: f32 = 0.06;

/// Words shorter than this with another first letter are other names.
pub const FIRST_LETTER_MIN_LEN: usize = 5;

/// A first letter replaced by one that sounds different, making a word the
/// lists know, is read as a slip only in words this long (`Tennadyevich`):
/// in shorter words it is another name (`Jamal`/`Kamal`).
pub const OTHER_FIRST_LETTER_MIN_LEN: usize = 7;

/// A slip in words this long, every other word agreeing, makes a possible
/// match; in shorter ones it is too often another name (`Bin`/`Bing`,
/// `Own`/`Won`). Chosen on the development part: at 3, 4 more recovered
/// and one more ordinary name alerted (`许兵`, read `xu bing`, for `XU, Bin`).
pub const SLIP_MIN_LEN: usize = 4;

/// The same for the slip `last_slip` (in `matching::score`) pairs, beside
/// a rare word written alike: chosen on the development part, at 3 letters
/// (`Mnu` for `MUN`, `lAi` for `Ali`) 4 more found and no negative moved;
/// the witness is what keeps `许兵` clear of `XU, Bin`.
pub const LAST_SLIP_MIN_LEN: usize = 3;

/// The evidence (on both sides) of a word written alike beside a slip the
/// word-by-word rules turned down (`last_slip` in `matching::score`): as
/// for an initial's witness, a word rare on the lists and among
/// applicants, so `Kamal Hassan` stays clear of `HASSAN, Jamal`. A
/// spelling variant is no witness: `Chi Dang` is not `YANG, Qi`.
pub const SLIP_WITNESS_MIN_EVIDENCE: f32 = INITIAL_WITNESS_MIN_EVIDENCE;

/// A short word (three or four letters) one slip from a listed one, when no
/// listed name holds the query's word: likely a typo, weakly.
pub const SHORT_TYPO_SIM: f32 = 0.75;

/// An initial for a listed word, as close as its letter can be: an initial
/// only says as much as the weaker of its two sides (see `score_into`), and
/// it is enough for a possible match only beside two other words that agree
/// (`C. Correa Jhon`) or one that identifies (`D. Kazbek`; with more
/// initials, see [`INITIAL_LETTER_EVIDENCE`]), never alone.
pub const INITIAL_SIM: f32 = 0.85;

/// The longest legal form read as an abbreviation (`JSC`, `LLC`, `Co`):
/// whole or nothing, never a near spelling of a word (`CSC`, `Cssc`).
/// Longer ones are words and may be misspelt (`Compnay`, `Limted`).
pub const LEGAL_ABBREVIATION_MAX_LEN: usize = 3;

/// A word written without its vowels (`Njmddn` for `Najmuddin`): a long
/// skeleton still names one word. The weak-rule cap keeps the name a
/// possible match; at 0.94 names whose every word was a skeleton fell just
/// under the default (`SLM, Ahmd` 0.876).
pub const SKELETON_SIM: f32 = 0.96;

/// A short skeleton (`Frj`, `Hssn`) names one word less surely.
pub const SHORT_SKELETON_SIM: f32 = 0.93;

/// Skeletons shorter than this are short.
pub const SHORT_SKELETON_LEN: usize = 5;

/// A cut word (`Nik` for `Nikolaevich`): this much, plus up to
/// [`TRUNCATED_SPAN`] for the share of the word kept.
pub const TRUNCATED_BASE: f32 = 0.7;

/// What keeping the whole word would add: `Nikolaevic` says more than `Nik`.
pub const TRUNCATED_SPAN: f32 = 0.2;

/// Shortest cut word read as a truncation (`Di` for `Diana`); shorter is an
/// initial. Common names on the lists (`Jon`, `Cho`) are never read as cut words.
pub const TRUNCATED_MIN_LEN: usize = 2;

/// A common name is read as a cut word only with this many letters cut:
/// `Cho` is a name beside `Chol`, `Ma` a cut `Mario`. Chosen on the
/// development part: 5 more cut names found, no negative moved.
pub const TRUNCATED_COMMON_MIN_CUT: usize = 3;

/// A short part with a letter misread (`K0` for `KO`, `Ll` for `LI`): the
/// same letters as read, as close as a spelling variant.
pub const MISREAD_SIM: f32 = VARIANT_SIM;

/// Parts this short (`O`, `Ri`, `Ko`) match only exactly or as spellings
/// the variant table lists together: letter rules and typos would let nearly
/// every short part match another (`Ko`/`Go`, `Li`/`Lu`, `An`/`Am`).
pub const SHORT_PART_LEN: usize = 2;

/// A name aligned by a weak rule ([`Rule::is_weak`](crate::matching::score::Rule::is_weak)) or matched through
/// the company short-form rule is capped here, under the strong level
/// (0.92): the reviewer must look.
pub const WEAK_RULE_CAP: f32 = STRONG_MATCH - 0.01;

// Name against name: what words left over, dropped or reordered cost.

/// What a query word the list does not have costs when every listed word is
/// present (`Kim Jong Un Sam`): a nickname, a second surname. Half: a
/// whole extra name may be another person's.
pub const EXTRA_WORD_FACTOR: f32 = 0.5;

/// The same for a number, a single letter, a title or degree (`1`, `B`,
/// `PhD`) or a company's generic word (`Solutions`): they name no one.
pub const EXTRA_AFFIX_FACTOR: f32 = 0.1;

/// What one listed word the query leaves out costs when every query word
/// matched: a dropped middle name or second surname (`Rosa Ibarra`). Low,
/// since such a name is capped as a possible match anyway; what guards
/// the innocent is the witness word ([`DROPPED_WORD_MIN_EVIDENCE`]).
pub const DROPPED_WORD_FACTOR: f32 = 0.2;

/// What a listed word lost with a name cut short costs (`SALAH, Mahir
/// Jawad Y` for `SALAH, Mahir Jawad Yunis`): a length limit took it, not a
/// choice, so its absence says nothing against the match.
pub const CUT_OFF_WORD_FACTOR: f32 = 0.05;

/// The evidence a word written out must carry, on both sides, for an
/// initial beside it to count (`D. Kazbek`): a word in at most some 25
/// listed names, borne by under 1 applicant in 1,700. On ordinary names
/// written with an initial, 0.6 made 0.7% alert and 0.7 makes 0.37%; 0.8
/// found 65% of the development part's initials, 0.7 finds 76%.
pub const INITIAL_WITNESS_MIN_EVIDENCE: f32 = 0.7;

/// How much less evidence an initial's witness needs for each further
/// initial that agrees (`I. S. Borisovich`, `F. Y. Sergeyevich`): a letter
/// begins about one listed word in nine, as M does (A one in five, most
/// letters fewer), and ln 9 / ln 42,000 is 0.2 on the weights' scale. Not
/// in a name of syllables (`K. T. Chol`). On the development part it found
/// 19 more of the 300 initials; of ordinary names written that way
/// (`hard_initialled_all`), 3 in 300 alert.
pub const INITIAL_LETTER_EVIDENCE: f32 = 0.2;

/// The weight (see [`crate::weights::class_weight`]) of the matched word a
/// company's short name needs when it leaves out a listed place or series
/// mark: a word in at most some 25 listed names (`Silverstar`, `Kwangson`;
/// not `National`, `Insurance`, which would make `National Insurance
/// Company` a short name of `KOREA NATIONAL INSURANCE CORPORATION`).
pub const DESIGNATOR_WITNESS_MIN_WEIGHT: f32 = 0.7;

/// A person's name whose words are all syllables this short (one group of
/// vowels) is read as a name of syllables (Chinese, Korean, Burmese), where
/// no word may be left out.
pub const SYLLABLE_MAX_LEN: usize = 5;

/// A word may be left out beside this many words that agree as written or
/// as spellings (not articles), even when none of them identifies alone.
/// Chosen on the development part: at 3, 6 more found and no negative
/// moved; at 2, 11 more, but `quality/check.py`'s ordinary names alert
/// 1.5% (its floor is 1%) and one more of the benchmark's.
pub const DROPPED_WORD_MIN_AGREEING: usize = 3;

/// The evidence (see [`crate::weights::evidence_weight`]) that one word,
/// matched as written or as a spelling variant, must carry on both sides
/// for a dropped word to cost less: a word in at most some 25 listed names,
/// borne by under 1 applicant in 1,700 (`Barakat`, not `Torres`). At 0.8
/// most names that drop a second surname or a middle name were missed
/// (token_drop 81% on the development part, 89% at 0.7); at 0.6 1.1% of
/// our own benchmark's ordinary names alerted (`Mahmoud Habib`).
pub const DROPPED_WORD_MIN_EVIDENCE: f32 = 0.7;

/// What a listed company's generic words and legal form cost when the query
/// has all its distinctive words and nothing else distinctive (`Chinyong`
/// for `CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY`).
pub const SHORT_FORM_FACTOR: f32 = 0.1;

/// The distinctive words of a short form must weigh this much together
/// (`Korea` alone, in some 300 listed names, is not enough).
pub const SHORT_FORM_MIN_WEIGHT: f32 = 0.6;

/// A person's name that matches on one part only (a surname alone) is capped
/// here, below every threshold: half a name is not an identification.
pub const PARTIAL_PERSON_CAP: f32 = 0.5;

/// What a listed person's patronymic (`Igorevich`) costs when the applicant
/// leaves it out, as a share of its weight: CVs written outside Russia
/// rarely carry it, so its absence says little.
pub const MISSING_PATRONYMIC_FACTOR: f32 = 0.2;

/// Both names mark their family name and the listed one matched a given
/// name: people do write names in the wrong order, so this lowers the score
/// a little rather than ruling the match out.
pub const ROLE_SWAP_FACTOR: f32 = 0.95;

/// The two syllables of a listed Korean given name in the other order, next
/// to each other, with the family name matched (`Yoon Jin-ho` for `YUN,
/// Ho-Jin`): Koreans do not reorder them, so this is most often another
/// person. Other names are left alone: `Teresa Maria` for `Maria Teresa`
/// is a way of writing the same name.
pub const GIVEN_ORDER_FACTOR: f32 = 0.85;

// The applicant's other details.

/// A listed date of birth that differs from the applicant's: strong evidence
/// of another person, but dates on lists are often approximate or wrong.
pub const DOB_CONFLICT_FACTOR: f32 = 0.75;

/// A country that differs: weak evidence, since the workers this tool looks
/// for claim to live elsewhere than the lists say.
pub const COUNTRY_CONFLICT_FACTOR: f32 = 0.9;

/// Years either side of a "circa" date that still agree.
pub const CIRCA_YEARS: u16 = 2;

// Finding candidates and weighing words.

/// How many candidate names the index hands to the scorer per field. With
/// 100, a common Korean name's fifth-best partial match (0.64) fell out of
/// the index's ranking; 150 keeps the indexed top results equal to brute
/// force over the test's varied queries, at about 0.5 ms a query.
pub const CANDIDATES: usize = 150;

/// A cut word that begins more terms than this finds none of them.
pub const MAX_PREFIX_TERMS: usize = 100;

/// Keys shorter than this only match exactly: one edit in a short word makes
/// another word (`Kim`/`Kin`).
pub const MIN_FUZZY_KEY_LEN: usize = 4;

/// The least a matching word adds: even Nguyen, borne by 38% of Vietnamese,
/// is some evidence when the rest of the name agrees.
pub const MIN_EVIDENCE: f32 = 0.05;
