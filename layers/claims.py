"""Extract claimed-control statements from a parsed document.

A claim is one sentence's statement that some side holds, took, lost or is
advancing on territory, as asserted by someone (see the claims SCHEMA in the
evaluation data). For every sentence:

1. *triggers* find the predicate: capture ("regained control", "liberated"),
   control ("holds", "under Ukrainian control"), advance ("advanced",
   "counteroffensive", "repelled 75 attacks"), loss ("withdrew", "forced out");
   forecasts and intentions ("plans to capture") are skipped;
2. the *claimant* is the subject of a reporting verb ("X said", "according to
   X", "X claimed"), an embedded post's author ("— Andrii Sybiha (@...)"), a
   pronoun carried over from the previous sentence, or the outlet itself;
3. the *actor* is the side named next to the trigger ("Russian forces
   advanced", "liberated ... by Ukrainian troops"), a possessive pronoun's
   owner ("its forces" = the claimant), or "the enemy" (the claimant's enemy);
4. sides come from demonyms, countries, capitals and seats (``geo``), the
   lexicon of institutions and officials (``lexicon/sides.tsv``) and the
   document's own introductions ("Ukrainian Foreign Minister Andrii Sybiha"
   makes "Sybiha" Ukrainian for the rest of the text);
5. *status*: denied or assessed when the reporting verb says so, reported for
   the outlet's voice and outside parties, otherwise claimed when the
   statement favours the claimant's side and acknowledged when it does not;
6. *places*: the sentence's own places, else the document's dominant region
   (marked inferred); *quantity* and *time* by pattern.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from geo import lexicon
from geo.gazetteer import Gazetteer
from geo.model import Document, Mention
from geo.recognize import begins_outlet_name, next_word, previous_word
from geo.resolution import glued

from .model import Claim, ClaimPlace, Party, Quantity

LEXICON = Path(__file__).resolve().parent / "lexicon"

_TRIGGERS = [
    ("capture", r"(?:took|take|taken|taking|gained|gain|regained|regain|regaining|established|establish|seized|seize|"
                r"assumed)\s+(?:full\s+|complete\s+)?control|took over|taken over|taking over|"
                r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|regain(?:ed|s|ing)?|retook|retake|retaken|"
                r"recaptur(?:e|ed|es|ing)|liberat(?:e|ed|es|ing)|overt(?:ook|aken)|annex(?:ed|es|ing)|fell to|"
                r"(?:has|have|had|was|were|been)\s+taken"),
    ("loss", r"withdr(?:ew|awn|awal|aws?|awing)|retreat(?:ed|s|ing)?|lost|los(?:e|es|ing)\s+(?:control|ground)|"
             r"pulled out|pull(?:ed|ing)? back|forced out|pushed out|driven out|expelled|abandon(?:ed|s|ing)?|"
             r"repel(?:led|s)?\s+(?:\w+(?:'s|’s)\s+)?(?:incursion|offensive|assault|attack)"),
    ("control", r"control(?:s|led|ling)?|hold(?:s|ing)?|held|occup(?:y|ies|ied|ying|ation)|remain(?:s|ed)? in|"
                r"present in|presence|stationed in|overseeing|defending|conducting operations|at the border|"
                # holding an amount of territory: "has almost 1,000 square kilometres"
                r"ha(?:s|ve|d)\s+(?:almost|nearly|about|some|over|more than|at least)?\s*\d[\d,]*\s+"
                r"(?:square|sq|km|settlements|villages|towns)"),
    ("advance", r"advanc(?:e|ed|es|ing)|push(?:ed|es|ing)?\s+(?:toward|towards|into|deeper|forward|on)|"
                r"gain(?:ed|ing|s)?\s+ground|counter-?offensive|counter-?attack(?:s|ed)?|offensive|incursion|"
                r"invad(?:e|ed|es|ing)|invasion|assaults?|attack(?:s|ed)?\s+on|storm(?:ed|ing)|raid|"
                r"br(?:oke|eak) through|breakthrough|in the direction of|progress|moved\s+(?:to|toward|towards|closer)|"
                r"tried to (?:capture|seize|take|establish|advance)|(?:ramped|stepped) up (?:their |its )?(?:attacks|assaults|offensive)|"
                r"attempt(?:s|ed)? to (?:advance|attack|storm|capture|seize|break)|"
                r"push(?:es|ed)?\s+to\s+(?:capture|seize|take|encircle|reach)|"
                r"(?:repel(?:led|s)?|repulsed)\s+\d[\d,]*\s+(?:\w+\s+)?(?:attacks|assaults)|"
                r"\d[\d,]*\s+(?:combat engagements|battles|clashes|attacks|assaults)"),
]
# Nouns that make an attack or an invasion a statement about a war, not about
# territory, unless the sentence names a place below country level.
_NOMINAL = re.compile(r"(?i)^(?:counter-?offensive|counter-?attacks?|offensive|incursion|invasion|attacks?\s+on|"
                      r"assaults?|raid|presence|progress)$")
# Casualties, prisoners and equipment are not territory: "lost 62,400 troops".
_NOT_TERRITORY = re.compile(r"(?i)(?:\s+\S+){0,3}?\s+\d[\d,]*\s+(?:\w+\s+)?(?:soldiers|troops|servicemen|personnel|"
                            r"tanks|vehicles|prisoners|aircraft|drones|lives|people)\b|"
                            r"\s*(?:\w+\s+){0,2}(?:soldiers|tanks|vehicles|prisoners)\b")
# "the invading Ukraine forces": a participle describing forces, not a statement.
_ADJECTIVAL = re.compile(r"(?i)(?:invading|advancing|occupying|retreating|attacking)\s+(?:\w+\s+)?"
                         r"(?:forces|troops|army|armies|units|soldiers)\b")
# "a rocket attack on a railway station": a strike, not an advance.
_STRIKE_BEFORE = re.compile(r"(?i)\b(?:rocket|missile|drone|air|artillery|bomb|bombing|terrorist|cyber|mortar)s?\s*$")
_CASUALTY_BEFORE = re.compile(r"(?i)(?:\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens of|"
                              r"hundreds of))\s+(?:[\w-]+\s+)?(?:soldiers|troops|servicemen|tanks|vehicles|prisoners|"
                              r"aircraft)\b[^.]{0,30}$")
TRIGGER = re.compile("|".join(f"(?P<{name}>\\b(?:{rx})\\b)" for name, rx in _TRIGGERS), re.IGNORECASE)
# Forecasts and intentions are not claims: "plans to capture", "could advance".
_IRREALIS = re.compile(r"\b(?:will|would|could|might|may|plans? to|planning to|aims? to|intends? to|hopes? to|"
                       r"wants? to|threaten(?:s|ed)? to|goal of|in order to|ready to|prepared to|failure to|"
                       r"failed to|fail to|push to|drive to|attempt a|"
                       r"rumou?red|upcoming|expected|potential)\s+(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)

_REPORTING = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|announced|announces|reported|reports|stated|states|"
    r"acknowledged|acknowledges|admitted|admits|denied|denies|deny|rejected|rejects|dismissed|refuted|"
    r"insisted|insists|assessed|assesses|confirmed|confirms|told|wrote|noted|added|revealed|"
    r"described|describing|argued|believes|estimated|estimates|responded|explained|warned)\b|\baccording to\b",
    re.IGNORECASE)
# A denial needs an object that is a statement ("denied the claims", "rejected reports that").
_DENIAL_OBJECT = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:claims?|reports?|allegations?|statements?|that|as)\b", re.IGNORECASE)
_LEAD_ADVERBIAL = re.compile(r"^(?:(?:On|In|By|Last|This|Meanwhile|However|Earlier|Later|Also|Now|Still)\b[^,]{0,40},\s*)+")
# Side words that qualify territory name a place, not forces: "Russian territory", "the Russian side".
_TERRITORY_NOUN = re.compile(r"\s+(?:territory|territories|soil|side|land|lands|border|borders|region|regions|"
                             r"town|towns|city|cities|village|villages|settlements?|oblast)\b", re.IGNORECASE)
# Searched in a window just before a reporting verb (a whole-prefix search with
# "$" retries every position of the sentence).
_AS_BEFORE = re.compile(r"(?i)\bas\s+$")
_NEGATION_BEFORE = re.compile(r"(?i)\b(?:not|n't|never)\s+$")
_DENY = {"denied", "denies", "deny", "rejected", "rejects", "dismissed", "refuted"}
_ASSESS = {"assessed", "assesses", "estimated", "estimates"}
_CLAUSE_BREAK = re.compile(r"[;:“”\"()]|,\s+(?:but|while|and|as|which|after|although)\b|\s(?:but|while)\s")
_PRONOUN_POSSESSIVE = re.compile(r"\b(?:its|his|her|their|our)\s+(?:own\s+)?(?:forces|troops|army|units|"
                                 r"soldiers|military|fighters)\b|\b(?:it|they|we)\b", re.IGNORECASE)
_ENEMY = re.compile(r"\b(?:the\s+)?enemy\b|\boccupiers\b|\binvaders\b", re.IGNORECASE)
_POST_LINE = re.compile(r"^\s*[—–-]\s*(?P<name>[^(\n@]+?)\s*(?:[^\w\s(]+\s*)?\(@\w+\)", re.MULTILINE)

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "a dozen": 12})
_NUMBER = (r"(?P<num>\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?|"
           + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")")
_QUANTITY = re.compile(
    r"(?P<approx>some|about|around|roughly|approximately|nearly|almost|more than|over|at least|up to|"
    r"less than|under|within|fewer than)?\s*" + _NUMBER +
    r"\s*(?P<unit>settlements?|localities|population cent(?:er|re)s|villages?|towns?|"
    r"square kilomet(?:er|re)s|sq\.?\s?km|km2|km²|kilomet(?:er|re)s|km|positions?)\b", re.IGNORECASE)
_APPROX = {"some": "about", "about": "about", "around": "about", "roughly": "about", "approximately": "about",
           "nearly": "under", "almost": "under", "up to": "under", "less than": "under", "under": "under",
           "within": "under", "fewer than": "under", "more than": "over", "over": "over", "at least": "over"}
_UNIT = [("square", "km2"), ("sq", "km2"), ("km2", "km2"), ("km²", "km2"), ("kilomet", "km"), ("km", "km"),
         ("settlement", "settlement"), ("localit", "settlement"), ("population", "settlement"),
         ("village", "village"), ("town", "town"), ("position", "position")]

_MONTH_RX = r"(?:" + "|".join(m[:3] for m in lexicon.MONTHS) + r")[a-z]*\.?"
# Written in lower case: _DATE_LOWER runs on the lower-cased sentence, _DATE where
# lower-casing would change its length.
_DATE_LOWER = re.compile(
    rf"(?P<md>{_MONTH_RX}\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?P<y1>\d{{4}}))?)"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RX})(?:,?\s*(?P<y2>\d{{4}}))?)"
    r"|(?P<wd>" + "|".join(lexicon.WEEKDAYS) + ")")
_DATE = re.compile(_DATE_LOWER.pattern, re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_ON = re.compile(r"(?:\bon\s+|^\s*(?:around\s+)?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Hit:
    """A pattern match at an absolute position of the document text."""

    start: int
    end: int
    text: str
    kind: str | None


def _first_words(pattern: str) -> frozenset[str]:
    """The lower-case words a match of ``pattern`` can start with, read off the
    parsed regex (so the list cannot drift from the patterns). Letters, letter
    classes, optional parts and alternations build the words; anything else ends
    them. A pattern that can start with no letter and no digit is an error: the
    scan below looks for whole words (and for numbers, apart)."""
    from re import _constants as sre, _parser

    def letters_of(av) -> list[str] | None:
        out = []
        for op, arg in av:
            if op is not sre.LITERAL or not chr(arg).isalpha():
                return None
            out.append(chr(arg).lower())
        return out

    def walk(items, partial: set[str]) -> set[str]:
        for op, av in items:
            if op is sre.AT:
                continue
            if op is sre.LITERAL and chr(av).isalpha():
                partial = {p + chr(av).lower() for p in partial}
            elif op is sre.IN and (chars := letters_of(av)) is not None:
                partial = {p + c for p in partial for c in chars}
            elif op is sre.SUBPATTERN:
                partial = walk(av[-1], partial)
            elif op is sre.BRANCH:
                partial = set().union(*(walk(branch, set(partial)) for branch in av[1]))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] == 1:
                partial = (partial if av[0] == 0 else set()) | walk(av[2], set(partial))
            else:
                if "" in partial and not (op is sre.IN and (sre.CATEGORY, sre.CATEGORY_DIGIT) in av):
                    raise ValueError(f"a match of {pattern[:40]!r}... can start with no word")
                words.update(p for p in partial if p)
                return set()
        return partial

    words: set[str] = set()
    words.update(p for p in walk(_parser.parse(pattern), {""}) if p)
    return frozenset(words)


# The words a trigger or a reporting phrase can start with: a set lookup per
# word of the text, and the large patterns are tried only where one stands.
TRIGGER_FIRST_WORDS = _first_words("|".join(rx for _name, rx in _TRIGGERS))
REPORTING_FIRST_WORDS = _first_words(_REPORTING.pattern)


def _trie_pattern(words) -> str:
    """A regex for a set of words, factored by shared prefixes: the engine follows
    one branch per character instead of trying every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# Where a trigger or a reporting phrase may start: a first word (in lower case,
