"""Choose the place each name means, with the whole document as context.

Each reading of a name starts from its context-free prior (exact or alternate
name, population). Then the document votes: readings in the countries the
other names resolve to gain (in proportion), so do readings in a region the
other names lie in or name (a little more, the more often the text names places
in it), readings inside an explicitly given container
("Sudzha, in the Kursk region", "Novotroitske, Donetsk", "Gainesville, Ga."),
and readings close to the places the other names resolve to; a country's
capital gains in a text that names its country. Two rounds let a
confident reading pull the ambiguous ones: a text about Kursk and Sumy puts
Pokrovsk in Ukraine, a text about Melbourne, Florida keeps its other places
in Florida. A name's other spellings never vote for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from . import lexicon
from .distance import EARTH_RADIUS_KM, haversine_km
from .gazetteer import (LEVEL_CODES, MATCH_TIER, REGION_LEVELS, TIER_ALTERNATE, TIER_PRIMARY, TIER_VARIANT, Gazetteer,
                        name_prior_of, prior_of, region_populations)
from .model import Candidate, Mention, Place
from .names import fold, skeleton
from .recognize import POSTAL_IMPORTANCE, REGION_TAIL, Guess, next_word, previous_word

MAX_READINGS = 40
# Priors of readings in running text: a name's match kind and the place's size
# (per decade of population) against the context votes below.
PRIOR_POPULATION = 0.4
# A postal village (of unknown population) counts as one of this many people, as
# the recogniser's POSTAL_IMPORTANCE has it (316). A village only the Ukrainian
# codifier knows, with no post office of its own, counts as none: mostly hamlets.
UNKNOWN_VILLAGE_POP = round(10 ** POSTAL_IMPORTANCE)
# One that Ukraine's codifier calls a town (селище) or city counts as this many.
UNKNOWN_TOWN_POP = 3_000
# An airport counts as a town of this many: its own name ("Heathrow", "Sheremetyevo")
# means it before a small namesake far away (Heathrow, Florida).
AIRPORT_POP = 50_000
COMMON_NAME_ALTERNATE_PENALTY = 1.5
CITY_NAME_MIN_POP = 100_000  # a city whose own name no far smaller place's old name outweighs
CITY_OVER_NAMESAKE = 100
W_COUNTRY = 1.0
W_ADMIN1 = 1.0
W_REGION_SHARE = 0.5  # more, the more often the text names places in the reading's region
W_ADMIN2 = 2.0
# A settlement this small, known only outside the region the text puts it in, is
# taken for a village the gazetteer lacks (see _region_named_around).
MINOR_POPULATION = 20_000
NAMED_AROUND_KM = 150.0
# A town named after a country or region, outside it, against that region's own
# name; cities this big hold their own ("Washington", "Victoria").
REGION_NAMESAKE_PENALTY = 1.0
# A town of a region's name inside it with under a TOWN_UNDER_REGION-th of its
# people: the bare name means the region ("Quebec", "Selangor", "Goiás"), not the
# town, whatever towns nearby the text names: the penalty outweighs the nearness
# vote (W_NEAR + W_CLOSE). Regions of ten to twenty times their seat's people
# keep the town's own prior ("Varese", "Cadiz" are mostly the cities).
TOWN_UNDER_REGION = 20
SEAT_UNDER_REGION_PENALTY = 2.0
NAMESAKE_TOWN_MAX_POP = 100_000
W_CONTAINER = 3.0
# The margin by which a reading a rule after the vote settles on (the county the document
# names, the region a list reads) leads the name's other readings.
UNIT_FOLLOWED = 0.001
# "Kursk Governor Alexei Smirnov", "New York Gov. Kathy Hochul": a governor heads a region,
# so a mention with a governor's title after it reads as a region when it may.
GOVERNOR_WORDS = frozenset({"governor", "gov", "governors", "gubernatorial", "governorship"})
_GOVERNED = "|governor"
# "the city of Turkey", "the frontline town of Pokrovsk", "the Russian village of Tetkino"
# (not "Torkula village of Guma Local Government Area": a village of the area)
_SETTLEMENT_CUE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|hamlet|settlement)\s+of\s+$")
# How far from a town's centre a place may lie and still be in it ("Brooklyn, New York").
TOWN_HOLDS_KM = 30.0
# How far from its centre a second-level unit whose settlements are not listed reaches (a hromada).
UNIT_RADIUS_KM = 20.0
W_NEAR = 1.5
NEAR_KM = 300.0
_NEAR_COS = float(np.cos(NEAR_KM / EARTH_RADIUS_KM))
# Nearer still counts more: the villages of one front sector, or one county's towns,
# lie within CLOSE_KM of each other, while namesakes two oblasts or states away are
# often within NEAR_KM too (Hanover, New Hampshire and Hanover, Massachusetts).
W_CLOSE = 0.25
CLOSE_KM = 100.0
_CLOSE_COS = float(np.cos(CLOSE_KM / EARTH_RADIUS_KM))
ROUNDS = 2
# A country's capital, in a text that names the country: "Paris" beside "France"
# is Paris, France, however many Kentucky towns the text names around it.
W_CAPITAL = 1.5
_SETTLEMENT = LEVEL_CODES["settlement"]
_ADMIN1 = LEVEL_CODES["admin1"]
_ADMIN2 = LEVEL_CODES["admin2"]
_COUNTRY = LEVEL_CODES["country"]
_AREA = LEVEL_CODES["area"]
_CONTAINER_LEVELS = (_ADMIN1, _ADMIN2, _AREA, _COUNTRY)  # what a "X, Y" container may be
# A region phrase ends in one of the recogniser's region words ("the Kursk region"); "City" names a town.
_REGION_WORDS = tuple(sorted(REGION_TAIL - {"city"}))
# "Stepanivka village, Kherson": a settlement-kind word between the names.
_KIND_WORD = re.compile(r"^\s*(?:village|town|city|settlement|hamlet|township|district|raion|area|border checkpoint)\b")
_CONTAINER_GLUE = (",", "in", "in the", ", in", ", in the", "near", ", near", "of", "(", ", a town in",
                   ", a village in", ", a city in")
# Non-blank characters a glue can hold: the longest glue and kind word, with room.
_MAX_GLUE = 40


@dataclass(slots=True)
class _Name:
    """One distinct name of the document and its readings while resolving."""

    key: str  # the name's key in this document: its folded text, and its container or variant readings
    rows: np.ndarray
    priors: np.ndarray
    base: str = ""  # the folded text alone ("donetsk" for "donetsk|in:ukraine")
    fixed: Place | None = None  # demonyms and seats
    role: str = "place"
    containers: set[int] = field(default_factory=set)  # indexes of names given as its container
    pick: int = -1
    scores: np.ndarray | None = None
    locative: bool = False  # a demonym some use of which is not "Russian forces"
    count: int = 0  # how many times the document names it
    facts: _Facts | None = None  # of its readings


def unit_vectors(lat, lon) -> np.ndarray:
    """Points on the unit sphere (n x 3) for degrees of latitude and longitude."""
    la, lo = np.radians(lat), np.radians(lon)
    c = np.cos(la)
    return np.column_stack((c * np.cos(lo), c * np.sin(lo), np.sin(la)))


def _hits(g: Gazetteer, guess: Guess) -> list[tuple[int, int]]:
    """A name's gazetteer rows; for a name that is no place's own name, also the
    places whose names it spells in another romanisation: "Vodyane" is one
    place's alternate name and the primary name of villages spelled "Vodiane"."""
    hits = guess.hits
    if not hits or guess.variant or any(t == TIER_PRIMARY for _r, t in hits):
        return hits
    known = {r for r, _t in hits}
    return hits + [(r, TIER_VARIANT) for r in g.variants_key(guess.key) if r not in known]


