#!/usr/bin/env bash
# Screenshots of the demo's documents, opened in headless Chromium (`make screenshots`, after `make demo`).
#
# Usage: scripts/screenshots.sh DEMO_DIR
# Writes DEMO_DIR/screenshots/*.png: the top of the SUF, of the DHF and of the diff, each
# 1280 pixels wide, for a person to look at.
set -euo pipefail
die() { echo "screenshots: $*" >&2; exit 2; }
[ $# -eq 1 ] || die "usage: $0 DEMO_DIR"
demo=$(cd "$1" && pwd) || die "no demo folder $1: run make demo first"
command -v chromium >/dev/null || die "chromium is missing: sudo apt-get install chromium"
out=$demo/screenshots
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shot() {  # shot PAGE NAME HEIGHT
    local page=$demo/$1
    [ -f "${page%%#*}" ] || die "no ${page%%#*}: run make demo first"
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$profile" \
        --hide-scrollbars --window-size=1280,"$3" --screenshot="$out/$2.png" "file://$page" >/dev/null 2>&1 ||
        die "chromium could not take $2.png"
    echo "$out/$2.png"
}
shot dist/dossier/v2.0.0/SUF-v2.0.0.html suf-v2.0.0 2400
shot dist/dossier/dhf/DHF.html dhf 2400
shot dist/diff-v1.1.0-v2.0.0.html diff-v1.1.0-v2.0.0 1600
