"""``claimmap eval geoparse|events``: the project's accuracy measures, as numbers."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path


def register(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    gp = kinds.add_parser("geoparse", help="toponym recognition and resolution on a gold corpus (JSONL)")
    gp.add_argument("corpus", type=Path, metavar="CORPUS.jsonl")
    gp.add_argument("--mode", choices=["e2e", "gold"], default="e2e",
                    help="e2e: find and resolve; gold: resolve the gold spans only")
    gp.add_argument("--json", action="store_true", help="one JSON object")
    gp.add_argument("--no-nearby", dest="nearby", action="store_false",
                    help="gold mode: leave spans the gazetteer lacks unresolved instead of placing them "
                         "at the town (else region) of the nearest other gold span")
    gp.add_argument("--misses", type=Path, metavar="FILE", help="write errors (JSON lines) for inspection")
    gp.set_defaults(func=run_geoparse)
    cl = kinds.add_parser("claims", help="claim extraction against a claims gold file (JSONL, see SCHEMA)")
    cl.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--misses", type=Path, metavar="FILE")
    cl.set_defaults(func=run_claims)
    ev = kinds.add_parser("events", help="event place of ACLED-style notes (JSONL with text, lat, lon)")
    ev.add_argument("rows", type=Path, metavar="ROWS.jsonl")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--misses", type=Path, metavar="FILE")
    ev.set_defaults(func=run_events)


def _report(scores, as_json: bool, title: str) -> None:
    data = asdict(scores)
    if as_json:
        print(json.dumps(data))
        return
    print(title)
    for key, value in data.items():
        print(f"  {key:>11}: {value}")


def _write_misses(path: Path | None, misses: list) -> None:
    if path is not None:
        from layers.io import atomic_write_text

        atomic_write_text(path, "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses))


def _run(args, path: Path, title: str, score) -> int:
    from geo.evaluate import read_jsonl

    rows = read_jsonl(path)
    misses = [] if args.misses else None
    scores = score(rows, misses)
    _write_misses(args.misses, misses)
    _report(scores, args.json, title)
    return 0


def run_geoparse(args) -> int:
    from geo.errors import UsageError
    from geo.evaluate import score_geoparse

    if not args.nearby and args.mode != "gold":
        raise UsageError("--no-nearby applies to --mode gold only (end to end, every mention is a gazetteer name)")

    return _run(args, args.corpus, f"{args.corpus.name} ({args.mode})",
                lambda rows, misses: score_geoparse(rows, args.mode, misses=misses, nearby=args.nearby))


def run_events(args) -> int:
    from geo.evaluate import score_events

    return _run(args, args.rows, f"{args.rows.name} (event places)",
                lambda rows, misses: score_events(rows, misses=misses))


def run_claims(args) -> int:
    from layers.evaluate import score_claims

    return _run(args, args.gold, f"{args.gold.name} (claims)", lambda rows, misses: score_claims(rows, misses=misses))
