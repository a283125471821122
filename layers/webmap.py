"""The claims map: a self-contained, offline Leaflet page (folium).

``to_map(claims, mentions)`` returns a ``folium.Map`` (a notebook shows it
inline); ``write_map(m, path)`` writes one HTML file with every script and
style inlined from installed packages (Leaflet 1.9.3 and jQuery from the
XStatic packages; folium's Bootstrap, Font Awesome and awesome-markers are
left out, the map does not use them) and a vector basemap drawn from the
shipped country and region boundaries, so the page needs no network.

Layers: one per claimant (or side, or source), a "contested" layer where
opposite sides claim the same place, and a hidden "places mentioned" layer.
Settlements are circles, regions their real polygons; places inferred from
context are dashed. Every piece of input text in a popup or tooltip is
HTML-escaped, and only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import html
import json
import re
from functools import cache
from pathlib import Path

from geo import boundaries

from .io import atomic_write_text

SIDE_COLOURS = {"UA": "#1f5fbf", "RU": "#c62828", "third": "#6d6d6d", "author": "#7b3fa0"}
SIDE_NAMES = {"UA": "Ukrainian side", "RU": "Russian side", "third": "third party", "author": "outlet's own voice"}
STATUS_DASH = {"claimed": None, "acknowledged": "6 4", "denied": "2 4", "assessed": "10 3 2 3", "reported": None}
STATUS_WEIGHT = {"claimed": 3, "acknowledged": 3, "denied": 2, "assessed": 3, "reported": 2}
GROUPS = ("claimant", "side", "source")
BASEMAP_TOLERANCE = 0.05  # degrees: the basemap is context, not data


def _e(value) -> str:
    """HTML-escaped text of any value ('' for missing)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _link(url) -> str:
    if not isinstance(url, str) or not re.match(r"(?i)^https?://", url.strip()):
        return _e(url)
    return f'<a href="{_e(url.strip())}" target="_blank" rel="noopener noreferrer">{_e(url.strip())}</a>'


def quote_html(row) -> str:
    """The evidence sentence, escaped, with the place's own words highlighted."""
    text = row["evidence"] or ""
    s, e = row.get("place_start"), row.get("place_end")
    if s is not None and e is not None and s == s and e == e:
        a, b = int(s) - int(row["span_start"]), int(e) - int(row["span_start"])
        if 0 <= a < b <= len(text):
            return f"{_e(text[:a])}<mark>{_e(text[a:b])}</mark>{_e(text[b:])}"
    return _e(text)


def popup_html(row) -> str:
    quantity = ""
    if row.get("quantity_value") is not None and row["quantity_value"] == row["quantity_value"]:
        quantity = f"{_e(row['quantity_approx'])} {row['quantity_value']:g} {_e(row['quantity_unit'])}"
    dates = " · ".join(x for x in (
        f"reported {_e(row.get('report_date'))}" if row.get("report_date") else "",
        f"since {_e(row.get('since'))}" if row.get("since") else "",
        f"on {_e(row.get('on'))}" if row.get("on") else "") if x)
    place = _e(row["place_name"]) + (' <i>(inferred from context)</i>' if row.get("inferred") else "")
    lines = [
        f"<b>{_e(row.get('claimant_text') or row['claimant'])}</b> "
        f"({_e(SIDE_NAMES.get(row['claimant_side'], row['claimant_side']))})",
        f"<b>{_e(row['status'])}</b>: {_e(row['actor_side'])} forces {_e(row['predicate'])} "
        f"{('· ' + quantity) if quantity else ''}",
        f"Place: {place}",
        f"<blockquote class='cm-quote'>{quote_html(row)}</blockquote>",
    ]
    if row.get("reference"):
        lines.append(f"<i>{_e(row['reference'])}</i>")
    if dates:
        lines.append(dates)
    src = " · ".join(x for x in (_e(row.get("source")), _e(row.get("title"))) if x)
    if src:
        lines.append(src)
    if row.get("url"):
        lines.append(_link(row["url"]))
    lines.append(f"<small>{_e(row['doc_id'])}:{int(row['span_start'])}-{int(row['span_end'])}</small>")
    return "<div class='cm-popup'>" + "<br>".join(lines) + "</div>"


