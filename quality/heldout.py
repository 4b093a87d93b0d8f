"""The held-out benchmark: variants made by other people's rules, over all
three lists, split into a development part (tuned on) and a held-out part
(only reported), with every matcher on one shared candidate pool. Writes
docs/quality-heldout.md.

    python quality/heldout.py CLI DOCS.md [--no-references] [--split=dev|heldout]
    python quality/heldout.py CLI --check

`--check` (scripts/test runs it) scores both parts with sanctions-screen
alone and fails when the held-out part falls under the floors in CHECK:
regression floors a little under what was measured, not targets.

Where the cases come from:
- The entries: every person and organization of OFAC SDN, OFAC non-SDN and
  the UN list, as the CLI itself parsed them (`sanctions-screen lists
  --entries`). An entry belongs to the held-out part when the number in its
  id is even (`KPi.031` -> 31, odd: development), to the development part
  otherwise; each part also has its own random seed.
- Positives, 300 a class and part:
  - every perturbation class of the public sanctions-screening-benchmark
    (PyPI `sanctions-screening-benchmark` 0.1.0), over listed people's
    primary names, one variant of each entry a class, picked at random;
  - four classes the benchmark does not have, written from how applicants
    and the press write names, not from the matcher's tables: Korean names
    in Revised Romanisation, common spellings and McCune-Reischauer with
    marks, given names joined or hyphenated, in either order
    (`korean_spelling`); a company by its distinctive words alone
    (`company_short_form`, `Chinyong`; a legal form by OpenSanctions' list
    of organisation types, `S.A.S.`, is none); a company with its legal
    form added, dropped or swapped (`company_legal_form`); a listed name
    with one word added, a degree, a number, a letter or a business word
    (`extra_word`).
- Ordinary negatives: applicant names from Faker (PyPI `Faker`) in 20
  locales, four of them in their own script (Cyrillic, Arabic, Han, Hangul), and company names from Faker;
  seeded per part.
- Namesakes, reported apart: an ordinary name that is a listed person's name
  in another spelling. The rule, written once here (`namesake_keys`): the
  same words once folded to ASCII, with vowels and the articles al/el
  dropped and the common Korean surname spellings made one (Lee/Ri/Yi,
  Park/Pak/Bak, Choi/Choe...), in any order and joined or apart; the listed
  name may also drop its patronymic.
- Hard negatives: the benchmark's own (a listed surname with another
  entry's given name, a token swapped, a long word rewritten), listed
  companies with their most distinctive word replaced, and ordinary
  applicant names written with an initial for their first or last name
  (`hard_initialled`: what reading initials costs the innocent), and those
  of three words or more written as the benchmark writes initials, every
  word but the last (`hard_initialled_all`).

Scoring: sanctions-screen runs end to end over the three lists (its own
index finds the candidates). The reference matchers (nomenklatura logic-v2
and ofac, a token-set Jaro-Winkler) score one candidate pool per query: the
union of sanctions-screen's top 20 entries, a plain rapidfuzz blocking's
top 10 entries over every listed name, and the expected entry. Every
matcher thus meets the same namesakes and near names.
"""

import hashlib
import itertools
import json
import random
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cases import COMMON_COMPANY_WORDS, PATRONYMIC, replace_distinctive_word  # noqa: E402
from run import PRESETS, jaro_winkler_token_set, metrics, pct, run_ours  # noqa: E402

LISTS = ("ofac_sdn", "ofac_cons", "un")
PER_CLASS = 300
SPLITS = {"dev": (1, 11), "heldout": (0, 29)}  # id parity, seed
ORDINARY_PEOPLE = 5600
ORDINARY_COMPANIES = 1100
OURS_TOP = 20
BLOCK_TOP = 10
REF_THRESHOLDS = {"nomenklatura logic-v2": 0.70, "nomenklatura ofac": 0.85, "token-set Jaro-Winkler": 0.90}

# Faker locales: (locale, how a name is made). Latin-script locales give
# `name()`; Japanese gives its romanised name; four give their own script.
LOCALES = ["en_US", "es_MX", "de_DE", "fr_FR", "it_IT", "pl_PL", "pt_BR", "tr_TR", "vi_VN",
           "en_IN", "id_ID", "nl_NL", "yo_NG", "sw", "cs_CZ", "ja_JP", "ru_RU", "ar_AA",
           "zh_CN", "ko_KR"]

# --- entries ---


def load_entries(cli):
    run = subprocess.run([cli, "lists", "--entries"], capture_output=True, text=True, check=True)
    out = []
    for line in run.stdout.splitlines():
        e = json.loads(line)
        if e["list"] not in LISTS or e["kind"] not in ("Person", "Organization"):
            continue
        out.append({"key": f"{e['list']}:{e['source_id']}", "list": e["list"], "id": e["source_id"],
                    "kind": "person" if e["kind"] == "Person" else "organization",
                    "name": e["name"], "aliases": [a["name"] for a in e["aliases"]],
                    "programs": e["programs"]})
    return out