# Capitalised or in UPPER CASE: a case-sensitive trie of the three runs twice as
# fast as an IGNORECASE one), or a number.
_FIRST_WORD = re.compile(r"(?<![A-Za-z0-9_-])(?:" + _trie_pattern(
    {form for w in TRIGGER_FIRST_WORDS | REPORTING_FIRST_WORDS for form in (w, w.capitalize(), w.upper())})
    + r"(?![A-Za-z0-9])|[0-9])")


def scan(text: str) -> tuple[list[_Hit], list[_Hit]]:
    """Triggers and reporting phrases of a text, in one pass: one regex over a prefix
    trie of the words they can start with finds the places worth trying (a Python
    loop over every word was slower), and the large patterns are matched only there."""
    triggers, reporting = [], []
    t_end = r_end = 0
    for w in _FIRST_WORD.finditer(text):
        i = w.start()
        low = w.group().lower()
        if i >= t_end and (low[0].isdigit() or low in TRIGGER_FIRST_WORDS):
            m = TRIGGER.match(text, i)
            if m:
                triggers.append(_Hit(m.start(), m.end(), m.group(), m.lastgroup))
                t_end = m.end()
        if i >= r_end and low in REPORTING_FIRST_WORDS:
            m = _REPORTING.match(text, i)
            if m:
                reporting.append(_Hit(m.start(), m.end(), m.group(), None))
                r_end = m.end()
    return triggers, reporting


