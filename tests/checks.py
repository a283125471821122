"""Checks shared by the tests: provenance (each mention and claim slices back to its
text) and the RFC 7946 rules claimmap's GeoJSON keeps."""

import shapely


def check_spans(text, doc, claims=()):
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface
    for c in claims:
        assert 0 <= c.span[0] <= c.trigger[0] < c.trigger[1] <= c.span[1] <= len(text)
        assert text[c.span[0]:c.span[1]] == c.evidence
        assert c.doc_id == doc.id
        for p in c.places:
            if p.span:
                assert text[p.span[0]:p.span[1]] == p.text


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
