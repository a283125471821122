"""Find the spans of a text that name places (toponym recognition).

Candidates are runs of capitalised words (with connectors such as "of", "de",
hyphens, abbreviations like "St.", and a trailing region word: "the Kursk
region", "Sumy Oblast"), found by one regular expression, whose longest word
sequence the gazetteer, the demonym list or the seat list knows. Each is then
kept or dropped on general evidence:

- months and weekdays, generic words alone ("Gulf", "Western"), names inside
  a sea's or an ocean's ("the Sea of Azov", "the Indian Ocean"), words after a
  person title ("Gen.", "Mayor") and names glued to a rare, unknown
  capitalised word ("Tyler Durden") are dropped, unless the name ends in a
  region word ("the Walker County Fair") or is joined to "-based", "-born",
  "-bound", "-headquartered" or "-registered" ("Nashville-based"), which no
  person's name is;
- a given name followed after one space by a capitalised word makes that word
  a surname, throughout the document ("Pat Williams ... Williams said"), unless
  the run ends in an organisation's word ("the Meredith Community Center");
- a town of under 100,000 people that opens its clause before a verb of saying
  is a speaker ("Hartl said"), and a demonym before "city" no town ("the
  English city of Salisbury");
- a name that is also a common English word ("Will", "Long") needs a place
  important enough to outweigh how common the word is, more so at the start
  of a sentence, less so for several words capitalised mid-sentence ("East
  Chicago", "New Miami"); an acronym must be a country or region ("US", not
  "UN"), and a country's name of three letters or fewer counts only in
  capitals ("CAR", not "Car Bomb").

A list of names closed by a plural region word ("the Kursk, Belgorod and
Bryansk regions", "Donetsk and Luhansk Oblasts") names regions: each name is
read as "<name> <region word>" (``name_region_lists``).

geo.parsing drops, after resolution, a romanisation variant that nothing else
in the document supports ("Jansen" for Yancheng in a text about Denver).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .gazetteer import LEVEL_CODES, REGION_LEVELS, TIER_PRIMARY, TIER_VARIANT, Gazetteer
from .names import REGION_WORDS, fold

MAX_WORDS = 6
MULTIWORD_RELIEF = 2.0  # how much less importance several words capitalised mid-sentence need
CONNECTORS = ("of", "de", "del", "della", "la", "le", "les", "du", "des", "da", "di", "do", "dos", "das",
              "upon", "on", "am", "an", "der", "den", "el", "al", "y", "en", "sur")
# Lower-case words that may close a name: the region words, raions, and "city" ("Sumy city").
REGION_TAIL = frozenset(REGION_WORDS) | {"raion", "rayon", "city", "hromada", "community"}
# Words that may open a sentence-initial run without being part of the name ("The city").
FUNCTION_WORDS = frozenset(
    "the a an this that these those in on at of for and but or to from by with as it he she they we i "
    "his her their its our my your if when while after before during since until".split())
PERSON = "person: "  # prefix of the reasons that mark a name as a person's
ABBREVIATIONS = ("St", "Ste", "Ft", "Mt", "Pt")

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁЄІЇҐ"
_PEOPLES = r"People['’]s(?= [A-Z])"
_WORD = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}"  # U.S., D.C.
    rf"|[{_UPPER}]\.[{_UPPER}][a-z]+\."  # W.Va.
    rf"|(?:{'|'.join(ABBREVIATIONS)})\."  # St. Petersburg
    rf"|{_PEOPLES}"  # the one possessive inside names of states: "People's Republic of China"
    rf"|[{_UPPER}][\w]*(?:['’\-](?!s\b)[\w]+)*)"  # Kursk, Kurs'k, Ivano-Frankivsk (not Ukraine's)
)
# Lower-case words that end a named area's name in lexicon/areas.tsv ("Kursk
# salient", "Baltic states", "Gulf countries"): written so, they are common nouns.
AREA_TAIL = frozenset(
    name.split()[-1] for area in lexicon.areas() for name in (area.name, *area.aliases)
    if " " in name and name.split()[-1].islower()) - REGION_TAIL
# What may close a run after its capitalised words: "Kursk region", "Bilopilska territorial community".
_TAIL_PHRASES = sorted(REGION_TAIL | AREA_TAIL | {"territorial community", "territorial hromada"},
                       key=len, reverse=True)
_RUN = re.compile(
    rf"(?=[{_UPPER}])(?<![\w'’\-]){_WORD}"
    rf"(?:(?: |-)(?:(?:{'|'.join(CONNECTORS)}) |[dl]['’](?=[{_UPPER}]))?{_WORD})*"  # "Côte d'Ivoire"
    rf"(?: (?:{'|'.join(_TAIL_PHRASES)})\b)?"
)
# Words of a run: hyphenated compounds split into their parts ("Egyptian-US",
# "Atlanta-area"); keys join the parts again, so "Ivano-Frankivsk" still matches.
_WORDS_IN_RUN = re.compile(rf"(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.[{_UPPER}][a-z]+\.|(?:{'|'.join(ABBREVIATIONS)})\."
                           rf"|{_PEOPLES}|[^\W_](?:[\w]|['’](?!s\b)(?=\w))*")
_ELISION = ("'", "’")  # after "d" or "l": "Côte d'Ivoire", "Val d’Aosta"
# Countries, regions and areas: what goes by an acronym ("US", not "UN") and whose
# government speaks ("Texas said"), unlike a town.
_POLITY_LEVELS = (LEVEL_CODES["country"], LEVEL_CODES["admin1"], LEVEL_CODES["area"])
_LOWER_WORD_NEXT = re.compile(r" [a-z]{2,}")
_ERAS = frozenset({"B.C.", "A.D.", "B.C.E.", "C.E.", "BC", "AD", "BCE", "CE"})
_OF_BEFORE = re.compile(r"\sof\s+$")
# A capitalised word, one capital and its dot, right before a name: a middle initial.
_NAME_AND_INITIAL_BEFORE = re.compile(rf"(?<![\w.])[{_UPPER}][a-z]+ [{_UPPER}]\. $")
_PLAIN_WORDS_IN_RUN = re.compile(rf"{_PEOPLES}|[^\W_](?:[\w]|['’](?!s\b)(?=\w))*")
# The word before a position, read backwards: a regex anchored at the start of the
# reversed 40 characters (one anchored at the end would retry every start).
_PREV_WORD_REVERSED = re.compile(r"[\s\"“‘(]*([\w.'’]+)")
_NEXT_WORD = re.compile(r"^\s*([\w'’]+|[.,;:!?])")

LEVEL_IMPORTANCE = {  # log10-population equivalents of non-settlement places
    LEVEL_CODES["country"]: 8.0,
    LEVEL_CODES["admin1"]: 7.0,
    LEVEL_CODES["admin2"]: 5.0,
    LEVEL_CODES["area"]: 7.0,
}
POSTAL_IMPORTANCE = 2.5  # postal places carry no population
# A common word before the rest of a military unit's name needs the importance
# of a city of about a million people to stand as a place.
UNIT_NAME_PENALTY = 3.0


@lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


@lru_cache(maxsize=100_000)
def word_commonness(word: str) -> float:
    """Zipf frequency (0-8) of a word in English, case-folded."""
    if word.isascii() and word.isalpha() and word.islower():
        # A plain lower-case word is its own token: read wordfreq's table directly
        # (zipf_frequency's tokeniser costs 25 us a call; the result is the same).
        f = _english_frequencies().get(word, 0.0)
        return round(math.log10(f) + 9, 2) if f > 0 else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass(slots=True)
class Guess:
    """A span that may be a place name, with what the lexicons say of it."""

    start: int
    end: int
    surface: str
    key: str
    hits: list[tuple[int, int]] = field(default_factory=list)  # gazetteer (row, tier)
    demonym: lexicon.Demonym | None = None
    seat: lexicon.Seat | None = None
    importance: float = 0.0
    reasons: list[str] = field(default_factory=list)
    words: int = 1
    before: list[str] = field(default_factory=list)  # other capitalised words of the run
    after: list[str] = field(default_factory=list)
    surname: str = ""  # when dropped as part of a person's name: the key of that name's last word
    region_phrase: bool = False  # named as a region by a plural region word after its list ("Sumy regions")

    @property
    def variant(self) -> bool:
        """Whether the gazetteer knows the name only as a romanisation variant ("Donetzk")."""
        return bool(self.hits) and self.hits[0][1] == TIER_VARIANT


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a headline line or a quotation."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(«—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n…:"


_LINE_WORDS = re.compile(r"[^\W\d_][\w'’]{3,}")


def title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` capitalises (nearly) every longer word: a headline."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if (end if end >= 0 else len(text)) - start > 300:
        return False
    return _title_case(text[start:end if end >= 0 else len(text)])


@lru_cache(maxsize=4096)
def _title_case(line: str) -> bool:
    words = _LINE_WORDS.findall(line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def previous_word(text: str, pos: int) -> str:
    """The word (letters, digits, dots, apostrophes) ending just before ``pos``,
    across spaces, opening quotes and brackets; "" when punctuation comes first."""
    m = _PREV_WORD_REVERSED.match(text[max(0, pos - 40):pos][::-1])
    return m.group(1)[::-1] if m else ""


def next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos:pos + 40])
    return m.group(1) if m else ""


def begins_outlet_name(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` begins a news outlet's ("the Kyiv
    Independent", "The Moscow Times", "Vilne Radio"; ``lexicon.MEDIA_WORDS``): it
    names the outlet, not where something happened ("Donetsk Airport" is in Donetsk)."""
    word = next_word(text, end)
    return word[:1].isupper() and word.lower() in lexicon.MEDIA_WORDS


