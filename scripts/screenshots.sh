#!/usr/bin/env bash
# Screenshots of the demo's documents, opened in headless Chromium (`make screenshots`, after `make demo`).
#
# Usage: scripts/screenshots.sh DEMO_DIR
# Writes DEMO_DIR/screenshots/*.png: the top of the SUF, of the DHF and of the diff, the risk heat map, the software
# and security architecture, the DHF's trends and a requirement's trace picture, each 1280 pixels wide, for a person
# to look at.
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
# The pictures: the risk heat map of the SUF, and a requirement's trace as dossier trace --format svg draws it.
shot dist/dossier/v2.0.0/picture-risk-matrix.svg risk-heat-map 900
shot dist/dossier/v2.0.0/picture-architecture.svg architecture 700
shot dist/dossier/v2.0.0/picture-security-architecture.svg security-architecture 800
shot dist/dossier/dhf/picture-trends.svg dhf-trends 900
# (The trace is written beside the screenshots, not into the bundle, whose manifest lists every file it holds.)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/.build/debug/dossier" trace REQ-20 --repo "$demo/pd-remote-monitor" --format svg >"$out/trace-REQ-20.svg" ||
    die "dossier trace REQ-20 --format svg failed"
shot screenshots/trace-REQ-20.svg trace-REQ-20 700
