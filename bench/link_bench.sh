#!/usr/bin/env bash
# Linking benchmark: `claimtrace link` (near-duplicates + stories) on 1/4, 1/2
# and all of a corpus, each ingested with --no-link into a fresh store; wall
# time and peak RSS from /usr/bin/time -v. Then an incremental run: the second
# half linked into a store whose first half is already linked. Fits
# time = a * n^b and RSS = c + d * n and projects 1 M and 100 M documents.
#
#   bench/link_bench.sh [CORPUS.jsonl] [WORKDIR]
#
# Defaults: ../shared/data/corpus/all_news.jsonl (read in place), /tmp/claimtrace-link-bench.
# Run after `cmake --build --preset release`.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/corpus/all_news.jsonl}
WORK=${2:-/tmp/claimtrace-link-bench}
BIN=$PWD/build/release/claimtrace
[ -x "$BIN" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$WORK"
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$BIN" "$CORPUS" "$WORK" <<'PY'
import math, os, re, subprocess, sys
bin_, corpus, work = sys.argv[1:]
lines = [l for l in open(corpus, "rb") if l.strip()]
total = len(lines)

def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)

def write_part(path, part):
    with open(path, "wb") as f:
        f.writelines(part)

def ingest(db, jsonl):
    subprocess.run([bin_, "ingest", jsonl, "--db", db, "--quiet", "--no-link"], check=True)

def timed_link(db):
    p = subprocess.run(["/usr/bin/time", "-v", bin_, "link", "--db", db],
                       stderr=subprocess.PIPE, text=True, check=True)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    h, m, s = wall.groups()
    secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    summary = next(l for l in p.stderr.splitlines() if l.startswith("claimtrace: linked"))
    return secs, rss, summary

points = []
for frac in (4, 2, 1):
    n = total // frac
    jsonl, db = f"{work}/part{frac}.jsonl", f"{work}/part{frac}.db"
    write_part(jsonl, lines[:n])
    fresh(db)
    ingest(db, jsonl)
    secs, rss, summary = timed_link(db)
    docs = int(re.search(r"of (\d+) documents", summary).group(1))
    points.append((docs, secs, rss))
    print(f"1/{frac}: {n} records -> {docs} stored documents: link {secs:.2f} s, peak RSS {rss:.0f} MB")
    print(f"   {summary}")

# Incremental: link the first half, then ingest and link the second half.
half = total // 2
db = f"{work}/incremental.db"
fresh(db)
write_part(f"{work}/first.jsonl", lines[:half])
write_part(f"{work}/second.jsonl", lines[half:])
ingest(db, f"{work}/first.jsonl")
timed_link(db)
ingest(db, f"{work}/second.jsonl")
secs, rss, summary = timed_link(db)
print(f"incremental (second half into a linked first half): {secs:.2f} s, peak RSS {rss:.0f} MB")
print(f"   {summary}")

# Fits: log-log least squares for time, linear least squares for memory.
xs = [math.log(p[0]) for p in points]
ys = [math.log(p[1]) for p in points]
mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
a = math.exp(my - b * mx)
ns = [p[0] for p in points]
rs = [p[2] for p in points]
mn, mr = sum(ns) / len(ns), sum(rs) / len(rs)
d = sum((n - mn) * (r - mr) for n, r in zip(ns, rs)) / sum((n - mn) ** 2 for n in ns)
c = mr - d * mn
print(f"model: time = {a:.3g} * n^{b:.3f} s; RSS = {c:.0f} MB + {d * 1024:.2f} KB * n")
for n in (1_000_000, 100_000_000):
    t = a * n ** b
    print(f"projected {n:,} documents: {t:,.0f} s ({t / 3600:.2f} h), RSS {(c + d * n) / 1024:,.1f} GB")
PY
