"""Read input documents: files and folders of .txt, .md, .html and .jsonl, or stdin.

Every document becomes a ``SourceDocument`` (text plus id, title, date, source,
url). Markdown and text files may open with a front-matter block (``---`` lines
with ``key: value``); plain text without a date gets one from a dateline or a
trailing timestamp when present ("Mon, 09/16/2024 – 15:25", "KYIV, Aug 12,
2024 —"). Bad input raises ``InputError`` naming the file (and line); with
``skip_bad`` it is reported through ``warn`` and skipped instead.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.lexicon import MONTHS

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
META_KEYS = ("id", "title", "date", "source", "url")
DEFAULT_MAX_CHARS = 5_000_000


@dataclass(frozen=True)
class SourceDocument:
    """A document's text and where it came from."""

    text: str
    id: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    path: str | None = None  # the file it was read from (and :line for JSONL)


def _warn_stderr(message: str) -> None:
    print(f"claimmap: warning: {message}", file=sys.stderr)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*\n", re.DOTALL)
_MONTHS = [m[:3] for m in MONTHS]
_MONTH_WORD = "|".join(m.capitalize() for m in _MONTHS)  # "Sep" also starts "Sept"
# "Mon, 09/16/2024 – 15:25" (US order), "16.09.2024", "2024-09-16"
_NUMERIC_DATE = re.compile(r"\b(?:(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})|"
                           r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b")
_WORD_DATE = re.compile(rf"\b(?:(?P<mon>{_MONTH_WORD})[a-z]*\.?\s+(?P<d>\d{{1,2}}),?\s+"
                        rf"(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH_WORD})"
                        rf"[a-z]*\.?,?\s+(?P<y2>\d{{4}}))\b")


def _valid(y: str, m: str | int, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def _month(word: str) -> int:
    return _MONTHS.index(word[:3].lower()) + 1


def detect_date(text: str) -> str | None:
    """A dateline in the first lines or a timestamp in the last ones, as YYYY-MM-DD."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    for chunk in (lines[-3:][::-1], lines[:3]):
        for line in chunk:
            if len(line) > 200:
                continue
            m = _NUMERIC_DATE.search(line)
            if m:
                if m.group("y"):
                    found = _valid(m.group("y"), m.group("m"), m.group("d"))
                elif m.group("y2"):
                    found = _valid(m.group("y2"), m.group("m2"), m.group("d2"))
                else:
                    found = _valid(m.group("y3"), m.group("m3"), m.group("d3"))
                if found:
                    return found
            m = _WORD_DATE.search(line)
            if m:
                if m.group("y"):
                    found = _valid(m.group("y"), _month(m.group("mon")), m.group("d"))
                else:
                    found = _valid(m.group("y2"), _month(m.group("mon2")), m.group("d2"))
                if found:
                    return found
    return None


def normalise_date(value, where: str) -> str | None:
    """``value`` (YYYY-MM-DD or a full ISO timestamp) as YYYY-MM-DD, or an InputError."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    found = _valid(text[:4], text[5:7], text[8:10]) if re.match(r"\d{4}-\d{2}-\d{2}", text) else None
    if found is None:
        raise InputError(f"{where}: date {text!r} is not YYYY-MM-DD")
    return found


def _split_front_matter(raw: str) -> tuple[dict, str]:
    m = _FRONT_MATTER.match(raw)
    if not m:
        return {}, raw
    meta = {}
    for line in m.group("body").splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip().lower()] = value
    return meta, raw[m.end():]


def _decode(data: bytes, name: str, warn: Callable[[str], None]) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} does not look like text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(f"{name} is not valid UTF-8: undecodable bytes replaced")
        return data.decode("utf-8", errors="replace")


def _html_text(raw: str, name: str) -> tuple[dict, str]:
    import trafilatura

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if not extracted:
        return {}, ""
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    meta = {k: data.get(k) for k in ("title", "date", "url") if data.get(k)}
    if data.get("sitename"):
        meta["source"] = data["sitename"]
    text = data.get("text") or ""
    if meta.get("title") and not text.startswith(meta["title"]):
        text = meta["title"] + "\n" + text
    return meta, text


def _check_text(text: str, where: str, max_chars: int) -> None:
    if not text.strip():
        raise InputError(f"no text in {where}")
    if len(text) > max_chars:
        raise InputError(f"{where} has {len(text):,} characters: over the limit of {max_chars:,} (--max-chars)")


