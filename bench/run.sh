#!/usr/bin/env bash
# dossier performance benchmark (`make bench`).
#
# Usage: bench/run.sh PATH_TO_DOSSIER_BINARY [uniform|spread|80k]
#
# Builds the synthetic repository of that kind (bench/repos.sh; default uniform: 20,000 commits, 20 releases, each
# kind of record in one file, in .bench/repo; spread: the same history with records spread over folders of files
# changed a few at a time, in .bench/repo-spread; 80k: 80,000 commits in .bench/repo-80k), reusing it when it was
# built by the same generator, then times with hyperfine, side by side:
#   1. newest release  v1.18.0..v1.19.0: git log --format=fuller [--name-status] vs dossier suf v1.19.0
#   2. whole history   ROOT..v1.19.0:    the same git logs vs dossier suf v1.19.0 --since ROOT, first with
#      dossier's facts cache (<gitdir>/dossier/cache) deleted before every run, then with the cache left in place
#      (filled by the run before; the bench works the same when the binary keeps no cache)
#   3. dossier check beside dossier suf, with 5,000 test cases as evidence
# measures the peak memory (max RSS) of the whole-history SUF with GNU time, and keeps the stage lines of one run of
# it with DOSSIER_TIMINGS=1 (cache deleted, then cached). Kind 80k measures only the peak memory and the stages.
# Prints a summary against the targets (issue 18): the whole-history SUF within 4x of git log --name-status on the
# same range, within 2.5x when its facts are cached; its peak memory at most 300 MiB; and writes the figures for
# bench/table.sh to $BENCH_DIR/results/figures-suf-KIND.json.
#
# Environment: BENCH_DIR (scratch folder, default .bench at the repository root), BENCH_WARMUP (default 2),
# BENCH_MIN_RUNS (default 10, newest release), BENCH_MIN_RUNS_FULL (default 5, whole history),
# BENCH_STRICT=1 (exit 1 when a target is missed). Results: $BENCH_DIR/results/ (hyperfine JSON, summary*.txt,
# timings-*.txt; files of kinds other than uniform carry the kind in their name).
set -euo pipefail

die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: bench/run.sh PATH_TO_DOSSIER_BINARY [uniform|spread|80k] (e.g. .build/release/dossier)"
bin=$1
kind=${2:-uniform}
case $kind in uniform|spread|80k) ;; *) die "unknown repository kind '$kind' (uniform, spread or 80k)";; esac
sfx=$([ "$kind" = uniform ] || echo "-$kind")
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
results=$scratch/results
out=$scratch/out
mkdir -p "$results"

# ---- the synthetic repository, rebuilt only when the generator changed
. "$here/repos.sh"
repo=$(bench_repo "$kind") || die "could not build the $kind repository"
label=$(bench_repo_label "$kind")
# dossier's facts cache (issue 18): deleted before the runs that must not find it
cache=$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir)/dossier/cache

newest=v1.19.0
previous=v1.18.0
git -C "$repo" rev-parse -q --verify "$newest^{tag}" >/dev/null || die "$repo has no tag $newest"
git -C "$repo" rev-parse -q --verify "$previous^{tag}" >/dev/null || die "$repo has no tag $previous"
rootc=$(git -C "$repo" rev-list --max-parents=0 "$newest")
n_new=$(git -C "$repo" rev-list --count "$previous..$newest")
n_all=$(git -C "$repo" rev-list --count "$rootc..$newest")

q() { printf '%q' "$1"; }
Q_REPO=$(q "$repo"); Q_BIN=$(q "$bin"); Q_OUT=$(q "$out"); Q_CACHE=$(q "$cache")

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
rm -rf "$cache"
[ "$kind" = 80k ] || check_dossier suf-newest$sfx suf "$newest" --repo "$repo" --out "$out"
check_dossier suf-all$sfx suf "$newest" --since "$rootc" --repo "$repo" --out "$out"

# ---- where each stage's time goes: one run with DOSSIER_TIMINGS=1 with the cache deleted, one with it in place
stages() {  # stages FILE: one whole-history SUF; its stage lines (stderr lines with "timing:") into FILE
    rm -rf "$out"
    DOSSIER_TIMINGS=1 "$bin" suf "$newest" --since "$rootc" --repo "$repo" --out "$out" 2>&1 >/dev/null |
        grep 'timing:' >"$1" || true
    [ -s "$1" ] || echo "(no stage lines: this binary prints none with DOSSIER_TIMINGS=1)" >"$1"
}
rm -rf "$cache"
stages "$results/timings$sfx-nocache.txt"
stages "$results/timings$sfx-cached.txt"

