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


def test_data_admin1_english_names_are_distinct_within_each_country():
    # Natural Earth calls Kyiv city and Kyiv Oblast both "Kyiv", and Washington, D.C. "Washington"
    from geo.names import fold

    layer = boundaries.admin1()
    # (country, name) -> ISO codes of the units so named; NE gives some codes to several
    # units (Madagascar's regions under their old province's code), which keep their own names
    codes = {}
    for cc, name, code in zip(layer.attrs["country_code"], layer.attrs["name_en"], layer.attrs["iso_3166_2"]):
        codes.setdefault((cc, fold(name)), set()).add(code)
    assert not {k: v for k, v in codes.items() if len(v) > 1}
    name_of = dict(zip(layer.attrs["iso_3166_2"], layer.attrs["name_en"]))
    assert (name_of["UA-32"], name_of["UA-30"]) == ("Kyiv", "Kyiv City")
    assert (name_of["US-WA"], name_of["US-DC"]) == ("Washington", "District of Columbia")
    assert (name_of["BY-MI"], name_of["BY-HM"]) == ("Minsk", "Minsk City")
    assert (name_of["RU-AL"], name_of["RU-ALT"]) == ("Altai Republic", "Altai Krai")  # an NE erratum


def test_builder_names_the_smaller_namesake_unit_by_its_own_names():
    import geopandas as gpd
    from shapely.geometry import box

    frame = gpd.GeoDataFrame({
        "country_code": ["XA", "XA", "XA", "XA", "XB"],
        "name_en": ["Sumy", "Sumy", "Lys", "Lys", "Sumy"],
        "name": ["Sumy", "Horad Sumy", "Lys", "Lys District", "Sumy"],
        "gn_name": ["", "", "", "", ""],
        "woe_name": ["", "", "", "", ""],
        "type_en": ["Region", "Region", "Region", "District", "Region"],
    }, geometry=[box(0, 0, 4, 4), box(1, 1, 2, 2), box(5, 5, 9, 9), box(6, 6, 7, 7), box(0, 0, 1, 1)])
    # the largest keeps the name; a city by its own name becomes "<name> City"; another
    # unit takes its own differing name; a namesake in another country is left alone
    assert _build_data().distinct_english_names(frame) == ["Sumy", "Sumy City", "Lys", "Lys District", "Sumy"]


def test_builder_takes_common_census_given_names_that_are_no_notable_place(tmp_path, gazetteer):
    male = b"JAMES 3.318 3.318 1\nDALLAS 0.050 50.0 200\nPAT 0.030 51.0 300\nZEBEDEE 0.001 90.0 1200\n"
    female = b"APRIL 0.100 20.0 100\nGEORGIA 0.090 21.0 110\nPAT 0.040 22.0 120\nWILMA 0.020 23.0 130\n"
    out = tmp_path / "given_names_census.txt"
    _build_data().build_given_names(male, female, out)
    names = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    # James is in the hand-written list; Dallas a city, Georgia a country and a state,
    # April a month; Zebedee too rare; Pat once
    assert names == ["Pat", "Wilma"]


def test_data_polygons_are_valid():
    for layer in (boundaries.admin1(), boundaries.countries()):
        assert shapely.is_valid(layer.geometries).all()


def _build_data():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_data", DATA_DIR.parent.parent / "scripts" / "build_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_xlsx_reader_reads_inline_strings_far_columns_and_the_first_sheet():
    import io
    import zipfile

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:  # no sharedStrings.xml; the first sheet is sheet2.xml
        zf.writestr("xl/workbook.xml", f'<workbook {ns} {rel}><sheets><sheet name="a" r:id="rId7"/>'
                                       f'<sheet name="b" r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels",
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                    '<Relationship Id="rId7" Target="worksheets/sheet2.xml"/></Relationships>')
        zf.writestr("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData><row><c r="A1"><v>9</v></c></row>'
                                                '</sheetData></worksheet>')
        zf.writestr("xl/worksheets/sheet2.xml", f'<worksheet {ns}><sheetData><row>'
                                                '<c r="B1" t="inlineStr"><is><t> Суми </t></is></c>'
                                                '<c r="AB1"><v>7</v></c><c t="inlineStr"><is><r><t>x</t></r>'
                                                '<rPh><t>no</t></rPh></is></c></row></sheetData></worksheet>')
    rows = list(_build_data()._xlsx_rows(buf.getvalue()))
    assert rows == [["", "Суми"] + [""] * 25 + ["7", "x"]]


