#!/usr/bin/env bash
# Crash safety of ingest: kill -9 at random moments, then check that the store
# is intact (PRAGMA integrity_check and the FTS5 index check), holds no
# duplicates and no half-written article, and that a re-run completes it to
# exactly the state of an uninterrupted ingest.
#
# Usage: CLAIMTRACE=path/to/claimtrace crash_test.sh TESTS_DIR
#   CRASH_DOCS  records in the generated corpus (default 600; more for a
#               longer soak, e.g. CRASH_DOCS=50000 CRASH_KILLS=100)
#   CRASH_KILLS number of kill -9 (default 20)
#   CRASH_BATCH records per transaction (default 16)
#
# The cost is about (1 + KILLS / 2) uninterrupted ingests (kills land at a
# random moment of one), so the corpus is kept small; small batches keep as
# many commits per run (about 38) as a larger corpus would, so kills still
# land between and inside transactions. 600 records keep the generator's
# broken line (record 500) and its copies. The kill loop runs in one Python
# process: on a loaded machine starting Python takes seconds, and three
# starts per kill cost more than the ingests did.
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
DOCS=${CRASH_DOCS:-600}
KILLS=${CRASH_KILLS:-20}
BATCH=${CRASH_BATCH:-16}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 "$TESTS/store/gen_corpus.py" "$DOCS" "$TMP/corpus.jsonl" 11 || exit 2

python3 - "$CT" "$TMP" "$KILLS" "$BATCH" <<'PY'
import os, random, signal, sqlite3, subprocess, sys, time

ct, tmp, kills, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
corpus = os.path.join(tmp, "corpus.jsonl")
fails = 0


def result(ok, name):
    global fails
    print(("ok   " if ok else "FAIL ") + name, flush=True)
    fails += not ok


def ingest_cmd(db):
    return [ct, "ingest", corpus, "--db", db, "--quiet", "--no-link", "--batch-size", batch]


def check(db):
    """claimtrace's own integrity checks (SQLite and the full-text index)."""
    p = subprocess.run([ct, "stats", "--db", db, "--check"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return p.returncode == 0, p.stderr.strip()


def counts(path):
    """Counts that must match the reference; "no duplicates" and "no half
    article" are checked directly and reported as words in the result."""
    db = sqlite3.connect(path)
    q = lambda sql: db.execute(sql).fetchone()[0]
    out = []
    dup_ids = q("SELECT count(*) - count(DISTINCT id) FROM documents")
    dup_hash = q("SELECT count(*) - count(DISTINCT hash) FROM documents")
    both = q("SELECT count(*) FROM copies c JOIN documents d ON d.id = c.id")
    no_sentences = q("SELECT count(*) FROM documents d WHERE text_size > 0 AND NOT EXISTS "
                     "(SELECT 1 FROM sentences s WHERE s.doc = d.doc)")
    fts = q("SELECT count(*) FROM documents_fts_docsize")
    docs = q("SELECT count(*) FROM documents")
    if dup_ids or dup_hash or both:
        out.append(f"DUPLICATES {dup_ids} {dup_hash} {both}")
    if no_sentences:
        out.append(f"HALF-WRITTEN {no_sentences}")
    if fts != docs:
        out.append(f"FTS-MISMATCH {fts} {docs}")
    out.append(f"{docs} {q('SELECT count(*) FROM copies')} {q('SELECT count(*) FROM sentences')}")
    db.close()
    return " ".join(out)


def bad(c):
    return any(w in c for w in ("DUPLICATES", "HALF", "FTS"))


def ids(path):
    db = sqlite3.connect(path)
    r = sorted(x[0] for x in db.execute("SELECT id FROM documents UNION ALL SELECT id FROM copies"))
    db.close()
    return r


# Reference: one uninterrupted run.
ref = os.path.join(tmp, "ref.db")
start = time.monotonic()
subprocess.run(ingest_cmd(ref), stderr=subprocess.DEVNULL)
full = max(0.2, time.monotonic() - start)
print(f"reference ingest: {full:.1f}s", flush=True)
want = counts(ref)
print(f"reference: documents copies sentences = {want}", flush=True)
if bad(want):
    result(False, f"reference store: {want}")

db = os.path.join(tmp, "crash.db")
completed = 0
for i in range(1, kills + 1):
    delay = round(random.uniform(0.02, full), 3)
    p = subprocess.Popen(ingest_cmd(db), stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
        completed += 1
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
    if not os.path.exists(db):
        continue  # killed before the store was created
    ok, msg = check(db)
    if not ok:
        result(False, f"integrity after kill {i} at {delay}s: {msg}")
    c = counts(db)
    if bad(c):
        result(False, f"kill {i} at {delay}s: {c}")
    print(f"kill {i} at {delay}s: documents copies sentences = {c}", flush=True)
    # Once a run has completed the store, check it and start a fresh one, so
    # that later kills land in the middle of real writing again.
    if c == want:
        print("  store complete: equals the reference; starting a fresh store", flush=True)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
print(f"{completed} of {kills} runs finished before their kill", flush=True)

subprocess.run(ingest_cmd(db), stderr=subprocess.DEVNULL)
ok, msg = check(db)
result(ok, "integrity after resume" + ("" if ok else f": {msg}"))
got = counts(db)
result(got == want, f"resumed store equals uninterrupted ingest ({got})" if got == want
       else f"resumed {got}, reference {want}")
result(ids(ref) == ids(db), "same record ids as the reference")

print(f"{fails} failure(s)")
sys.exit(1 if fails else 0)
PY
