#!/usr/bin/env python3
"""What claim extraction adds to geo.parse: time of parse alone vs parse + extract_claims.

Usage: python bench/bench_claims.py CORPUS.jsonl [--passes 15]

Any JSONL with a "text" field works (the claims gold, a geoparse corpus). Cold
start excluded. Each document is parsed, then its claims extracted, each timed
on its own: on a shared machine whose speed drifts, timing the two side by side
charges the drift to neither. Prints the median over --passes of the ratio
claims time / parse time. The parser's memos are emptied before every pass.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo  # noqa: E402
from geo.evaluate import read_jsonl  # noqa: E402
from geo.parsing import forget  # noqa: E402
from layers.claims import extract_claims  # noqa: E402


def timed_pass(texts, g) -> tuple[float, float]:
    """Seconds spent in geo.parse and in extract_claims over one pass, timed
    document by document, so that both sides see the same machine speed."""
    forget(g)  # no pass profits from an earlier pass over the same texts
    parse_s = claims_s = 0.0
    clock = time.perf_counter
    for text in texts:
        t0 = clock()
        doc = geo.parse(text, gazetteer=g)
        t1 = clock()
        extract_claims(doc, gazetteer=g)
        t2 = clock()
        parse_s += t1 - t0
        claims_s += t2 - t1
    return parse_s, claims_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--passes", type=int, default=15)
    args = parser.parse_args()
    rows = read_jsonl(args.corpus)
    texts = [r["text"] for r in rows]
    g = geo.Gazetteer.load()
    docs = [geo.parse(t, gazetteer=g) for t in texts]
    n_claims = sum(len(extract_claims(d, gazetteer=g)) for d in docs)
    passes = [timed_pass(texts, g) for _ in range(args.passes)]
    overheads = sorted(c / p for p, c in passes)
    parse_s = statistics.median(p for p, _c in passes)
    both_s = statistics.median(p + c for p, c in passes)
    print(json.dumps({"corpus": args.corpus.name, "docs": len(texts), "claims": n_claims,
                      "parse_docs_per_s": round(len(texts) / parse_s, 1),
                      "parse_and_claims_docs_per_s": round(len(texts) / both_s, 1),
                      "claims_overhead": round(statistics.median(overheads), 3),
                      "claims_overhead_range": [round(overheads[0], 3), round(overheads[-1], 3)]}))


if __name__ == "__main__":
    main()
