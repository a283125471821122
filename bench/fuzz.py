#!/usr/bin/env python3
"""Fuzz run: random and mutated documents through geo.parse, claim extraction and the
feature rows of a map or export; counts crashes and span errors.

Usage: python bench/fuzz.py [--docs 10000] [--seed 1]

Mutations of the shipped seeds: characters deleted, duplicated, replaced by
random Unicode (Cyrillic, combining marks, RTL, emoji, NUL, surrogates made
safe), sentences shuffled and glued, HTML/JS payloads injected, whitespace
and case scrambled; plus purely random strings. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
PAYLOADS = ["<script>alert(1)</script>", "</script>", "javascript:alert(1)", "\" onerror=\"x", "{{7*7}}", "\x00",
            "\u202e", "\ufeff", "🇺🇦", "Ку́рськ", "e\u0301", "\U0001F600" * 5, "'" * 50, "-" * 200]
ALPHABETS = ["abcdefghijklmnopqrstuvwxyz ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ ", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя ",
             "0123456789.,;:!?'\"()-–—\n\t ", "ÀÉÎÕÜßçñøå ", "中文日本語한국어 ", "عربيעברית "]


def random_text(rng: random.Random, n: int) -> str:
    alphabet = "".join(rng.sample(ALPHABETS, k=rng.randint(1, len(ALPHABETS))))
    return "".join(rng.choice(alphabet) for _ in range(n))


def mutate(rng: random.Random, text: str) -> str:
    ops = rng.randint(1, 8)
    chars = list(text)
    for _ in range(ops):
        op = rng.randrange(7)
        if not chars:
            chars = list(random_text(rng, 50))
        i = rng.randrange(len(chars))
        if op == 0:
            del chars[i:i + rng.randint(1, 40)]
        elif op == 1:
            chars[i:i] = chars[i:i + rng.randint(1, 80)]
        elif op == 2:
            chars[i:i] = list(rng.choice(PAYLOADS))
        elif op == 3:
            chars[i:i] = list(random_text(rng, rng.randint(1, 30)))
        elif op == 4:
            sentences = "".join(chars).split(". ")
            rng.shuffle(sentences)
            chars = list(". ".join(sentences))
        elif op == 5:
            chars = list("".join(chars).upper() if rng.random() < 0.5 else "".join(chars).lower())
        else:
            chars = list(" ".join("".join(chars).split()))
    return "".join(chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import geo
    from layers.build import claim_rows, mention_rows
    from layers.claims import extract_claims
    from layers.sources import SourceDocument, iter_documents

    rng = random.Random(args.seed)
    seeds = [d.text for d in iter_documents([str(ROOT / "seeds")])]
    g = geo.Gazetteer.load()
    crashes, examples = 0, []
    start = time.perf_counter()
    for n in range(args.docs):
        text = mutate(rng, rng.choice(seeds)) if n % 4 else random_text(rng, rng.randint(0, 3000))
        try:
            doc = geo.parse(text, doc_id=f"f{n}", date="2024-09-16", gazetteer=g)
            claims = extract_claims(doc, gazetteer=g)
            for m in doc.mentions:
                assert text[m.start:m.end] == m.surface, "mention span"
            for c in claims:
                assert text[c.span[0]:c.span[1]] == c.evidence, "claim span"
            src = SourceDocument(text=text, id=f"f{n}")
            claim_rows(src, doc, claims)
            mention_rows(src, doc)
        except Exception as exc:  # the point of a fuzz run: count every failure
            crashes += 1
            if len(examples) < 5:
                examples.append({"doc": n, "error": f"{type(exc).__name__}: {exc}",
                                 "where": traceback.format_exc(limit=3).splitlines()[-3:], "text": text[:200]})
    seconds = time.perf_counter() - start
    print(json.dumps({"docs": args.docs, "crashes": crashes, "seconds": round(seconds, 1),
                      "docs_per_s": round(args.docs / seconds, 1), "examples": examples}, ensure_ascii=False))


if __name__ == "__main__":
    main()
