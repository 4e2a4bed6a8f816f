#!/usr/bin/env python3
"""Source and content span errors of claimtrace's attributions on PolNeAR.

Usage (from the repo root, after the release build):

  python3 tools/attribution_span_errors.py [--data ../shared/data/attribution/polnear/dev]
      [--bin build/release/claimtrace] [--output KEPT.output.jsonl]
      [--show CLASS] [--role source|content] [--n 20]

Reads the PolNeAR split at run time with the shared scorer's own loader (nothing is copied).
Each gold attribution is paired with the predicted attribution whose cue overlaps it best
(token overlap ratio >= 0.5, one-to-one). For the paired ones, the source and the content are
put in one class each:

  ok          overlap ratio >= 0.5 (what the scorer counts)
  missing     gold has the role, we have none
  spurious    we have the role, gold has none
  too_long    ours holds >= 80% of gold but is longer
  too_short   gold holds >= 80% of ours but is longer
  disjoint    no common token (wrong side, wrong sentence)
  partial     some overlap, none of the above

`--show CLASS` prints examples of that class (gold vs ours) for `--role`.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
if not os.path.isdir(EVAL):
    EVAL = "/work/shared/eval"
sys.path.insert(0, EVAL)
import attribution_polnear as P  # noqa: E402


def run(binary, records):
    inp = "".join(json.dumps(r) + "\n" for r in records)
    out = subprocess.run([binary, "analyze", "--input-format", "jsonl", "--output-format", "jsonl", "-"],
                         input=inp.encode(), capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.decode().splitlines()]


def classify(g, p):
    if not g and not p:
        return "both_absent"
    if not p:
        return "missing"
    if not g:
        return "spurious"
    inter = len(g & p)
    if P.ratio(g, p) >= 0.5:
        return "ok"
    if inter == 0:
        return "disjoint"
    if inter >= 0.8 * len(g) and len(p) > len(g):
        return "too_long"
    if inter >= 0.8 * len(p) and len(g) > len(p):
        return "too_short"
    return "partial"


def text_of(text_bytes, frags):
    return " | ".join(text_bytes[s:e].decode("utf-8", "replace") for s, e in frags)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(EVAL), "data", "attribution", "polnear", "dev"))
    ap.add_argument("--bin", default="build/release/claimtrace")
    ap.add_argument("--output", help="a kept scorer output (.output.jsonl) instead of running --bin")
    ap.add_argument("--show", help="class to print examples of")
    ap.add_argument("--role", default="content", choices=("source", "content"))
    ap.add_argument("--rule", help="only predictions made by this rule (when the output carries it)")
    ap.add_argument("--n", type=int, default=20)
    a = ap.parse_args()

    arts, _ = P.load_split(a.data)
    if a.output:
        with open(a.output, encoding="utf-8") as f:
            outs = [json.loads(line) for line in f]
    else:
        outs = run(a.bin, [{"id": art, "text": text} for art, text, _ in arts])

    counts = {r: collections.Counter() for r in ("source", "content")}
    unmatched_gold = unmatched_pred = 0
    examples = []
    for (art, text, gold), out in zip(arts, outs):
        tok = P.Tokens(text)
        tb = text.encode("utf-8")
        pred, _ = P.pred_attributions(out)
        raw = [x for x in out.get("attributions", []) if isinstance(x, dict)]
        gt = [{r: tok.cover(g[r]) for r in P.ROLES} for g in gold]
        pt = [{r: tok.cover(p[r]) for r in P.ROLES} for p in pred]
        cands = sorted(((P.ratio(g["cue"], p["cue"]), i, j) for i, g in enumerate(gt)
                        for j, p in enumerate(pt) if P.ratio(g["cue"], p["cue"]) >= 0.5),
                       key=lambda x: (-x[0], x[1], x[2]))
        ug, up = {}, set()
        for _, i, j in cands:
            if i not in ug and j not in up:
                ug[i] = j
                up.add(j)
        unmatched_gold += len(gold) - len(ug)
        unmatched_pred += len(pred) - len(up)
        for i, j in ug.items():
            rule = raw[j].get("rule", "") if j < len(raw) else ""
            if a.rule and rule != a.rule:
                continue
            for r in ("source", "content"):
                c = classify(gt[i][r], pt[j][r])
                counts[r][c] += 1
                if a.show and r == a.role and c == a.show:
                    examples.append((art, rule, text_of(tb, gold[i]["cue"]), text_of(tb, gold[i][r]),
                                     text_of(tb, pred[j][r]), text_of(tb, gold[i]["source"]),
                                     text_of(tb, gold[i]["content"])))
    print(f"gold attributions without a matching cue: {unmatched_gold}; "
          f"predicted without a gold cue: {unmatched_pred}")
    for r in ("source", "content"):
        total = sum(counts[r].values())
        print(f"{r} (of {total} matched cues): " +
              ", ".join(f"{k} {v}" for k, v in counts[r].most_common()))
    for art, rule, cue, g, p, gs, gc in examples[: a.n]:
        print(f"\n[{art}] rule={rule} cue={cue!r}")
        print(f"  gold: {g!r}")
        print(f"  ours: {p!r}")
        if a.role == "source":
            print(f"  gold content: {gc[:200]!r}")
        else:
            print(f"  gold source: {gs!r}")


if __name__ == "__main__":
    main()
