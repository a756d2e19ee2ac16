#!/usr/bin/env bash
# Instruction counts by component (`make bench-instructions`): runs dossier and the git command it is measured
# against under valgrind's callgrind (one CPU, instructions counted, not timed: repeatable on a busy machine) and
# prints, for each, the instructions of each component (bench/instructions.py says how they are charged):
#   suf-cached   dossier suf v1.19.0 --since ROOT, facts cached   vs git log --format=fuller --name-status ROOT..v1.19.0
#   suf-cold     the same with the facts cache deleted first        vs the same git log
#   dhf-attached dossier dhf on the copy whose releases have their bundles attached (bench/dhf.sh makes it)
#                                                                  vs git log --format=fuller --name-status v1.19.0
# usage: bench/instructions.sh PATH_TO_DOSSIER_BINARY [FIGURE...]   (default: suf-cached suf-cold)
# Results: $BENCH_DIR/results/callgrind-*.out (read them with callgrind_annotate or bench/instructions.py).
# Takes about 5 minutes a figure. valgrind's own symbol reader rejects the binary's DWARF, so a copy without debug
# information is run; bench/valgrind-sigsuspend.c is preloaded for valgrind 3.19 (it says why).
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] || die "usage: bench/instructions.sh PATH_TO_DOSSIER_BINARY [suf-cached|suf-cold|dhf-attached...]"
bin=$1; shift
[ -f "$bin" ] && [ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
figures=("$@"); [ ${#figures[@]} -gt 0 ] || figures=(suf-cached suf-cold)
for f in "${figures[@]}"; do case $f in suf-cached|suf-cold|dhf-attached) ;; *) die "unknown figure '$f'";; esac; done
for tool in valgrind callgrind_annotate gcc objcopy python3 git; do
    command -v $tool >/dev/null || die "$tool is missing (Debian packages valgrind, gcc, binutils, python3, git)"
done
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

scratch=${BENCH_DIR:-$root/.bench}
mkdir -p "$scratch/results"
scratch=$(cd "$scratch" && pwd)
results=$scratch/results
work=$(mktemp -d "$scratch/instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$bin" "$work/dossier"
gcc -shared -fPIC -O2 "$here/valgrind-sigsuspend.c" -o "$work/sigsuspend.so"

. "$here/repos.sh"
repo=$(bench_repo uniform) || die "could not build the bench repository"
rootc=$(git -C "$repo" rev-list --max-parents=0 v1.19.0)

measure() {  # measure NAME -- COMMAND...  (a dossier command runs with the preloaded sigsuspend)
    local name=$1; shift 2
    note "callgrind: $*"
    LD_PRELOAD="$work/sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$results/callgrind-$name.out" \
        "$@" >/dev/null 2>"$results/callgrind-$name.log" || {
        local rc=$?; [ $rc -eq 1 ] && grep -q "Collected" "$results/callgrind-$name.log" ||
            { tail -n 20 "$results/callgrind-$name.log" >&2; die "callgrind run '$name' failed ($rc)"; }
    }
}
cache_of() { echo "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir)/dossier/cache"; }

for f in "${figures[@]}"; do
    case $f in
    suf-cached|suf-cold)
        [ -f "$results/callgrind-git-range.out" ] ||
            measure git-range -- git -C "$repo" log --format=fuller --name-status "$rootc..v1.19.0"
        rm -rf "$(cache_of "$repo")"
        if [ "$f" = suf-cached ]; then  # a first run fills the facts cache
            "$bin" suf v1.19.0 --since "$rootc" --repo "$repo" --out "$work/out" >/dev/null 2>&1 || [ $? -eq 1 ]
        fi
        rm -rf "$work/out"
        measure "$f" -- "$work/dossier" suf v1.19.0 --since "$rootc" --repo "$repo" --out "$work/out"
        reference=$results/callgrind-git-range.out ;;
    dhf-attached)
        attached=$scratch/repo-attached
        [ -d "$attached/.git" ] || die "$attached is missing: run bench/dhf.sh first (make bench)"
        [ -f "$results/callgrind-git-all.out" ] ||
            measure git-all -- git -C "$attached" log --format=fuller --name-status v1.19.0
        rm -rf "$(cache_of "$attached")" "$work/out"
        measure "$f" -- "$work/dossier" dhf --repo "$attached" --out "$work/out"
        reference=$results/callgrind-git-all.out ;;
    esac
    echo
    echo "== $f: instructions by component (callgrind), against the git command in the same units"
    python3 "$here/instructions.py" "$results/callgrind-$f.out" "$reference"
done