def _readings(g: Gazetteer, guess: Guess) -> tuple[list[int], list[float]]:
    hits = _hits(g, guess)
    region_phrase = guess.region_phrase or guess.surface.lower().endswith(_REGION_WORDS)
    columns = g.columns([r for r, _t in hits])
    levels, a1s, pops = columns
    capitals_of = g.regions_named_after_capitals(hits, columns)
    # A country's or region's own name ("Iraq") is not some town's foreign
    # alternate name (Arāk, Iran, is "Iraq" in GeoNames).
    names_a_region = any(t == TIER_PRIMARY and levels[k] in (_COUNTRY, _ADMIN1, _AREA)
                         for k, (_r, t) in enumerate(hits))
    # A name many places bear as their main name ("Oleksandrivka") is rarely
    # meant as some city's old or foreign alternate name (Donetsk's).
    common_name = sum(1 for k, (_r, t) in enumerate(hits) if t == TIER_PRIMARY and levels[k] == _SETTLEMENT) >= 3
    # ...nor is a city's own name, where the city is far bigger than the place that
    # bore it once ("Novorossiysk" is not Siabry, Kherson oblast, once Novorossiyske).
    city_pop = max((pops[k] for k, (_r, t) in enumerate(hits) if t == TIER_PRIMARY and levels[k] == _SETTLEMENT),
                   default=0)
    city_name = city_pop >= CITY_NAME_MIN_POP
    # Regions of this name, by population: one far more populous than a town of
    # its name inside it is what the bare name means (TOWN_UNDER_REGION).
    region_pop = region_populations(columns)
    # Regions of this very name that a big town of it lies in (its seat, as a rule).
    seats_of = capitals_of & region_pop.keys()
    # Countries and regions whose main name this is: a town outside them that bears
    # it ("California, Maryland", "Koréa, Côte d'Ivoire") is rarely what the bare name means.
    named_regions = [r for k, (r, _t) in enumerate(hits)
                     if levels[k] in (_COUNTRY, _ADMIN1) and fold(g.names[r]) == guess.key]
    own_skeleton = skeleton(guess.key)
    scored = []
    for k, (row, tier) in enumerate(hits):
        level = levels[k]
        if region_phrase and level not in REGION_LEVELS:
            continue
        if names_a_region and level == _SETTLEMENT and tier != TIER_PRIMARY:
            continue
        # the town's own name in another romanisation ("Huliaipole" for GeoNames' Hulyaypole)
        respelt = False
        if tier != TIER_PRIMARY and level == _SETTLEMENT:
            main = fold(g.names[row])
            # ...or its main name's first words ("Newcastle" for Newcastle upon Tyne)
            respelt = skeleton(main) == own_skeleton or (
                main.startswith(guess.key) and _leading_words(g.names[row], guess.key))
        # ...which, as an alternate name, is as good as its main name
        match = TIER_PRIMARY if respelt and tier == TIER_ALTERNATE else tier
        pop = pops[k]
        if not pop and level == _SETTLEMENT:
            pop = UNKNOWN_TOWN_POP if row in g.towns else UNKNOWN_VILLAGE_POP if g.code[row].startswith("pc") \
                else AIRPORT_POP if row in g.airports else 0
        if row in g.sections:
            pop = 0  # a city's section: its people are the city's ("Shevchenko" of Poltava)
        score = name_prior_of(level, a1s[k], pop, MATCH_TIER[match], capitals_of, region_phrase, PRIOR_POPULATION)
        if (common_name or city_name and city_pop >= CITY_OVER_NAMESAKE * max(pops[k], 1)) \
                and tier != TIER_PRIMARY and level == _SETTLEMENT and a1s[k] not in seats_of and not respelt:
            # ...unless it is the big town a region of this name is named after, or the
            # name only spells its own in another romanisation: "Kostiantynivka" is the
            # city Kostyantynivka, "Mykolaiv" the city Mykolayiv, whatever villages share it.
            score -= COMMON_NAME_ALTERNATE_PENALTY
        if named_regions and level == _SETTLEMENT and pops[k] < NAMESAKE_TOWN_MAX_POP \
                and not any(_row_inside(g, row, region) for region in named_regions):
            score -= REGION_NAMESAKE_PENALTY
        if level == _SETTLEMENT and region_pop.get(a1s[k], 0) >= TOWN_UNDER_REGION * max(pops[k], 1):
            score -= SEAT_UNDER_REGION_PENALTY
        scored.append((score, row))
    if not scored:  # "Sumy region" with no such region: the places it is named after
        scored = [(prior_of(pops[k], MATCH_TIER[t], PRIOR_POPULATION), r) for k, (r, t) in enumerate(hits)]
    scored.sort(key=lambda x: (-x[0], x[1]))
    scored = scored[:MAX_READINGS]
    return [r for _s, r in scored], [s for s, _r in scored]


