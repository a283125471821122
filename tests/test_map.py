"""The map: built from small documents written here, checked as HTML and in headless Chromium."""

import json
import re

import pytest

from layers.build import build_layers
from layers.cli import main
from layers.sources import iter_documents
from layers.webmap import render_html, to_map

from .browser import Page
from .checks import valid_geojson

PAYLOAD = '</script><script>window.pwned=1;alert("x")</script><img src=x onerror="window.pwned=2">'


def write_docs(folder):
    folder.mkdir(exist_ok=True)
    (folder / "ua.md").write_text(
        "---\nsource: Ukrainian General Staff\ndate: 2024-08-15\ntitle: Sudzha update\n"
        "url: https://example.org/ua\n---\n"
        "Ukraine's General Staff said Ukrainian forces had captured Sudzha in the Kursk region. "
        "Syrskyi said Ukrainian forces control 1,000 square kilometres of the Kursk region.\n", encoding="utf-8")
    (folder / "ru.md").write_text(
        "---\nsource: Russian MoD\ndate: 2024-09-12\n---\n"
        "Russia's Defence Ministry said its forces had retaken Snagost and held Sudzha.\n", encoding="utf-8")
    (folder / "evil.md").write_text(
        f"---\nsource: {PAYLOAD}\ndate: 2024-09-13\ntitle: {PAYLOAD}\nurl: javascript:alert(1)\n---\n"
        f"Kyiv said Ukrainian troops still control Korenevo, \"{PAYLOAD}\" the army added.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory, gazetteer):
    folder = write_docs(tmp_path_factory.mktemp("docs"))
    claims, mentions = build_layers(iter_documents([str(folder)]), progress=False)
    return folder, claims, mentions


def test_map_build_has_one_row_per_claim_and_place(built):
    _folder, claims, mentions = built
    assert len(claims) >= 3
    assert set(claims["claimant_side"]) >= {"UA", "RU"}
    row = claims[claims["place_name"] == "Snagost"].iloc[0]
    assert (row["doc_id"], row["report_date"], row["source"]) == ("ru", "2024-09-12", "Russian MoD")
    assert row["evidence"][row["place_start"] - row["span_start"]:row["place_end"] - row["span_start"]] == "Snagost"
    assert (mentions["role"] == "place").any()


def test_map_html_is_self_contained_and_escapes_input(built):
    _folder, claims, mentions = built
    page = render_html(to_map(claims, mentions))
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page)
    assert "claimmap-inline" not in page
    assert PAYLOAD not in page and "<script>window.pwned" not in page
    assert "javascript:alert(1)" not in re.findall(r'href="([^"]*)"', page)


