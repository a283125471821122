"""Which place a short report is about: the event's place."""

from __future__ import annotations

from .lexicon import LOCATIVE_WORDS, PARTY_NOUNS
from .model import Document, Mention, Place
from .recognize import next_word, previous_word

_LEVEL_RANK = {"settlement": 0, "admin2": 1, "admin1": 2, "area": 2, "country": 3}


def _attributive(text: str, m: Mention) -> bool:
    """A name that qualifies a party noun rather than saying where: "at Donetsk
    rebel positions", "Kharkiv officials"."""
    return next_word(text, m.end).lower() in PARTY_NOUNS


def event_place(doc: Document) -> Place | None:
    """Where a short event report happened: the most specific place named
    after a locative preposition ("near Sakhanka", "in Kharkiv"), else the most
    specific place named at all; a name qualifying a party noun ("Donetsk
    rebel positions") comes after the others of its level; earlier mentions
    break ties."""
    best: tuple | None = None
    for i, m in enumerate(doc.mentions):
        if m.place is None or m.role != "place":
            continue
        attributive = _attributive(doc.text, m)
        locative = not attributive and previous_word(doc.text, m.start).lower() in LOCATIVE_WORDS
        rank = (_LEVEL_RANK.get(m.place.level, 4), 0 if locative else 1, attributive, i)
        if best is None or rank < best[0]:
            best = (rank, m.place)
    return best[1] if best else None

