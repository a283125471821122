"""``geo.parse``: text in, place mentions out; ``geo.resolve``: given spans in, places out."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from . import lexicon
from .gazetteer import LEVEL_CODES, TIER_VARIANT, Gazetteer
from .model import Candidate, Document, Mention, Place
from .names import fold, skeleton
from .recognize import (PERSON, Guess, _title_case, famous, find_candidates, importance, initialism_hits, keep,
                        name_region_lists, word_commonness)
from .resolution import resolve_guesses


def find_guesses(text: str, g: Gazetteer) -> tuple[list[Guess], list[Guess]]:
    """The guesses kept as place names, and those dropped (with their reasons)."""
    kept, dropped = [], []
    candidates = find_candidates(text, g)
    name_region_lists(text, candidates, g)
    for guess in candidates:
        (kept if keep(text, guess, g) else dropped).append(guess)
    # A word the document uses as part of a person's name ("Kristina Welch",
    # "Mayor Bush") is that person elsewhere in it too ("Welch said").
    people = {guess.surname for guess in dropped if guess.surname}
    if people:
        still = []
        for guess in kept:
            if guess.words == 1 and guess.key in people and not guess.demonym and not famous(g, guess.hits):
                guess.reasons.append(f"{PERSON}the document names a person so")
                dropped.append(guess)
            else:
                still.append(guess)
        kept = still
    return kept, dropped


def forget(g: Gazetteer) -> None:
    """Empty every memo the parser keeps (per-name results, word frequencies,
    headline tests), so that a benchmark pass does not profit from an earlier
    pass over the same texts."""
    g.memo.clear()
    g._places.clear()
    for cached in (_title_case, word_commonness, skeleton):
        cached.cache_clear()


def warm_up(g: Gazetteer) -> None:
    """Pay the one-time costs of a process's first parse (word frequency tables,
    lexicons, compiled patterns) and forget what it memoised, so that a timing
    that follows measures parsing, not start-up."""
    parse("Officials in Kharkiv said Russian forces shelled Sumy, Ukraine.", gazetteer=g)
    # A word that is no plain lower-case token goes through wordfreq's tokeniser,
    # whose first call loads its tables (about 0.2 s).
    word_commonness("o'clock")
    forget(g)


def parse(text: str, *, doc_id: str | None = None, date: str | None = None,
          gazetteer: Gazetteer | None = None) -> Document:
    """Find and resolve every place ``text`` mentions.

    Returns a ``Document`` whose ``mentions`` carry character offsets
    (``text[m.start:m.end] == m.surface``), the chosen ``Place`` and the ranked
    candidates, and a role: ``place``, ``actor`` or ``demonym``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text, not {type(text).__name__}")
    g = gazetteer or Gazetteer.load()
    kept, _dropped = find_guesses(text, g)
    mentions = resolve_guesses(g, text, kept, doc_id)
    stray = _stray_variants(g, kept, mentions) | _stray_acronyms(kept, mentions)
    if stray:
        kept = [guess for k, guess in enumerate(kept) if k not in stray]
        mentions = resolve_guesses(g, text, kept, doc_id)  # without their votes
    return Document(text=text, id=doc_id, date=date, mentions=tuple(mentions))


VARIANT_ALONE_IMPORTANCE = 5.0  # a place of 100,000 people


