"""geo: text in, places out.

``parse(text)`` finds and resolves every place a text names; ``resolve(text,
spans)`` resolves given spans. Underneath: the offline gazetteer
(``Gazetteer``), a geopy-compatible offline geocoder (``OfflineGeocoder``) and
the value types ``Place``, ``Candidate``, ``Mention`` and ``Document``.
"""

from .errors import ClaimmapError, DataError, InputError, NoMatch, ProviderError, UsageError
from .gazetteer import Gazetteer
from .model import Candidate, Document, Mention, Place
from .parsing import parse, resolve

__all__ = [
    "Candidate",
    "ClaimmapError",
    "DataError",
    "Document",
    "Mention",
    "Gazetteer",
    "InputError",
    "NoMatch",
    "OfflineGeocoder",
    "Place",
    "ProviderError",
    "UsageError",
    "parse",
    "resolve",
]


def __getattr__(name):
    # The geocoder pulls in geopy; import it only when asked for.
    if name == "OfflineGeocoder":
        from .geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(name)
