#!/usr/bin/env bash
# Signature-checking benchmark (part of `make bench`).
#
# Usage: bench/signatures.sh PATH_TO_DOSSIER_BINARY [rsa4096|mixed]
#
# Builds (once, with bench/make-signed.sh, in .bench/signed-KIND) a repository of 10,000 signed commits: rsa4096
# (the default, issue 18's target) all signed with OpenPGP RSA-4096 keys; mixed half SSH ed25519 and half OpenPGP
# ed25519. Then times side by side, with the same trust for both:
#   git log --format=%G? ROOT..main          (git runs ssh-keygen or gpg for every commit)
#   dossier signatures ROOT..main            (native checks, parallel over the cores)
# and checks that the verdicts are identical (git log --format='%H %G? %GS %GF' against dossier's lines).
# Target: dossier at least 50x faster than git, with identical verdicts. Writes the figures for bench/table.sh to
# $BENCH_DIR/results/figures-signatures-KIND.json.
# Environment: BENCH_DIR (default .bench), BENCH_SIGNED (number of signed commits, default 10000),
# BENCH_GIT_RUNS (default 2: each git run takes minutes; the run that checks the verdicts warms the caches, so
# git's runs have no warm-up), BENCH_MIN_RUNS (default 10), BENCH_STRICT=1.
set -euo pipefail
die() { echo "bench: error: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: bench/signatures.sh PATH_TO_DOSSIER_BINARY [rsa4096|mixed]"
bin=$1
kind=${2:-rsa4096}
case $kind in rsa4096|mixed) ;; *) die "unknown kind '$kind' (rsa4096 or mixed)";; esac
[ -x "$bin" ] || die "not an executable file: '$bin' (build it first: swift build -c release)"
case $bin in /*) ;; *) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac
command -v hyperfine >/dev/null || die "hyperfine is missing (make bench installs it)"

scratch=${BENCH_DIR:-$root/.bench}
mkdir -p "$scratch"; scratch=$(cd "$scratch" && pwd)
n=${BENCH_SIGNED:-10000}
dest=$scratch/signed-$kind
results=$scratch/results
mkdir -p "$results"
version="$(sha256sum < "$here/make-signed.sh" | cut -c1-16)-$n-$kind"
if [ -d "$dest/repo" ] && [ "$(cat "$dest.version" 2>/dev/null)" = "$version" ]; then
    note "reusing $dest (generator $version)"
else
    rm -rf "$dest" "$dest.version"
    note "building $n signed commits ($kind) in $dest (generator $version; gpg signs one at a time, this takes a while)"
    "$here/make-signed.sh" "$dest" "$n" "$kind" >&2
    echo "$version" > "$dest.version"
fi

range=$(cat "$dest/range.txt")
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC GNUPGHOME=$dest/gnupg HOME=$dest/home
q() { printf '%q' "$1"; }
GIT="git -C $(q "$dest/repo") -c gpg.ssh.allowedSignersFile=$(q "$dest/allowed_signers")"
DOSSIER="$(q "$bin") signatures $range --repo $(q "$dest/repo") --allowed-signers $(q "$dest/allowed_signers") --openpgp-keys $(q "$dest/keys")"

# identical verdicts first
r=$results/signatures-$kind
$GIT log --format='%H %G? %GS %GF' "$range" | sort > "$r-git.txt"
eval "$DOSSIER" | sort > "$r-dossier.txt"
count=$(wc -l < "$r-git.txt")
if cmp -s "$r-git.txt" "$r-dossier.txt"; then
    identical=yes
else
    identical=no
    diff "$r-git.txt" "$r-dossier.txt" | head -10 >&2
fi
letters=$(cut -d' ' -f2 "$r-dossier.txt" | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}')

echo
echo "== signature checks ($kind): $range ($count commits: $letters)"
hyperfine --warmup 0 --runs "${BENCH_GIT_RUNS:-2}" --export-json "$r-git.json" \
    -n "git log --format=%G?" "$GIT log --format=%G? $range >/dev/null"
hyperfine --warmup 2 --min-runs "${BENCH_MIN_RUNS:-10}" --export-json "$r-dossier.json" \
    -n "dossier signatures" "$DOSSIER >/dev/null"

python3 - "$r" "$count" "$identical" "${BENCH_STRICT:-0}" "$kind" "$letters" <<'PY' | tee "$r-summary.txt"
import json, os, sys
r, count, identical, strict, kind, letters = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
def median(name):
    with open("%s-%s.json" % (r, name)) as f:
        return json.load(f)["results"][0]["median"]
git, ours = median("git"), median("dossier")
print()
print("signature benchmark (%s): medians (hyperfine), %s commits" % (kind, "{:,}".format(count)))
print("%-24s %10s" % ("git log --format=%G?", "%.2f s" % git))
print("%-24s %10s" % ("dossier signatures", "%.1f ms" % (ours * 1000)))
speedup = git / ours
ok = speedup >= 50 and identical == "yes"
print("target: at least 50x faster than git with identical verdicts: %.0fx, verdicts %s -> %s"
      % (speedup, "identical" if identical == "yes" else "DIFFERENT", "PASS" if ok else "FAIL"))
what = {"rsa4096": "OpenPGP RSA-4096", "mixed": "SSH + OpenPGP ed25519 (extra)"}[kind]
figures = [{"row": 7 if kind == "rsa4096" else 7.5,
            "figure": "signatures over %s commits signed with %s keys (and their unsigned merges), speed-up"
                      % ("{:,}".format(count - int(dict(l.split("=") for l in letters.split()).get("N", 0))), what),
            "repo": "signed-%s (%s)" % (kind, letters), "value": "%.0fx (%.1f ms; verdicts %s)"
            % (speedup, ours * 1000, "identical" if identical == "yes" else "DIFFERENT"),
            "target": ">= 50x, identical verdicts", "result": "PASS" if ok else "FAIL",
            "reference": "git log --format=%%G?: %.2f s" % git}]
with open("%s/figures-signatures-%s.json" % (os.path.dirname(r), kind), "w") as f:
    json.dump(figures, f, indent=1)
if strict == "1" and not ok:
    sys.exit(1)
PY