def find_candidates(text: str, g: Gazetteer) -> list[Guess]:
    """Longest known names inside each capitalised run, left to right."""
    out = []
    memo = g.memo
    for run in _RUN.finditer(text):
        rtext = run.group()
        if " " not in rtext and "-" not in rtext and rtext.lower() in FUNCTION_WORDS:
            continue  # one function word, the common case
        # What a run holds depends on its text alone, and runs recur ("Russia",
        # "New York"): the scan is memoised on the run, offsets kept relative.
        found = memo.get(("run", rtext))
        if found is None:
            found = g.memoize(("run", rtext), lambda: _scan_run(rtext, g))
        rs = run.start()
        for s, e, key, hits, dem, seat, words, before, after in found:
            guess = Guess(rs + s, rs + e, rtext[s:e], key, hits, dem, seat, words=words,
                          before=list(before), after=list(after))
            if s == 0 and text[rs - 1:rs] == " ":
                guess = _area_with_direction(text, guess, g) or guess
            out.append(guess)
    return out


def _area_with_direction(text: str, guess: Guess, g: Gazetteer) -> Guess | None:
    """The guess with the lower-case direction word before it, when the two are a
    named area's name ("eastern Europe" is Eastern Europe, "southeast Asia"
    Southeast Asia); None otherwise ("eastern Ukraine" is Ukraine)."""
    # the word before the single space, sliced rather than matched since nearly every
    # run has one, and looked for only as far back as a direction word reaches
    lo = max(0, guess.start - 12)
    space = text.rfind(" ", lo, guess.start - 1)
    word = text[space + 1 if space >= 0 else lo:guess.start - 1]
    if word not in lexicon.COMPASS_WORDS:
        return None
    key = word + guess.key
    hits = [(r, t) for r, t in g.lookup_key(key) if int(g.level[r]) == LEVEL_CODES["area"]]
    if not hits:
        return None
    start = guess.start - len(word) - 1
    return Guess(start, guess.end, text[start:guess.end], key, hits, words=guess.words + 1,
                 before=guess.before, after=guess.after)


