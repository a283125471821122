"""Opt-in online geocoders (Nominatim and any other geopy service).

``online_geocoder("nominatim")`` wraps the geopy class in a rate limiter (one
request a second by default, as Nominatim's usage policy asks) and an on-disk
cache, and turns the service's failures into one-line ``ProviderError``s: a
timeout, HTTP 429 (waiting ``Retry-After`` seconds once before giving up), or
no network. With ``fallback_offline=True`` those failures are answered from
the offline gazetteer instead, with a warning on stderr.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

from geopy import exc as geopy_exc
from geopy.location import Location

from .errors import ProviderError, UsageError
from .geocoder import check_query
from .gazetteer import cache_root

USER_AGENT = "claimmap/0.1 (offline-first conflict mapping; https://example.org/claimmap)"


class _DiskCache:
    """query -> list of (address, lat, lon, raw), in SQLite, per provider."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT, at REAL)")

    def get(self, key: str):
        row = self.db.execute("SELECT value FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, value) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, json.dumps(value), time.time()))


def _short(err: Exception) -> str:
    """The first line of a service error, at most 120 characters."""
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


class OnlineGeocoder:
    """Rate-limited, cached front of a geopy geocoder. ``geocode`` as in geopy."""

    def __init__(self, provider: str, geocoder, *, min_delay_seconds: float = 1.0,
                 cache: _DiskCache | None = None, fallback_offline: bool = False,
                 sleep=time.sleep):
        from geopy.extra.rate_limiter import RateLimiter

        self.provider = provider
        self.geocoder = geocoder
        # geopy's limiter spaces the requests; failures are handled below, so
        # it neither retries nor swallows them.
        self._limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self.cache = cache
        self.fallback_offline = fallback_offline
        self._sleep = sleep

    def geocode(self, query, *, exactly_one: bool = True, limit: int | None = None,
                country_codes=None, **kwargs):
        text = check_query(query)
        key = json.dumps([text, exactly_one, limit, country_codes], ensure_ascii=False)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return self._unpack(hit, exactly_one)
        options = {"exactly_one": exactly_one}
        if limit and not exactly_one:
            options["limit"] = limit
        if country_codes:
            options["country_codes"] = country_codes
        try:
            result = self._call(text, options)
        except ProviderError as err:
            if not self.fallback_offline:
                raise
            print(f"claimmap: warning: {err}; answering from the offline gazetteer", file=sys.stderr)
            from .geocoder import OfflineGeocoder

            return OfflineGeocoder().geocode(text, exactly_one=exactly_one, limit=limit,
                                             country_codes=country_codes)
        locations = [] if result is None else ([result] if exactly_one else list(result))
        packed = [[loc.address, loc.latitude, loc.longitude, loc.raw] for loc in locations]
        if self.cache is not None:
            self.cache.put(key, packed)
        return self._unpack(packed, exactly_one)

    def _call(self, text: str, options: dict):
        for attempt in (1, 2):
            try:
                return self._limited(text, **options)
            except geopy_exc.GeocoderRateLimited as err:
                retry = err.retry_after
                if attempt == 1 and retry is not None and retry <= 60:
                    self._sleep(retry)
                    continue
                after = f" (retry after {retry} s)" if retry else ""
                raise ProviderError(f"{self.provider} refused: too many requests{after}") from err
            except geopy_exc.GeocoderTimedOut as err:
                raise ProviderError(f"{self.provider} did not answer in time") from err
            except geopy_exc.GeocoderUnavailable as err:
                raise ProviderError(f"{self.provider} cannot be reached (no network?)") from err
            except (geopy_exc.GeocoderAuthenticationFailure, geopy_exc.GeocoderInsufficientPrivileges) as err:
                raise ProviderError(f"{self.provider} refused the credentials: {_short(err)}") from err
            except geopy_exc.GeocoderServiceError as err:
                raise ProviderError(f"{self.provider} failed: {_short(err)}") from err
        raise AssertionError("unreachable")

    @staticmethod
    def _unpack(packed, exactly_one: bool):
        locations = [Location(addr, (lat, lon), raw) for addr, lat, lon, raw in packed]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


def online_geocoder(provider: str, *, user_agent: str = USER_AGENT, fallback_offline: bool = False,
                    cache_dir: Path | None = None, min_delay_seconds: float = 1.0,
                    **geocoder_options) -> OnlineGeocoder:
    """An online geocoder by geopy service name (``nominatim``, ``photon``, ...)."""
    from geopy.geocoders import get_geocoder_for_service

    try:
        cls = get_geocoder_for_service(provider)
    except geopy_exc.GeocoderNotFound:
        raise UsageError(f"unknown geocoding provider {provider!r}: use 'offline' or a geopy service name") from None
    try:
        geocoder = cls(user_agent=user_agent, **geocoder_options)
    except (geopy_exc.ConfigurationError, TypeError) as err:
        raise UsageError(f"provider {provider!r} needs configuration: {err}") from None
    folder = cache_dir or (cache_root() / "online")
    return OnlineGeocoder(provider, geocoder, min_delay_seconds=min_delay_seconds,
                          cache=_DiskCache(folder / f"{provider}.sqlite"), fallback_offline=fallback_offline)
