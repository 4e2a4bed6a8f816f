#!/usr/bin/env python3
"""Agreement of claimtrace's certainty and negation with MEANTIME event factuality.

Usage (from the repo root, after the release build):

  python3 tools/meantime_agreement.py [--data ../shared/data/hedging/meantime]
                                      [--bin build/release/claimtrace] [--keep DIR] [--list]

Python 3 standard library only; the MEANTIME files are read at run time, nothing is copied.

MEANTIME (NewsReader, English) marks every event mention of a WikiNews article's title and
first sentences with a certainty (CERTAIN | PROBABLE | POSSIBLE | UNDERSPECIFIED) and a
polarity (POS | NEG | UNDERSPECIFIED). There is no official scorer for claimtrace's output,
so this tool reports plain agreement figures:

1. Text: each .conll file is one article; its tokens are joined with single spaces, one
   gold sentence per paragraph (blank line between), keeping each token's character span.
2. Gold: every event (B-E-<id> ... I-E-<id>); its anchor is its first token. Events with
   UNDERSPECIFIED certainty (or polarity) are left out of that attribute's figures.
3. Ours, per event anchor (three readings, each reported):
   - attribution: the innermost attribution whose content covers the anchor; its
     certainty "speculative" reads as not certain (PROBABLE/POSSIBLE), "denied" as NEG,
     anything else as CERTAIN/POS. Anchors in no attribution's content are asserted by the
     writer: CERTAIN, POS. This is the figure the issue asks for.
   - cues: a hedge cue in the anchor's sentence before or within three tokens after it
     reads as not certain; a negation cue within the four tokens before the anchor
     ("did not sell", "never flew", "no longer makes") reads as NEG.
   - combined: not certain if either reading says so; NEG likewise.
   The sentence flag (`sentences[].uncertain`) is reported too: the anchor's sentence
   uncertain = not certain.
4. Figures: for certainty, CERTAIN vs not certain (PROBABLE+POSSIBLE): accuracy, P/R/F1 of
   the not-certain class and Cohen's kappa; for polarity, NEG vs POS likewise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "hedging", "meantime"))
if not os.path.isdir(DEFAULT_DATA):
    DEFAULT_DATA = "/work/shared/data/hedging/meantime"


def read_article(path):
    """Text, token spans (per sentence) and gold events of one .conll file."""
    sentences, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sentences.append(cur)
                    cur = []
                continue
            cols = line.split("\t")
            if len(cols) < 6:
                continue
            cur.append(cols)
    if cur:
        sentences.append(cur)
    text_parts, pos, tokens = [], 0, []  # tokens: (start, end, sentence index, cols)
    for si, sent in enumerate(sentences):
        if si:
            text_parts.append("\n\n")
            pos += 2
        for ti, cols in enumerate(sent):
            if ti:
                text_parts.append(" ")
                pos += 1
            tok = cols[1]
            tokens.append((pos, pos + len(tok), si, cols))
            text_parts.append(tok)
            pos += len(tok)
    events = {}
    for k, (b, e, si, cols) in enumerate(tokens):
        ev = cols[2]
        if not ev.startswith("B-E-"):
            continue
        eid = ev[4:]
        cert = cols[3][2:].rsplit("-", 1)[0] if cols[3] != "_" else "UNDERSPECIFIED"
        pol = cols[4][2:].rsplit("-", 1)[0] if cols[4] != "_" else "UNDERSPECIFIED"
        if eid not in events:  # a discontinuous event: its first part is the anchor
            events[eid] = {"token": k, "start": b, "end": e, "sent": si, "certainty": cert,
                           "polarity": pol, "word": cols[1]}
    return "".join(text_parts), tokens, list(events.values())


def run(binary, records, keep):
    with tempfile.TemporaryDirectory(prefix="meantime-") as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        cmd = [binary, "analyze", "--input-format", "jsonl", "--output-format", "jsonl", inp]
        res = subprocess.run(cmd, capture_output=True, check=False)
        if res.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr.decode()[-2000:]}")
        if keep:
            os.makedirs(keep, exist_ok=True)
            with open(os.path.join(keep, "meantime.input.jsonl"), "wb") as f, open(inp, "rb") as g:
                f.write(g.read())
            with open(os.path.join(keep, "meantime.output.jsonl"), "wb") as f:
                f.write(res.stdout)
    outs = {}
    for raw in res.stdout.decode("utf-8").splitlines():
        if raw.strip():
            o = json.loads(raw)
            outs[o.get("id")] = o
    return outs


def covering_attribution(out, start):
    """Certainty of the innermost attribution whose content covers `start`, or None."""
    best, best_len = None, None
    for a in out.get("attributions") or []:
        for sp in a.get("content") or []:
            if sp["start"] <= start < sp["end"]:
                n = sp["end"] - sp["start"]
                if best_len is None or n < best_len:
                    best, best_len = a.get("certainty"), n
    return best


def cue_reading(out, tokens, ev):
    """(not certain, negated) from hedge and negation cues near the event anchor."""
    k = ev["token"]
    sent = ev["sent"]
    sent_toks = [i for i, t in enumerate(tokens) if t[2] == sent]
    first, last = sent_toks[0], sent_toks[-1]
    hedge_lo, hedge_hi = tokens[first][0], tokens[min(last, k + 3)][1]
    neg_lo = tokens[max(first, k - 4)][0]
    hedged = negated = False
    for c in out.get("cues") or []:
        # A weasel ("many", "critics") is vagueness, not doubt, and a cue with
        # "counted": false ("may" of permission) does not change certainty.
        if (c.get("class") == "hedge" and not c.get("weasel") and c.get("counted", True)
                and hedge_lo <= c["start"] < hedge_hi):
            hedged = True
        if c.get("class") == "negation" and neg_lo <= c["start"] < ev["start"]:
            negated = True
    return hedged, negated


def sentence_uncertain(out, start):
    for s in out.get("sentences") or []:
        if s["start"] <= start < s["end"]:
            return bool(s.get("uncertain"))
    return False


def figures(pairs):
    """pairs: (gold positive, predicted positive). Accuracy, P, R, F1, kappa."""
    n = len(pairs)
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    tn = n - tp - fp - fn
    acc = (tp + tn) / n if n else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    pe = ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / (n * n) if n else 0.0
    kappa = (acc - pe) / (1 - pe) if pe < 1 else 0.0
    return {"n": n, "gold": tp + fn, "pred": tp + fp, "tp": tp, "acc": acc, "P": prec, "R": rec,
            "F1": f1, "kappa": kappa}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder of MEANTIME .conll files")
    ap.add_argument("--bin", default="build/release/claimtrace", help="claimtrace binary")
    ap.add_argument("--keep", help="write the generated input and the raw output here")
    ap.add_argument("--list", action="store_true", help="list the events where a reading disagrees")
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.data) if f.endswith(".conll"))
    if not files:
        sys.exit(f"no .conll files in {a.data}")
    articles, records = {}, []
    for k, name in enumerate(files):
        text, tokens, events = read_article(os.path.join(a.data, name))
        rid = f"m{k:03d}"
        articles[rid] = (name, text, tokens, events)
        records.append({"id": rid, "text": text})
    outs = run(a.bin, records, a.keep)

    readings = ("attribution", "cues", "combined", "sentence")
    cert = {r: [] for r in readings}
    pol = {r: [] for r in readings if r != "sentence"}
    in_attr = 0
    total = 0
    listed = []
    for rid, (name, text, tokens, events) in articles.items():
        out = outs.get(rid, {})
        for ev in events:
            total += 1
            ac = covering_attribution(out, ev["start"])
            in_attr += ac is not None
            attr_unc = ac == "speculative"
            attr_neg = ac == "denied"
            cue_unc, cue_neg = cue_reading(out, tokens, ev)
            pred_unc = {"attribution": attr_unc, "cues": cue_unc, "combined": attr_unc or cue_unc,
                        "sentence": sentence_uncertain(out, ev["start"])}
            pred_neg = {"attribution": attr_neg, "cues": cue_neg, "combined": attr_neg or cue_neg}
            if ev["certainty"] != "UNDERSPECIFIED":
                gold = ev["certainty"] != "CERTAIN"
                for r in readings:
                    cert[r].append((gold, pred_unc[r]))
                if a.list and gold != pred_unc["combined"]:
                    listed.append(f"certainty {ev['certainty']:9s} ours={'unc' if pred_unc['combined'] else 'cert'}"
                                  f"  {name}: {ev['word']!r} in: {sentence_text(tokens, ev['sent'])}")
            if ev["polarity"] != "UNDERSPECIFIED":
                gold = ev["polarity"] == "NEG"
                for r in pol:
                    pol[r].append((gold, pred_neg[r]))
                if a.list and gold != pred_neg["combined"]:
                    listed.append(f"polarity  {ev['polarity']:9s} ours={'neg' if pred_neg['combined'] else 'pos'}"
                                  f"  {name}: {ev['word']!r} in: {sentence_text(tokens, ev['sent'])}")

    print(f"MEANTIME event factuality on {a.data} ({len(files)} articles, {total} events; "
          f"{in_attr} inside an attribution's content)")
    head = f"{'attribute':10s} {'reading':12s} {'n':>5s} {'gold':>5s} {'pred':>5s} {'tp':>4s} " \
           f"{'acc':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'kappa':>6s}"
    print(head)
    for label, table in (("uncertain", cert), ("negated", pol)):
        for r, pairs in table.items():
            m = figures(pairs)
            print(f"{label:10s} {r:12s} {m['n']:5d} {m['gold']:5d} {m['pred']:5d} {m['tp']:4d} "
                  f"{m['acc']:6.3f} {m['P']:6.3f} {m['R']:6.3f} {m['F1']:6.3f} {m['kappa']:6.3f}")
    cu, ng = figures(cert["combined"]), figures(pol["combined"])
    print(f"meantime_agreement certainty_acc={cu['acc']:.3f} certainty_kappa={cu['kappa']:.3f} "
          f"uncertain_F1={cu['F1']:.3f} polarity_acc={ng['acc']:.3f} polarity_kappa={ng['kappa']:.3f} "
          f"negated_F1={ng['F1']:.3f}")
    if a.list:
        print("\n".join(listed))


def sentence_text(tokens, sent):
    return " ".join(t[3][1] for t in tokens if t[2] == sent)


if __name__ == "__main__":
    main()