def test_map_region_claims_are_polygons_and_contested_places_are_marked(built):
    _folder, claims, _mentions = built
    assert set(claims.loc[claims["level"] == "admin1"].geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    page = render_html(to_map(claims))
    assert "Contested: opposite sides claim it" in page  # Sudzha: UA captured, RU holds


def test_map_in_browser_loads_offline_without_errors(built, browser, tmp_path):
    _folder, claims, mentions = built
    p, page = open_map(browser, tmp_path, claims, mentions, title="test")
    assert page.evaluate("typeof L") == "object"
    labels = page.eval_on_selector_all(".leaflet-control-layers-overlays label", "els => els.map(e => e.textContent)")
    assert any("Russian defence ministry" in t for t in labels)
    assert any("Places mentioned" in t for t in labels)
    assert p.errors == [] and p.external == []
    p.close()


def open_map(browser, tmp_path, claims, mentions=None, **kw):
    """A rendered map of ``claims``, opened in the browser: (Page, playwright page)."""
    path = tmp_path / "m.html"
    path.write_text(render_html(to_map(claims, mentions, **kw)), encoding="utf-8")
    p = Page(browser)
    return p, p.open(path)


def test_map_in_browser_click_opens_popup_with_quote(built, browser, tmp_path):
    _folder, claims, _mentions = built
    p, page = open_map(browser, tmp_path, claims)
    page.evaluate("""() => { const f = window.claimmapFeatures.find(
        x => (x.layer.feature.properties.claims || []).some(c => c.place === 'Snagost')); f.layer.fire('click', {latlng: f.layer.getLatLng ?
        f.layer.getLatLng() : f.layer.getBounds().getCenter()}); }""")
    popup = page.wait_for_selector(".leaflet-popup-content")
    text = popup.inner_text()
    assert "retaken" in text and "Snagost" in text and "Russian MoD" in text
    assert popup.query_selector("mark").inner_text() == "Snagost"
    p.close()


def test_map_in_browser_hostile_text_shows_as_text_and_runs_nothing(built, browser, tmp_path):
    _folder, claims, _mentions = built
    p, page = open_map(browser, tmp_path, claims)
    page.evaluate("""() => { window.claimmapFeatures.forEach(f => {
        if (JSON.stringify(f.layer.feature.properties).includes('pwned')) { f.layer.openPopup(); } }); }""")
    popup = page.wait_for_selector(".leaflet-popup-content")
    assert "window.pwned=1" in popup.inner_text()  # shown as text
    assert page.evaluate("window.pwned === undefined") and p.dialogs == []
    assert popup.query_selector("a[href^='javascript']") is None
    p.close()


def test_map_cli_writes_the_file_and_refuses_an_input_as_output(built, tmp_path, capsys):
    folder, _claims, _mentions = built
    out = tmp_path / "sub" / "map.html"
    assert main(["map", str(folder), "-o", str(out), "-q"]) == 0
    assert out.exists() and out.stat().st_size > 100_000
    bad = folder / "ua.md"
    before = bad.read_text()
    assert main(["map", str(bad), "-o", str(bad)]) == 2
    assert bad.read_text() == before
    assert "must end in .html" in capsys.readouterr().err
    page = tmp_path / "report.html"  # an input that is itself HTML reaches the overwrite guard
    page.write_text("<html><body><p>Russian forces captured Pokrovka, the ministry said.</p></body></html>")
    before = page.read_text()
    assert main(["map", str(page), "-o", str(page)]) == 2
    assert page.read_text() == before
    assert "is also an input" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_map_export_formats(built, tmp_path, suffix, gazetteer):
    folder, claims, _mentions = built
    out = tmp_path / f"claims{suffix}"
    assert main(["export", str(folder), "-o", str(out), "-q"]) == 0
    if suffix == ".geojson":
        data = json.loads(out.read_text())
        valid_geojson(data)
        feature = data["features"][0]
        assert {"claim_id", "doc_id", "span_start", "span_end", "evidence", "claimant", "claimant_side",
                "actor_side", "predicate", "status", "quantity_value", "quantity_unit", "quantity_approx", "since",
                "on", "report_date", "source", "title", "url", "place_name", "geonameid", "level", "inferred",
                "confidence"} <= set(feature["properties"])
        coords = json.dumps(data)
        assert not re.search(r"\d\.\d{7,}", coords)  # 6 decimals at most
    elif suffix == ".csv":
        assert "geometry_wkt" in out.read_text().splitlines()[0]
    else:
        import geopandas as gpd

        gdf = gpd.read_parquet(out) if suffix == ".parquet" else gpd.read_file(out)
        assert len(gdf) == len(claims) and gdf.crs.to_epsg() == 4326


def test_map_geojson_polygons_follow_the_right_hand_rule(built, tmp_path):
    from layers.export import to_geojson_bytes

    _folder, claims, _mentions = built
    data = json.loads(to_geojson_bytes(claims))
    assert any(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in data["features"])
    valid_geojson(data)  # exterior rings counter-clockwise, among the other RFC 7946 rules


def _deepstate(path, name_key=True):
    """A tiny DeepStateMap-shaped snapshot around Sudzha (written for this test)."""
    square = [[[35.0, 51.0], [35.6, 51.0], [35.6, 51.4], [35.0, 51.4], [35.0, 51.0]]]
    name = "Звільнено /// Liberated /// geoJSON.status.liberated" if name_key else "Звільнено /// Liberated"
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": name, "fill": "#0f9d58"},
         "geometry": {"type": "Polygon", "coordinates": square}},
        {"type": "Feature", "properties": {"name": "x /// y /// geoJSON.units.brigade"},
         "geometry": {"type": "Point", "coordinates": [35.2, 51.2]}}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("name_key", [True, False])
def test_map_reference_reads_deepstate_as_published(tmp_path, name_key):
    from layers.reference import read_reference

    areas = read_reference(_deepstate(tmp_path / "deepstate_raw_20240811_1.geojson", name_key))
    assert [(a.source, a.category, a.date) for a in areas] == [("DeepState", "liberated", "2024-08-11")]