_NAME_WORD_SEPARATORS = re.compile(r"[\s\-‐‑]+")
# Words that open the qualifier of a town's full name: "Newcastle upon Tyne",
# "Frankfurt am Main", "Romans-sur-Isère", "Halle (Saale)".
_QUALIFIER_OPENERS = frozenset(("upon", "on", "am", "an", "im", "ob", "bei", "in", "sur", "sous", "en", "lès",
                                "les", "de", "del", "di", "da", "al"))


def _leading_words(name: str, key: str) -> bool:
    """Whether ``key`` folds the words of ``name`` before its qualifier, the short
    form a town goes by: "Newcastle" of Newcastle upon Tyne, "Frankfurt" of
    Frankfurt am Main (not "Washington" of Washington Court House)."""
    acc = ""
    words = _NAME_WORD_SEPARATORS.split(name)
    for k, word in enumerate(words[:-1]):
        acc += fold(word)
        if acc == key:
            following = words[k + 1]
            return following.lower() in _QUALIFIER_OPENERS or following.startswith("(")
        if len(acc) >= len(key):
            return False
    return False


def _name_readings(g: Gazetteer, guess: Guess) -> tuple[np.ndarray, np.ndarray, _Facts]:
    """A name's readings as arrays of rows and priors, with their ``_facts``."""
    rows, priors = _readings(g, guess)
    rows = np.array(rows, dtype=np.int64)
    return rows, np.array(priors, dtype=float), _facts(g, rows)


def _fixed_place(g: Gazetteer, guess: Guess) -> tuple[Place | None, str]:
    if guess.demonym is not None:
        code = guess.demonym.code
        if ":" in code:  # continent:EU, area:donbas
            row = g.row_of_code(code)
        else:
            row = g.admin1_row(code) if "-" in code else g.country_row(code)
        return (g.place(row) if row is not None else None), "demonym"
    seat = guess.seat
    found = g.candidates(seat.city, country_codes=[seat.country], levels=("settlement",), limit=10)
    # "Arlington" alone is Arlington, Texas; the Pentagon's is in Virginia
    found = [c for c in found if not seat.region or c.place.admin1_code == seat.region] or found
    return (found[0].place if found else None), "actor"


def _inside(g: Gazetteer, rows: np.ndarray, container: int) -> np.ndarray:
    level = int(g.level[container])
    cc = g.country[container]
    same_country = np.array([g.country[r] == cc for r in rows], dtype=bool)
    if level == _COUNTRY:
        return same_country
    if level == _ADMIN1:
        return same_country & (g.admin1[rows] == g.admin1[container])
    if level == _ADMIN2:
        if container in g.derive("units with members", lambda: frozenset(g.admin2[g.level == _SETTLEMENT].tolist())):
            return g.admin2[rows] == container
        # A unit whose settlements the gazetteer does not list (a hromada): what lies near its centre
        return same_country & (haversine_km(g.lat[container], g.lon[container], g.lat[rows], g.lon[rows])
                               <= UNIT_RADIUS_KM)
    if level == _AREA and container in g.area_members:  # "Richmond, Yorkshire", "Lucca, Tuscany"
        countries, regions = g.area_members[container]
        return np.array([g.country[r] in countries or int(g.admin1[r]) in regions for r in rows.tolist()],
                        dtype=bool)
    return np.zeros(len(rows), dtype=bool)


def _row_inside(g: Gazetteer, row: int, container: int) -> bool:
    """``_inside`` for one row, without arrays for the common country and region cases."""
    level = int(g.level[container])
    if level not in (_COUNTRY, _ADMIN1):
        return bool(_inside(g, np.array([row]), container)[0])
    return g.country[row] == g.country[container] and (
        level == _COUNTRY or int(g.admin1[row]) == int(g.admin1[container]))


def _role(g: Gazetteer, text: str, guess: Guess, row: int) -> str:
    """``actor`` for a capital or country used for its government ("Moscow has slammed")."""
    level = int(g.level[row])
    if not (row in g.capitals or level == _COUNTRY):
        return "place"
    word = next_word(text, guess.end).lower()
    if word in ("'s", "’s") or text.startswith(("'s", "’s"), guess.end):
        following = next_word(text, guess.end + 2).lower()
        return "place" if following in lexicon.DIRECTION_WORDS or level == _COUNTRY else "actor"
    if word in lexicon.ACTOR_VERBS:
        after = next_word(text, text.find(word, guess.end) + len(word)) if word else ""
        return "place" if after in (".", ",", "") else "actor"
    if level != _COUNTRY:
        before = previous_word(text, guess.start)
        if before.lower() in lexicon.ACTOR_BEFORE_LINKS:
            before = previous_word(text, text.rfind(before, max(0, guess.start - 40), guess.start))
        if before.lower() in lexicon.ACTOR_BEFORE:  # "a deal with Moscow", "urged Kyiv"
            return "actor"
    return "place"


