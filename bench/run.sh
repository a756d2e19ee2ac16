#!/usr/bin/env bash
# dossier performance benchmark (`make bench`).
#
# Usage: bench/run.sh PATH_TO_DOSSIER_BINARY
#
# Builds the synthetic repository (bench/make-synthetic.sh: 20,000 commits, 20 releases) into .bench/repo, reusing
# it when it was built by the same generator, then times with hyperfine, side by side:
#   1. newest release  v1.18.0..v1.19.0 (1,000 commits): git log --format=fuller [--name-status] vs dossier suf v1.19.0
#   2. whole history   ROOT..v1.19.0 (19,999 commits):    the same git logs vs dossier suf v1.19.0 --since ROOT
# and measures the peak memory (max RSS) of the 20,000-commit SUF with GNU time. Prints a summary against the
# targets: the 20,000-commit SUF within 4x of git log on the same range; its peak memory under 300 MB.
#
# Environment: BENCH_DIR (scratch folder, default .bench at the repository root), BENCH_WARMUP (default 2),
# BENCH_MIN_RUNS (default 10, newest release), BENCH_MIN_RUNS_FULL (default 5, whole history),
# BENCH_STRICT=1 (exit 1 when a target is missed). Results: $BENCH_DIR/results/ (hyperfine JSON, summary.txt).
set -euo pipefail

die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

