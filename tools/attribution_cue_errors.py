#!/usr/bin/env python3
"""Lists attribution cue errors of `claimtrace analyze` on a PolNeAR split.

Reads the split in place (text/*.txt + attributions/*.ann, as
../shared/eval/attribution_polnear.py does; nothing is copied), runs
`claimtrace analyze --output-format jsonl --tokens` once over all articles
and matches gold and predicted cues one-to-one on token overlap >= .5 (the
scorer's cue F1@.5). Then it prints:

  * missed gold cues grouped by the lemma and part of speech (our tagger's)
    of their head word (the last verb in the cue, else its last word), with
    whether that lemma is a cue anywhere in our output ("known") or not;
  * false-positive predicted cues grouped by head lemma and by rule;
  * with --show LEMMA, the sentences of the misses / false positives with
    that head lemma (gold cue in [brackets], ours in {braces}).

Usage: tools/attribution_cue_errors.py --bin build/release/claimtrace
       [--data DIR] [--top N] [--show LEMMA] [--fp]
"""
import argparse
import bisect
import collections
import json
import os
import re
import subprocess
import sys

DEFAULT_DATA = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data",
                 "attribution", "polnear", "dev"))
T_RE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
E_RE = re.compile(r"^(E\d+)\t(.*)$")
WORD_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def byte_offsets(text):
    out, b = [], 0
    for ch in text:
        out.append(b)
        b += len(ch.encode("utf-8"))
    out.append(b)
    return out


def load(d):
    tdir, adir = os.path.join(d, "text"), os.path.join(d, "attributions")
    anns = collections.defaultdict(list)
    for fn in os.listdir(adir):
        if fn.endswith(".ann"):
            anns[fn[:-4].rsplit("_", 1)[0]].append(fn)
    arts = []
    for fn in sorted(os.listdir(tdir)):
        art = fn[:-4]
        if not fn.endswith(".txt") or not anns.get(art):
            continue
        with open(os.path.join(tdir, fn), encoding="utf-8", newline="") as f:
            text = f.read()
        arts.append((art, text, gold_cues(os.path.join(adir, sorted(anns[art])[0]), text)))
    return arts


def gold_cues(path, text):
    spans, cues = {}, []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    for line in lines:
        m = T_RE.match(line)
        if m:
            frags = []
            for fr in m.group(3).split(";"):
                s, e = map(int, fr.split())
                if 0 <= s < e <= len(text):
                    frags.append((s, e))
            spans[m.group(1)] = frags
            continue
        m = E_RE.match(line)
        if m:
            args = m.group(2).split()
            if args[0].split(":", 1)[0] not in ("Attribution", "Attribution-no-source"):
                continue
            for a in args[1:]:
                role, _, tid = a.partition(":")
                if role == "Cue" and tid in spans:
                    cues.append(spans[tid])
    b = byte_offsets(text)
    return [[(b[s], b[e]) for s, e in c] for c in cues]


class WordTokens:
    """The scorer's tokens (\\w+ or one punctuation char), in byte offsets."""

    def __init__(self, text):
        b = byte_offsets(text)
        self.starts, self.ends = [], []
        for m in WORD_RE.finditer(text):
            self.starts.append(b[m.start()])
            self.ends.append(b[m.end()])

    def cover(self, frags):
        ids = set()
        for s, e in frags:
            k = bisect.bisect_right(self.ends, s)
            while k < len(self.starts) and self.starts[k] < e:
                ids.add(k)
                k += 1
        return frozenset(ids)


def match(gold, pred):
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g and p:
                v = len(g & p) / max(len(g), len(p))
                if v >= 0.5:
                    cands.append((-v, i, j))
    cands.sort()
    ug, up = set(), set()
    for _, i, j in cands:
        if i not in ug and j not in up:
            ug.add(i)
            up.add(j)
    return ug, up


def head(tokens, frags):
    """(lemma, pos) of the head of a cue: its last verb, else its last word."""
    inside = [t for t in tokens if any(t["start"] < e and t["end"] > s for s, e in frags)
              and t["kind"] != "punct"]
    if not inside:
        return ("<punct>", "-")
    verbs = [t for t in inside if t["pos"].startswith("VB") and t["lemma"] not in
             ("be", "have", "do")]
    t = verbs[-1] if verbs else inside[-1]
    return (t["lemma"], t["pos"])


