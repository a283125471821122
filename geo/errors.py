"""The one exception root of claimmap (shared by ``geo`` and ``layers``).

Every failure a user can cause is a ``ClaimmapError`` with a one-line message;
the CLI prints it and exits with ``exit_code``. Each subclass is also the
matching built-in, so callers that catch ``ValueError`` or ``LookupError`` keep
working (the geopy ``exc.py`` pattern).
"""

from __future__ import annotations


class ClaimmapError(Exception):
    """Root of every error claimmap raises on purpose."""

    exit_code = 1


class UsageError(ClaimmapError, ValueError):
    """The call itself is wrong (empty query, bad option value)."""

    exit_code = 2


class InputError(ClaimmapError, ValueError):
    """An input file or document cannot be used."""

    exit_code = 2


class DataError(ClaimmapError, RuntimeError):
    """Shipped or cached data is missing or damaged."""

    exit_code = 3


class NoMatch(ClaimmapError, LookupError):
    """A geocoder query found nothing."""

    exit_code = 1


class ProviderError(ClaimmapError, ConnectionError):
    """An online geocoding service failed (timeout, rate limit, no network)."""

    exit_code = 4