# ---- timings
warmup=${BENCH_WARMUP:-2}
git_cmds=(-n "git log --format=fuller" "git -C $Q_REPO log --format=fuller RANGE >/dev/null"
          -n "git log --format=fuller --name-status" "git -C $Q_REPO log --format=fuller --name-status RANGE >/dev/null")
bench_newest() {  # the newest release, cache deleted before every run
    hyperfine --warmup "$warmup" --min-runs "${BENCH_MIN_RUNS:-10}" --export-json "$results/newest$sfx.json" \
        --prepare "rm -rf $Q_OUT $Q_CACHE" "${git_cmds[@]//RANGE/$previous..$newest}" \
        -n "dossier suf" "$Q_BIN suf $newest --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]"
}
bench_all() {  # the whole history: cache deleted before every run, then left in place (the warm-up run fills it)
    local suf="$Q_BIN suf $newest --since $rootc --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]"
    hyperfine --warmup "$warmup" --min-runs "${BENCH_MIN_RUNS_FULL:-5}" --export-json "$results/all$sfx.json" \
        --prepare "true" --prepare "true" --prepare "rm -rf $Q_OUT $Q_CACHE" --prepare "rm -rf $Q_OUT" \
        "${git_cmds[@]//RANGE/$rootc..$newest}" -n "dossier suf" "$suf" -n "dossier suf (cached)" "$suf"
}
if [ "$kind" != 80k ]; then
    echo
    echo "== newest release ($label): $previous..$newest ($n_new commits)"
    bench_newest
    echo
    echo "== whole history ($label): ROOT..$newest ($n_all commits; ROOT = ${rootc:0:12})"
    bench_all
fi

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
if [ "$kind" != 80k ]; then
    echo
    echo "== gap checks ($label): $previous..$newest ($n_new commits) and ROOT..$newest, with 5,000 test cases"
    hyperfine --warmup "$warmup" --min-runs "${BENCH_MIN_RUNS_FULL:-5}" --export-json "$results/check$sfx.json" \
        --prepare "rm -rf $Q_OUT $Q_CACHE" \
        -n "dossier suf (newest)" "$Q_BIN suf $newest --evidence $Q_EVIDENCE --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]" \
        -n "dossier check (newest)" "$Q_BIN check $newest --evidence $Q_EVIDENCE --repo $Q_REPO >/dev/null 2>&1 || [ \$? -eq 1 ]" \
        -n "dossier suf (all)" "$Q_BIN suf $newest --since $rootc --evidence $Q_EVIDENCE --repo $Q_REPO --out $Q_OUT >/dev/null 2>&1 || [ \$? -eq 1 ]" \
        -n "dossier check (all)" "$Q_BIN check $newest --since $rootc --evidence $Q_EVIDENCE --repo $Q_REPO >/dev/null 2>&1 || [ \$? -eq 1 ]"
fi

# ---- peak memory (GNU time), one run each, the cache deleted first
maxrss() {  # maxrss OUTFILE CMD...: prints max RSS in KiB
    local f=$1; shift
    rm -rf "$out" "$cache"
    /usr/bin/time -v -o "$f" "$@" >/dev/null 2>&1 || true
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$f"
}
rss_all=$(maxrss "$results/rss-suf-all$sfx.txt" "$bin" suf "$newest" --since "$rootc" --repo "$repo" --out "$out")
rss_new=$(maxrss "$results/rss-suf-newest$sfx.txt" "$bin" suf "$newest" --repo "$repo" --out "$out")
rss_git=$(maxrss "$results/rss-gitlog-all$sfx.txt" git -C "$repo" log --format=fuller --name-status "$rootc..$newest")
rm -rf "$out"

# ---- summary, and the figures for bench/table.sh
echo
python3 - "$results" "$n_new" "$n_all" "$rss_new" "$rss_all" "$rss_git" "${BENCH_STRICT:-0}" \
    "$previous..$newest" "ROOT..$newest" "$kind" "$sfx" "$label" <<'PY' | tee "$results/summary$sfx.txt"
import json, os, sys
results, n_new, n_all, rss_new, rss_all, rss_git, strict, lab_new, lab_all, kind, sfx, label = sys.argv[1:]
def load(name):
    with open("%s/%s%s.json" % (results, name, sfx)) as f:
        return {r["command"]: r for r in json.load(f)["results"]}
def ms(s):
    return "%.1f ms" % (s * 1000) if s < 10 else "%.2f s" % s
def mib(k):  # GNU time reports KiB
    return float(k) / 1024.0 if k else None
commits = "{:,}".format(int(n_all))
figures = []
def figure(row, name, value, target, ok, reference):
    figures.append({"row": row, "figure": name, "repo": label, "value": value, "target": target,
                    "result": None if ok is None else ("PASS" if ok else "FAIL"), "reference": reference})