def _group_label(row, group_by: str) -> str:
    if group_by == "side":
        return SIDE_NAMES.get(row["claimant_side"], row["claimant_side"])
    if group_by == "source":
        return row.get("source") or row.get("doc_id") or "unknown source"
    if row["claimant_side"] == "author":
        return f"{row.get('source') or 'outlet'} (own voice)"
    return f"{row['claimant']} ({row['claimant_side']})"


def _feature(row, geometry, props) -> dict:
    from shapely.geometry import mapping

    g = mapping(geometry)
    return {"type": "Feature", "geometry": g, "properties": props}


def _style(feature):
    p = feature["properties"]
    return {"color": p["colour"], "fillColor": p["colour"], "weight": p["weight"], "dashArray": p["dash"],
            "fill": p["fill"] > 0, "fillOpacity": p["fill"], "opacity": 0.9}


@cache
def _basemap_geojson(countries: tuple[str, ...]) -> tuple[str, str]:
    """World countries and the regions of the given countries, simplified for display."""
    import shapely
    from shapely.geometry import mapping

    world = boundaries.countries()
    feats = []
    for geom in shapely.simplify(world.geometries, BASEMAP_TOLERANCE, preserve_topology=True):
        feats.append({"type": "Feature", "geometry": mapping(shapely.set_precision(geom, 0.001)), "properties": {}})
    regions = boundaries.admin1()
    wanted = [i for i, cc in enumerate(regions.attrs["country_code"]) if cc in countries]
    region_feats = []
    for i in wanted:
        geom = shapely.set_precision(shapely.simplify(regions.geometries[i], 0.01, preserve_topology=True), 0.001)
        region_feats.append({"type": "Feature", "geometry": mapping(geom),
                             "properties": {"name": regions.attrs["name_en"][i] or regions.attrs["name"][i]}})
    return (json.dumps({"type": "FeatureCollection", "features": feats}),
            json.dumps({"type": "FeatureCollection", "features": region_feats}))


def _contested(claims) -> list[tuple[object, list]]:
    """Places that claims of opposite sides name: (first row, rows)."""
    out = []
    for _pid, rows in claims.groupby("place_id", sort=False):
        claimants = set(rows["claimant_side"]) & {"UA", "RU"}
        holders = set(rows.loc[rows["predicate"].isin(["control", "capture"]), "actor_side"])
        if len(claimants) == 2 or len(holders) == 2:
            out.append((rows.iloc[0], [r for _, r in rows.iterrows()]))
    return out


_REGISTER = """function(feature, layer) {
    layer.bindPopup(feature.properties.popup, {maxWidth: 440});
    if (feature.properties.tip) { layer.bindTooltip(feature.properties.tip, {sticky: true}); }
    (window.claimmapFeatures = window.claimmapFeatures || []).push(
        {layer: layer, date: feature.properties.date || ""});
}"""