def glued(text: str, a, b) -> bool:
    """Whether ``b`` is given as the container of ``a`` (guesses or mentions, by their
    offsets): "X, Y", "X in (the) Y", "X (Y)", "X, a village in Y"."""
    gap = text[a.end:b.start]
    if len(gap) - gap.count(" ") - gap.count("\n") - gap.count("\t") > _MAX_GLUE:
        return False  # most gaps are sentences long: no glue, however spaced
    return _KIND_WORD.sub("", gap.lower()).strip() in _CONTAINER_GLUE


def resolve_guesses(g: Gazetteer, text: str, guesses: list[Guess], doc_id: str | None = None) -> list[Mention]:
    order: list[str] = []
    for guess in guesses:
        key = guess.key
        if guess.variant:
            # Variant readings were filtered by the region named after this mention:
            # "Andrijiwka, Kharkiv Oblast" and "Andrijiwka, Donetsk Oblast" are two names.
            key += "|" + ",".join(str(r) for r, _t in guess.hits)
        order.append(key)
    # guesses the next guess is given as the container of: "Sudzha, Kursk"
    contained = [k for k in range(len(guesses) - 1) if glued(text, guesses[k], guesses[k + 1])]
    # A name given in two containers is two names: "Novoselivka (Donetsk) and
    # Novoselivka (Kharkiv)"; its mentions without a container stay one more.
    given_in: dict[str, set[str]] = defaultdict(set)
    for k in contained:
        given_in[order[k]].add(order[k + 1])
    for k in contained:
        if len(given_in[order[k]]) > 1 and order[k] != order[k + 1]:
            order[k] += "|in:" + order[k + 1]
    # "Belgorod governor ... drones hit Belgorod": the governor's is the region, a name
    # of its own; the other mentions keep their own reading.
    for k, guess in enumerate(guesses):
        if _governor_after(text, guess.end):
            order[k] += _GOVERNED

    # "the city of Turkey", "the village of Robotyne": the name is a settlement's
    # wherever the document uses it
    called_settlements = {guess.key for guess in guesses if text.endswith("of ", 0, guess.start)
                          and _SETTLEMENT_CUE.search(text, max(0, guess.start - 50), guess.start)}
    names: dict[str, _Name] = {}
    for guess, key in zip(guesses, order):
        if key in names:
            continue
        if guess.demonym is not None or guess.seat is not None:
            place, role = g.memoize(("fixed", key), lambda: _fixed_place(g, guess))
            names[key] = _Name(key, np.array([], dtype=np.int64), np.array([]), guess.key, fixed=place, role=role)
        else:
            if guess.variant:
                readings = _name_readings(g, guess)  # variant readings, filtered by their context: not memoised
            else:
                readings = g.memoize(("readings", guess.key, tuple(r for r, _t in guess.hits)),
                                     lambda: _name_readings(g, guess))
            rows, priors, facts = readings
            if key.endswith(_GOVERNED):
                governed, priors = _governed_readings(g, rows, priors)
                if len(governed) < len(rows):
                    rows, facts = governed, _facts(g, governed)
            elif guess.key in called_settlements:
                town = g.level[rows] == _SETTLEMENT
                if town.any() and not town.all():
                    rows, priors = rows[town], priors[town]
                    facts = _facts(g, rows)
            names[key] = _Name(key, rows, priors, guess.key, facts=facts)
    for key in order:
        names[key].count += 1
    keys = list(names)
    index = {k: i for i, k in enumerate(keys)}
    contains: dict[int, str] = {}  # guess index -> key of the name it is given as the container of
    for k in contained:
        contains[k + 1] = order[k]  # "Oaxaca, Oaxaca": the second is the state
        if order[k] != order[k + 1]:
            names[order[k]].containers.add(index[order[k + 1]])
    # A demonym votes for its country only where some use of it may be locative.
    for guess, key in zip(guesses, order):
        n = names[key]
        if n.role == "demonym" and not n.locative and next_word(text, guess.end).lower() not in lexicon.PARTY_NOUNS:
            n.locative = True
    listed = [names[k] for k in keys]
    _vote(g, listed)
    _follow_units(g, guesses, order, names, listed)
    _follow_listed_regions(g, text, guesses, order, names, set(contained))
    named_around = {k: _region_named_around(g, listed, names[k]) for k in keys if names[k].containers}

    ranked: dict[str, tuple] = {}  # key -> (candidates, best row), built once per name
    mentions = []
    for i, (guess, key) in enumerate(zip(guesses, order)):
        n = names[key]
        if n.fixed is not None or len(n.rows) == 0:
            cands = (Candidate(n.fixed, 1.0, "exact"),) if n.fixed is not None else ()
            mentions.append(Mention(guess.start, guess.end, guess.surface, n.fixed, cands, n.role, doc_id))
            continue
        if key not in ranked:
            top = np.argsort(-n.scores, kind="stable")[:5]
            cands = tuple(Candidate(g.place(r), round(s, 4), "context")
                          for r, s in zip(n.rows[top].tolist(), n.scores[top].tolist()))
            region = named_around.get(key)
            if region is not None:  # the region the text gives (or a village in it or by it), before the others
                place = g.place(region)
                own = np.flatnonzero(n.rows == region)  # a namesake keeps its own score
                score = round(float(n.scores[own[0]]), 4) if len(own) else cands[0].score
                cands = (Candidate(place, max(score, cands[0].score), "container"),
                         *(c for c in cands if c.place.id != place.id))[:5]
            ranked[key] = (cands, region if region is not None else int(n.rows[top[0]]))
        cands, row = ranked[key]
        held = ranked.get(contains[i]) if i in contains else None
        # "in Horlivka, Donetsk and Makiivka" is a list of towns, not a town and its region
        if held is not None and next_word(text, guess.end).lower() not in ("and", "or"):
            region = _region_holding(g, n, held[1])
            if region is not None:
                row, place = region, g.place(region)
                cands = (Candidate(place, cands[0].score, "container"),
                         *(c for c in cands if c.place.id != place.id))[:5]
        mentions.append(Mention(guess.start, guess.end, guess.surface, cands[0].place, cands,
                                _role(g, text, guess, row), doc_id))
    return mentions


