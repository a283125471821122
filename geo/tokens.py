"""Word tokens with character offsets, and where sentences start."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations with dots (U.S., D.C.), words with inner apostrophes or hyphens
# (Kurs'k, Ivano-Frankivsk), numbers, or any other single character.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|[^\W\d_](?:\w|['’‘\-](?=[^\W\d_]))*\.?"
    r"|\d+(?:[.,:]\d+)*"
    r"|\S"
)
_POSSESSIVE = ("'s", "’s")
_SENTENCE_END = {".", "!", "?", "…"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", "—", "–", "-", "«"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of ``text``; a trailing period stays on a word only for known
    abbreviations (St., Gen., and ``abbreviations`` such as "tenn."), and a
    possessive 's is split off."""
    out: list[Token] = []
    at_start = True
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        pieces = []
        if word[-1] == "." and len(word) > 1 and not (word.lower() in _ABBREVIATIONS or word.lower() in abbreviations):
            pieces = [(s, e - 1), (e - 1, e)]
        elif len(word) > 3 and word[-2:] in _POSSESSIVE and word[0].isalpha():
            pieces = [(s, e - 2), (e - 2, e)]
        else:
            pieces = [(s, e)]
        for ps, pe in pieces:
            tok = text[ps:pe]
            out.append(Token(ps, pe, tok, at_start))
            if tok in _SENTENCE_END:
                at_start = True
            elif tok in _OPENERS and at_start:
                pass  # "“Kursk is ours,” he said": the quote does not end the start
            else:
                at_start = False
        # A blank line or a line break before a capital starts a new sentence
        # (headlines, datelines, embedded posts).
        nxt = m.end()
        if nxt < len(text) and text[nxt] == "\n":
            at_start = True
    return out


_ABBREVIATIONS = {
    "st.", "ft.", "mt.", "gen.", "lt.", "col.", "sgt.", "capt.", "maj.", "adm.", "gov.", "sen.", "rep.",
    "dr.", "mr.", "mrs.", "ms.", "prof.", "rev.", "jr.", "sr.", "co.", "corp.", "inc.", "ltd.", "no.", "vs.",
    "pt.", "pres.", "dept.", "univ.", "ave.", "blvd.", "rd.", "hwy.", "cpl.", "pvt.", "sgt.", "messrs.",
}

