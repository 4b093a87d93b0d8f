"""The DPRK IT-worker notices in the quality benchmark: their people and
companies varied by the same rules as the SDN cases (cases.py), and the
ordinary applicant names screened against every list, notices included.

    python3 quality/notices.py CLI

Prints recall per class on the notices and the ordinary names' alert rate
with the notices on; quality/check.py asserts both.
"""

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import cases  # noqa: E402

NOTICES = Path(__file__).parent.parent / "data" / "advisories" / "dprk-it-notices.csv"
# The rules that read a name as written (the person rules read OFAC's
# `FAMILY, Given` form, which the notices do not use).
CLASSES = ["typo", "transposition", "ocr", "lookalike", "invisible", "diacritics", "as_listed"]


def notice_entities():
    out = []
    with open(NOTICES, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["category"] in ("domain", "persona"):
                continue  # a domain is not a name; a persona is weak on purpose
            kind = "person" if row["category"] in ("dprk_national", "designated") else "organization"
            out.append({"id": row["id"], "name": row["name"], "kind": kind, "aliases": []})
    return out


def screen(cli, queries, lists):
    path = Path("target/quality/notices-queries.jsonl")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in queries) + "\n", encoding="utf-8")
    args = [cli, "batch", str(path), "--limit", "20"] + [a for l in lists for a in ("--list", l)]
    run = subprocess.run(args, capture_output=True, text=True, env={"SANCTIONS_SCREEN_TODAY": "2026-11-26"})
    return [json.loads(line) for line in run.stdout.splitlines()]


def main(cli, ordinary_names):
    entities = notice_entities()
    made = []
    for cls in CLASSES:
        rng = random.Random(f"{cases.SEED}:notices:{cls}")
        for e in entities:
            query = e["name"] if cls == "as_listed" else getattr(cases, cls)(e, rng)
            if query:
                made.append((cls, e, query))
    rows = screen(cli, [{("name" if e["kind"] == "person" else "company"): q} for _, e, q in made],
                  ["ofac_sdn", "ofac_cons", "un", "dprk_it_notices"])
    by_class = {}
    for (cls, e, _), row in zip(made, rows):
        # A notice about a sanctions entry rides on that entry's hit.
        found = any((m.get("notice") or {}).get("id") == e["id"] for m in row["result"]["matches"])
        n, f = by_class.get(cls, (0, 0))
        by_class[cls] = (n + 1, f + int(found))
    ordinary = screen(cli, [{"name": n} for n in ordinary_names], ["ofac_sdn", "ofac_cons", "un", "dprk_it_notices"])
    alerts = sum(1 for r in ordinary if r["result"]["matches"])
    notice_alerts = sum(1 for r in ordinary if any(m["list"] == "dprk_it_notices" for m in r["result"]["matches"]))
    return by_class, alerts, notice_alerts, len(ordinary)


if __name__ == "__main__":
    result = main(sys.argv[1], [])
    print(result)
