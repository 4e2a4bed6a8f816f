#!/usr/bin/env bash
# Provenance golden test on a scenario we wrote (examples/kessa-missiles.jsonl):
# one rumour reprinted, cited and re-hedged by several fictional outlets, two
# independent confirmations, one copy of each kind, and an unrelated article.
# Expected: one story of 11 reports with 4 independent origins (the Courier's
# anonymous port source, the Ledger's unnamed reports, Mira Dovan, Tomas
# Berek), the citation chain Coastal Times -> Harbor Wire -> Kessa Courier,
# and the unrelated article apart. Usage: CLAIMTRACE=bin provenance_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/p.db"
"$CT" ingest --db "$DB" "$TESTS/../examples/kessa-missiles.jsonl" --quiet || { echo "FAIL ingest"; exit 1; }
"$CT" stories --db "$DB" >"$TMP/stories.json" || { echo "FAIL stories"; exit 1; }
"$CT" trace r05 --db "$DB" --format json >"$TMP/trace.json" || { echo "FAIL trace"; exit 1; }
"$CT" trace r05 --db "$DB" --format dot >"$TMP/trace.dot" || { echo "FAIL trace dot"; exit 1; }
"$CT" trace r05 --db "$DB" >"$TMP/trace.txt" || { echo "FAIL trace text"; exit 1; }
"$CT" trace no-such-id --db "$DB" >/dev/null 2>&1 && { echo "FAIL unknown id accepted"; exit 1; }
# Event clusters: the first cluster of the story traced on its own.
cluster=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['event_clusters'][0]['id'])" "$TMP/trace.json") \
  || { echo "FAIL no event cluster in the trace"; exit 1; }
"$CT" trace "$cluster" --db "$DB" --format json >"$TMP/cluster.json" || { echo "FAIL trace cluster"; exit 1; }
"$CT" trace "${cluster%%/*}/99:XXX>YYY@nowhere" --db "$DB" >/dev/null 2>&1 && { echo "FAIL unknown cluster accepted"; exit 1; }
# Claim clusters: the one about the crates traced on its own.
crates=$(python3 -c "import json,sys; print([c['id'] for c in json.load(open(sys.argv[1]))['claim_clusters'] if 'crates' in c['text']][0])" "$TMP/trace.json") \
  || { echo "FAIL no claim cluster about the crates"; exit 1; }
"$CT" trace "$crates" --db "$DB" --format json >"$TMP/claim.json" || { echo "FAIL trace claim cluster"; exit 1; }
"$CT" trace "${crates%%/*}/claim:no+such+claim" --db "$DB" >/dev/null 2>&1 && { echo "FAIL unknown claim cluster accepted"; exit 1; }
python3 - "$TMP" <<'PY'
import json, sys, os
d = sys.argv[1]
stories = json.load(open(os.path.join(d, "stories.json")))
main = stories[0]
assert sorted(main["documents"]) == ["r%02d" % i for i in range(1, 12)], main["documents"]
assert main["reports"] == 11 and main["grouping"] == "linked", main
assert main["origins"] == 4 and main["named_origins"] == 2 and main["anonymous_origins"] == 2, main
assert set(main["certainty"]) >= {"reported", "alleged"}, main["certainty"]
assert main["earliest"] == "2031-03-03", main
assert any(s["documents"] == ["r12"] for s in stories[1:]), stories
t = json.load(open(os.path.join(d, "trace.json")))
labels = {n["label"] for n in t["nodes"] if n["origin"]}
assert labels == {"A source in the port authority", "(unnamed reports)", "Mira Dovan", "Tomas Berek"}, labels
name = {i: n["label"] for i, n in enumerate(t["nodes"])}
edges = {(name[e["from"]], name[e["to"]]) for e in t["edges"]}
assert ("Coastal Times", "Harbor Wire") in edges, edges
assert ("Harbor Wire", "The Kessa Courier") in edges, edges
assert ("Northern Post", "The Kessa Courier") in edges, edges
alleged = [e for e in t["edges"] if name[e["from"]] == "Northern Post"]
assert alleged and alleged[0]["certainty"] == "alleged", alleged
dot = open(os.path.join(d, "trace.dot")).read()
assert dot.startswith("digraph provenance") and "->" in dot
txt = open(os.path.join(d, "trace.txt")).read()
assert "4 independent origins (2 named, 2 anonymous)" in txt, txt
clusters = t["event_clusters"]
assert clusters, "no event cluster"
for c in clusters:
    assert c["id"].startswith(t["id"] + "/"), c
    assert 1 <= c["reports"] <= t["reports"] and c["origins"] <= t["origins"], (c, t)
    assert c["mentions"] >= len(c["certainty"]) >= 1, c
one = json.load(open(os.path.join(d, "cluster.json")))
assert one["id"] == clusters[0]["id"] and one["reports"] == clusters[0]["reports"], (one, clusters[0])
assert one["origins"] == clusters[0]["origins"] and "event_clusters" not in one, one
# Claim clusters. The unloading is stated by every report (re-hedged by the
# Northern Post: a warning); the crates being moved rests on the Courier's
# port source alone, relayed by Harbor Wire and its copy.
claims = t["claim_clusters"]
unloaded = [c for c in claims if "unloaded" in c["text"]]
assert len(unloaded) == 1, claims
u = unloaded[0]
assert u["id"].startswith(t["id"] + "/claim:"), u
assert u["reports"] == 11 and u["origins"] == 4 and u["mixed_certainty"], u
assert "alleged" in u["certainty"] and "reported" in u["certainty"], u
assert u["earliest"] == "2031-03-03", u
crates = [c for c in claims if "crates" in c["text"]]
assert len(crates) == 1 and crates[0] is not u, claims
c = crates[0]
assert c["reports"] == 3 and c["origins"] == 1 and c["anonymous_origins"] == 1, c
assert not c["mixed_certainty"], c
assert len({x["id"] for x in claims}) == len(claims), claims
claim = json.load(open(os.path.join(d, "claim.json")))
assert claim["id"] == c["id"] and claim["origins"] == 1 and "claim_clusters" not in claim, claim
labels = {n["label"] for n in claim["nodes"] if n["origin"]}
assert labels == {"A source in the port authority"}, labels
assert "claim:" in dot and "shape=note" in dot, dot
assert "claim clusters" in txt and "WARNING" in txt, txt
print("ok provenance scenario")
PY
