"""Which place a short report is about: the event's place."""

from __future__ import annotations

from .model import Document, Place

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

