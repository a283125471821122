"""layers: places and statements in, annotated layers and files out.

``iter_documents`` reads inputs, ``analyse`` parses one document's places
(``geo.parse``) and extracts its claims (``extract_claims``).
"""

from __future__ import annotations

from .claims import extract_claims
from .model import Claim, ClaimPlace, Party, Quantity
from .sources import SourceDocument, iter_documents

__all__ = ["Claim", "ClaimPlace", "Party", "Quantity", "SourceDocument", "analyse", "build", "extract_claims",
           "iter_documents", "to_map", "write"]


def __getattr__(name):
    # geopandas and folium load only when a table or a map is asked for
    if name == "build":
        from .build import build

        return build
    if name == "to_map":
        from .webmap import to_map

        return to_map
    if name == "write":
        from .export import write

        return write
    raise AttributeError(name)


def analyse(doc: SourceDocument, gazetteer=None):
    """``(geo.Document, [Claim])`` of one source document."""
    import geo

    parsed = geo.parse(doc.text, doc_id=doc.id, date=doc.date, gazetteer=gazetteer)
    return parsed, extract_claims(parsed, gazetteer=gazetteer)
