"""Seed corpus for the fuzz targets, cut from the real list files at run time
(the official files and data derived from them are never committed).

    python3 scripts/fuzz_seeds.py LISTS_DIR SEED_CASES_TSV OUT_DIR
"""
import os
import re
import sys

lists_dir, seed_cases, out = sys.argv[1:4]


def write(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def lines(path, start, count):
    with open(path, "rb") as f:
        all_lines = f.read().split(b"\r\n")
    return b"\r\n".join(all_lines[start : start + count]) + b"\r\n"


# OFAC: slices of each set's four files, joined by 0x1E (the target's separator).
for folder, files in [
    ("ofac_sdn", ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"]),
    ("ofac_cons", ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"]),
]:
    for start in (0, 500, 3000):
        parts = [lines(os.path.join(lists_dir, folder, f), start, 25) for f in files]
        write("ofac_csv", f"{folder}-{start}", b"\x1e".join(parts))

# UN: the root with a few individuals and entities.
with open(os.path.join(lists_dir, "un", "consolidated.xml"), "rb") as f:
    xml = f.read()
head = xml[: xml.index(b"<INDIVIDUALS>")]
people = re.findall(rb"<INDIVIDUAL>.*?</INDIVIDUAL>", xml, re.S)
entities = re.findall(rb"<ENTITY>.*?</ENTITY>", xml, re.S)
for i in range(0, 9, 3):
    write(
        "un_xml",
        f"un-{i}",
        head
        + b"<INDIVIDUALS>" + b"".join(people[i * 50 : i * 50 + 3]) + b"</INDIVIDUALS>"
        + b"<ENTITIES>" + b"".join(entities[i * 20 : i * 20 + 2]) + b"</ENTITIES>"
        + b"</CONSOLIDATED_LIST>",
    )

# Queries and batches: the seed cases (names and companies, in several scripts).
queries = []
with open(seed_cases, encoding="utf-8") as f:
    for row in f:
        if row.startswith("#") or not row.strip():
            continue
        field, query = row.rstrip("\n").split("\t")[:2]
        queries.append((field, query))
for i, (field, query) in enumerate(queries):
    fields = [query, "", "1970-02-05", "KP"] if field == "name" else ["", query, "", ""]
    write("screen_query", f"seed-{i}", "\n".join(fields).encode())
# Identifier, e-mail, website and employer lines (the target's fields 5 to 10).
for i, extra in enumerate([
    ["ethereum:0x97B1043ABD9E6FC31681635166D430A458D14F9C@1?value=1", "563 220 082", "+98 21 8852 6300",
     "jane@xn--mnchen-3ya.de", "https://www.hopanatech.com/careers", "Hopana Tech LLC"],
    ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "AB-12.34", "0098 (21) 8852-6300",
     "x@gmail.com", "hopana-tech.co.uk", "Tony WKJ LLC"],
]):
    write("screen_query", f"identifiers-{i}", "\n".join(["Kim Sang Man", "", "", ""] + extra).encode())
csv_rows = ["name,company,dob,country,id"] + [
    f'"{q}",,1970-02-05,KP,{i}' if field == "name" else f',"{q}",,,{i}' for i, (field, q) in enumerate(queries)
]
write("batch_reader", "seeds.csv", "\r\n".join(csv_rows).encode())
write(
    "batch_reader",
    "seeds.jsonl",
    "\n".join('{"%s": "%s", "id": %d}' % (field, q.replace('"', '\\"'), i) for i, (field, q) in enumerate(queries)).encode(),
)
print(f"fuzz seeds in {out}")