def _stray_variants(g: Gazetteer, kept: list[Guess], mentions: list[Mention]) -> set[int]:
    """Guesses found only as a romanisation variant whose place lies in a country
    that the document's other places are not in, when they are in some: a rare
    word such as "Jansen" or "Bushra" shares its consonant skeleton with some
    town abroad (Yancheng, Basra) far more often than it names it. Demonyms
    are no evidence ("Russian forces shelled Wuhledar" is Vuhledar); two
    variants in one country support each other; a text that names no other
    place keeps its variants ("Fighting raged near Gulyaipole"); and "Donetzk"
    stands anywhere, one letter off the name of a place of 100,000 people."""
    variant = [guess.variant for guess in kept]
    if not any(variant):
        return set()
    countries = {m.place.country_code for m, v in zip(mentions, variant)
                 if m.place is not None and not v and m.role != "demonym"}
    if not countries:
        return set()
    of_variants: dict[str, set[str]] = {}  # country -> keys of the variants placed there
    for guess, m, v in zip(kept, mentions, variant):
        if v and m.place is not None:
            of_variants.setdefault(m.place.country_code, set()).add(guess.key)
    stray = set()
    for k, (guess, m) in enumerate(zip(kept, mentions)):
        if not variant[k] or m.place is None or m.place.country_code in countries \
                or len(of_variants[m.place.country_code]) > 1:
            continue
        if not any(importance(g, [hit]) >= VARIANT_ALONE_IMPORTANCE
                   and Levenshtein.distance(guess.key, fold(g.names[hit[0]]), score_cutoff=1) <= 1
                   for hit in guess.hits):
            stray.add(k)
    return stray


def _stray_acronyms(kept: list[Guess], mentions: list[Mention]) -> set[int]:
    """Guesses that are an acronym of an area inside one country ("DNR", "LPR"
    for the Donetsk and Luhansk People's Republics) when the document's other
    places lie in other countries only: "the Indiana DNR" is its Department of
    Natural Resources. A text that names no other place keeps them."""
    acronyms = [k for k, (guess, m) in enumerate(zip(kept, mentions))
                if guess.surface.isupper() and len(guess.surface) <= 5 and m.place is not None
                and m.place.level == "area" and m.place.country_code]
    if not acronyms:
        return set()
    countries = {m.place.country_code for k, m in enumerate(mentions)
                 if m.place is not None and m.role != "demonym" and k not in acronyms}
    if not countries:
        return set()
    return {k for k in acronyms if mentions[k].place.country_code not in countries}


def resolve(text: str, spans, *, doc_id: str | None = None, gazetteer: Gazetteer | None = None,
            nearby: bool = True) -> list[Mention]:
    """Resolve given ``(start, end)`` spans of ``text`` (recognition skipped), in span order.

    A span the gazetteer does not know ("Third Street", "Cavan Institute") is, with
    ``nearby``, placed at the country, region or area its own name names when it
    names an organisation ("Bank of Mexico"; not an embassy), or at the country,
    region or area it names a part of ("South Florida", "Western US"); else at the town or
    county among the other given spans nearest to it in the text (in characters;
    a span overlapping it is nearest) when one lies within ``NEARBY_CHARS``,
    else at the one the text names most; when no
    span is a town or county, at a region or area, chosen the same way: the
    mention's only candidate has match ``nearby``, and it is ``nearby`` and
    ``approximate`` with ``confidence`` 0. When no other span is such a place,
    or with ``nearby=False``, its ``place`` is None.
    """
    g = gazetteer or Gazetteer.load()
    guesses = []
    for start, end in sorted(spans):
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"span {start}:{end} is not inside the text")
        surface = text[start:end]
        key = fold(surface)
        hits = initialism_hits(g, surface, g.lookup_key(key)) if key else []
        if not hits and key:
            hits = [(r, TIER_VARIANT) for r in g.variants_key(key)]
        if not hits and key:  # a given place named like a sea, an ocean or a county without the word:
            # "Mediterranean", "Maui" (Maui County, Hawaii: the island); not the town Southsea
            hits = [(r, t) for r, t in g.lookup_key(key + "sea") + g.lookup_key(key + "ocean")
                    if g.code[r].startswith("sea:")] \
                or [(r, t) for r, t in g.lookup_key(key + "county") if g.level[r] == LEVEL_CODES["admin2"]]
        guesses.append(Guess(start, end, surface, key, hits, lexicon.demonyms().get(key), lexicon.seats().get(key),
                             words=len(surface.split())))
    name_region_lists(text, guesses, g)
    mentions = resolve_guesses(g, text, guesses, doc_id)
    return _place_nearby(g, mentions) if nearby else mentions


NEARBY_LEVELS = (("settlement", "admin2"), ("admin1", "area"))  # what may stand for an unknown place beside it, best first
NEARBY_CHARS = 300  # about two sentences: a town named farther off says little of where the unknown place is


