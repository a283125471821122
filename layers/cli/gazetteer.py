"""``claimmap gazetteer build|info``."""

from __future__ import annotations

import sys
import time


def register(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = actions.add_parser("build", help="build the index into the cache folder (about a minute, once)")
    b.add_argument("--force", action="store_true", help="rebuild even if an index for this data exists")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=run_build)
    i = actions.add_parser("info", help="where the index is and what it holds")
    i.set_defaults(func=run_info)


def run_build(args) -> int:
    from geo import gazetteer

    start = time.perf_counter()
    folder = gazetteer.build(progress=not args.quiet and sys.stderr.isatty(), force=args.force)
    print(f"gazetteer index ready in {folder} ({time.perf_counter() - start:.1f} s)")
    return 0


def run_info(args) -> int:
    from geo import gazetteer

    folder = gazetteer.index_dir()
    built = (folder / "complete").exists()
    print(f"data version: {gazetteer.data_version()}")
    print(f"index folder: {folder} ({'built' if built else 'not built: run claimmap gazetteer build'})")
    if built:
        print(f"contents: {(folder / 'complete').read_text().strip()}")
    return 0
