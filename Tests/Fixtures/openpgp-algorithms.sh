#!/usr/bin/env bash
# openpgp-algorithms.sh OUT - a repository whose commits and tags are signed with every OpenPGP algorithm gpg
# verifies beyond RSA, NIST P-256 and Ed25519: DSA 1024/2048/3072, ECDSA on brainpoolP256r1/384r1/512r1,
# secp256k1, P-384 and P-521, EdDSA Ed448, and version 3 signatures (RSA and DSA); each good and tampered.
# Real git and gpg 2.2 make the keys and signatures, except what gpg 2.2 cannot make, which
# Tests/Fixtures/openpgp-craft.py makes (python3-cryptography): Ed448 keys and signatures, and v3 signatures.
#
# OUT/repo        the repository; its last commit adds dossier.yml with trust.openpgp_keys: regulatory/keys
# OUT/gnupg       the verifying keyring git uses: the trusted public keys, ownertrust ultimate
# OUT/cases.txt   "SUBJECT-PREFIX<TAB>DOSSIER-LETTER<TAB>GIT-LETTER" for every commit, "tag NAME<TAB>…" for every tag;
#                 GIT-LETTER is what git with gpg 2.2 says, "-" where it cannot judge (Ed448: gpg 2.2 has no Ed448)
#
# Keys are made afresh on each run (DSA 3072 takes a few seconds). Needs git >= 2.34, gpg 2.2+, python3-cryptography.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: openpgp-algorithms.sh OUT" >&2; exit 2; }
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
CRAFT=$(cd "$(dirname "$0")" && pwd)/openpgp-craft.py
# Debian's python3 (the one python3-cryptography installs into), not whichever python3 comes first on PATH.
PYTHON=${PYTHON:-$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
REPO=$OUT/repo
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export TZ=UTC LC_ALL=C HOME=$OUT/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
SIGNHOME=$OUT/gnupg-signers
VERIFYHOME=$OUT/gnupg
rm -rf "$REPO" "$SIGNHOME" "$VERIFYHOME" "$OUT/home" "$OUT/bin" "$OUT/keys" "$OUT/cases.txt"
mkdir -p "$HOME" "$OUT/bin" "$OUT/keys"
install -d -m 700 "$SIGNHOME" "$VERIFYHOME"
cleanup() { for h in "$SIGNHOME" "$VERIFYHOME"; do GNUPGHOME=$h gpgconf --kill gpg-agent >/dev/null 2>&1 || true; done; }
trap cleanup EXIT
quiet() { "$@" >"$OUT/log" 2>&1 || { cat "$OUT/log" >&2; return 1; }; }
KEY_TIME=20240101T000000
KEY_UNIX=1704067200

# git's gpg program: the signature's creation time is the commit's (or tag's) date
cat > "$OUT/bin/gpg-fixed" <<'WRAP'
#!/bin/sh
case " $* " in
  *" -bsau "*) t=${GIT_COMMITTER_DATE#@}; exec gpg --faked-system-time "${t%% *}!" "$@" ;;
  *) exec gpg "$@" ;;
esac
WRAP
chmod +x "$OUT/bin/gpg-fixed"

# ---- keys -------------------------------------------------------------------------------------------
export GNUPGHOME=$SIGNHOME
fpr() { gpg --with-colons --list-keys "$1" 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}'; }
declare -A KEY
for algo in dsa1024 dsa2048 dsa3072 brainpoolP256r1 brainpoolP384r1 brainpoolP512r1 secp256k1 nistp384 nistp521 rsa2048; do
  quiet gpg --batch --passphrase '' --faked-system-time "$KEY_TIME!" --quick-gen-key "Signer $algo <$algo@example.com>" "$algo" sign 0
  KEY[$algo]=$(fpr "$algo@example.com")
  gpg --armor --export "${KEY[$algo]}" > "$OUT/keys/$algo.asc" 2>/dev/null
done
for algo in rsa2048 dsa1024; do
  gpg --batch --pinentry-mode loopback --passphrase '' --export-secret-keys "${KEY[$algo]}" > "$OUT/$algo.secret" 2>/dev/null
done
KEY[ed448]=$("$PYTHON" "$CRAFT" ed448-key "$OUT/ed448" 'Signer ed448 <ed448@example.com>' "$KEY_UNIX")
cp "$OUT/ed448.asc" "$OUT/keys/ed448.asc"