def part_of(entry):
    digits = re.sub(r"\D", "", entry["id"])
    number = int(digits) if digits else int(hashlib.sha256(entry["id"].encode()).hexdigest(), 16)
    return number % 2


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def norm(text):
    return " ".join(sorted(re.findall(r"[a-z0-9]+", fold(text).replace("'", ""))))


# --- our classes: Korean spellings, company forms, an extra word ---

# How the lists write a Korean syllable (McCune-Reischauer without its
# marks), and how applicants write it: Revised Romanisation first, then
# common spellings. From the two systems' published tables, not the matcher's.
KOREAN = {
    "chol": ["cheol", "chul"], "yong": ["yeong", "young"], "song": ["seong", "sung"],
    "jong": ["jeong", "jung"], "hyon": ["hyeon", "hyun"], "myong": ["myeong", "myung"],
    "kwang": ["gwang"], "kyong": ["gyeong", "kyung"], "chon": ["cheon", "chun"],
    "ryong": ["ryeong", "ryung"], "pyong": ["pyeong"], "hyok": ["hyeok", "hyuk"],
    "kim": ["kim", "gim"], "pak": ["park", "bak"], "ri": ["lee", "yi", "rhee"], "choe": ["choi"],
    "o": ["oh"], "sin": ["shin"], "yun": ["yoon"], "jon": ["jeon", "chun"], "ryu": ["yoo", "yu"],
    "u": ["woo"], "ko": ["go", "koh"], "kang": ["gang", "kang"], "tong": ["dong"], "sol": ["seol"],
    "chu": ["ju", "joo"], "su": ["su", "soo"], "hui": ["hui", "hee"], "kuk": ["guk", "kook"],
    "chun": ["jun", "joon"], "chin": ["jin"], "kil": ["gil"], "kun": ["geun", "keun"],
    "sok": ["seok", "suk"], "tok": ["deok", "duk"], "pong": ["bong"], "pom": ["beom"],
    "kyu": ["gyu"], "yon": ["yeon"], "yol": ["yeol"], "mun": ["mun", "moon"], "un": ["eun"],
    "hun": ["hun", "hoon"], "kum": ["geum", "keum"], "sun": ["sun", "soon"], "chung": ["jung", "chung"],
    "kon": ["geon", "gun"], "kyon": ["gyeon", "kyun"], "pil": ["pil", "phil"], "to": ["do"],
    "pae": ["bae"], "paek": ["baek"], "chang": ["jang", "chang"], "tae": ["dae"], "ku": ["gu", "koo"],
    "kye": ["gye"], "pyon": ["byeon", "byun"], "chol-": ["cheol"], "hwan": ["hwan"],
    "ung": ["eung"], "ul": ["eul"], "ok": ["ok"], "il": ["il"], "nam": ["nam"], "ho": ["ho"],
    "jin": ["jin"], "man": ["man"], "jang": ["jang"], "won": ["won", "weon"], "son": ["son", "sohn"],
    "sik": ["sik", "shik"], "jo": ["jo", "cho"], "cho": ["jo", "cho"], "min": ["min"], "yu": ["yu", "yoo"],
    "hwa": ["hwa"], "sung": ["seong", "sung"], "han": ["han"], "hwang": ["hwang"], "bong": ["bong"],
    "se": ["se"], "chong": ["jeong", "chung"], "gon": ["geon", "gun"], "mu": ["mu", "moo"], "hong": ["hong"],
    "sang": ["sang"], "sop": ["seop", "sub"], "guk": ["guk", "kook"], "rim": ["lim", "im"], "jae": ["jae"],
    "ha": ["ha"], "byong": ["byeong", "byung"], "hwi": ["hwi"], "li": ["lee", "yi"], "uk": ["uk", "wook"],
    "jun": ["jun", "joon"], "ja": ["ja"], "hyong": ["hyeong", "hyung"], "sam": ["sam"], "bok": ["bok"],
    "ryol": ["ryeol", "yeol"], "so": ["so"], "ki": ["gi", "ki"], "chi": ["ji", "chi"], "ji": ["ji"],
    "kwon": ["gwon", "kwon"], "ryang": ["ryang", "yang"], "hak": ["hak"], "hae": ["hae"], "chan": ["chan"],
    "cha": ["cha"], "kwak": ["gwak", "kwak"], "ryom": ["ryeom", "yeom"], "pang": ["bang"], "in": ["in"],
}
# McCune-Reischauer with its marks: where Revised writes eo/eu, MR writes
# ŏ/ŭ; where Revised writes ch/k/t/p at the start, MR marks aspiration.
MR_VOWELS = [("eo", "ŏ"), ("eu", "ŭ")]


def korean_syllable(syllable, style, rng):
    low = syllable.lower().replace("'", "")
    spellings = KOREAN.get(low)
    if not spellings:
        return low
    if style == "mr":
        rr = spellings[0]
        marked = rr
        for a, b in MR_VOWELS:
            marked = marked.replace(a, b)
        if rr[:2] == "ch" and low[:2] == "ch":
            marked = "ch'" + marked[2:]
        elif rr[:1] in "ktp" and low[:1] == rr[:1] and rr[:2] != "kw":
            marked = rr[0] + "'" + marked[1:]
        if rng.random() < 0.3:
            marked = marked.replace("ŏ", "o'").replace("ŭ", "u'")
        return marked
    return spellings[0] if style == "rr" else rng.choice(spellings)


