"""Property tests: any text parses, every span slices to its words, exports stay valid GeoJSON."""

import json

import geopandas as gpd
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo
from layers import extract_claims
from layers.build import CLAIM_COLUMNS
from layers.export import to_geojson_bytes

WORDS = ["Kursk", "Sumy", "region", "Russian", "Ukrainian", "forces", "captured", "said", "Kremlin", "the", "of",
         "Oblast", "Pokrovsk", "Donetzk", "'s", "—", "control", "some", "100", "settlements", "near", "Kyiv", ",", ".",
         "\n", "U.S.", "St.", "Sudzha", "claimed", "denied", "withdrew", "since", "Aug.", "6th", "<script>", "&amp;"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map("".join),
)


def check_document(text):
    doc = geo.parse(text, doc_id="f", date="2024-09-16")
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface
    for c in extract_claims(doc):
        assert 0 <= c.span[0] <= c.trigger[0] < c.trigger[1] <= c.span[1] <= len(text)
        assert text[c.span[0]:c.span[1]] == c.evidence
        for p in c.places:
            if p.span:
                assert text[p.span[0]:p.span[1]] == p.text
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fuzz_parse_and_claims_never_fail_and_spans_slice(gazetteer, text):
    check_document(text)


def valid_geojson(data: dict) -> None:
    """The RFC 7946 rules claimmap relies on."""
    assert data["type"] == "FeatureCollection" and "crs" not in data
    for f in data["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = shapely.geometry.shape(f["geometry"])
        assert g.is_valid
        lon_lat = shapely.get_coordinates(g)
        assert (abs(lon_lat[:, 0]) <= 180).all() and (abs(lon_lat[:, 1]) <= 90).all()
        for part in getattr(g, "geoms", [g]):
            if part.geom_type == "Polygon":
                assert shapely.is_ccw(part.exterior)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-179.9, 179.9), st.floats(-89.9, 89.9), st.text(max_size=30)), min_size=0,
                max_size=20))
def test_fuzz_geojson_export_always_validates(points):
    rows = []
    for lon, lat, text in points:
        row = {c: None for c in CLAIM_COLUMNS}
        row.update(evidence=text, claimant=text, title=text, place_name=text, span_start=0, span_end=len(text))
        row["geometry"] = shapely.Point(lon, lat)
        rows.append(row)
    if rows:
        rows[0]["geometry"] = shapely.Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])  # clockwise on purpose
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326) if rows else \
        gpd.GeoDataFrame({c: [] for c in CLAIM_COLUMNS}, geometry=[], crs=4326)
    data = json.loads(to_geojson_bytes(gdf))
    valid_geojson(data)
    assert [f["properties"]["evidence"] for f in data["features"]] == [p[2] for p in points]