def _follow_units(g: Gazetteer, guesses: list[Guess], order: list[str], names: dict[str, _Name],
                  listed: list[_Name]) -> None:
    """A bare name the document also gives as a county's or raion's name means
    that unit, as the document resolved it ("Suffolk County detectives ... told
    the Suffolk Times": Suffolk County, New York, not Suffolk, England), unless a
    place of the name lies inside the unit ("Madison" beside "Madison County,
    Alabama" is the city of Madison in it), the name lies in the container the
    document gives it ("a man from Suffolk, Virginia") or the vote read the bare name as a
    region or a country ("Washington" beside "Washington County"). The name's
    ``facts`` are left as the vote had them: nothing reads them after it."""
    # the name before the unit word -> the unit's row, and every unit the phrase may mean
    units: dict[str, tuple[int, tuple[int, ...]]] = {}
    for guess, key in zip(guesses, order):
        n = names[key]
        stem, _, word = guess.surface.rpartition(" ")
        if stem and n.pick >= 0 and word.lower() in REGION_TAIL and g.level[n.rows[n.pick]] == _ADMIN2:
            units.setdefault(fold(stem), (int(n.rows[n.pick]), n.facts.counties))
    if not units:
        return
    for key in dict.fromkeys(order):
        n = names[key]
        unit, may_mean = units.get(n.base, (None, ()))
        # (a town inside any unit the phrase may mean: "DeKalb" and "DeKalb County", Illinois)
        if unit is None or n.pick < 0 or n.fixed is not None or int(n.rows[n.pick]) == unit \
                or any(_row_inside(g, int(n.rows[n.pick]), int(c.rows[c.pick]))
                       for c in (listed[j] for j in n.containers) if c.pick >= 0) \
                or int(g.level[n.rows[n.pick]]) not in (_SETTLEMENT, _ADMIN2) \
                or any(r not in may_mean and _row_inside(g, r, u) for r in n.rows.tolist() for u in may_mean):
            continue
        if unit not in n.facts.rows:
            n.rows = np.append(n.rows, unit)
            n.scores = np.append(n.scores, n.scores.max())
        _lead(n, int(np.flatnonzero(n.rows == unit)[0]))


def _lead(n: _Name, reading: int) -> None:
    """Make ``reading`` the name's pick, ahead of its other readings by UNIT_FOLLOWED."""
    n.pick = reading
    n.scores[reading] = n.scores.max() + UNIT_FOLLOWED


_LIST_JOINS = (", ", " and ", " or ", ", and ", ", or ")


def _follow_listed_regions(g: Gazetteer, text: str, guesses: list[Guess], order: list[str],
                           names: dict[str, _Name], contained: set[int]) -> None:
    """In a list of names that are, or may be, regions of one country, a town's
    name is that country's region of the name: "states such as California or
    Washington", "Ohio, Washington and Wyoming" (not "Washington, Pennsylvania", a
    town and its container, where Pennsylvania holds a Washington). A list is names
    joined by commas, "and" and "or", with an "and" or an "or" among them, one of
    them read as a region."""
    runs, run = [], [0]
    for k in range(1, len(guesses)):
        # "A, B": a town and its container only where B holds a reading of A ("Washington,
        # Pennsylvania"), else two members of a list ("Ohio, Washington and Wyoming")
        if text[guesses[k - 1].end:guesses[k].start] in _LIST_JOINS and not _holds(g, names, order, contained, k):
            run.append(k)
        else:
            runs.append(run)
            run = [k]
    runs.append(run)
    for run in runs:
        if len(run) < 2 or not any(text[guesses[k - 1].end:guesses[k].start].strip(", ") in ("and", "or")
                                   for k in run[1:]):
            continue
        members = [names[key] for key in dict.fromkeys(order[k] for k in run)]
        if any(n.pick < 0 or n.fixed is not None for n in members):
            continue
        picked = {g.country[int(n.rows[n.pick])] for n in members if int(g.level[n.rows[n.pick]]) == _ADMIN1}
        if len(picked) != 1:
            continue
        (country,) = picked
        # each member a region of that country, or a name one may be ("Ohio, Washington and Wyoming")
        regions = [[i for i, r in enumerate(n.rows.tolist()) if int(g.level[r]) == _ADMIN1 and g.country[r] == country]
                   for n in members]
        if not all(regions):
            continue
        for n, own in zip(members, regions):
            # (a name the text also gives a container is settled by it: "Washington, D.C.")
            if int(g.level[n.rows[n.pick]]) == _SETTLEMENT and not n.containers:
                _lead(n, own[0])


