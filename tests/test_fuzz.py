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

from .checks import check_spans, valid_geojson

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
    check_spans(text, doc, extract_claims(doc))
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fuzz_parse_and_claims_never_fail_and_spans_slice(gazetteer, text):
    check_document(text)


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
