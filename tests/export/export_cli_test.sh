#!/usr/bin/env bash
# `claimtrace export` end to end on articles we wrote (tests/export/articles.jsonl:
# five fictional reports; ex-3 and ex-4 are byte-identical copies of ex-1 and
# ex-2, ex-5 reprints ex-1 with one more paragraph). Checks the GDELT 2.0
# Events (61 columns) and Mentions (16 columns) layouts, actor code
# decomposition, CAMEO codes kept as strings, Goldstein and QuadClass from
# data/cameo/, story counts against `claimtrace stories`, JSONL round trip
# against `claimtrace show`, the CSV header, stdout output and errors.
# Usage: CLAIMTRACE=path/to/claimtrace export_cli_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
DATA="$TESTS/../data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, expected $2)"; fi
}
DB="$TMP/t.db"

"$CT" ingest "$TESTS/export/articles.jsonl" --db "$DB" --quiet
check "ingest exits 0" 0 $?
"$CT" events --db "$DB" --limit 0 --format jsonl >"$TMP/events.jsonl"
"$CT" stories --db "$DB" --limit 0 >"$TMP/stories.json"

"$CT" export --db "$DB" --format gdelt-events -o "$TMP/ev.tsv"; check "gdelt-events exits 0" 0 $?
"$CT" export --db "$DB" --format gdelt-mentions -o "$TMP/mn.tsv"; check "gdelt-mentions exits 0" 0 $?
"$CT" export --db "$DB" --format jsonl -o "$TMP/docs.jsonl"; check "jsonl exits 0" 0 $?
"$CT" export --db "$DB" --format csv -o "$TMP/ev.csv"; check "csv exits 0" 0 $?
"$CT" export --db "$DB" --format gdelt-events -o - >"$TMP/ev.stdout.tsv"; check "-o - exits 0" 0 $?
cmp -s "$TMP/ev.tsv" "$TMP/ev.stdout.tsv" && pass "-o - writes the same to stdout" || fail "-o - differs"

python3 - "$TMP" "$DATA" <<'PY' && pass "gdelt-events: 61 columns, codes, actors, Goldstein, QuadClass, geo, story counts" || fail "gdelt-events content"
import json, sys
tmp, data = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(tmp + "/ev.tsv")]
events = [json.loads(l) for l in open(tmp + "/events.jsonl")]
assert rows and len(rows) == len(events), (len(rows), len(events))
for r in rows:
    assert len(r) == 61, (len(r), r)
assert all(e["goldstein"] is not None for e in events), "the store fills Goldstein at write time"
ids = [r[0] for r in rows]
assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids), ids
# Goldstein and QuadClass as the CAMEO tables say.
gold = {}
for l in open(data + "/cameo/event_codes.tsv"):
    if l.startswith("#") or not l.strip(): continue
    c = l.rstrip("\n").split("\t"); gold[c[0]] = float(c[3])
quad = {}
for l in open(data + "/cameo/quad_class.tsv"):
    if l.startswith("#") or not l.strip(): continue
    c = l.rstrip("\n").split("\t"); quad[c[0]] = c[1]
for r, e in zip(rows, events):
    code, base, root = r[26], r[27], r[28]
    assert code == e["code"] and base == code[:3] and root == code[:2], r[25:31]
    assert r[29] == quad[root], (r[29], root)
    assert r[30] != "" and abs(float(r[30]) - gold[code]) < 1e-6, (r[30], code)
    assert r[5] == e["source"], (r[5], e)
    assert r[15] == (e["target"] or ""), (r[15], e)
    assert r[1] == e["published"].replace("-", "") and r[2] == r[1][:6] and r[3] == r[1][:4], r[:5]
    assert len(r[59]) == 14 and r[59].isdigit(), r[59]
    assert r[25] in ("0", "1")
