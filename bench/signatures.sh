#!/usr/bin/env bash
# Signature-checking benchmark (part of `make bench`).
#
# Usage: bench/signatures.sh PATH_TO_DOSSIER_BINARY
#
# Builds (once, with bench/make-signed.sh) a repository of 10,000 signed commits, half SSH ed25519 and half
# OpenPGP ed25519, then times side by side, with the same trust for both:
#   git log --format=%G? ROOT..main          (git runs ssh-keygen or gpg for every commit)
#   dossier signatures ROOT..main            (native checks, parallel over the cores)
# and checks that the verdicts are identical (git log --format='%H %G? %GS %GF' against dossier's lines).
# Target: dossier at least 50x faster than git, with identical verdicts.
# Environment: BENCH_DIR (default .bench), BENCH_SIGNED (number of signed commits, default 10000),
# BENCH_GIT_RUNS (default 2: each git run takes a minute or more), BENCH_MIN_RUNS (default 10), BENCH_STRICT=1.
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -eq 1 ] || die "usage: bench/signatures.sh PATH_TO_DOSSIER_BINARY"
bin=$1
[ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac
command -v hyperfine >/dev/null || die "hyperfine is missing (make bench installs it)"

scratch=${BENCH_DIR:-$root/.bench}
mkdir -p "$scratch"; scratch=$(cd "$scratch" && pwd)
n=${BENCH_SIGNED:-10000}
dest=$scratch/signed
results=$scratch/results
mkdir -p "$results"
version="$(sha256sum < "$here/make-signed.sh" | cut -c1-16)-$n"
if [ -d "$dest/repo" ] && [ "$(cat "$scratch/signed.version" 2>/dev/null)" = "$version" ]; then
    note "reusing $dest (generator $version)"
else
    rm -rf "$dest" "$scratch/signed.version"
    note "building $n signed commits in $dest (generator $version; gpg signs one at a time, this takes a while)"
    "$here/make-signed.sh" "$dest" "$n" >&2
    echo "$version" > "$scratch/signed.version"
fi

range=$(cat "$dest/range.txt")
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC GNUPGHOME=$dest/gnupg HOME=$dest/home
q() { printf '%q' "$1"; }
GIT="git -C $(q "$dest/repo") -c gpg.ssh.allowedSignersFile=$(q "$dest/allowed_signers")"
DOSSIER="$(q "$bin") signatures $range --repo $(q "$dest/repo") --allowed-signers $(q "$dest/allowed_signers") --openpgp-keys $(q "$dest/keys")"

# identical verdicts first
$GIT log --format='%H %G? %GS %GF' "$range" | sort > "$results/signatures-git.txt"
eval "$DOSSIER" | sort > "$results/signatures-dossier.txt"
count=$(wc -l < "$results/signatures-git.txt")
if cmp -s "$results/signatures-git.txt" "$results/signatures-dossier.txt"; then
    identical=yes
else
    identical=no
    diff "$results/signatures-git.txt" "$results/signatures-dossier.txt" | head -10 >&2
fi
letters=$(cut -d' ' -f2 "$results/signatures-dossier.txt" | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}')

echo
echo "== signature checks: $range ($count commits: $letters)"
hyperfine --warmup 1 --runs "${BENCH_GIT_RUNS:-2}" --export-json "$results/signatures-git.json" \
    -n "git log --format=%G?" "$GIT log --format=%G? $range >/dev/null"
hyperfine --warmup 2 --min-runs "${BENCH_MIN_RUNS:-10}" --export-json "$results/signatures-dossier.json" \
    -n "dossier signatures" "$DOSSIER >/dev/null"

python3 - "$results" "$count" "$identical" "${BENCH_STRICT:-0}" <<'PY' | tee "$results/signatures-summary.txt"
import json, sys
results, count, identical, strict = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def median(name):
    with open("%s/%s.json" % (results, name)) as f:
        return json.load(f)["results"][0]["median"]
git, ours = median("signatures-git"), median("signatures-dossier")
print()
print("signature benchmark: medians (hyperfine), %s commits" % "{:,}".format(count))
print("%-24s %10s" % ("git log --format=%G?", "%.2f s" % git))
print("%-24s %10s" % ("dossier signatures", "%.1f ms" % (ours * 1000)))
speedup = git / ours
ok = speedup >= 50 and identical == "yes"
print("target: at least 50x faster than git with identical verdicts: %.0fx, verdicts %s -> %s"
      % (speedup, "identical" if identical == "yes" else "DIFFERENT", "PASS" if ok else "FAIL"))
if strict == "1" and not ok:
    sys.exit(1)
PY
