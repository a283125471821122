"""Which place a short report is about: the event's place."""

from __future__ import annotations

from .lexicon import LOCATIVE_WORDS
from .model import Document, Place
from .recognize import previous_word

_LEVEL_RANK = {"settlement": 0, "admin2": 1, "admin1": 2, "area": 2, "country": 3}


def event_place(doc: Document) -> Place | None:
    """Where a short event report happened: the most specific place named
    after a locative preposition ("near Sakhanka", "in Kharkiv"), else the most
    specific place named at all; earlier mentions break ties."""
    best: tuple | None = None
    for i, m in enumerate(doc.mentions):
        if m.place is None or m.role != "place":
            continue
        locative = previous_word(doc.text, m.start).lower() in LOCATIVE_WORDS
        rank = (_LEVEL_RANK.get(m.place.level, 4), 0 if locative else 1, i)
        if best is None or rank < best[0]:
            best = (rank, m.place)
    return best[1] if best else None

