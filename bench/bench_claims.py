#!/usr/bin/env python3
"""What claim extraction adds to geo.parse: time of parse alone vs parse + extract_claims.

Usage: python bench/bench_claims.py CORPUS.jsonl [--passes 5]

Any JSONL with a "text" field works (the claims gold, a geoparse corpus). Cold
start excluded; passes of the two alternate, and the best of --passes of each
is compared.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo  # noqa: E402
from geo.evaluate import read_jsonl  # noqa: E402
from layers.claims import extract_claims  # noqa: E402


def best_time(fn, texts, passes):
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    rows = read_jsonl(args.corpus)
    texts = [r["text"] for r in rows]
    g = geo.Gazetteer.load()
    docs = [geo.parse(t, gazetteer=g) for t in texts]
    n_claims = sum(len(extract_claims(d, gazetteer=g)) for d in docs)
    # Interleaved passes, best of each: on a shared machine the speed drifts between
    # phases, and timing one after the other would charge the drift to one side.
    parse_s = both_s = float("inf")
    for _ in range(args.passes):
        parse_s = min(parse_s, best_time(lambda t: geo.parse(t, gazetteer=g), texts, 1))
        both_s = min(both_s, best_time(lambda t: extract_claims(geo.parse(t, gazetteer=g), gazetteer=g), texts, 1))
    print(json.dumps({"corpus": args.corpus.name, "docs": len(texts), "claims": n_claims,
                      "parse_docs_per_s": round(len(texts) / parse_s, 1),
                      "parse_and_claims_docs_per_s": round(len(texts) / both_s, 1),
                      "claims_overhead": round(both_s / parse_s - 1, 3)}))


if __name__ == "__main__":
    main()