def _square(lon, lat, size=1.0):
    return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]


def test_builder_makes_one_point_per_named_sea_inside_its_water(tmp_path):
    import csv
    import pickle

    # a U-shaped bay, whose centroid lies on the land it curls around
    bay = [(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3), (0, 0)]
    marine = [
        ("BLACK SEA", None, [(None, _square(30, 42, 4))]),
        ("Kaliningrad", None, [(None, _square(20, 54))]),  # a lagoon named by its city
        ("North Atlantic Ocean", None, [(None, _square(-40, 0, 10))]),
        ("South Atlantic Ocean", None, [(None, _square(-40, -10, 10))]),
        ("Horseshoe Bay", None, [(None, bay)]),
    ]
    out = tmp_path / "seas.tsv"
    _build_data().build_seas(pickle.dumps({"marine": marine}), out)
    with open(out, encoding="utf-8") as fh:
        rows = {r["name"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh, delimiter="\t")}
    assert sorted(rows) == ["Atlantic Ocean", "Black Sea", "Horseshoe Bay", "North Atlantic Ocean",
                            "South Atlantic Ocean"]
    assert rows["Black Sea"] == pytest.approx((44.0, 32.0), abs=0.1)
    assert rows["Atlantic Ocean"][0] == pytest.approx(0.0, abs=0.1)  # both halves
    lat, lon = rows["Horseshoe Bay"]
    assert shapely.Polygon(bay).contains(shapely.Point(lon, lat))


def test_builder_refuses_a_sea_pickle_that_names_a_class(tmp_path):
    import pickle
    from collections import OrderedDict

    with pytest.raises(pickle.UnpicklingError):
        _build_data().build_seas(pickle.dumps(OrderedDict(marine=[])), tmp_path / "seas.tsv")
    assert not (tmp_path / "seas.tsv").exists()


def test_builder_names_lakes_in_english_and_keeps_their_own_name_as_alias(tmp_path):
    import csv

    import geopandas as gpd

    lakes = gpd.GeoDataFrame({
        "name": ["Lago Titicaca", "Lake Erie", "Kakhovka Reservoir", None, "Ozero Kubenskoye"],
        "name_en": ["Titicaca", "Erie", "Kakhovka", "Nameless", "Kubenskoye"],
        "featurecla": ["Lake", "Lake", "Reservoir", "Lake", "Reservoir"],
    }, geometry=[shapely.Polygon(_square(-70, -16)), shapely.Polygon(_square(-82, 42)),
                 shapely.Polygon(_square(34, 47)), shapely.Polygon(_square(0, 0)),
                 shapely.Polygon(_square(39, 59))], crs=4326)
    lakes.to_file(tmp_path / "lakes.shp")
    out = tmp_path / "lakes.tsv"
    _build_data().build_lakes(tmp_path / "lakes.shp", out)
    with open(out, encoding="utf-8") as fh:
        rows = {r["name"]: r["aliases"] for r in csv.DictReader(fh, delimiter="\t")}
    assert rows == {"Lake Titicaca": "Lago Titicaca", "Lake Erie": "", "Kakhovka Reservoir": "",
                    "Kubenskoye Reservoir": "Ozero Kubenskoye"}


def test_builder_keeps_airline_airports_and_air_bases_not_private_strips(tmp_path, monkeypatch):
    import gzip

    builder = _build_data()
    monkeypatch.setattr(builder, "OUT", tmp_path)
    data = (
        '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
        '"00AA","","Aero B Ranch Airport","Leoti","Kansas","US",3435,38.704022,-101.473911,"America/Chicago","00AA"\n'
        '"EGLL","LHR","London Heathrow Airport","London","England","GB",83,51.4706,-0.46194,"Europe/London",""\n'
        '"UKKM","","Hostomel Airport","Kyiv","Kyiv","UA",517,50.6035,30.1919,"Europe/Kyiv",""\n'
        '"9XX9","","Dyagilevo Air Base","","","RU",0,54.6447,39.5704,"Europe/Moscow",""\n'
    ).encode()
    builder.build_airports(data)
    with gzip.open(tmp_path / "airports.tsv.gz", "rt", encoding="utf-8") as fh:
        names = [line.split("\t")[2] for line in fh.read().splitlines()[1:]]
    assert names == ["Dyagilevo Air Base", "London Heathrow Airport", "Hostomel Airport"]
