"""Documents in, a table of claims on places out: one row per (claim, place).

``build(documents)`` parses each document, extracts its claims and returns a
``geopandas.GeoDataFrame`` in EPSG:4326 whose geometry is the place's point,
or the real polygon for first-level regions and named areas (shipped Natural
Earth boundaries). ``build(..., mentions=True)`` gives one row per place
mention instead. Every row keeps the document id and character spans.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from functools import cache

from geo import boundaries
from geo.gazetteer import Gazetteer
from geo.model import Place

from .sources import SourceDocument

CLAIM_COLUMNS = [
    "claim_id", "doc_id", "span_start", "span_end", "evidence", "claimant", "claimant_text", "claimant_side", "actor",
    "actor_side",
    "predicate", "status", "quantity_value", "quantity_unit", "quantity_approx", "since", "on", "report_date",
    "source", "title", "url", "place_name", "place_id", "geonameid", "level", "admin1", "country_code", "inferred",
    "confidence", "place_start", "place_end", "trigger_start", "trigger_end",
]
MENTION_COLUMNS = [
    "doc_id", "span_start", "span_end", "surface", "role", "report_date", "source", "title", "url", "place_name",
    "place_id", "geonameid", "level", "admin1", "country_code", "confidence",
]
INFERRED_CONFIDENCE = 0.3  # a place taken from the document's context, not named in the sentence


@cache
def _area_members() -> dict[str, tuple[str, ...]]:
    from geo.lexicon import areas

    return {area.code: area.members for area in areas()}


@cache
def shape_of(place_id: str, level: str, lon: float, lat: float):
    """The polygon of a region or named area, else the place's point."""
    import shapely

    if level == "admin1" and place_id.startswith("iso:"):
        layer = boundaries.admin1()
        i = layer.index_of("iso_3166_2", place_id[4:])
        if i is not None:
            return layer.geometries[i]
    if level == "area" and place_id in _area_members():
        parts = []
        for code in _area_members()[place_id]:
            layer = boundaries.admin1() if "-" in code else boundaries.countries()
            i = layer.index_of("iso_3166_2" if "-" in code else "country_code", code)
            if i is not None:
                parts.append(layer.geometries[i])
        if parts:
            return shapely.union_all(parts)
    return shapely.Point(lon, lat)


_SIDE_ADJECTIVE = {"UA": "Ukrainian", "RU": "Russian", "third": "", "author": ""}


