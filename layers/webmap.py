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
from geo.model import is_approximate

from .io import atomic_write_text

SIDE_COLOURS = {"UA": "#1f5fbf", "RU": "#c62828", "third": "#6d6d6d", "author": "#7b3fa0"}
SIDE_NAMES = {"UA": "Ukrainian side", "RU": "Russian side", "third": "third party", "author": "outlet's own voice"}
STATUS_DASH = {"claimed": None, "acknowledged": "6 4", "denied": "2 4", "assessed": "10 3 2 3", "reported": None}
STATUS_WEIGHT = {"claimed": 3, "acknowledged": 3, "denied": 2, "assessed": 3, "reported": 2}
GROUPS = ("claimant", "side", "source")
BASEMAP_TOLERANCE = 0.1  # degrees: the basemap is context, not data
MAX_QUOTES = 12  # claims listed in one region's popup


def _e(value) -> str:
    """HTML-escaped text of any value ('' for missing)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def quote_parts(row) -> list[str]:
    """The evidence sentence split around the place's own words: [before, place, after]."""
    text = row["evidence"] or ""
    s, e = row.get("place_start"), row.get("place_end")
    if s is not None and e is not None and s == s and e == e:
        a, b = int(s) - int(row["span_start"]), int(e) - int(row["span_start"])
        if 0 <= a < b <= len(text):
            return [text[:a], text[a:b], text[b:]]
    return [text, "", ""]


APPROXIMATE_NOTE = "approximate: the centre of its hromada or raion"
# A place whose name fits another about as well (Mention.confidence near 0.5): several
# villages of one name in one oblast, and nothing in the text to tell them apart.
AMBIGUOUS_BELOW = 0.52
AMBIGUOUS_NOTE = "ambiguous: another place of this name fits the text about as well"


def claim_card(row) -> dict:
    """What a popup shows of one claim, as plain strings: the page builds the popup with
    textContent, so no input text is ever parsed as HTML."""
    quantity = None
    if row.get("quantity_value") is not None and row["quantity_value"] == row["quantity_value"]:
        quantity = f"{row['quantity_approx']} {row['quantity_value']:g} {row['quantity_unit']}"
    card = {
        "who": _text(row.get("claimant_text")) or _text(row["claimant"]),
        "side": SIDE_NAMES.get(row["claimant_side"], row["claimant_side"]),
        "what": f"{row['status']}: {row['actor_side']} forces {row['predicate']}" + (f" · {quantity}" if quantity
                                                                                      else ""),
        "place": _text(row["place_name"]), "inferred": bool(row.get("inferred")),
        "approx": APPROXIMATE_NOTE if is_approximate(row.get("place_id") or "") else None,
        "ambiguous": AMBIGUOUS_NOTE if _ambiguous(row) else None,
        "quote": quote_parts(row),
        "dates": " · ".join(x for x in (
            f"reported {row['report_date']}" if _text(row.get("report_date")) else "",
            f"since {row['since']}" if _text(row.get("since")) else "",
            f"on {row['on']}" if _text(row.get("on")) else "") if x),
        "doc": _text(row["doc_id"]),  # source, title and link: once per document, in claimmapDocs
        "ref": _text(row.get("reference")),
        "span": f"{int(row['span_start'])}-{int(row['span_end'])}",
    }
    return {k: v for k, v in card.items() if v not in (None, "", False)}


def _ambiguous(row) -> bool:
    confidence = row.get("confidence")
    return (not row.get("inferred") and confidence is not None and confidence == confidence
            and 0 < confidence < AMBIGUOUS_BELOW)


def _group_label(row, group_by: str) -> str:
    if group_by == "side":
        return SIDE_NAMES.get(row["claimant_side"], row["claimant_side"])
    if group_by == "source":
        return row.get("source") or row.get("doc_id") or "unknown source"
    if row["claimant_side"] == "author":
        return f"{row.get('source') or 'outlet'} (own voice)"
    return f"{row['claimant']} ({row['claimant_side']})"


@cache
def _display_geometry(geometry):
    """Regions simplified for the screen (about 1 km; exports keep the shipped outline)."""
    import shapely
    from shapely.geometry import mapping

    if geometry.geom_type == "Point":
        return {"type": "Point", "coordinates": [round(geometry.x, 5), round(geometry.y, 5)]}
    return mapping(shapely.set_precision(shapely.simplify(geometry, 0.01, preserve_topology=True), 0.001))


