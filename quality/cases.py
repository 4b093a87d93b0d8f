"""Builds the quality benchmark's cases from the real OFAC SDN files.

Positives are variants of real list entries, one class per rule family, each
naming the entry it must find. Negatives are ordinary applicant names and real
companies that are not listed; hard negatives mix parts of listed names. The
cases are derived from the lists, so they are generated at run time into
target/quality/ and never committed.

    python3 quality/cases.py LISTS_DIR OUT.jsonl

Standard library only; seeded, so a run is reproducible for a given lists folder.
"""

import csv
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 20261126
PER_CLASS = 120


def read_sdn(lists_dir):
    """Persons and organizations of the SDN list: {id: entity}."""
    entities = {}
    with open(Path(lists_dir) / "ofac_sdn" / "sdn.csv", encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f):
            if len(row) < 12 or not row[0].strip().isdigit():
                continue
            kind = {"individual": "person", "-0- ": "organization"}.get(row[2])
            if kind is None:
                continue
            entities[row[0]] = {
                "id": row[0],
                "name": row[1],
                "kind": kind,
                "programs": row[3],
                "remarks": row[11],
                "aliases": [],
            }
    with open(Path(lists_dir) / "ofac_sdn" / "alt.csv", encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f):
            if len(row) >= 4 and row[0] in entities and row[2] == "aka":
                entities[row[0]]["aliases"].append(row[3])
    return entities