[ $# -eq 1 ] || die "usage: bench/run.sh PATH_TO_DOSSIER_BINARY (e.g. .build/release/dossier)"
bin=$1
[ -e "$bin" ] || die "dossier binary not found: '$bin' (build it first: swift build -c release)"
[ -f "$bin" ] && [ -x "$bin" ] || die "not an executable file: '$bin'"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac

# ---- tools: hyperfine and GNU time (Debian packages), python3, git
install_pkg() {  # install_pkg PACKAGE WHAT
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        note "installing $1 with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null ||
            { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; } ||
            die "could not install $1"
    else
        die "$2 is missing: install the Debian package '$1' (sudo apt-get install $1)"
    fi
}
command -v git >/dev/null || die "git is missing"
command -v python3 >/dev/null || die "python3 is missing"
command -v hyperfine >/dev/null || install_pkg hyperfine "hyperfine"
if ! { [ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU; }; then
    install_pkg time "GNU time (/usr/bin/time)"
fi

# A vanilla git for the reference timings: no user or system configuration (pagers, signature display, ...).
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

scratch=${BENCH_DIR:-$root/.bench}
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)
repo=$scratch/repo
results=$scratch/results
out=$scratch/out
mkdir -p "$results"

# ---- the synthetic repository, rebuilt only when the generator changed
version=$(cat "$here/make-synthetic.sh" "$here/synthetic.py" | sha256sum | cut -c1-16)
if [ -d "$repo/.git" ] && [ "$(cat "$scratch/repo.version" 2>/dev/null)" = "$version" ]; then
    note "reusing $repo (generator $version)"
else
    rm -rf "$repo" "$scratch/repo.version"
    note "building the synthetic repository in $repo (generator $version)"
    "$here/make-synthetic.sh" "$repo" >&2
    echo "$version" >"$scratch/repo.version"
fi

newest=v1.19.0
previous=v1.18.0
git -C "$repo" rev-parse -q --verify "$newest^{tag}" >/dev/null || die "$repo has no tag $newest"
git -C "$repo" rev-parse -q --verify "$previous^{tag}" >/dev/null || die "$repo has no tag $previous"
rootc=$(git -C "$repo" rev-list --max-parents=0 "$newest")
n_new=$(git -C "$repo" rev-list --count "$previous..$newest")
n_all=$(git -C "$repo" rev-list --count "$rootc..$newest")

q() { printf '%q' "$1"; }
Q_REPO=$(q "$repo"); Q_BIN=$(q "$bin"); Q_OUT=$(q "$out")

# ---- one checked run of each dossier command first: exit 0, or 1 (error-level findings) with a bundle written
check_dossier() {  # check_dossier LABEL ARGS...
    local label=$1; shift
    rm -rf "$out"
    local rc=0
    "$bin" "$@" >"$results/$label.stdout" 2>"$results/$label.stderr" || rc=$?
    if [ "$rc" -gt 1 ]; then
        tail -n 20 "$results/$label.stderr" >&2
        die "'dossier $*' failed with exit code $rc (output: $results/$label.stderr)"
    fi
    if [ ! -d "$out" ] || [ -z "$(ls -A "$out")" ]; then
        tail -n 20 "$results/$label.stderr" >&2
        die "'dossier $*' exited $rc but wrote nothing to $out"
    fi
    [ -d "$out/$newest" ] || note "warning: no bundle folder $out/$newest (found: $(ls "$out" | head -5 | tr '\n' ' '))"
    [ "$rc" -eq 0 ] || note "note: 'dossier $*' exits 1 (error-level findings); timed anyway"
}
check_dossier suf-newest suf "$newest" --repo "$repo" --out "$out"
check_dossier suf-all suf "$newest" --since "$rootc" --repo "$repo" --out "$out"

# ---- timings
warmup=${BENCH_WARMUP:-2}
bench_range() {  # bench_range JSON RANGE MIN_RUNS DOSSIER_ARGS
    local json=$1 range=$2 runs=$3 dargs=$4
    hyperfine --warmup "$warmup" --min-runs "$runs" --export-json "$json" \
        --prepare "rm -rf $Q_OUT" \
        -n "git log --format=fuller" "git -C $Q_REPO log --format=fuller $range >/dev/null" \
        -n "git log --format=fuller --name-status" "git -C $Q_REPO log --format=fuller --name-status $range >/dev/null" \
        -n "dossier suf" "$Q_BIN suf $dargs --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]"
}
echo
echo "== newest release: $previous..$newest ($n_new commits)"
bench_range "$results/newest.json" "$previous..$newest" "${BENCH_MIN_RUNS:-10}" "$newest"
echo
echo "== whole history: ROOT..$newest ($n_all commits; ROOT = ${rootc:0:12})"
bench_range "$results/all.json" "$rootc..$newest" "${BENCH_MIN_RUNS_FULL:-5}" "$newest --since $rootc"

# ---- the gap checks: dossier check beside dossier suf, both with 5,000 test cases as evidence
evidence=$scratch/evidence-5000.xml
python3 - "$evidence" <<'PY'
import sys
# 5,000 test cases in 100 suites; each names one of the 2,000 requirements; 1 in 50 fails, 1 in 100 is skipped
out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="synthetic" timestamp="2024-06-01T12:00:00">']
for s in range(100):
    out.append('  <testsuite name="Suite%d" tests="50">' % s)
    for t in range(50):
        n = s * 50 + t
        body = '<properties><property name="requirement" value="REQ-%d"/></properties>' % (n % 2000 + 1)
        if n % 50 == 7:
            body += '<failure message="expected 1, got 2">assertion failed</failure>'
        elif n % 100 == 13:
            body += '<skipped message="needs hardware"/>'
        out.append('    <testcase classname="Suite%d" name="test%d">%s</testcase>' % (s, n, body))
    out.append('  </testsuite>')
out.append('</testsuites>')
open(sys.argv[1], 'w').write("\n".join(out) + "\n")
PY
Q_EVIDENCE=$(q "$evidence")
echo
echo "== gap checks: $previous..$newest ($n_new commits) and ROOT..$newest, with 5,000 test cases"
hyperfine --warmup "$warmup" --min-runs "${BENCH_MIN_RUNS_FULL:-5}" --export-json "$results/check.json" \
    --prepare "rm -rf $Q_OUT" \
    -n "dossier suf (newest)" "$Q_BIN suf $newest --evidence $Q_EVIDENCE --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]" \
    -n "dossier check (newest)" "$Q_BIN check $newest --evidence $Q_EVIDENCE --repo $Q_REPO >/dev/null 2>&1 || [ \$? -eq 1 ]" \
    -n "dossier suf (all)" "$Q_BIN suf $newest --since $rootc --evidence $Q_EVIDENCE --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]" \
    -n "dossier check (all)" "$Q_BIN check $newest --since $rootc --evidence $Q_EVIDENCE --repo $Q_REPO >/dev/null 2>&1 || [ \$? -eq 1 ]"

# ---- peak memory (GNU time), one run each
maxrss() {  # maxrss OUTFILE CMD...: prints max RSS in KiB
    local f=$1; shift
    rm -rf "$out"
    /usr/bin/time -v -o "$f" "$@" >/dev/null 2>&1 || true
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$f"
}
rss_all=$(maxrss "$results/rss-suf-all.txt" "$bin" suf "$newest" --since "$rootc" --repo "$repo" --out "$out")
rss_new=$(maxrss "$results/rss-suf-newest.txt" "$bin" suf "$newest" --repo "$repo" --out "$out")
rss_git=$(maxrss "$results/rss-gitlog-all.txt" git -C "$repo" log --format=fuller --name-status "$rootc..$newest")
rm -rf "$out"

# ---- summary
echo
python3 - "$results" "$n_new" "$n_all" "$rss_new" "$rss_all" "$rss_git" "${BENCH_STRICT:-0}" \
    "$previous..$newest" "ROOT..$newest" <<'PY' | tee "$results/summary.txt"
import json, sys
results, n_new, n_all, rss_new, rss_all, rss_git, strict, lab_new, lab_all = sys.argv[1:]
def medians(name):
    with open("%s/%s.json" % (results, name)) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}