def korean_spelling(e, rng):
    """A listed Korean name (every syllable in KOREAN) as an applicant may write it."""
    if e["kind"] != "person":
        return None
    if "," in e["name"]:
        family, given = (x.strip() for x in e["name"].split(",", 1))
    else:
        parts = e["name"].split()
        family, given = parts[0], " ".join(parts[1:])
    syllables = re.split(r"[\s\-]+", given)
    if not family or not given or len(syllables) > 2 or not all(s.lower().replace("'", "") in KOREAN for s in syllables + [family]):
        return None
    style = rng.choice(["rr", "common", "mr"])
    fam = korean_syllable(family, style, rng).capitalize()
    parts = [korean_syllable(s, style, rng) for s in syllables]
    join = rng.choice(["", "-", " "]) if len(parts) == 2 else ""
    given_out = join.join(parts).capitalize() if join != " " else " ".join(p.capitalize() for p in parts)
    if join == "-":
        given_out = "-".join([parts[0].capitalize(), parts[1]])
    name = f"{given_out} {fam}" if rng.random() < 0.5 else f"{fam} {given_out}"
    return name


LEGAL_FORMS = ["Group", "Inc.", "Co., Ltd.", "LLC", "Ltd", "Limited", "Corporation", "GmbH", "OOO",
               "JSC", "Company", "Corp.", "LLP", "S.A.", "Holdings"]
LEGAL_WORDS = {fold(x).strip(".,") for x in "LLC LTD LIMITED CO CORP CORPORATION COMPANY INC INCORPORATED GMBH OOO JSC LLP SA AG PLC OAO ZAO PJSC OJSC CJSC".split()}
GENERIC = {w.lower() for w in COMMON_COMPANY_WORDS} | LEGAL_WORDS | {"of", "and", "the", "for", "&"}


def company_words(name):
    return [w for w in re.split(r"\s+", name.replace(",", " ")) if w]


# rigour's compiled core is called directly: its Python wrappers import
# `normality`, which needs PyICU (no wheel, so no build on CI's fresh
# machine). The flags are rigour's `Normalize.CASEFOLD` and `Cleanup.Noop`,
# the ones nomenklatura uses.
RIGOUR_CASEFOLD, RIGOUR_NO_CLEANUP = 1 << 2, 0


def is_org_type(word):
    """Whether a word is a legal form alone by OpenSanctions' list of
    organisation types (PyPI `rigour`, which nomenklatura uses): `S.A.S.`,
    `FZCO`, `DMCC`. Other people's list, not the matcher's."""
    from rigour._core import extract_org_types, remove_org_types
    text = word.casefold()
    if not extract_org_types(text, RIGOUR_CASEFOLD, RIGOUR_NO_CLEANUP, False):
        return False
    return not remove_org_types(text, RIGOUR_CASEFOLD, RIGOUR_NO_CLEANUP, "").strip(" .,()")


def company_short_form(e, rng):
    if e["kind"] != "organization":
        return None
    words = company_words(e["name"])
    distinctive = [w for w in words if fold(w).strip(".,()") not in GENERIC and not is_org_type(w)
                   and len(re.sub(r"\W", "", w)) >= 3]
    if not distinctive or len(distinctive) == len(words) or len(distinctive) > 2:
        return None
    short = " ".join(w.strip("()").capitalize() for w in distinctive)
    if rng.random() < 0.5:
        short += " " + rng.choice(LEGAL_FORMS)
    return short


def company_legal_form(e, rng):
    if e["kind"] != "organization":
        return None
    words = company_words(e["name"])
    kept = [w for w in words if fold(w).strip(".,()") not in LEGAL_WORDS]
    if len(kept) < 1 or not any(len(w) >= 4 for w in kept):
        return None
    name = " ".join(kept) + " " + rng.choice(LEGAL_FORMS)
    return name if norm(name) != norm(e["name"]) else None


EXTRA_PERSON = ["PhD", "MBA", "Jr", "III", "1", "2", "A", "B", "MSc", "CPA", "Eng"]
EXTRA_COMPANY = ["2", "1", "Solutions", "Tech", "Services", "Global", "International", "Group", "Software"]


def extra_word(e, rng):
    words = e["name"].replace(",", "").split()
    if len(words) < 2:
        return None
    extra = rng.choice(EXTRA_PERSON if e["kind"] == "person" else EXTRA_COMPANY)
    if e["kind"] == "person" and "," in e["name"]:
        family, given = (x.strip() for x in e["name"].split(",", 1))
        words = [given, family]
    return " ".join(words + [extra]) if rng.random() < 0.8 else " ".join([extra] + words)


OUR_CLASSES = {"korean_spelling": korean_spelling, "company_short_form": company_short_form,
               "company_legal_form": company_legal_form, "extra_word": extra_word}


# --- namesakes ---

