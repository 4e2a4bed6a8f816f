#!/usr/bin/env bash
# Store benchmark: ingest rate into a fresh SQLite store, store size per
# article, and end-to-end latency of queries on it (whole `claimtrace`
# process, start-up included; median of 9 runs).
#
#   bench/store_bench.sh [CORPUS.jsonl] [DB]
#
# Defaults: ../shared/data/corpus/all_news.jsonl (read in place), /tmp/claimtrace-bench.db
# (deleted first). Run from anywhere after `cmake --build --preset release`.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/corpus/all_news.jsonl}
DB=${2:-/tmp/claimtrace-bench.db}
BIN=$PWD/build/release/claimtrace
[ -x "$BIN" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$BIN" "$CORPUS" "$DB" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
bin_, corpus, db = sys.argv[1:]
records = sum(1 for line in open(corpus, "rb") if line.strip())
t0 = time.perf_counter()
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
# Ingest (analysis + store) and linking timed apart: `ingest` runs `link` at
# the end unless --no-link, and the two scale differently.
p = subprocess.run([bin_, "ingest", corpus, "--db", db, "--no-link"], stderr=subprocess.PIPE,
                   text=True)
wall = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(p.stderr.strip().splitlines()[-1])
print(f"ingest: {records} records, wall {wall:.2f} s = {records / wall:.0f} articles/s; "
      f"CPU {cpu:.2f} s (user+sys) = {records / cpu:.0f} articles per CPU-second; "
      f"peak RSS {r1.ru_maxrss / 1024:.0f} MB")
t0 = time.perf_counter()
p = subprocess.run([bin_, "link", "--db", db], stderr=subprocess.PIPE, text=True)
link_wall = time.perf_counter() - t0
r2 = resource.getrusage(resource.RUSAGE_CHILDREN)
print(p.stderr.strip().splitlines()[-1])
print(f"link: wall {link_wall:.2f} s, CPU {(r2.ru_utime - r1.ru_utime) + (r2.ru_stime - r1.ru_stime):.2f} s; "
      f"ingest + link = {records / (wall + link_wall):.0f} articles/s")
stats = json.loads(subprocess.run([bin_, "stats", "--db", db, "--format", "json"],
                                  capture_output=True, text=True, check=True).stdout)["totals"]
size = os.path.getsize(db) + sum(os.path.getsize(db + s) for s in ("-wal",) if os.path.exists(db + s))
n = stats["documents"] + stats["copies"]
print(f"store: {size / 1e6:.1f} MB for {stats['documents']} documents + {stats['copies']} copies "
      f"= {size / n / 1024:.2f} KiB per article (text {stats['text_bytes'] / 1e6:.1f} MB, "
      f"zstd {stats['text_zstd_bytes'] / 1e6:.1f} MB; sentences {stats['sentences']}, "
      f"attributions {stats['attributions']}, events {stats['events']})")

# Re-running on the same input: every record is recognised as stored before
# analysis (parse + hash + skip), as a resumed ingest does for its done part.
t0 = time.perf_counter()
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
p = subprocess.run([bin_, "ingest", corpus, "--db", db], stderr=subprocess.PIPE, text=True)
again = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
print(p.stderr.strip().splitlines()[-1])
print(f"re-ingest (all stored, skipped before analysis): wall {again:.2f} s = "
      f"{records / again:.0f} records/s; CPU {(r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime):.2f} s")

# Wall time on shared cores includes waiting for a core; the CPU time of the
# process (user+sys) is the load-independent figure, so both are printed.
def latency(args):
    runs, cpus = [], []
    for _ in range(9):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run([bin_] + args + ["--db", db], capture_output=True, check=True).stdout
        runs.append((time.perf_counter() - t) * 1000)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000)
    return statistics.median(runs), statistics.median(cpus), out.count(b"\n")

for name, args in [
    ("start-up (stats of empty filter: --version)", ["--version"]),
    ("filtered events: --code 19 --outlet Reuters", ["events", "--code", "19", "--outlet", "Reuters", "--format", "jsonl"]),
    ("filtered events: --code 19 --outlet Reuters --since 1987-01-01", ["events", "--code", "19", "--outlet", "Reuters", "--since", "1987-01-01", "--format", "jsonl"]),
    ("filtered events: --place London", ["events", "--place", "London", "--format", "jsonl"]),
    ("filtered events: --actor USA --target JPN", ["events", "--actor", "USA", "--target", "JPN", "--format", "jsonl"]),
    ("filtered claims: --certainty reported --source-kind anonymous", ["claims", "--certainty", "reported", "--source-kind", "anonymous", "--format", "jsonl"]),
    ("claims reporting events: --root 19 --source-kind anonymous", ["claims", "--root", "19", "--source-kind", "anonymous", "--format", "jsonl"]),
    ("sources --limit 20 (group all claims)", ["sources", "--limit", "20", "--format", "jsonl"]),
    ("FTS search, rare words: \"cocoa drought\"", ["search", "cocoa drought", "--format", "jsonl", "--limit", "20"]),
    ("FTS search, common word: \"said\" (matches most documents)", ["search", "said", "--format", "jsonl", "--limit", "20"]),
    ("FTS search + outlet filter: \"election\" --outlet \"BBC News\"", ["search", "election", "--outlet", "BBC News", "--format", "jsonl"]),
]:
    a = args if args[0] != "--version" else None
    if a is None:
        runs = []
        for _ in range(9):
            t = time.perf_counter(); subprocess.run([bin_, "--version"], capture_output=True)
            runs.append((time.perf_counter() - t) * 1000)
        print(f"latency {name}: {statistics.median(runs):.1f} ms")
        continue
    ms, cpu, rows = latency(args)
    print(f"latency {name}: {ms:.1f} ms wall, {cpu:.1f} ms CPU ({rows} rows)")
PY
# Migration 3 on this store: drop what version 3 added (as a version-2 store
# looked), then time the first open, which backfills places, outlets, claims.
python3 - "$BIN" "$DB" <<'PY'
import os, resource, shutil, subprocess, sys, sqlite3, time
bin_, db = sys.argv[1:]
v2 = db + ".v2"
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(v2 + suffix):
        os.remove(v2 + suffix)
shutil.copy(db, v2)
con = sqlite3.connect(v2)
con.create_function("claimtrace_text", 1, lambda b: None)
version = con.execute("PRAGMA user_version").fetchone()[0]  # undo migrations 3, 4 and 5
for sql in ["DROP INDEX documents_outlet_id", "DROP INDEX events_place",
            "ALTER TABLE documents DROP COLUMN outlet_id", "ALTER TABLE copies DROP COLUMN outlet_id",
            "ALTER TABLE entities DROP COLUMN place", "ALTER TABLE events DROP COLUMN place",
            "DROP TABLE claims", "DROP TABLE outlets", "DROP TABLE places",
            "DROP TABLE IF EXISTS link_documents",
            "ALTER TABLE events DROP COLUMN time_start", "ALTER TABLE events DROP COLUMN time_end"]:
    con.execute(sql)
con.execute("PRAGMA user_version = 2")
con.commit()
con.close()
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.perf_counter()
subprocess.run([bin_, "stats", "--db", v2], capture_output=True, check=True)
wall = time.perf_counter() - t
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(f"migration 2 -> 3 of this store (backfill places, outlets, claims): wall {wall:.2f} s, CPU {cpu:.2f} s")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(v2 + suffix):
        os.remove(v2 + suffix)
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