def sentence_of(out, pos):
    for s in out["sentences"]:
        if s["start"] <= pos < s["end"]:
            return s
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/release/claimtrace")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--show", metavar="LEMMA", help="print the sentences for this head lemma")
    ap.add_argument("--fp", action="store_true", help="with --show: false positives, not misses")
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    arts = load(a.data)[: a.limit] if a.limit else load(a.data)
    inp = "".join(json.dumps({"id": art, "text": text}) + "\n" for art, text, _ in arts)
    res = subprocess.run([a.bin, "analyze", "--input-format", "jsonl", "--output-format", "jsonl",
                          "--tokens", "--threads", "1", "-"],
                         input=inp.encode(), capture_output=True, check=True)
    outs = [json.loads(line) for line in res.stdout.decode().splitlines() if line.strip()]
    missed, fps, fp_rules = collections.Counter(), collections.Counter(), collections.Counter()
    known_lemmas = set()
    shown = []
    n_gold = n_pred = n_tp = 0
    per_art = []
    for (art, text, gold), out in zip(arts, outs):
        wt = WordTokens(text)
        preds = [(a_["cue"]["start"], a_["cue"]["end"], a_["rule"]) for a_ in out["attributions"]]
        preds = sorted(set(preds))
        # Identical cue elements count once (the scorer's sets).
        gsets = list({wt.cover(g) for g in gold if g})
        gfr = {}
        for g in gold:
            gfr.setdefault(wt.cover(g), g)
        pmap = {}
        for s, e, rule in preds:
            pmap.setdefault(wt.cover([(s, e)]), ((s, e), rule))
        psets = list(pmap)
        ug, up = match(gsets, psets)
        n_gold += len(gsets)
        n_pred += len(psets)
        n_tp += len(ug)
        for j, p in enumerate(psets):
            known_lemmas.add(head(out["tokens"], [pmap[p][0]])[0])
        per_art.append((text, out, gsets, gfr, psets, pmap, ug, up))
    for text, out, gsets, gfr, psets, pmap, ug, up in per_art:
        raw = text.encode("utf-8")
        for i, g in enumerate(gsets):
            if i in ug:
                continue
            lem, pos = head(out["tokens"], gfr[g])
            missed[(lem, pos)] += 1
            if a.show and lem == a.show and not a.fp:
                shown.append((out, gfr[g], None))
        for j, p in enumerate(psets):
            if j in up:
                continue
            fr, rule = pmap[p]
            lem, pos = head(out["tokens"], [fr])
            fps[lem] += 1
            fp_rules[rule] += 1
            if a.show and lem == a.show and a.fp:
                shown.append((out, None, fr))
        del raw
    print(f"gold cues {n_gold}  predicted {n_pred}  matched@.5 {n_tp}  "
          f"missed {n_gold - n_tp}  false positives {n_pred - n_tp}")
    by_lemma = collections.Counter()
    for (lem, pos), n in missed.items():
        by_lemma[lem] += n
    unknown = sum(n for lem, n in by_lemma.items() if lem not in known_lemmas)
    print(f"missed with a head lemma we never output as a cue: {unknown}")
    pos_counts = collections.Counter()
    for (lem, pos), n in missed.items():
        pos_counts[pos[:2] if pos.startswith(("VB", "NN", "JJ", "RB")) else pos] += n
    print("missed by POS family:", ", ".join(f"{p} {n}" for p, n in pos_counts.most_common()))
    print(f"\n-- missed gold cues by head lemma (top {a.top}) --")
    for lem, n in by_lemma.most_common(a.top):
        poss = ",".join(f"{p}:{c}" for (l2, p), c in missed.most_common() if l2 == lem)
        print(f"{n:5d}  {lem:<16} {'known' if lem in known_lemmas else 'UNKNOWN':<8} {poss}")
    print(f"\n-- false positives by head lemma (top {a.top}) --")
    for lem, n in fps.most_common(a.top):
        print(f"{n:5d}  {lem}")
    print("\n-- false positives by rule --")
    for r, n in fp_rules.most_common():
        print(f"{n:5d}  {r}")
    for out, g, p in shown:
        fr = g if g else [p]
        s = sentence_of(out, fr[0][0])
        if not s:
            continue
        txt = s["text"].encode("utf-8")
        base = s["start"]
        marks = []
        for st, en in fr:
            marks.append((st - base, "[" if g else "{"))
            marks.append((en - base, "]" if g else "}"))
        for off, m in sorted(marks, reverse=True):
            if 0 <= off <= len(txt):
                txt = txt[:off] + m.encode() + txt[off:]
        print("\n* " + txt.decode("utf-8", "replace"))


if __name__ == "__main__":
    sys.exit(main())
