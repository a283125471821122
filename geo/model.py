"""Value types of the geo package: places and their candidates."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .distance import haversine_km

LEVELS = ("settlement", "admin2", "admin1", "country", "area")


# Ukraine's codifier places and units; Russian postal places whose own point
# lay in another region; Russian raions at the median of their postal points.
APPROXIMATE_ID_PREFIXES = ("katottg:", "pc-approx:", "pc-raion:")


def is_approximate(place_id: str) -> bool:
    """Whether a place of this id stands at the centre of its hromada or raion, not at its own point."""
    return str(place_id).startswith(APPROXIMATE_ID_PREFIXES)


@dataclass(frozen=True, slots=True)
class Place:
    """A real place, as the gazetteer knows it.

    ``level`` is ``settlement``, ``admin2`` (county, raion), ``admin1`` (oblast,
    state), ``country`` or ``area`` (a named region such as the Donbas).
    ``id`` is stable across runs: ``gn:<geonameid>`` for GeoNames places,
    ``iso:<ISO 3166 code>`` for admin-1 regions and countries (``iso:<code>/<name>``
    for the smaller units of a code Natural Earth gives several), and
    ``pc:<country>:<n>`` for GeoNames postal places that have no geonameid, and
    ``katottg:<code>`` for Ukrainian settlements known only from the official
    codifier, which gives no coordinates, and for hromadas and raions (level
    ``admin2``): they stand at the centre of their hromada or raion
    (``approximate``), a village typically 5 to 20 km off. So do
    ``pc-approx:RU:<n>``, Russian postal places whose own point lay in another
    region than their postal code's (moved to their raion's point), and
    ``pc-raion:RU:<postal region code>:<name>``, Russian raions that GeoNames
    lacks, at the median point of their postal places.
    """

    id: str
    name: str
    level: str
    lat: float
    lon: float
    country_code: str
    admin1: str = ""
    admin1_code: str = ""
    geonameid: int | None = None
    population: int = 0

    @property
    def approximate(self) -> bool:
        """Whether the point only approximates the place (see ``is_approximate``)."""
        return is_approximate(self.id)

    @property
    def label(self) -> str:
        """Human-readable ``Sudzha, Kursk, RU``."""
        parts = [self.name]
        if self.level == "settlement" and self.admin1:
            parts.append(self.admin1)
        if self.level != "country" and self.country_code:
            parts.append(self.country_code)
        return ", ".join(parts)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that a name may refer to, with how well it matched."""

    place: Place
    score: float
    # "exact", "alternate", "variant" (romanisation skeleton), "fuzzy", "context" (after
    # the document's votes) or "container" (the region the text names around an unknown village,
    # the one village of that region the name spells in another romanisation: "Trostyanets,
    # Odesa region", or that village's namesake nearest the region: "Croft, Yorkshire", or a container read
    # as its region: "Sudzha, Kursk"), or "nearby" (a span given to
    # ``geo.resolve`` that the gazetteer does not know, "Third Street", placed at the
    # nearest town or region among the other given spans: an approximation)
    match: str


ROLES = ("place", "actor", "demonym")
SAME_PLACE_KM = 10.0  # two records of one town (GeoNames and a postal entry) lie this close


def _same_spot(a: Place, b: Place) -> bool:
    """Whether reading ``b`` instead of ``a`` would put a mention in the same spot:
    another record of the place, or a region one lies in."""
    regions = ("admin1", "admin2")
    if a.country_code == b.country_code and a.admin1_code and a.admin1_code == b.admin1_code \
            and (a.level in regions or b.level in regions):
        return True
    return float(haversine_km(a.lat, a.lon, b.lat, b.lon)) <= SAME_PLACE_KM


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in a document: ``text[start:end]`` of the document is ``surface``.

    ``role`` is ``place`` (a location), ``actor`` (metonymy: "the Kremlin said",
    "Kiev's hope") or ``demonym`` ("Russian forces", resolving to the country).
    ``candidates`` are the ranked readings with their scores; ``place`` is the
    chosen one (None when nothing in the gazetteer fits).
    """

    start: int
    end: int
    surface: str
    place: Place | None
    candidates: tuple[Candidate, ...] = ()
    role: str = "place"
    doc_id: str | None = None

    @property
    def confidence(self) -> float:
        """Share of the top candidate's score over it and its best rival (0.5 = a coin
        toss). A rival is a candidate that is neither another record of the same place
        (within ``SAME_PLACE_KM``) nor a region holding it or held by it ("Bakhmut"
        and Bakhmut Raion, "Kursk" the city and the oblast): those would put the
        mention in the same spot."""
        if not self.candidates or self.nearby:
            return 0.0
        top = self.candidates[0]
        rival = next((c for c in self.candidates[1:] if not _same_spot(top.place, c.place)), None)
        if rival is None:
            return 1.0
        a, b = top.score, rival.score
        return round(max(a, 1e-9) / (max(a, 1e-9) + max(b, 0.0)), 3)

    @property
    def nearby(self) -> bool:
        """Whether ``geo.resolve`` placed this unknown span at a place named near it."""
        return bool(self.candidates) and self.candidates[0].match == "nearby"

    @property
    def approximate(self) -> bool:
        """Whether the point only approximates what the mention names: a place at
        its hromada's centre, or an unknown span placed at a nearby named place."""
        return self.place is not None and (self.place.approximate or self.nearby)


@dataclass(frozen=True, slots=True)
class Document:
    """A text with its provenance and the place mentions found in it."""

    text: str
    id: str | None = None
    date: str | None = None
    mentions: tuple[Mention, ...] = ()

    @property
    def places(self) -> tuple[Mention, ...]:
        """Mentions that name a location (not actors, not demonyms) and were resolved."""
        return tuple(m for m in self.mentions if m.role == "place" and m.place is not None)