def _scan_run(rtext: str, g: Gazetteer) -> tuple[tuple, ...]:
    """The names in one capitalised run as (start, end, key, hits, demonym,
    seat, words, before, after), offsets relative to the run."""
    demonyms, seats, lexicon_prefixes = lexicon.demonyms(), lexicon.seats(), lexicon.key_prefixes()
    if "-" in rtext and " " not in rtext:
        whole = _compound_variant(g, rtext)
        if whole is not None:
            return (whole,)
    if " " not in rtext and "-" not in rtext:
        words = [(0, len(rtext))]
    else:
        # Abbreviations ("N.Y.", "St.") all hold a dot; without one the plain word pattern is enough.
        splitter = _WORDS_IN_RUN if "." in rtext else _PLAIN_WORDS_IN_RUN
        words = [(m.start(), m.end()) for m in splitter.finditer(rtext)]
    out = []
    n = len(words)
    i = 0
    while i < n:
        ws, we = words[i]
        first = rtext[ws:we]
        if not first[0].isupper():
            i += 1
            continue
        lead_function_word = first.lower() in FUNCTION_WORDS
        found = None
        key = ""
        # Scan forward while some gazetteer name starts with the words so far;
        # keep the longest span that is a whole name.
        for j in range(i, min(n, i + MAX_WORDS)):
            last = rtext[words[j][0]:words[j][1]]
            key += last.lower() if last.isascii() and last.isalnum() else fold(last)  # fold(), inlined
            city = last in ("City", "city") and j > i
            if j > i and not city and key not in lexicon_prefixes and not g.has_prefix(key):
                break
            tail = last.lower() in REGION_TAIL or last in AREA_TAIL
            if not (last[0].isupper() or tail or last[1:2] in _ELISION and last[2:3].isupper()):
                continue
            if lead_function_word and (j == i or tail):
                continue  # "The city", "In": only a whole name like "The Hague" may start so
            if not key:
                continue
            hits = g.lookup_key(key)
            if "." in last:
                hits = initialism_hits(g, rtext[ws:words[j][1]], hits)
            dem = demonyms.get(key) if j - i < 2 else None
            seat = seats.get(key)
            if not hits and city and key[: -len("city")] not in demonyms:
                # "Sumy City": the city named Sumy ("the English city of Salisbury" is no town called English)
                base = key[: -len("city")]
                hits = [(r, t) for r, t in g.lookup_key(base) if g.level[r] == LEVEL_CODES["settlement"]]
            if hits or dem or seat:
                found = (ws, words[j][1], key, hits, dem, seat, j - i + 1)
        if found is not None:
            i += found[6]
        if found is None and len(first) >= 5 and not lead_function_word:
            found = _variant_guess(g, ws, we, first, key if j == i else "")
            if found is not None:
                i += 1
        if found:
            e = found[1]
            before = tuple(rtext[a:b] for a, b in words[:i - found[6]] if rtext[a].isupper()
                           and rtext[a:b].lower() not in FUNCTION_WORDS)
            after = tuple(rtext[a:b] for a, b in words if a >= e and rtext[a].isupper())
            out.append((*found, before, after))
        else:
            i += 1
    return tuple(out)