class _Terms:
    """Whole-word matches of a set of terms, longest first, left to right (what
    ``re.finditer`` with look-arounds gives). A case-sensitive prefix trie lets
    the regex engine skip to the letters terms start with; word boundaries are
    checked here, since a look-behind at the front would make it try every position."""

    def __init__(self, terms):
        self.pattern = re.compile(r"(?:" + _trie_pattern(terms) + r")(?![\w-])")

    def finditer(self, text: str):
        return _word_matches(self.pattern, text)


def _word_matches(pattern: re.Pattern, text: str, joiners: str = "_-"):
    """``pattern.finditer``, keeping only matches that start a word (not after a
    letter, digit or one of ``joiners``); after a match inside a word the scan
    resumes one character on, as a look-behind in the pattern would have it."""
    pos = 0
    while True:
        for m in pattern.finditer(text, pos):
            a = m.start()
            if a and (text[a - 1].isalnum() or text[a - 1] in joiners):
                pos = a + 1  # inside a word: look again one character on
                break
            yield m
        else:
            return


@cache
def side_rows() -> tuple[dict, ...]:
    """The rows of lexicon/sides.tsv (term, side, kind), read once."""
    with open(LEXICON / "sides.tsv", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t"))


@cache
def side_terms() -> tuple[_Terms, dict[str, str]]:
    """A matcher for every term of lexicon/sides.tsv and term -> side. A term in
    lower case also matches Capitalised and in UPPER CASE; others match as written."""
    rows = side_rows()
    terms = set()
    for r in rows:
        t = r["term"]
        terms.update((t, t[:1].upper() + t[1:], t.upper()) if t.islower() else (t,))
    return _Terms(terms), {r["term"].lower(): r["side"] for r in rows}


@dataclass
class _Context:
    doc: Document
    people: dict[str, str]  # surname -> side, learned from the document
    last_claimant: Party | None = None
    cues: list | None = None
    cue_starts: list | None = None
    span_cues: dict = field(default_factory=dict)  # (start, end) -> side words inside
    territory: dict = field(default_factory=dict)  # (cue end, sentence end) -> names territory?
    mention_starts: list | None = None
    mentions: list | None = None  # the document's, sorted by start
    reporting: list = None  # _Hit of reporting verbs in the document
    posts: list | None = None  # embedded posts' author lines
    reporting_starts: list = None


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9А-Я])")
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,3}|[A-Z]\.)+\.|(?:Gen|Lt|Col|Sgt|Mr|Mrs|Ms|Dr|St|No|vs|Jan|Feb|"
                           r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep)\.")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: lines, split after . ! ? before a capital, quote or digit (not after abbreviations)."""
    spans = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _SENTENCE_END.finditer(line.group()):
            end = line.start() + m.end()
            word = text[start:end].rsplit(None, 1)[-1]
            if _ABBREVIATION.fullmatch(word):
                continue
            if text[start:end].strip():
                spans.append(_strip(text, start, end))
            start = end
        if text[start:line.end()].strip():
            spans.append(_strip(text, start, line.end()))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _document_cues(ctx: _Context) -> list[tuple[int, int, str, str]]:
    """(start, end, side, text) of every word of the document that names a side, in order."""
    text = ctx.doc.text
    taken = bytearray(len(text) + 1)
    cues = []
    for m in ctx.doc.mentions:
        if m.place is not None and (m.role in ("demonym", "actor") or m.place.level == "country") \
                and m.place.country_code in ("UA", "RU"):
            cues.append((m.start, m.end, m.place.country_code, m.surface))
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    pattern, sides = side_terms()
    extra = [(m.start(), m.end(), sides[m.group().lower()], m.group()) for m in pattern.finditer(text)]
    if ctx.people:
        people = re.compile(r"\b(?:" + "|".join(map(re.escape, ctx.people)) + r")\b")
        extra += [(m.start(), m.end(), ctx.people[m.group()], m.group()) for m in people.finditer(text)]
    for a, b, side, word in sorted(extra, key=lambda c: (c[0], -(c[1] - c[0]))):
        if not any(taken[a:b]):
            cues.append((a, b, side, word))
            taken[a:b] = b"\x01" * (b - a)
    return sorted(cues)


