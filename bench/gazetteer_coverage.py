#!/usr/bin/env python3
"""How many event place names the gazetteer knows, with and without postal data.

Usage: python bench/gazetteer_coverage.py ../shared/eval/events/acled-ukraine.dev.jsonl

For each row's ``location`` (a place name coded by ACLED with its own lat/lon),
counts a hit when the gazetteer has a place of that name (any of its names,
romanisation variants included) within 10 km, or 25 km, of the row's point.
"before" uses only GeoNames cities500, admin-1 regions and countries; "after"
adds the GeoNames postal places of Ukraine and Russia (ids ``pc:``) and the
settlements of Ukraine's codifier, at their hromada's centre (ids ``katottg:``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.distance import haversine_km  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402


_ADDED = ("pc:", "pc-approx:", "katottg:")  # places beyond GeoNames cities500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=Path)
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args()
    g = Gazetteer.load()
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {k: 0 for k in ("before10", "before25", "after10", "after25", "name_before", "name_after")}
    misses = []
    for row in rows:
        found = g.candidates(row["location"], limit=1000, fuzzy=False)
        best = {"before": 1e9, "after": 1e9}
        for c in found:
            km = float(haversine_km(row["lat"], row["lon"], c.place.lat, c.place.lon))
            best["after"] = min(best["after"], km)
            if not c.place.id.startswith(_ADDED):
                best["before"] = min(best["before"], km)
        for tag in ("before", "after"):
            counts[f"{tag}10"] += best[tag] <= 10
            counts[f"{tag}25"] += best[tag] <= 25
        counts["name_before"] += any(not c.place.id.startswith(_ADDED) for c in found)
        counts["name_after"] += bool(found)
        if best["after"] > 25:
            misses.append((row["location"], row.get("admin1"), round(best["after"])))
    n = len(rows)
    print(json.dumps({"rows": n, **{k: round(v / n, 3) for k, v in counts.items()}}))
    for miss in misses[: args.show_misses]:
        print("miss:", *miss, file=sys.stderr)


if __name__ == "__main__":
    main()
