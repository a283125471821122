#!/usr/bin/env python3
"""Every accuracy figure the issues name, in one table.

Usage: python bench/eval_all.py ../shared/eval [--split dev]

Runs the geoparse scores (end to end and given gold spans, with and without
placing spans the gazetteer lacks at the nearest other span's town) on LGL, GeoWebNews,
TR-News and GeoVirus, the ACLED event-place score and the claims score, the
same functions ``claimmap eval`` calls, and prints a Markdown table. Corpora
that are missing are skipped with a note; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo  # noqa: E402
from geo.evaluate import read_jsonl, score_events, score_geoparse  # noqa: E402
from layers.evaluate import score_claims  # noqa: E402

CORPORA = ("LGL", "GeoWebNews", "TR-News", "GeoVirus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path, help="folder with geoparse/, events/, claims/")
    parser.add_argument("--split", default="dev", help="file name part: dev (default) or another split")
    args = parser.parse_args()
    g = geo.Gazetteer.load()

    print("| corpus | docs | P | R | F1 | Acc@161 e2e | AUC e2e | Acc@161 gold | AUC gold "
          "| gold placed nearby | Acc@161 gold, none nearby |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in CORPORA:
        path = args.eval_dir / "geoparse" / f"{name}.{args.split}.jsonl"
        if not path.exists():
            print(f"| {name} | missing: {path} |")
            continue
        rows = read_jsonl(path)
        e2e = score_geoparse(rows, "e2e", gazetteer=g)
        gold = score_geoparse(rows, "gold", gazetteer=g)
        exact = score_geoparse(rows, "gold", gazetteer=g, nearby=False)
        print(f"| {name} | {e2e.docs} | {e2e.precision:.3f} | {e2e.recall:.3f} | {e2e.f1:.3f} | {e2e.acc161:.3f} "
              f"| {e2e.auc:.3f} | {gold.acc161:.3f} | {gold.auc:.3f} | {gold.nearby:.3f} | {exact.acc161:.3f} |")

    events = args.eval_dir / "events" / f"acled-ukraine.{args.split}.jsonl"
    if events.exists():
        ev = score_events(read_jsonl(events), gazetteer=g)
        print(f"\nACLED notes ({ev.rows} rows): event place within 10 km {ev.acc10:.3f}, 50 km {ev.acc50:.3f}, "
              f"161 km {ev.acc161:.3f}, median error {ev.median_km} km")
    claims = args.eval_dir / "claims" / f"{args.split}.jsonl"
    if claims.exists():
        cl = score_claims(read_jsonl(claims), gazetteer=g)
        print(f"\nClaims ({cl.docs} docs, {cl.gold} gold, {cl.predicted} predicted): P {cl.precision:.3f} "
              f"R {cl.recall:.3f} F1 {cl.f1:.3f}; attribution {cl.attribution:.3f}, actor {cl.actor:.3f}, "
              f"status {cl.status:.3f}, place {cl.place:.3f}, quantity {cl.quantity:.3f}")


if __name__ == "__main__":
    main()
