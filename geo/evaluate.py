"""Evaluation of recognition and resolution against gold corpora.

Corpora are JSON lines shaped like ``{"id", "text", "toponyms": [{"start", "end",
"lat", "lon", ...}]}``; event rows like ``{"text", "lat", "lon", ...}``.
Metrics follow Gritta et al. (2018): a predicted span matches a gold span it
overlaps; resolution error is the great-circle distance to the gold point,
20,039 km when unresolved; AUC is the area under the sorted
log(1 + error) curve normalised by log(20,039) (0 is perfect).
"""

from __future__ import annotations

import json
import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .distance import haversine_km
from .errors import InputError
from .gazetteer import Gazetteer
from .parsing import parse, resolve, warm_up

MAX_ERROR_KM = 20039.0


@dataclass(frozen=True)
class GeoparseScores:
    docs: int
    toponyms: int
    precision: float
    recall: float
    f1: float
    acc161: float
    auc: float
    mean_km: float
    median_km: float
    coverage: float
    docs_per_s: float
    nearby: float = 0.0  # gold mode: share of scored toponyms the gazetteer lacks, placed at a span near them


@dataclass(frozen=True)
class EventScores:
    rows: int
    acc10: float
    acc50: float
    acc161: float
    median_km: float
    rows_per_s: float


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise InputError(f"{path}:{n}: a row needs a 'text' string")
                rows.append(row)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if not rows:
        raise InputError(f"{path}: no rows")
    return rows


def auc(errors_km: list[float]) -> float:
    """Gritta et al.'s AUC of sorted log errors, normalised to 0..1 (lower is better)."""
    if not errors_km:
        return float("nan")
    logs = np.log1p(np.sort(np.asarray(errors_km, dtype=float))) / math.log(MAX_ERROR_KM)
    if len(logs) == 1:
        return float(logs[0])
    return float(np.trapezoid(logs, dx=1.0 / (len(logs) - 1)))


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two (start, end) character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def score_geoparse(rows: list[dict], mode: str = "e2e", gazetteer: Gazetteer | None = None,
                   misses: list | None = None, nearby: bool = True) -> GeoparseScores:
    """Score ``geo.parse`` (mode ``e2e``) or ``geo.resolve`` on the gold spans (``gold``;
    ``nearby``: place spans the gazetteer lacks at the nearest other span's town, see ``resolve``)."""
    g = gazetteer or Gazetteer.load()
    warm_up(g)  # documents/s measure parsing, not the first parse's start-up
    tp_pred = n_pred = tp_gold = n_gold = 0
    errors: list[float] = []
    resolved = nearby_placed = 0
    elapsed = 0.0
    for row in rows:
        gold = [t for t in row.get("toponyms", []) if t.get("end", 0) > t.get("start", 0)]
        start = time.perf_counter()
        if mode == "gold":
            mentions = resolve(row["text"], [(t["start"], t["end"]) for t in gold], gazetteer=g, nearby=nearby)
        else:
            mentions = parse(row["text"], doc_id=row.get("id"), gazetteer=g).mentions
        elapsed += time.perf_counter() - start
        pred = [(m.start, m.end) for m in mentions]
        gold_spans = [(t["start"], t["end"]) for t in gold]
        n_pred += len(pred)
        n_gold += len(gold_spans)
        tp_pred += sum(any(spans_overlap(p, s) for s in gold_spans) for p in pred)
        tp_gold += sum(any(spans_overlap(s, p) for p in pred) for s in gold_spans)
        for t in gold:
            if t.get("lat") is None or t.get("lon") is None:
                continue
            match = next((m for m in mentions if spans_overlap((m.start, m.end), (t["start"], t["end"]))
                          and m.place is not None), None)
            if match is None:
                err = MAX_ERROR_KM
            else:
                resolved += 1
                nearby_placed += match.nearby
                err = float(haversine_km(t["lat"], t["lon"], match.place.lat, match.place.lon))
            errors.append(err)
            if misses is not None and err > 161:
                misses.append({"doc": row.get("id"), "gold": t.get("name"), "span": [t["start"], t["end"]],
                               "predicted": match.place.label if match else None, "km": round(err),
                               "nearby": bool(match and match.nearby)})
        if misses is not None and mode == "e2e":
            for m in mentions:
                if not any(spans_overlap((m.start, m.end), s) for s in gold_spans):
                    misses.append({"doc": row.get("id"), "false_positive": m.surface, "span": [m.start, m.end],
                                   "predicted": m.place.label if m.place else None})
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GeoparseScores(
        docs=len(rows),
        toponyms=n_gold,
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        acc161=round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else float("nan"),
        auc=round(auc(errors), 4),
        mean_km=round(statistics.fmean(errors), 1) if errors else float("nan"),
        median_km=round(statistics.median(errors), 1) if errors else float("nan"),
        coverage=round(resolved / len(errors), 4) if errors else float("nan"),
        docs_per_s=round(len(rows) / elapsed, 1) if elapsed else float("inf"),
        nearby=round(nearby_placed / len(errors), 4) if errors else float("nan"),
    )


def score_events(rows: list[dict], gazetteer: Gazetteer | None = None, misses: list | None = None) -> EventScores:
    """From each note alone, predict where the event happened; compare with the row's lat/lon."""
    from .focus import event_place

    g = gazetteer or Gazetteer.load()
    warm_up(g)
    errors = []
    elapsed = 0.0
    for row in rows:
        start = time.perf_counter()
        place = event_place(parse(row["text"], doc_id=row.get("id"), gazetteer=g))
        elapsed += time.perf_counter() - start
        err = MAX_ERROR_KM if place is None else float(haversine_km(row["lat"], row["lon"], place.lat, place.lon))
        errors.append(err)
        if misses is not None and err > 10:
            misses.append({"id": row.get("id"), "location": row.get("location"),
                           "predicted": place.label if place else None, "km": round(err), "text": row["text"][:200]})
    n = len(errors)
    return EventScores(
        rows=n,
        acc10=round(sum(e <= 10 for e in errors) / n, 4),
        acc50=round(sum(e <= 50 for e in errors) / n, 4),
        acc161=round(sum(e <= 161 for e in errors) / n, 4),
        median_km=round(statistics.median(errors), 1),
        rows_per_s=round(n / elapsed, 1) if elapsed else float("inf"),
    )
