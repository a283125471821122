"""Name keys that survive case, diacritics, apostrophes, hyphens and romanisation.

Two keys per name:

``fold(name)``
    lower-case ASCII letters and digits only. Latin, Cyrillic and Greek names are
    transliterated (``Суджа`` -> ``sudzha``, ``Sudža`` -> ``sudza``,
    ``Kurs'k`` -> ``kursk``); names in other scripts keep their own letters, so a
    Chinese or Arabic alternate never turns into a random Latin string that
    could match English words.

``skeleton(key)``
    a coarser key over a folded key that merges common romanisation variants of
    Slavic names (``tz``/``ts``/``c``, ``kh``/``h``, ``y``/``i``/``j``, doubled
    letters, ``w``/``v``): ``donetzk`` and ``donetsk`` share one skeleton. Matches on
    it rank below exact and alternate names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Characters outside the scripts that transliterate well to ASCII: Latin (with
# extensions and diacritics), Greek, Cyrillic, and typographic punctuation.
_OTHER_SCRIPT = re.compile("[^\u0000-\u052f\u1e00-\u1eff\u2000-\u206f]")
_ASCII_DROP = {c: None for c in range(128) if not chr(c).isalnum()}


def fold(name: str) -> str:
    """Exact-match key of a name: see the module docstring. May return ''."""
    if name.isascii():
        return name.lower() if name.isalnum() else name.lower().translate(_ASCII_DROP)
    if not _OTHER_SCRIPT.search(name):
        return _NON_ALNUM.sub("", unidecode(name).lower())
    # Other scripts: keep letters and digits of any script, drop the rest.
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum())


# Ordered rewrites, longest first; each merges spellings that English, German,
# French and Polish romanisations of the same Slavic sound produce. A pattern
# runs only on keys holding a letter every match of it holds (most keys hold no
# "z" or "kh", and the test costs a fraction of a pattern's scan); literal
# rewrites are plain replacements, which give the same result.
_SOUND_S = re.compile(r"shch|szcz|sch|sh|sz|tsch|tch|ch|cz")
_SOUND_Z = re.compile(r"dzh|zh|dz")
_SOUND_C = re.compile(r"tz|ts|tc")
# A letter that the same letter follows: deleting those merges every doubled
# letter (a pattern without groups is replaced without a template per match).
_DOUBLED = re.compile(r"(.)(?=\1)")


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Romanisation-insensitive key of a folded key (``fold`` output)."""
    if not key.isascii():
        return key
    if "h" in key or "z" in key:
        key = _SOUND_S.sub("s", key)
        if "z" in key:
            key = _SOUND_Z.sub("z", key)
        key = key.replace("kh", "h")
    if "t" in key:
        key = _SOUND_C.sub("c", key)
    key = key.replace("ck", "k").replace("q", "k").replace("ph", "f").replace("w", "v").replace("x", "ks")
    key = _DOUBLED.sub("", key.replace("y", "i").replace("j", "i"))
    # A trailing soft vowel (Zaporizhzhia / Zaporozhye, -ske / -skoye) is noise.
    return key[:-1] if len(key) > 4 and key[-1] in "aeiou" and key[-2] in "ieao" else key


REGION_WORDS = (
    "oblast",
    "oblasti",
    "region",
    "province",
    "state",
    "krai",
    "kray",
    "republic",
    "governorate",
    "district",
    "prefecture",
    "county",
    "territory",
    "okrug",
)
"""Words that turn a name into an admin-1 query ("Kursk Oblast", "Kursk region")."""

_REGION_SUFFIX = re.compile(r"^(?P<base>.+?)(?:" + "|".join(REGION_WORDS) + r")$")


def split_region_suffix(key: str) -> tuple[str, bool]:
    """``kurskoblast`` -> (``kursk``, True); ``kursk`` -> (``kursk``, False)."""
    match = _REGION_SUFFIX.match(key)
    if match and len(match.group("base")) >= 3:
        return match.group("base"), True
    return key, False


# Ukraine's official romanisation (Cabinet of Ministers resolution 55, 2010),
# which Ukrainian and most English sources use since 2014: Г is "h", И is "y".
# unidecode follows Russian conventions ("Golubivs'ke" for Голубівське).
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu", "я": "ia", "ь": "", "'": "", "’": "", "ʼ": "",
}


def romanize_uk(text: str) -> str:
    """Ukrainian Cyrillic in the official romanisation: Голубівське -> Holubivske."""
    out = []
    at_word_start = True
    for ch in text:
        low = ch.lower()
        if low in _UK:
            latin = _UK_INITIAL.get(low, _UK[low]) if at_word_start else _UK[low]
            # "зг" is "zgh" so that it is not read as "zh"
            if low == "г" and out and out[-1].lower().endswith("z"):
                latin = "gh"
            out.append(latin.capitalize() if ch != low and latin else latin)
            at_word_start = False
        else:
            out.append(ch)
            at_word_start = not ch.isalpha()
    return "".join(out)


# Russian in the BGN/PCGN romanisation that English news use: Малая Локня ->
# Malaya Loknya, Внезапное -> Vnezapnoye (е is "ye" at a word start or after a vowel).
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_RU_VOWELS = set("аеёиоуыэюяйъь")


def romanize_ru(text: str) -> str:
    """Russian Cyrillic in BGN/PCGN style: Малая Локня -> Malaya Loknya."""
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in _RU:
            latin = _RU[low]
            if low == "е" and (not prev or prev in _RU_VOWELS or not prev.isalpha()):
                latin = "ye"
            out.append(latin.capitalize() if ch != low and latin else latin)
        else:
            out.append(ch)
        prev = low
    return "".join(out)
