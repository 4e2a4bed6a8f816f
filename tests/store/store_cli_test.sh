#!/usr/bin/env bash
# Store verbs end to end on articles we wrote (tests/store/): ingest with a
# bad record, idempotent re-ingest, copies, search, filters, formats, show,
# stories. Usage: CLAIMTRACE=path/to/claimtrace store_cli_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, expected $2)"; fi
}
IN="$TESTS/store/articles.jsonl"
DB="$TMP/t.db"

# 6 lines: 5 valid records, 1 broken line (4); fx-3 reprints fx-1 with its
# own dateline, fx-5 is a byte-identical copy of fx-2; plus one text file.
"$CT" ingest "$IN" "$TESTS/store/brief.txt" --db "$DB" --errors "$TMP/err.jsonl" 2>"$TMP/stderr"
check "ingest with a bad record exits 1" 1 $?
grep -q "articles.jsonl:4" "$TMP/stderr" && pass "bad record named on stderr" || fail "stderr: $(cat "$TMP/stderr")"
python3 - "$TMP/err.jsonl" <<'PY' && pass "--errors has file, line, id, reason" || fail "--errors content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1, rows
r = rows[0]
assert r["file"].endswith("articles.jsonl") and r["line"] == 4 and r["reason"], r
assert set(r) == {"file", "line", "id", "reason"}, r
PY
grep -q "7 records.*5 stored, 1 copies, 0 skipped (already stored), 1 failed" "$TMP/stderr" \
  && pass "summary counts (records after the bad one still stored)" || fail "summary: $(tail -1 "$TMP/stderr")"

"$CT" stats --db "$DB" --format json >"$TMP/s1.json"; check "stats exits 0" 0 $?
"$CT" ingest "$IN" "$TESTS/store/brief.txt" --db "$DB" --quiet 2>/dev/null
check "re-ingest exits 1 (the bad line is still bad)" 1 $?
"$CT" stats --db "$DB" --format json >"$TMP/s2.json"
python3 - "$TMP/s1.json" "$TMP/s2.json" <<'PY' && pass "re-ingest stores nothing twice" || fail "re-ingest counts"
import json, sys
a, b = (json.load(open(p))["totals"] for p in sys.argv[1:])
assert a["documents"] == 5 and a["copies"] == 1, a
assert a == {**b}, (a, b)
PY

# A copy: the same body under another id is kept as a copy, not a document.
printf '%s\n' '{"id":"fx-copy","outlet":"Mirror Site","text":"The Velmora city council approved a budget of 40 million crowns on Friday.\n\nThe mayor said the plan would fund two schools and a new bridge, according to a statement."}' >"$TMP/copy.jsonl"
"$CT" ingest "$TMP/copy.jsonl" --db "$DB" 2>"$TMP/stderr"; check "ingest a copy exits 0" 0 $?
grep -q "1 records.*0 stored, 1 copies" "$TMP/stderr" && pass "copy counted" || fail "copy: $(cat "$TMP/stderr")"
"$CT" show fx-copy --db "$DB" --format json >"$TMP/copy.json"; check "show a copy" 0 $?
python3 -c "import json,sys; d=json.load(open('$TMP/copy.json')); assert d['outlet']=='Mirror Site' and d['id']=='fx-copy' and len(d['sentences'])>=2, d" \
  && pass "copy keeps its id and outlet, shares the text" || fail "copy show"

# Conflicting content under a stored id is an error, not an overwrite.
printf '%s\n' '{"id":"fx-1","text":"Something else entirely."}' >"$TMP/conflict.jsonl"
"$CT" ingest "$TMP/conflict.jsonl" --db "$DB" --errors "$TMP/err2.jsonl" 2>/dev/null
check "conflicting id exits 1" 1 $?
grep -q '"id":"fx-1".*different content' "$TMP/err2.jsonl" && pass "conflict reported" || fail "conflict report"

# Show: the stored text and sentences, as analyze would print them.
"$CT" show fx-1 --db "$DB" --format json >"$TMP/fx1.json"; check "show exits 0" 0 $?
"$CT" analyze "$IN" --output-format jsonl 2>/dev/null | head -1 >"$TMP/fx1.analyze.json"
python3 - "$TMP/fx1.json" "$TMP/fx1.analyze.json" <<'PY' && pass "show == analyze for a stored article" || fail "show vs analyze"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a == b, (a, b)
PY
"$CT" show nope --db "$DB" >/dev/null 2>&1; check "show unknown id exits 1" 1 $?
"$CT" stats --db "$TMP/missing.db" >/dev/null 2>&1; check "query on a missing store exits 1" 1 $?
[ ! -e "$TMP/missing.db" ] && pass "queries never create a store" || fail "missing.db created"

# Search: words, filters, formats.
"$CT" search "ferry traffic" --db "$DB" --format jsonl >"$TMP/q.jsonl"; check "search exits 0" 0 $?
python3 - "$TMP/q.jsonl" <<'PY' && pass "search finds both strike reports" || fail "search result"
import json, sys
ids = sorted(json.loads(l)["id"] for l in open(sys.argv[1]))
assert ids == ["fx-1", "fx-3"], ids
PY
"$CT" search "ferry" --outlet "Island Times" --db "$DB" --format csv >"$TMP/q.csv"
[ "$(wc -l <"$TMP/q.csv")" = 2 ] && grep -q '^fx-3,' "$TMP/q.csv" && pass "search --outlet filter, csv" || fail "search filter: $(cat "$TMP/q.csv")"
"$CT" search "budget" --until 2026-11-01 --db "$DB" --format json >"$TMP/q.json"
python3 -c "import json; r=json.load(open('$TMP/q.json')); assert [x['id'] for x in r]==['fx-2'], r" \
  && pass "search --until filter, json" || fail "search --until"