KOREAN_SURNAMES = {"lee": "r", "li": "r", "yi": "r", "rhee": "r", "ri": "r", "i": "r", "rhie": "r",
                   "park": "pk", "pak": "pk", "bak": "pk", "choi": "ch", "choe": "ch", "oh": "", "o": "",
                   "yoon": "yn", "yun": "yn", "shin": "sn", "sin": "sn", "jeon": "jn", "chon": "jn",
                   "jung": "jng", "jong": "jng", "chung": "jng", "jeong": "jng"}
VOWELS = re.compile(r"[aeiouy]")


def skeleton(token):
    if token in KOREAN_SURNAMES:
        return KOREAN_SURNAMES[token]
    return VOWELS.sub("", token)


HANGUL_OR_HAN = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]")
# Revised Romanisation and pinyin voice what McCune-Reischauer and Wade-Giles
# write unvoiced (`Gim`/`Kim`, `Bak`/`Pak`, `Deng`/`Teng`): one letter each.
EAST_ASIAN_FOLD = str.maketrans({"g": "k", "d": "t", "b": "p", "j": "c", "l": "r", "q": "c", "x": "s", "z": "c"})


def ascii_tokens(name):
    """Folded to ASCII by Unidecode; a Hangul or Han character is a syllable
    of its own (`김정은` -> `gim jeong eun`)."""
    from unidecode import unidecode
    text = "".join(f" {unidecode(c)} " if HANGUL_OR_HAN.match(c) else c for c in name)
    return [t for t in re.findall(r"[a-z]+", unidecode(fold(text)).lower()) if t not in ("al", "el")]


def namesake_keys(name, drop_patronymic, east_asian=False):
    """Every order of the name's skeleton words, joined (so that `Seonghwa`
    meets `Song Hwa`); a name of more than four words, sorted only. With
    `east_asian`, voiced and unvoiced consonants are one (see EAST_ASIAN_FOLD):
    used for names written in Hangul or Han, against the lists' spellings."""
    tokens = ascii_tokens(name)
    if drop_patronymic:
        tokens = [t for t in tokens if not PATRONYMIC.search(t)]
    tokens = [skeleton(t) for t in tokens]
    if east_asian:
        tokens = [t.translate(EAST_ASIAN_FOLD) for t in tokens]
    if not tokens:
        return set()
    if len(tokens) > 4:
        return {"".join(sorted(tokens))}
    return {"".join(p) for p in itertools.permutations(tokens)}


# --- cases ---


def positives(entries, split, seed):
    from ssb import perturb
    pool = [e for e in entries if part_of(e) == split]
    people = [e for e in pool if e["kind"] == "person" and len(e["name"].replace(",", " ").split()) >= 2]
    cases = []
    for cls, pert in perturb.REGISTRY.items():
        rng = random.Random(f"{seed}:{cls}")
        order = people[:]
        rng.shuffle(order)
        made = 0
        for e in order:
            variants = [v for v in pert.fn(e["name"], seed) if v.casefold() != e["name"].casefold()]
            if not variants:
                continue
            cases.append({"class": cls, "family": pert.family, "kind": "positive", "field": "name",
                          "query": rng.choice(variants), "target": e["key"], "target_name": e["name"]})
            made += 1
            if made >= PER_CLASS:
                break
    for cls, rule in OUR_CLASSES.items():
        rng = random.Random(f"{seed}:{cls}")
        order = pool[:]
        rng.shuffle(order)
        made, seen = 0, set()
        # Up to three passes: a class with few entries to draw from (Korean
        # names) takes another spelling of the same entry.
        for e in order * 3:
            query = rule(e, rng)
            if not query or norm(query) == norm(e["name"]) or (e["key"], query) in seen:
                continue
            seen.add((e["key"], query))
            cases.append({"class": cls, "family": "applicant", "kind": "positive",
                          "field": "name" if e["kind"] == "person" else "company",
                          "query": query, "target": e["key"], "target_name": e["name"]})
            made += 1
            if made >= PER_CLASS:
                break
    return cases


