#!/usr/bin/env bash
# signature-cases.sh OUT - build a git repository whose history holds every signature case dossier must judge
# as git does, with real git, gpg and ssh-keygen and fixed dates. Used by the signature tests.
#
# OUT/repo          the repository: commits C01..C21 on main and a feature branch, tags (see the list below);
#                   its last commit adds dossier.yml with trust.allowed_signers and trust.openpgp_keys
# OUT/gnupg         the verifying keyring: the trusted public keys, ownertrust ultimate (what dossier trusts)
# OUT/allowed_signers, OUT/keys/*.asc   the same trust as files (also committed in the repository)
# OUT/cases.txt     "SUBJECT<TAB>EXPECTED-LETTER" for every commit, "tag NAME<TAB>LETTER" for every tag
#
# Keys are made afresh on each run (ids differ between runs; dates do not). Needs git >= 2.34, gpg 2.2+,
# ssh-keygen (OpenSSH >= 8.2).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: signature-cases.sh OUT" >&2; exit 2; }
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
REPO=$OUT/repo
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export TZ=UTC LC_ALL=C HOME=$OUT/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset SSH_AUTH_SOCK
SIGNHOME=$OUT/gnupg-signers   # every secret key, dave's included
VERIFYHOME=$OUT/gnupg         # the trusted public keys only
rm -rf "$REPO" "$SIGNHOME" "$VERIFYHOME" "$OUT/home" "$OUT/bin" "$OUT/keys" "$OUT/ssh" "$OUT/cases.txt"
mkdir -p "$HOME" "$OUT/bin" "$OUT/keys" "$OUT/ssh"
install -d -m 700 "$SIGNHOME" "$VERIFYHOME"
cleanup() { for h in "$SIGNHOME" "$VERIFYHOME"; do GNUPGHOME=$h gpgconf --kill gpg-agent >/dev/null 2>&1 || true; done; }
trap cleanup EXIT
quiet() { "$@" >"$OUT/log" 2>&1 || { cat "$OUT/log" >&2; return 1; }; }
KEY_TIME=20240101T000000

# ---- gpg wrappers: the signature's creation time is the commit's (or tag's) date ------------------
for variant in fixed expiring; do
  extra=""; [ $variant = expiring ] && extra="--default-sig-expire 1d"
  cat > "$OUT/bin/gpg-$variant" <<WRAP
#!/bin/sh
case " \$* " in
  *" -bsau "*) t=\${GIT_COMMITTER_DATE#@}; exec gpg --faked-system-time "\${t%% *}!" $extra "\$@" ;;
  *) exec gpg "\$@" ;;
esac
WRAP
  chmod +x "$OUT/bin/gpg-$variant"
done

# ---- OpenPGP keys ---------------------------------------------------------------------------------
export GNUPGHOME=$SIGNHOME
fpr() { gpg --with-colons --list-keys "$1" 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}'; }
newkey() {  # newkey UID ALGO EXPIRE
  quiet gpg --batch --passphrase '' --faked-system-time "$KEY_TIME!" --quick-gen-key "$1" "$2" sign "$3"
}
newkey 'Bob Builder <bob@example.com>' ed25519 0;        BOB=$(fpr bob@example.com)
newkey 'Carol Rivest <carol@example.com>' rsa3072 0;     CAROL=$(fpr carol@example.com)
newkey 'Nina Curve <nina@example.com>' nistp256 0;       NINA=$(fpr nina@example.com)
newkey 'Sam Subkey <sam@example.com>' ed25519 0;         SAM=$(fpr sam@example.com)
quiet gpg --batch --passphrase '' --faked-system-time "$KEY_TIME!" --quick-add-key "$SAM" ed25519 sign 0
SAMSUB=$(gpg --with-colons --list-keys "$SAM" 2>/dev/null | awk -F: '/^fpr/ {n++} /^fpr/ && n==2 {print $10; exit}')
newkey 'Eve Expired <eve@example.com>' ed25519 2d;       EVE=$(fpr eve@example.com)
newkey 'Rob Revoked <rob@example.com>' ed25519 0;        ROB=$(fpr rob@example.com)
newkey 'Xena Shortsig <xena@example.com>' ed25519 0;     XENA=$(fpr xena@example.com)
newkey 'Dave Unknown <dave@example.com>' ed25519 0;      DAVE=$(fpr dave@example.com)

