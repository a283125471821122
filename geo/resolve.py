"""Choose the place each name means, with the whole document as context.

Each reading of a name starts from its context-free prior (exact or alternate
name, population). Then the document votes: readings in a country the text
mentions (by name, demonym or other unambiguous places) gain, so do readings
in a region it mentions, readings inside an explicitly given container
("Sudzha, in the Kursk region", "Gainesville, Ga."), and readings close to the
places the other names resolve to. Two rounds let a confident reading pull the
ambiguous ones: a text about Kursk and Sumy puts Pokrovsk in Ukraine, a text
about Melbourne, Florida keeps its other places in Florida.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from . import lexicon
from .distance import haversine_km
from .gazetteer import LEVEL_CODES, MATCH_TIER, SAME_NAME_CAPITAL_PENALTY, Gazetteer
from .model import Candidate, Mention, Place
from .recognize import Guess
from .tokens import Token

MAX_READINGS = 40
W_COUNTRY = 1.0
W_ADMIN1 = 1.0
W_CONTAINER = 3.0
W_NEAR = 1.5
NEAR_KM = 300.0
ROUNDS = 2
_SETTLEMENT = LEVEL_CODES["settlement"]
_ADMIN1 = LEVEL_CODES["admin1"]
_ADMIN2 = LEVEL_CODES["admin2"]
_COUNTRY = LEVEL_CODES["country"]
_REGION_WORDS = ("region", "oblast", "province", "district", "county", "state", "raion", "rayon", "krai")


@dataclass(slots=True)
class _Slot:
    """One recognised name and its readings (gazetteer rows) while resolving."""

    guess: Guess
    rows: list[int]
    priors: list[float]
    fixed: Place | None = None  # demonyms and seats
    role: str = "place"
    container: int | None = None  # index of the slot naming its container
    pick: int = -1  # index into rows


def _readings(g: Gazetteer, guess: Guess) -> tuple[list[int], list[float]]:
    region_phrase = guess.surface.lower().endswith(_REGION_WORDS)
    scored = []
    has_settlement_admin1 = {int(g.admin1[r]) for r, _t in guess.hits if g.level[r] == _SETTLEMENT}
    for row, tier in guess.hits:
        level = int(g.level[row])
        if region_phrase and level not in (_ADMIN1, _ADMIN2, LEVEL_CODES["area"]):
            continue
        score = g.prior(row, MATCH_TIER.get(tier, "variant"))
        if not region_phrase and level == _ADMIN1 and int(g.admin1[row]) in has_settlement_admin1:
            score -= SAME_NAME_CAPITAL_PENALTY
        scored.append((score, row))
    if not scored:  # "Sumy region" with no such region: the places it is named after
        scored = [(g.prior(r, MATCH_TIER.get(t, "variant")), r) for r, t in guess.hits]
    scored.sort(key=lambda x: (-x[0], x[1]))
    scored = scored[:MAX_READINGS]
    return [r for _s, r in scored], [s for s, _r in scored]


def _fixed_place(g: Gazetteer, guess: Guess) -> tuple[Place | None, str]:
    if guess.demonym is not None:
        code = guess.demonym.code
        row = g.admin1_row(code) if "-" in code else g.country_row(code)
        return (g.place(row) if row is not None else None), "demonym"
    seat = guess.seat
    found = g.candidates(seat.city, country_codes=[seat.country], levels=("settlement",), limit=1)
    return (found[0].place if found else None), "actor"


def _inside(g: Gazetteer, row: int, container: int) -> bool:
    level = int(g.level[container])
    if level == _COUNTRY:
        return g.country[row] == g.country[container]
    if level == _ADMIN1:
        return int(g.admin1[row]) == int(g.admin1[container]) and g.country[row] == g.country[container]
    if level == _ADMIN2:
        return int(g.admin2[row]) == container
    return False


def _containers(text: str, toks: list[Token], slots: list[_Slot]) -> None:
    """Mark "X, Y" and "X in (the) Y (region)" where Y can contain X."""
    for i in range(len(slots) - 1):
        a, b = slots[i], slots[i + 1]
        between = text[a.guess.end:b.guess.start].strip().lower()
        if between in (",", "in", "in the", ", in", ", in the", "near", ", near") or between.startswith(", a town in"):
            a.container = i + 1


def _role(g: Gazetteer, toks: list[Token], slot: _Slot, row: int) -> str:
    """``actor`` for a capital or country used for its government ("Moscow has slammed")."""
    if slot.fixed is not None:
        return slot.role
    level = int(g.level[row])
    if not (row in g.capitals or level == _COUNTRY):
        return "place"
    nxt = slot.guess.last + 1
    if nxt >= len(toks):
        return "place"
    word = toks[nxt].text.lower()
    if word in ("'s", "’s"):
        following = toks[nxt + 1].text.lower() if nxt + 1 < len(toks) else ""
        return "place" if following in lexicon.DIRECTION_WORDS or level == _COUNTRY else "actor"
    if word in lexicon.ACTOR_VERBS and (nxt + 1 < len(toks)) and toks[nxt + 1].text not in (".", ","):
        return "actor"
    return "place"


def resolve_guesses(g: Gazetteer, text: str, toks: list[Token], guesses: list[Guess],
                    doc_id: str | None = None) -> list[Mention]:
    slots: list[_Slot] = []
    for guess in guesses:
        if guess.demonym is not None or guess.seat is not None:
            place, role = _fixed_place(g, guess)
            slots.append(_Slot(guess, [], [], fixed=place, role=role))
        else:
            rows, priors = _readings(g, guess)
            slots.append(_Slot(guess, rows, priors))
    _containers(text, toks, slots)

    # Round 0: every name takes its best prior reading.
    for s in slots:
        s.pick = 0 if s.rows else -1
    scores: list[np.ndarray] = [np.array(s.priors) for s in slots]
    for _ in range(ROUNDS):
        picks = [_picked_row(s) for s in slots]
        fixed_places = [s.fixed for s in slots]
        new_scores = []
        for i, s in enumerate(slots):
            if not s.rows:
                new_scores.append(np.array([]))
                continue
            others = [j for j in range(len(slots)) if slots[j].guess.key != s.guess.key]
            countries = Counter()
            admin1s = Counter()
            points = []
            for j in others:
                row, place = picks[j], fixed_places[j]
                if place is not None:
                    countries[place.country_code] += 1
                    if place.level == "admin1":
                        admin1s[(place.country_code, place.admin1_code)] += 1
                    if place.level != "country":
                        points.append((place.lat, place.lon))
                    continue
                if row < 0:
                    continue
                countries[g.country[row]] += 1
                if int(g.level[row]) in (_ADMIN1, _SETTLEMENT, _ADMIN2):
                    admin1s[(g.country[row], int(g.admin1[row]))] += 1
                if int(g.level[row]) != _COUNTRY:
                    points.append((float(g.lat[row]), float(g.lon[row])))
            rows = np.array(s.rows)
            sc = np.array(s.priors, dtype=float)
            cc = np.array([g.country[r] for r in s.rows])
            sc += W_COUNTRY * np.isin(cc, list(countries)) if countries else 0
            if admin1s:
                keys = set(admin1s)
                sc += W_ADMIN1 * np.array([(g.country[r], int(g.admin1[r])) in keys for r in s.rows])
            if s.container is not None:
                crow = picks[s.container]
                if crow >= 0:
                    sc += W_CONTAINER * np.array([_inside(g, r, crow) for r in s.rows])
            if points:
                pts = np.array(points)
                d = haversine_km(g.lat[rows][:, None], g.lon[rows][:, None], pts[None, :, 0], pts[None, :, 1])
                sc += W_NEAR * (d <= NEAR_KM).mean(axis=1)
            new_scores.append(sc)
        for s, sc in zip(slots, new_scores):
            if s.rows:
                s.pick = int(np.argmax(sc))
        scores = new_scores

    mentions = []
    for s, sc in zip(slots, scores):
        guess = s.guess
        if s.fixed is not None or not s.rows:
            cands = (Candidate(s.fixed, 1.0, "exact"),) if s.fixed is not None else ()
            mentions.append(Mention(guess.start, guess.end, guess.surface, s.fixed, cands, s.role, doc_id))
            continue
        order = np.argsort(-sc, kind="stable")[:5]
        cands = tuple(Candidate(g.place(s.rows[k]), round(float(sc[k]), 4), "context") for k in order)
        row = s.rows[int(order[0])]
        mentions.append(Mention(guess.start, guess.end, guess.surface, cands[0].place, cands,
                                _role(g, toks, s, row), doc_id))
    return mentions


def _picked_row(s: _Slot) -> int:
    return s.rows[s.pick] if s.rows and s.pick >= 0 else -1
