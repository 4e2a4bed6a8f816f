#!/usr/bin/env python3
"""Compile data/speech_cues.tsv into a C++ table (build time only).

Usage: gen_speech_cues.py INPUT.tsv OUTPUT.inc

Each form becomes one row {form, lemma, class, role, certainty}; the engine
splits forms into tokens once at start-up. Errors name the line and stop the build.
"""
import sys

CLASSES = {"say": "kSay", "claim": "kClaim", "report": "kReport", "cite": "kCite",
           "according_to": "kAccordingTo"}
ROLES = {"verb": "kVerb", "prep": "kPrep", "cite": "kCite", "adverb": "kAdverb", "seem": "kSeem",
         "frame": "kFrame"}
CERTAINTY = {"asserted": "kAsserted", "reported": "kReported", "alleged": "kAlleged",
             "speculative": "kSpeculative", "denied": "kDenied"}


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rows = []
    seen = set()
    with open(src, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 5:
                sys.exit(f"{src}:{n}: expected at least 5 tab-separated columns")
            lemma, forms, cls, role, cert = (c.strip() for c in cols[:5])
            if cls not in CLASSES or role not in ROLES or cert not in CERTAINTY:
                sys.exit(f"{src}:{n}: bad class/role/certainty {cls!r}/{role!r}/{cert!r}")
            for form in forms.split(","):
                form = " ".join(form.split())
                if not form:
                    continue
                if form in seen:
                    sys.exit(f"{src}:{n}: duplicate form {form!r}")
                seen.add(form)
                rows.append((form, lemma, CLASSES[cls], ROLES[role], CERTAINTY[cert]))
    with open(dst, "w", encoding="utf-8") as out:
        out.write("// Generated from data/speech_cues.tsv by tools/gen_speech_cues.py. Do not edit.\n")
        for form, lemma, cls, role, cert in rows:
            out.write(f"{{{c_string(form)}, {c_string('cue:' + lemma)}, CueClass::{cls}, "
                      f"CueRole::{role}, Certainty::{cert}}},\n")


if __name__ == "__main__":
    main()
