#!/usr/bin/env bash
# make-history.sh DEST - build the git history of the PD Remote Monitor sample project.
#
# Creates a git repository at DEST (which must not exist, or be an empty directory): 43 commits by
# five developers on main and two merged feature branches, signed with SSH and OpenPGP keys (a few
# unsigned), and three signed release tags v1.0.0, v1.1.0 and v2.0.0. Dates, identities and keys
# are fixed, so every run yields the same commit and tag ids.
#
# Reads, next to this script (README.md describes the layout):
#   releases/<release>/        every file of the project as it stands at that release's tag
#   steps/<release>/NN-*/step  one commit, merge or tag: who, when, on which branch, what, and the message
#   steps/<release>/NN-*/...   a file's version this step commits that was changed again before <release>
#   keys/                      throwaway demo signing keys (see keys/README.md)
# This script only copies those files into the work tree, commits, signs and tags.
#
# Needs git >= 2.34, gpg 2.2+, ssh-keygen (OpenSSH >= 8.2); no network. HOME and GNUPGHOME point
# into a private temporary directory, so your git configuration and keyrings are neither read nor
# changed. Prints nothing but errors, and one summary line at the end.
set -euo pipefail

die() { echo "make-history.sh: $*" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: make-history.sh DEST" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEST=$1
if [ -e "$DEST" ]; then
  [ -d "$DEST" ] && [ -z "$(ls -A "$DEST")" ] || die "$DEST exists and is not an empty directory"
fi
mkdir -p "$(dirname "$DEST")"
DEST=$(cd "$(dirname "$DEST")" && pwd)/$(basename "$DEST")

for tool in git gpg gpgconf ssh-keygen; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
gitv=$(git --version | sed -n 's/^git version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
read -r gmaj gmin <<<"${gitv:-0 0}"
[ "$gmaj" -gt 2 ] || { [ "$gmaj" -eq 2 ] && [ "$gmin" -ge 34 ]; } || die "git >= 2.34 needed (ssh signing)"

# ---- isolated environment ------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pdrm-history.XXXXXX")
cleanup() {
  GNUPGHOME="$WORK/gnupg" gpgconf --kill gpg-agent >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export HOME=$WORK/home GNUPGHOME=$WORK/gnupg
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TZ=UTC LC_ALL=C
unset SSH_AUTH_SOCK             # sign with the key files only, never with a running ssh-agent
umask 022
mkdir -p "$HOME" "$WORK/bin" "$WORK/ssh"
install -d -m 700 "$GNUPGHOME"

# quiet CMD...: run CMD, show its output only when it fails
quiet() { "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }; }

# ---- keys ----------------------------------------------------------------------------------------
for f in "$HERE"/keys/*.sec.asc; do quiet gpg --batch --import "$f"; done
gpg_fpr() { gpg --with-colons --list-secret-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }
JONAS_FPR=$(gpg_fpr jonas.weber@rheinrenal.example)     # OpenPGP ed25519
PRIYA_FPR=$(gpg_fpr priya.raman@rheinrenal.example)     # OpenPGP RSA 3072
for k in anna-berger martin-keller lena-fischer; do     # ssh-keygen refuses keys readable by others
  install -m 600 "$HERE/keys/${k}_ed25519" "$WORK/ssh/${k}_ed25519"
  install -m 644 "$HERE/keys/${k}_ed25519.pub" "$WORK/ssh/${k}_ed25519.pub"
done

# git runs "gpg --status-fd=2 -bsau KEY" to sign; make the signature time the committer date.
cat > "$WORK/bin/gpg-fixed-time" <<'EOF'
#!/bin/sh
case " $* " in
  *" -bsau "*) t=${GIT_COMMITTER_DATE#@}; exec gpg --faked-system-time "${t%% *}!" "$@" ;;
  *) exec gpg "$@" ;;
esac
EOF
chmod 755 "$WORK/bin/gpg-fixed-time"

# ---- people --------------------------------------------------------------------------------------
# identity WHO[/unsigned] "YYYY-MM-DD HH:MM +hhmm": sets author, committer, date and the signing options
# SIGN (git -c options) and SIGNKEY (what -S / -u takes); empty when unsigned.
identity() {
  local who=${1%/unsigned} signer
  case $who in
    anna)       NAME="Anna Berger";   EMAIL=anna.berger@rheinrenal.example;   signer=ssh:anna-berger ;;
    martin)     NAME="Martin Keller"; EMAIL=martin.keller@rheinrenal.example; signer=ssh:martin-keller ;;
    martin-old) NAME="Martin Keller"; EMAIL=m.keller@rrs-medical.example;     signer=ssh:martin-keller ;;
    lena)       NAME="Lena Fischer";  EMAIL=lena.fischer@rheinrenal.example;  signer=ssh:lena-fischer ;;
    jonas)      NAME="Jonas Weber";   EMAIL=jonas.weber@rheinrenal.example;   signer=gpg:$JONAS_FPR ;;
    priya)      NAME="Priya Raman";   EMAIL=priya.raman@rheinrenal.example;   signer=gpg:$PRIYA_FPR ;;
    *) die "unknown person $who" ;;
  esac
  [ "$1" = "$who" ] || signer=none
  case $signer in
    none)  SIGN=(); SIGNKEY= ;;
    ssh:*) SIGNKEY=$WORK/ssh/${signer#ssh:}_ed25519; SIGN=(-c gpg.format=ssh -c "user.signingKey=$SIGNKEY") ;;
    gpg:*) SIGNKEY=${signer#gpg:}; SIGN=(-c gpg.format=openpgp -c "gpg.program=$WORK/bin/gpg-fixed-time") ;;
  esac
  local date=${2% *} zone=${2##* }
  local when="@$(epoch "${date% *}" "${date#* }" "$zone") $zone"
  export GIT_AUTHOR_NAME=$NAME GIT_AUTHOR_EMAIL=$EMAIL GIT_AUTHOR_DATE=$when
  export GIT_COMMITTER_NAME=$NAME GIT_COMMITTER_EMAIL=$EMAIL GIT_COMMITTER_DATE=$when
}
# epoch YYYY-MM-DD HH:MM +hhmm -> seconds since 1970 (pure bash, no date(1) dialects)
epoch() {
  local y=$((10#${1:0:4})) m=$((10#${1:5:2})) d=$((10#${1:8:2})) z=$3 off
  ((m > 2)) || y=$((y - 1))
  local era=$((y / 400)) yoe=$((y % 400)) mp=$(((m + 9) % 12))
  local doe=$((yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + d - 1))
  off=$(((10#${z:1:2} * 60 + 10#${z:3:2}) * 60)); [ "${z:0:1}" = + ] || off=$((-off))
  echo $(((era * 146097 + doe - 719468) * 86400 + 10#${2:0:2} * 3600 + 10#${2:3:2} * 60 - off))
}

# ---- steps ---------------------------------------------------------------------------------------
# A step file is a header of "key: value" lines, a blank line, then the commit or tag message:
#   author: WHO            one of the people above (anna, martin, martin-old, lena, jonas, priya)
#   date: YYYY-MM-DD HH:MM +hhmm
#   signed: no             (optional) an unsigned commit; without it the step is signed with WHO's key
#   branch: NAME           the branch it lands on; created from the current HEAD if new
#   file: PATH             (any number) commit PATH: the step folder's copy, else releases/<release>/PATH
#   remove: PATH           (any number) delete PATH
#   merge: BRANCH          a --no-ff merge commit of BRANCH instead of a commit
#   tag: NAME              a signed annotated tag on HEAD instead of a commit
# After a tag the work tree must equal releases/<tag>/ exactly.
step() {
  local dir=$1 release=$2 line key value f src who= date= unsigned= merge= tag=
  local -a files=() removes=()
  while IFS= read -r line && [ -n "$line" ]; do
    key=${line%%: *}; value=${line#*: }
    case $key in
      author) who=$value ;;
      date)   date=$value ;;
      signed) [ "$value" = yes ] || unsigned=/unsigned ;;
      branch) if git show-ref -q --verify "refs/heads/$value"; then git checkout -q "$value"
              else git checkout -q -b "$value"; fi ;;
      file)   files+=("$value") ;;
      remove) removes+=("$value") ;;
      merge)  merge=$value ;;
      tag)    tag=$value ;;
      *) die "$dir/step: unknown key '$key'" ;;
    esac
  done < "$dir/step"
  sed '1,/^$/d' "$dir/step" > "$WORK/msg"
  identity "$who$unsigned" "$date"
  for f in "${files[@]}"; do
    src=$HERE/releases/$release/$f; [ -e "$dir/$f" ] && src=$dir/$f
    [ -e "$src" ] || die "$dir/step: no file $f in the step or in releases/$release"
    mkdir -p "$(dirname "$f")"; cp "$src" "$f"
  done
  [ ${#removes[@]} -eq 0 ] || git rm -q "${removes[@]}"
  if [ -n "$tag" ]; then
    git "${SIGN[@]}" tag -s -u "$SIGNKEY" --cleanup=whitespace -F "$WORK/msg" "$tag"
    diff -r -x .git "$HERE/releases/$tag" . >&2 || die "the tree at $tag differs from releases/$tag (above)"
  elif [ -n "$merge" ]; then
    git "${SIGN[@]}" merge -q --no-ff --cleanup=whitespace "-S$SIGNKEY" -F "$WORK/msg" "$merge"
  else
    git add -A
    if [ -n "$SIGNKEY" ]; then
      git "${SIGN[@]}" commit -q --cleanup=whitespace "-S$SIGNKEY" -F "$WORK/msg"
    else
      git commit -q --cleanup=whitespace --no-gpg-sign -F "$WORK/msg"
    fi
  fi
}

REPO=$WORK/repo
git init -q -b main "$REPO"
cd "$REPO"
for dir in "$HERE"/steps/*/*/; do
  dir=${dir%/}
  step "$dir" "$(basename "$(dirname "$dir")")"
done
[ -z "$(git status --porcelain)" ] || die "work tree not clean at the end"

unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
git checkout -q main
git for-each-ref --format='%(refname:short)' refs/heads | grep -vx main | xargs -r git branch -q -D
cd /
if [ -d "$DEST" ]; then rmdir "$DEST"; fi
mv "$REPO" "$DEST"
echo "sample-project: $(git -C "$DEST" rev-list --count HEAD) commits, tags $(git -C "$DEST" tag | paste -sd ' ' -); \
HEAD = $(git -C "$DEST" rev-parse HEAD) in $DEST"