ok = True
if kind != "80k":
    print("dossier benchmark (%s): medians (hyperfine)" % label)
    rows = [(lab_new, int(n_new), {k: r["median"] for k, r in load("newest").items()}),
            (lab_all, int(n_all), {k: r["median"] for k, r in load("all").items()})]
    hdr = ("range", "commits", "git log", "git log --name-status", "dossier suf", "ratio/--name-status", "ratio/plain")
    fmt = "%-18s %8s %11s %22s %12s %20s %12s"
    print(fmt % hdr)
    for lab, n, m in rows:
        plain, ns, d = m["git log --format=fuller"], m["git log --format=fuller --name-status"], m["dossier suf"]
        print(fmt % (lab, "{:,}".format(n), ms(plain), ms(ns), ms(d), "%.2fx" % (d / ns), "%.2fx" % (d / plain)))
    m = rows[1][2]
    ns = m["git log --format=fuller --name-status"]
    print(fmt % (lab_all + " cached", "{:,}".format(int(n_all)), "", "", ms(m["dossier suf (cached)"]),
                 "%.2fx" % (m["dossier suf (cached)"] / ns), ""))
    print()
    ratio, cached = m["dossier suf"] / ns, m["dossier suf (cached)"] / ns
    ref = "git log --format=fuller --name-status %s: %s" % (lab_all, ms(ns))
    figure(1, "SUF of %s commits, facts cache deleted before each run" % commits,
           "%.2fx (%s)" % (ratio, ms(m["dossier suf"])), "<= 4x", ratio <= 4.0, ref)
    figure(2, "the same SUF run again, facts cached", "%.2fx (%s)" % (cached, ms(m["dossier suf (cached)"])),
           "<= 2.5x", cached <= 2.5, ref)
    print("target: %s-commit SUF within 4x of git log --format=fuller --name-status on the same range: %.2fx -> %s"
          % (commits, ratio, "PASS" if ratio <= 4.0 else "FAIL"))
    print("target: the same SUF run a second time (facts cached) within 2.5x: %.2fx -> %s"
          % (cached, "PASS" if cached <= 2.5 else "FAIL"))
    ok = ratio <= 4.0 and cached <= 2.5
    c = {k: r["median"] for k, r in load("check").items()}
    for scope in ("newest", "all"):
        s, k = c["dossier suf (%s)" % scope], c["dossier check (%s)" % scope]
        print("target: dossier check within 2x of dossier suf (%s, 5,000 test cases): check %s, suf %s, %.2fx -> %s"
              % (scope, ms(k), ms(s), k / s, "PASS" if k <= 2 * s else "FAIL"))
    # The floor this machine sets: the work (CPU time) divided by the cores it can be spread over.
    cores = len(os.sched_getaffinity(0))
    cpu = {k: r["user"] + r["system"] for k, r in load("all").items()}
    work, git_work = cpu["dossier suf"], cpu["git log --format=fuller --name-status"]
    print("cpu: whole-history SUF %s of CPU time (user+system, mean) against %s for git log --name-status (%.2fx); "
          "spread over this machine's %d cores it needs at least %s of wall time, %.2fx git log, with every core busy"
          % (ms(work), ms(git_work), work / git_work, cores, ms(work / cores), work / cores / ns))
rss = mib(rss_all)
ok_mem = rss is not None and rss <= 300.0
if kind != "spread":  # the memory target is the 80,000-commit SUF's; the 20,000-commit one is shown beside it
    figure(5, "peak memory, SUF of %s commits (cache deleted)" % commits,
           "%.0f MiB" % rss if rss is not None else "unknown", "<= 300 MiB",
           ok_mem if kind == "80k" else None, "git log --name-status: %.0f MiB" % mib(rss_git))
print("peak memory (max RSS) of the %s-commit SUF: %s (target for 80,000 commits: at most 300 MiB -> %s)"
      % (commits, "%.1f MiB" % rss if rss is not None else "unknown", "PASS" if ok_mem else "FAIL"))
print("        for reference: newest-release SUF %s, git log --name-status over the whole history %s"
      % tuple("%.1f MiB" % mib(v) if v else "unknown" for v in (rss_new, rss_git)))
if kind == "80k":
    ok = ok_mem
with open("%s/figures-suf-%s.json" % (results, kind), "w") as f:
    json.dump(figures, f, indent=1)
print("details: %s/{newest,all,check}%s.json, rss-*%s.txt, timings%s-*.txt" % (results, sfx, sfx, sfx))
if strict == "1" and not ok:
    sys.exit(1)
PY
