#!/usr/bin/env bash
# Installs dependencies, builds the release binary, then runs the main job on
# the bundled examples (articles we wrote): the readable report of one article,
# and an ingest of a small news cycle into the embedded store (SQLite) with its
# stories and the provenance of the main one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release
CT=build/release/claimtrace
echo
echo "== claimtrace analyze examples/port-drones.txt"
$CT analyze examples/port-drones.txt --output-format report --outlet "Example Desk" \
  --published 2026-11-25
DB=build/example.db
rm -f "$DB" "$DB-wal" "$DB-shm"
echo
echo "== claimtrace ingest examples/kessa-missiles.jsonl --db $DB"
$CT ingest examples/kessa-missiles.jsonl --db "$DB"
echo
echo "== claimtrace stories --db $DB"
$CT stories --db "$DB" --limit 3 | python3 -c '
import json, sys
for s in json.load(sys.stdin):
    line = "%s: %d reports, %d outlets, %d independent origins (%d named, %d anonymous), certainty %s"
    print(line % (s["id"], s["reports"], s["outlets"], s["origins"], s["named_origins"],
                  s["anonymous_origins"], "/".join(s["certainty"])))'
echo
echo "== claimtrace trace r01 --db $DB"
$CT trace r01 --db "$DB"
