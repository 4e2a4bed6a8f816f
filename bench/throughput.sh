#!/usr/bin/env bash
# Whole-corpus throughput of `claimtrace analyze` (JSONL in, JSONL out):
# articles/s, sentences/s, MB/s and peak RSS, measured by the shared scorer.
#
#   bench/throughput.sh [CORPUS.jsonl] [extra analyze args...]
#
# Default corpus: ../shared/data/corpus/all_news.jsonl (evaluation data, read
# in place, never copied into the repo). Run from the repository root after
# `cmake --build --preset release`.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/corpus/all_news.jsonl}
shift || true
BIN=build/release/claimtrace
[ -x "$BIN" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
if [ -f ../shared/eval/throughput.py ]; then
  ARGS=()
  [ $# -gt 0 ] && ARGS=(--args "$*")
  python3 ../shared/eval/throughput.py --bin "$BIN" --data "$CORPUS" "${ARGS[@]}"
else
  # Fallback without the scorer: wall time and peak RSS via GNU time.
  /usr/bin/time -v "$BIN" analyze --input-format jsonl --output-format jsonl "$@" "$CORPUS" \
    >/dev/null 2>/tmp/claimtrace-throughput.txt
  grep -E "Elapsed|Maximum resident" /tmp/claimtrace-throughput.txt
  echo "articles: $(wc -l <"$CORPUS")"
fi
echo "start-up (empty input, 20 runs):"
python3 - "$BIN" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(20):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "analyze", "--input-format", "jsonl", "--output-format", "jsonl", "-"],
                   input=b"", stdout=subprocess.DEVNULL, check=True)
    runs.append((time.perf_counter() - t) * 1000)
runs.sort()
print(f"startup_ms median={runs[len(runs)//2]:.2f} min={runs[0]:.2f}")
PY
