#!/usr/bin/env bash
# DHF benchmark (part of `make bench`).
#
# Usage: bench/dhf.sh PATH_TO_DOSSIER_BINARY [uniform|spread]
#
# Times, side by side with hyperfine, on the synthetic repository of that kind (bench/repos.sh, built when missing;
# 20 releases, 20,000 commits), dossier's facts cache (<gitdir>/dossier/cache) deleted before every dhf run:
#   git log --format=fuller --name-status v1.19.0     the whole history, the reference
#   dossier dhf                                        every release's SUF bundle built now, and the DHF over them
#   dossier dhf (attached)                             the same on a copy where every release has its bundle attached
#                                                      (dossier attach), which the DHF copies byte for byte
# and the peak memory of each dhf. Targets (issue 18): dhf within 10x of git log; with attached bundles within 2.5x;
# peak memory at most 300 MiB. Writes the figures for bench/table.sh to $BENCH_DIR/results/figures-dhf-KIND.json.
# Environment: BENCH_DIR (default .bench), BENCH_WARMUP (default 1), BENCH_MIN_RUNS (default 3), BENCH_STRICT=1
# (exit 1 when a target is missed). Results: $BENCH_DIR/results/dhf[-KIND].json, dhf-summary[-KIND].txt.
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: bench/dhf.sh PATH_TO_DOSSIER_BINARY [uniform|spread]"
bin=$1
kind=${2:-uniform}
case $kind in uniform|spread) ;; *) die "unknown repository kind '$kind' (uniform or spread)";; esac
sfx=$([ "$kind" = uniform ] || echo "-$kind")
[ -f "$bin" ] && [ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac
command -v hyperfine >/dev/null || die "hyperfine is missing (make bench installs it)"
[ -x /usr/bin/time ] || die "GNU time is missing (make bench installs it)"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

scratch=${BENCH_DIR:-$root/.bench}
mkdir -p "$scratch"; scratch=$(cd "$scratch" && pwd)
. "$here/repos.sh"
repo=$(bench_repo "$kind") || die "could not build the $kind repository"
label=$(bench_repo_label "$kind")
results=$scratch/results
out=$scratch/out-dhf
mkdir -p "$results"
newest=v1.19.0
git -C "$repo" rev-parse -q --verify "$newest^{tag}" >/dev/null || die "$repo has no tag $newest"
releases=$(git -C "$repo" tag -l 'v*' | wc -l)
commits=$(git -C "$repo" rev-list --count "$newest")

# A copy of the repository with every release's bundle attached, made again when the repository or dossier changed.
attached=$scratch/repo-attached$sfx
stamp="$(git -C "$repo" rev-parse "$newest") $(sha256sum < "$bin" | cut -c1-16)"
if [ -d "$attached/.git" ] && [ "$(cat "$attached.version" 2>/dev/null)" = "$stamp" ]; then
    note "reusing $attached"
else
    note "attaching every release's bundle in a copy of the repository: $attached"
    rm -rf "$attached" "$attached.version"
    cp -a "$repo" "$attached"
    for tag in $(git -C "$attached" tag -l 'v*'); do
        rc=0
        "$bin" attach "$tag" --repo "$attached" >/dev/null 2>"$results/attach.stderr" || rc=$?
        [ "$rc" -eq 0 ] || { cat "$results/attach.stderr" >&2; die "dossier attach $tag failed ($rc)"; }
    done
    echo "$stamp" > "$attached.version"
fi

# One checked run of each first: exit 0, and a whole DHF.
for r in "$repo" "$attached"; do
    rm -rf "$out"
    "$bin" dhf --repo "$r" --out "$out" >"$results/dhf.stdout" 2>"$results/dhf.stderr" ||
        { tail -n 20 "$results/dhf.stderr" >&2; die "dossier dhf --repo $r failed"; }
    (cd "$out/dhf" && sha256sum --quiet -c MANIFEST.sha256) || die "the DHF of $r does not check against its manifest"
done

# dossier's facts cache (issue 18), deleted before every run: each DHF is timed as a first run
cachedir() { echo "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir)/dossier/cache"; }
q() { printf '%q' "$1"; }
echo
echo "== DHF over $releases releases, $commits commits ($label)"
hyperfine --warmup "${BENCH_WARMUP:-1}" --min-runs "${BENCH_MIN_RUNS:-3}" --export-json "$results/dhf$sfx.json" \
    --prepare "true" --prepare "rm -rf $(q "$out") $(q "$(cachedir "$repo")")" \
    --prepare "rm -rf $(q "$out") $(q "$(cachedir "$attached")")" \
    -n "git log --format=fuller --name-status" "git -C $(q "$repo") log --format=fuller --name-status $newest >/dev/null" \
    -n "dossier dhf" "$(q "$bin") dhf --repo $(q "$repo") --out $(q "$out") >/dev/null" \
    -n "dossier dhf (attached)" "$(q "$bin") dhf --repo $(q "$attached") --out $(q "$out") >/dev/null"

maxrss() {  # maxrss REPO: the peak memory of one dhf, in KiB
    rm -rf "$out" "$(cachedir "$1")"
    /usr/bin/time -f "%M" -o "$results/dhf-rss$sfx.txt" "$bin" dhf --repo "$1" --out "$out" >/dev/null 2>&1
    cat "$results/dhf-rss$sfx.txt"
}
rss_built=$(maxrss "$repo")
rss_attached=$(maxrss "$attached")
rm -rf "$out"

echo
python3 - "$results" "$rss_built" "$rss_attached" "${BENCH_STRICT:-0}" "$releases" "$commits" "$kind" "$sfx" "$label" \
    <<'PY' | tee "$results/dhf-summary$sfx.txt"
import json, sys
results, rss_built, rss_attached, strict, releases, commits, kind, sfx, label = sys.argv[1:]
with open("%s/dhf%s.json" % (results, sfx)) as f:
    m = {r["command"]: r["median"] for r in json.load(f)["results"]}
git = m["git log --format=fuller --name-status"]
built, attached = m["dossier dhf"], m["dossier dhf (attached)"]
def ms(s):
    return "%.1f ms" % (s * 1000) if s < 10 else "%.2f s" % s
mib_built, mib_attached = int(rss_built) / 1024.0, int(rss_attached) / 1024.0
print("dhf benchmark (%s): medians (hyperfine), %s releases, %s commits, facts cache deleted before each run"
      % (label, releases, "{:,}".format(int(commits))))
print("%-40s %12s %10s %12s" % ("command", "median", "ratio", "peak memory"))
print("%-40s %12s %10s %12s" % ("git log --format=fuller --name-status", ms(git), "1.00x", ""))
print("%-40s %12s %9.2fx %8.1f MiB" % ("dossier dhf", ms(built), built / git, mib_built))
print("%-40s %12s %9.2fx %8.1f MiB" % ("dossier dhf (every bundle attached)", ms(attached), attached / git,
                                        mib_attached))
ok_built, ok_attached, ok_mem = built <= 10 * git, attached <= 2.5 * git, mib_built <= 300 and mib_attached <= 300
ok = ok_built and ok_attached and ok_mem
print("target: dhf within 10x of git log over the whole history: %.2fx -> %s"
      % (built / git, "PASS" if ok_built else "FAIL"))
print("target: dhf with every bundle attached within 2.5x: %.2fx (%.1fx faster than building them) -> %s"
      % (attached / git, built / attached, "PASS" if ok_attached else "FAIL"))
print("target: peak memory of the dhf at most 300 MiB: %.1f MiB built, %.1f MiB attached -> %s"
      % (mib_built, mib_attached, "PASS" if ok_mem else "FAIL"))
ref = "git log --format=fuller --name-status %s (whole history): %s" % ("v1.19.0", ms(git))
figures = [
    {"row": 3, "figure": "DHF over %s releases, bundles built" % releases, "repo": label,
     "value": "%.2fx (%s)" % (built / git, ms(built)), "target": "<= 10x", "result": "PASS" if ok_built else "FAIL",
     "reference": ref},
    {"row": 4, "figure": "DHF over %s releases, bundles attached" % releases, "repo": label,
     "value": "%.2fx (%s)" % (attached / git, ms(attached)), "target": "<= 2.5x",
     "result": "PASS" if ok_attached else "FAIL", "reference": ref},
    {"row": 6, "figure": "peak memory, DHF over %s releases (built; attached)" % releases, "repo": label,
     "value": "%.0f MiB; %.0f MiB" % (mib_built, mib_attached), "target": "<= 300 MiB",
     "result": "PASS" if ok_mem else "FAIL", "reference": "cache deleted first"},
]
with open("%s/figures-dhf-%s.json" % (results, kind), "w") as f:
    json.dump(figures, f, indent=1)
import os
cores = len(os.sched_getaffinity(0))
with open("%s/dhf%s.json" % (results, sfx)) as f:
    cpu = {r["command"]: r["user"] + r["system"] for r in json.load(f)["results"]}
work = cpu["dossier dhf"]
print("cpu: dhf %s of CPU time (user+system, mean) against %s for git log; spread over this machine's %d cores it "
      "needs at least %s of wall time, %.2fx git log, with every core busy throughout"
      % (ms(work), ms(cpu["git log --format=fuller --name-status"]), cores, ms(work / cores), work / cores / git))
if strict == "1" and not ok:
    sys.exit(1)
PY