# the verifying keyring: every key but Ed448, which gpg 2.2 refuses to import (it cannot check its self-signature)
for algo in "${!KEY[@]}"; do
  [ "$algo" = ed448 ] && continue
  GNUPGHOME=$VERIFYHOME quiet gpg --batch --import "$OUT/keys/$algo.asc"
  echo "${KEY[$algo]}:6:" | GNUPGHOME=$VERIFYHOME quiet gpg --batch --import-ownertrust
done

# ---- repository -------------------------------------------------------------------------------------
git init -q -b main "$REPO"; cd "$REPO"
T=1704110400   # 2024-01-01T12:00:00Z; every object one hour after the one before
who() {
  T=$((T + 3600))
  export GIT_AUTHOR_NAME="Signer $1" GIT_AUTHOR_EMAIL="$1@example.com" GIT_COMMITTER_NAME="Signer $1" GIT_COMMITTER_EMAIL="$1@example.com"
  export GIT_AUTHOR_DATE="@$T +0000" GIT_COMMITTER_DATE="@$T +0000"
}
expect() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$OUT/cases.txt"; }
n=0
# commit ALGO SIGNING DOSSIER-LETTER GIT-LETTER WHAT: SIGNING is gpg (git -S), v3 (crafted v3) or ed448 (crafted)
commit() {
  n=$((n + 1)); local id; id=$(printf 'A%02d' $n)
  who "$1"
  echo "$id" >> app.txt; git add -A
  if [ "$2" = gpg ]; then
    git -c gpg.format=openpgp -c "gpg.program=$OUT/bin/gpg-fixed" commit -q "-S${KEY[$1]}" -m "$id $1 $5: limit 100"
  else
    git commit -q -m "$id $1 $5: limit 100"
    git cat-file commit HEAD > "$OUT/payload"
    if [ "$2" = v3 ]; then "$PYTHON" "$CRAFT" v3-sign "$OUT/$1.secret" "$T" < "$OUT/payload" > "$OUT/signature"
    else "$PYTHON" "$CRAFT" ed448-sign "$OUT/ed448.secret" "$T" < "$OUT/payload" > "$OUT/signature"; fi
    local new
    new=$({ sed '/^$/q' "$OUT/payload" | sed '$d'; sed '1s/^/gpgsig /; 2,$s/^/ /' "$OUT/signature"; sed -n '/^$/,$p' "$OUT/payload"; } |
          git hash-object -t commit -w --stdin)
    git update-ref HEAD "$new"
  fi
  expect "$id" "$3" "$4"
}
# the message edited after signing: the signature no longer matches
tamper() {
  local new
  new=$(git cat-file commit HEAD | sed 's/limit 100/limit 900/' | git hash-object -t commit -w --stdin)
  git update-ref HEAD "$new"
}

for algo in dsa1024 dsa2048 dsa3072 brainpoolP256r1 brainpoolP384r1 brainpoolP512r1 secp256k1 nistp384 nistp521; do
  commit "$algo" gpg G G 'good'
  commit "$algo" gpg B B 'tampered'; tamper
done
commit rsa2048 v3 G G 'version 3 signature, good'
commit rsa2048 v3 B B 'version 3 signature, tampered'; tamper
commit dsa1024 v3 G G 'version 3 signature, good'
commit dsa1024 v3 B B 'version 3 signature, tampered'; tamper
commit ed448 ed448 G - 'good'
commit ed448 ed448 B - 'tampered'; tamper

tag() {  # tag ALGO NAME
  who "$1"
  git -c gpg.format=openpgp -c "gpg.program=$OUT/bin/gpg-fixed" tag -s -u "${KEY[$1]}" -m "Release $2" "$2"
}
tag dsa2048 v1.0;                              expect 'tag v1.0' G G
tag brainpoolP384r1 v1.1;                      expect 'tag v1.1' G G
tampered=$(git cat-file tag v1.0 | sed 's/^tag v1.0$/tag v1.0-edited/; s/Release v1.0/Release v1.0, edited/' | git mktag)
git update-ref refs/tags/v1.0-edited "$tampered"; expect 'tag v1.0-edited' B B

# the trust, as the repository holds it
mkdir -p regulatory/keys
cp "$OUT"/keys/*.asc regulatory/keys/
printf 'releases: {tag_pattern: "v*"}\ntrust: {openpgp_keys: regulatory/keys}\n' > dossier.yml
commit secp256k1 gpg G G 'trust: the OpenPGP keys'
{ for algo in "${!KEY[@]}"; do printf '%s=%s\n' "$algo" "${KEY[$algo]}"; done; } | sort > "$OUT/fingerprints.txt"