def _feature(geometry, props) -> dict:
    return {"type": "Feature", "geometry": _display_geometry(geometry), "properties": props}


@cache
def _basemap_geojson(countries: tuple[str, ...]) -> tuple[str, str]:
    """World countries and the regions of the given countries, simplified for display."""
    import shapely
    from shapely.geometry import mapping

    world = boundaries.countries()
    feats = []
    for geom in shapely.simplify(world.geometries, BASEMAP_TOLERANCE, preserve_topology=True):
        feats.append({"type": "Feature", "geometry": mapping(shapely.set_precision(geom, 0.01)), "properties": {}})
    regions = boundaries.admin1()
    wanted = [i for i, cc in enumerate(regions.attrs["country_code"]) if cc in countries]
    region_feats = []
    for i in wanted:
        geom = shapely.set_precision(shapely.simplify(regions.geometries[i], 0.02, preserve_topology=True), 0.005)
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


_POPUP_JS = """
<script>
// Builds a claim popup from plain strings with textContent only: input text is never HTML.
function claimmapPopup(p) {
  var root = document.createElement("div"); root.className = "cm-popup";
  function el(tag, text, cls) { var e = document.createElement(tag); if (text) { e.textContent = text; }
    if (cls) { e.className = cls; } return e; }
  function line(parent, parts) { var d = el("div"); parts.forEach(function (x) { d.appendChild(x); });
    parent.appendChild(d); return d; }
  if (p.title) { root.appendChild(el("b", p.title)); }
  (p.claims || []).forEach(function (c, i) {
    if (i > 0 || p.title) { root.appendChild(el("hr")); }
    line(root, [el("b", c.who), el("span", " (" + c.side + ")")]);
    line(root, [el("b", c.what)]);
    var place = line(root, [el("span", "Place: " + (c.place || ""))]);
    if (c.inferred) { place.appendChild(el("i", " (inferred from context)")); }
    if (c.approx) { place.appendChild(el("i", " (" + c.approx + ")")); }
    if (c.ambiguous) { place.appendChild(el("i", " (" + c.ambiguous + ")")); }
    var q = el("blockquote", null, "cm-quote");
    q.appendChild(document.createTextNode(c.quote[0])); if (c.quote[1]) { q.appendChild(el("mark", c.quote[1])); }
    q.appendChild(document.createTextNode(c.quote[2])); root.appendChild(q);
    if (c.ref) { line(root, [el("i", c.ref)]); }
    if (c.dates) { line(root, [el("span", c.dates)]); }
    var doc = (window.claimmapDocs || {})[c.doc] || {};
    if (doc.source) { line(root, [el("span", doc.source)]); }
    if (doc.url) { var a = el(doc.link ? "a" : "span", doc.url); if (doc.link) { a.href = doc.url;
      a.target = "_blank"; a.rel = "noopener noreferrer"; } line(root, [a]); }
    line(root, [el("small", c.doc + ":" + c.span)]);
  });
  if (p.more) { root.appendChild(el("hr")); root.appendChild(el("i", p.more)); }
  if (p.note) { root.appendChild(el("br")); root.appendChild(el("small", p.note)); }
  return root;
}
</script>
"""

