#!/usr/bin/env bash
# `claimtrace link` is incremental and its ids are stable: the scenario of
# examples/kessa-missiles.jsonl ingested in two parts, plus a lightly edited
# reprint of the first report by another outlet (written here), must give the
# same stories as one ingest of everything; the main story keeps its id when
# the second part joins it; the reprint joins its original's near-duplicate
# group (one origin, one more outlet); --no-link leaves documents unlinked
# (with a warning) until `link` runs. Usage: CLAIMTRACE=bin link_incremental_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SCENARIO="$TESTS/../examples/kessa-missiles.jsonl"
python3 - "$SCENARIO" "$TMP" <<'PY' || { echo "FAIL split"; exit 1; }
import json, sys
src, tmp = sys.argv[1:]
recs = [json.loads(l) for l in open(src) if l.strip()]
reprint = {"id": "r13", "outlet": "Bay Chronicle", "published": "2031-03-06",
           "title": "Missiles delivered to Kessa port, source says",
           "text": "KESSA (Bay Chronicle) - A source in the port authority told The Kessa Courier "
                   "on Monday that a shipment of anti-ship missiles was unloaded at the port of "
                   "Kessa overnight.\nThe source said the crates were taken to a warehouse near "
                   "the northern pier."}
first = [r for r in recs if r["id"] in ("r01", "r02", "r03", "r04", "r05", "r06", "r12")]
second = [r for r in recs if r not in first] + [reprint]
for name, part in (("first", first), ("second", second), ("all", recs + [reprint])):
    with open(f"{tmp}/{name}.jsonl", "w") as f:
        for r in part:
            f.write(json.dumps(r) + "\n")
PY
"$CT" ingest --db "$TMP/inc.db" "$TMP/first.jsonl" --quiet || { echo "FAIL ingest 1"; exit 1; }
"$CT" stories --db "$TMP/inc.db" >"$TMP/before.json" || { echo "FAIL stories 1"; exit 1; }
"$CT" ingest --db "$TMP/inc.db" "$TMP/second.jsonl" --quiet || { echo "FAIL ingest 2"; exit 1; }
"$CT" stories --db "$TMP/inc.db" >"$TMP/after.json" || { echo "FAIL stories 2"; exit 1; }
"$CT" link --db "$TMP/inc.db" 2>"$TMP/relink.txt" || { echo "FAIL link"; exit 1; }
"$CT" ingest --db "$TMP/once.db" "$TMP/all.jsonl" --quiet || { echo "FAIL ingest once"; exit 1; }
"$CT" stories --db "$TMP/once.db" >"$TMP/once.json" || { echo "FAIL stories once"; exit 1; }
"$CT" ingest --db "$TMP/late.db" "$TMP/all.jsonl" --quiet --no-link || { echo "FAIL ingest late"; exit 1; }
"$CT" stories --db "$TMP/late.db" >"$TMP/unlinked.json" 2>"$TMP/unlinked.err" || { echo "FAIL stories late"; exit 1; }
"$CT" link --db "$TMP/late.db" 2>/dev/null || { echo "FAIL link late"; exit 1; }
"$CT" stories --db "$TMP/late.db" >"$TMP/late.json" || { echo "FAIL stories late 2"; exit 1; }
"$CT" link --db "$TMP/no-such.db" 2>/dev/null && { echo "FAIL link created a store"; exit 1; }
[ -e "$TMP/no-such.db" ] && { echo "FAIL link created a store file"; exit 1; }
python3 - "$TMP" <<'PY'
import json, os, sys
d = sys.argv[1]
load = lambda n: json.load(open(os.path.join(d, n)))
def story_of(stories, doc):
    return next(s for s in stories if doc in s["documents"])
def partition(stories):
    return sorted(sorted(s["documents"]) for s in stories)
before, after, once, late = load("before.json"), load("after.json"), load("once.json"), load("late.json")
main_before, main = story_of(before, "r05"), story_of(after, "r05")
assert main["id"] == main_before["id"], (main_before["id"], main["id"])
assert sorted(main["documents"]) == ["r%02d" % i for i in range(1, 12)] + ["r13"], main["documents"]
assert main["reports"] == 12, main
# r03 is a byte copy of r02, r11 of r07, r13 a near-duplicate of r01: 9 groups.
assert main["groups"] == 9, main
assert main["origins"] == 4, main  # the reprint adds no origin...
assert main["outlets"] == 12, main  # ...but one more outlet spreading it
assert partition(after) == partition(once) == partition(late), (after, once, late)
relink = open(os.path.join(d, "relink.txt")).read()
assert "nothing new to link (" in relink, relink
assert "not linked yet" in open(os.path.join(d, "unlinked.err")).read()
assert all(len(s["documents"]) <= 2 for s in load("unlinked.json")), "unlinked documents were clustered"
print("ok incremental linking")
PY
