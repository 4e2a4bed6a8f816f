#!/usr/bin/env python3
"""Compile the CAMEO tables and the event dictionary into C++ tables (build time only).

Usage: gen_event_tables.py DATA_DIR OUTPUT.inc

Reads DATA_DIR/cameo/{event_codes,quad_class,actor_types,modality,agents,countries,
irregular_verbs}.tsv
and DATA_DIR/event_verbs.tsv. Verb entries are expanded to all their inflected forms
(regular English rules plus the irregular table); noun entries to singular and plural.
Errors name file:line and stop the build.
"""
import re
import sys

VOWELS = set("aeiou")
CONTROLS = {"-": "kNone", "intent": "kIntent", "threat": "kThreat", "reject": "kReject",
            "demand": "kDemand", "appeal": "kAppeal"}
# Form flags (keep in sync with events_dictionary.h).
BASE, S3, PAST, PART, ING, NOUN = 1, 2, 4, 8, 16, 32


def fail(path, n, msg):
    sys.exit(f"{path}:{n}: {msg}")


def rows(path, ncols):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) < ncols:
                fail(path, n, f"expected {ncols} tab-separated columns, got {len(cols)}")
            yield n, cols


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def third(lemma):
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def doubles(lemma):
    # One vowel group ending in a single consonant: ban -> banned, stop -> stopped.
    return re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma) is not None


def past(lemma):
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if doubles(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def ing(lemma):
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    if doubles(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def plural(noun):
    if noun.endswith("s"):
        return noun
    if re.search(r"(x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def main():
    data, dst = sys.argv[1], sys.argv[2]
    cameo = data + "/cameo/"
    codes = {}
    for n, c in rows(cameo + "event_codes.tsv", 5):
        if not re.fullmatch(r"\d{2,4}", c[0]):
            fail(cameo + "event_codes.tsv", n, f"bad code {c[0]!r}")
        codes[c[0]] = (int(c[1]), c[2], float(c[3]), c[4])
    quad = {c[0]: int(c[1]) for _, c in rows(cameo + "quad_class.tsv", 2)}
    types = [(c[0], c[2]) for _, c in rows(cameo + "actor_types.tsv", 3)]
    modality = {}
    for n, c in rows(cameo + "modality.tsv", 5):
        for code in c[1:5]:
            if code not in codes:
                fail(cameo + "modality.tsv", n, f"unknown CAMEO code {code!r}")
        modality[c[0]] = c[1:5]
    agents = []
    known_types = {t for t, _ in types}
    for n, c in rows(cameo + "agents.tsv", 2):
        if c[1] != "-" and c[1] not in known_types:
            fail(cameo + "agents.tsv", n, f"unknown actor type {c[1]!r}")
        agents.append((c[0].lower(), "" if c[1] == "-" else c[1]))
    countries = []
    for n, c in rows(cameo + "countries.tsv", 2):
        if not re.fullmatch(r"[A-Z]{2}", c[0]) or not re.fullmatch(r"[A-Z]{3}", c[1]):
            fail(cameo + "countries.tsv", n, f"expected alpha-2 and a three-letter code, got {c[0]!r} {c[1]!r}")
        countries.append((c[0], c[1]))
    irregular = {}
    for n, c in rows(cameo + "irregular_verbs.tsv", 3):
        s3 = c[3] if len(c) > 3 and c[3] != "-" else None
        ig = c[4] if len(c) > 4 and c[4] != "-" else None
        irregular[c[0]] = (c[1].split(","), c[2].split(","), s3.split(",") if s3 else None, ig)

    def verb_forms(lemma):
        forms = {}

        def add(f, flag):
            forms[f] = forms.get(f, 0) | flag
        add(lemma, BASE)
        irr = irregular.get(lemma)
        if lemma == "be":
            add("are", BASE)
            add("am", BASE)
        for f in (irr[2] if irr and irr[2] else [third(lemma)]):
            add(f, S3)
        for f in (irr[0] if irr else [past(lemma)]):
            add(f, PAST)
        for f in (irr[1] if irr else [past(lemma)]):
            add(f, PART)
        add(irr[3] if irr and irr[3] else ing(lemma), ING)
        # British spelling doubles a final -l after one vowel: cancelled, travelling.
        if not irr and re.search(r"[^aeiou][aeiou]l$", lemma):
            add(lemma + "led", PAST | PART)
            add(lemma + "lled", PAST | PART)
            add(lemma + "ling", ING)
            add(lemma + "lling", ING)
        return forms

    path = data + "/event_verbs.tsv"
    entries, forms, ids = [], [], set()
    for n, c in rows(path, 8):
        eid, pos, phrase, code, target, requires, excludes, control = c[:8]
        if eid in ids:
            fail(path, n, f"duplicate id {eid!r}")
        ids.add(eid)
        if pos not in ("v", "n"):
            fail(path, n, f"pos must be v or n, got {pos!r}")
        if code not in codes:
            fail(path, n, f"unknown CAMEO code {code!r}")
        if control not in CONTROLS:
            fail(path, n, f"bad control {control!r}")
        words = phrase.lower().split()
        if not words:
            fail(path, n, "empty phrase")
        k = len(entries)
        entries.append((eid, pos == "n", words[0], " ".join(words[1:]), code, target,
                        "" if requires == "-" else requires, "" if excludes == "-" else excludes,
                        CONTROLS[control]))
        if pos == "v":
            for f, flags in verb_forms(words[0]).items():
                forms.append((f, k, flags))
        else:
            forms.append((words[0], k, NOUN))
            if len(words) == 1 and plural(words[0]) != words[0]:
                forms.append((plural(words[0]), k, NOUN))
    with open(dst, "w", encoding="utf-8") as out:
        out.write("// Generated from data/cameo/*.tsv and data/event_verbs.tsv by "
                  "tools/gen_event_tables.py. Do not edit.\n")
        out.write("#ifdef CLAIMTRACE_EVENT_CODES\n")
        for code, (lvl, root, g, name) in codes.items():
            out.write(f"{{{c_str(code)}, {lvl}, {quad.get(root, 0)}, {g}f, {c_str(name)}}},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_ACTOR_TYPES\n")
        for t, label in types:
            out.write(f"{{{c_str(t)}, {c_str(label)}}},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_MODALITY\n")
        for root, m in sorted(modality.items()):
            out.write("{" + ", ".join(c_str(x) for x in [root] + m) + "},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_AGENTS\n")
        for w, t in agents:
            out.write(f"{{{c_str(w)}, {c_str(t)}}},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_COUNTRIES\n")
        for a2, code in countries:
            out.write(f"{{{c_str(a2)}, {c_str(code)}}},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_EVENT_ENTRIES\n")
        for e in entries:
            out.write(f"{{{c_str(e[0])}, {'true' if e[1] else 'false'}, {c_str(e[2])}, {c_str(e[3])}, "
                      f"{c_str(e[4])}, {c_str(e[5])}, {c_str(e[6])}, {c_str(e[7])}, Control::{e[8]}}},\n")
        out.write("#endif\n#ifdef CLAIMTRACE_EVENT_FORMS\n")
        for f, k, flags in forms:
            out.write(f"{{{c_str(f)}, {k}, {flags}}},\n")
        out.write("#endif\n")


if __name__ == "__main__":
    main()
