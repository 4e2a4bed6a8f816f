#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Corpora live in fuzz-corpus/ (git-ignored), seeded from our own fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p fuzz-corpus/jsonl fuzz-corpus/segment fuzz-corpus/html fuzz-corpus/warc fuzz-corpus/feed fuzz-corpus/user_lexicon
cp data/lexicon/organizations.tsv data/lexicon/people.tsv fuzz-corpus/user_lexicon/
for f in tests/golden/articles/*.txt examples/*.txt; do
  cp "$f" "fuzz-corpus/segment/$(basename "$f")"
  python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[1]).read()}))' "$f" \
    >"fuzz-corpus/jsonl/$(basename "$f").jsonl"
done
# HTML seeds: our own fixture articles wrapped in a small page of ours.
for f in tests/golden/articles/*.txt; do
  python3 -c 'import html,sys; t=open(sys.argv[1]).read().split("\n\n"); print("<html lang=en><head><title>"+html.escape(t[0])+" | Desk</title></head><body><nav><a href=/>Home</a></nav><article><h1>"+html.escape(t[0])+"</h1>"+"".join("<p>"+html.escape(p)+"</p>" for p in t[1:])+"</article><footer>Desk</footer></body></html>")' "$f" \
    >"fuzz-corpus/html/$(basename "$f").html"
done
# WARC seeds: one small archive of ours (an HTML page of ours in a response record).
python3 - fuzz-corpus/warc/seed.warc <<'PY'
import sys
page = b"<html><body><p>The ferry runs every hour from the old pier, the harbour office said.</p></body></html>"
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
rec = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\nContent-Length: %d\r\n\r\n" % len(http)
open(sys.argv[1], "wb").write(rec + http + b"\r\n\r\n")
PY
# Feed seed: a small RSS feed of ours.
printf '%s' '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Pier</title><link>https://x.example/a</link><pubDate>Sun, 02 Mar 2031 09:00:00 GMT</pubDate><description>&lt;p&gt;The new pier opened on Sunday after two years of work.&lt;/p&gt;</description></item></channel></rss>' \
  >fuzz-corpus/feed/seed.rss
# Dictionary seeds (ours; the first byte picks the reader, see fuzz_dictionaries.cc):
# verbs, actors, options, and a compiled file made from them.
mkdir -p fuzz-corpus/dictionaries
printf '\000PRAISE [051]\n- * WARMLY [052]\n- $ * + IN &CITY [053]\nOPPOSE [112]\n' \
  >fuzz-corpus/dictionaries/seed-verbs
printf '\001NORTHLAND [NOR]\nNORTH_GUARD [NORMIL 991201-010114]\n[NORGOV >020101]\n' \
  >fuzz-corpus/dictionaries/seed-actors
printf '\003SET: MINIMUM WORDS = 3\nCOMMA: 2 10 2 10 255 0\n' >fuzz-corpus/dictionaries/seed-options
seed_dir=$(mktemp -d)
printf 'PRAISE [051]\n- * WARMLY [052]\n' >"$seed_dir/t.verbs"
printf 'NORTHLAND [NOR]\nSOUTHLAND [SOU]\n' >"$seed_dir/t.actors"
printf '<verbsfile> t.verbs\n<actorsfile> t.actors\n' >"$seed_dir/t.project"
if [ -x build/release/claimtrace ] &&
  build/release/claimtrace lexicon import tabari "$seed_dir/t.project" -o "$seed_dir/t.ctd" >/dev/null 2>&1; then
  { printf '\006'; cat "$seed_dir/t.ctd"; } >fuzz-corpus/dictionaries/seed-compiled
fi
rm -rf "$seed_dir"
# gzip member seeds: a few members of our own text, and one stored member.
mkdir -p fuzz-corpus/gzip_members
python3 - fuzz-corpus/gzip_members <<'PY'
import gzip, sys, zlib
d = sys.argv[1]
parts = [b"The ferry runs every hour from the old pier.\n" * k for k in (1, 3, 9, 27)]
open(d + "/members.gz", "wb").write(b"".join(gzip.compress(p, 6) for p in parts))
open(d + "/stored.gz", "wb").write(gzip.compress(gzip.compress(parts[1]) * 3, 0) + gzip.compress(parts[0]))
PY
for target in fuzz_jsonl fuzz_segment fuzz_user_lexicon fuzz_html fuzz_warc fuzz_gzip_members fuzz_feed fuzz_dictionaries; do
  dir=fuzz-corpus/${target#fuzz_}
  echo "== $target ($SECONDS_PER_TARGET s)"
  build/fuzz/tests/fuzz/$target "$dir" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
    -print_final_stats=1 2>&1 | tail -n 12
done
