"""``claimmap map`` and ``claimmap export``: documents in, a map or a layer file out."""

from __future__ import annotations

import sys
from pathlib import Path

from geo.errors import UsageError

from .common import add_input_options, documents


def register(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    add_input_options(p)
    if name == "map":
        p.add_argument("-o", "--output", required=True, type=Path, metavar="NAME.html", help="the map file to write")
        p.add_argument("--group-by", choices=["claimant", "side", "source"], default="claimant",
                       help="one toggleable layer per claimant (default), side or source")
        p.add_argument("--title", help="title shown in the legend")
        p.add_argument("--offline", action="store_true", help="leave out the online OpenStreetMap toggle")
        p.set_defaults(func=run_map)
    else:
        p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                       help="output file: .geojson, .gpkg, .csv (WKT) or .parquet (GeoParquet)")
        p.add_argument("--mentions", action="store_true", help="export every place mention instead of claims")
        p.set_defaults(func=run_export)


def _check_output(args, suffixes: tuple[str, ...]) -> None:
    out = args.output
    if out.suffix.lower() not in suffixes:
        raise UsageError(f"{out}: the output must end in " + " or ".join(suffixes))
    for item in args.inputs:
        if item != "-" and Path(item).exists() and Path(item).resolve() == out.resolve():
            raise UsageError(f"{out} is also an input: refusing to overwrite it")
        if item != "-" and Path(item).is_dir() and out.resolve().is_relative_to(Path(item).resolve()) \
                and out.suffix.lower() in (".jsonl", ".txt", ".md", ".html"):
            raise UsageError(f"{out} would be written into the input folder {item}")


def run_map(args) -> int:
    _check_output(args, (".html", ".htm"))
    from layers.build import build_layers
    from layers.webmap import to_map, write_map

    claims, mentions = build_layers(documents(args), progress=None if not args.quiet else False)
    m = to_map(claims, mentions, group_by=args.group_by, offline=args.offline, title=args.title)
    write_map(m, args.output)
    if not args.quiet:
        print(f"claimmap: wrote {args.output} ({len(claims)} claims on places, {len(mentions)} place mentions)",
              file=sys.stderr)
    return 0


def run_export(args) -> int:
    from layers.export import FORMATS, write

    _check_output(args, tuple(FORMATS))
    from layers.build import build

    gdf = build(documents(args), mentions=args.mentions, progress=None if not args.quiet else False)
    write(gdf, args.output, layer="mentions" if args.mentions else "claims")
    if not args.quiet:
        what = "place mentions" if args.mentions else "claims on places"
        print(f"claimmap: wrote {args.output} ({len(gdf)} {what})", file=sys.stderr)
    return 0
