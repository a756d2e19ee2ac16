#!/usr/bin/env bash
# Builds the signature benchmark repository: N signed commits (default 10,000), half signed with an SSH ed25519
# key, half with an OpenPGP ed25519 key, made by the real ssh-keygen and gpg, plus the trust both git and dossier
# are given.
#
# Usage: bench/make-signed.sh DEST [N]
# Layout of DEST: repo/ (the repository; refs/heads/main), allowed_signers, keys/signer.asc (the OpenPGP public
# key), gnupg/ (a keyring holding that key with ultimate trust, for git), range.txt (ROOT..main).
#
# The signed commits all have the same parent, an empty root commit, so their payloads are known before any is
# signed: ssh-keygen signs its half in one process, gpg its half in a loop (two at a time). Octopus merges of 100
# signed commits each (unsigned) make them reachable from main.
set -euo pipefail
die() { echo "make-signed: $*" >&2; exit 2; }
[ $# -ge 1 ] || die "usage: $0 DEST [N]"
dest=$1; n=${2:-10000}
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
gpg --batch --passphrase '' --quick-gen-key 'Sam Signer <sam@example.com>' ed25519 sign 0 2>/dev/null
fpr=$(gpg --with-colons --list-keys sam@example.com 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}')
echo "$fpr:6:" | gpg --batch --import-ownertrust 2>/dev/null
gpg --armor --export "$fpr" > "$dest/keys/signer.asc"

git init -q -b main "$dest/repo"
cd "$dest/repo"
empty=$(git hash-object -t tree -w /dev/null)
root=$(GIT_AUTHOR_NAME=Root GIT_AUTHOR_EMAIL=root@example.com GIT_COMMITTER_NAME=Root GIT_COMMITTER_EMAIL=root@example.com \
       GIT_AUTHOR_DATE='@1704067200 +0000' GIT_COMMITTER_DATE='@1704067200 +0000' git commit-tree "$empty" -m 'Root')

# the payloads
python3 - "$dest/work" "$n" "$empty" "$root" <<'PY'
import os, sys
work, n, tree, root = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
os.makedirs(work + "/p", exist_ok=True)
for i in range(n):
    t = 1704070800 + i * 60
    who = "Sam Signer <sam@example.com>" if i % 2 else "Signer <signer@example.com>"
    body = ("tree %s\nparent %s\nauthor %s %d +0000\ncommitter %s %d +0000\n\nChange %d\n\nChange-Request: CR-%d\n"
            % (tree, root, who, t, who, t, i, i % 50))
    with open("%s/p/%05d" % (work, i), "w") as f:
        f.write(body)
PY
# SSH: the even payloads, in one ssh-keygen process; OpenPGP: the odd ones, two gpg processes at a time
ls "$dest/work/p" | sed "s|^|$dest/work/p/|" > "$dest/work/all"
awk 'NR % 2 == 1' "$dest/work/all" | xargs ssh-keygen -q -Y sign -n git -f "$dest/work/ssh-key" 2>/dev/null
awk 'NR % 2 == 0' "$dest/work/all" | xargs -P 2 -I{} gpg --batch --quiet --armor --detach-sign -u "$fpr" -o {}.sig {}
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
