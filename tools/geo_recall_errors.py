#!/usr/bin/env python3
"""Lists the toponym errors behind the geo scorer's numbers, grouped by class.

Reads the gold with the shared scorer's own loader (../shared/eval/geo.py, so
alignment is the scorer's), runs `claimtrace analyze` (or reads an output kept
with `geo.py --keep DIR` via --output DIR/geo.output.jsonl) and sorts every
gold toponym that is not correct within 161 km into:
  undetected    no predicted mention overlaps it
  no-geo:TYPE   an entity of TYPE overlaps it but has no geo
  far           geocoded more than 161 km away
For each error it prints the gold phrase, its gold type, the overlapping
entity (type, name, mention text, country/feature) and some context.

Usage: tools/geo_recall_errors.py --bin build/release/claimtrace [--data GWN.xml]
       [--classes undetected,no-geo,far] [--context 40] [--summary]
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
for cand in (os.path.join(HERE, "..", "..", "shared", "eval"), "/work/shared/eval"):
    if os.path.isfile(os.path.join(cand, "geo.py")):
        sys.path.insert(0, cand)
        break
import geo  # noqa: E402  (the scorer: loader, haversine)


def run(binary, records):
    inp = "".join(json.dumps(r) + "\n" for r in records)
    out = subprocess.run([binary, "analyze", "--input-format", "jsonl", "--output-format", "jsonl", "-"],
                         input=inp.encode(), stdout=subprocess.PIPE, check=True).stdout
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/release/claimtrace")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(geo.__file__), "..", "data", "geo",
                                                   "geowebnews", "GWN.xml"))
    ap.add_argument("--output", help="a kept geo.output.jsonl instead of running the binary")
    ap.add_argument("--classes", default="undetected,no-geo,far")
    ap.add_argument("--context", type=int, default=40)
    ap.add_argument("--summary", action="store_true", help="only the counts and the most frequent phrases")
    a = ap.parse_args()
    stats = collections.Counter()
    arts, _ = geo.load(a.data, stats)
    if a.output:
        with open(a.output, encoding="utf-8") as f:
            outs = [json.loads(line) for line in f if line.strip()]
    else:
        outs = run(a.bin, [r for r, _ in arts])
    wanted = set(a.classes.split(","))
    counts, phrases = collections.Counter(), collections.defaultdict(collections.Counter)
    lines = []
    for (rec, items), out in zip(arts, outs):
        text = rec["text"].encode("utf-8")
        spans = []  # (start, end, entity)
        for ent in out.get("entities") or []:
            for m in ent.get("mentions") or []:
                spans.append((m["start"], m["end"], ent))
        for it in items:
            s, e = it["b"]
            phrase = text[s:e].decode("utf-8", "replace")
            best, bov = None, 0
            for ms, me, ent in spans:
                ov = min(e, me) - max(s, ms)
                if ov > bov or (ov == bov and ov > 0 and ent.get("geo") and not best[2].get("geo")):
                    best, bov = (ms, me, ent), ov
            geo_best, gov = None, 0
            for ms, me, ent in spans:
                g = ent.get("geo")
                if not g:
                    continue
                ov = min(e, me) - max(s, ms)
                if ov > gov:
                    geo_best, gov = (ms, me, ent), ov
            if geo_best is not None:
                g = geo_best[2]["geo"]
                d = geo.haversine(it["lat"], it["lon"], g["lat"], g["lon"])
                if d <= 161.0:
                    counts["ok"] += 1
                    continue
                cls, detail = "far", f"{d:.0f} km"
                best = geo_best
            elif best is None:
                cls, detail = "undetected", ""
            else:
                cls, detail = "no-geo:" + best[2].get("type", "?"), ""
            counts[cls] += 1
            phrases[cls][phrase] += 1
            if cls.split(":")[0] not in wanted or a.summary:
                continue
            left = text[max(0, s - a.context):s].decode("utf-8", "replace").replace("\n", " ")
            right = text[e:e + a.context].decode("utf-8", "replace").replace("\n", " ")
            pred = ""
            if best is not None:
                ms, me, ent = best
                g = ent.get("geo") or {}
                pred = (f"{ent.get('type')} '{text[ms:me].decode('utf-8', 'replace')}' name='{ent.get('name')}'"
                        + (f" {g.get('country')} {g.get('feature')} {g.get('lat'):.2f},{g.get('lon'):.2f}" if g else ""))
            lines.append(f"{cls:14} {rec['id']} [{it['type']}] {phrase!r} gold={it['lat']:.2f},{it['lon']:.2f} "
                         f"{detail} | {pred} | ...{left}[[{phrase}]]{right}...")
    n = sum(counts.values())
    print(f"{n} gold toponyms: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    for cls, c in sorted(phrases.items(), key=lambda x: -sum(x[1].values())):
        print(f"  {cls}: " + ", ".join(f"{p} {k}" for p, k in c.most_common(25)))
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
