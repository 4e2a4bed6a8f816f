#!/usr/bin/env bash
# Store schema version 3 and the query verbs end to end, on articles we wrote
# (tests/store/events.jsonl): places, outlets and claims tables; every filter
# on every verb that takes it; formats and --limit; a version-2 store
# migrated in place equals a store written by ingest; re-ingest skips stored
# records before analysis; progress bar on a terminal, --quiet.
# Usage: CLAIMTRACE=path/to/claimtrace store_schema_test.sh TESTS_DIR
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
IN="$TESTS/store/events.jsonl"
DB="$TMP/t.db"

"$CT" ingest "$IN" --db "$DB" --quiet 2>"$TMP/quiet.err"
check "ingest exits 0" 0 $?
[ ! -s "$TMP/quiet.err" ] && pass "--quiet prints nothing" || fail "--quiet: $(cat "$TMP/quiet.err")"

# The tables of version 3, read directly (what other programs see).
python3 - "$DB" <<'PY' && pass "places, outlets and claims tables" || fail "v3 tables"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql, *a: db.execute(sql, a).fetchall()
assert q("PRAGMA user_version")[0][0] >= 3
# Idlib is named by ev-1 and ev-3: one place, both entities point to it.
idlib = q("SELECT place, name, country, feature, round(lat, 2) FROM places WHERE geonameid = 169389")
assert idlib == [(idlib[0][0], "Idlib", "SY", "PPLA", 35.93)], idlib
assert q("SELECT count(*) FROM entities WHERE place = ?", idlib[0][0])[0][0] == 2
# One row per GeoNames place; a place without an id (a county, a placed
# site) is one row per name, country and feature.
assert q("SELECT count(geonameid) - count(DISTINCT geonameid) FROM places")[0][0] == 0
assert q("SELECT count(*) FROM (SELECT 1 FROM places WHERE geonameid IS NULL "
         "GROUP BY name, country, feature HAVING count(*) > 1)")[0][0] == 0
# Every geocoded entity has its place, and only those.
assert q("SELECT count(*) FROM entities WHERE (feature IS NULL) <> (place IS NULL)")[0][0] == 0
# Events reference the place of their location entity.
bad = q("SELECT count(*) FROM events v JOIN entities e ON e.doc = v.doc AND e.n = v.location "
        "WHERE v.place IS NOT e.place")
assert bad[0][0] == 0, bad
assert q("SELECT count(*) FROM events WHERE place IS NOT NULL")[0][0] >= 3
# "Reuters" and "reuters" are one outlet; TASS is cited as a source (a media outlet).
outlets = dict(q("SELECT key, outlet FROM outlets"))
assert "reuters" in outlets and "kyiv independent" in outlets and "tass" in outlets, outlets
assert {r[0] for r in q("SELECT outlet_id FROM documents WHERE id IN ('ev-1', 'ev-3')")} \
    == {outlets["reuters"]}
# One claim per attribution, the via chain spelled out, TASS linked to its outlet row.
assert q("SELECT count(*) FROM claims")[0][0] == q("SELECT count(*) FROM attributions")[0][0]
chains = {r[0] for r in q("SELECT chain FROM claims")}
assert "an anonymous official via TASS" in chains, chains
tass = q("SELECT count(*) FROM claims WHERE source_outlet = ?", outlets["tass"])[0][0]
assert tass == 2, tass
PY

# Filters, verb by verb. ids NAME ARGS... prints the sorted doc/id pairs.
ids() {
  "$CT" "$@" --db "$DB" --format jsonl | python3 -c "
import json, sys
def key(r):
    if 'doc' in r:
        return r['doc'] + '/' + r['id']
    return r['id'] if 'id' in r else r['source']
print(' '.join(sorted(key(r) for r in map(json.loads, sys.stdin))))"
}
expect() {  # expect NAME EXPECTED VERB ARGS...
  local name=$1 want=$2
  shift 2
  got=$(ids "$@")
  [ "$got" = "$want" ] && pass "$name" || fail "$name: got '$got', want '$want'"
}
expect "events --place Idlib" "ev-1/v1" events --place Idlib
expect "events --place is case-insensitive" "ev-1/v1" events --place idlib
expect "events --place GeoNames id" "ev-1/v1" events --place 169389
expect "events --place Belgorod" "ev-2/v2 ev-2/v3" events --place Belgorod
expect "events --actor prefix" "ev-1/v1 ev-1/v2" events --actor SYR
expect "events --target" "ev-2/v2" events --target UKR
expect "events --code prefix" "ev-2/v2" events --code 11
expect "events --root" "ev-1/v1 ev-1/v2 ev-2/v3" events --root 19
expect "events --outlet (any case)" "ev-1/v1 ev-1/v2" events --outlet REUTERS
expect "events --since/--until" "ev-2/v1 ev-2/v2 ev-2/v3" events --since 2026-10-06 --until 2026-10-06
expect "events --certainty" "ev-2/v3" events --certainty alleged
expect "events --source-kind" "ev-2/v2" events --source-kind outlet
expect "claims --place: claims reporting an event there" "ev-2/a2 ev-2/a3" claims --place Belgorod
expect "claims --root" "ev-1/a1 ev-1/a2 ev-2/a2" claims --root 19
expect "claims --actor" "ev-2/a1" claims --actor UKRGOV
expect "claims --target and --code" "ev-2/a3" claims --target UKR --code 112
expect "claims --outlet" "ev-3/a1 ev-3/a2" claims --outlet reuters --since 2026-10-07
expect "claims --certainty --source-kind" "ev-1/a2 ev-2/a4" claims --certainty reported --source-kind anonymous
expect "search --place" "ev-2" search minister --place kyiv
expect "search --place, no match" "" search minister --place Idlib
expect "search --outlet" "ev-1 ev-3" search Idlib --outlet Reuters

