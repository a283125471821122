#!/usr/bin/env python3
"""Gazetteer speed: first build, cold start, one CLI geocode, lookups/s, peak RSS.

Usage: python bench/bench_gazetteer.py [--runs 5] [--build-runs 1]

Cold start and the CLI are timed as whole fresh processes (median of --runs),
after the index exists. The first build runs in a fresh process against an
empty temporary cache folder. Lookups/s: 100,000 gazetteer names (a fixed
random sample, so every lookup misses any cache) through ``Gazetteer.lookup``.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
CLAIMMAP = str(Path(PY).with_name("claimmap"))

LOAD = "from geo.gazetteer import Gazetteer; Gazetteer.load(build_if_missing=False)"
LOOKUPS = """
import random, resource, time, json
from geo.gazetteer import Gazetteer
g = Gazetteer.load(build_if_missing=False)
random.seed(7)
names = random.sample(g.names, 100_000)
start = time.perf_counter()
for name in names:
    g.lookup(name)
elapsed = time.perf_counter() - start
print(json.dumps({"lookups_per_s": round(len(names) / elapsed),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def wall(cmd: list[str], env=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build-runs", type=int, default=1)
    args = parser.parse_args()

    builds = []
    for _ in range(args.build_runs):
        tmp = tempfile.mkdtemp(prefix="claimmap-bench-")
        try:
            env = {**os.environ, "CLAIMMAP_CACHE_DIR": tmp}
            builds.append(wall([CLAIMMAP, "gazetteer", "build", "-q"], env=env))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    subprocess.run([CLAIMMAP, "gazetteer", "build", "-q"], check=True, stdout=subprocess.DEVNULL)
    cold = [wall([PY, "-c", LOAD]) for _ in range(args.runs)]
    cli = [wall([CLAIMMAP, "geocode", "Kursk"]) for _ in range(args.runs)]
    lookups = json.loads(subprocess.run([PY, "-c", LOOKUPS], check=True, capture_output=True, text=True).stdout)
    print(json.dumps({
        "first_build_s": round(statistics.median(builds), 2) if builds else None,
        "cold_start_s": round(statistics.median(cold), 3),
        "geocode_cli_s": round(statistics.median(cli), 3),
        **lookups,
        "runs": args.runs,
        "cpus": os.cpu_count(),
    }))


if __name__ == "__main__":
    main()
