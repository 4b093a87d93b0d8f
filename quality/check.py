"""The quality benchmark as a test: sanctions-screen alone, on freshly
generated cases, against the targets it has met (scripts/test runs this).

    python3 quality/check.py LISTS_DIR CLI

Fails when a variation class drops below 97% recall or 95% top-1 at the
default threshold, or when more than 1% of ordinary applicant names alert.
"""

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import metrics, run_ours  # noqa: E402
import notices  # noqa: E402

MIN_RECALL = 0.97
MIN_TOP1 = 0.95
MAX_ORDINARY_ALERTS = 0.01


def main():
    lists_dir, cli = sys.argv[1:3]
    # The CLI's own default, so that this check follows the core's constant.
    probe = subprocess.run([cli, "screen", "--name", "John Smith", "--json"],
                           capture_output=True, text=True)
    default_threshold = json.loads(probe.stdout)["result"]["threshold"]
    cases_path = Path("target/quality/cases.jsonl")
    cases_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(Path(__file__).parent / "cases.py"), lists_dir, str(cases_path)],
                   check=True, stderr=subprocess.DEVNULL)
    cases = [json.loads(line) for line in cases_path.open(encoding="utf-8")]
    scores, _ = run_ours(cli, cases)
    by_class, _, _ = metrics(cases, scores, default_threshold)
    failures = []
    ordinary = alerts = 0
    for name, row in sorted(by_class.items()):
        if name.startswith("ordinary"):
            ordinary += row["n"]
            alerts += row["alerts"]
        elif not name.startswith(("hard", "namesake")):
            recall, top1 = row["found"] / row["n"], row["top1"] / row["n"]
            print(f"{name:22} n={row['n']:4} recall={recall:.3f} top1={top1:.3f}")
            if recall < MIN_RECALL or top1 < MIN_TOP1:
                failures.append(f"{name}: recall {recall:.3f}, top-1 {top1:.3f}")
    rate = alerts / ordinary
    print(f"default threshold {default_threshold}")
    print(f"ordinary names alerting: {alerts}/{ordinary} = {rate:.4f}")
    if rate > MAX_ORDINARY_ALERTS:
        failures.append(f"{rate:.4f} of ordinary names alert")
    # The DPRK IT-worker notices: their people and companies, varied; the
    # ordinary names again with every list on, notices included.
    ordinary_names = [c["query"] for c in cases if c["kind"] == "ordinary" and c["field"] == "name"]
    by_notice_class, all_alerts, notice_alerts, n = notices.main(cli, ordinary_names)
    for name, (count, found) in sorted(by_notice_class.items()):
        recall = found / count
        print(f"notices_{name:14} n={count:4} recall={recall:.3f}")
        if recall < MIN_RECALL:
            failures.append(f"notices {name}: recall {recall:.3f}")
    all_rate = all_alerts / n
    print(f"ordinary names alerting on every list, notices included: {all_alerts}/{n} = {all_rate:.4f} "
          f"({notice_alerts} on a notice)")
    if all_rate > MAX_ORDINARY_ALERTS:
        failures.append(f"{all_rate:.4f} of ordinary names alert with the notices on")
    if failures:
        sys.exit("quality below target: " + "; ".join(failures))


if __name__ == "__main__":
    main()
