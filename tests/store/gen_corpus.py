#!/usr/bin/env python3
"""Writes a synthetic JSONL news corpus for store tests and benchmarks.

Usage: gen_corpus.py N OUT.jsonl [SEED]
Articles are built from templates we wrote (fictional places, people and
outlets), ~1-3 KB each; about 2% are byte-identical copies under another id
and 1 line in 500 is broken JSON, so ingest sees copies and errors too.
"""
import json
import random
import sys

PLACES = ["Velmora", "Arlen", "Tove", "Dalmar", "Istrel", "Korvan", "Miren", "Oskar Bay"]
PEOPLE = ["Mara Tesk", "Jon Aldo", "Petra Vin", "Ilse Moren", "Tomas Rek", "Anja Sol"]
OUTLETS = ["Coast Post", "City Daily", "Island Times", "Farm Weekly", "Valley Herald", "Wire One"]
VERBS = ["said", "told reporters", "announced", "claimed", "denied", "warned"]
TOPICS = ["the harbour strike", "the new budget", "flooding on the river", "the rail line",
          "a border dispute", "the apple harvest", "a power outage", "the election count"]


def sentence(rng):
    return (f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} "
            f"that {rng.choice(TOPICS)} in {rng.choice(PLACES)} would "
            f"{rng.choice(['continue', 'end soon', 'cost millions', 'affect thousands'])}, "
            f"according to {rng.choice(['officials', 'a statement', 'local media', 'sources'])}.")


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    bodies = []
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            if i % 500 == 499:
                f.write('{"id": "broken-%d", "text": "no end\n' % i)
                continue
            if bodies and rng.random() < 0.02:
                text = rng.choice(bodies)
            else:
                paras = [" ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
                         for _ in range(rng.randint(2, 6))]
                text = f"{rng.choice(PLACES).upper()} - Report {i}. " + "\n\n".join(paras)
                bodies.append(text)
                if len(bodies) > 200:
                    bodies.pop(0)
            rec = {"id": f"gen-{i}", "title": f"{rng.choice(TOPICS).capitalize()} ({i})",
                   "outlet": rng.choice(OUTLETS),
                   "published": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "text": text}
            f.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
