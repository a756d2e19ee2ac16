#!/usr/bin/env bash
# DHF benchmark (part of `make bench`; run bench/run.sh first, which builds the synthetic repository).
#
# Usage: bench/dhf.sh PATH_TO_DOSSIER_BINARY
#
# Times, side by side with hyperfine, on the synthetic repository (20 releases, 20,000 commits):
#   git log --format=fuller --name-status v1.19.0     the whole history, the reference
#   dossier dhf                                        every release's SUF bundle built now, and the DHF over them
#   dossier dhf (attached)                             the same on a copy where every release has its bundle attached
#                                                      (dossier attach), which the DHF copies byte for byte
# and the peak memory of each dhf. Targets: dhf within 10x of git log; with attached bundles, far less.
# Environment: BENCH_DIR (default .bench), BENCH_WARMUP (default 1), BENCH_MIN_RUNS (default 3), BENCH_STRICT=1
# (exit 1 when the 10x target is missed). Results: $BENCH_DIR/results/dhf.json, dhf-summary.txt.
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -eq 1 ] || die "usage: bench/dhf.sh PATH_TO_DOSSIER_BINARY"
bin=$1
[ -f "$bin" ] && [ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac
command -v hyperfine >/dev/null || die "hyperfine is missing (make bench installs it)"
[ -x /usr/bin/time ] || die "GNU time is missing (make bench installs it)"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

scratch=${BENCH_DIR:-$root/.bench}
scratch=$(cd "$scratch" 2>/dev/null && pwd) || die "no $scratch: run bench/run.sh first (it builds the synthetic repository)"
repo=$scratch/repo
[ -d "$repo/.git" ] || die "no synthetic repository in $repo: run bench/run.sh first"
results=$scratch/results
out=$scratch/out-dhf
mkdir -p "$results"
newest=v1.19.0
git -C "$repo" rev-parse -q --verify "$newest^{tag}" >/dev/null || die "$repo has no tag $newest"
releases=$(git -C "$repo" tag -l 'v*' | wc -l)
commits=$(git -C "$repo" rev-list --count "$newest")

# A copy of the repository with every release's bundle attached, made again when the repository or dossier changed.
attached=$scratch/repo-attached
stamp="$(git -C "$repo" rev-parse "$newest") $(sha256sum < "$bin" | cut -c1-16)"
if [ -d "$attached/.git" ] && [ "$(cat "$scratch/repo-attached.version" 2>/dev/null)" = "$stamp" ]; then
    note "reusing $attached"
else
    note "attaching every release's bundle in a copy of the repository: $attached"
    rm -rf "$attached" "$scratch/repo-attached.version"
    cp -a "$repo" "$attached"
    for tag in $(git -C "$attached" tag -l 'v*'); do
        rc=0
        "$bin" attach "$tag" --repo "$attached" >/dev/null 2>"$results/attach.stderr" || rc=$?
        [ "$rc" -eq 0 ] || { cat "$results/attach.stderr" >&2; die "dossier attach $tag failed ($rc)"; }
    done
    echo "$stamp" > "$scratch/repo-attached.version"
fi

# One checked run of each first: exit 0, and a whole DHF.
for r in "$repo" "$attached"; do
    rm -rf "$out"
    "$bin" dhf --repo "$r" --out "$out" >"$results/dhf.stdout" 2>"$results/dhf.stderr" ||
        { tail -n 20 "$results/dhf.stderr" >&2; die "dossier dhf --repo $r failed"; }
    (cd "$out/dhf" && sha256sum --quiet -c MANIFEST.sha256) || die "the DHF of $r does not check against its manifest"
done

q() { printf '%q' "$1"; }
echo
echo "== DHF over $releases releases, $commits commits"
hyperfine --warmup "${BENCH_WARMUP:-1}" --min-runs "${BENCH_MIN_RUNS:-3}" --export-json "$results/dhf.json" \
    --prepare "rm -rf $(q "$out")" \
    -n "git log --format=fuller --name-status" "git -C $(q "$repo") log --format=fuller --name-status $newest >/dev/null" \
    -n "dossier dhf" "$(q "$bin") dhf --repo $(q "$repo") --out $(q "$out") >/dev/null" \
    -n "dossier dhf (attached)" "$(q "$bin") dhf --repo $(q "$attached") --out $(q "$out") >/dev/null"

maxrss() {  # maxrss REPO: the peak memory of one dhf, in KiB
    rm -rf "$out"
    /usr/bin/time -f "%M" -o "$results/dhf-rss.txt" "$bin" dhf --repo "$1" --out "$out" >/dev/null 2>&1
    cat "$results/dhf-rss.txt"
}
rss_built=$(maxrss "$repo")
rss_attached=$(maxrss "$attached")
rm -rf "$out"

echo
python3 - "$results" "$rss_built" "$rss_attached" "${BENCH_STRICT:-0}" "$releases" "$commits" <<'PY' | tee "$results/dhf-summary.txt"
import json, sys
results, rss_built, rss_attached, strict, releases, commits = sys.argv[1:]
with open("%s/dhf.json" % results) as f:
    m = {r["command"]: r["median"] for r in json.load(f)["results"]}
git = m["git log --format=fuller --name-status"]
built, attached = m["dossier dhf"], m["dossier dhf (attached)"]
def ms(s):
    return "%.1f ms" % (s * 1000) if s < 10 else "%.2f s" % s
print("dhf benchmark: medians (hyperfine), %s releases, %s commits" % (releases, "{:,}".format(int(commits))))
print("%-40s %12s %10s %12s" % ("command", "median", "ratio", "peak memory"))
print("%-40s %12s %10s %12s" % ("git log --format=fuller --name-status", ms(git), "1.00x", ""))
print("%-40s %12s %9.2fx %9.1f MB" % ("dossier dhf", ms(built), built / git, int(rss_built) * 1024 / 1e6))
print("%-40s %12s %9.2fx %9.1f MB" % ("dossier dhf (every bundle attached)", ms(attached), attached / git,
                                       int(rss_attached) * 1024 / 1e6))
ok = built <= 10 * git
print("target: dhf within 10x of git log over the whole history: %.2fx -> %s" % (built / git, "PASS" if ok else "FAIL"))
print("target: with attached bundles far less: %.2fx (%.1fx faster than building them)" % (attached / git, built / attached))
import os
cores = len(os.sched_getaffinity(0))
with open("%s/dhf.json" % results) as f:
    cpu = {r["command"]: r["user"] + r["system"] for r in json.load(f)["results"]}
work = cpu["dossier dhf"]
print("cpu: dhf %s of CPU time (user+system, mean) against %s for git log; spread over this machine's %d cores it "
      "needs at least %s of wall time, %.2fx git log, with every core busy throughout"
      % (ms(work), ms(cpu["git log --format=fuller --name-status"]), cores, ms(work / cores), work / cores / git))
if strict == "1" and not ok:
    sys.exit(1)
PY
