#!/usr/bin/env bash
# seeds.sh OUT - write the seed corpus of every fuzz target into OUT/<target>/, from the test fixtures: the files
# under Tests/Fixtures and sample-project, the multi-line string literals of the unit tests, and signatures made
# afresh with the sample project's keys and by Tests/Fixtures/signature-cases.sh. Made at fuzz time, never committed.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: seeds.sh OUT" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
for t in sshsig openpgp allowed-signers yaml junit json csv template; do rm -rf "${OUT:?}/$t"; mkdir -p "$OUT/$t"; done
export TZ=UTC LC_ALL=C
SP=$ROOT/sample-project KT=$ROOT/Tests/DossierKitTests

# copy TARGET FILE...: each file as a seed named after its path.
copy() { local t=$1; shift; for f in "$@"; do cp "$f" "$OUT/$t/$(echo "${f#"$ROOT"/}" | tr / _)"; done; }
# literals TARGET TEST.swift...: every multi-line string literal of the tests, its indentation removed.
literals() {
  local t=$1; shift
  for f in "$@"; do
    awk -v out="$OUT/$t/$(basename "$f" .swift)" '
      !inside && /"""#*$/ && !/^[ \t]*"""#*$/ { inside = 1; n++; text = ""; next }
      inside && /^[ \t]*"""/ { match($0, /^[ \t]*/); gsub("\n" substr($0, 1, RLENGTH), "\n", text)
                               printf "%s", substr(text, RLENGTH + 1) > (out "-" n); close(out "-" n); inside = 0; next }
      inside { text = text $0 "\n" }' "$f"
  done
}

copy yaml "$SP"/dossier.yml "$SP"/regulatory/*.yml "$SP"/history/*/dossier.yml "$SP"/history/*/regulatory/*.yml \
  "$ROOT"/templates/init/*.yml "$ROOT"/Tests/Fixtures/threat-models/*.yaml
literals yaml "$KT"/RecordsUnitTests.swift
copy junit "$SP"/evidence/*.xml
literals junit "$KT"/JUnitReaderTests.swift
copy json "$ROOT"/Tests/Fixtures/sbom/*.json "$ROOT"/Tests/Fixtures/threat-models/*.json
literals json "$KT"/SBOMTests.swift "$KT"/TrackerExportTests.swift
literals csv "$KT"/TrackerExportTests.swift
copy template "$ROOT"/templates/*.mustache "$ROOT"/templates/init/*.mustache
literals template "$KT"/CompiledTemplateTests.swift
copy allowed-signers "$SP"/regulatory/allowed_signers
literals allowed-signers "$KT"/AllowedSignersTests.swift
copy openpgp "$SP"/regulatory/keys/*.asc

# SSH signatures by the sample project's keys, OpenPGP signatures by its secret keys (and each beside its key).
WORK=$(mktemp -d); trap 'GNUPGHOME=$WORK/gnupg gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
printf 'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nfuzz\n' > "$WORK/payload"
for key in "$SP"/keys/*_ed25519; do
  install -m 600 "$key" "$WORK/key"
  ssh-keygen -q -Y sign -n git -f "$WORK/key" < "$WORK/payload" > "$OUT/sshsig/$(basename "$key").sig"
  sed -e '1d' -e '$d' "$OUT/sshsig/$(basename "$key").sig" | base64 -d > "$OUT/sshsig/$(basename "$key").blob"
done
install -d -m 700 "$WORK/gnupg"
for key in "$SP"/keys/*.sec.asc; do
  name=$(basename "$key" .sec.asc)
  GNUPGHOME=$WORK/gnupg gpg -q --batch --import "$key" 2>/dev/null
  GNUPGHOME=$WORK/gnupg gpg -q --batch --pinentry-mode loopback --passphrase '' --armor --detach-sign \
    -o "$OUT/openpgp/$name.sig" "$WORK/payload" 2>/dev/null
  cat "$SP/regulatory/keys/$name.asc" "$OUT/openpgp/$name.sig" > "$OUT/openpgp/$name.key+sig"
done

# Every signature case of the signature tests (ed25519, ECDSA, RSA, security keys, OpenPGP subkeys, expiry).
if "$ROOT"/Tests/Fixtures/signature-cases.sh "$WORK/cases" > /dev/null 2>&1; then
  cp "$WORK"/cases/allowed_signers "$OUT/allowed-signers/signature-cases_allowed_signers"
  repo=$WORK/cases/repo
  for object in $(git -C "$repo" rev-list --all) $(git -C "$repo" for-each-ref --format='%(objectname)' refs/tags); do
    git -C "$repo" cat-file -p "$object" | awk '
      /^gpgsig / { sub(/^gpgsig /, ""); on = 1 } /^-----BEGIN (SSH|PGP) SIGNATURE/ { on = 1 }
      on { sub(/^ /, ""); print } /-----END/ { on = 0 }' > "$WORK/sig"
    if grep -q 'BEGIN SSH' "$WORK/sig"; then cp "$WORK/sig" "$OUT/sshsig/case-$object"
    elif grep -q 'BEGIN PGP' "$WORK/sig"; then cat "$WORK"/cases/keys/*.asc "$WORK/sig" > "$OUT/openpgp/case-$object"; fi
  done
else
  echo "seeds.sh: signature-cases.sh failed; the signature targets start from the sample project's signatures" >&2
fi
for t in sshsig openpgp allowed-signers yaml junit json csv template; do echo "$t: $(ls "$OUT/$t" | wc -l) seeds"; done
