"""Shipped admin-1 and country polygons (Natural Earth; see scripts/build_data.py).

Read with pyarrow and shapely only, so a reverse lookup does not pay for
importing geopandas. Crimea and Sevastopol are Ukrainian here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .errors import DataError
from .index_build import DATA_DIR


@dataclass(frozen=True)
class BoundaryLayer:
    """Polygons with their attribute columns, and a spatial index over them."""

    attrs: dict[str, list]
    geometries: object  # numpy array of shapely geometries
    tree: object  # shapely.STRtree

    def containing(self, lon: float, lat: float) -> int | None:
        """Index of the polygon that contains the point, or None."""
        import shapely

        hits = self.tree.query(shapely.Point(lon, lat), predicate="intersects")
        return int(hits[0]) if len(hits) else None

    def row(self, i: int) -> dict:
        return {k: v[i] for k, v in self.attrs.items()}

    def index_of(self, column: str, value) -> int | None:
        try:
            return self.attrs[column].index(value)
        except ValueError:
            return None


@cache
def _load(name: str) -> BoundaryLayer:
    import pyarrow.parquet as pq
    import shapely

    path = DATA_DIR / name
    try:
        table = pq.read_table(path)
    except OSError as exc:
        raise DataError(f"shipped boundaries are missing or damaged ({path}): reinstall claimmap") from exc
    geoms = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    attrs = {c: table.column(c).to_pylist() for c in table.column_names if c != "geometry"}
    return BoundaryLayer(attrs, geoms, shapely.STRtree(geoms))


def admin1() -> BoundaryLayer:
    """First-level regions: iso_3166_2, gn_a1_code, name, name_en, country_code, ..."""
    return _load("admin1.parquet")


def countries() -> BoundaryLayer:
    """Countries: country_code, country."""
    return _load("countries.parquet")
