"""The ``claimmap`` command: a thin layer over importable functions.

Each subcommand lives in its own module with ``register(subparsers)``; the
module is imported only when its command runs, so ``claimmap geocode`` does
not pay for geopandas. Every ``ClaimmapError`` becomes one line on stderr and
its exit code; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from geo.errors import ClaimmapError

COMMANDS = {
    "map": ("layers.cli.mapcmd", "documents in, a self-contained offline map of who claims what, where"),
    "export": ("layers.cli.mapcmd", "documents in, claims (or place mentions) as GeoJSON, GeoPackage, CSV or GeoParquet"),
    "geocode": ("layers.cli.geocode", "find places by name (offline, or an online service)"),
    "reverse": ("layers.cli.geocode", "nearest settlement, region and country of a coordinate"),
    "gazetteer": ("layers.cli.gazetteer", "build or inspect the offline gazetteer index"),
    "overlay": ("layers.cli.mapcmd", "several claim exports and reference control maps (DeepState, ISW) on one map"),
    "extract": ("layers.cli.extract", "list the control claims in documents (text or JSON lines)"),
    "eval": ("layers.cli.eval", "measure accuracy on gold corpora (prints numbers)"),
}


def _parser(wanted: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimmap",
        description="Who claims to control what, where: places and control claims from news text, on offline maps.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        if wanted in COMMANDS and name != wanted:
            sub.add_parser(name, help=help_text)  # listed, not loaded
            continue
        importlib.import_module(module).register(sub, name, help_text)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ClaimmapError as exc:
        print(f"claimmap: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("claimmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