def negatives(entries, split, seed):
    from faker import Faker
    from ssb import negatives as ssb_negatives
    listed = {norm(n) for e in entries for n in [e["name"]] + e["aliases"]}
    namesakes, east_asian = set(), set()
    for e in entries:
        if e["kind"] == "person":
            for n in [e["name"]] + e["aliases"]:
                namesakes |= namesake_keys(n, drop_patronymic=True)
                east_asian |= namesake_keys(n, drop_patronymic=True, east_asian=True)

    def is_namesake(name):
        if HANGUL_OR_HAN.search(name):
            return bool(namesake_keys(name, False, east_asian=True) & east_asian)
        return bool(namesake_keys(name, drop_patronymic=False) & namesakes)
    cases = []
    per_locale = ORDINARY_PEOPLE // len(LOCALES) + 1
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(f"{seed}:{locale}")
        for _ in range(per_locale):
            if locale == "ja_JP":
                name = f"{fake.first_romanized_name()} {fake.last_romanized_name()}"
            else:
                name = fake.name()
            # Names in another script fold to nothing in `norm`.
            if norm(name) and norm(name) in listed:
                continue
            if is_namesake(name):
                cases.append({"class": "namesake", "kind": "namesake", "field": "name", "query": name,
                              "target": None})
                continue
            cases.append({"class": f"ordinary_{locale}", "kind": "ordinary", "field": "name",
                          "query": name, "target": None})
    per_locale = ORDINARY_COMPANIES // len(LOCALES) + 1
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(f"{seed}:{locale}:company")
        for _ in range(per_locale):
            name = fake.company()
            # Names in another script fold to nothing in `norm`.
            if norm(name) and norm(name) in listed:
                continue
            cases.append({"class": "ordinary_company", "kind": "ordinary", "field": "company",
                          "query": name, "target": None})
    # The benchmark's own near misses, over this part's people.
    pool = [e for e in entries if part_of(e) == split]
    people = sorted((e["name"] for e in pool if e["kind"] == "person"))
    rng = random.Random(f"{seed}:hard")
    sample = rng.sample(people, 400)
    listed_cf = {n.casefold() for e in entries for n in [e["name"]] + e["aliases"]}
    for n in ssb_negatives.generate(sample, seed=seed, per_class=1, listed_index=listed_cf):
        if norm(n.text) in listed:
            continue
        # The benchmark checks its negatives against the names as written
        # (`ABDULLAH, Mohammad`), so some are listed names (`ABDULLAH
        # Mohammad`): namesakes by the rule above.
        namesake = is_namesake(n.text)
        cases.append({"class": "namesake" if namesake else f"hard_{n.negative_class}",
                      "kind": "namesake" if namesake else "hard", "field": "name",
                      "query": n.text, "target": None})
    # Ordinary applicants written with an initial for their first or last
    # name (`M. Davis`, `Bruno K.`): what reading initials costs the innocent.
    ordinary = [c["query"] for c in cases if c["kind"] == "ordinary" and c["field"] == "name"
                and len(c["query"].split()) >= 2 and norm(c["query"])]
    initialled_rng = random.Random(f"{seed}:initialled")
    for i, name in enumerate(initialled_rng.sample(ordinary, PER_CLASS)):
        words = name.split()
        at = 0 if i % 2 == 0 else len(words) - 1
        words[at] = words[at][0] + "."
        cases.append({"class": "hard_initialled", "kind": "hard", "field": "name",
                      "query": " ".join(words), "target": None})
    # Ordinary applicants of three words or more written as the benchmark
    # writes initials (every word but the last: `L. E. Vyacheslavovna`):
    # what reading several initials costs the innocent.
    longer = [name for name in ordinary if len(name.split()) >= 3]
    for name in initialled_rng.sample(longer, min(PER_CLASS, len(longer))):
        words = name.split()
        initials = [w[0] + "." for w in words[:-1]]
        cases.append({"class": "hard_initialled_all", "kind": "hard", "field": "name",
                      "query": " ".join(initials + words[-1:]), "target": None})
    # Listed companies with their most distinctive word replaced.
    orgs = [e for e in pool if e["kind"] == "organization"]
    rng.shuffle(orgs)
    generic_upper = {w.upper() for w in GENERIC}
    made = 0
    for e in orgs:
        name = replace_distinctive_word(company_words(e["name"]), rng, generic_upper)
        if name is None or norm(name) in listed:
            continue
        cases.append({"class": "hard_company_word_replaced", "kind": "hard", "field": "company",
                      "query": name, "target": None})
        made += 1
        if made >= PER_CLASS:
            break
    return cases


# --- matchers ---


def blocking(entries, cases):
    """rapidfuzz's top entries for each query among the names of its kind."""
    from rapidfuzz import fuzz, process, utils
    by_kind = {}
    for kind in ("person", "organization"):
        names, owners = [], []
        for e in entries:
            if e["kind"] == kind:
                for n in [e["name"]] + e["aliases"]:
                    names.append(utils.default_process(fold(n)))
                    owners.append(e["key"])
        by_kind[kind] = (names, owners)
    out = []
    for c in cases:
        names, owners = by_kind["person" if c["field"] == "name" else "organization"]
        found = []
        query = utils.default_process(fold(c["query"]))
        for _, _, i in process.extract(query, names, scorer=fuzz.token_set_ratio, limit=BLOCK_TOP * 3,
                                       processor=None):
            if owners[i] not in found:
                found.append(owners[i])
            if len(found) >= BLOCK_TOP:
                break
        out.append(found)
    return out


_REF = {}


def _ref_init(entries):
    from followthemoney import model
    from nomenklatura.matching import LogicV2, OFACMatcher
    _REF["entries"] = {e["key"]: e for e in entries}
    _REF["model"] = model
    _REF["algorithms"] = {"nomenklatura logic-v2": LogicV2, "nomenklatura ofac": OFACMatcher}
    _REF["proxies"] = {}


def _proxy(schema, key, names):
    e = _REF["model"].make_entity(schema)
    e.id = key
    e.add("name", names[0])
    for n in names[1:]:
        e.add("alias", n)
    return e


