"""The data shipped in geo/data: integrity, borders, size."""

import hashlib
import json

import pytest
import shapely

from geo import boundaries
from geo.index_build import DATA_DIR

SIMFEROPOL, SEVASTOPOL, KYIV, SUDZHA = (34.10, 44.95), (33.52, 44.60), (30.52, 50.45), (35.27, 51.19)


def test_data_files_match_their_manifest():
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text())
    assert manifest["files"], "empty manifest"
    for name, info in manifest["files"].items():
        data = (DATA_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == info["sha256"], name


def test_data_is_small_enough_to_ship():
    total = sum(p.stat().st_size for p in DATA_DIR.iterdir())
    assert total < 15 * 1024 * 1024


@pytest.mark.parametrize("lonlat", [SIMFEROPOL, SEVASTOPOL, KYIV])
def test_data_ukraine_polygon_holds_crimea_and_kyiv(lonlat):
    layer = boundaries.countries()
    i = layer.containing(*lonlat)
    assert i is not None and layer.attrs["country_code"][i] == "UA"


@pytest.mark.parametrize("lonlat", [SIMFEROPOL, SEVASTOPOL])
def test_data_russia_polygon_does_not_hold_crimea(lonlat):
    layer = boundaries.countries()
    russia = layer.geometries[layer.index_of("country_code", "RU")]
    assert not russia.contains(shapely.Point(*lonlat))


@pytest.mark.parametrize("code", ["UA-43", "UA-40"])
def test_data_crimea_regions_are_ukrainian(code):
    layer = boundaries.admin1()
    i = layer.index_of("iso_3166_2", code)
    assert layer.attrs["country_code"][i] == "UA" and layer.attrs["country"][i] == "Ukraine"


def test_data_admin1_has_codes_and_local_names():
    layer = boundaries.admin1()
    i = layer.containing(*SUDZHA)
    rec = layer.row(i)
    assert (rec["iso_3166_2"], rec["gn_a1_code"], rec["country_code"]) == ("RU-KRS", "RU.41", "RU")
    assert rec["name_ru"] == "Курская область" and rec["name_uk"].startswith("Курськ")
    assert len(layer.attrs["iso_3166_2"]) > 4000


def test_data_polygons_are_valid():
    for layer in (boundaries.admin1(), boundaries.countries()):
        assert shapely.is_valid(layer.geometries).all()