# ---- SSH keys -------------------------------------------------------------------------------------
sshkey() { ssh-keygen -q -t "$1" ${3:+-b $3} -N '' -C "$2" -f "$OUT/ssh/$2"; }
sshkey ed25519 alice; sshkey ecdsa ecdsa-user 256; sshkey rsa rsa-user 3072
sshkey ed25519 mallory; sshkey ed25519 temp-user
pub() { cut -d' ' -f1,2 "$OUT/ssh/$1.pub"; }
{
  echo "# who may sign commits and tags of this repository"
  echo "alice@example.com namespaces=\"git\" $(pub alice)"
  echo "ecdsa@example.com $(pub ecdsa-user)"
  echo "rsa@example.com namespaces=\"git,file\" $(pub rsa-user)"
  echo "temp@example.com valid-before=\"20240102\" $(pub temp-user)"
} > "$OUT/allowed_signers"

# ---- repository -----------------------------------------------------------------------------------
git init -q -b main "$REPO"; cd "$REPO"
git config gpg.ssh.allowedSignersFile "$OUT/allowed_signers"
T=1704110400   # 2024-01-01T12:00:00Z; every object one hour after the one before
# sign SIGNER: sets SIGN (git -c options) and OPT (the commit's -S option); SIGNER is none | ssh:NAME | gpg:FPR | gpgx:FPR
sign() {
  case $1 in
    none)   SIGN=(); OPT=() ;;
    ssh:*)  SIGN=(-c gpg.format=ssh -c "user.signingKey=$OUT/ssh/${1#ssh:}"); OPT=(-S) ;;
    gpg:*)  SIGN=(-c gpg.format=openpgp -c "gpg.program=$OUT/bin/gpg-fixed"); OPT=("-S${1#gpg:}") ;;
    gpgx:*) SIGN=(-c gpg.format=openpgp -c "gpg.program=$OUT/bin/gpg-expiring"); OPT=("-S${1#gpgx:}") ;;
  esac
}
who() {  # who NAME EMAIL
  T=$((T + 3600))
  export GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 GIT_COMMITTER_NAME=$1 GIT_COMMITTER_EMAIL=$2
  export GIT_AUTHOR_DATE="@$T +0000" GIT_COMMITTER_DATE="@$T +0000"
}
expect() { printf '%s\t%s\n' "$1" "$2" >> "$OUT/cases.txt"; }
# commit SIGNER NAME EMAIL LETTER SUBJECT [BODY]
commit() {
  who "$2" "$3"; sign "$1"
  echo "$5" >> "${FILE:-app.txt}"; git add -A
  git "${SIGN[@]}" commit -q "${OPT[@]}" -m "$5" ${6:+-m "$6"}
  expect "$5" "$4"
}
# replace HEAD by a copy whose message is edited after signing: the signature no longer matches
tamper() {
  local new
  new=$(git cat-file commit HEAD | sed 's/limit 100/limit 900/' | git hash-object -t commit -w --stdin)
  git update-ref HEAD "$new"
}

commit none  'Alice Example' alice@example.com N 'C01 initial commit, unsigned'
commit ssh:alice 'Alice Example' alice@example.com G 'C02 ssh ed25519, trusted'
commit gpg:$BOB 'Bob Builder' bob@example.com G 'C03 openpgp eddsa, trusted'
commit gpg:$CAROL 'Carol Rivest' carol@example.com G 'C04 openpgp rsa 3072, trusted'
commit gpg:$NINA 'Nina Curve' nina@example.com G 'C05 openpgp ecdsa p-256, trusted'
commit gpg:$SAMSUB! 'Sam Subkey' sam@example.com G 'C06 openpgp signing subkey, trusted'
commit ssh:ecdsa-user 'Erin Ecdsa' ecdsa@example.com G 'C07 ssh ecdsa p-256, trusted'
commit ssh:rsa-user 'Ravi Rsa' rsa@example.com G 'C08 ssh rsa 3072, trusted'
commit ssh:mallory 'Mallory Intruder' mallory@example.com U 'C09 ssh key not in the allowed signers'
commit gpg:$DAVE 'Dave Unknown' dave@example.com E 'C10 openpgp key not in the keyring'
commit ssh:alice 'Alice Example' alice@example.com B 'C11 ssh, message edited after signing: limit 100'; tamper
commit gpg:$BOB 'Bob Builder' bob@example.com B 'C12 openpgp, message edited after signing: limit 100'; tamper
commit gpg:$EVE 'Eve Expired' eve@example.com Y 'C13 openpgp key expired since'
commit gpg:$ROB 'Rob Revoked' rob@example.com R 'C14 openpgp key revoked since'
commit gpgx:$XENA 'Xena Shortsig' xena@example.com X 'C15 openpgp signature expired since'
commit ssh:temp-user 'Tess Temp' temp@example.com U 'C16 ssh key used after its valid-before date'
commit ssh:alice 'Alice Example' alice@example.com G 'C17 ssh, a body line starts with gpgsig' 'gpgsig is a word this body starts a line with.'
# C18: a gpgsig-sha256 header added beside a good gpgsig: git leaves it out of the signed payload
commit ssh:alice 'Alice Example' alice@example.com G 'C18 ssh, with an extra gpgsig-sha256 header'
new=$(git cat-file commit HEAD | awk '!done && /^ -----END SSH SIGNATURE-----$/ {print; print "gpgsig-sha256 -----BEGIN SSH SIGNATURE-----"; print " bm90IGEgc2lnbmF0dXJl"; print " -----END SSH SIGNATURE-----"; done=1; next} {print}' | git hash-object -t commit -w --stdin)
git update-ref HEAD "$new"

