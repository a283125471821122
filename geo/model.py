"""Value types of the geo package: places and their candidates."""

from __future__ import annotations

from dataclasses import asdict, dataclass

LEVELS = ("settlement", "admin2", "admin1", "country", "area")


@dataclass(frozen=True, slots=True)
class Place:
    """A real place, as the gazetteer knows it.

    ``level`` is ``settlement``, ``admin2`` (county, raion), ``admin1`` (oblast,
    state), ``country`` or ``area`` (a named region such as the Donbas).
    ``id`` is stable across runs: ``gn:<geonameid>`` for GeoNames places,
    ``iso:<ISO 3166 code>`` for admin-1 regions and countries, and
    ``pc:<country>:<n>`` for GeoNames postal places that have no geonameid.
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
    match: str  # "exact", "alternate", "variant" (romanisation skeleton) or "fuzzy"