def norm(text):
    """Order-insensitive normal form, to keep negatives off the lists."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("'", "").replace("\u2019", "")
    return " ".join(sorted(re.findall(r"[a-z0-9]+", text)))


def split_person(name):
    """`SURNAME, Given Names` -> (family, given)."""
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    return None


def words(text):
    return text.split()


# --- variation rules: each returns a new query, or None when it does not apply ---

KOREAN_RR = {
    "jong": "Jeong", "song": "Seong", "chol": "Cheol", "pak": "Park", "ri": "Lee",
    "o": "Oh", "kyong": "Gyeong", "hyok": "Hyeok", "pom": "Beom", "un": "Eun",
    "choe": "Choi", "sok": "Seok", "chon": "Cheon", "yong": "Yeong", "myong": "Myeong",
    "pyong": "Byeong", "thae": "Tae", "tok": "Deok", "tong": "Dong", "kwang": "Gwang",
    "kang": "Gang", "ryong": "Ryeong", "chun": "Jun", "sung": "Seung", "kil": "Gil",
    "kuk": "Guk", "kyu": "Gyu", "ki": "Gi", "pu": "Bu", "chang": "Jang", "kim": "Gim",
    "rim": "Lim", "ryu": "Yoo", "hyon": "Hyeon", "yon": "Yeon", "thaek": "Taek",
}


def korean_romanisation(e, rng):
    parts = split_person(e["name"])
    if not parts or "DPRK" not in e["programs"]:
        return None
    family, given = parts
    syllables = re.split(r"[ \-]+", (family + " " + given).replace("'", ""))
    changed = [KOREAN_RR.get(s.lower(), s) for s in syllables]
    if [c.lower() for c in changed] == [s.lower() for s in syllables]:
        return None
    # Given names in Revised Romanisation are usually hyphenated.
    given_part = "-".join(changed[1:]).capitalize() if len(changed) > 2 else " ".join(changed[1:])
    return f"{changed[0]} {given_part}"


CHINESE_WG = [("zh", "ch"), ("x", "hs"), ("q", "ch")]


def chinese_romanisation(e, rng):
    if "nationality China" not in e["remarks"] and "China" not in e["remarks"]:
        return None
    parts = split_person(e["name"])
    if not parts:
        return None
    family, given = parts
    out = []
    for w in (given + " " + family).split():
        lw = w.lower()
        for a, b in CHINESE_WG:
            if lw.startswith(a):
                lw = b + lw[len(a):]
                break
        out.append(lw.capitalize())
    query = " ".join(out)
    return None if norm(query) == norm(given + " " + family) else query


ARABIC = {
    "mohammed": "Muhammad", "muhammad": "Mohammed", "mohammad": "Muhammad", "ahmed": "Ahmad",
    "ahmad": "Ahmed", "abdul": "Abd al", "hussein": "Husayn", "husayn": "Hussein",
    "hassan": "Hasan", "hasan": "Hassan", "yusuf": "Yousef", "omar": "Umar", "umar": "Omar",
    "al": "el", "abdallah": "Abdullah", "abdullah": "Abdallah", "mahmoud": "Mahmud",
    "mustafa": "Mostafa", "khalid": "Khaled", "said": "Saeed",
}


def arabic_romanisation(e, rng):
    parts = split_person(e["name"])
    if not parts:
        return None
    family, given = parts
    tokens = re.split(r"([ \-])", given + " " + family)
    out = [ARABIC.get(t.lower(), t) for t in tokens]
    query = "".join(out)
    return None if query == "".join(tokens) else query


def name_order(e, rng):
    parts = split_person(e["name"])
    if not parts:
        return None
    family, given = parts
    return rng.choice([f"{given} {family}", f"{family} {given}"])


def hyphenation(e, rng):
    parts = split_person(e["name"])
    if not parts or "DPRK" not in e["programs"]:
        return None
    family, given = parts
    g = given.replace("'", "").split()
    if len(g) != 2:
        return None
    joined = rng.choice([f"{g[0]}-{g[1].lower()}", f"{g[0]}{g[1].lower()}"])
    return f"{joined} {family.capitalize()}"


HANGUL = {
    "kim": "김", "ri": "리", "pak": "박", "jong": "정", "choe": "최", "han": "한", "kang": "강",
    "song": "성", "hwa": "화", "chol": "철", "sang": "상", "man": "만", "yong": "용", "il": "일",
    "nam": "남", "su": "수", "ho": "호", "hyok": "혁", "kwang": "광", "myong": "명", "un": "은",
    "jin": "진", "sok": "석", "chun": "춘", "hun": "훈", "yo": "여", "o": "오", "yun": "윤",
    "chang": "창", "tong": "동", "mun": "문", "hak": "학", "won": "원", "sik": "식", "thae": "태",
    "ok": "옥", "u": "우", "jun": "준", "kyong": "경", "pyong": "병", "yun": "윤", "hong": "홍",
}


# Russian and Belarusian patronymics: what a CV written outside Russia leaves out.
PATRONYMIC = re.compile(r"(OVICH|EVICH|OVNA|EVNA|ICHNA)$", re.IGNORECASE)


def patronymic_dropped(e, rng):
    parts = split_person(e["name"])
    if not parts:
        return None
    family, given = parts
    g = given.split()
    if len(g) < 2 or not PATRONYMIC.search(g[-1]):
        return None
    given = " ".join(g[:-1])
    return rng.choice([f"{given} {family.title()}", f"{family}, {given}"])


def hangul(e, rng):
    parts = split_person(e["name"])
    if not parts or "DPRK" not in e["programs"]:
        return None
    family, given = parts
    syllables = [s.lower() for s in re.split(r"[ \-]+", (family + " " + given).replace("'", ""))]
    if not all(s in HANGUL for s in syllables):
        return None
    return "".join(HANGUL[s] for s in syllables)


CYRILLIC = [("ng", "н"), ("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("kh", "х"), ("yo", "ё"), ("yu", "ю"),
            ("ya", "я"), ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
            ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
            ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
            ("w", "в"), ("y", "й"), ("z", "з")]


def cyrillic(e, rng):
    parts = split_person(e["name"])
    if not parts or "DPRK" not in e["programs"]:
        return None
    family, given = parts
    out = []
    for w in (family + " " + given).replace("'", "").replace("-", " ").split():
        lw, cyr = w.lower(), ""
        while lw:
            for a, b in CYRILLIC:
                if lw.startswith(a):
                    cyr += b
                    lw = lw[len(a):]
                    break
            else:
                return None
        out.append(cyr.capitalize())
    return " ".join(out)


def alias(e, rng):
    strong = [a for a in e["aliases"] if norm(a) != norm(e["name"])]
    return rng.choice(strong) if strong else None


LEGAL_SWAPS = [
    (r"\bCO\., LTD\.?", ["Company Limited", "Co Ltd", "Ltd.", ""]),
    (r"\bLIMITED\b", ["Ltd", "Ltd."]),
    (r"\bLTD\.?", ["Limited", "Co., Ltd."]),
    (r"\bLLC\b", ["L.L.C.", "Limited Liability Company", "Ltd"]),
    (r"\bINC\.?", ["Incorporated", "Inc"]),
    (r"\bCORPORATION\b", ["Corp.", "Corp"]),
    (r"\bJSC\b", ["Joint Stock Company", "AO"]),
    (r"\bOOO\b", ["ООО", "LLC"]),
    (r"\bCOMPANY\b", ["Co.", "Co"]),
    (r"\bGMBH\b", ["GmbH", "Gesellschaft mit beschränkter Haftung"]),
]


def legal_form(e, rng):
    if e["kind"] != "organization":
        return None
    for pattern, replacements in LEGAL_SWAPS:
        if re.search(pattern, e["name"]):
            query = re.sub(pattern, rng.choice(replacements), e["name"], count=1)
            return re.sub(r"\s+", " ", query).strip(" ,")
    return None


def joined(e, rng):
    if e["kind"] != "organization":
        return None
    w = words(e["name"])
    spots = [i for i in range(len(w) - 1) if w[i].isalpha() and w[i + 1].isalpha()
             and 3 <= len(w[i]) <= 9 and 3 <= len(w[i + 1]) <= 9]
    if not spots:
        return None
    i = rng.choice(spots)
    return " ".join(w[:i] + [w[i] + w[i + 1].lower()] + w[i + 2:])


def pick_word(name, rng, min_len=5):
    w = words(name)
    spots = [i for i, x in enumerate(w) if x.isalpha() and len(x) >= min_len]
    return (w, rng.choice(spots)) if spots else (w, None)


def typo(e, rng):
    w, i = pick_word(e["name"], rng)
    if i is None:
        return None
    x = w[i]
    p = rng.randrange(1, len(x))
    op = rng.choice(["sub", "del", "ins"])
    letter = rng.choice("abcdefghijklmnoprstuvwy").upper() if x.isupper() else rng.choice("aeiou")
    if op == "sub":
        x = x[:p] + letter + x[p + 1:]
    elif op == "del":
        x = x[:p] + x[p + 1:]
    else:
        x = x[:p] + letter + x[p:]
    w[i] = x
    return " ".join(w)


def transposition(e, rng):
    w, i = pick_word(e["name"], rng)
    if i is None:
        return None
    x = w[i]
    p = rng.randrange(1, len(x) - 1)
    if x[p] == x[p + 1]:
        return None
    w[i] = x[:p] + x[p + 1] + x[p] + x[p + 2:]
    return " ".join(w)


OCR = [("O", "0"), ("I", "l"), ("M", "RN"), ("l", "1"), ("S", "5"), ("B", "8")]


def ocr(e, rng):
    w, i = pick_word(e["name"], rng)
    if i is None:
        return None
    x = w[i]
    options = [(a, b) for a, b in OCR if a in x[1:]]
    if not options:
        return None
    a, b = rng.choice(options)
    p = x.index(a, 1)
    w[i] = x[:p] + b + x[p + len(a):]
    return " ".join(w)


LOOKALIKE = {"A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р",
             "C": "С", "T": "Т", "X": "Х", "a": "а", "e": "е", "o": "о", "c": "с", "p": "р"}


def lookalike(e, rng):
    chars = list(e["name"])
    spots = [i for i, c in enumerate(chars) if c in LOOKALIKE]
    if len(spots) < 2:
        return None
    for i in rng.sample(spots, 2):
        chars[i] = LOOKALIKE[chars[i]]
    return "".join(chars)


def invisible(e, rng):
    w, i = pick_word(e["name"], rng, min_len=4)
    if i is None:
        return None
    x = w[i]
    p = rng.randrange(1, len(x))
    w[i] = x[:p] + rng.choice(["\u200b", "\u00ad", "\u200d"]) + x[p:]
    return rng.choice([" ", "\u00a0"]).join(w)


ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "A": "Á", "E": "É", "O": "Ö", "U": "Ü"}


def diacritics(e, rng):
    chars = list(e["name"])
    spots = [i for i, c in enumerate(chars) if c in ACCENTS]
    if not spots:
        return None
    for i in rng.sample(spots, min(2, len(spots))):
        chars[i] = ACCENTS[chars[i]]
    return "".join(chars)


def title(e, rng):
    parts = split_person(e["name"])
    if not parts:
        return None
    family, given = parts
    return f"{rng.choice(['Mr.', 'Mrs.', 'Dr.', 'Ms.'])} {given} {family}"


RULES = {
    # class: (rule, kinds it applies to)
    "romanisation_korean": (korean_romanisation, "person"),
    "romanisation_chinese": (chinese_romanisation, "person"),
    "romanisation_arabic": (arabic_romanisation, "person"),
    "hangul": (hangul, "person"),
    "cyrillic": (cyrillic, "person"),
    "name_order": (name_order, "person"),
    "hyphenation": (hyphenation, "person"),
    "alias": (alias, "any"),
    "legal_form": (legal_form, "organization"),
    "joined_words": (joined, "organization"),
    "typo": (typo, "any"),
    "transposition": (transposition, "any"),
    "ocr": (ocr, "any"),
    "lookalike": (lookalike, "any"),
    "invisible": (invisible, "any"),
    "diacritics": (diacritics, "any"),
    "title": (title, "person"),
    "patronymic_dropped": (patronymic_dropped, "person"),
}
# Classes whose rule applies to few entries: drawn from every listed person,
# not from the sampled targets.
WHOLE_LIST = {"romanisation_chinese", "romanisation_arabic", "patronymic_dropped"}

# --- negatives ---

GIVEN = {
    "american": "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Emily Daniel Grace".split(),
    "korean": "Min-jun Seo-yeon Ji-hoon Ha-eun Do-yun Ji-woo Seo-jun Su-bin Ye-jun Ji-min Hyun-woo Eun-ji Jae-won Soo-jin Dong-hyun Young-ho Sung-min Hye-jin Jun-ho Min-seo".split(),
    "chinese": "Wei Fang Na Min Jing Qiang Lei Jun Yang Jie Tao Ming Chao Hui Xin Yan Hao Yu Xiaoling Zhiwei".split(),
    "russian": "Aleksandr Dmitry Maxim Sergey Andrey Alexey Artyom Ilya Kirill Mikhail Anna Maria Elena Olga Natalia Tatiana Irina Svetlana Ekaterina Yulia".split(),
    "arabic": "Mohammed Ahmed Ali Omar Youssef Khaled Hassan Ibrahim Mahmoud Fatima Aisha Mariam Noor Layla Sara Huda Rania Amina Zainab Tariq".split(),
    "hispanic": "José María Juan Ana Luis Carmen Carlos Laura Jorge Sofía Miguel Lucía Pedro Isabel Diego Valentina Javier Camila Fernando Gabriela".split(),
    "indian": "Priya Rahul Amit Anjali Vikram Sneha Arjun Kavya Rohan Pooja Sanjay Deepa Anil Meera Suresh Neha".split(),
    "vietnamese": "Anh Minh Linh Duc Huong Tuan Lan Hung Mai Quang Thao Nam".split(),
    "nigerian": "Emeka Ngozi Tunde Chiamaka Oluwaseun Adaeze Ifeanyi Funmilayo Chinedu Yetunde".split(),
    "european": "Lukas Anna Jan Sophie Pierre Camille Marco Giulia Piotr Katarzyna Lars Ingrid".split(),
}
FAMILY = {
    "american": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin Thompson White Harris Clark Lewis Walker Young".split(),
    "korean": "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong".split(),
    "chinese": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo".split(),
    "russian": "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev".split(),
    "arabic": "Haddad Khoury Nasser Saleh Mansour Hamdan Aziz Rahman Karim Suleiman Qasim Farouk Darwish Habib Jaber Khalil Najjar Sabbagh Al-Masri El-Amin".split(),
    "hispanic": "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Ramos".split(),
    "indian": "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Das Mehta Joshi Rao".split(),
    "vietnamese": "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do".split(),
    "nigerian": "Okafor Adeyemi Chukwu Okonkwo Balogun Eze Nwosu Adebayo Obi Ogunleye".split(),
    "european": "Müller Schmidt Dubois Rossi Kowalski Nowak Jansen Andersson Nielsen Novak Moreau Bianchi".split(),
}
COMPANIES = """Microsoft Corporation|Samsung Electronics Co., Ltd.|Alibaba Group Holding Limited|Tata Consultancy Services Limited|Infosys Limited|Accenture plc|Shopify Inc.|Naver Corporation|Kakao Corp.|LG Electronics Inc.|Hyundai Motor Company|SK Hynix Inc.|Tencent Holdings Ltd.|Baidu, Inc.|Wipro Limited|HCL Technologies|Cognizant Technology Solutions|Capgemini SE|Atos SE|EPAM Systems, Inc.|Globant S.A.|Endava plc|Luxoft|SoftServe Inc.|Andela Inc.|Toptal LLC|Upwork Inc.|Fiverr International Ltd.|Deel Inc.|Remote Technology, Inc.|GitLab Inc.|Automattic Inc.|Atlassian Corporation|Canva Pty Ltd|Spotify AB|Zalando SE|SAP SE|Siemens AG|Bosch GmbH|Philips N.V.|ASML Holding N.V.|Nokia Oyj|Ericsson AB|Vodafone Group Plc|BT Group plc|Orange S.A.|Deutsche Telekom AG|Telefónica S.A.|Mercado Libre, Inc.|Rappi S.A.S.|Nubank|Grab Holdings Limited|Sea Limited|Gojek|Tokopedia|Flipkart Private Limited|Zomato Limited|Paytm|Freshworks Inc.|Zoho Corporation Pvt. Ltd.|Rakuten Group, Inc.|Sony Group Corporation|Fujitsu Limited|NEC Corporation|Hitachi, Ltd.|Toshiba Corporation|Panasonic Holdings Corporation|Line Yahoo Corporation|Coupang, Inc.|Krafton, Inc.|Nexon Co., Ltd.|NCSoft Corporation|Lenovo Group Limited|Xiaomi Corporation|ByteDance Ltd.|Meituan|JD.com, Inc.|NetEase, Inc.|Trip.com Group Limited|Yandex N.V.|EPAM Belarus|Kaspi.kz|Careem Networks FZ-LLC|Talabat|Noon AD Holdings|Emirates NBD|Aramex PJSC|Jumia Technologies AG|Flutterwave Inc.|Paystack Payments Limited|Interswitch Limited|Safaricom PLC|MTN Group Limited|Naspers Limited|Stripe, Inc.|Block, Inc.|PayPal Holdings, Inc.|Adobe Inc.|Oracle Corporation|Salesforce, Inc.|IBM Corporation|Intel Corporation|Cisco Systems, Inc.|Dell Technologies Inc.|HP Inc.|Apple Inc.|Amazon.com, Inc.|Alphabet Inc.|Meta Platforms, Inc.|Netflix, Inc.|Uber Technologies, Inc.|Airbnb, Inc.|Silver Lake Partners""".split("|")


VOWELS = re.compile(r"[aeiouy]")


def namesake_key(name, drop_patronymic):
    """A neutral form for telling namesakes: the name's words without their
    vowels (`Hyun`/`Hyon`, `Sergey`/`Sergei`), without the article al/el,
    order-insensitive; a listed name may also drop its patronymic."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    tokens = [t for t in re.findall(r"[a-z]+", folded) if t not in ("al", "el")]
    if drop_patronymic:
        tokens = [t for t in tokens if not PATRONYMIC.search(t)]
    return " ".join(sorted(VOWELS.sub("", t) for t in tokens))


