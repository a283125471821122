"""Control-area polygons from map makers (DeepStateMap, ISW/CTP), read as published.

- DeepStateMap snapshots: each feature's ``name`` is "UA /// EN /// geoJSON.status.<key>"
  (older files: "UA /// EN" only); the date comes from the file name
  (``deepstate_raw_20240831_...``).
- DeepState time series: features carry ``status`` and ``snapshot_utc``.
- ISW/CTP layers: one file per category, named like ``isw_20220911_RussianAssessedCoTinUkraine``.

``overlay_notes`` tells, for each claim, whether its place lies inside an area of
the snapshot nearest before the claim's report date ("inside DeepState
'liberated' area, 2024-09-11").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError

# DeepState's English labels in files that predate the geoJSON.status keys.
_DEEPSTATE_EN = {"liberated": "liberated", "occupied": "occupied", "situation is unknown": "unknown",
                 "unknown status": "unknown", "direction of attack": "attack_direction"}
_PALETTE = {"liberated": "#2e7d32", "occupied": "#c62828", "unknown": "#9e9e9e", "unknown_grey_zone": "#9e9e9e",
            "attack_direction": "#ef6c00", "dismissed": "#1565c0"}


@dataclass(frozen=True)
class ReferenceArea:
    source: str  # "DeepState", "ISW"
    category: str
    date: str | None  # YYYY-MM-DD
    geometry: object
    colour: str


def _file_date(path: Path) -> str | None:
    m = re.search(r"(20\d{2})(\d{2})(\d{2})", path.name)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _deepstate_category(name: str) -> str:
    m = re.search(r"geoJSON\.status\.([\w-]+)", name)
    if m:
        return m.group(1)
    english = name.split("///")[1].strip().lower() if "///" in name else name.strip().lower()
    for label, key in _DEEPSTATE_EN.items():
        if english.startswith(label):
            return key
    return english or "unknown"


def _camel_words(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name).strip()


def read_reference(path: Path) -> list[ReferenceArea]:
    """Areas of one reference file; polygons only (points and lines are labels and arrows)."""
    from shapely.geometry import shape

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{path} is not GeoJSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise InputError(f"{path} is not a GeoJSON FeatureCollection")
    path = Path(path)
    file_date = _file_date(path)
    isw = path.name.lower().startswith("isw")
    isw_category = _camel_words(re.sub(r"(?i)^isw_\d{8}_|\.geojson$|_simplified", "", path.name)) if isw else ""
    areas = []
    for f in data["features"]:
        geom = f.get("geometry")
        if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        props = f.get("properties") or {}
        if isw:
            source, category, date = "ISW", isw_category, file_date
        elif "status" in props:
            source, category = "DeepState", str(props["status"])
            date = str(props.get("snapshot_utc") or "")[:10] or file_date
        else:
            source, category, date = "DeepState", _deepstate_category(str(props.get("name", ""))), file_date
        colour = props.get("fill") if isinstance(props.get("fill"), str) and props["fill"].startswith("#") else None
        areas.append(ReferenceArea(source, category, date, shape(geom), colour or _PALETTE.get(category, "#607d8b")))
    if not areas:
        raise InputError(f"{path} has no control-area polygons")
    return areas


def overlay_notes(points, report_dates, areas: list[ReferenceArea]) -> list[str]:
    """For each (point, date): where it lies in the reference snapshot nearest before the date."""
    import shapely

    by_source: dict[str, dict[str | None, list[ReferenceArea]]] = defaultdict(lambda: defaultdict(list))
    for a in areas:
        by_source[a.source][a.date].append(a)
    notes = []
    for point, date in zip(points, report_dates):
        parts = []
        for source, snapshots in by_source.items():
            dated = sorted(d for d in snapshots if d)
            earlier = [d for d in dated if date and d <= date]
            chosen = earlier[-1] if earlier else None
            if chosen is None and None in snapshots:
                chosen_areas, label = snapshots[None], "undated"
            elif chosen is None:
                parts.append(f"no {source} snapshot before {date or 'an unknown date'}")
                continue
            else:
                chosen_areas, label = snapshots[chosen], chosen
            inside = [a.category for a in chosen_areas if shapely.intersects(a.geometry, point)]
            if inside:
                parts.append(f"inside {source} '{inside[0]}' area, {label}")
            else:
                parts.append(f"outside {source} areas, {label}")
        notes.append("; ".join(parts))
    return notes


def reference_layers(areas: list[ReferenceArea], until: str | None):
    """folium layers, one per (source, category), each the snapshot nearest before ``until``."""
    import folium
    from shapely.geometry import mapping

    groups: dict[tuple[str, str], dict[str | None, list[ReferenceArea]]] = defaultdict(lambda: defaultdict(list))
    for a in areas:
        groups[(a.source, a.category)][a.date].append(a)
    layers = []
    for (source, category), snapshots in sorted(groups.items()):
        dated = sorted(d for d in snapshots if d)
        earlier = [d for d in dated if until and d <= until]
        date = earlier[-1] if earlier else (dated[-1] if dated else None)
        chosen = snapshots[date]
        colour = chosen[0].colour
        feats = [{"type": "Feature", "geometry": mapping(a.geometry), "properties": {}} for a in chosen]
        name = f"{source}: {category}" + (f" ({date})" if date else "")
        fg = folium.FeatureGroup(name=name, show=category not in ("attack_direction",))
        folium.GeoJson({"type": "FeatureCollection", "features": feats}, interactive=False,
                       style_function=lambda f, c=colour: {"color": c, "fillColor": c, "weight": 1,
                                                           "fillOpacity": 0.18}).add_to(fg)
        layers.append(fg)
    return layers