def to_map(claims, mentions=None, *, group_by: str = "claimant", offline: bool = True, title: str | None = None,
           references: list | None = None):
    """A folium Map of claims (GeoDataFrame from ``build``); see the module docstring."""
    import folium
    from folium.utilities import JsCode

    if group_by not in GROUPS:
        raise ValueError(f"group_by must be one of {GROUPS}")
    m = folium.Map(tiles=None, zoom_control=True, control_scale=True, max_zoom=14, min_zoom=2,
                   prefer_canvas=False)
    m.default_js = [("leaflet", "claimmap-inline:leaflet.js"), ("jquery", "claimmap-inline:jquery.js")]
    m.default_css = [("leaflet_css", "claimmap-inline:leaflet.css")]
    countries = tuple(sorted(set(claims["country_code"].dropna()) | (
        set(mentions["country_code"].dropna()) if mentions is not None and len(mentions) else set())))
    world, regions = _basemap_geojson(countries or ("UA",))
    base = folium.FeatureGroup(name="Basemap (Natural Earth)", control=False)
    folium.GeoJson(world, style_function=lambda f: {"color": "#9aa5b1", "weight": 0.8, "fillColor": "#eef1f4",
                                                    "fillOpacity": 1}, interactive=False).add_to(base)
    folium.GeoJson(regions, style_function=lambda f: {"color": "#b8c2cc", "weight": 0.6, "fillOpacity": 0,
                                                      "dashArray": "3 3"}, interactive=False).add_to(base)
    base.add_to(m)
    if not offline:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=True, show=False).add_to(m)

    for ref in references or []:
        ref.add_to(m)

    groups: dict[str, list] = {}
    for _, row in claims.iterrows():
        groups.setdefault(_group_label(row, group_by), []).append(row)
    for label in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        rows = groups[label]
        feats = []
        for row in rows:
            side = row["claimant_side"]
            props = {
                "popup": popup_html(row),
                "tip": _e(f"{row['actor_side']} {row['predicate']} · {row['place_name']}"),
                "date": row.get("report_date") or "",
                "colour": SIDE_COLOURS.get(row["actor_side"] if group_by == "side" else side, "#444"),
                "dash": "4 4" if row.get("inferred") else STATUS_DASH.get(row["status"]),
                "weight": STATUS_WEIGHT.get(row["status"], 2),
                "fill": 0.03 if row["geometry"].geom_type != "Point" else (0.15 if row.get("inferred") else 0.6),
            }
            feats.append(_feature(row, row["geometry"], props))
        fg = folium.FeatureGroup(name=f"{_e(label)} ({len(rows)})", show=True)
        folium.GeoJson({"type": "FeatureCollection", "features": feats}, style_function=_style,
                       marker=folium.CircleMarker(radius=7), on_each_feature=JsCode(_REGISTER),
                       highlight_function=lambda f: {"weight": 5}).add_to(fg)
        fg.add_to(m)

    contested = _contested(claims) if len(claims) else []
    if contested:
        fg = folium.FeatureGroup(name=f"Contested: opposite sides claim it ({len(contested)})", show=True)
        feats = []
        for first, rows in contested:
            quotes = "<hr>".join(popup_html(r) for r in rows)
            feats.append(_feature(first, first["geometry"], {
                "popup": f"<b>Contested: {_e(first['place_name'])}</b><hr>{quotes}",
                "tip": _e(f"contested · {first['place_name']}"), "date": "",
                "colour": "#ef6c00", "dash": None, "weight": 4, "fill": 0}))
        folium.GeoJson({"type": "FeatureCollection", "features": feats}, style_function=_style,
                       marker=folium.CircleMarker(radius=14), on_each_feature=JsCode(_REGISTER)).add_to(fg)
        fg.add_to(m)

    if mentions is not None and len(mentions):
        places = mentions[mentions["role"] == "place"]
        if len(places):
            feats = [_feature(r, r["geometry"], {
                "popup": f"<b>{_e(r['surface'])}</b> → {_e(r['place_name'])} ({_e(r['level'])}, "
                         f"{_e(r['country_code'])})<br><small>{_e(r['doc_id'])}:{int(r['span_start'])}-"
                         f"{int(r['span_end'])}</small>",
                "tip": _e(r["place_name"]), "date": r.get("report_date") or "", "colour": "#455a64",
                "dash": None, "weight": 1, "fill": 0.4}) for _, r in places.iterrows()]
            fg = folium.FeatureGroup(name=f"Places mentioned ({len(feats)})", show=False)
            folium.GeoJson({"type": "FeatureCollection", "features": feats}, style_function=_style,
                           marker=folium.CircleMarker(radius=3), on_each_feature=JsCode(_REGISTER)).add_to(fg)
            fg.add_to(m)

    # Frame the claims' own places; a country's centre would pull the view across a continent.
    local = claims[claims["level"] != "country"] if len(claims) else claims
    framed = local if len(local) else claims
    bounds = framed.total_bounds if len(framed) else (
        mentions.total_bounds if mentions is not None and len(mentions) else None)
    if bounds is not None and all(b == b for b in bounds):
        pad = 0.5
        m.fit_bounds([[bounds[1] - pad, bounds[0] - pad], [bounds[3] + pad, bounds[2] + pad]])
    else:
        m.location, m.options["zoom"] = [48.5, 32.0], 5
    folium.LayerControl(collapsed=len(groups) > 12).add_to(m)
    m.get_root().html.add_child(folium.Element(_legend_html(title)))
    dates = sorted({d for d in claims.get("report_date", []) if isinstance(d, str) and d})
    if len(dates) > 1:
        m.get_root().html.add_child(folium.Element(_date_control_html(dates)))
    return m