def ms(s):
    return "%.1f ms" % (s * 1000) if s < 10 else "%.2f s" % s
rows = [(lab_new, int(n_new), medians("newest")), (lab_all, int(n_all), medians("all"))]
hdr = ("range", "commits", "git log", "git log --name-status", "dossier suf", "ratio/--name-status", "ratio/plain")
fmt = "%-18s %8s %11s %22s %12s %20s %12s"
print("dossier benchmark: medians (hyperfine)")
print(fmt % hdr)
for label, n, m in rows:
    plain, ns, d = m["git log --format=fuller"], m["git log --format=fuller --name-status"], m["dossier suf"]
    print(fmt % (label, "{:,}".format(n), ms(plain), ms(ns), ms(d), "%.2fx" % (d / ns), "%.2fx" % (d / plain)))
print()
m = rows[1][2]
ratio = m["dossier suf"] / m["git log --format=fuller --name-status"]
ratio_plain = m["dossier suf"] / m["git log --format=fuller"]
ok_time = ratio <= 4.0
def mb(k):  # GNU time reports KiB; the target is in MB (10^6 bytes)
    return float(k) * 1024.0 / 1e6 if k else None
rss = mb(rss_all)
ok_mem = rss is not None and rss < 300.0
print("target: %s-commit SUF within 4x of git log on the same range: %.2fx git log --format=fuller --name-status "
      "-> %s  (%.2fx plain git log --format=fuller)"
      % ("{:,}".format(int(n_all)), ratio, "PASS" if ok_time else "FAIL", ratio_plain))
print("target: peak memory (max RSS) of the %s-commit SUF under 300 MB: %s -> %s"
      % ("{:,}".format(int(n_all)), "%.1f MB" % rss if rss is not None else "unknown", "PASS" if ok_mem else "FAIL"))
print("        for reference: newest-release SUF %s, git log --name-status over the whole history %s"
      % tuple("%.1f MB" % mb(v) if v else "unknown" for v in (rss_new, rss_git)))
with open("%s/check.json" % results) as f:
    c = {r["command"]: r["median"] for r in json.load(f)["results"]}
ok_check = True
for scope in ("newest", "all"):
    s, k = c["dossier suf (%s)" % scope], c["dossier check (%s)" % scope]
    ok_check = ok_check and k <= 2 * s
    print("target: dossier check within 2x of dossier suf (%s, 5,000 test cases): check %s, suf %s, %.2fx -> %s"
          % (scope, ms(k), ms(s), k / s, "PASS" if k <= 2 * s else "FAIL"))
# The floor this machine sets: the work (CPU time) divided by the cores it can be spread over.
import os
cores = len(os.sched_getaffinity(0))
with open("%s/all.json" % results) as f:
    cpu = {r["command"]: r["user"] + r["system"] for r in json.load(f)["results"]}
work, git_work = cpu["dossier suf"], cpu["git log --format=fuller --name-status"]
print("cpu: whole-history SUF %s of CPU time (user+system, mean) against %s for git log --name-status (%.2fx); spread "
      "over this machine's %d cores it needs at least %s of wall time, %.2fx git log, with every core busy throughout"
      % (ms(work), ms(git_work), work / git_work, cores, ms(work / cores), work / cores / m["git log --format=fuller --name-status"]))
print("details: %s/{newest,all,check}.json, rss-*.txt" % results)
if strict == "1" and not (ok_time and ok_mem):
    sys.exit(1)
PY
