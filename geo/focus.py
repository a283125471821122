"""Which place a short report is about: the event's place."""

from __future__ import annotations

import re

from .distance import haversine_km
from .lexicon import LOCATIVE_WORDS, PARTY_NOUNS
from .model import Document, Mention, Place
from .recognize import begins_outlet_name, next_word, previous_word
from .resolution import TOWN_HOLDS_KM

_LEVEL_RANK = {"settlement": 0, "admin2": 1, "admin1": 2, "area": 2, "country": 3}


def _attributive(text: str, m: Mention) -> bool:
    """A name that qualifies a party noun rather than saying where ("at Donetsk
    rebel positions", "Kharkiv officials"), or that begins an outlet's name ("the
    office of Vilne Radio")."""
    return next_word(text, m.end).lower() in PARTY_NOUNS or begins_outlet_name(text, m.end)


_PART_GLUE = re.compile(r"[ \t]+[-–—][ \t]+")  # "Donetsk - Petrovskyi": a city and its district


def _part_of(whole: Mention | None, m: Mention, text: str) -> bool:
    """Whether ``m`` names a part of the town named just before it ("Donetsk -
    Petrovskyi"), not the other end of a road ("Kharkiv - Belgorod highway")."""
    if whole is None or m.place.level != "settlement" or whole.place.admin1_code != m.place.admin1_code:
        return False
    near = float(haversine_km(whole.place.lat, whole.place.lon, m.place.lat, m.place.lon)) <= TOWN_HOLDS_KM
    return near and _PART_GLUE.fullmatch(text, whole.end, m.start) is not None


def event_place(doc: Document) -> Place | None:
    """Where a short event report happened: the most specific place named
    after a locative preposition ("near Sakhanka", "in Kharkiv"), else the most
    specific place named at all; among those, a place inside the regions the
    report names before one outside them; a part of a town named after it ("Donetsk -
    Petrovskyi") before the town; a name qualifying a party noun ("Donetsk
    rebel positions") after the others of its level; earlier mentions break ties."""
    best: tuple | None = None
    whole: Mention | None = None  # the town before, when this names a part of it
    locative = False
    # the regions the report names ("..., Donetsk."): a place outside them is
    # rarely where it happened ("Ilyich's plant in Mariupol, Donetsk" is no Il'ich, Krasnodar)
    regions = {m.place.admin1_code for m in doc.mentions
               if m.place is not None and m.role == "place" and m.place.level == "admin1"}
    for i, m in enumerate(doc.mentions):
        if m.place is None or m.role != "place":
            continue
        part = _part_of(whole, m, doc.text)
        attributive = _attributive(doc.text, m)
        # the part of a town named after a locative word is where the town was
        locative = (part and locative) or (
            not attributive and previous_word(doc.text, m.start).lower() in LOCATIVE_WORDS)
        outside = bool(regions) and m.place.admin1_code not in regions
        rank = (_LEVEL_RANK.get(m.place.level, 4), 0 if locative else 1, outside, 0 if part else 1, attributive, i)
        if best is None or rank < best[0]:
            best = (rank, m.place)
        whole = m if m.place.level == "settlement" else None
    return best[1] if best else None