# "the Kharkiv and Sumy regions", "Donetsk and Luhansk Oblasts", "Idlib and Aleppo
# governorates": a list of names closed by a plural region word names regions.
def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + "s"


PLURAL_REGION_WORDS = {_plural(w): w for w in REGION_TAIL - {"oblasti"}} | {"oblasti": "oblast"}
_PLURAL_REGION_AFTER = re.compile(rf"\s+({'|'.join(sorted(PLURAL_REGION_WORDS, key=len, reverse=True))})\b",
                                  re.IGNORECASE)
_LIST_GLUE = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")  # between two names of a list


def name_region_lists(text: str, guesses: list[Guess], g: Gazetteer) -> None:
    """Read each name of a list that a plural region word closes as "<name>
    <region word>", where the gazetteer knows such a region: "the Kursk, Belgorod
    and Bryansk regions" are three oblasts, not three cities. ``guesses`` in text
    order; a name stays as it is when no region of it is known ("Russian and
    Belarusian regions"), and so does a name alone before the word. The mention
    keeps the name's own span."""
    k = len(guesses) - 1
    while k >= 0:
        m = _PLURAL_REGION_AFTER.match(text, guesses[k].end)
        if m is None:
            k -= 1
            continue
        word = PLURAL_REGION_WORDS[m.group(1).lower()]
        first = k
        while first > 0 and guesses[first - 1].end <= guesses[first].start \
                and _LIST_GLUE.fullmatch(text, guesses[first - 1].end, guesses[first].start):
            first -= 1
        if first == k:  # one name: "the four metro Athens counties" are the counties around Athens
            k -= 1
            continue
        for guess in guesses[first:k + 1]:
            if guess.demonym is not None:
                continue
            key = guess.key + fold(word)
            hits = [(r, t) for r, t in g.lookup_key(key) if int(g.level[r]) in REGION_LEVELS]
            if hits:
                guess.key, guess.hits, guess.seat, guess.region_phrase = key, hits, None, True
        k = first - 1


# A romanisation variant must name a notable place (>= 10,000 people), or stand
# where the text puts a place: after "in"/"near", or before ", Region".
VARIANT_MIN_IMPORTANCE = 4.0
_CONTAINER_AFTER = re.compile(r",\s+([A-Z][\w'’-]+)")


