"""``geo.parse``: text in, place mentions out; ``geo.resolve``: given spans in, places out."""

from __future__ import annotations

from collections import Counter
from functools import cache

from .gazetteer import Gazetteer
from .model import Document, Mention
from .names import fold
from .recognize import Guess, candidate_runs, guesses_in_run, keep
from .resolve import resolve_guesses
from .tokens import tokenize


@cache
def _abbreviations(g: Gazetteer) -> frozenset[str]:
    """AP-style region abbreviations that keep their period ("Tenn.", "Fla.")."""
    return frozenset(a[3].lower() for a in g.admin1_table if a[3].endswith("."))


def find_guesses(text: str, g: Gazetteer, *, explain: bool = False):
    """Tokens, and the guesses kept (with ``explain``: also the dropped ones)."""
    toks = tokenize(text, _abbreviations(g))
    runs = candidate_runs(text, toks)
    all_guesses: list[tuple[Guess, tuple[int, int]]] = []
    for run in runs:
        for guess in guesses_in_run(text, toks, run, g):
            all_guesses.append((guess, run))
    counts = Counter(guess.key for guess, _run in all_guesses)
    kept, dropped = [], []
    for guess, run in all_guesses:
        (kept if keep(text, toks, guess, run, g, counts[guess.key] > 1) else dropped).append(guess)
    return (toks, kept, dropped) if explain else (toks, kept)


def parse(text: str, *, doc_id: str | None = None, date: str | None = None,
          gazetteer: Gazetteer | None = None) -> Document:
    """Find and resolve every place ``text`` mentions.

    Returns a ``Document`` whose ``mentions`` carry character offsets
    (``text[m.start:m.end] == m.surface``), the chosen ``Place`` and the ranked
    candidates, and a role: ``place``, ``actor`` or ``demonym``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text, not {type(text).__name__}")
    g = gazetteer or Gazetteer.load()
    toks, kept = find_guesses(text, g)
    mentions = resolve_guesses(g, text, toks, kept, doc_id)
    return Document(text=text, id=doc_id, date=date, mentions=tuple(mentions))


def resolve(text: str, spans, *, doc_id: str | None = None, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Resolve given ``(start, end)`` spans of ``text`` (recognition skipped), in span order.

    A span the gazetteer does not know gets a mention with ``place`` None.
    """
    g = gazetteer or Gazetteer.load()
    toks = tokenize(text, _abbreviations(g))
    from . import lexicon

    guesses = []
    for start, end in sorted(spans):
        surface = text[start:end]
        key = fold(surface)
        first = next((i for i, t in enumerate(toks) if t.end > start), len(toks) - 1)
        last = max(first, next((i for i in range(len(toks) - 1, -1, -1) if toks[i].start < end), first))
        hits = g.lookup_key(key) if key else []
        if not hits and key:
            hits = [(r, 1) for r in g.variants_key(key)]
        dem = lexicon.demonyms().get(key)
        seat = lexicon.seats().get(key)
        guesses.append(Guess(first, last, start, end, surface, key, hits, dem, seat))
    return resolve_guesses(g, text, toks, guesses, doc_id)