"$CT" search "zebra" --db "$DB" --format jsonl >"$TMP/none"; check "search without hits exits 0" 0 $?
[ ! -s "$TMP/none" ] && pass "no hits, no output" || fail "unexpected hits"
"$CT" search 'don"t (U.S.' --db "$DB" >/dev/null 2>&1; check "punctuation is not FTS syntax" 0 $?
COLUMNS=60 "$CT" search "Velmora" --db "$DB" --format table >"$TMP/t.txt"
python3 -c "import sys; L=open(sys.argv[1],encoding='utf-8').read().splitlines(); assert len(L)==4 and max(map(len,L))<=60" "$TMP/t.txt" && pass "table fits 60 columns" || fail "table width: $(cat "$TMP/t.txt")"
"$CT" search "x" --since 1/2/2026 --db "$DB" >/dev/null 2>&1; check "bad --since is a usage error" 2 $?
"$CT" claims --db "$DB" --format csv >/dev/null; check "claims exits 0" 0 $?
"$CT" events --db "$DB" --code 19 --format json >"$TMP/ev.json"; check "events exits 0" 0 $?
python3 -c "import json; assert json.load(open('$TMP/ev.json'))==[]" && pass "events json is an array" || fail "events json"
"$CT" entities --db "$DB" --format json >"$TMP/en.json"; check "entities exits 0" 0 $?
"$CT" sources --db "$DB" --source-kind anonymous --format jsonl >/dev/null; check "sources exits 0" 0 $?
"$CT" events --actor UKR --target SYR --place Idlib --root 19 --db "$DB" --format csv >"$TMP/ev.csv"
check "events with every filter exits 0" 0 $?
[ "$(head -1 "$TMP/ev.csv" | cut -c1-20)" = "doc,published,outlet" ] && pass "csv header" || fail "csv header: $(head -1 "$TMP/ev.csv")"
"$CT" claims --certainty maybe --db "$DB" >/dev/null 2>&1; check "bad --certainty is a usage error" 2 $?

# Stories: reprints grouped, ids are the input record ids.
"$CT" stories --db "$DB" --format json --limit 100 >"$TMP/st.json"; check "stories exits 0" 0 $?
python3 - "$TMP/st.json" <<'PY' && pass "stories group reprints and copies" || fail "stories: $(cat "$TMP/st.json")"
import json, sys
st = json.load(open(sys.argv[1]))
groups = sorted(sorted(s["documents"]) for s in st)
assert ["fx-1", "fx-3"] in groups, groups
assert ["fx-2", "fx-5", "fx-copy"] in groups, groups
assert ["fx-4"] in groups, groups
assert all("id" in s for s in st)
PY
"$CT" stories --db "$DB" --format json --limit 1 | python3 -c "import json,sys; assert len(json.load(sys.stdin))==1" \
  && pass "stories --limit" || fail "stories --limit"

"$CT" stats --db "$DB" --check >/dev/null 2>"$TMP/check"; check "stats --check exits 0" 0 $?
grep -q "integrity: ok" "$TMP/check" && pass "integrity ok" || fail "integrity: $(cat "$TMP/check")"

# Directories: article files only (the scripts next to them are not articles).
mkdir -p "$TMP/dir/sub" "$TMP/dir/.hidden"
cp "$TESTS/store/brief.txt" "$TMP/dir/sub/a.txt"
cp "$IN" "$TMP/dir/b.jsonl"
cp "$TESTS/store/crash_test.sh" "$TMP/dir/script.sh"
cp "$TESTS/store/brief.txt" "$TMP/dir/.hidden/c.txt"
"$CT" ingest "$TMP/dir" --db "$TMP/dir.db" 2>"$TMP/dir.err"
grep -q "7 records" "$TMP/dir.err" && pass "directory: .txt and .jsonl read, others skipped" || fail "directory: $(cat "$TMP/dir.err")"
# Quoted patterns are expanded by claimtrace ("**" spans directories), and
# .zst files are read like .gz ones.
mkdir -p "$TMP/glob/2024/05" "$TMP/glob/2024/06"
head -n 3 "$IN" | zstd -q -c >"$TMP/glob/2024/05/a.jsonl.zst"
head -n 2 "$IN" | gzip -c >"$TMP/glob/2024/06/b.jsonl.gz"
cp "$TESTS/store/brief.txt" "$TMP/glob/2024/c.txt"
"$CT" ingest "$TMP/glob/**/*.jsonl.*" --db "$TMP/glob.db" 2>"$TMP/glob.err"; check "ingest of a pattern exits 0" 0 $?
grep -q "5 records" "$TMP/glob.err" && pass "pattern: both record files and only them" || fail "pattern: $(cat "$TMP/glob.err")"
"$CT" ingest "$TMP/glob/*/0[5]/*.zst" --db "$TMP/glob2.db" 2>"$TMP/glob2.err"
grep -q "3 records" "$TMP/glob2.err" && pass "pattern with a class" || fail "pattern 2: $(cat "$TMP/glob2.err")"
"$CT" ingest "$TMP/glob/*.nothing" --db "$TMP/glob.db" 2>"$TMP/glob3.err"; check "pattern matching nothing exits 1" 1 $?
"$CT" ingest "$TMP/nope.jsonl" --db "$TMP/dir.db" 2>"$TMP/nope.err"; check "missing input exits 1" 1 $?
[ "$(grep -c "nope.jsonl" "$TMP/nope.err")" = 1 ] && ! grep -q "nope.jsonl: .*nope.jsonl" "$TMP/nope.err" \
  && pass "missing input named once" || fail "missing input: $(cat "$TMP/nope.err")"

echo "$FAILS failure(s)"
[ "$FAILS" -eq 0 ]
