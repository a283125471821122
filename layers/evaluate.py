"""Score claim extraction against a gold file, as the claims SCHEMA prescribes.

Detection: a predicted claim matches a gold claim when their sentence spans
overlap and their predicates agree (one-to-one, greedy, preferring the same
actor side). Among matched claims: claimant side, actor side, status; place
(a predicted place within 25 km of a gold settlement, in the same admin-1
region as a gold region (found by point in polygon) or within 25 km of its
centre, or in the same country as all-country gold places); quantity (value,
unit and approx all equal, over gold claims that have one).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from geo import boundaries
from geo.distance import haversine_km
from geo.evaluate import spans_overlap
from geo.gazetteer import Gazetteer
from geo.parsing import parse

from .claims import extract_claims
from .model import Claim

PLACE_KM = 25.0


@dataclass(frozen=True)
class ClaimScores:
    docs: int
    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float
    attribution: float
    actor: float
    status: float
    place: float
    quantity: float
    docs_per_s: float



def _region_of(lat: float, lon: float) -> str | None:
    layer = boundaries.admin1()
    i = layer.containing(lon, lat)
    return layer.attrs["iso_3166_2"][i] if i is not None else None


def _country_of(lat: float, lon: float) -> str | None:
    layer = boundaries.countries()
    i = layer.containing(lon, lat)
    return layer.attrs["country_code"][i] if i is not None else None


def place_matches(pred: Claim, gold: dict) -> bool | None:
    """Whether a predicted claim's places meet the gold claim's (None when gold has none)."""
    gold_places = [p for p in gold.get("places", []) if p.get("lat") is not None]
    if not gold_places:
        return None
    preds = [cp.place for cp in pred.places]
    if all(p.get("level") == "country" for p in gold_places):
        codes = {_country_of(p["lat"], p["lon"]) for p in gold_places}
        return any(p.country_code in codes for p in preds)
    for gp in gold_places:
        for p in preds:
            km = float(haversine_km(gp["lat"], gp["lon"], p.lat, p.lon))
            if km <= PLACE_KM:
                return True
            if gp.get("level") == "admin1":
                code = _region_of(gp["lat"], gp["lon"])
                if code and p.admin1_code == code:
                    return True
    return False


def _quantity_matches(pred: Claim, gold: dict) -> bool:
    q, gq = pred.quantity, gold["quantity"]
    return q is not None and float(q.value) == float(gq["value"]) and q.unit == gq["unit"] and q.approx == gq["approx"]


def score_claims(rows: list[dict], gazetteer: Gazetteer | None = None, misses: list | None = None) -> ClaimScores:
    g = gazetteer or Gazetteer.load()
    n_gold = n_pred = matched = 0
    agree = {"attribution": [0, 0], "actor": [0, 0], "status": [0, 0], "place": [0, 0], "quantity": [0, 0]}
    elapsed = 0.0
    for row in rows:
        start = time.perf_counter()
        doc = parse(row["text"], doc_id=row.get("id"), date=row.get("date"), gazetteer=g)
        preds = extract_claims(doc, gazetteer=g)
        elapsed += time.perf_counter() - start
        golds = row.get("claims", [])
        n_gold += len(golds)
        n_pred += len(preds)
        used = set()
        for gold in golds:
            options = [(i, p) for i, p in enumerate(preds) if i not in used
                       and spans_overlap(p.span, gold["span"]) and p.predicate == gold["predicate"]]
            if not options:
                if misses is not None:
                    misses.append({"doc": row.get("id"), "missed": gold["evidence"][:160], "predicate": gold["predicate"],
                                   "actor": gold["actor"]["side"], "claimant": gold["claimant"]["side"]})
                continue
            options.sort(key=lambda ip: (ip[1].actor.side != gold["actor"]["side"],
                                         ip[1].claimant.side != gold["claimant"]["side"]))
            i, pred = options[0]
            used.add(i)
            matched += 1
            checks = {
                "attribution": pred.claimant.side == gold["claimant"]["side"],
                "actor": pred.actor.side == gold["actor"]["side"],
                "status": pred.status == gold["status"],
            }
            pm = place_matches(pred, gold)
            if pm is not None:
                checks["place"] = pm
            if gold.get("quantity"):
                checks["quantity"] = _quantity_matches(pred, gold)
            for k, ok in checks.items():
                agree[k][0] += ok
                agree[k][1] += 1
            if misses is not None and not all(checks.values()):
                misses.append({"doc": row.get("id"), "evidence": gold["evidence"][:160],
                               "wrong": [k for k, ok in checks.items() if not ok],
                               "gold": {"claimant": gold["claimant"], "actor": gold["actor"]["side"],
                                        "status": gold["status"], "places": [p["text"] for p in gold["places"]],
                                        "quantity": gold.get("quantity")},
                               "predicted": {"claimant": [pred.claimant.text, pred.claimant.side],
                                             "actor": pred.actor.side, "status": pred.status,
                                             "places": [p.place.label for p in pred.places],
                                             "quantity": asdict(pred.quantity) if pred.quantity else None}})
        if misses is not None:
            for i, p in enumerate(preds):
                if i not in used:
                    misses.append({"doc": row.get("id"), "false_positive": p.evidence[:160], "predicate": p.predicate,
                                   "trigger": row["text"][p.trigger[0]:p.trigger[1]]})
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def share(k):
        ok, n = agree[k]
        return round(ok / n, 4) if n else float("nan")

    return ClaimScores(
        docs=len(rows), gold=n_gold, predicted=n_pred, precision=round(precision, 4), recall=round(recall, 4),
        f1=round(f1, 4), attribution=share("attribution"), actor=share("actor"), status=share("status"),
        place=share("place"), quantity=share("quantity"),
        docs_per_s=round(len(rows) / elapsed, 1) if elapsed else float("inf"),
    )
