#!/usr/bin/env python3
"""Score claimtrace's event clusters against ECB+ cross-document event coreference.

Usage (from the repo root, after the release build):

  python3 tools/ecbplus_mentions.py [--xml ../shared/data/corpus/ecbplus/xml]
                                    [--bin build/release/claimtrace] [--keep DIR]

Python 3 standard library only; the ECB+ files are read at run time, nothing is copied.

1. Documents: every <topic>/<topic>_<n>ecb[plus].xml under --xml (the development set holds
   the odd topics). Tokens are joined sentence by sentence into one text (a sentence per
   line, a space between tokens except before closing punctuation and clitics and after
   opening brackets/quotes; `` and '' become "), keeping each token's character span.
2. Gold: every ACTION_* markable anchored on tokens is a gold event mention; its span is
   the union of its tokens. Its gold cluster is the instance id of the CROSS_DOC_COREF
   relation it is a source of (the relation's `note`), else its INTRA_DOC_COREF relation
   (document-local), else it is a singleton. NEG_ACTION_* markables are not counted.
3. Ours: the texts are ingested into a temporary store (`ingest --quiet`, which links),
   `link` is run, `stories --format json` gives each document's story (a document in no
   story is its own story). The event clusters of `trace STORY --format json` are not
   listed per event, so the same texts go through `analyze --output-format jsonl` and the
   clusters are rebuilt with the rule of src/link/event_clusters.cc (story, CAMEO root,
   first three letters of source and target actor codes, place; an unplaced event joins
   the only known place of its family). The rebuilt cluster ids and mention counts are
   checked against `trace STORY --format json` for every story; mismatches are reported
   (set DEBUG_MENTIONS=1 to list them).
   (trace counts one document per near-duplicate group; a copy's events get the same
   cluster ids as its original's, which they state too.)
4. Alignment: a gold mention is *coded* when the verb span of one of our events overlaps
   one of its tokens (character offsets; the first such event by position is used).
   Negated events are coded but never clustered (singletons), as in `trace`.
5. Scores (B3 and pairwise P/R/F1 of our clusters against the gold chains), over the gold
   mentions we coded, and over all gold mentions (an uncoded mention is a singleton on
   our side). Also printed: mention recall, and the all-singletons baseline (every
   mention its own cluster) on both sets.
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_XML = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "corpus",
                                            "ecbplus", "xml"))
NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m)$")
OPENERS = {"(", "[", "{", "$"}


def detokenise(sentences):
    """sentences: list of [(t_id, token)]. Returns (text, {t_id: (char_start, char_end)})."""
    parts, spans, pos = [], {}, 0
    for s, tokens in enumerate(sentences):
        if s:
            parts.append("\n")
            pos += 1
        glue_next = True  # no space at the start of a line or after an opener
        for t_id, tok in tokens:
            closing = tok == "''" or NO_SPACE_BEFORE.match(tok)
            if not (glue_next or closing):
                parts.append(" ")
                pos += 1
            shown = '"' if tok in ("``", "''") else tok
            spans[t_id] = (pos, pos + len(shown))
            parts.append(shown)
            pos += len(shown)
            glue_next = tok == "``" or tok in OPENERS
    return "".join(parts), spans


def load_document(path):
    """Returns (text, gold mentions [(m_id, [(start,end)...], chain)])."""
    root = ET.parse(path).getroot()
    doc = os.path.basename(path)[:-4]
    sentences = collections.OrderedDict()
    for tok in root.iter("token"):
        sentences.setdefault(tok.get("sentence"), []).append((tok.get("t_id"), tok.text or ""))
    text, spans = detokenise(list(sentences.values()))
    anchored = {}
    markables = root.find("Markables")
    for m in (markables if markables is not None else []):
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if m.tag.startswith("ACTION_") and anchors:
            anchored[m.get("m_id")] = [spans[t] for t in anchors if t in spans]
    chain = {}
    relations = root.find("Relations")
    for kind in ("INTRA_DOC_COREF", "CROSS_DOC_COREF"):  # cross-doc wins
        for r in (relations.findall(kind) if relations is not None else []):
            key = r.get("note") if kind == "CROSS_DOC_COREF" else f"{doc}/r{r.get('r_id')}"
            for s in r.findall("source"):
                chain[s.get("m_id")] = key
    gold = [(m_id, sp, chain.get(m_id, f"{doc}/m{m_id}")) for m_id, sp in anchored.items() if sp]
    return text, gold


def run(cmd, what):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"{what} failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p.stdout


def family_key(event, entities_by_id):
    """Cluster key of one event, mirroring src/link/event_clusters.cc (None: not clustered)."""
    code = event.get("code") or ""
    if len(code) < 2 or event.get("negated"):
        return None, ""

    def fam(actor):
        c = (actor or {}).get("code") or ""
        return c[:3] if c else "---"
    target = fam(event.get("target")) if event.get("target") else "---"
    key = f"{code[:2]}:{fam(event.get('source'))}>{target}"
    place = ""
    loc = event.get("location")
    if loc is not None and loc in entities_by_id:
        place = "".join(ch.lower() if ch.isascii() else ch for ch in entities_by_id[loc])
    return key, place


def cells(pred, gold, items):
    table = collections.Counter((pred[i], gold[i]) for i in items)
    psize = collections.Counter(pred[i] for i in items)
    gsize = collections.Counter(gold[i] for i in items)
    return table, psize, gsize


def bcubed(pred, gold, items):
    table, psize, gsize = cells(pred, gold, items)
    n = len(items)
    p = sum(c * c / psize[pk] for (pk, _), c in table.items()) / n
    r = sum(c * c / gsize[gk] for (_, gk), c in table.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred, gold, items):
    table, psize, gsize = cells(pred, gold, items)
    pairs = lambda k: k * (k - 1) // 2  # noqa: E731
    tp = sum(pairs(c) for c in table.values())
    pp = sum(pairs(c) for c in psize.values())
    gp = sum(pairs(c) for c in gsize.values())
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(label, pred, gold, items):
    bp, br, bf = bcubed(pred, gold, items)
    pp, pr, pf = pairwise(pred, gold, items)
    print(f"{label:<34} n={len(items):5d}  B3 P={bp:.3f} R={br:.3f} F1={bf:.3f}  "
          f"pairwise P={pp:.3f} R={pr:.3f} F1={pf:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xml", default=DEFAULT_XML, help="ECB+ XML folder (default: %(default)s)")
    ap.add_argument("--bin", default=os.path.join("build", "release", "claimtrace"))
    ap.add_argument("--keep", help="copy the generated input and outputs into this folder")
    a = ap.parse_args()
    if not os.path.isdir(a.xml):
        sys.exit(f"--xml: not a folder: {a.xml}")
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"--bin: not an executable: {a.bin} (build the release preset first)")

    docs = {}
    for path in sorted(glob.glob(os.path.join(a.xml, "**", "*.xml"), recursive=True)):
        m = re.match(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$", os.path.basename(path))
        if m:
            docs[f"ecb-{m.group(1)}_{m.group(2)}{m.group(3)}"] = load_document(path)
    if not docs:
        sys.exit(f"no ECB+ documents under {a.xml}")

    tmp = tempfile.mkdtemp(prefix="ctmentions-")
    try:
        inp, db = os.path.join(tmp, "input.jsonl"), os.path.join(tmp, "mentions.db")
        with open(inp, "w", encoding="utf-8") as f:
            for rid, (text, _) in docs.items():
                f.write(json.dumps({"id": rid, "text": text, "title": text.split("\n", 1)[0][:200]},
                                   ensure_ascii=False) + "\n")
        run([a.bin, "ingest", "--db", db, inp, "--quiet", "--threads", "1"], "ingest")
        run([a.bin, "link", "--db", db], "link")
        stories = json.loads(run([a.bin, "stories", "--db", db, "--format", "json", "--limit",
                                  "1000000"], "stories"))
        analysed = run([a.bin, "analyze", "--output-format", "jsonl", "--threads", "1", inp],
                       "analyze")
        analysed = [json.loads(line) for line in analysed.splitlines() if line.strip()]
        story_of = {}
        for s in stories:
            members = [d for d in s.get("documents") or [] if d in docs]
            for d in members:
                if d not in story_of or len(members) > story_of[d][1]:
                    story_of[d] = (s["id"], len(members))
        story_of = {d: story_of[d][0] if d in story_of else d for d in docs}

        # Our events with their (story-level) cluster ids.
        events = {}  # doc -> [(char_start, char_end, cluster or None)]
        raw = collections.defaultdict(list)  # (story, family) -> [(doc, idx, place)]
        for out in analysed:
            rid = out.get("id")
            if rid not in docs or "error" in out:
                continue
            text = docs[rid][0]
            byte_to_char = {}
            pos = 0
            for ci, ch in enumerate(text):
                byte_to_char[pos] = ci
                pos += len(ch.encode("utf-8"))
            byte_to_char[pos] = len(text)
            names = {e.get("id"): e.get("name") or "" for e in out.get("entities") or []}
            events[rid] = []
            for ev in out.get("events") or []:
                verb = ev.get("verb") or {}  # an event without a verb still counts in its cluster
                span = (byte_to_char.get(verb.get("start")), byte_to_char.get(verb.get("end")))
                family, place = family_key(ev, names)
                events[rid].append([span[0], span[1], None])
                if family:
                    raw[(story_of[rid], family)].append((rid, len(events[rid]) - 1, place))
        ours = set()
        for (story, family), mentions in raw.items():
            places = {p for _, _, p in mentions if p}
            for rid, idx, place in mentions:
                if not place and len(places) == 1:
                    place = next(iter(places))
                cid = f"{story}/{family}@{place}"
                events[rid][idx][2] = cid
                ours.add(cid)

        # Check the rebuilt clusters against what `trace` reports.
        mismatched = 0
        for story in sorted(set(story_of.values())):
            t = json.loads(run([a.bin, "trace", story, "--db", db, "--format", "json"], "trace"))
            theirs = {c["id"]: c["mentions"] for c in t.get("event_clusters") or []}
            # trace reads one document per near-duplicate group (its report nodes); copies'
            # events take their original's cluster ids here but are not counted by trace.
            shown = {n.get("document") for n in t.get("nodes") or [] if n.get("report")}
            mine = collections.Counter(events[d][i][2] for d in shown for i in
                                       range(len(events.get(d, []))) if events[d][i][2])
            if theirs != mine:
                mismatched += 1
                if os.environ.get("DEBUG_MENTIONS"):
                    print(story, "trace:", sorted(set(theirs.items()) - set(mine.items())),
                          "rebuilt:", sorted(set(mine.items()) - set(theirs.items())),
                          file=sys.stderr)
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            shutil.copy(inp, a.keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # Align gold mentions to our events.
    gold, pred, coded, clustered = {}, {}, [], []
    for rid, (_, mentions) in docs.items():
        evs = sorted(events.get(rid, []), key=lambda e: (e[0] if e[0] is not None else -1))
        for m_id, spans, chain in mentions:
            item = (rid, m_id)
            gold[item] = chain
            pred[item] = f"single:{rid}/{m_id}"
            for s, e, cid in evs:
                if s is None or e is None:
                    continue
                if any(s < te and ts < e for ts, te in spans):
                    coded.append(item)
                    if cid:
                        pred[item] = cid
                        clustered.append(item)
                    break
    items = list(gold)
    # ECB documents are only partly annotated, so this is a lower bound on event precision.
    on_gold = sum(1 for rid, evs in events.items() for s, e, _ in evs
                  if s is not None and e is not None
                  and any(s < te and ts < e for _, spans, _ in docs[rid][1] for ts, te in spans))
    gold_chains = collections.Counter(gold.values())
    print(f"documents {len(docs)}; stories {len(set(story_of.values()))}; gold action mentions "
          f"{len(items)} in {len(gold_chains)} chains "
          f"({sum(1 for c in gold_chains.values() if c > 1)} with 2+ mentions); our events "
          f"{sum(len(v) for v in events.values())} in {len(ours)} clusters")
    print(f"trace check: {mismatched} stories whose event clusters differ from the rebuilt ones")
    print(f"mention recall: coded {len(coded)}/{len(items)} = {len(coded) / len(items):.3f}; "
          f"in a cluster (not negated) {len(clustered)}/{len(items)} = "
          f"{len(clustered) / len(items):.3f}")
    n_events = sum(len(v) for v in events.values())
    print(f"our events on a gold action mention: {on_gold}/{n_events} = {on_gold / n_events:.3f} "
          f"(a lower bound: ECB documents are only partly annotated)")
    report("coded gold mentions", pred, gold, coded)
    report("all gold mentions", pred, gold, items)
    singletons = {i: f"single:{i}" for i in items}
    report("baseline: singletons, coded", singletons, gold, coded)
    report("baseline: singletons, all", singletons, gold, items)


if __name__ == "__main__":
    main()