by_code = {}
for r in rows: by_code.setdefault((r[5], r[26]), r)
# "042" keeps its leading zero; base and root codes likewise.
r = by_code[("RUSGOV", "042")]
assert (r[26], r[27], r[28], r[29]) == ("042", "042", "04", "1"), r[25:31]
assert r[25] == "1", "the visit is in the lead paragraph"
# Actor decomposition: country + type; international type + known group.
assert (r[7], r[8], r[12], r[13]) == ("RUS", "", "GOV", ""), r[5:15]
assert r[6] == "Russian foreign minister", r[6]
assert r[60] == "https://harborwire.example/2031/05/06/visit", r[60]
un = by_code[("IGOUNO", "020")]  # "urged both sides to negotiate": an appeal
assert (un[7], un[8], un[12]) == ("", "UNO", "IGO"), un[5:15]
assert (un[27], un[28], un[29]) == ("020", "02", "1"), un[25:31]
assert un[25] == "0", "second paragraph is not the lead"
mil = by_code[("UKRMIL", "194")]
assert (mil[7], mil[12]) == ("UKR", "MIL") and mil[29] == "4" and float(mil[30]) < 0, mil
reb = by_code[("SYRREB", "190")]
assert (reb[7], reb[12], reb[15], reb[17], reb[22]) == ("SYR", "REB", "UKRMIL", "UKR", "MIL"), reb
# ActionGeo from the event's place entity (Idlib, geocoded by the lexicon).
assert reb[52] == "Idlib" and reb[51] in ("4", "5") and reb[53] == "SY", reb[51:59]
assert reb[56] and reb[57] and abs(float(reb[56]) - 35.9) < 1 and abs(float(reb[57]) - 36.6) < 1, reb[51:59]
assert mil[52] == "Donetsk" and mil[53] == "UA", mil[51:59]
# NumMentions/NumSources/NumArticles = the story's reports/outlets/origins.
stories = json.load(open(tmp + "/stories.json"))
story_of = {d: s for s in stories for d in s["documents"]}
for r, e in zip(rows, events):
    s = story_of[e["doc"]]
    assert (int(r[31]), int(r[32]), int(r[33])) == (s["reports"], s["outlets"], s["origins"]), (r[31:34], s)
    assert int(r[31]) >= 2, "every event here is reported at least twice (copies)"
assert r[34] == "", "AvgTone is left empty"
PY

python3 - "$TMP" <<'PY' && pass "gdelt-mentions: 16 columns, one per report, Confidence from certainty, Extras" || fail "gdelt-mentions content"
import json, sys
tmp = sys.argv[1]
ev = {l.split("\t")[0]: l.rstrip("\n").split("\t") for l in open(tmp + "/ev.tsv")}
rows = [l.rstrip("\n").split("\t") for l in open(tmp + "/mn.tsv")]
for r in rows:
    assert len(r) == 16, (len(r), r)
    assert r[0] in ev, r[0]
    assert r[1] == ev[r[0]][59], "EventTimeDate = the event's DATEADDED"
    assert len(r[2]) == 14 and r[3] == "1", r
    assert r[15].startswith("<CLAIMTRACE ") and r[15].endswith("/>"), r[15]
# ex-1 and ex-2 events: once for the document and once for its copy.
from collections import Counter
n = Counter(r[0] for r in rows)
events = [json.loads(l) for l in open(tmp + "/events.jsonl")]
copies = {"ex-1": 1, "ex-2": 1, "ex-5": 0}
assert sum(n.values()) == sum(1 + copies[e["doc"]] for e in events), (n, len(events))
conf = {"asserted": "100", "reported": "80", "alleged": "40", "speculative": "30", "denied": "10"}
for r in rows:
    cert = r[15].split('certainty="')[1].split('"')[0]
    assert r[11] == conf[cert], (r[11], cert)
alleged = [r for r in rows if 'certainty="alleged"' in r[15]]
assert alleged and all(r[11] == "40" for r in alleged), alleged
assert any('source="the Russian government"' in r[15] for r in alleged), alleged
assert {r[4] for r in rows if r[0] == alleged[0][0]} == {"Kessa Courier", "Mirror Desk"}
assert any(r[5] == "ex-4" for r in rows), "a copy without URL is identified by its id"
PY

# JSONL: one line per stored record (copies included), equal to `show --format json`.
python3 - "$TMP/docs.jsonl" "$CT" "$DB" <<'PY' && pass "jsonl round trip equals show" || fail "jsonl vs show"
import json, subprocess, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert sorted(d["id"] for d in lines) == ["ex-1", "ex-2", "ex-3", "ex-4", "ex-5"], [d["id"] for d in lines]
for d in lines:
    shown = json.loads(subprocess.run([sys.argv[2], "show", d["id"], "--db", sys.argv[3], "--format", "json"],
                                      check=True, capture_output=True).stdout)
    assert d == shown, d["id"]
assert any(e.get("geo") for d in lines for e in d["entities"]), "entity geo is kept in the store"
PY
"$CT" analyze "$TESTS/export/articles.jsonl" --output-format jsonl >"$TMP/analyze.jsonl" 2>/dev/null
python3 - "$TMP/docs.jsonl" "$TMP/analyze.jsonl" <<'PY' && pass "jsonl export equals analyze (layers and geo survive the store)" || fail "jsonl vs analyze"
import json, sys
a = {d["id"]: d for d in map(json.loads, open(sys.argv[1]))}
b = {d["id"]: d for d in map(json.loads, open(sys.argv[2]))}
assert a.keys() == b.keys(), (a.keys(), b.keys())
for k in a:
    assert a[k] == b[k], k
