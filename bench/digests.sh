#!/usr/bin/env bash
# Bundle bytes of the synthetic repository (part of `make bench`; run bench/run.sh first, which builds it).
#
# Usage: bench/digests.sh PATH_TO_DOSSIER_BINARY [--update]
#
# Builds, on the synthetic repository (20 releases, 20,000 commits): the SUF of v1.19.0 and of v1.5.0, the SUF of
# v1.19.0 over the whole history (--since ROOT), the DHF, the SARIF of `check`, a diff and `signatures`, and
# compares every file's SHA-256 with bench/bundle-digests.sha256. A refactoring must leave every byte as it was:
# exit 1, naming the files that differ, when one changed. `--update` writes the digests instead (when an output
# change is intended; say why in the commit).
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] || die "usage: bench/digests.sh PATH_TO_DOSSIER_BINARY [--update]"
bin=$1
[ -f "$bin" ] && [ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
scratch=${BENCH_DIR:-$root/.bench}
repo=${BENCH_REPO:-$scratch/repo}
[ -d "$repo/.git" ] || die "no synthetic repository in $repo: run bench/run.sh first"
pins=$here/bundle-digests.sha256
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
first=$(git -C "$repo" rev-list --max-parents=0 v1.19.0 | head -n 1)
(
    cd "$out"
    "$bin" suf v1.19.0 --repo "$repo" --out a --format md,html,json >/dev/null
    "$bin" suf v1.19.0 --since "$first" --repo "$repo" --out b --format md,html,json >/dev/null
    "$bin" suf v1.5.0 --repo "$repo" --out c --format md,html,json >/dev/null
    "$bin" dhf --repo "$repo" --out d --format md,html,json >/dev/null
    "$bin" check v1.19.0 --repo "$repo" --format sarif --output check.sarif >/dev/null || true
    "$bin" diff v1.18.0 v1.19.0 --repo "$repo" --format md --out diff.md >/dev/null || true
    "$bin" signatures --repo "$repo" v1.18.0..v1.19.0 >sigs.txt || true
)
# The requirements' trace pictures (2,000 a bundle) are left out of the list: each bundle's MANIFEST.sha256, which is
# pinned, names their digests.
files() { (cd "$out" && find . -type f ! -name check.txt ! -name 'trace-REQ-*.svg' | LC_ALL=C sort); }
if [ "${2:-}" = --update ]; then
    (cd "$out" && files | xargs sha256sum) >"$pins"
    echo "bench: wrote $(wc -l <"$pins") digests to bench/bundle-digests.sha256"
    exit 0
fi
if (cd "$out" && sha256sum --quiet -c "$pins") >"$out/check.txt" 2>&1 &&
   [ "$(files | wc -l)" -eq "$(wc -l <"$pins")" ]; then
    echo "bench: bundles byte-identical to bench/bundle-digests.sha256 ($(wc -l <"$pins") files)"
else
    echo "bench: bundles differ from bench/bundle-digests.sha256:" >&2
    cat "$out/check.txt" >&2
    exit 1
fi