def ordinary_names(rng, listed):
    out = []
    for culture in GIVEN:
        combos = [(g, f) for g in GIVEN[culture] for f in FAMILY[culture]]
        for g, f in rng.sample(combos, min(70, len(combos))):
            style = rng.random()
            if culture in ("korean", "chinese", "vietnamese") and style < 0.5:
                name = f"{f} {g}"
            elif style < 0.2:
                name = f"{f.upper()}, {g}"
            else:
                name = f"{g} {f}"
            if culture == "korean" and rng.random() < 0.4:
                name = name.replace("-", rng.choice([" ", ""]).lower()) if "-" in name else name
            if norm(name) in listed:
                continue
            out.append((culture, name))
    return out


REPLACEMENT_WORDS = "Horizon Summit Maple Apex Pioneer Crystal Harbor Cedar Falcon Orchid Granite Meadow".split()
# Words that do not make a company what it is: a hard negative replaces a
# distinctive word, never one of these.
COMMON_COMPANY_WORDS = set("""LIMITED LIABILITY COMPANY CORPORATION INCORPORATED GROUP HOLDING
HOLDINGS INTERNATIONAL TRADING INDUSTRIES INDUSTRIAL ENTERPRISE ENTERPRISES SERVICES SERVICE
TECHNOLOGY TECHNOLOGIES NETWORK GLOBAL GENERAL DEVELOPMENT INVESTMENT INVESTMENTS MANAGEMENT
COMMERCIAL CENTER CENTRE OFFICE BUREAU INSTITUTE RESEARCH UNIVERSITY FINANCIAL FINANCE CAPITAL
PARTNERS SHIPPING MARINE LOGISTICS TRANSPORT PETROLEUM ENERGY COOPERATION ASSOCIATION
ORGANIZATION OBSHCHESTVO OTVETSTVENNOSTYU OGRANICHENNOI AKTSIONERNOE ZAKRYTOE OTKRYTOE
PUBLICHNOE JOINT STOCK PRIVATE PUBLIC PARTNERSHIP MANUFACTURING ENGINEERING""".split())