PY

python3 - "$TMP/ev.csv" "$TMP/events.jsonl" <<'PY' && pass "csv: header, one row per event, codes as text" || fail "csv content"
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0][:8] == ["global_event_id", "doc", "event", "published", "outlet", "source_code", "source_text", "code"], rows[0]
events = [json.loads(l) for l in open(sys.argv[2])]
assert len(rows) - 1 == len(events), (len(rows), len(events))
h = rows[0]
body = [dict(zip(h, r)) for r in rows[1:]]
assert all(len(r) == len(h) for r in rows)
assert any(r["code"] == "042" and r["root_code"] == "04" and r["goldstein"] for r in body), body
assert [(r["doc"], r["event"]) for r in body] == [(e["doc"], e["id"]) for e in events]
PY

# PETRARCH issues: ingest --dictionaries with an issues file stores each
# event's issues; the events query, CSV and GDELT Mentions list them (the
# GDELT Events table has no column for them: still 61 columns).
P="$TMP/petrarch"
mkdir -p "$P"
printf -- '---  PRAISE   [051]  ---\nPRAISE\n' >"$P/our.verbs.txt"
printf 'NORTHLAND [NOR]\nSOUTHLAND [SOU]\n' >"$P/our.actors.txt"
printf '<ISSUE CATEGORY="FARMING" TYPE="ALL">\nn:tractor [MACHINES]\n</ISSUE>\n' >"$P/our.IssueCoding.txt"
cat >"$TMP/issues.jsonl" <<'EOF2'
{"id": "is-1", "title": "Praise", "published": "2026-11-20", "outlet": "Test Desk", "text": "Northland praised Southland for its new tractors on Monday.\n\nNorthland praised Southland again."}
EOF2
IDB="$TMP/issues.db"
"$CT" ingest "$TMP/issues.jsonl" --db "$IDB" --quiet --dictionaries "petrarch:$P"
check "ingest --dictionaries petrarch: exits 0" 0 $?
"$CT" events --db "$IDB" --format json >"$TMP/is.events.json"
"$CT" export --db "$IDB" --format csv -o "$TMP/is.csv" && \
"$CT" export --db "$IDB" --format gdelt-mentions -o "$TMP/is.mn.tsv" && \
"$CT" export --db "$IDB" --format gdelt-events -o "$TMP/is.ev.tsv"
check "exports of a store with issues exit 0" 0 $?
python3 - "$TMP" <<'PY' && pass "issues: stored, in the events query, CSV and Mentions Extras" || fail "issues in the store"
import csv, json, sys
tmp = sys.argv[1]
ev = json.load(open(tmp + "/is.events.json"))
assert [(e["code"], e["issues"]) for e in ev] == [("051", "FARMING:MACHINES"), ("051", None)], ev
rows = list(csv.DictReader(open(tmp + "/is.csv", newline="")))
assert [r["issues"] for r in rows] == ["FARMING:MACHINES", ""], rows
mn = [l.rstrip("\n").split("\t") for l in open(tmp + "/is.mn.tsv")]
assert len(mn) == 2 and 'issues="FARMING:MACHINES"' in mn[0][15] and "issues=" not in mn[1][15], mn
assert all(len(l.rstrip("\n").split("\t")) == 61 for l in open(tmp + "/is.ev.tsv"))
PY

# Errors: a missing store, an unwritable output, an unknown format.
"$CT" export --db "$TMP/missing.db" --format csv -o "$TMP/x.csv" 2>/dev/null
check "missing store exits 1" 1 $?
[ ! -e "$TMP/missing.db" ] && pass "export never creates a store" || fail "missing.db created"
"$CT" export --db "$DB" --format csv -o "$TMP/no/such/dir/x.csv" 2>"$TMP/err"
check "unwritable output exits 1" 1 $?
grep -q "cannot write" "$TMP/err" && pass "unwritable output named" || fail "error: $(cat "$TMP/err")"
"$CT" export --db "$DB" --format gdelt -o "$TMP/x" 2>/dev/null
check "unknown format exits 2" 2 $?
"$CT" export --db "$DB" --format csv 2>/dev/null
check "-o is required" 2 $?

if [ "$FAILS" -ne 0 ]; then echo "$FAILS failed"; exit 1; fi
echo "all passed"
