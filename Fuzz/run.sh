#!/usr/bin/env bash
# run.sh DRIVER SECONDS TARGET... - fuzz each target for SECONDS with the libFuzzer build DRIVER of dossier-fuzz,
# one after the other. Seeds are made afresh from the test fixtures (Fuzz/seeds.sh); what the fuzzer learns stays
# in .build-fuzz/corpus (never committed); Fuzz/dict/<target>.dict, when there is one, gives libFuzzer the format's
# tokens. Every input that crashes, hangs (10 s) or runs out of memory is written to Tests/Fixtures/fuzz/<target>/,
# which the test FuzzReplayTests replays; the run then exits 1 and names them.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: run.sh DRIVER SECONDS TARGET..." >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DRIVER=$1 SECONDS_EACH=$2; shift 2
WORK=$ROOT/.build-fuzz
"$ROOT"/Fuzz/seeds.sh "$WORK/seeds" > /dev/null
found=0
for target in "$@"; do
  kept=$ROOT/Tests/Fixtures/fuzz/$target
  mkdir -p "$WORK/corpus/$target" "$kept"
  before=$(ls "$kept" | wc -l)
  dict=(); [ -f "$ROOT/Fuzz/dict/$target.dict" ] && dict=(-dict="$ROOT/Fuzz/dict/$target.dict")
  # -fork=1 with -ignore_*: a crash is written and the run goes on for the whole time, so one run finds several.
  # No leak detection: FoundationXML leaks the error of every malformed XML document (CFError from libxml2). The
  # flag stops it in this process only; ASAN_OPTIONS reaches the processes -fork starts.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$DRIVER" "$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -detect_leaks=0 -artifact_prefix="$kept/" "${dict[@]}" \
    "$WORK/corpus/$target" "$WORK/seeds/$target" > "$WORK/$target.log" 2>&1 || true
  runs=$(grep -oE '^#[0-9]+' "$WORK/$target.log" | tail -n 1 | tr -d '#')
  rate=$(grep -oE 'exec/s: [0-9]+' "$WORK/$target.log" | tail -n 1 | grep -oE '[0-9]+')
  new=$(( $(ls "$kept" | wc -l) - before ))
  printf '%-16s %8s runs  %6s exec/s  %s new finding(s)  (log: %s)\n' "$target" "${runs:-?}" "${rate:-?}" "$new" "${WORK#"$ROOT"/}/$target.log"
  [ "$new" -eq 0 ] || found=1
done
if [ $found -ne 0 ]; then
  echo "new findings are in Tests/Fixtures/fuzz/<target>/ (git status shows them); make test replays them" >&2
  exit 1
fi