def _ref_score(job):
    index, case, pool = job
    entries = _REF["entries"]
    schema = "Person" if case["field"] == "name" else "Organization"
    query = _proxy(schema, f"q{index}", [case["query"]])
    out, times = {}, {}
    for name, alg in _REF["algorithms"].items():
        config = alg.default_config()
        start = time.time()
        scores = {}
        for key in pool:
            if (schema, key) not in _REF["proxies"]:
                e = entries[key]
                _REF["proxies"][(schema, key)] = _proxy(schema, key, [e["name"]] + e["aliases"])
            scores[key] = alg.compare(query, _REF["proxies"][(schema, key)], config).score
        out[name] = scores
        times[name] = time.time() - start
    start = time.time()
    out["token-set Jaro-Winkler"] = {key: jaro_winkler_token_set(case["query"], [entries[key]["name"]] + entries[key]["aliases"])
                                     for key in pool}
    times["token-set Jaro-Winkler"] = time.time() - start
    return out, times


def run_references(entries, cases, ours):
    blocked = blocking(entries, cases)
    jobs = []
    for i, (c, mine, theirs) in enumerate(zip(cases, ours, blocked)):
        pool = list(dict.fromkeys(list(mine) + theirs + ([c["target"]] if c["target"] else [])))
        jobs.append((i, c, pool))
    results = {name: [] for name in REF_THRESHOLDS}
    timings = {name: 0.0 for name in REF_THRESHOLDS}
    with Pool(2, initializer=_ref_init, initargs=(entries,)) as pool:
        for scores, times in pool.imap(_ref_score, jobs, chunksize=50):
            for name in REF_THRESHOLDS:
                results[name].append(scores[name])
                timings[name] += times[name]
    pool_sizes = [len(j[2]) for j in jobs]
    return results, timings, sum(pool_sizes) / len(pool_sizes)


# --- metrics ---


def summary_row(name, threshold, computed, positive):
    by_class, at_1pct, recall_1pct = computed
    pos = [by_class[k] for k in positive]
    n = sum(r["n"] for r in pos)
    found = sum(r["found"] for r in pos)
    top1 = sum(r["top1"] for r in pos)

    def rate(prefix):
        rows = [v for k, v in by_class.items() if k.startswith(prefix)]
        return pct(sum(r["alerts"] for r in rows), sum(r["n"] for r in rows))
    return (f"| {name} | {threshold:.2f} | {pct(found, n)} | {pct(top1, n)} | {rate('ordinary')} | "
            f"{rate('hard')} | {rate('namesake')} | {at_1pct:.3f} | {pct(sum(recall_1pct.values()), n)} |")


# The remaining misses by cause, written once here from reading the
# development part's misses (never the held-out part's), not per run.
CAUSES = [
    "- **initials** (`A. Ibrahim` for `AL-BANNA, Ibrahim`, `S Muhammad`): an initial beside one "
    "common word is not a match, on purpose: `J. Smith` fits every listed J. Smith. Beside a word "
    "that identifies, written out (`D. Kazbek`), or two words that agree, it is a possible match; "
    "each further initial that agrees lowers the bar for that word (`I. S. Borisovich`), except "
    "in a name of syllables (`K. Y. Chol` fits too many Korean names). What that costs the "
    "innocent is the hard_initialled classes (ordinary names written with an initial, and with "
    "every word but the last an initial). A family name that begins with an article has its "
    "letter (`A. Karim Hasan` for `AL-RIDA, Karim Hasan`).",
    "- **translit**: our variant table gained the Turkish and Persian forms `Mehmet` and `Hosein`, "
    "the Levantine `Haled`, `Qassem` and `Shaykh` after we read the development part's misses. "
    "The benchmark's own table holds them too, so this class now partly confirms our table "
    "(held-out 84.7% before, 95.3% after; the headline would be about 0.5 points lower without "
    "it). Translations (`Joseph` for `Yusuf`) and `Gaber` for `Jabir` are not read.",
    "- **token_drop** (`KU, Sop` for `KU, Sung Sop`, `KHAN, Ali` for `KHAN, Abid Ali`): a dropped "
    "word costs less only beside a word that identifies (rare on the lists and among applicants) "
    "or three words that agree, and never in a name of syllables (Korean, Chinese, Burmese short "
    "words of one vowel group each), where a syllable left out makes another given name. Both "
    "keep ordinary names from alerting on long listed chains.",
    "- **vowel_drop**: two-letter skeletons (`KM` for `KIM`) are read only beside other words "
    "that agree, never looked up alone; a three-letter skeleton that is a syllable of its own "
    "(`Cho`, `Hwa`) is read as that syllable.",
    "- **truncate**: a cut that falls between two words leaves no cut word to show it. The "
    "listed name's last words left out, every word before them there, make a possible match "
    "beside a word that identifies (`JENDOUBI, Faouzi Ben`), but not on common words alone "
    "(`KHALID ABD AL-RAHMAN` for `KHALID ABD AL-RAHMAN HAMD AL-FAWAZ`). When the last word is "
    "cut, the words after it count as gone with the cut (a possible match). The benchmark cuts "
    "at 20 characters, as a form field might; a query's length says nothing to the matcher.",
    "- **company_short_form**: a short form made only of words the matcher reads as generic "
    "(`Bank` for `MB BANK`: the class drops listed words of one or two letters), or whose one "
    "distinctive word is common on the lists (`Pars`, `Ansar`, `Vtb`, `Sberbank`: it names many "
    "listed companies, and the best known scores highest), or whose listed name holds a "
    "distinctive word the short form drops (`Gaddafi Foundation` for `GADDAFI INTERNATIONAL "
    "CHARITY AND DEVELOPMENT FOUNDATION`). Sector words (`Engineering`, `Manufacturing`, "
    "`Software`, `Solutions`) are generic. A short form written as listed is a possible match "
    "however many generic words the listed name holds (`Sapfir Group`); a legal form is no "
    "spelling of a word (`JSC` is not `CSC`). Since 2026-12-05 the class takes no legal form "
    "for a distinctive word, by OpenSanctions' list of organisation types (`S.A.S.` or `FZCO` "
    "alone had been cases): the held-out figure was 96.0% before that change and 96.7% after "
    "it, then 97.0% once the matcher learnt `SIA`, `KG`, `S.L.`, `SPRL` and `Sociedad Anonima` "
    "from the development part's misses.",
    "- **typo, transpose, phonetic** in words of two or three letters (`LP` for `LO`, `LIA` for "
    "`LAI`): in short words a slip is too often another name (`Bin`/`Bing`), so alone it makes "
    "no match; in longer words, with every other word agreeing, it makes a possible match, and "
    "so does a slip of three letters or more (`lAi` for `Ali`) beside a rare word written alike. "
    "A slip in a common name (`Naji` for `Haji`) beside common words only is another name.",
]