"$CT" sources --db "$DB" --format json >"$TMP/src.json"
python3 - "$TMP/src.json" <<'PY' && pass "sources: TASS cited twice, an outlet" || fail "sources: $(cat "$TMP/src.json")"
import json, sys
rows = {r["source"]: r for r in json.load(open(sys.argv[1]))}
t = rows["TASS"]
assert t["claims"] == 2 and t["documents"] == 2 and t["outlet"] == "TASS" and t["kind"] == "outlet", t
PY
expect "sources --place" "Russia TASS" sources --place Belgorod
"$CT" stats --db "$DB" --format json >"$TMP/stats.json"
python3 - "$TMP/stats.json" <<'PY' && pass "stats: outlets that publish and outlets that are cited" || fail "stats outlets: $(cat "$TMP/stats.json")"
import json, sys
s = json.load(open(sys.argv[1]))
o = {r["outlet"]: (r["documents"], r["cited"]) for r in s["outlets"]}
assert o == {"Reuters": (2, 0), "The Kyiv Independent": (1, 0), "TASS": (0, 2)}, o
t = s["totals"]
assert t["schema_version"] >= 3 and t["outlets"] == 3 and t["places"] >= 5, t
assert t["claims"] == t["attributions"] == 10, t
PY
got=$("$CT" sources --root 11 --db "$DB" --format jsonl | python3 -c "import json,sys; print([r['source'] for r in map(json.loads, sys.stdin)])")
[ "$got" = "['TASS']" ] && pass "sources --root" || fail "sources --root: $got"
got=$("$CT" entities --actor SYR --db "$DB" --format jsonl | python3 -c "import json,sys; print(sorted(r['name'] for r in map(json.loads, sys.stdin)))")
[ "$got" = "['Idlib', 'Sarāqib', 'Syrian']" ] && pass "entities --actor" || fail "entities --actor: $got"
got=$("$CT" entities --type GPE --outlet reuters --db "$DB" --format jsonl | python3 -c "import json,sys; r={x['name']: x for x in map(json.loads, sys.stdin)}; print(r['Idlib']['documents'], r['Idlib']['geonameid'])")
[ "$got" = "2 169389" ] && pass "entities --type --outlet, with place" || fail "entities: $got"
"$CT" entities --code 19 --db "$DB" >/dev/null 2>&1; check "a filter a verb does not take is a usage error" 2 $?

# Every table verb in every format, and --limit.
for verb in claims events entities sources "search Idlib"; do
  for fmt in table json jsonl csv; do
    COLUMNS=70 "$CT" $verb --db "$DB" --format $fmt --limit 2 >"$TMP/out" 2>"$TMP/err" || fail "$verb --format $fmt: $(cat "$TMP/err")"
    python3 - "$fmt" "$TMP/out" <<'PY' || fail "$verb --format $fmt --limit 2: $(head -3 "$TMP/out")"
import csv, json, sys
fmt, path = sys.argv[1:]
text = open(path, encoding="utf-8").read()
if fmt == "json":
    n = len(json.loads(text))
elif fmt == "jsonl":
    n = len([json.loads(l) for l in text.splitlines()])
elif fmt == "csv":
    n = len(list(csv.reader(text.splitlines()))) - 1
else:
    lines = text.splitlines()
    assert max(len(l) for l in lines) <= 70, lines  # fits COLUMNS
    n = len(lines) - 1  # the header
assert n == 2, n
PY
  done
done
pass "every verb in every format, --limit 2, tables fit COLUMNS=70"

