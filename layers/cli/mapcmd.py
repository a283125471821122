"""``claimmap map`` and ``claimmap export``: documents in, a map or a layer file out."""

from __future__ import annotations

import sys
from pathlib import Path

from geo.errors import UsageError

from .common import add_input_options, documents


def register(sub, name: str, help_text: str) -> None:
    if name == "overlay":
        register_overlay(sub, name, help_text)
        return
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

    claims, mentions = build_layers(documents(args), progress=None if not args.quiet else False, jobs=args.jobs)
    m = to_map(claims, mentions, group_by=args.group_by, offline=args.offline, title=args.title)
    write_map(m, args.output)
    if not args.quiet:
        print(f"claimmap: wrote {args.output} ({len(claims)} claims on places, {len(mentions)} place mentions)",
              file=sys.stderr)
    return 0


def run_export(args) -> int:
    from layers.export import FORMATS, write_stream

    _check_output(args, tuple(FORMATS))
    from layers.build import CLAIM_COLUMNS, MENTION_COLUMNS, document_rows

    # Streamed: rows go to the file as documents are parsed, so memory stays bounded.
    rows = document_rows(documents(args), jobs=args.jobs, progress=None if not args.quiet else False)
    pick = (lambda pair: pair[1]) if args.mentions else (lambda pair: pair[0])
    count = write_stream((pick(pair) for pair in rows), args.output,
                         MENTION_COLUMNS if args.mentions else CLAIM_COLUMNS,
                         layer="mentions" if args.mentions else "claims")
    if not args.quiet:
        what = "place mentions" if args.mentions else "claims on places"
        print(f"claimmap: wrote {args.output} ({count} {what})", file=sys.stderr)
    return 0


def register_overlay(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="claim exports (.geojson, .gpkg, .parquet) from claimmap export")
    p.add_argument("--reference", action="append", type=Path, default=[], metavar="CONTROL.geojson",
                   help="control-area polygons as published by DeepStateMap or ISW/CTP (repeatable)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="NAME.html")
    p.add_argument("--group-by", choices=["claimant", "side", "source"], default="claimant")
    p.add_argument("--title")
    p.add_argument("--offline", action="store_true", help="leave out the online OpenStreetMap toggle")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=run_overlay)


def run_overlay(args) -> int:
    import geopandas as gpd
    import pandas as pd

    from geo.errors import InputError
    from layers.build import CLAIM_COLUMNS
    from layers.reference import overlay_notes, read_reference, reference_layers
    from layers.webmap import to_map, write_map

    if args.output.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{args.output}: the output must end in .html")
    frames = []
    for f in args.files:
        if not f.exists():
            raise InputError(f"{f}: no such file")
        if f.resolve() == args.output.resolve():
            raise UsageError(f"{args.output} is also an input: refusing to overwrite it")
        try:
            gdf = gpd.read_parquet(f) if f.suffix.lower() == ".parquet" else gpd.read_file(f)
        except Exception as exc:  # pyogrio and pyarrow raise many kinds
            raise InputError(f"{f}: cannot read it as a layer ({type(exc).__name__})") from None
        missing = [c for c in ("claim_id", "evidence", "claimant", "claimant_side", "predicate", "status",
                               "place_name", "span_start", "span_end") if c not in gdf.columns]
        if missing:
            raise InputError(f"{f} is not a claimmap claims export (missing {', '.join(missing)})")
        frames.append(gdf.to_crs(4326) if gdf.crs else gdf.set_crs(4326))
    claims = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=4326)
    for col in CLAIM_COLUMNS:
        if col not in claims.columns:
            claims[col] = None
    for col in ("report_date", "since", "on"):
        # GeoJSON and GeoPackage readers turn date strings into timestamps; the map wants YYYY-MM-DD
        claims[col] = [None if v is None or v != v else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime")
                                                          else str(v)[:10]) for v in claims[col]]
    claims = claims.astype(object).where(claims.notna(), None).set_geometry("geometry")
    areas = [a for ref in args.reference for a in read_reference(ref)]
    if areas:
        points = [g.representative_point() if g.geom_type != "Point" else g for g in claims.geometry]
        claims["reference"] = overlay_notes(points, list(claims["report_date"]), areas)
    dates = [d for d in claims["report_date"] if isinstance(d, str)]
    layers = reference_layers(areas, max(dates) if dates else None) if areas else []
    m = to_map(claims, None, group_by=args.group_by, offline=args.offline, title=args.title, references=layers)
    write_map(m, args.output)
    if not args.quiet:
        print(f"claimmap: wrote {args.output} ({len(claims)} claims, {len(areas)} reference areas)", file=sys.stderr)
    return 0
