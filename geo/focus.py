"""Which place a document is about: the event's place, the dominant region."""

from __future__ import annotations

from collections import Counter

from .model import Document, Mention, Place

_LOCATIVE = ("in", "near", "at", "outside", "of", "around", "into", "on")
_LEVEL_RANK = {"settlement": 0, "admin2": 1, "admin1": 2, "area": 2, "country": 3}


def event_place(doc: Document) -> Place | None:
    """Where a short event report happened: the most specific place named
    after a locative preposition ("near Sakhanka", "in Kharkiv"), else the most
    specific place named at all; earlier mentions break ties."""
    best: tuple | None = None
    for i, m in enumerate(doc.mentions):
        if m.place is None or m.role != "place":
            continue
        before = doc.text[max(0, m.start - 12):m.start].lower().split()
        locative = bool(before) and before[-1] in _LOCATIVE
        rank = (_LEVEL_RANK.get(m.place.level, 4), 0 if locative else 1, i)
        if best is None or rank < best[0]:
            best = (rank, m.place)
    return best[1] if best else None


def dominant_region(doc: Document) -> Place | None:
    """The admin-1 region (or country) most of the document's places lie in."""
    votes: Counter = Counter()
    regions: dict[str, Place] = {}
    for m in doc.places:
        p = m.place
        if p.level in ("settlement", "admin2", "admin1") and p.admin1_code:
            votes[p.admin1_code] += 1
            if p.level == "admin1":
                regions[p.admin1_code] = p
    if not votes:
        return None
    code, _n = votes.most_common(1)[0]
    return regions.get(code)