def replace_distinctive_word(name_words, rng, common):
    """A company's name (two words or more) with its longest distinctive word
    (five letters or more, not in `common`, compared in upper case) replaced
    by an unlisted one; None when it has none."""
    spots = [i for i, x in enumerate(name_words) if x.isalpha() and len(x) >= 5
             and x.upper() not in common]
    if len(name_words) < 2 or not spots:
        return None
    i = max(spots, key=lambda i: len(name_words[i]))
    return " ".join(name_words[:i] + [rng.choice(REPLACEMENT_WORDS).upper()] + name_words[i + 1:])


def hard_negatives(entities, rng, listed):
    out = []
    dprk_people = [e for e in entities if e["kind"] == "person" and "DPRK" in e["programs"] and split_person(e["name"])]
    families = sorted({split_person(e["name"])[0] for e in dprk_people})
    givens = sorted({split_person(e["name"])[1] for e in dprk_people})
    tries = 0
    while len(out) < 150 and tries < 5000:
        tries += 1
        family, given = rng.choice(families), rng.choice(givens)
        name = f"{given} {family.capitalize()}"
        if norm(name) in listed:
            continue
        out.append(("person", "name", name))
    orgs = [e for e in entities if e["kind"] == "organization"]
    for e in rng.sample(orgs, 400):
        name = replace_distinctive_word(words(e["name"]), rng, COMMON_COMPANY_WORDS)
        if name is None or norm(name) in listed:
            continue
        out.append(("organization", "company", name))
        if len(out) >= 300:
            break
    return out


