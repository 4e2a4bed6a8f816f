#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Corpora live in fuzz-corpus/ (git-ignored), seeded from our own fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p fuzz-corpus/jsonl fuzz-corpus/segment fuzz-corpus/user_lexicon
cp data/lexicon/organizations.tsv data/lexicon/people.tsv fuzz-corpus/user_lexicon/
for f in tests/golden/articles/*.txt examples/*.txt; do
  cp "$f" "fuzz-corpus/segment/$(basename "$f")"
  python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[1]).read()}))' "$f" \
    >"fuzz-corpus/jsonl/$(basename "$f").jsonl"
done
for target in fuzz_jsonl fuzz_segment fuzz_user_lexicon; do
  dir=fuzz-corpus/${target#fuzz_}
  echo "== $target ($SECONDS_PER_TARGET s)"
  build/fuzz/tests/fuzz/$target "$dir" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
    -print_final_stats=1 2>&1 | tail -n 12
done