def test_map_reference_notes_use_the_snapshot_before_the_claim(tmp_path):
    import shapely

    from layers.reference import overlay_notes, read_reference

    areas = read_reference(_deepstate(tmp_path / "deepstate_raw_20240811_1.geojson"))
    notes = overlay_notes([shapely.Point(35.27, 51.19), shapely.Point(36.2, 51.7), shapely.Point(35.27, 51.19)],
                          ["2024-08-15", "2024-08-15", "2024-08-01"], areas)
    assert notes[0] == "inside DeepState 'liberated' area, 2024-08-11"
    assert notes[1] == "outside DeepState areas, 2024-08-11"
    assert notes[2].startswith("no DeepState snapshot before 2024-08-01")


def test_map_overlay_cli(built, tmp_path, capsys, browser):
    folder, _claims, _mentions = built
    export = tmp_path / "claims.geojson"
    assert main(["export", str(folder), "-o", str(export), "-q"]) == 0
    ref = _deepstate(tmp_path / "deepstate_raw_20240811_1.geojson")
    out = tmp_path / "overlay.html"
    assert main(["overlay", str(export), "--reference", str(ref), "-o", str(out), "-q"]) == 0
    p = Page(browser)
    page = p.open(out)
    labels = page.eval_on_selector_all(".leaflet-control-layers-overlays label", "els => els.map(e => e.textContent)")
    assert any("DeepState: liberated (2024-08-11)" in t for t in labels)
    popups = page.evaluate("JSON.stringify(window.claimmapFeatures.map(f => f.layer.feature.properties))")
    assert "inside DeepState 'liberated' area, 2024-08-11" in popups
    assert p.errors == [] and p.external == []
    p.close()


def test_map_overlay_rejects_files_that_are_not_exports(tmp_path, capsys):
    bad = tmp_path / "x.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"a": 1}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}))
    assert main(["overlay", str(bad), "-o", str(tmp_path / "o.html")]) == 2
    assert "not a claimmap claims export" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()


@pytest.mark.parametrize("group_by, expected", [("side", "Russian side"), ("source", "Russian MoD"),
                                                 ("claimant", "Russian defence ministry")])
def test_map_group_by_names_the_layers(built, group_by, expected):
    _folder, claims, _mentions = built
    page = render_html(to_map(claims, group_by=group_by))
    names = re.findall(r'"([^"]+) \(\d+\)"', page)
    assert any(expected in n for n in names), names


def test_map_date_control_only_when_dates_differ(built):
    _folder, claims, _mentions = built
    assert 'id="cm-date-range"' in render_html(to_map(claims))
    one_day = claims.copy()
    one_day["report_date"] = "2024-09-12"
    assert 'id="cm-date-range"' not in render_html(to_map(one_day))


def test_map_a_place_at_its_hromada_centre_says_so(tmp_path, gazetteer):
    from layers.webmap import claim_card

    (tmp_path / "d.md").write_text("---\nsource: Russian MoD\ndate: 2022-08-15\n---\n"
                                   "Russia's Defence Ministry said its forces had captured Spirne, Donetsk region, "
                                   "and Soledar.\n",
                                   encoding="utf-8")
    claims, _mentions = build_layers(iter_documents([str(tmp_path)]), progress=False)
    rows = [r for _, r in claims.iterrows() if r["place_name"] == "Spirne"]
    assert rows and rows[0]["place_id"].startswith("katottg:") and claim_card(rows[0])["approx"]
    others = [r for _, r in claims.iterrows() if r["place_name"] != "Spirne"]
    assert others and not any(claim_card(r).get("approx") for r in others)


def test_map_a_place_whose_name_fits_others_as_well_says_so(tmp_path, gazetteer, browser):
    from layers.webmap import AMBIGUOUS_NOTE, claim_card

    (tmp_path / "d.md").write_text("---\nsource: Russian MoD\ndate: 2022-08-15\n---\n"
                                   "Russia's Defence Ministry said its forces had captured Nove, Kharkiv region, "
                                   "and Kupiansk.\n", encoding="utf-8")
    claims, _mentions = build_layers(iter_documents([str(tmp_path)]), progress=False)
    cards = {r["place_name"]: claim_card(r) for _, r in claims.iterrows()}
    # several villages called Nove lie in Kharkiv Oblast; Kupiansk is one town
    assert "ambiguous" in cards["Nove"] and "ambiguous" not in cards["Kupyansk"]
    p, page = open_map(browser, tmp_path, claims)
    page.evaluate("""() => { const f = window.claimmapFeatures.find(
        x => (x.layer.feature.properties.claims || []).some(c => c.place === 'Nove'));
        f.layer.fire('click', {latlng: f.layer.getLatLng()}); }""")
    assert AMBIGUOUS_NOTE in page.wait_for_selector(".leaflet-popup-content").inner_text()
    p.close()
