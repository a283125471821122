#!/usr/bin/env python3
"""A large corpus: peak memory and docs/s of `claimmap export` on a generated JSONL.

Usage: python bench/bench_large.py [--mb 100] [--jobs 2] [--keep FILE]

The JSONL repeats the shipped seed documents (each copy with its own id and
a shuffled paragraph order) up to --mb megabytes, then runs
`claimmap export BIG.jsonl -o OUT.geojson --jobs N -q` in a child process and
reports docs/s and the peak RSS of its largest process (getrusage's
ru_maxrss over the child and its workers is a maximum, not a sum). The
gazetteer index is built first, so the time is of the export; the CLI's start-up
(about 2 s) stays in, a rounding error on a large input.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generate(path: Path, megabytes: float) -> int:
    from layers.sources import iter_documents

    seeds = list(iter_documents([str(ROOT / "seeds")]))
    rng = random.Random(3)
    limit, written, n = megabytes * 1e6, 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < limit:
            doc = seeds[n % len(seeds)]
            paragraphs = doc.text.split("\n\n")
            rng.shuffle(paragraphs)
            line = json.dumps({"id": f"{doc.id}-{n}", "text": "\n\n".join(paragraphs), "date": doc.date,
                               "source": doc.source, "title": doc.title, "url": doc.url}, ensure_ascii=False)
            fh.write(line + "\n")
            written += len(line.encode()) + 1
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated JSONL here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = args.keep or Path(tmp) / "big.jsonl"
        docs = generate(big, args.mb)
        out = Path(tmp) / "out.geojson"
        exe = str(Path(sys.executable).with_name("claimmap"))
        subprocess.run([exe, "gazetteer", "build"], check=True, capture_output=True)  # not timed
        start = time.perf_counter()
        subprocess.run([exe, "export", str(big), "-o", str(out), "--jobs", str(args.jobs), "-q"], check=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"input_mb": round(big.stat().st_size / 1e6, 1), "docs": docs, "jobs": args.jobs,
                          "seconds": round(seconds, 1), "docs_per_s": round(docs / seconds, 1),
                          "peak_rss_mb_largest_process": round(peak, 1),
                          "output_mb": round(out.stat().st_size / 1e6, 1)}))


if __name__ == "__main__":
    main()