# An organisation named after a country, region or continent lies in it ("Bank of Mexico",
# "Arizona State University", "European Commission"); a diplomatic mission does not.
NAMED_WITHIN_LEVELS = ("admin1", "country", "area")
ABROAD_HEADS = frozenset({"embassy", "consulate"})
# Heads of a legislature's or a trade body's name ("Iowa House", "Manitoba Chambers of
# Commerce"): in a given span only; in running text a House is as often a building or a
# hospice ("Helen & Douglas House"), which recognition must not read as an institution.
GIVEN_ORG_HEADS = frozenset({"house", "chamber", "chambers"})


def _named_within(g: Gazetteer, surface: str) -> Place | None:
    """The country, region or area an unknown organisation's name names ("Arizona"
    in "Arizona State University"), or None: for names with a word of
    ``lexicon.org_heads()`` only, since a feature named after a place ("Gulf of
    Mexico", "Tennessee Colony") need not lie in it."""
    words = {w.lower().rstrip(".") for w in surface.split()}
    if words & ABROAD_HEADS or not (words & lexicon.org_heads() or words & GIVEN_ORG_HEADS):
        return None
    inner = [m.place for m in _regions_named(g, surface)]
    # the most local of them: "Arizona", not "United States"
    return min(inner, key=lambda p: NAMED_WITHIN_LEVELS.index(p.level), default=None)


def _regions_named(g: Gazetteer, text: str) -> list[Mention]:
    """The mentions of countries, regions and areas in ``text``."""
    return [m for m in parse(text, gazetteer=g).mentions
            if m.place is not None and m.place.level in NAMED_WITHIN_LEVELS]


# What a region's name may follow in the name of a part of it: "South Florida", "Western US".
_PART_WORDS = lexicon.COMPASS_WORDS | {"upper", "lower"}


def _named_at_end(g: Gazetteer, surface: str) -> Place | None:
    """The country, region or area an unknown place's name ends with, after a
    word of direction: "South Florida", "Western US" lie in Florida and the
    US. Not a town's ("Lake Cumberland" is no part of a Cumberland) nor after any
    word ("Panama Canal" is not in Port Said governorate, whose other name is
    Canal; "Stade de France" is a stadium of Paris)."""
    head, _, rest = surface.partition(" ")
    if head.lower() not in _PART_WORDS or not rest:
        return None
    whole = [m for m in _regions_named(g, rest) if m.start == 0 and not rest[m.end:].strip(" .,;:")]
    return whole[0].place if whole else None


def _place_nearby(g: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Unknown places at the place their own name names, when they are an
    organisation named after a country, region or area (``_named_within``) or
    their name is a part of one (``_named_at_end``); else
    at the nearest town named among the other spans, when one is within
    ``NEARBY_CHARS``, else at the town the document names most (the nearest of
    those); without towns, regions the same way. A span inside or overlapping the
    unknown one is nearest."""
    if all(m.place is not None for m in mentions):
        return mentions
    mentions = [replace(m, place=p, candidates=(Candidate(p, 0.0, "nearby"),))
                if m.place is None and m.role == "place"
                and (p := _named_within(g, m.surface) or _named_at_end(g, m.surface)) is not None else m
                for m in mentions]
    if all(m.place is not None for m in mentions):
        return mentions
    tiers = ([m for m in mentions if m.place is not None and m.role == "place" and m.place.level in levels
              and not m.nearby]
             for levels in NEARBY_LEVELS)
    local = next((t for t in tiers if t), None)
    if local is None:
        return mentions
    times = Counter(n.place.id for n in local)
    out = []
    for m in mentions:
        if m.place is None and m.role == "place":
            def gap(n: Mention, m: Mention = m) -> int:
                return max(0, n.start - m.end, m.start - n.end)

            near = min(local, key=gap)
            if gap(near) > NEARBY_CHARS:
                near = min(local, key=lambda n: (-times[n.place.id], gap(n)))
            m = replace(m, place=near.place, candidates=(Candidate(near.place, 0.0, "nearby"),))
        out.append(m)
    return out
