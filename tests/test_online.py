"""Online geocoders, driven through a fake geopy adapter: never the network."""

import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable

from geo import ProviderError, UsageError
from geo.online import online_geocoder

NOMINATIM_SUDZHA = [{
    "place_id": 1, "lat": "51.1917", "lon": "35.2719", "display_name": "Sudzha, Kursk Oblast, Russia",
    "class": "place", "type": "town", "importance": 0.5,
}]


class FakeAdapter(BaseSyncAdapter):
    """Answers from a script of results or exceptions, recording each URL."""

    script: list = []
    calls: list = []

    def get_json(self, url, *, timeout, headers):
        type(self).calls.append(url)
        step = type(self).script.pop(0)
        if isinstance(step, Exception):
            raise step
        return step

    def get_text(self, url, *, timeout, headers):  # pragma: no cover - not used by Nominatim JSON
        raise NotImplementedError


@pytest.fixture
def fake(tmp_path):
    FakeAdapter.script, FakeAdapter.calls = [], []
    slept = []

    def make(*script, fallback_offline=False):
        FakeAdapter.script = list(script)
        g = online_geocoder("nominatim", cache_dir=tmp_path, min_delay_seconds=0,
                            fallback_offline=fallback_offline, adapter_factory=FakeAdapter)
        g._sleep = slept.append
        return g

    make.slept = slept
    return make


def test_online_geocode_parses_the_service_answer(fake):
    loc = fake(NOMINATIM_SUDZHA).geocode("Sudzha")
    assert loc.address.startswith("Sudzha") and loc.latitude == pytest.approx(51.1917)


def test_online_answers_are_cached_on_disk(fake):
    g = fake(NOMINATIM_SUDZHA)
    g.geocode("Sudzha")
    again = g.geocode("Sudzha")
    assert len(FakeAdapter.calls) == 1 and again.latitude == pytest.approx(51.1917)


def test_online_rate_limited_waits_retry_after_then_retries(fake):
    too_many = AdapterHTTPError("429", status_code=429, headers={"retry-after": "7"}, text="")
    loc = fake(too_many, NOMINATIM_SUDZHA).geocode("Sudzha")
    assert fake.slept == [7] and loc is not None and len(FakeAdapter.calls) == 2


def test_online_rate_limited_twice_is_a_clear_error(fake):
    too_many = AdapterHTTPError("429", status_code=429, headers={"retry-after": "3"}, text="")
    with pytest.raises(ProviderError, match="too many requests"):
        fake(too_many, too_many).geocode("Sudzha")


@pytest.mark.parametrize(
    "failure, message",
    [(GeocoderTimedOut("slow"), "did not answer in time"), (GeocoderUnavailable("down"), "cannot be reached")],
)
def test_online_timeouts_and_no_network_are_provider_errors(fake, failure, message):
    with pytest.raises(ProviderError, match=message):
        fake(failure).geocode("Sudzha")


def test_online_failure_falls_back_to_offline_when_allowed(fake, gazetteer, capsys):
    loc = fake(GeocoderUnavailable("down"), fallback_offline=True).geocode("Sudzha")
    assert loc.raw["geonameid"] == 486816
    assert "offline gazetteer" in capsys.readouterr().err


def test_online_unknown_provider_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown geocoding provider"):
        online_geocoder("no-such-service")