# A version-2 store (as written before migration 3) is migrated in place, and
# the backfilled rows equal those ingest writes.
cp "$DB" "$TMP/v2.db"
python3 - "$TMP/v2.db" <<'PY' || fail "could not make a version-2 store"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.create_function("claimtrace_text", 1, lambda b: None)
# Undo migrations 3 (places/outlets/claims), 4 (link_documents), 5 (event
# time spans), 6 (entity roles, capital metonymy) and 7 (event issues): a
# store as version 2 wrote it.
version = db.execute("PRAGMA user_version").fetchone()[0]
for sql in ["DROP INDEX documents_outlet_id", "DROP INDEX events_place",
            "ALTER TABLE documents DROP COLUMN outlet_id", "ALTER TABLE copies DROP COLUMN outlet_id",
            "ALTER TABLE entities DROP COLUMN place", "ALTER TABLE events DROP COLUMN place",
            "DROP TABLE claims", "DROP TABLE outlets", "DROP TABLE places",
            "DROP TABLE IF EXISTS link_documents",
            "ALTER TABLE events DROP COLUMN time_start", "ALTER TABLE events DROP COLUMN time_end",
            "ALTER TABLE entities DROP COLUMN role", "ALTER TABLE entities DROP COLUMN stands_for",
            "ALTER TABLE mentions DROP COLUMN metonymic", "DROP TABLE IF EXISTS event_issues"]:
    db.execute(sql)
db.execute("PRAGMA user_version = 2")
db.commit()
PY
"$CT" stats --db "$TMP/v2.db" --check --format json >"$TMP/v2.stats" 2>"$TMP/v2.check"
check "opening a version-2 store migrates it" 0 $?
python3 - "$DB" "$TMP/v2.db" <<'PY' && pass "migrated store equals the ingested one (places, outlets, claims)" || fail "migration backfill differs"
import sqlite3, sys
def rows(path):
    db = sqlite3.connect(path)
    q = lambda sql: sorted(db.execute(sql).fetchall(), key=repr)
    return {
        "version": q("PRAGMA user_version"),
        "places": q("SELECT geonameid, name, lat, lon, country, admin1, feature FROM places"),
        "entity places": q("SELECT e.doc, e.n, p.geonameid, p.name FROM entities e "
                           "JOIN places p ON p.place = e.place"),
        "event places": q("SELECT v.doc, v.n, p.geonameid, p.name FROM events v "
                          "JOIN places p ON p.place = v.place"),
        "outlets": q("SELECT key FROM outlets"),
        "document outlets": q("SELECT d.id, o.key FROM documents d LEFT JOIN outlets o "
                              "ON o.outlet = d.outlet_id"),
        "claims": q("SELECT c.doc, c.n, source_name, source_key, o.key, depth, chain FROM claims c "
                    "LEFT JOIN outlets o ON o.outlet = c.source_outlet"),
    }
a, b = rows(sys.argv[1]), rows(sys.argv[2])
for k in a:
    assert a[k] == b[k], (k, a[k], b[k])
assert a["claims"] and a["event places"]
PY

# Re-ingest: every record is recognised before analysis and skipped.
"$CT" ingest "$IN" --db "$DB" 2>"$TMP/again.err"; check "re-ingest exits 0" 0 $?
grep -q "3 records.*0 stored, 0 copies, 3 skipped" "$TMP/again.err" \
  && pass "re-ingest: 3 skipped" || fail "re-ingest summary: $(cat "$TMP/again.err")"

# Progress on a terminal: documents, rate, bytes, ETA, errors (script(1)
# gives the run a terminal; the line is drawn at most every 250 ms, so feed
# enough records to see one).
python3 - "$IN" "$TMP/many.jsonl" <<'PY'
import json, sys
base = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for i in range(600):
        r = dict(base[i % len(base)])
        r["id"] = f"p-{i}"
        r["text"] = r["text"] + f"\n\nUpdate {i}: the report was filed at {i % 24}:00."
        out.write(json.dumps(r) + "\n")
PY
if script -qec "true" /dev/null >/dev/null 2>&1; then
  script -qec "$CT ingest $TMP/many.jsonl --db $TMP/tty.db --threads 1 --batch-size 8" "$TMP/tty.log" >/dev/null 2>&1
  grep -aEq '[0-9]+ documents +[0-9]+/s +[0-9.]+ MB +ETA [0-9?hms]+ +[0-9]+ errors' "$TMP/tty.log" \
    && pass "progress line on a terminal" || fail "progress: $(tr '\r' '\n' <"$TMP/tty.log" | head -5)"
  script -qec "$CT ingest $TMP/many.jsonl --db $TMP/tty2.db --quiet --threads 1 --batch-size 8" "$TMP/tty2.log" >/dev/null 2>&1
  ! grep -aq "documents" "$TMP/tty2.log" && pass "--quiet: no progress on a terminal" || fail "--quiet on a terminal"
else
  echo "skip progress tests: script(1) cannot allocate a terminal here"
fi
"$CT" ingest "$TMP/many.jsonl" --db "$TMP/pipe.db" 2>"$TMP/pipe.err" >/dev/null
! grep -q "ETA" "$TMP/pipe.err" && pass "no progress line when stderr is not a terminal" || fail "progress on a pipe"

echo "$FAILS failure(s)"
[ "$FAILS" -eq 0 ]