def main():
    lists_dir, out_path = sys.argv[1], Path(sys.argv[2])
    rng = random.Random(SEED)
    by_id = read_sdn(lists_dir)
    entities = sorted(by_id.values(), key=lambda e: int(e["id"]))
    listed = set()
    for e in entities:
        listed.add(norm(e["name"]))
        for a in e["aliases"]:
            listed.add(norm(a))
    # Targets: every DPRK entry, and a seeded sample of the rest of the list.
    dprk = [e for e in entities if "DPRK" in e["programs"]]
    others = rng.sample([e for e in entities if "DPRK" not in e["programs"]], 900)
    targets = dprk + others
    cases = []
    for cls, (rule, kinds) in RULES.items():
        # Each class draws from its own seeded generator, so adding a class
        # leaves the others' cases as they were.
        rng = random.Random(f"{SEED}:{cls}")
        made = []
        pool = [e for e in targets if kinds in ("any", e["kind"])]
        if cls in WHOLE_LIST:
            pool = [e for e in entities if e["kind"] == "person"]
        rng.shuffle(pool)
        for e in pool:
            query = rule(e, rng)
            if not query or query == e["name"]:
                continue
            made.append({"class": cls, "kind": "positive",
                         "field": "name" if e["kind"] == "person" else "company",
                         "query": query, "target": e["id"], "target_name": e["name"]})
            if len(made) >= PER_CLASS:
                break
        cases.extend(made)
    rng = random.Random(f"{SEED}:negatives")
    # An ordinary name that is a listed person's name spelled another way is a
    # namesake: a name-only screen should alert on it (the date of birth then
    # tells them apart), so it is reported apart, not as a false alert.
    namesakes = set()
    for e in entities:
        if e["kind"] == "person":
            for n in [e["name"]] + e["aliases"]:
                namesakes.add(namesake_key(n, drop_patronymic=True))
    for culture, name in ordinary_names(rng, listed):
        if namesake_key(name, drop_patronymic=False) in namesakes:
            cases.append({"class": "namesake", "kind": "namesake", "field": "name",
                          "query": name, "target": None, "target_name": None})
            continue
        cases.append({"class": f"ordinary_{culture}", "kind": "ordinary", "field": "name",
                      "query": name, "target": None, "target_name": None})
    for company in COMPANIES:
        if norm(company) in listed:
            continue
        cases.append({"class": "ordinary_company", "kind": "ordinary", "field": "company",
                      "query": company, "target": None, "target_name": None})
    for kind, field, name in hard_negatives(entities, rng, listed):
        cases.append({"class": f"hard_{kind}", "kind": "hard", "field": field,
                      "query": name, "target": None, "target_name": None})
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        for i, c in enumerate(cases):
            c["id"] = i
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    counts = {}
    for c in cases:
        counts[c["class"]] = counts.get(c["class"], 0) + 1
    print(json.dumps(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
