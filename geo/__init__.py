"""geo: text in, places out.

The offline gazetteer (``Gazetteer``), a geopy-compatible offline geocoder
(``OfflineGeocoder``) and the value types ``Place`` and ``Candidate``.
"""

from .errors import ClaimmapError, DataError, InputError, NoMatch, ProviderError, UsageError
from .gazetteer import Gazetteer
from .model import Candidate, Place

__all__ = [
    "Candidate",
    "ClaimmapError",
    "DataError",
    "Gazetteer",
    "InputError",
    "NoMatch",
    "OfflineGeocoder",
    "Place",
    "ProviderError",
    "UsageError",
]


def __getattr__(name):
    # The geocoder pulls in geopy; import it only when asked for.
    if name == "OfflineGeocoder":
        from .geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(name)
