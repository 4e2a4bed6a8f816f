#!/usr/bin/env python3
"""Scores `claimtrace extract` on the extraction sets that the shared scorers
do not cover: CleanEval (dev by default) and L3S-GN1 main text, and the title
and author against the gold in trafilatura's evaldata.json.

The data is read in place from ../shared/data/extraction (or --data); nothing
is copied. One `claimtrace extract --input-format html -` per page, the page
bytes (gunzipped) on stdin.

Text metric (CleanEval, L3S-GN1): bag of tokens. Tokens are \\w+ runs
(Unicode), case kept; per page tp = size of the multiset intersection of gold
and output tokens, fp/fn the excess on each side. Reported: pooled ("micro")
P/R/F1 over all tokens and the mean of the per-page P/R/F1 ("macro"; a page
with an empty output has P = 0). Gold text:
  CleanEval  the GoldStandard file minus its "URL:" line and the <p>/<h>/<l>
             block markers;
  L3S-GN1    the text of the elements of class x-nc-sel1 (headline),
             x-nc-sel2 (full text) and x-nc-sel3 (supplemental), as used by
             Bevendorff et al. 2023.
Because the L3S gold holds the headline and claimtrace puts the headline in
`title`, not in `text`, both "text" and "title+text" are reported.

Title/author (trafilatura-eval): over the pages whose gold value is not
empty, "exact" = equal after case folding and collapsing spaces and
punctuation; "overlap" = one contains the other after the same folding.

Usage: tools/extraction_eval.py --bin build/release/claimtrace
       [--sets cleaneval,l3s,meta] [--cleaneval-split dev|final] [--limit N]
"""
import argparse
import concurrent.futures
import gzip
import html.parser
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)
HERE = os.path.dirname(os.path.abspath(__file__))


def default_data():
    for cand in (os.path.join(HERE, "..", "..", "shared", "data", "extraction"),
                 "/work/shared/data/extraction"):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    return None


