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
p = subprocess.run([bin_, "ingest", corpus, "--db", db], stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(p.stderr.strip().splitlines()[-1])
print(f"ingest: {records} records, wall {wall:.2f} s = {records / wall:.0f} articles/s; "
      f"CPU {cpu:.2f} s (user+sys) = {records / cpu:.0f} articles per CPU-second; "
      f"peak RSS {r1.ru_maxrss / 1024:.0f} MB")
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

def latency(args):
    runs = []
    for _ in range(9):
        t = time.perf_counter()
        out = subprocess.run([bin_] + args + ["--db", db], capture_output=True, check=True).stdout
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs), out.count(b"\n")

for name, args in [
    ("start-up (stats of empty filter: --version)", ["--version"]),
    ("filtered events: --code 19 --outlet Reuters --since 1987-01-01", ["events", "--code", "19", "--outlet", "Reuters", "--since", "1987-01-01", "--format", "jsonl"]),
    ("filtered events: --place Idlib --root 19", ["events", "--place", "Idlib", "--root", "19", "--format", "jsonl"]),
    ("filtered events: --actor RUS --target UKR --since 2014-01-01", ["events", "--actor", "RUS", "--target", "UKR", "--since", "2014-01-01", "--format", "jsonl"]),
    ("filtered claims: --certainty reported --source-kind anonymous", ["claims", "--certainty", "reported", "--source-kind", "anonymous", "--format", "jsonl"]),
    ("claims reporting events: --root 19 --source-kind anonymous", ["claims", "--root", "19", "--source-kind", "anonymous", "--format", "jsonl"]),
    ("sources --limit 20 (group all claims)", ["sources", "--limit", "20", "--format", "jsonl"]),
    ("FTS search, rare words: \"cocoa drought\"", ["search", "cocoa drought", "--format", "jsonl", "--limit", "20"]),
    ("FTS search, common word: \"said\" (matches most documents)", ["search", "said", "--format", "jsonl", "--limit", "20"]),
    ("FTS search + outlet filter: \"election\" --outlet \"BBC News\"", ["search", "election", "--outlet", "BBC News", "--format", "jsonl"]),
    ("stories --limit 100", ["stories", "--format", "json", "--limit", "100"]),
]:
    a = args if args[0] != "--version" else None
    if a is None:
        runs = []
        for _ in range(9):
            t = time.perf_counter(); subprocess.run([bin_, "--version"], capture_output=True)
            runs.append((time.perf_counter() - t) * 1000)
        print(f"latency {name}: {statistics.median(runs):.1f} ms")
        continue
    ms, rows = latency(args)
    print(f"latency {name}: {ms:.1f} ms ({rows} rows)")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