def _legend_html(title: str | None) -> str:
    rows = "".join(f"<div><span class='cm-swatch' style='background:{c}'></span>{_e(SIDE_NAMES[s])}</div>"
                   for s, c in SIDE_COLOURS.items())
    styles = ("<div><span class='cm-line'></span>claimed / reported</div>"
              "<div><span class='cm-line' style='border-top-style:dashed'></span>acknowledged, inferred place</div>"
              "<div><span class='cm-line' style='border-top-style:dotted'></span>denied</div>"
              "<div><span class='cm-ring'></span>contested</div>")
    heading = f"<b>{_e(title)}</b><br>" if title else ""
    return f"""
<style>
.cm-legend {{position:absolute; bottom:48px; left:10px; z-index:1000; background:#fff; padding:6px 8px;
  font:12px/1.4 sans-serif; border-radius:4px; box-shadow:0 1px 4px rgba(0,0,0,.3); max-width:240px}}
.cm-swatch {{display:inline-block; width:10px; height:10px; border-radius:50%; margin-right:6px}}
.cm-line {{display:inline-block; width:22px; margin:0 6px 3px 0; border-top:3px solid #555}}
.cm-ring {{display:inline-block; width:10px; height:10px; border:2px solid #ef6c00; border-radius:50%;
  margin-right:6px}}
.cm-quote {{margin:4px 0; padding-left:8px; border-left:3px solid #ccc}}
.cm-quote mark {{background:#ffe082}}
.cm-dates {{position:absolute; top:10px; left:54px; z-index:1000; background:#fff; padding:6px 8px;
  font:12px sans-serif; border-radius:4px; box-shadow:0 1px 4px rgba(0,0,0,.3)}}
</style>
<div class="cm-legend" id="cm-legend">{heading}{rows}<hr style="margin:4px 0">{styles}</div>
"""


def _date_control_html(dates: list[str]) -> str:
    options = json.dumps(dates)
    return f"""
<div class="cm-dates" id="cm-dates"><label>Claims reported up to
  <input type="range" id="cm-date-range" min="0" max="{len(dates) - 1}" value="{len(dates) - 1}" step="1">
  <span id="cm-date-label">{_e(dates[-1])}</span></label></div>
<script>
(function () {{
  var dates = {options};
  var range = document.getElementById("cm-date-range");
  var label = document.getElementById("cm-date-label");
  function apply() {{
    var limit = dates[parseInt(range.value, 10)];
    label.textContent = limit;
    (window.claimmapFeatures || []).forEach(function (f) {{
      var visible = !f.date || f.date <= limit;
      if (f.layer.setStyle) {{
        if (f.saved === undefined) {{ f.saved = {{opacity: f.layer.options.opacity, fillOpacity: f.layer.options.fillOpacity}}; }}
        f.layer.setStyle(visible ? f.saved : {{opacity: 0, fillOpacity: 0}});
      }}
      if (!visible && f.layer.closePopup) {{ f.layer.closePopup(); }}
      var el = f.layer.getElement && f.layer.getElement();
      if (el) {{ el.style.pointerEvents = visible ? "" : "none"; }}
    }});
  }}
  range.addEventListener("input", apply);
}})();
</script>
"""


@cache
def _assets() -> dict[str, str]:
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    ldir, jdir = Path(leaflet.BASE_DIR), Path(jquery.BASE_DIR)
    css = (ldir / "leaflet.css").read_text(encoding="utf-8")
    for image in (ldir / "images").glob("*.png"):
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        css = css.replace(f"url(images/{image.name})", f"url(data:image/png;base64,{data})")
    return {
        "leaflet.js": (ldir / "leaflet.js").read_text(encoding="utf-8"),
        "jquery.js": (jdir / "jquery.min.js").read_text(encoding="utf-8"),
        "leaflet.css": css,
    }


def render_html(m) -> str:
    """The map as one self-contained HTML page."""
    page = m.get_root().render()
    assets = _assets()

    def script(match):
        return "<script>" + assets[match.group(1)].replace("</script", "<\\/script") + "</script>"

    def style(match):
        return "<style>" + assets[match.group(1)] + "</style>"

    page = re.sub(r'<script src="claimmap-inline:([\w.]+)"></script>', script, page)
    page = re.sub(r'<link rel="stylesheet" href="claimmap-inline:([\w.]+)"\s*/>', style, page)
    if "claimmap-inline:" in page:
        raise RuntimeError("an asset was left un-inlined")
    return page


def write_map(m, path) -> Path:
    path = Path(path)
    atomic_write_text(path, render_html(m))
    return path
