#!/usr/bin/env bash
# The targets table of issue 18 (the last step of `make bench`).
#
# Usage: bench/table.sh
#
# Reads the figures bench/run.sh, bench/dhf.sh and bench/signatures.sh wrote to $BENCH_DIR/results/figures-*.json
# (each script writes its own; `make bench` deletes them all first, so the table holds one run's figures) and
# prints one table: figure, repository, measured value (medians), target, PASS/FAIL (rows without a target are
# shown for reference). Under it, where the 20,000-commit SUF's time goes: the stage lines of one run with
# DOSSIER_TIMINGS=1 (bench/run.sh), facts cache deleted and cached. Saved as $BENCH_DIR/results/table.md.
# Environment: BENCH_DIR (default .bench), BENCH_STRICT=1 (exit 1 when a target is missed or a figure is missing).
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -eq 0 ] || die "usage: bench/table.sh"
scratch=${BENCH_DIR:-$root/.bench}
results=$scratch/results
[ -d "$results" ] || die "no $results: run bench/run.sh, bench/dhf.sh and bench/signatures.sh first"

python3 - "$results" "${BENCH_STRICT:-0}" <<'PY' | tee "$results/table.md"
import glob, json, os, sys
results, strict = sys.argv[1], sys.argv[2]
rows = []
for path in sorted(glob.glob(os.path.join(results, "figures-*.json"))):
    with open(path) as f:
        rows += json.load(f)
# the issue's order; within a figure: one-file records, spread records, then the rest
order = {"20k, records in one file each": 0, "20k, records spread over files": 1, "80k commits": 2}
rows.sort(key=lambda r: (r["row"], order.get(r["repo"], 3), r["repo"]))
def cell(s):
    return str(s).replace("|", "\\|")
print("## issue 18 targets (make bench; medians of hyperfine runs, ratios against the reference in the same run)")
print()
print("| # | figure | repository | measured | target | result | reference |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    num = r["row"] if isinstance(r["row"], int) else "+"
    print("| %s | %s | %s | %s | %s | %s | %s |" % (num, cell(r["figure"]), cell(r["repo"]), cell(r["value"]),
          cell(r["target"]), r["result"] or "(info)", cell(r["reference"])))
missing = sorted(set(range(1, 8)) - set(r["row"] for r in rows))
if missing:
    print()
    print("missing figures: rows %s (their script did not run)" % ", ".join(map(str, missing)))
failed = [r for r in rows if r["result"] == "FAIL"]
print()
print("%d of %d targets met%s" % (sum(1 for r in rows if r["result"] == "PASS"),
                                   sum(1 for r in rows if r["result"] is not None),
                                   "" if not failed else "; missed: " + ", ".join(
                                       "#%s (%s)" % (r["row"], r["repo"]) for r in failed)))
for name, title in (("timings-nocache.txt", "facts cache deleted"), ("timings-cached.txt", "facts cached")):
    path = os.path.join(results, name)
    if os.path.exists(path):
        print()
        print("where the time goes: SUF of the 20,000-commit repository (records in one file each), %s, "
              "DOSSIER_TIMINGS=1:" % title)
        print("```")
        with open(path) as f:
            sys.stdout.write(f.read())
        print("```")
if strict == "1" and (failed or missing):
    sys.exit(1)
PY