who 'Bob Builder' bob@example.com; sign gpg:$BOB
git "${SIGN[@]}" tag -s -m 'Release 1.0' v1.0;                       expect 'tag v1.0' G
who 'Alice Example' alice@example.com
git tag -a -m 'Pre-release, annotated, unsigned' v1.0-rc.1 HEAD~3;   expect 'tag v1.0-rc.1' N

git checkout -q -b feature
FILE=feature.txt commit ssh:alice 'Alice Example' alice@example.com G 'C19 feature work, ssh'
who 'Carol Rivest' carol@example.com; sign gpg:$CAROL
git "${SIGN[@]}" tag -s -m 'Feature ready' feature-1;                expect 'tag feature-1' G
git checkout -q main
FILE=main.txt commit none 'Alice Example' alice@example.com N 'C20 parallel main work, unsigned'
who 'Alice Example' alice@example.com; sign ssh:alice
git "${SIGN[@]}" merge -q --no-ff -S -m 'C21 merge of the signed tag feature-1 (mergetag header), ssh' feature-1
expect 'C21 merge of the signed tag feature-1 (mergetag header), ssh' G

# the trust, as the release's tree holds it (Rob's key carries its revocation)
quiet gpg --batch --import "$SIGNHOME/openpgp-revocs.d/$ROB.rev" 2>/dev/null || {
  sed 's/^:-----BEGIN/-----BEGIN/' "$SIGNHOME/openpgp-revocs.d/$ROB.rev" > "$OUT/rob.rev"; quiet gpg --batch --import "$OUT/rob.rev"; }
for key in "bob:$BOB" "carol:$CAROL" "nina:$NINA" "sam:$SAM" "eve:$EVE" "rob:$ROB" "xena:$XENA"; do
  gpg --armor --export "${key#*:}" > "$OUT/keys/${key%%:*}.asc" 2>/dev/null
  GNUPGHOME=$VERIFYHOME quiet gpg --batch --import "$OUT/keys/${key%%:*}.asc"
  echo "${key#*:}:6:" | GNUPGHOME=$VERIFYHOME quiet gpg --batch --import-ownertrust
done
gpg --armor --export "$DAVE" > "$OUT/dave.asc"   # for tests that bring their own trust
mkdir -p regulatory/keys
cp "$OUT/allowed_signers" regulatory/allowed_signers
cp "$OUT"/keys/*.asc regulatory/keys/
printf 'releases: {tag_pattern: "v*"}\ntrust: {allowed_signers: regulatory/allowed_signers, openpgp_keys: regulatory/keys}\n' > dossier.yml
FILE=main.txt commit ssh:alice 'Alice Example' alice@example.com G 'C22 trust: allowed signers and OpenPGP keys'

who 'Alice Example' alice@example.com; sign ssh:alice
git "${SIGN[@]}" tag -s -m 'Release 1.1' v1.1;                       expect 'tag v1.1' G
git tag v1.1-light;                                                  expect 'tag v1.1-light' N
tampered=$(git cat-file tag v1.1 | sed 's/^tag v1.1$/tag v1.1-edited/; s/Release 1.1/Release 1.1, edited/' | git mktag)
git update-ref refs/tags/v1.1-edited "$tampered";                    expect 'tag v1.1-edited' B
printf 'BOB=%s\nCAROL=%s\nNINA=%s\nSAM=%s\nSAMSUB=%s\nEVE=%s\nROB=%s\nXENA=%s\nDAVE=%s\n' \
  "$BOB" "$CAROL" "$NINA" "$SAM" "$SAMSUB" "$EVE" "$ROB" "$XENA" "$DAVE" > "$OUT/fingerprints.txt"
