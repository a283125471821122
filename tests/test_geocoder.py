import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import NoMatch, UsageError
from geo.geocoder import MAX_QUERY_CHARS

RAW_KEYS = {"id", "name", "geonameid", "level", "admin1", "admin1_code", "country_code", "population", "lat", "lon"}


def test_geocoder_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_geocoder_geocode_returns_a_location_with_the_record(geocoder):
    loc = geocoder.geocode("Sudzha")
    assert isinstance(loc, Location)
    assert RAW_KEYS <= set(loc.raw)
    assert (loc.raw["geonameid"], loc.raw["level"], loc.raw["admin1_code"], loc.raw["country_code"]) == (
        486816, "settlement", "RU-KRS", "RU")
    assert loc.latitude == pytest.approx(51.19, abs=0.05) and loc.longitude == pytest.approx(35.27, abs=0.05)
    assert "Sudzha" in loc.address and "Russia" in loc.address


def test_geocoder_exactly_one_false_returns_a_ranked_list(geocoder):
    locs = geocoder.geocode("Pokrovsk", exactly_one=False, limit=3)
    assert isinstance(locs, list) and 1 < len(locs) <= 3
    scores = [loc.raw["score"] for loc in locs]
    assert scores == sorted(scores, reverse=True)


def test_geocoder_no_match_returns_none(geocoder):
    assert geocoder.geocode("Qxzvvbnmqq") is None


@pytest.mark.parametrize("query", ["", "   ", "x" * (MAX_QUERY_CHARS + 1)])
def test_geocoder_rejects_empty_and_oversized_queries(geocoder, query):
    with pytest.raises(UsageError):
        geocoder.geocode(query)


def test_geocoder_country_codes_as_in_geopy(geocoder):
    assert geocoder.geocode("Pokrovsk", country_codes="ru").raw["country_code"] == "RU"
    assert geocoder.geocode("Pokrovsk", country_codes=["UA"]).raw["country_code"] == "UA"


def test_geocoder_featuretype_selects_the_level(geocoder):
    assert geocoder.geocode("Kursk", featuretype="state").raw["level"] == "admin1"


def test_geocoder_reverse_sudzha_is_in_kursk_oblast_russia(geocoder):
    loc = geocoder.reverse((51.1917, 35.2719))
    assert loc.raw["name"] == "Sudzha"
    assert (loc.raw["admin1_code"], loc.raw["country_code"]) == ("RU-KRS", "RU")
    assert loc.raw["distance_km"] < 2


@pytest.mark.parametrize("point, admin1_code", [((44.95, 34.10), "UA-43"), ((44.60, 33.52), "UA-40")])
def test_geocoder_reverse_crimea_is_in_ukraine(geocoder, point, admin1_code):
    loc = geocoder.reverse(point)
    assert (loc.raw["admin1_code"], loc.raw["country_code"]) == (admin1_code, "UA")


def test_geocoder_reverse_gives_the_town_not_the_airport_beside_it(geocoder):
    loc = geocoder.reverse((51.4706, -0.46194))  # on Heathrow's runways
    assert not loc.raw["id"].startswith("airport:") and loc.raw["country_code"] == "GB"


def test_geocoder_reverse_accepts_geopy_point_strings(geocoder):
    assert geocoder.reverse("51.1917, 35.2719").raw["name"] == "Sudzha"


def test_geocoder_reverse_rejects_non_coordinates(geocoder):
    with pytest.raises(UsageError):
        geocoder.reverse("not a point")


def test_geocoder_works_under_geopy_rate_limiter(geocoder):
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert limited("Kharkov").raw["geonameid"] == 706483


def test_geocoder_errors_share_one_root():
    from geo import ClaimmapError

    assert issubclass(UsageError, ClaimmapError) and issubclass(UsageError, ValueError)
    assert issubclass(NoMatch, ClaimmapError) and issubclass(NoMatch, LookupError)


def test_reverse_moscow_city_and_oblast_have_their_iso_codes(geocoder):
    # Natural Earth swaps RU-MOW (the city) and RU-MOS (the oblast); the shipped data does not
    assert geocoder.reverse((55.75, 37.62)).raw["admin1_code"] == "RU-MOW"
    assert geocoder.reverse((56.31, 38.13)).raw["admin1_code"] == "RU-MOS"  # Sergiyev Posad