def _mentions_in(ctx: _Context, start: int, end: int) -> list[Mention]:
    """The document's mentions inside text[start:end], in text order."""
    if ctx.mention_starts is None:
        ctx.mentions = sorted(ctx.doc.mentions, key=lambda m: m.start)
        ctx.mention_starts = [m.start for m in ctx.mentions]
    lo, hi = bisect_left(ctx.mention_starts, start), bisect_left(ctx.mention_starts, end)
    return [m for m in ctx.mentions[lo:hi] if m.end <= end]


def _side_cues(ctx: _Context, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The document's side words inside text[start:end] (memoised per span: every
    trigger of a sentence asks for the same)."""
    found = ctx.span_cues.get((start, end))
    if found is None:
        if ctx.cues is None:
            ctx.cues = _document_cues(ctx)
            ctx.cue_starts = [c[0] for c in ctx.cues]
        lo, hi = bisect_left(ctx.cue_starts, start), bisect_left(ctx.cue_starts, end)
        found = ctx.span_cues[(start, end)] = [c for c in ctx.cues[lo:hi] if c[1] <= end]
    return found


def _names_territory(ctx: _Context, cue_end: int, end: int) -> bool:
    """Whether the side word ending at ``cue_end`` qualifies territory ("Russian territory")."""
    key = (cue_end, end)
    flag = ctx.territory.get(key)
    if flag is None:
        flag = ctx.territory[key] = _TERRITORY_NOUN.match(ctx.doc.text, cue_end, end) is not None
    return flag


@cache
def _introduced_person() -> re.Pattern:
    """"Ukrainian Foreign Minister Andrii Sybiha", "Ukrainian foreign ministry
    spokesman Heorhii Tykhyi": a side word, up to four words, then a name right
    after a capitalised word or a person's title (geo/lexicon/titles.tsv). It
    starts with its literal words (no \\b), so the regex engine skips ahead to them."""
    titles = "|".join(re.escape(t) for t in sorted(lexicon.titles(), key=len, reverse=True) if " " not in t)
    return re.compile(r"(?P<side>Ukrainian|Ukraine's|Russian|Russia's|Kremlin)\s+(?:[\w'’-]+\s+){0,3}"
                      r"(?:[A-Z][\w-]*|" + titles + r")\s+(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][a-z]{2,})\b")


def _learn_people(ctx: _Context) -> None:
    """"Ukrainian Foreign Minister Andrii Sybiha": Sybiha is UA from here on."""
    for m in _word_matches(_introduced_person(), ctx.doc.text, joiners="_"):  # as \b: "pro-Russian" counts
        side = "UA" if m.group("side").startswith("Ukrain") else "RU"
        ctx.people.setdefault(m.group("last"), side)


def _party_side(ctx: _Context, start: int, end: int) -> str | None:
    cues = _side_cues(ctx, start, end)
    if not cues:
        return None
    # The head of a noun phrase comes last in English; the first side word
    # usually qualifies it ("Ukraine's General Staff", "Russian officials").
    return cues[0][2]


def _claimant(ctx: _Context, s: int, e: int, trigger_start: int) -> tuple[Party, str | None]:
    """Claimant of the statement at ``trigger_start`` in sentence s..e, and the reporting verb."""
    text = ctx.doc.text
    sentence = text[s:e]
    best = None
    lo = bisect_left(ctx.reporting_starts, s)
    for hit in ctx.reporting[lo:]:
        if hit.start >= e:
            break
        m_start, m_end = hit.start - s, hit.end - s
        verb = hit.text.lower()
        pos = hit.start
        if _AS_BEFORE.search(sentence, max(0, m_start - 40), m_start):
            continue  # "(as reported)", "as claimed": the outlet's hedge
        if verb in _DENY and not _DENIAL_OBJECT.match(sentence[m_end:]):
            continue  # "dismissed the commander" is no denial
        if _NEGATION_BEFORE.search(sentence, max(0, m_start - 40), m_start):
            continue  # "the briefings did not say"
        if verb == "according to":
            after_end = re.search(r"[,.;]|$", sentence[m_end:])
            np_start, np_end = s + m_end, s + m_end + after_end.start()
        else:
            before = sentence[:m_start]
            breaks = list(_CLAUSE_BREAK.finditer(before))
            np_start = s + (breaks[-1].end() if breaks else 0)
            np_end = pos
            if re.fullmatch(r"[\s.,;:!?\"”’)]*", sentence[m_end:]) and "," in text[np_start:np_end]:
                # "..., the ministry said.": the speaker follows the last comma
                np_start = text.rfind(",", np_start, np_end) + 1
            if not text[np_start:np_end].strip():
                # "..., Gerasimov said." after a quote: the name follows the verb
                tail = re.match(r"\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})", sentence[m_end:])
                if tail:
                    np_start, np_end = s + m_end + tail.start(1), s + m_end + tail.end(1)
        if best is None or abs(pos - trigger_start) < abs(best[1] - trigger_start) or pos < trigger_start <= best[1]:
            best = (verb, pos, np_start, np_end)
        if pos > trigger_start and best[1] < trigger_start:
            break
    if best is None:
        return Party(None, "author"), None
    verb, _pos, np_start, np_end = best
    if verb in ("claims", "claim"):
        # "Ukraine has denied Russian claims that ...": the denial is the frame
        deny = re.search(r"(?i)\b(denied|denies|deny|rejected|rejects|dismissed|refuted)\b(?:\s+\S+){0,3}\s*$",
                         text[np_start:np_end])
        if deny:
            verb = deny.group(1).lower()
            np_end = np_start + deny.start()
    if re.match(r"(?i)\s*(?:which|who|that)\b", text[np_start:np_end]):
        # "Deep State, which is closely tied to the ministry, reported": the head is before the clause
        prior = list(_CLAUSE_BREAK.finditer(text[s:np_start - 1]))
        np_end = np_start
        np_start = s + (prior[-1].end() if prior else 0)
        np_end = text.rfind(",", np_start, np_end) if text.rfind(",", np_start, np_end) > np_start else np_end
    lead = _LEAD_ADVERBIAL.match(text[np_start:np_end])
    if lead and lead.end() < np_end - np_start:
        np_start += lead.end()
    np_text = text[np_start:np_end].strip(" ,")
    np_text = re.sub(r"\s+(?:has|have|had|was|were|is|are|also|still|has also)$", "", np_text)
    if re.search(r"(?i)\b(?:it|he|she|they)$", np_text) and ctx.last_claimant is not None:
        return ctx.last_claimant, verb  # "Earlier in the week it assessed"
    side = _party_side(ctx, np_start, np_end)
    if side is None and ctx.last_claimant is not None and (
            re.fullmatch(r"(?i)(?:he|she|they|it|the ministry|the military|the army|officials?)", np_text)
            or not re.search(r"[A-Z]", np_text)):
        # a pronoun, or no subject at all ("..., but days ago also acknowledged"): the last speaker
        return ctx.last_claimant, verb
    if side is None:
        side = "third" if np_text else "author"
    party = Party(np_text or None, side, (np_start, np_end) if np_text else None)
    return party, verb


def _post_author(ctx: _Context, s: int) -> Party | None:
    """An embedded post's author line ("— Andrii Sybiha (@andrii_sybiha) ...") at most two
    lines after the sentence."""
    text = ctx.doc.text
    if ctx.posts is None:  # found once per document
        ctx.posts = list(_POST_LINE.finditer(text))
    for m in ctx.posts:
        if m.start() < s:
            continue
        if text.count("\n", s, m.start()) > 2:
            return None
        name = m.group("name").strip()
        side = _party_side(ctx, m.start("name"), m.end("name"))
        last = name.split()[-1] if name.split() else name
        side = side or ctx.people.get(last)
        return Party(name, side, (m.start("name"), m.end("name"))) if side else None
    return None


def _actor(ctx: _Context, s: int, e: int, trig: _Hit, claimant: Party, claimant_span) -> Party | None:
    text = ctx.doc.text
    t0, t1 = trig.start, trig.end
    cues = [c for c in _side_cues(ctx, s, e)
            if not (claimant_span and claimant_span[0] <= c[0] < claimant_span[1])
            and not _names_territory(ctx, c[1], e)]
    inside = [c for c in cues if t0 <= c[0] < t1]
    if inside:  # "repelled 75 Russian attacks", "repel Russia's incursion"
        c = inside[0]
        return Party(c[3], c[2], (c[0], c[1]))
    after = text[t1:e]
    by = re.match(r"\s+(?:\w+\s+){0,6}?by\s+(?:the\s+)?", after) if "by" in after else None
    if by:
        for c in cues:
            if t1 + by.end() <= c[0] <= t1 + by.end() + 5:
                return Party(c[3], c[2], (c[0], c[1]))
    before_clause = text[s:t0]
    breaks = list(_CLAUSE_BREAK.finditer(before_clause))
    clause_start = s + (breaks[-1].end() if breaks else 0)
    near = text[max(clause_start, t0 - 60):t0]
    pron = list(_PRONOUN_POSSESSIVE.finditer(near))
    enemy = list(_ENEMY.finditer(near))
    subject = [c for c in cues if clause_start <= c[0] < t0]
    if subject:
        c = subject[-1]
        if not pron or (max(clause_start, t0 - 60) + pron[-1].start()) < c[0]:
            return Party(c[3], c[2], (c[0], c[1]))
    if enemy and claimant.side in ("UA", "RU"):
        return Party(enemy[-1].group(), "RU" if claimant.side == "UA" else "UA")
    if enemy:
        return Party(enemy[-1].group(), "RU")
    if pron and claimant.side in ("UA", "RU"):
        m = pron[-1]
        a = max(clause_start, t0 - 60) + m.start()
        return Party(m.group(), claimant.side, (a, a + len(m.group())))
    # "liberated from Ukrainian forces": the other side took it
    frm = re.match(r"\s+(?:\w+\s+){0,4}?from\s+(?:the\s+)?", after) if "from" in after else None
    if frm:
        for c in cues:
            if t1 + frm.end() <= c[0] <= t1 + frm.end() + 5:
                return Party(None, "RU" if c[2] == "UA" else "UA")
    earlier = [c for c in cues if c[0] < t0]
    if earlier:
        c = earlier[-1]
        return Party(c[3], c[2], (c[0], c[1]))
    if claimant.side in ("UA", "RU"):
        return Party(None, claimant.side)
    later = [c for c in cues if c[0] >= t1]
    if later:
        c = later[0]
        return Party(c[3], c[2], (c[0], c[1]))
    return None


def _status(claimant: Party, actor: Party, predicate: str, verb: str | None) -> str:
    if verb in _DENY:
        return "denied"
    if verb in _ASSESS and claimant.side != "author":
        return "assessed"
    if claimant.side in ("author", "third"):
        return "reported"
    favourable = (actor.side == claimant.side) != (predicate == "loss")
    return "claimed" if favourable else "acknowledged"


_WORD_START = re.compile(r"\b\w")
# Run on the lower-cased sentence, case-sensitively (faster than IGNORECASE).
_NUMBER_START = re.compile(r"(?<![\d,.])\d|\b(?:" + "|".join(sorted({w.split()[-1] if w.startswith("a ") else w.split()[0]
                                                                    for w in _NUMBER_WORDS})) + r")\b")
_NUMBER_START_ANY_CASE = re.compile(_NUMBER_START.pattern, re.IGNORECASE)


# Substrings every unit of _QUANTITY contains; lower-case "in" tests are far
# cheaper than a case-insensitive regex over the sentence.
_UNIT_HINTS = ("settlement", "localit", "population cent", "village", "town", "square", "sq", "km", "kilomet",
               "position")


def _quantity(sentence: str) -> Quantity | None:
    low = sentence.lower()
    if not any(hint in low for hint in _UNIT_HINTS):
        return None  # no unit, no quantity (most sentences)
    # The full pattern is tried only a few characters before each number: searching
    # it from every position of every sentence was the extractor's slowest step.
    m = None
    numbers = _NUMBER_START.finditer(low) if len(low) == len(sentence) else _NUMBER_START_ANY_CASE.finditer(sentence)
    for hit in numbers:
        w0 = max(0, hit.start() - 14)
        starts = [w.start() for w in _WORD_START.finditer(sentence, w0, hit.start())] + [hit.start()]
        for start in starts:  # earliest first, so "more than 1,000" keeps its "more than"
            m = _QUANTITY.match(sentence, start)
            if m and m.start("num") <= hit.start() < m.end("num"):
                break
            m = None
        if m:
            break
    if not m:
        return None
    raw = m.group("num").lower()
    value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(re.sub(r"[,\s]", "", raw))
    unit_word = m.group("unit").lower()
    unit = next(u for prefix, u in _UNIT if unit_word.startswith(prefix))
    approx = _APPROX.get((m.group("approx") or "").lower(), "exact")
    if (m.group("approx") or "").lower() == "over" and re.search(r"(?i)\bcontrol\s*$", sentence[:m.start("approx")]):
        approx = "exact"  # "regained control over 400 square kilometres": a preposition
    return Quantity(int(value) if value.is_integer() else value, unit, approx)


def _date_of(m: re.Match, doc_date: date | None) -> date | None:
    try:
        if m.group("wd"):
            if doc_date is None:
                return None
            target = lexicon.WEEKDAYS.index(m.group("wd").lower())
            back = (doc_date.weekday() - target) % 7
            return doc_date - timedelta(days=back)
        if m.group("md"):
            month_word, day, year = m.group("md"), int(m.group("d1")), m.group("y1")
        else:
            month_word, day, year = m.group("m2"), int(m.group("d2")), m.group("y2")
        month = next(i + 1 for i, name in enumerate(lexicon.MONTHS) if month_word.lower().startswith(name[:3]))
        if year:
            return date(int(year), month, day)
        if doc_date is None:
            return None
        guess = date(doc_date.year, month, day)
        return guess if guess <= doc_date + timedelta(days=1) else date(doc_date.year - 1, month, day)
    except ValueError:
        return None


# Every date _DATE reads names a month or a weekday.
_DATE_HINTS = tuple(m[:3] for m in lexicon.MONTHS) + lexicon.WEEKDAYS


def _times(sentence: str, doc_date: date | None) -> tuple[str | None, str | None]:
    since = on = None
    low = sentence.lower()
    if not any(hint in low for hint in _DATE_HINTS):
        return since, on
    # The lower-case pattern on the lower-cased sentence is four times faster than
    # a case-insensitive one; offsets agree unless lower-casing changed the length.
    dates = _DATE_LOWER.finditer(low) if len(low) == len(sentence) else _DATE.finditer(sentence)
    for m in dates:
        d = _date_of(m, doc_date)
        if d is None:
            continue
        before = sentence[max(0, m.start() - 12):m.start()]
        if _SINCE.search(before) and since is None:
            since = d.isoformat()
        elif _ON.search(before) and on is None:
            on = d.isoformat()
    return since, on


def dominant_region(doc: Document, g: Gazetteer) -> Mention | None:
    """A mention standing for the admin-1 region most of the document's places lie in."""
    votes: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in doc.mentions:
        p = m.place
        if not _may_be_claimed(doc.text, m, 0) or p.level not in ("settlement", "admin2", "admin1") \
                or not p.admin1_code:
            continue
        votes[p.admin1_code] = votes.get(p.admin1_code, 0) + (2 if p.level == "admin1" else 1)
        first.setdefault(p.admin1_code, m)
    if not votes:
        return None
    code = max(votes, key=lambda k: (votes[k], -first[k].start))
    row = g.admin1_row(code)
    if row is None:
        return None
    return Mention(-1, -1, g.place(row).name, g.place(row), (), "place", doc.id)


