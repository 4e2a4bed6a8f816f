#!/usr/bin/env bash
# Crash safety of ingest: kill -9 at random moments, then check that the store
# is intact (PRAGMA integrity_check and the FTS5 index check), holds no
# duplicates and no half-written article, and that a re-run completes it to
# exactly the state of an uninterrupted ingest.
#
# Usage: CLAIMTRACE=path/to/claimtrace crash_test.sh TESTS_DIR
#   CRASH_DOCS  records in the generated corpus (default 1500; more for a
#               longer soak, e.g. CRASH_DOCS=50000 CRASH_KILLS=100)
#   CRASH_KILLS number of kill -9 (default 20)
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
DOCS=${CRASH_DOCS:-1500}
KILLS=${CRASH_KILLS:-20}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }

python3 "$TESTS/store/gen_corpus.py" "$DOCS" "$TMP/corpus.jsonl" 11 || exit 2

# Reference: one uninterrupted run.
start=$(date +%s.%N)
"$CT" ingest "$TMP/corpus.jsonl" --db "$TMP/ref.db" --quiet --no-link --batch-size 64 2>/dev/null
full=$(python3 -c "print(max(0.2, $(date +%s.%N) - $start))")
echo "reference ingest: ${full}s"

# Counts that must match the reference; "no duplicates" and "no half article"
# are checked directly.
counts() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchone()[0]
dup_ids = q("SELECT count(*) - count(DISTINCT id) FROM documents")
dup_hash = q("SELECT count(*) - count(DISTINCT hash) FROM documents")
both = q("SELECT count(*) FROM copies c JOIN documents d ON d.id = c.id")
no_sentences = q("SELECT count(*) FROM documents d WHERE text_size > 0 AND NOT EXISTS "
                 "(SELECT 1 FROM sentences s WHERE s.doc = d.doc)")
fts = q("SELECT count(*) FROM documents_fts_docsize")
docs = q("SELECT count(*) FROM documents")
if dup_ids or dup_hash or both:
    print("DUPLICATES", dup_ids, dup_hash, both)
if no_sentences:
    print("HALF-WRITTEN", no_sentences)
if fts != docs:
    print("FTS-MISMATCH", fts, docs)
print(docs, q("SELECT count(*) FROM copies"), q("SELECT count(*) FROM sentences"))
PY
}

DB="$TMP/crash.db"
completed=0
for i in $(seq 1 "$KILLS"); do
  delay=$(python3 -c "import random; print(round(random.uniform(0.02, $full), 3))")
  "$CT" ingest "$TMP/corpus.jsonl" --db "$DB" --quiet --no-link --batch-size 64 2>/dev/null &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then :; else completed=$((completed + 1)); fi
  wait "$pid" 2>/dev/null
  [ -e "$DB" ] || continue  # killed before the store was created
  if ! "$CT" stats --db "$DB" --check >/dev/null 2>"$TMP/check"; then
    fail "integrity after kill $i at ${delay}s: $(cat "$TMP/check")"
  fi
  c=$(counts "$DB")
  case "$c" in
    *DUPLICATES*|*HALF*|*FTS*) fail "kill $i at ${delay}s: $c" ;;
  esac
  echo "kill $i at ${delay}s: documents copies sentences = $c"
  # Once a run has completed the store, check it and start a fresh one, so
  # that later kills land in the middle of real writing again.
  if [ "$c" = "$(counts "$TMP/ref.db")" ]; then
    echo "  store complete: equals the reference; starting a fresh store"
    rm -f "$DB" "$DB-wal" "$DB-shm"
  fi
done
echo "$completed of $KILLS runs finished before their kill"

"$CT" ingest "$TMP/corpus.jsonl" --db "$DB" --quiet --no-link --batch-size 64 2>/dev/null
"$CT" stats --db "$DB" --check >/dev/null 2>"$TMP/check" && pass "integrity after resume" \
  || fail "integrity after resume: $(cat "$TMP/check")"
want=$(counts "$TMP/ref.db")
got=$(counts "$DB")
[ "$want" = "$got" ] && pass "resumed store equals uninterrupted ingest ($got)" \
  || fail "resumed $got, reference $want"
ids_ref=$(python3 -c "import sqlite3,sys; print(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT id FROM documents UNION ALL SELECT id FROM copies')) == sorted(r[0] for r in sqlite3.connect(sys.argv[2]).execute('SELECT id FROM documents UNION ALL SELECT id FROM copies')))" "$TMP/ref.db" "$DB")
[ "$ids_ref" = True ] && pass "same record ids as the reference" || fail "record ids differ"

echo "$FAILS failure(s)"
[ "$FAILS" -eq 0 ]
