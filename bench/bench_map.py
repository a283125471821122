#!/usr/bin/env python3
"""Map and export speed: 5,000 claims to a map, 100,000 features to GeoJSON and GeoPackage.

Usage: python bench/bench_map.py [--claims 5000] [--features 100000]

Claims are the seeds' real claims repeated with jittered points, shifted dates
and numbered claimants (so the layers and the date control are exercised).
Prints map build seconds, HTML bytes, load seconds in headless Chromium (when
Debian's chromium is installed) and export seconds, as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent


def synthetic(n: int):
    import numpy as np
    import pandas as pd
    import shapely

    from layers.build import build
    from layers.sources import iter_documents

    seeds = build(iter_documents([str(ROOT / "seeds")]), progress=False)
    rng = np.random.default_rng(7)
    reps = -(-n // len(seeds))
    gdf = pd.concat([seeds] * reps, ignore_index=True).iloc[:n].copy()
    pts = gdf.geometry.values
    jitter = rng.normal(0, 0.05, size=(n, 2))
    gdf["geometry"] = [shapely.affinity.translate(g, *j) if g.geom_type == "Point" else g for g, j in zip(pts, jitter)]
    days = rng.integers(0, 40, size=n)
    gdf["report_date"] = [(pd.Timestamp("2024-08-06") + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in days]
    gdf["claimant"] = [f"{c} #{i % 12}" for i, c in enumerate(gdf["claimant"])]
    gdf["claim_id"] = [f"{c}:{i}" for i, c in enumerate(gdf["claim_id"])]
    return gdf.set_geometry("geometry")


def chromium_load_seconds(path: Path) -> float | None:
    exe = shutil.which("chromium")
    if exe is None:
        return None
    from playwright.sync_api import sync_playwright

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=flags)
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.claimmapFeatures && window.claimmapFeatures.length > 0")
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--features", type=int, default=100_000)
    args = parser.parse_args()
    from layers.export import write
    from layers.webmap import to_map, write_map

    claims = synthetic(args.claims)
    with tempfile.TemporaryDirectory() as tmp:
        # Warm-up: imports, the inlined Leaflet assets and the GeoPackage driver load
        # once per process; the timings below are of the work itself.
        write_map(to_map(synthetic(20), None, title="warm-up"), Path(tmp) / "warm.html")
        for suffix in (".geojson", ".gpkg"):
            write(synthetic(20), Path(tmp) / f"warm{suffix}")
        out = Path(tmp) / "bench.html"
        start = time.perf_counter()
        write_map(to_map(claims, None, title="bench"), out)
        build_s = time.perf_counter() - start
        size = out.stat().st_size
        load_s = chromium_load_seconds(out)
        features = synthetic(args.features)
        times = {}
        for suffix in (".geojson", ".gpkg"):
            start = time.perf_counter()
            write(features, Path(tmp) / f"bench{suffix}")
            times[suffix] = time.perf_counter() - start
    print(json.dumps({"claims": args.claims, "map_build_s": round(build_s, 2), "html_mb": round(size / 1e6, 2),
                      "chromium_load_s": round(load_s, 2) if load_s is not None else None,
                      "features": args.features, "geojson_export_s": round(times[".geojson"], 2),
                      "gpkg_export_s": round(times[".gpkg"], 2)}))


if __name__ == "__main__":
    main()