def _compound_variant(g: Gazetteer, rtext: str) -> tuple | None:
    """A hyphenated name the gazetteer knows only in another romanisation, as a
    whole: "Kupyansk-Vuzlovyi" is Kupiansk-Vuzlovyi, not Kupiansk beside a
    surname. None when the compound is a known name, or no variant of one."""
    if not all(part[:1].isupper() for part in rtext.split("-")):
        return None  # "Kyiv-based", "Russian-occupied": a name and a word
    key = fold(rtext)
    if len(key) < 8 or g.lookup_key(key):
        return None
    found = _variant_guess(g, 0, len(rtext), rtext, key)
    return None if found is None else (*found[:6], rtext.count("-") + 1, (), ())


def _variant_guess(g, ws, we, word, key="") -> tuple | None:
    """"Donetzk": a rare word whose romanisation skeleton matches a notable place
    (``key``: the word's ``fold``, when known)."""
    key = key or fold(word)
    if word_commonness(word.lower()) >= 3.0:
        return None
    hits = [(r, TIER_VARIANT) for r in g.variants_key(key)]
    if not hits:
        return None
    return (ws, we, key, hits, None, None, 1)


_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")


def initialism_hits(g: Gazetteer, surface: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``hits`` of a name, less the regions an initialism does not stand for: "L.A."
    folds like Louisiana's "La." and "LA", but names a region only where it is the
    region's own initialism ("N.Y.", "W.A.", "D.C.")."""
    if not _INITIALISM.fullmatch(surface):
        return hits
    admin1, wanted = LEVEL_CODES["admin1"], surface.lower()
    return [(r, t) for r, t in hits if g.level[r] != admin1 or g.admin1_table[int(g.admin1[r])][3].lower() == wanted]


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
        if value > best:
            best = value
    return best


def _abbreviation_dot(text: str, guess: Guess, prev: str) -> bool:
    """Whether a dot right after ``guess`` ends an abbreviation, not a sentence: it
    stands where a place does (after ", " or "in") or a lower-case word follows."""
    return text.startswith(".", guess.end) and bool(
        text.endswith(", ", 0, guess.start) or prev in lexicon.LOCATIVE_WORDS
        or _LOWER_WORD_NEXT.match(text, guess.end + 1))


def _dotted_abbreviation_keys(g: Gazetteer) -> frozenset[str]:
    """Folded dotted abbreviations of admin-1 regions ("man" for "Man.")."""
    return g.derive("dotted abbreviations", lambda: frozenset(
        fold(row[3]) for row in g.admin1_table if row[3].endswith(".")))


def _abbreviation_of(g: Gazetteer, row: int, key: str) -> bool:
    """Whether ``row`` is an admin-1 region whose dotted abbreviation folds to ``key``."""
    if int(g.level[row]) != LEVEL_CODES["admin1"]:
        return False
    abbrev = g.admin1_table[int(g.admin1[row])][3]
    return abbrev.endswith(".") and fold(abbrev) == key


def _name_like(g: Gazetteer, word: str) -> bool:
    """A rare capitalised word, or a given name, that is no notable place: a person's name, probably."""
    wl = word.lower().rstrip(".")
    if wl in lexicon.titles() or wl in lexicon.org_heads() or fold(word) in lexicon.demonyms():
        return False
    if len(word) >= 2 and word.isupper():
        return False  # an acronym names an organisation, not a person: "CBC Toronto", "the California DMV"
    if wl in REGION_TAIL:
        return False  # "Donetzk Oblast": a region word, however rare in English
    # A given name is name-like however common the word ("Andrew", "Grant").
    return (word_commonness(wl) < 3.5 or wl in lexicon.given_names()) \
        and importance(g, g.lookup_key(fold(word))) < 4.0


_CLAUSE_OPENERS = frozenset(("", "and", "but"))  # previous_word is "" after punctuation or at the start
_HYPHENS = "-‐‑"
# A name joined to one of these words is a place: "Nashville-based", "Kyiv-born".
_PLACE_COMPOUND = re.compile(rf"[{_HYPHENS}](?:based|born|bound|headquartered|registered)\b", re.IGNORECASE)


def _water_body(text: str, guess: Guess) -> bool:
    """Whether the name is part of a sea's or an ocean's that the gazetteer does
    not know as a whole: "Sea of Azov", "Azov Sea", "Indian Ocean"
    (lexicon.WATER_AFTER, WATER_BEFORE)."""
    following = guess.after[0] if guess.after and text.startswith(" " + guess.after[0], guess.end) else ""
    return following in lexicon.WATER_AFTER or text.endswith(lexicon.WATER_BEFORE, 0, guess.start)


def _in_group_name(guess: Guess) -> bool:
    """Whether the guess, with capitalised words around it in its run, spells the
    name of an armed group or movement (lexicon/groups.txt)."""
    if guess.words == 1 and guess.key not in lexicon.group_words():
        return False  # the common case: a one-word guess that is no word of any group's name
    groups = lexicon.groups()
    before = [fold(w) for w in guess.before]
    after = [fold(w) for w in guess.after]
    for i in range(len(before) + 1):
        head = "".join(before[len(before) - i:]) + guess.key
        for j in range(len(after) + 1):
            if head + "".join(after[:j]) in groups:
                return True
    return False


def _surname_next(text: str, guess: Guess) -> bool:
    """Whether the capitalised word after ``guess`` may be a surname: it follows
    with only a space between ("Spencer Lewis of Bethel": Bethel is his town),
    and the run does not end in the word of an organisation or facility
    ("the Meredith Community Center", "the Augusta Herald")."""
    return text.startswith(" " + guess.after[0], guess.end) \
        and guess.after[-1].lower().rstrip(".") not in lexicon.org_heads()


def _after_hyphenated_place(text: str, guess: Guess, g: Gazetteer) -> bool:
    """Two places joined by a hyphen: "Fargo-Moorhead", "the Canada-U.S. border"."""
    if guess.start < 2 or text[guess.start - 1] not in "-–":
        return False
    if len(guess.before) >= 2 and guess.before[-2].lower() in lexicon.given_names():
        return False  # "Mark Carson-Jackson": a double-barrelled surname
    return importance(g, g.lookup_key(fold(guess.before[-1]))) >= 4.0


def _place_context(text: str, guess: Guess, prev: str, g: Gazetteer) -> bool:
    """Whether the text puts a place here: "near Klischiivka", "Klischiivka, Donetsk region"."""
    return prev in lexicon.LOCATIVE_WORDS or _container_after(text, guess, g) is not None


def _container_after(text: str, guess: Guess, g: Gazetteer) -> int | None:
    """The admin-1 index of a region named right after ", " ("..., Donetsk region")."""
    m = _CONTAINER_AFTER.match(text, guess.end)
    if not m:
        return None
    for r, _t in g.lookup_key(fold(m.group(1))):
        if int(g.level[r]) in (LEVEL_CODES["admin1"], LEVEL_CODES["settlement"]) and g.admin1[r] >= 0:
            return int(g.admin1[r])
    return None


def famous(g: Gazetteer, hits) -> bool:
    """A country (by any of its names: "U.S."), or a city of a million people by its
    own name: too well known to be read as a person's name ("Washington",
    "Toronto", "Paris"); a region or a town is not (the province of Trapani after
    "Andrew Trapani", Vladimir Oblast before "Putin"), nor a city's foreign or old
    name ("Sam" is Damascus in some languages)."""
    return any(int(g.level[r]) == LEVEL_CODES["country"]
               or (t == TIER_PRIMARY and int(g.level[r]) == LEVEL_CODES["settlement"] and g.population[r] >= 1_000_000)
               for r, t in hits)


def keep(text: str, guess: Guess, g: Gazetteer) -> bool:
    """Whether a guess is a place name, on the evidence listed in the module docstring."""
    single = guess.words == 1
    low = guess.surface.lower()
    titles = lexicon.titles()

    if single and low in lexicon.MONTHS_AND_DAYS:
        guess.reasons.append("month or weekday")
        return False
    if single and low in REGION_TAIL:
        guess.reasons.append("region word alone")
        return False
    prev_word = previous_word(text, guess.start)
    if single and prev_word.isdigit() and guess.surface in _ERAS:
        guess.reasons.append("era after a year")  # "500 B.C.", not British Columbia
        return False
    prev = prev_word.lower()
    # Honorifics count when capitalised ("Miss Kent", not "miss Rochester");
    # longer titles also in lower case ("spokesman Peskov").
    if prev in titles and not guess.demonym and (prev_word[:1].isupper() or len(prev) >= 6):
        guess.reasons.append(f"{PERSON}after title {prev!r}")
        # The last word of the name is the one the text repeats alone: "Chairman Ron
        # Denton ... Denton said".
        guess.surname = fold(guess.after[-1]) if guess.after else guess.key
        return False
    if not guess.demonym and text.endswith(". ", 0, guess.start) \
            and _NAME_AND_INITIAL_BEFORE.search(text, max(0, guess.start - 40), guess.start):
        guess.reasons.append(f"{PERSON}after a given name and a middle initial")  # "Jeremy J. Shingleton"
        guess.surname = guess.key
        return False
    after_dot = guess.end + 1 if text.startswith(".", guess.end) else guess.end
    if single and low.rstrip(".") in titles and next_word(text, after_dot)[:1].isupper() \
            and not text.endswith(", ", 0, guess.start):  # "Jackson, Miss. He said": the state
        guess.reasons.append("a title before a name")  # "Sen. Bob Dole", "Gov. Abbott"
        return False
    if _water_body(text, guess):
        guess.reasons.append("part of a sea's name")  # "the Sea of Azov", "the Indian Ocean"
        return False
    if _in_group_name(guess):
        guess.reasons.append("an armed group's or movement's name")  # "Hamas", "Boko Haram", "Rapid Support Forces"
        return False
    if guess.seat and guess.hits and _place_context(text, guess, prev, g):
        guess.seat = None  # "in Westminster, Colorado": a town named so, not a government
    if guess.demonym or guess.seat:
        return True

    filtered = False
    if single and guess.hits and not guess.surface.isupper():
        # "Man." is Manitoba, "War." Warrap, "CHE" Switzerland, "CAR" the Central African
        # Republic; "Man", "War", "Che" and "Car" are words ("NY", "NSW" are acronyms)
        abbreviation = guess.key in _dotted_abbreviation_keys(g) and not (
            guess.surface.endswith(".") or _abbreviation_dot(text, guess, prev))
        # a country's ISO code, or any other name of three letters or fewer (its acronyms)
        country_code = low in lexicon.country_codes3() or len(guess.key) <= 3
        if abbreviation or country_code:
            words_only = [(r, t) for r, t in guess.hits
                          if not (abbreviation and _abbreviation_of(g, r, guess.key))
                          and not (country_code and int(g.level[r]) == LEVEL_CODES["country"])]
            if not words_only:
                guess.reasons.append("a region's abbreviation without its dot, or a country code not in capitals")
                return False
            filtered = len(words_only) < len(guess.hits)
            guess.hits = words_only
    # an initialism keeps only its own region's hits ("P.A." is no Pennsylvania): particular too
    filtered = filtered or (guess.surface.endswith(".") and _INITIALISM.fullmatch(guess.surface) is not None)
    if filtered or not guess.hits or guess.variant:
        guess.importance = importance(g, guess.hits)  # hits particular to this mention
    else:
        guess.importance = g.memoize(("importance", guess.key), lambda: importance(g, guess.hits))
    if guess.variant and guess.importance < VARIANT_MIN_IMPORTANCE:
        region = _container_after(text, guess, g)
        if region is None and prev not in lexicon.LOCATIVE_WORDS:
            guess.reasons.append("spelling variant of a minor place, not where a place stands")
            return False
        if region is not None:  # only the readings inside the region named after it, or notable ones
            guess.hits = [(r, t) for r, t in guess.hits if int(g.admin1[r]) == region
                          or importance(g, [(r, t)]) >= VARIANT_MIN_IMPORTANCE]
        if not guess.hits:
            guess.reasons.append("spelling variant of no place in the region named after it")
            return False
    if single and low in lexicon.GENERIC_WORDS and not guess.region_phrase:
        guess.reasons.append("generic geographic word")
        return False
    if single and len(guess.surface.rstrip(".")) <= 2 and not guess.surface.isupper() and not (
            _abbreviation_dot(text, guess, prev)
            and any(int(g.level[r]) == LEVEL_CODES["admin1"] for r, _t in guess.hits)):
        # ...unless it is a state's abbreviation where a place stands, or before a
        # lower-case word, so no sentence ends at its dot: "Newton County, Ga.",
        # "dies in Ky. jail", "Scandal-plagued Ga. pastor" (not "his Pa. Then")
        guess.reasons.append("too short for a name")
        return False
    if single and guess.surface.isupper() and len(guess.surface) <= 5:
        # An acronym: only countries, regions and unions go by one ("US", "UAE", "EU"), not towns ("UN").
        if not any(int(g.level[r]) in _POLITY_LEVELS for r, _t in guess.hits):
            guess.reasons.append("acronym of no country or region")
            return False
    words = low.replace("-", " ").split()
    region_name = guess.region_phrase or (len(words) > 1 and words[-1] in REGION_TAIL)
    # Part of a longer capitalised name ("Tyler Durden", "Andrii Sybiha"), unless
    # the whole line is in title case (a headline capitalises every word), or the
    # name is no person's: "Walker County" (even in "the Walker County Fair"), a name
    # joined to "-based" or "-born" ("Nashville-based Tristar", "Kyiv-born Glushko").
    headline = title_case_line(text, guess.start)
    no_person = region_name or (
        text[guess.end:guess.end + 1] in _HYPHENS and _PLACE_COMPOUND.match(text, guess.end) is not None)
    neighbours = [] if no_person or headline else guess.before[-1:] + guess.after[:1]
    if (single and neighbours and guess.after and guess.after[0] in neighbours and low in lexicon.given_names()
            and not famous(g, guess.hits) and _surname_next(text, guess)):
        # "George Bush": a given name before another name; the name after it is the surname
        guess.reasons.append(f"{PERSON}a given name before another name")
        guess.surname = fold(guess.after[0])
        return False
    if neighbours and guess.before and _OF_BEFORE.search(text, max(0, guess.start - 6), guess.start):
        # "Steven Sachs of Alexandria": AP's person-of-hometown; the name before "of" is another name
        neighbours = guess.after[:1]
    for word in neighbours:
        if _name_like(g, word):
            guess.reasons.append(f"{PERSON}next to the name-like word {word!r}")
            # The last word of a person's name is the one the text repeats alone.
            guess.surname = fold(word) if guess.after[:1] == [word] else guess.key
            return False
    if (neighbours and guess.before and guess.importance < 5.0 and guess.before[-1].lower().rstrip(".") not in titles
            and not _after_hyphenated_place(text, guess, g)):
        # A surname elsewhere in the document ("Gwynne Dyer ... Dyer said"), unless
        # the name before it is an organisation's ("First Baptist Church Maryville").
        guess.reasons.append(f"{PERSON}inside a longer name")
        if guess.before[-1].lower() not in lexicon.org_heads():
            guess.surname = guess.key
        return False

    if single and guess.importance < 5.0 and prev in _CLAUSE_OPENERS \
            and next_word(text, guess.end).lower() in lexicon.SPEECH_VERBS \
            and not any(int(g.level[r]) in _POLITY_LEVELS for r, _t in guess.hits):
        # "Hartl said", "..., and Brande said": a town of under 100,000 people that
        # opens its clause rarely speaks; "the city of Sevierville said", "officials in
        # occupied Enerhodar said" and "in Russia's Shebekino reported" keep their place
        guess.reasons.append("the subject of a verb of saying")
        return False
    if guess.importance < 5.0 and next_word(text, guess.end).lower() in lexicon.WEAPON_NOUNS:
        guess.reasons.append("the name of a weapon or vehicle")  # "an Iskander missile", "Shahed drones"
        return False

    if single and low in lexicon.given_names() and guess.hits and all(t < TIER_PRIMARY for _r, t in guess.hits):
        guess.reasons.append("a given name that is no place's own name")  # "Kristina", "Julia" (Plovdiv's old name)
        return False
    if region_name:
        return True
    common = min(word_commonness(w) for w in words)
    need = 0.0
    if common >= 3.0:
        need = 1.5 * (common - 3.0) + 2.0
        if single and sentence_start(text, guess.start):
            need += 1.0
        elif not single and not headline and not sentence_start(text, guess.start):
            need -= MULTIWORD_RELIEF
        if guess.after and guess.after[-1].lower() in lexicon.UNIT_HEADS \
                and not any(int(g.level[r]) in _POLITY_LEVELS for r, _t in guess.hits):
            need += UNIT_NAME_PENALTY  # "Naval Infantry Brigade", "Guards Tank Army"; not "U.S. Army"
    if guess.importance >= need:
        return True
    guess.reasons.append(f"common word (zipf {common:.1f}) for a place of importance {guess.importance:.1f}")
    return False
