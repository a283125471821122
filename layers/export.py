"""Write a layer table to GeoJSON (RFC 7946), GeoPackage, CSV (WKT) or GeoParquet.

The format follows the file's suffix. Every file is written to a temporary
name beside the target and renamed into place, so a failed or interrupted run
never leaves a truncated file and an existing file survives it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from geo.errors import UsageError

from .io import atomic_path_write, atomic_write_bytes

FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage", ".csv": "CSV", ".parquet": "GeoParquet"}
COORDINATE_DECIMALS = 6


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def _geometry_json(geoms) -> list[str | None]:
    """RFC 7946 geometry JSON per geometry: 6-decimal lon/lat, exterior rings counterclockwise.
    Identical geometry objects (a region shared by many claims) are encoded once."""
    import shapely

    unique: dict[int, int] = {}
    order = []
    for g in geoms:
        if g is not None and id(g) not in unique:
            unique[id(g)] = len(order)
            order.append(g)
    # Round first: snapping to the grid may rebuild rings, orientation comes last.
    arr = shapely.orient_polygons(shapely.set_precision(order, 10 ** -COORDINATE_DECIMALS), exterior_cw=False) \
        if order else []
    encoded = shapely.to_geojson(arr) if len(order) else []
    return [None if g is None else encoded[unique[id(g)]] for g in geoms]


def to_geojson_bytes(gdf) -> bytes:
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geometries = _geometry_json(list(gdf.geometry.values))
    props = gdf.drop(columns="geometry").to_dict("records")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
    parts = []
    for geom, row in zip(geometries, props):
        parts.append('{"type":"Feature","geometry":' + (geom or "null") + ',"properties":'
                     + dumps({k: _clean(v) for k, v in row.items()}) + "}")
    return ('{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}").encode("utf-8")


def write(gdf, path, *, layer: str = "claims") -> Path:
    """Write ``gdf`` to ``path`` in the format its suffix names; return the path."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"unknown output format {path.suffix or '(none)'!r}: use " + ", ".join(sorted(FORMATS)))
    if fmt == "GeoJSON":
        atomic_write_bytes(path, to_geojson_bytes(gdf))
    elif fmt == "CSV":
        table = gdf.drop(columns="geometry").copy()
        table["geometry_wkt"] = gdf.geometry.to_wkt(rounding_precision=COORDINATE_DECIMALS)
        atomic_write_bytes(path, table.to_csv(index=False).encode("utf-8"))
    elif fmt == "GeoPackage":
        atomic_path_write(path, lambda tmp: gdf.to_file(tmp, driver="GPKG", layer=layer, engine="pyogrio"))
    else:
        atomic_path_write(path, lambda tmp: gdf.to_parquet(tmp, index=False))
    return path


def _chunks(row_lists, size: int):
    """Row lists regrouped into lists of about ``size`` rows."""
    chunk: list[dict] = []
    for rows in row_lists:
        chunk.extend(rows)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_stream(row_lists, path, columns: list[str], *, layer: str = "claims", chunk_rows: int = 2000) -> int:
    """Write rows as they come (lists of row dicts, e.g. one list per document) without holding
    them all: GeoJSON, CSV and GeoPackage stream; GeoParquet collects (its footer needs all rows).
    Returns the number of features. Atomic like ``write``."""
    from .build import _frame

    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"unknown output format {path.suffix or '(none)'!r}: use " + ", ".join(sorted(FORMATS)))
    count = 0
    if fmt == "GeoParquet":
        rows = [r for chunk in _chunks(row_lists, chunk_rows) for r in chunk]
        write(_frame(rows, columns), path, layer=layer)
        return len(rows)

    def writer(tmp: str) -> None:
        nonlocal count
        first = True
        if fmt == "GeoPackage":
            import pyogrio

            for chunk in _chunks(row_lists, chunk_rows):
                pyogrio.write_dataframe(_frame(chunk, columns), tmp, layer=layer, driver="GPKG", append=not first)
                first = False
                count += len(chunk)
            if first:  # no rows: still a valid, empty layer
                pyogrio.write_dataframe(_frame([], columns), tmp, layer=layer, driver="GPKG")
            return
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            if fmt == "GeoJSON":
                fh.write('{"type":"FeatureCollection","features":[')
            for chunk in _chunks(row_lists, chunk_rows):
                gdf = _frame(chunk, columns)
                if fmt == "GeoJSON":
                    body = to_geojson_bytes(gdf).decode("utf-8")
                    inner = body[body.index("[") + 1:body.rindex("]")]
                    if inner:
                        fh.write(("" if first else ",") + inner)
                        first = False
                else:
                    table = gdf.drop(columns="geometry").copy()
                    table["geometry_wkt"] = gdf.geometry.to_wkt(rounding_precision=COORDINATE_DECIMALS)
                    fh.write(table.to_csv(index=False, header=first))
                    first = False
                count += len(chunk)
            if fmt == "GeoJSON":
                fh.write("]}")
            elif first:
                fh.write(",".join(columns) + ",geometry_wkt\n")

    atomic_path_write(path, writer)
    return count