def read_bytes(path):
    with open(path, "rb") as f:
        raw = f.read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def extract(binary, path, timeout):
    """The JSON object `claimtrace extract` prints for one page, or None."""
    try:
        p = subprocess.run([binary, "extract", "--input-format", "html", "-"],
                           input=read_bytes(path), capture_output=True, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if p.returncode != 0:
        return None
    try:
        o = json.loads(p.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return o if isinstance(o, dict) else None


def run_all(binary, paths, jobs, timeout):
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(lambda p: extract(binary, p, timeout), paths))


# ------------------------------------------------------------------ gold text

def cleaneval_gold(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if lines and lines[0].startswith("URL:"):
        lines = lines[1:]
    text = "\n".join(lines)
    return re.sub(r"<[phl]>", " ", text)


class SelectedText(html.parser.HTMLParser):
    """Text inside elements whose class names one of `wanted`."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr"}

    def __init__(self, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.stack = []  # per open element: whether it is selected
        self.depth_selected = 0
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = set()
        for k, v in attrs:
            if k == "class" and v:
                classes.update(v.split())
        sel = bool(classes & self.wanted)
        self.stack.append((tag, sel))
        if sel:
            self.depth_selected += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        # Pop to the matching open tag (the markup is not always balanced).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, sel in self.stack[i:]:
                    if sel:
                        self.depth_selected -= 1
                    if t in ("script", "style"):
                        self.skip -= 1
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.depth_selected > 0 and self.skip == 0:
            self.parts.append(data)


def l3s_gold(path):
    raw = read_bytes(path)
    text = raw.decode("utf-8", errors="replace")
    if text.count("\ufffd") > 20:
        text = raw.decode("cp1252", errors="replace")
    p = SelectedText({"x-nc-sel1", "x-nc-sel2", "x-nc-sel3"})
    p.feed(text)
    p.close()
    return " ".join(p.parts)


# ------------------------------------------------------------------ metrics

def token_scores(golds, outputs):
    tp_all = fp_all = fn_all = 0
    ps, rs, fs = [], [], []
    for g, o in zip(golds, outputs):
        gc, oc = Counter(TOKEN.findall(g)), Counter(TOKEN.findall(o or ""))
        tp = sum((gc & oc).values())
        fp = sum(oc.values()) - tp
        fn = sum(gc.values()) - tp
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        p = tp / (tp + fp) if tp + fp else (1.0 if not gc else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
    n = len(golds) or 1
    P = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    R = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"P": P, "R": R, "F1": F, "mP": sum(ps) / n, "mR": sum(rs) / n, "mF1": sum(fs) / n}


def fold(s):
    return " ".join(TOKEN.findall((s or "").casefold()))


def meta_scores(golds, outputs):
    exact = overlap = 0
    for g, o in zip(golds, outputs):
        g, o = fold(g), fold(o)
        if g == o:
            exact += 1
        if o and (g in o or o in g):
            overlap += 1
    n = len(golds) or 1
    return exact / n, overlap / n, len(golds)


# ------------------------------------------------------------------ sets

def text_set(name, binary, pages, golds, jobs, timeout):
    t0 = time.time()
    outs = run_all(binary, pages, jobs, timeout)
    wall = time.time() - t0
    failed = sum(o is None for o in outs)
    texts = [(o or {}).get("text") or "" for o in outs]
    titled = [((o or {}).get("title") or "") + "\n" + t for o, t in zip(outs, texts)]
    rows = []
    for label, out in (("text", texts), ("title+text", titled)):
        m = token_scores(golds, out)
        rows.append((f"{name} {label}", m))
    print(f"{name}: {len(pages)} pages, {failed} failed, {wall:.1f}s")
    return rows


def cleaneval(data, split, binary, jobs, timeout, limit):
    base = os.path.join(data, "cleaneval", split)
    ids = sorted((f[: -len(".txt")] for f in os.listdir(os.path.join(base, "GoldStandard"))
                  if f.endswith(".txt")), key=lambda s: (len(s), s))
    pages, golds = [], []
    for i in ids:
        page = os.path.join(base, "input", i + ".html.gz")
        if os.path.exists(page):
            pages.append(page)
            golds.append(cleaneval_gold(os.path.join(base, "GoldStandard", i + ".txt")))
    if limit:
        pages, golds = pages[:limit], golds[:limit]
    return text_set(f"cleaneval-{split}", binary, pages, golds, jobs, timeout)


def l3s(data, binary, jobs, timeout, limit):
    base = os.path.join(data, "l3s-gn1")
    ids = sorted(f[: -len(".html.gz")] for f in os.listdir(os.path.join(base, "input"))
                 if f.endswith(".html.gz"))
    pages, golds = [], []
    for i in ids:
        gold = os.path.join(base, "GoldStandard", i + ".txt.gz")
        if os.path.exists(gold):
            pages.append(os.path.join(base, "input", i + ".html.gz"))
            golds.append(l3s_gold(gold))
    if limit:
        pages, golds = pages[:limit], golds[:limit]
    return text_set("l3s-gn1", binary, pages, golds, jobs, timeout)


def metadata(data, binary, jobs, timeout, limit):
    base = os.path.join(data, "trafilatura-eval")
    with open(os.path.join(base, "evaldata.json"), encoding="utf-8") as f:
        ev = json.load(f)
    entries = []
    for e in ev.values():
        path = None
        for sub in ("cache", "eval"):
            for cand in (os.path.join(base, sub, e["file"] + ".gz"),
                         os.path.join(base, sub, e["file"])):
                if path is None and os.path.exists(cand):
                    path = cand
        if path and (e.get("title") or e.get("author")):
            entries.append((path, e))
    if limit:
        entries = entries[:limit]
    t0 = time.time()
    outs = run_all(binary, [p for p, _ in entries], jobs, timeout)
    print(f"trafilatura-eval metadata: {len(entries)} pages, "
          f"{sum(o is None for o in outs)} failed, {time.time() - t0:.1f}s")
    rows = []
    for field in ("title", "author"):
        g, o = [], []
        for (_, e), out in zip(entries, outs):
            gold = e.get(field)
            if isinstance(gold, list):
                gold = ", ".join(gold)
            if not gold:
                continue
            g.append(gold)
            o.append((out or {}).get(field) or "")
        rows.append((field, meta_scores(g, o)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/release/claimtrace")
    ap.add_argument("--data", default=default_data(),
                    help="the extraction data folder (holds cleaneval/, l3s-gn1/, trafilatura-eval/)")
    ap.add_argument("--sets", default="cleaneval,l3s,meta")
    ap.add_argument("--cleaneval-split", default="dev", choices=("dev", "final"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--page-timeout", type=float, default=60.0)
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    a = ap.parse_args()
    if not a.data or not os.path.isdir(a.data):
        sys.exit("extraction_eval: no data folder (use --data)")
    sets = set(a.sets.split(","))
    text_rows, meta_rows = [], []
    if "cleaneval" in sets:
        text_rows += cleaneval(a.data, a.cleaneval_split, a.bin, a.jobs, a.page_timeout, a.limit)
    if "l3s" in sets:
        text_rows += l3s(a.data, a.bin, a.jobs, a.page_timeout, a.limit)
    if "meta" in sets:
        meta_rows = metadata(a.data, a.bin, a.jobs, a.page_timeout, a.limit)
    if text_rows:
        print(f"\n{'set':28} {'P':>6} {'R':>6} {'F1':>6}   {'mean P':>6} {'mean R':>6} {'mean F1':>7}")
        for name, m in text_rows:
            print(f"{name:28} {m['P']:6.3f} {m['R']:6.3f} {m['F1']:6.3f}   "
                  f"{m['mP']:6.3f} {m['mR']:6.3f} {m['mF1']:7.3f}")
    if meta_rows:
        print(f"\n{'field':8} {'pages':>5} {'exact':>6} {'overlap':>7}")
        for field, (exact, overlap, n) in meta_rows:
            print(f"{field:8} {n:5d} {exact:6.3f} {overlap:7.3f}")


if __name__ == "__main__":
    main()