def claimant_label(text: str | None, side: str, source: str | None) -> str:
    """A short, stable name for a claimant, to group its claims into one layer.

    "Commander-in-Chief Oleksandr Syrskyi" and "Syrskyi" are both "Syrskyi";
    "Russia's Defence Ministry" and "the Russian MoD" are "Russian defence
    ministry"; the outlet's own voice is its source.
    """
    import re

    from .claims import side_terms

    if side == "author" or not text:
        return source or "the outlet"
    pattern, _sides = side_terms()
    kinds = _term_kinds()
    best = None
    national = False
    for m in pattern.finditer(text):
        term = m.group()
        kind = kinds.get(term.lower(), "")
        if kind in ("country", "demonym", "capital", "seat"):
            national = True
            continue
        if best is None or len(term) > len(best[0]):
            best = (term, kind)
    if best is not None:
        term, kind = best
        if term[:1].isupper() and " " not in term and not term.isupper():
            return term  # a person by surname: "Syrskyi"
        adjective = _SIDE_ADJECTIVE.get(side, "")
        if kind in ("defence ministry", "general staff", "armed forces") and adjective:
            return f"{adjective} {kind}"
        return term
    if national and _SIDE_ADJECTIVE.get(side):
        return f"{_SIDE_ADJECTIVE[side]} officials"  # "Kyiv said", "Ukrainian officials", "Moscow"
    names = re.findall(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+", text)
    if names:
        return names[-1].split()[-1] if len(names[-1].split()) > 1 else names[-1]
    return text if len(text) <= 40 else text[:37] + "..."


@cache
def _term_kinds() -> dict[str, str]:
    from .claims import side_rows

    return {r["term"].lower(): r["kind"] for r in side_rows()}


def _place_fields(place: Place) -> dict:
    return {"place_name": place.name, "place_id": place.id, "geonameid": place.geonameid, "level": place.level,
            "admin1": place.admin1, "country_code": place.country_code}


def claim_rows(doc: SourceDocument, parsed, claims) -> list[dict]:
    """Rows of one document's claims, one per (claim, place)."""
    confidence = {(m.start, m.end): m.confidence for m in parsed.mentions}
    rows = []
    for c in claims:
        base = {
            "claim_id": c.id, "doc_id": doc.id, "span_start": c.span[0], "span_end": c.span[1],
            "evidence": c.evidence, "claimant": claimant_label(c.claimant.text, c.claimant.side, doc.source),
            "claimant_text": c.claimant.text,
            "claimant_side": c.claimant.side, "actor": c.actor.text, "actor_side": c.actor.side,
            "predicate": c.predicate, "status": c.status,
            "quantity_value": float(c.quantity.value) if c.quantity else None,
            "quantity_unit": c.quantity.unit if c.quantity else None,
            "quantity_approx": c.quantity.approx if c.quantity else None,
            "since": c.since, "on": c.on, "report_date": doc.date, "source": doc.source, "title": doc.title,
            "url": doc.url, "trigger_start": c.trigger[0], "trigger_end": c.trigger[1],
        }
        for cp in c.places:
            row = dict(base)
            row.update(_place_fields(cp.place))
            row["inferred"] = cp.inferred
            row["place_start"], row["place_end"] = cp.span if cp.span else (None, None)
            row["confidence"] = INFERRED_CONFIDENCE if cp.inferred else confidence.get(cp.span, 1.0)
            row["geometry"] = shape_of(cp.place.id, cp.place.level, cp.place.lon, cp.place.lat)
            rows.append(row)
    return rows


def mention_rows(doc: SourceDocument, parsed) -> list[dict]:
    rows = []
    for m in parsed.mentions:
        if m.place is None:
            continue
        row = {"doc_id": doc.id, "span_start": m.start, "span_end": m.end, "surface": m.surface, "role": m.role,
               "report_date": doc.date, "source": doc.source, "title": doc.title, "url": doc.url,
               "confidence": m.confidence}
        row.update(_place_fields(m.place))
        row["geometry"] = shape_of(m.place.id, m.place.level, m.place.lon, m.place.lat)
        rows.append(row)
    return rows


class Progress:
    """Documents and docs/s on stderr, when it is a terminal (or forced); ``-q`` passes False."""

    def __init__(self, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.n = 0
        self.start = time.perf_counter()
        self.last = 0.0

    def tick(self) -> None:
        self.n += 1
        now = time.perf_counter()
        if self.enabled and now - self.last > 0.25:
            self.last = now
            rate = self.n / max(now - self.start, 1e-9)
            print(f"\rclaimmap: {self.n:,} documents, {rate:,.0f} docs/s", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled:
            rate = self.n / max(time.perf_counter() - self.start, 1e-9)
            print(f"\rclaimmap: {self.n:,} documents, {rate:,.0f} docs/s", file=sys.stderr)


def _frame(rows: list[dict], columns: list[str]):
    import geopandas as gpd

    if not rows:
        return gpd.GeoDataFrame({c: [] for c in columns}, geometry=[], crs="EPSG:4326")
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    return gdf[columns + ["geometry"]]


def _rows_of(doc: SourceDocument) -> tuple[list[dict], list[dict]]:
    """(claim rows, mention rows) of one document; runs in worker processes too."""
    from . import analyse

    parsed, found = analyse(doc, gazetteer=Gazetteer.load(progress=False))
    return claim_rows(doc, parsed, found), mention_rows(doc, parsed)


def map_documents(work, documents: Iterable[SourceDocument], *, jobs: int = 1, progress: bool | None = None):
    """``work(doc)`` for each document, in input order, in ``jobs`` processes.

    Documents are read lazily and results handed on as they come, so memory stays
    bounded by a few chunks whatever the size of the input. ``work`` must be a
    module-level function (or a partial of one) for the worker processes.
    """
    bar = Progress(progress)
    try:
        if jobs <= 1:
            for doc in documents:
                yield work(doc)
                bar.tick()
            return
        import multiprocessing

        Gazetteer.load()  # build the index once here, not in every worker
        ctx = multiprocessing.get_context("fork" if hasattr(__import__("os"), "fork") else "spawn")
        with ctx.Pool(jobs) as pool:
            for result in pool.imap(work, documents, chunksize=8):
                yield result
                bar.tick()
    finally:
        bar.close()


def document_rows(documents: Iterable[SourceDocument], *, jobs: int = 1, progress: bool | None = None):
    """(claim rows, mention rows) per document, in input order, parsing in ``jobs`` processes."""
    return map_documents(_rows_of, documents, jobs=jobs, progress=progress)


def build_layers(documents: Iterable[SourceDocument], *, progress: bool | None = None, jobs: int = 1,
                 gazetteer: Gazetteer | None = None):
    """(claims GeoDataFrame, mentions GeoDataFrame) of the documents, in one pass."""
    if gazetteer is not None and Gazetteer._shared is None:
        Gazetteer._shared = gazetteer
    claims, mentions = [], []
    for claim_part, mention_part in document_rows(documents, jobs=jobs, progress=progress):
        claims.extend(claim_part)
        mentions.extend(mention_part)
    return _frame(claims, CLAIM_COLUMNS), _frame(mentions, MENTION_COLUMNS)


def build(documents: Iterable[SourceDocument], *, mentions: bool = False, progress: bool | None = None,
          jobs: int = 1, gazetteer: Gazetteer | None = None):
    """GeoDataFrame of claims (or of place mentions) of the documents, in EPSG:4326."""
    claims, places = build_layers(documents, progress=progress, jobs=jobs, gazetteer=gazetteer)
    return places if mentions else claims