def focus_settlement(doc: Document) -> Mention | None:
    """The settlement the document names most often (first named wins a tie), if any is named twice."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in doc.mentions:
        if _may_be_claimed(doc.text, m, 0) and m.place.level == "settlement":
            counts[m.place.id] = counts.get(m.place.id, 0) + 1
            first.setdefault(m.place.id, m)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k].start))
    return first[best] if counts[best] >= 2 else None


# "territory equivalent to half the size of London": a yardstick, not a place claimed
# ("in the area of Robotyne" is military usage for where: not a yardstick)
_YARDSTICK = re.compile(r"(?i)\bsize\s+of\s+(?:the\s+)?$|\bas\s+(?:big|large)\s+as\s+$|"
                        r"\b(?:larger|bigger|smaller)\s+than\s+$")
# "captured the city", "the village was retaken": a town named in an earlier sentence
_THE_TOWN = re.compile(r"\b[Tt]he\s+(?:city|town|village|settlement)\b(?!\s+of\b)")
ANTECEDENT_CHARS = 400  # about three sentences back


def _names_a_river(text: str, m: Mention) -> bool:
    """"the Dnipro River", "the River Seym": the gazetteer holds no rivers, so the
    mention resolves to a town of the river's name, which may lie far from where
    the claim is (Dnipro city, from "crossed the Dnipro River near Kherson")."""
    return next_word(text, m.end).lower() in ("river", "rivers") or previous_word(text, m.start).lower() == "river"


def _may_be_claimed(text: str, m: Mention, start: int) -> bool:
    """A place mention that may be where a claim is: not a yardstick ("the size of
    London"), the start of an outlet's name or a river's. ``start`` bounds the look-behind."""
    return (m.role == "place" and m.place is not None
            and not _YARDSTICK.search(text, max(start, m.start - 30), m.start)
            and not begins_outlet_name(text, m.end) and not _names_a_river(text, m))


def _containers(text: str, mentions: list[Mention]) -> set[int]:
    """Indexes of the region mentions that only locate a town named right before
    them, in it ("Sudzha, Kursk", "Sudzha in the Kursk region", ``geo.resolution.glued``):
    the claim is about the town, not the whole region."""
    out = set()
    for k in range(1, len(mentions)):
        m, town = mentions[k], mentions[k - 1]
        if (m.place.level == "admin1" and town.place.level == "settlement"
                and town.place.admin1_code == m.place.admin1_code and glued(text, town, m)):
            out.add(k)
    return out


def _places(ctx: _Context, s: int, e: int, actor_span, claimant_span, region: Mention | None,
            focus: Mention | None) -> tuple[ClaimPlace, ...]:
    own = [m for m in _mentions_in(ctx, s, e) if _may_be_claimed(ctx.doc.text, m, s)
           and not (claimant_span and claimant_span[0] <= m.start < claimant_span[1])]
    located = _containers(ctx.doc.text, own)
    own = [m for k, m in enumerate(own) if k not in located]
    local = [m for m in own if m.place.level != "country"]
    chosen = local or [m for m in own if not (actor_span and m.start == actor_span[0])
                       and not (claimant_span and claimant_span[0] <= m.start < claimant_span[1])]
    out = [ClaimPlace(m.place, m.surface, (m.start, m.end)) for m in chosen]
    if not local and _THE_TOWN.search(ctx.doc.text, s, e):
        # "... in Melitopol, Zaporizhia. Russian forces captured the city.": the town named last
        lo = max(0, s - ANTECEDENT_CHARS)
        before = [m for m in _mentions_in(ctx, lo, s) if _may_be_claimed(ctx.doc.text, m, lo)
                  and m.place.level == "settlement"]
        if before:
            m = before[-1]
            out.append(ClaimPlace(m.place, m.surface, (m.start, m.end), inferred=True))
            local = [m]
    if not any(m.place.level == "settlement" for m in local) and focus is not None:
        # Only regions or nothing named here: the town the document is about, inferred.
        if not local or any(m.place.admin1_code == focus.place.admin1_code for m in local):
            out.append(ClaimPlace(focus.place, focus.surface, None, inferred=True))
    if not local and region is not None:
        out.append(ClaimPlace(region.place, region.surface, None, inferred=True))
    seen, unique = set(), []
    for p in out:
        if p.place.id not in seen:
            seen.add(p.place.id)
            unique.append(p)
    return tuple(unique)


def extract_claims(document: Document, *, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Every claim of control, capture, advance or loss in a parsed ``geo.Document``."""
    text = document.text
    # One pass over the text for triggers and reporting verbs, then per sentence.
    triggers, reporting = scan(text)
    if not triggers:
        return []  # no word of control, capture, advance or loss: nothing more to read
    g = gazetteer or Gazetteer.load()
    ctx = _Context(document, {})
    ctx.reporting = reporting
    _learn_people(ctx)
    doc_date = None
    if document.date:
        try:
            doc_date = date.fromisoformat(document.date[:10])
        except ValueError:
            doc_date = None
    region = dominant_region(document, g)
    focus = focus_settlement(document)
    claims: list[Claim] = []
    trigger_starts = [h.start for h in triggers]
    ctx.reporting_starts = [h.start for h in ctx.reporting]
    for s, e in sentences(text):
        i, j = bisect_left(trigger_starts, s), bisect_left(trigger_starts, e)
        r = bisect_left(ctx.reporting_starts, s)
        has_verb = r < len(ctx.reporting_starts) and ctx.reporting_starts[r] < e
        if i == j and not has_verb:
            continue
        sentence = text[s:e]
        found = []
        local_place = None
        for trig in triggers[i:j]:
            if _IRREALIS.search(text, max(s, trig.start - 45), trig.start):
                continue
            background = False
            if _NOMINAL.match(trig.text):
                if local_place is None:
                    local_place = any(m.role == "place" and m.place is not None and m.place.level != "country"
                                      for m in _mentions_in(ctx, s, e))
                # "Ukraine's attack on Russia is historic": background, unless someone asserts it
                background = not local_place
            if _ADJECTIVAL.match(text, trig.start, e):
                continue
            if trig.text.lower().startswith("attack") and _STRIKE_BEFORE.search(text, max(s, trig.start - 25),
                                                                                 trig.start):
                continue
            if trig.kind in ("loss", "capture") and (_NOT_TERRITORY.match(text, trig.end, e)
                                                     or _CASUALTY_BEFORE.search(text, max(s, trig.start - 70),
                                                                                trig.start)):
                continue
            if found and trig.kind == "control" and found[-1][1] == "capture" \
                    and trig.start - found[-1][0].end < 25:
                continue  # "seized control over": one capture
            found.append((trig, trig.kind, background))
        if not found:
            claimant, _verb = _claimant(ctx, s, e, e)
            if claimant.side in ("UA", "RU"):
                ctx.last_claimant = claimant
            continue
        if any(k in ("capture", "loss") and not _NOMINAL.match(t.text) for t, k, _b in found):
            # "As a result of offensive operations, forces liberated Novoye": the outcome is the statement
            found = [f for f in found if not _NOMINAL.match(f[0].text) or f[1] != "advance"] or found
        post = _post_author(ctx, s)
        seen = set()
        since, on = _times(sentence, doc_date)
        quantity = _quantity(sentence)
        for trig, predicate, background in found:
            claimant, verb = _claimant(ctx, s, e, trig.start)
            if claimant.side == "author" and post is not None:
                claimant, verb = post, "wrote"
            if background and claimant.side in ("author", "third"):
                continue
            actor = _actor(ctx, s, e, trig, claimant, claimant.span)
            if actor is None or actor.side not in ("UA", "RU"):
                continue
            status = _status(claimant, actor, predicate, verb)
            key = (predicate, actor.side, claimant.side, status)
            if key in seen:
                continue
            seen.add(key)
            claims.append(Claim(
                doc_id=document.id,
                span=(s, e),
                evidence=sentence,
                claimant=claimant,
                actor=actor,
                predicate=predicate,
                status=status,
                places=_places(ctx, s, e, actor.span, claimant.span, region, focus),
                trigger=(trig.start, trig.end),
                quantity=quantity,
                since=since,
                on=on,
            ))
            if status == "denied":
                # "Ukraine denied Russian claims that it was forced out": the denied claim too
                inner = re.search(r"\b(Russian|Ukrainian|Russia's|Ukraine's|Moscow's|Kyiv's)\s+claims?\b", sentence)
                if inner:
                    side = "UA" if inner.group(1).startswith(("Ukrain", "Kyiv")) else "RU"
                    other = Party(inner.group(1), side, (s + inner.start(1), s + inner.end(1)))
                    claims.append(Claim(document.id, (s, e), sentence, other, actor, predicate,
                                        _status(other, actor, predicate, "claimed"),
                                        claims[-1].places, claims[-1].trigger, claims[-1].quantity, since, on))
            if claimant.side in ("UA", "RU"):
                ctx.last_claimant = claimant
    return claims
