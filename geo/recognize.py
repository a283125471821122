"""Find the spans of a text that name places (toponym recognition).

Candidates are runs of capitalised words (with connectors such as "of", "de",
hyphens, and a trailing region word: "the Kursk region", "Sumy Oblast") whose
longest prefix the gazetteer, the demonym list or the seat list knows. Each is
then kept or dropped on general evidence:

- months and weekdays, words after a person title ("Gen.", "Mayor"), and
  names glued to an unknown capitalised word ("Tyler Durden") are dropped;
- a single word that is also a common English word ("Will", "Long") needs a
  place important enough to outweigh how common the word is, more so at a
  sentence start;
- names the document repeats, or that share a country with the document's
  other places, get the benefit of the doubt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .gazetteer import LEVEL_CODES, Gazetteer
from .names import fold
from .tokens import Token

MAX_TOKENS = 6
CONNECTORS = frozenset("of de del della la le les du des da di do dos das upon on am an der den el al y en sur".split())
REGION_TAIL = frozenset("region oblast province district county state raion rayon krai governorate city".split())
_JOINERS = {"-", "'", "’"}

LEVEL_IMPORTANCE = {  # log10-population equivalents of non-settlement places
    LEVEL_CODES["country"]: 8.0,
    LEVEL_CODES["admin1"]: 7.0,
    LEVEL_CODES["admin2"]: 5.0,
    LEVEL_CODES["area"]: 6.0,
}
POSTAL_IMPORTANCE = 2.5  # postal places carry no population


@lru_cache(maxsize=100_000)
def word_commonness(word: str) -> float:
    """Zipf frequency (0-8) of a word in English, case-folded."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass(slots=True)
class Guess:
    """A span that may be a place name, with what the lexicons say of it."""

    first: int  # token indexes, inclusive
    last: int
    start: int  # character offsets
    end: int
    surface: str
    key: str
    hits: list[tuple[int, int]] = field(default_factory=list)  # gazetteer (row, tier)
    demonym: lexicon.Demonym | None = None
    seat: lexicon.Seat | None = None
    importance: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _is_name_word(tok: Token) -> bool:
    return tok.is_word and (tok.text[0].isupper() or tok.text[0].isdigit())


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap in ("", " ") or gap == "-"


def candidate_runs(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token ranges of capitalised runs, connectors and region words included."""
    runs = []
    i, n = 0, len(toks)
    while i < n:
        if not _is_name_word(toks[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and _gap_ok(text, toks[j], toks[j + 1]):
            nxt = toks[j + 1]
            if _is_name_word(nxt):
                j += 1
            elif nxt.text.lower() in REGION_TAIL:
                j += 1
                break
            elif (nxt.text in CONNECTORS or nxt.text in _JOINERS) and j + 2 < n \
                    and _is_name_word(toks[j + 2]) and _gap_ok(text, nxt, toks[j + 2]):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j + 1
    return runs


def guesses_in_run(text: str, toks: list[Token], run: tuple[int, int], g: Gazetteer) -> list[Guess]:
    """Longest known names inside a run, left to right."""
    first, last = run
    out = []
    i = first
    demonyms, seats = lexicon.demonyms(), lexicon.seats()
    while i <= last:
        if not _is_name_word(toks[i]):
            i += 1
            continue
        found = None
        for j in range(min(last, i + MAX_TOKENS - 1), i - 1, -1):
            if not (_is_name_word(toks[j]) or toks[j].text.lower() in REGION_TAIL):
                continue
            start, end = toks[i].start, toks[j].end
            surface = text[start:end]
            key = fold(surface)
            if not key:
                continue
            hits = g.lookup_key(key)
            dem = demonyms.get(key) if j - i < 2 else None
            seat = seats.get(key)
            if not hits and toks[j].text in ("City", "city") and j > i:
                # "Sumy City": the city named Sumy
                base = fold(text[start:toks[j - 1].end])
                hits = [(r, t) for r, t in g.lookup_key(base) if g.level[r] == LEVEL_CODES["settlement"]]
            if hits or dem or seat:
                found = Guess(i, j, start, end, surface, key, hits, dem, seat)
                break
        if found:
            out.append(found)
            i = found.last + 1
        else:
            i += 1
    return out


def importance(g: Gazetteer, hits: list[tuple[int, int]]) -> float:
    best = 0.0
    for row, _tier in hits:
        level = int(g.level[row])
        if level in LEVEL_IMPORTANCE:
            value = LEVEL_IMPORTANCE[level]
        elif g.population[row] > 0:
            value = math.log10(1 + int(g.population[row]))
        else:
            value = POSTAL_IMPORTANCE
        best = max(best, value)
    return best


def keep(text: str, toks: list[Token], guess: Guess, run: tuple[int, int], g: Gazetteer,
         repeated: bool) -> bool:
    """Whether a guess is a place name, on the evidence listed in the module docstring."""
    first_tok = toks[guess.first]
    single = guess.first == guess.last
    low = guess.surface.lower()
    prev = toks[guess.first - 1] if guess.first > 0 else None
    titles = lexicon.titles()

    if single and low in lexicon.MONTHS_AND_DAYS:
        guess.reasons.append("month or weekday")
        return False
    if prev is not None and prev.text.lower() in titles and not guess.demonym:
        guess.reasons.append(f"after title {prev.text!r}")
        return False
    if guess.demonym or guess.seat:
        return True

    guess.importance = importance(g, guess.hits)
    if single and low in lexicon.GENERIC_ADJECTIVES:
        guess.reasons.append("generic adjective")
        return False
    if single and guess.surface.isupper() and len(guess.surface) <= 5:
        # An acronym: only countries and regions go by one ("US", "UAE"), not towns ("UN").
        if not any(int(g.level[r]) in (LEVEL_CODES["country"], LEVEL_CODES["admin1"]) for r, _t in guess.hits):
            guess.reasons.append("acronym of no country or region")
            return False
    # Part of a longer capitalised name ("Tyler Durden", "Andrii Sybiha"): a
    # neighbour that is a rare word and no notable place makes it a person.
    for k in (guess.first - 1, guess.last + 1):
        if run[0] <= k <= run[1] and _is_name_word(toks[k]) and toks[k].text[0].isupper():
            word = toks[k].text
            wl = word.lower().rstrip(".")
            if wl in titles or wl in lexicon.org_heads() or fold(word) in lexicon.demonyms():
                continue
            if word_commonness(wl) < 3.5 and importance(g, g.lookup_key(fold(word))) < 4.0:
                guess.reasons.append(f"next to the name-like word {word!r}")
                return False
    if guess.first > run[0] and guess.importance < 5.0 and not repeated:
        prev_word = toks[guess.first - 1]
        if _is_name_word(prev_word) and prev_word.text.lower().rstrip(".") not in titles:
            guess.reasons.append("inside a longer name")
            return False

    words = [t.text.lower() for t in toks[guess.first:guess.last + 1] if t.is_word]
    if words[-1] in REGION_TAIL and len(words) > 1:
        return True
    common = min(word_commonness(w) for w in words)
    need = 0.0
    if common >= 3.0:
        need = 1.5 * (common - 3.0) + 2.0
    if first_tok.sentence_start and single:
        need += 1.0 if common >= 3.0 else 0.0
    if repeated:
        need -= 1.0
    if guess.importance >= need:
        return True
    guess.reasons.append(f"common word (zipf {common:.1f}) for a place of importance {guess.importance:.1f}")
    return False
