"""An offline geocoder with geopy's interface, backed by the shipped gazetteer.

``OfflineGeocoder().geocode("Kursk")`` returns a ``geopy.location.Location`` whose
``raw`` holds the gazetteer record; ``reverse((51.19, 35.27))`` returns the
nearest settlement with its admin-1 region and country found by
point-in-polygon on the shipped boundaries. Works wherever geopy geocoders do
(``RateLimiter``, code written against ``geopy.geocoders.Nominatim``).
"""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from . import boundaries
from .errors import UsageError
from .gazetteer import Gazetteer
from .model import Candidate, Place

MAX_QUERY_CHARS = 200


def check_query(query) -> str:
    """The query as text, or a UsageError for empty, oversized or non-text queries."""
    if isinstance(query, dict):
        query = ", ".join(str(v) for v in query.values() if v)
    if not isinstance(query, str):
        raise UsageError(f"a geocoder query is text, not {type(query).__name__}")
    text = " ".join(query.split())
    if not text:
        raise UsageError("empty geocoder query")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(f"geocoder query of {len(text)} characters: the limit is {MAX_QUERY_CHARS}")
    return text


def _codes(value) -> list[str] | None:
    if not value:
        return None
    if isinstance(value, str):
        value = value.split(",")
    return [c.strip().upper() for c in value if c.strip()]


class OfflineGeocoder(Geocoder):
    """geopy ``Geocoder`` over the offline gazetteer. Never touches the network."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs):
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.load()

    def geocode(
        self,
        query,
        *,
        exactly_one: bool = True,
        timeout=DEFAULT_SENTINEL,
        limit: int | None = None,
        country_codes=None,
        country_bias=None,
        featuretype: str | None = None,
        fuzzy: bool = True,
    ):
        """Locations for a place name, best first (``None`` when nothing matches).

        ``country_codes`` restricts to those ISO 3166-1 alpha-2 codes (geopy's
        Nominatim semantics); ``country_bias`` prefers them; ``featuretype`` is
        one of ``settlement``, ``admin1`` (or ``state``), ``country``.
        """
        text = check_query(query)
        levels = None
        if featuretype:
            level = {"state": "admin1", "city": "settlement"}.get(featuretype, featuretype)
            levels = (level,)
        found = self.gazetteer.candidates(
            text,
            country_codes=_codes(country_codes),
            country_bias=_codes(country_bias),
            levels=levels,
            fuzzy=fuzzy,
            limit=1 if exactly_one else (limit or 10),
        )
        if not found:
            return None
        locations = [self._location(c.place, c) for c in found]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL):
        """The nearest settlement to ``(lat, lon)``, with its region and country."""
        try:
            point = Point(query)
        except (ValueError, TypeError) as exc:
            raise UsageError(f"not a coordinate pair: {query!r}") from exc
        lat, lon = point.latitude, point.longitude
        g = self.gazetteer
        row, km = g.nearest_settlement(lat, lon)
        near = g.place(row)
        admin1_layer = boundaries.admin1()
        a1 = admin1_layer.containing(lon, lat)
        country_i = boundaries.countries().containing(lon, lat)
        country_code = boundaries.countries().attrs["country_code"][country_i] if country_i is not None else ""
        admin1_name = admin1_code = ""
        if a1 is not None:
            rec = admin1_layer.row(a1)
            admin1_name, admin1_code = rec["name_en"] or rec["name"], rec["iso_3166_2"]
            country_code = country_code or rec["country_code"]
        place = Place(
            id=near.id,
            name=near.name,
            level=near.level,
            lat=near.lat,
            lon=near.lon,
            country_code=country_code or near.country_code,
            admin1=admin1_name or near.admin1,
            admin1_code=admin1_code or near.admin1_code,
            geonameid=near.geonameid,
            population=near.population,
        )
        location = self._location(place, None, distance_km=round(km, 3))
        return location if exactly_one else [location]

    def _location(self, place: Place, candidate: Candidate | None, **extra) -> Location:
        country_row = self.gazetteer.country_row(place.country_code) if place.country_code else None
        country_name = self.gazetteer.names[country_row] if country_row is not None else place.country_code
        parts = [place.name]
        if place.level == "settlement" and place.admin1:
            parts.append(place.admin1)
        if place.level != "country" and country_name:
            parts.append(country_name)
        raw = place.to_dict()
        raw["country"] = country_name
        if candidate is not None:
            raw["score"] = candidate.score
            raw["match"] = candidate.match
        raw.update(extra)
        return Location(", ".join(parts), (place.lat, place.lon), raw)