def _holds(g: Gazetteer, names: dict[str, _Name], order: list[str], contained: set[int], k: int) -> bool:
    """Whether the ``k``-th guess, given as the container of the one before it, holds a reading of it."""
    later, earlier = names[order[k]], names[order[k - 1]].rows
    return k - 1 in contained and later.pick >= 0 and later.fixed is None and len(earlier) > 0 \
        and bool(_inside(g, earlier, int(later.rows[later.pick])).any())


def _governed_readings(g: Gazetteer, rows: np.ndarray, priors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A governor's place: its region readings, when it has some and may not be a
    country ("Bank of Mexico Governor", "Mexico's governors" keep the country)."""
    levels = g.level[rows]
    region = levels == _ADMIN1
    if region.any() and not (levels == _COUNTRY).any():
        return rows[region], priors[region]
    return rows, priors


def _governor_after(text: str, end: int) -> bool:
    """Whether a governor's title follows the name ending at ``end``: "Kursk
    Governor", "New York Gov.", "Belgorod's governor"."""
    word = next_word(text, end)
    if word in ("'s", "’s"):
        end += 2
        word = next_word(text, end)
    if word.lower() in ("lt", "lieutenant"):  # "Texas Lt. Gov. Dan Patrick"
        end = text.index(word, end) + len(word)
        word = next_word(text, end + (text[end:end + 1] == "."))
    return word.lower() in GOVERNOR_WORDS


_COUNTRY_IDS: dict[str, int] = {}  # country code -> small int, for vectorised votes


def _country_id(code: str) -> int:
    return _COUNTRY_IDS.setdefault(code, len(_COUNTRY_IDS))


def _row_facts(g: Gazetteer) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Country ids, region keys (one int per country and admin-1; -1 for none) and
    unit-sphere points of every row of the gazetteer, computed once."""
    def compute():
        cid = np.array([_country_id(c) for c in g.country], dtype=np.int64)
        a1 = np.where(g.admin1 >= 0, cid * 10_000 + g.admin1, -1).astype(np.int64)
        return cid, a1, unit_vectors(g.lat, g.lon)

    return g.derive("row facts", compute)


class _Facts(NamedTuple):
    """What no context changes of a name's readings, one entry per reading."""

    cid: np.ndarray  # country ids
    a1: np.ndarray  # region keys
    xyz: np.ndarray  # points on the unit sphere
    rows: frozenset[int]  # the set of rows
    capital: np.ndarray  # whether each is a country's capital
    level: np.ndarray  # level codes
    a2: np.ndarray  # the county or raion a settlement reading lies in (-1: none known, or no settlement)
    counties: tuple[int, ...]  # the rows of the readings that are counties or raions
    town_units: frozenset[int]  # the counties or raions its settlement readings lie in


def _facts(g: Gazetteer, rows: np.ndarray) -> _Facts:
    cid, a1, xyz = _row_facts(g)
    listed = rows.tolist()
    level = g.level[rows]
    a2 = np.where(level == _SETTLEMENT, g.admin2[rows], -1)
    return _Facts(cid[rows], a1[rows], xyz[rows], frozenset(listed),
                  np.array([r in g.capitals for r in listed], dtype=bool), level, a2,
                  tuple(rows[level == _ADMIN2].tolist()), frozenset(a2[a2 >= 0].tolist()))


def _region_named_around(g: Gazetteer, names: list[_Name], n: _Name) -> int | None:
    """The region row a minor place was given in ("Uzhivka, Donetsk region") when
    none of its readings lies there, or its namesake nearest the region's centre
    when one lies within NAMED_AROUND_KM: the gazetteer lacks that village, and a
    namesake 800 km away in another region (or in another country: "Lipovka" is
    only a Russian village's name) would put the event in the wrong place. A
    settlement in the region that the name spells in another romanisation comes
    before both ("Pyatykhatky, Kherson region": ``_variant_inside``).
    Only for names whose every reading is a settlement of fewer than
    ``MINOR_POPULATION`` people ("Sumy, Kharkiv region" is a list, not a
    container), or whose every reading is such a settlement or a county in
    other countries ("Rockingham, Northamptonshire": not the Australian
    county), and only when no container of the name holds a
    reading of it."""
    if n.fixed is not None or len(n.rows) == 0:
        return None
    regions = [r for r in (_container_region(g, names[j]) for j in n.containers) if r is not None]
    if not regions or any(_inside(g, n.rows, r).any() for r in regions):
        return None
    region = regions[0]
    levels = g.level[n.rows]
    towns = levels == _SETTLEMENT
    # A name with no reading in the region's country lists nothing of it: its
    # counties abroad do not count ("Rockingham, Northamptonshire"); a country
    # or a region does ("Saipan, Guam, Alaska" is a list).
    abroad = bool(g.country[region]) and all(g.country[r] != g.country[region] for r in n.rows.tolist())
    if not (towns.all() or abroad and (towns | (levels == _ADMIN2)).all()) \
            or int(g.population[n.rows[towns]].max(initial=0)) >= MINOR_POPULATION:
        return None
    variant = _variant_inside(g, n, region)
    if variant is not None:
        return variant
    same_country = n.rows[[g.country[r] == g.country[region] for r in n.rows.tolist()]]
    if len(same_country) == 0:
        return region
    # A namesake within NAMED_AROUND_KM of the region's centre is likely the place
    # itself, put in the neighbouring region by the simplified polygons: the nearest
    # such ("Croft, Yorkshire" is the Croft 90 km from Yorkshire's centre, not the
    # Leicestershire one the text's other places may have voted for).
    km = haversine_km(g.lat[region], g.lon[region], g.lat[same_country], g.lon[same_country])
    return region if km.min() > NAMED_AROUND_KM else int(same_country[int(np.argmin(km))])


def _variant_inside(g: Gazetteer, n: _Name, region: int) -> int | None:
    """The settlement inside ``region`` whose name is the name in another
    romanisation, when the name's own readings all lie outside it: "Pyatykhatky,
    Kherson region" is Piatykhatky of Kherson oblast, not P'yatykhatky of
    Dnipropetrovsk. Only when one such settlement lies there: of several (five
    Kamianka in Donetsk oblast) the text does not say which, and the region
    stands for it."""
    rows = [r for r in g.variants_key(n.base) if r not in n.facts.rows and int(g.level[r]) == _SETTLEMENT
            and r not in g.airports and r not in g.sections]
    if not rows:
        return None
    inside = np.asarray(rows)[_inside(g, np.asarray(rows), region)].tolist()
    return inside[0] if len(inside) == 1 else None


def _region_holding(g: Gazetteer, n: _Name, held: int) -> int | None:
    """The region reading of a container name when its pick is a town that cannot
    hold the place given before it: "Sudzha, Kursk" and "Albany, New York" name
    the region, "Brooklyn, New York" the city around Brooklyn, "Oaxaca, Oaxaca"
    the state of the city."""
    if n.pick < 0:
        return None
    pick = int(n.rows[n.pick])
    if int(g.level[pick]) != _SETTLEMENT or int(g.level[held]) not in (_SETTLEMENT, _ADMIN2):
        return None
    if pick != held and haversine_km(g.lat[pick], g.lon[pick], g.lat[held], g.lon[held]) <= TOWN_HOLDS_KM:
        return None
    for r in n.rows.tolist():
        if int(g.level[r]) == _ADMIN1 and _row_inside(g, held, r):
            return r
    return None


def _container_region(g: Gazetteer, c: _Name) -> int | None:
    """The region a container name stands for: its pick when that is a region, or
    the region a picked town is named like ("Uzhivka, Donetsk": Donetsk oblast,
    though "Donetsk" alone reads as the city)."""
    if c.fixed is not None:
        return g.admin1_row(c.fixed.admin1_code) if c.fixed.level == "admin1" else None
    if c.pick < 0:
        return None
    row = int(c.rows[c.pick])
    level = int(g.level[row])
    if level in (_ADMIN1, _ADMIN2) or row in g.area_members:
        return row
    if level == _SETTLEMENT and g.admin1[row] >= 0:
        region = g.admin1_row(g.admin1_table[int(g.admin1[row])][0])
        if region is not None and skeleton(fold(g.names[region])) == skeleton(c.base):
            return region
    return None


def _container_bonus(g: Gazetteer, names: list[_Name], n: _Name) -> np.ndarray:
    """W_CONTAINER for each reading of ``n`` inside a name given as its container."""
    bonus = np.zeros(len(n.rows))
    for j in n.containers:
        c = names[j]
        regions = [int(r) for r in c.rows if int(g.level[r]) in _CONTAINER_LEVELS][:3]
        if c.fixed is not None:
            row = g.admin1_row(c.fixed.admin1_code) if c.fixed.level == "admin1" else \
                g.country_row(c.fixed.country_code)
            regions = [row] if row is not None else []
        if regions:
            inside = np.zeros(len(n.rows), dtype=bool)
            for r in regions:
                inside |= _inside(g, n.rows, r)
            bonus += W_CONTAINER * inside
    return bonus


def _county_pairs(names: list[_Name], facts: list[_Facts | None], ambiguous: list[int], size: int) -> np.ndarray:
    """For each of the ``size`` stacked readings of the ``ambiguous`` names: whether
    some other name of the document may be its county (or raion), or a town in it,
    when this reading is the county: "Huntsville ... Walker County" is Huntsville,
    Texas, whatever else is picked."""
    holders: dict[int, set[int]] = defaultdict(set)  # row -> names that may be it
    for j, f in enumerate(facts):
        if f is not None:
            for r in f.counties:
                holders[r].add(j)
    out = np.zeros(size)
    if not holders:
        return out  # no county among the readings: the common case
    towns_in: dict[int, set[int]] = defaultdict(set)  # county row -> names with a town in it
    for j, f in enumerate(facts):
        if f is not None:
            for c in f.town_units:
                towns_in[c].add(j)
    keys = [n.base for n in names]

    def others(found: set[int], i: int) -> bool:
        # Not the name itself, nor one made of it: "Karak" and "Karak district" name
        # a town and its district in Pakistan and in Jordan alike.
        return any(j != i and not keys[j].startswith(keys[i]) and not keys[i].startswith(keys[j]) for j in found)

    k = 0
    for i in ambiguous:
        for r, c in zip(names[i].rows.tolist(), facts[i].a2.tolist()):
            if (c >= 0 and c in holders and others(holders[c], i)) or (r in towns_in and others(towns_in[r], i)):
                out[k] = 1.0
            k += 1
    return out


def _vote(g: Gazetteer, names: list[_Name]) -> None:
    """Rounds of context votes; sets ``pick`` and ``scores`` of every name.

    Every reading of every ambiguous name is scored at once per round, as
    arrays: readings x names matrices say which names' current picks share
    its country or region or lie near it, less the votes it may not count
    (its own name's and those of names sharing a reading with it)."""
    for n in names:
        n.scores = n.priors.copy()
        n.pick = 0 if len(n.rows) else -1  # readings come sorted by prior
    ambiguous = [i for i, n in enumerate(names) if len(n.rows) > 1]
    if not ambiguous:
        return  # every pick is settled: nothing to vote on
    facts = [n.facts if len(n.rows) else None for n in names]
    count = len(names)
    # Fixed votes of demonyms and seats: (country id, region key, unit vector or None).
    fixed_votes: list[tuple | None] = []
    for n in names:
        p = n.fixed
        if p is None or (n.role == "demonym" and not n.locative):
            fixed_votes.append(None)
            continue
        cid = _country_id(p.country_code)
        a1 = -1
        if p.level == "admin1":
            row = g.admin1_row(p.admin1_code)
            a1 = int(_row_facts(g)[1][row]) if row is not None else -1
        point = None if p.level == "country" else unit_vectors(np.array([p.lat]), np.array([p.lon]))[0]
        fixed_votes.append((cid, a1, point))

    # Readings of the ambiguous names, stacked; and which names each may not count.
    bounds = [0, *accumulate(len(names[i].rows) for i in ambiguous)]
    cid_r = np.concatenate([facts[i].cid for i in ambiguous])
    a1_r = np.concatenate([facts[i].a1 for i in ambiguous])
    xyz_r = np.concatenate([facts[i].xyz for i in ambiguous])
    # Only towns and districts gain by being near the other places: a region's or a
    # country's point is a centroid, and Kyiv Oblast's lies nearer Sumy than Kyiv does.
    level_r = np.concatenate([facts[i].level for i in ambiguous])
    local_r = (level_r != _ADMIN1) & (level_r != _AREA) & (level_r != _COUNTRY)
    base_r = np.concatenate([names[i].priors for i in ambiguous])
    container_r = np.zeros(len(base_r))
    for k, i in enumerate(ambiguous):
        if names[i].containers:
            container_r[bounds[k]:bounds[k + 1]] = _container_bonus(g, names, names[i])
    container_r += W_ADMIN2 * _county_pairs(names, facts, ambiguous, len(base_r))
    counted = np.ones((len(ambiguous), count), dtype=bool)
    for k, i in enumerate(ambiguous):
        counted[k, i] = False
        mine = facts[i].rows
        for j in range(count):
            if j != i and facts[j] is not None and not mine.isdisjoint(facts[j].rows):
                counted[k, j] = False  # another spelling of one of its places
    counted_r = np.repeat(counted, np.diff(bounds), axis=0)
    counts = np.array([n.count for n in names], dtype=float)
    capital_r = np.concatenate([facts[i].capital for i in ambiguous])

    def current_picks() -> tuple:
        pick_c = np.full(count, -1, dtype=np.int64)
        pick_a1 = np.full(count, -1, dtype=np.int64)
        pick_xyz = np.zeros((count, 3))
        has_point = np.zeros(count, dtype=bool)
        is_country = np.zeros(count, dtype=bool)
        for i, n in enumerate(names):
            if fixed_votes[i] is not None:
                pick_c[i], pick_a1[i], point = fixed_votes[i]
                if point is not None:
                    pick_xyz[i], has_point[i] = point, True
            elif n.pick >= 0:
                r = int(n.rows[n.pick])
                level = int(g.level[r])
                f = facts[i]
                pick_c[i] = f.cid[n.pick]
                pick_a1[i] = f.a1[n.pick] if level != _COUNTRY else -1
                is_country[i] = level == _COUNTRY
                if level not in (_COUNTRY, _AREA) or r in g.lakes:  # "Lake Erie near Monroe"
                    pick_xyz[i], has_point[i] = f.xyz[n.pick], True
        return pick_c, pick_a1, pick_xyz, has_point, is_country

    def scores(sl: slice, picks: tuple) -> np.ndarray:
        """Scores of the readings in ``sl`` given every name's current pick."""
        pick_c, pick_a1, pick_xyz, has_point, is_country = picks
        voters = counted_r[sl] & (pick_c >= 0)
        total = voters.sum(axis=1)
        sc = base_r[sl] + container_r[sl]
        if total.any():
            in_country = voters & (pick_c == cid_r[sl, None])
            share = in_country.sum(axis=1) / np.maximum(total, 1)
            in_region = voters & (pick_a1 >= 0) & (pick_a1 == a1_r[sl, None])
            same_region = in_region.any(axis=1)
            sc += W_COUNTRY * share
            sc += W_ADMIN1 * (same_region & (total > 0))
            sc += W_REGION_SHARE * (in_region @ counts) / np.maximum(voters @ counts, 1)
            if is_country.any() and capital_r[sl].any():
                sc += W_CAPITAL * ((in_country & is_country).any(axis=1) & capital_r[sl])
            if has_point.any():
                # only names whose pick is a point (a town, a county) vote by nearness
                point_voters = voters[:, has_point]
                n_points = point_voters.sum(axis=1)
                # within NEAR_KM <=> the unit vectors' dot product is at least cos(NEAR_KM / R)
                dots = xyz_r[sl] @ pick_xyz[has_point].T
                near = W_NEAR * (point_voters & (dots >= _NEAR_COS)).sum(axis=1) \
                    + W_CLOSE * (point_voters & (dots >= _CLOSE_COS)).sum(axis=1)
                sc += np.where((n_points > 0) & local_r[sl], near / np.maximum(n_points, 1), 0.0)
        return sc

    changed: list[int] = []
    for _ in range(ROUNDS):
        sc = scores(slice(None), current_picks())
        changed = []
        for k, i in enumerate(ambiguous):
            n = names[i]
            n.scores = sc[bounds[k]:bounds[k + 1]]
            pick = int(np.argmax(n.scores))
            if pick != n.pick:
                changed.append(k)
            n.pick = pick
        if not changed:
            break  # a further round would vote the same way
    # Names still moving after the last round may be swapping places in pairs
    # (a town and its county each following the other's previous pick):
    # settle them one at a time, in document order, each seeing the last move.
    for k in changed:
        n = names[ambiguous[k]]
        n.scores = scores(slice(bounds[k], bounds[k + 1]), current_picks())
        n.pick = int(np.argmax(n.scores))