_REGISTER = """function(feature, layer) {
    var p = feature.properties;
    if (layer.setStyle && p.colour) {
        layer.setStyle({color: p.colour, fillColor: p.colour, weight: p.weight, dashArray: p.dash,
                        fill: p.fill > 0, fillOpacity: p.fill, opacity: 0.9});
    }
    layer.bindPopup(function () { return claimmapPopup(p); }, {maxWidth: 440});
    if (p.tip) { layer.bindTooltip(function () { var s = document.createElement("span"); s.textContent = p.tip;
        return s; }, {sticky: true}); }
    (window.claimmapFeatures = window.claimmapFeatures || []).push({layer: layer, date: p.date || ""});
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
        # A region is drawn once per layer, its popup listing the layer's claims on it.
        regions: dict[str, list] = {}
        points = []
        for row in rows:
            if row["geometry"].geom_type == "Point":
                points.append(row)
            else:
                regions.setdefault(row["place_id"], []).append(row)
        for place_rows in regions.values():
            first = place_rows[0]
            shown = sorted(place_rows, key=lambda r: r.get("report_date") or "")
            more = len(shown) - MAX_QUOTES
            feats.append(_feature(first["geometry"], {
                "claims": [claim_card(r) for r in shown[:MAX_QUOTES]],
                "more": f"and {more} more claims on {first['place_name']} in this layer" if more > 0 else None,
                "tip": f"{len(place_rows)} claims · {first['place_name']}",
                "date": shown[0].get("report_date") or "",
                "colour": SIDE_COLOURS.get(first["actor_side"] if group_by == "side" else first["claimant_side"], "#444"),
                "dash": "4 4" if all(r.get("inferred") for r in place_rows) else None,
                "weight": 2, "fill": 0.03}))
        for row in points:
            side = row["claimant_side"]
            props = {
                "claims": [claim_card(row)],
                "tip": f"{row['actor_side']} {row['predicate']} · {row['place_name']}",
                "date": row.get("report_date") or "",
                "colour": SIDE_COLOURS.get(row["actor_side"] if group_by == "side" else side, "#444"),
                "dash": "4 4" if row.get("inferred") else STATUS_DASH.get(row["status"]),
                "weight": STATUS_WEIGHT.get(row["status"], 2),
                "fill": 0.03 if row["geometry"].geom_type != "Point" else (0.15 if row.get("inferred") else 0.6),
            }
            feats.append(_feature(row["geometry"], props))
        fg = folium.FeatureGroup(name=f"{_e(label)} ({len(rows)})", show=True)
        # Styles travel in each feature's properties and are applied in the browser:
        # a Python style function would embed one style per feature.
        folium.GeoJson({"type": "FeatureCollection", "features": feats},
                       marker=folium.CircleMarker(radius=7, fill=True), on_each_feature=JsCode(_REGISTER)).add_to(fg)
        fg.add_to(m)

    contested = _contested(claims) if len(claims) else []
    if contested:
        fg = folium.FeatureGroup(name=f"Contested: opposite sides claim it ({len(contested)})", show=True)
        feats = []
        for first, rows in contested:
            feats.append(_feature(first["geometry"], {
                "title": f"Contested: {first['place_name']}", "claims": [claim_card(r) for r in rows[:MAX_QUOTES]],
                "tip": f"contested · {first['place_name']}", "date": "",
                "colour": "#ef6c00", "dash": None, "weight": 4, "fill": 0}))
        folium.GeoJson({"type": "FeatureCollection", "features": feats},
                       marker=folium.CircleMarker(radius=14), on_each_feature=JsCode(_REGISTER)).add_to(fg)
        fg.add_to(m)

    if mentions is not None and len(mentions):
        places = mentions[mentions["role"] == "place"]
        if len(places):
            feats = [_feature(r["geometry"], {
                "title": f"{r['surface']} → {r['place_name']} ({r['level']}, {r['country_code']}"
                         + (f", {APPROXIMATE_NOTE})" if is_approximate(r["place_id"]) else ")"),
                "note": f"{r['doc_id']}:{int(r['span_start'])}-{int(r['span_end'])}",
                "tip": r["place_name"], "date": r.get("report_date") or "", "colour": "#455a64",
                "dash": None, "weight": 1, "fill": 0.4}) for _, r in places.iterrows()]
            fg = folium.FeatureGroup(name=f"Places mentioned ({len(feats)})", show=False)
            folium.GeoJson({"type": "FeatureCollection", "features": feats},
                           marker=folium.CircleMarker(radius=3, fill=True), on_each_feature=JsCode(_REGISTER)).add_to(fg)
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
    m.get_root().header.add_child(folium.Element(_POPUP_JS))
    m.get_root().header.add_child(folium.Element(_documents_js(claims)))
    dates = sorted({d for d in claims.get("report_date", []) if isinstance(d, str) and d})
    if len(dates) > 1:
        m.get_root().html.add_child(folium.Element(_date_control_html(dates)))
    return m


def _documents_js(claims) -> str:
    """Each document's source line and link, once; JSON with '<' escaped so no input closes the script."""
    docs = {}
    for _, row in claims.drop_duplicates("doc_id").iterrows():
        url = _text(row.get("url"))
        docs[str(row["doc_id"])] = {k: v for k, v in {
            "source": " · ".join(x for x in (_text(row.get("source")), _text(row.get("title"))) if x),
            "url": url, "link": bool(url and re.match(r"(?i)^https?://", url.strip()))}.items() if v}
    data = json.dumps(docs, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<script>window.claimmapDocs = {data};</script>"


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
