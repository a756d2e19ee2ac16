#!/usr/bin/env bash
# Builds the signature benchmark repository: N signed commits (default 10,000), made by the real ssh-keygen and
# gpg, plus the trust both git and dossier are given. KIND says how they are signed:
#   mixed    (default) half with an SSH ed25519 key, half with an OpenPGP ed25519 key
#   rsa4096  all with OpenPGP RSA-4096 keys, two of them taking turns (two signers, as in a real team)
#
# Usage: bench/make-signed.sh DEST [N] [KIND]
# Layout of DEST: repo/ (the repository; refs/heads/main), allowed_signers, keys/*.asc (the OpenPGP public keys),
# gnupg/ (a keyring holding those keys with ultimate trust, for git), range.txt (ROOT..main).
#
# The signed commits all have the same parent, an empty root commit, so their payloads are known before any is
# signed: ssh-keygen signs its half in one process, gpg its commits in a loop (two at a time). Octopus merges of 100
# signed commits each (unsigned) make them reachable from main. The RSA keys come from a fixed batch of
# parameters (names, creation date, no expiry): their primes, so fingerprints and signatures, differ from build to
# build, the commits' payloads and the verdicts do not.
set -euo pipefail
die() { echo "make-signed: $*" >&2; exit 2; }
[ $# -ge 1 ] || die "usage: $0 DEST [N] [mixed|rsa4096]"
dest=$1; n=${2:-10000}; kind=${3:-mixed}
case $kind in mixed|rsa4096) ;; *) die "unknown kind '$kind' (mixed or rsa4096)";; esac
[ -e "$dest" ] && die "$dest exists; remove it first"
for tool in git gpg gpgconf ssh-keygen python3; do command -v $tool >/dev/null || die "$tool not found"; done
mkdir -p "$dest"; dest=$(cd "$dest" && pwd)
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export HOME=$dest/home GNUPGHOME=$dest/gnupg GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TZ=UTC LC_ALL=C
unset SSH_AUTH_SOCK
mkdir -p "$HOME" "$dest/keys" "$dest/work"
install -d -m 700 "$GNUPGHOME"
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true' EXIT

ssh-keygen -q -t ed25519 -N '' -C signer@example.com -f "$dest/work/ssh-key"
printf 'signer@example.com namespaces="git" %s\n' "$(cut -d' ' -f1,2 "$dest/work/ssh-key.pub")" > "$dest/allowed_signers"
if [ "$kind" = mixed ]; then
    gpg --batch --passphrase '' --quick-gen-key 'Sam Signer <sam@example.com>' ed25519 sign 0 2>/dev/null
else
    for who in "Sam Signer:sam@example.com" "Ria Signer:ria@example.com"; do
        printf '%s\n' '%no-protection' 'Key-Type: RSA' 'Key-Length: 4096' 'Key-Usage: sign' "Name-Real: ${who%%:*}" \
            "Name-Email: ${who#*:}" 'Creation-Date: 20240101T000000' 'Expire-Date: 0' '%commit' |
            gpg --batch --gen-key 2>/dev/null
    done
fi
fpr() { gpg --with-colons --list-keys "$1" 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}'; }
for email in sam@example.com ria@example.com; do
    f=$(fpr "$email") || true
    [ -n "$f" ] || continue
    echo "$f:6:" | gpg --batch --import-ownertrust 2>/dev/null
    gpg --armor --export "$f" > "$dest/keys/${email%@*}.asc"
done
sam=$(fpr sam@example.com)
[ -n "$sam" ] || die "gpg made no key"

git init -q -b main "$dest/repo"
cd "$dest/repo"
empty=$(git hash-object -t tree -w /dev/null)
root=$(GIT_AUTHOR_NAME=Root GIT_AUTHOR_EMAIL=root@example.com GIT_COMMITTER_NAME=Root GIT_COMMITTER_EMAIL=root@example.com \
       GIT_AUTHOR_DATE='@1704067200 +0000' GIT_COMMITTER_DATE='@1704067200 +0000' git commit-tree "$empty" -m 'Root')

# the payloads
python3 - "$dest/work" "$n" "$empty" "$root" "$kind" <<'PY'
import os, sys
work, n, tree, root, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
os.makedirs(work + "/p", exist_ok=True)
for i in range(n):
    t = 1704070800 + i * 60
    if kind == "mixed":
        who = "Sam Signer <sam@example.com>" if i % 2 else "Signer <signer@example.com>"
    else:
        who = "Sam Signer <sam@example.com>" if i % 2 else "Ria Signer <ria@example.com>"
    body = ("tree %s\nparent %s\nauthor %s %d +0000\ncommitter %s %d +0000\n\nChange %d\n\nChange-Request: CR-%d\n"
            % (tree, root, who, t, who, t, i, i % 50))
    with open("%s/p/%05d" % (work, i), "w") as f:
        f.write(body)
PY
ls "$dest/work/p" | sed "s|^|$dest/work/p/|" > "$dest/work/all"
if [ "$kind" = mixed ]; then
    # SSH: the even payloads, in one ssh-keygen process; OpenPGP: the odd ones, two gpg processes at a time
    awk 'NR % 2 == 1' "$dest/work/all" | xargs ssh-keygen -q -Y sign -n git -f "$dest/work/ssh-key" 2>/dev/null
    awk 'NR % 2 == 0' "$dest/work/all" | xargs -P 2 -I{} gpg --batch --quiet --armor --detach-sign -u "$sam" -o {}.sig {}
else
    # RSA-4096: the even payloads by Ria's key, the odd ones by Sam's, two gpg processes at a time
    ria=$(fpr ria@example.com)
    awk 'NR % 2 == 1' "$dest/work/all" | xargs -P 2 -I{} gpg --batch --quiet --armor --detach-sign -u "$ria" -o {}.sig {}
    awk 'NR % 2 == 0' "$dest/work/all" | xargs -P 2 -I{} gpg --batch --quiet --armor --detach-sign -u "$sam" -o {}.sig {}
fi
# the commit objects: the signature as a gpgsig header before the blank line
python3 - "$dest/work" "$n" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
os.makedirs(work + "/c", exist_ok=True)
with open(work + "/paths", "w") as paths:
    for i in range(n):
        payload = open("%s/p/%05d" % (work, i)).read()
        sig = open("%s/p/%05d.sig" % (work, i)).read().rstrip("\n").split("\n")
        head, rest = payload.split("\n\n", 1)
        obj = head + "\ngpgsig " + "\n ".join(sig) + "\n\n" + rest
        path = "%s/c/%05d" % (work, i)
        with open(path, "w") as f:
            f.write(obj)
        paths.write(path + "\n")
PY
git hash-object -t commit -w --stdin-paths < "$dest/work/paths" > "$dest/work/ids"
# octopus merges of 100 signed commits each make them reachable from main
python3 - "$dest/work/ids" "$root" <<'PY' | git fast-import --quiet
import sys
ids = open(sys.argv[1]).read().split()
prev = sys.argv[2]
t = 1800000000
for k in range(0, len(ids), 100):
    msg = "Merge %d-%d\n" % (k, k + 99)
    print("commit refs/heads/main")
    print("committer Merger <merger@example.com> %d +0000" % (t + k))
    print("data %d\n%s" % (len(msg), msg))
    if k == 0:
        print("from %s" % prev)
    for c in ids[k:k + 100]:
        print("merge %s" % c)
    print("deleteall")
    print()
PY
git rev-parse -q --verify refs/heads/main >/dev/null || die "fast-import made no main branch"
echo "$root..main" > "$dest/range.txt"
rm -rf "$dest/work"
