#!/usr/bin/env bash
# Builds the synthetic benchmark repository for dossier, deterministically:
#   20,000 commits on main (with topic-branch merges), 20 annotated release tags v1.0.0 ... v1.19.0 (one every
#   1,000 commits), ~300 Swift files in 20 modules, dossier.yml + regulatory/*.yml (2,000 requirements,
#   2,000 risks, 500 threats, 22 software items, 50 SOUP, ~1,000 change requests, problem reports, IFU changes),
#   a .mailmap. Fixed identities and dates, so two builds have identical commit ids.
#
# Usage: bench/make-synthetic.sh DEST [--releases N] [--commits-per-release N]
#   DEST must not exist (or be an empty directory). The repository is built beside it and renamed into place
#   only when complete. Needs git and python3 (standard library only).
set -euo pipefail

die() { echo "make-synthetic: $*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: $0 DEST [--releases N] [--commits-per-release N]"
dest=$1; shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null || echo x)" ]; then
    die "$dest already exists and is not empty; remove it first"
fi
command -v git >/dev/null || die "git not found"
command -v python3 >/dev/null || die "python3 not found"

parent=$(dirname "$dest")
mkdir -p "$parent"
tmp=$(mktemp -d "$parent/.make-synthetic.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A vanilla git: no user or system configuration leaks into the build.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export TZ=UTC LC_ALL=C

start=$(date +%s.%N)
git init -q -b main "$tmp"
git -C "$tmp" config gc.auto 0
python3 "$here/synthetic.py" "$@" | git -C "$tmp" fast-import --quiet --done
# A freshly fast-imported pack is loosely delta-compressed; repack it as `git gc` would in a real clone, and write
# the commit-graph that `git gc` writes by default (gc.writeCommitGraph).
git -C "$tmp" repack -a -d -q --window=10 --depth=50
git -C "$tmp" commit-graph write --reachable
git -C "$tmp" checkout -q -f main
git -C "$tmp" config --unset gc.auto

rmdir "$dest" 2>/dev/null || true
mv "$tmp" "$dest"
trap - EXIT
end=$(date +%s.%N)

commits=$(git -C "$dest" rev-list --count main)
tags=$(git -C "$dest" tag -l | wc -l)
printf 'make-synthetic: %s: %s commits, %s tags in %.1f s\n' "$dest" "$commits" "$tags" \
    "$(echo "$end - $start" | bc 2>/dev/null || python3 -c "print($end - $start)")"