def misses(cases, scores, threshold, per_class=3):
    out = defaultdict(list)
    for c, s in zip(cases, scores):
        if c["kind"] == "positive" and s.get(c["target"], 0.0) < threshold and len(out[c["class"]]) < per_class:
            out[c["class"]].append((c["query"], c["target_name"], s.get(c["target"], 0.0)))
    return out


# Regression floors for --check, a little under the held-out figures of
# 2026-12-04 (97.3% recall, 0.1% ordinary and 1.6% hard alerts).
CHECK = {"recall": 0.96, "ordinary": 0.003, "hard": 0.03}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    cli, docs = args[0], (None if check else args[1])
    with_references = "--no-references" not in sys.argv
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--split=")), None)
    entries = load_entries(cli)
    split_cases = {}
    for split, (parity, seed) in SPLITS.items():
        if only and split != only:
            continue
        split_cases[split] = positives(entries, parity, seed) + negatives(entries, parity, seed)
    ours = {}
    times = {}
    for split, cases in split_cases.items():
        ours[split], times[split] = run_ours(cli, cases, LISTS, OURS_TOP, qualified=True)
        Path(f"target/quality/heldout-{split}.json").write_text(json.dumps(
            [dict(c, scores=s) for c, s in zip(cases, ours[split])], ensure_ascii=False))
    failures = []
    for split, cases in split_cases.items():
        classes = list(dict.fromkeys(c["class"] for c in cases))
        positive = [k for k in classes if any(c["class"] == k and c["kind"] == "positive" for c in cases)]
        by_class, at_1pct, _ = metrics(cases, ours[split], PRESETS["standard"])
        n = sum(by_class[k]["n"] for k in positive)
        found = sum(by_class[k]["found"] for k in positive)

        def rate(prefix):
            rows = [by_class[k] for k in classes if k.startswith(prefix)]
            return sum(r["alerts"] for r in rows) / max(1, sum(r["n"] for r in rows))
        print(f"{split}: recall {pct(found, n)} over {n} positives in {len(positive)} classes; "
              f"ordinary alerts {100 * rate('ordinary'):.1f}%; hard {100 * rate('hard'):.1f}%; "
              f"{times[split]:.1f} s")
        for k in positive:
            r = by_class[k]
            print(f"  {k:24} n={r['n']:4} recall={pct(r['found'], r['n']):>6} top1={pct(r['top1'], r['n']):>6}")
        if split == "heldout":
            if found / n < CHECK["recall"]:
                failures.append(f"held-out recall {found / n:.3f} < {CHECK['recall']}")
            for kind in ("ordinary", "hard"):
                if rate(kind) > CHECK[kind]:
                    failures.append(f"held-out {kind} alerts {rate(kind):.4f} > {CHECK[kind]}")
    if check:
        if failures:
            sys.exit("held-out quality below its floors: " + "; ".join(failures))
        return
    if "heldout" not in split_cases:
        return
    cases = split_cases["heldout"]
    matchers = {f"sanctions-screen ({p})": (ours["heldout"], t) for p, t in PRESETS.items()}
    timings = {"sanctions-screen (standard)": times["heldout"]}
    pool_mean = None
    if with_references:
        refs, ref_times, pool_mean = run_references(entries, cases, ours["heldout"])
        for name, scores in refs.items():
            matchers[name] = (scores, REF_THRESHOLDS[name])
        timings.update(ref_times)
    write_docs(docs, split_cases, ours, matchers, timings, pool_mean)


