"""``claimmap extract``: one line (or JSON object) per claim."""

from __future__ import annotations

import json
import sys

from .common import add_input_options, documents


def register(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    add_input_options(p)
    p.add_argument("--jsonl", action="store_true", help="one JSON object per claim (all fields, spans, provenance)")
    p.set_defaults(func=run)


def claim_record(claim, doc) -> dict:
    record = claim.to_dict()
    record.update({"report_date": doc.date, "source": doc.source, "title": doc.title, "url": doc.url,
                   "input": doc.path})
    return record


def _line(claim, doc) -> str:
    places = ", ".join(p.place.label + (" (inferred)" if p.inferred else "") for p in claim.places) or "-"
    who = claim.claimant.text or doc.source or "the outlet"
    quantity = ""
    if claim.quantity:
        q = claim.quantity
        quantity = f" [{q.approx} {q.value:g} {q.unit}]"
    evidence = " ".join(claim.evidence.split())
    if len(evidence) > 140:
        evidence = evidence[:137] + "..."
    return (f"{doc.id}:{claim.span[0]}-{claim.span[1]}  {who} ({claim.claimant.side}) {claim.status}: "
            f"{claim.actor.side} {claim.predicate}{quantity} @ {places}  \"{evidence}\"")


def _lines(doc, as_json: bool) -> list[str]:
    """Output lines of one document (runs in worker processes with --jobs)."""
    from geo.gazetteer import Gazetteer
    from layers import analyse

    _parsed, claims = analyse(doc, gazetteer=Gazetteer.load(progress=False))
    return [json.dumps(claim_record(c, doc), ensure_ascii=False) if as_json else _line(c, doc) for c in claims]


def run(args) -> int:
    from functools import partial

    from geo.gazetteer import Gazetteer
    from layers.build import map_documents

    Gazetteer.load()
    count = 0
    work = partial(_lines, as_json=args.jsonl)
    for lines in map_documents(work, documents(args), jobs=args.jobs, progress=False if args.quiet else None):
        for line in lines:
            count += 1
            print(line)
    if not args.quiet:
        print(f"claimmap: {count} claims", file=sys.stderr)
    return 0
