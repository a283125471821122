"""Options shared by the commands that read documents."""

from __future__ import annotations

import argparse

from layers.sources import DEFAULT_MAX_CHARS, iter_documents


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders of .txt, .md, .html, .jsonl documents, or - for standard input")
    p.add_argument("--source", help="source name for plain-text inputs (e.g. 'Russian MoD')")
    p.add_argument("--date", help="report date YYYY-MM-DD for inputs that carry none")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse documents longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--skip-bad", action="store_true", help="skip bad JSONL lines and unreadable files with a warning")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                   help="parse in N processes (same output as one; default 1)")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError("must be between 1 and 64")
    return value


def documents(args):
    return iter_documents(args.inputs, source=args.source, date_value=args.date, max_chars=args.max_chars,
                          skip_bad=args.skip_bad)