def write_docs(docs, split_cases, ours, matchers, timings, pool_mean):
    cases = split_cases["heldout"]
    classes = list(dict.fromkeys(c["class"] for c in cases))
    positive = [k for k in classes if any(c["class"] == k and c["kind"] == "positive" for c in cases)]
    family = {c["class"]: c.get("family", "") for c in cases if c["kind"] == "positive"}
    computed = {name: metrics(cases, s, t) for name, (s, t) in matchers.items()}
    names = list(matchers)
    n_pos = sum(1 for c in cases if c["kind"] == "positive")
    count = lambda kind: sum(1 for c in cases if c["kind"] == kind)  # noqa: E731
    lines = ["# Matching quality, held out", "",
             "Generated by `scripts/quality` with `quality/heldout.py` (do not edit by hand). The cases are "
             "made by other people's rules (the public sanctions-screening-benchmark's perturbations, Faker's "
             "names) and by four applicant classes written from how names are written, over OFAC SDN, OFAC "
             "non-SDN and the UN list; the module's docstring says exactly how. Tuning used only the "
             "development part (entries with an odd id, seed 11); this page reports the held-out part "
             f"(entries with an even id, seed 29): {n_pos} positives in {len(positive)} classes, "
             f"{count('ordinary')} ordinary applicant and company names, {count('hard')} hard negatives, "
             f"{count('namesake')} namesakes.", "",
             "Every class is in the headline, the hard ones too. A positive is found when its expected entry "
             "scores at or above the threshold; top-1 when nothing scores above it."]
    if pool_mean:
        lines += ["", "sanctions-screen runs end to end over the three lists. The reference matchers score one "
                  f"shared candidate pool a query (on average {pool_mean:.1f} entries): sanctions-screen's top "
                  f"{OURS_TOP}, rapidfuzz token-set blocking's top {BLOCK_TOP}, and the expected entry, which "
                  "they are given for free."]
    lines += ["", "## Summary (held-out part)", "",
              "| matcher | threshold | recall | top-1 | false alerts, ordinary | false alerts, hard | alerts, namesakes | threshold at 1% false alerts | recall at 1% false alerts |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name in names:
        lines.append(summary_row(name, matchers[name][1], computed[name], positive))
    # Development beside held-out, for sanctions-screen at its default.
    lines += ["", "## Development and held-out parts (sanctions-screen, standard)", "",
              "| class | family | dev n | dev recall | held-out n | held-out recall | held-out top-1 | held-out recall at 1% false alerts |",
              "|---|---|---|---|---|---|---|---|"]
    dev = metrics(split_cases["dev"], ours["dev"], PRESETS["standard"])[0] if "dev" in split_cases else {}
    held, _, held_1pct = computed["sanctions-screen (standard)"]
    for k in positive:
        d = dev.get(k, {"n": 0, "found": 0})
        h = held[k]
        lines.append(f"| {k} | {family[k]} | {d['n']} | {pct(d['found'], d['n'])} | {h['n']} | "
                     f"{pct(h['found'], h['n'])} | {pct(h['top1'], h['n'])} | {pct(held_1pct[k], h['n'])} |")
    lines += ["", "## Recall per class, held-out (at each matcher's threshold; top-1 in brackets)", "",
              "| class | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for k in positive:
        cells = [f"{pct(computed[n][0][k]['found'], computed[n][0][k]['n'])} ({pct(computed[n][0][k]['top1'], computed[n][0][k]['n'])})" for n in names]
        lines.append(f"| {k} | {held[k]['n']} | " + " | ".join(cells) + " |")
    lines += ["", "## Recall per class at 1% false alerts on ordinary names, held-out", "",
              "| class | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for k in positive:
        lines.append(f"| {k} | " + " | ".join(pct(computed[n][2][k], held[k]["n"]) for n in names) + " |")
    lines += ["", "## Alerts per negative class, held-out (at each matcher's threshold)", "",
              "| class | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for k in classes:
        if k in positive:
            continue
        lines.append(f"| {k} | {held[k]['n']} | " + " | ".join(pct(computed[n][0][k]["alerts"], held[k]["n"]) for n in names) + " |")
    lines += ["", "## Remaining misses by cause", "", *CAUSES]
    lines += ["", "## Some remaining misses (held-out, standard)", "", "| class | query | listed | score |", "|---|---|---|---|"]
    for k, rows in misses(cases, ours["heldout"], PRESETS["standard"]).items():
        for q, t, s in rows:
            lines.append(f"| {k} | `{q}` | `{t}` | {s:.2f} |")
    lines += ["", "## Time", "", "| matcher | seconds for the held-out part |", "|---|---|"]
    for name, t in timings.items():
        lines.append(f"| {name} | {t:.1f} |")
    lines += ["", "Reproduce: `scripts/quality` (installs the benchmark, Faker, rapidfuzz, unidecode and "
              "nomenklatura from PyPI into `target/quality-venv`), or for the development part alone, which "
              "is what tuning looks at: `target/quality-venv/bin/python quality/heldout.py "
              "target/release/sanctions-screen /dev/null --split=dev`.", ""]
    Path(docs).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:16]))


if __name__ == "__main__":
    main()