def _document(text: str, meta: dict, default_id: str, where: str, defaults: dict) -> SourceDocument:
    date_value = meta.get("date") or defaults.get("date")
    doc_date = normalise_date(date_value, where) if date_value else detect_date(text)
    return SourceDocument(
        text=text,
        id=str(meta.get("id") or default_id),
        title=(meta.get("title") or None) and str(meta["title"]),
        date=doc_date,
        source=str(meta.get("source") or defaults.get("source") or "") or None,
        url=(meta.get("url") or None) and str(meta["url"]),
        path=where,
    )


def read_file(path: Path, *, defaults: dict | None = None, max_chars: int = DEFAULT_MAX_CHARS,
              skip_bad: bool = False, warn: Callable[[str], None] = _warn_stderr) -> Iterator[SourceDocument]:
    """Documents of one file (one, or one per JSONL line)."""
    defaults = defaults or {}
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, defaults, max_chars, skip_bad, warn)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    raw = _decode(data, name, warn)
    if suffix in HTML_SUFFIXES:
        meta, text = _html_text(raw, name)
    else:
        meta, text = _split_front_matter(raw)
    _check_text(text, name, max_chars)
    yield _document(text, meta, path.stem, name, defaults)


def _read_jsonl(path: Path, defaults: dict, max_chars: int, skip_bad: bool,
                warn: Callable[[str], None]) -> Iterator[SourceDocument]:
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    good = 0
    with fh:
        for n, line in enumerate(fh, 1):
            where = f"{name}:{n}"
            if not line.strip():
                continue
            try:
                row = json.loads(_decode(line, where, warn))
                if not isinstance(row, dict):
                    raise InputError(f"{where}: a line must be a JSON object")
                if not isinstance(row.get("text"), str):
                    raise InputError(f"{where}: no 'text' string")
                _check_text(row["text"], where, max_chars)
                doc = _document(row["text"], row, f"{path.stem}-{n}", where, defaults)
            except json.JSONDecodeError as exc:
                error = InputError(f"{where}: not JSON ({exc.msg})")
                if not skip_bad:
                    raise error from None
                warn(f"{error} (skipped)")
                continue
            except InputError as error:
                if not skip_bad:
                    raise
                warn(f"{error} (skipped)")
                continue
            good += 1
            yield doc
    if good == 0 and not skip_bad:
        raise InputError(f"no documents in {name}")


def iter_documents(inputs: list[str], *, source: str | None = None, date_value: str | None = None,
                   max_chars: int = DEFAULT_MAX_CHARS, skip_bad: bool = False,
                   warn: Callable[[str], None] = _warn_stderr, stdin=None) -> Iterator[SourceDocument]:
    """Documents of every input path (files, folders, or "-" for stdin), streamed in order.

    A lone unreadable input is an error; among several, a file without text
    or not text is skipped with a warning. Raises ``InputError`` when nothing
    readable remains.
    """
    defaults = {"source": source, "date": normalise_date(date_value, "--date") if date_value else None}
    files: list[Path | str] = []
    for item in inputs:
        if item == "-":
            files.append("-")
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or folder")
        if path.is_dir():
            # Hidden files and a folder's README (its description, not a document) are left out.
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and p.stem.lower() != "readme")
            if not found:
                raise InputError(f"{item}: no .txt, .md, .html or .jsonl documents in this folder")
            files.extend(found)
        else:
            files.append(path)
    lenient = skip_bad or len(files) > 1
    produced = 0
    for f in files:
        try:
            if f == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                raw = _decode(stream.read(), "standard input", warn)
                meta, text = _split_front_matter(raw)
                _check_text(text, "standard input", max_chars)
                docs = [_document(text, meta, "stdin", "standard input", defaults)]
            else:
                docs = read_file(f, defaults=defaults, max_chars=max_chars, skip_bad=skip_bad, warn=warn)
            for doc in docs:
                produced += 1
                yield doc
        except InputError as error:
            message = str(error)
            recoverable = message.startswith("no text in") or message.endswith("does not look like text")
            if lenient and recoverable:
                warn(f"{message} (skipped)")
                continue
            raise
    if produced == 0:
        raise InputError("no documents with text in " + ", ".join(inputs))

