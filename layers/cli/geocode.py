"""``claimmap geocode`` and ``claimmap reverse``."""

from __future__ import annotations

import argparse
import json
import sys

from geo.errors import NoMatch, UsageError


def register(sub, name: str, help_text: str) -> None:
    if name == "geocode":
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("queries", nargs="+", metavar="QUERY", help="place names, e.g. Kursk 'Sumy Oblast' Donetzk")
        p.add_argument("--json", action="store_true", help="one JSON object per line per result")
        p.add_argument("--country", help="only these countries, ISO codes: UA,RU")
        p.add_argument("--bias", help="prefer these countries, ISO codes: UA,RU")
        p.add_argument("--limit", type=_positive, default=1, help="results per query (default 1)")
        p.add_argument("--provider", default="offline",
                       help="'offline' (default) or a geopy service name such as nominatim (needs network)")
        p.add_argument("--fallback-offline", action="store_true",
                       help="with --provider: answer from the offline gazetteer when the service fails")
        p.set_defaults(func=run_geocode)
    else:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("lat", type=float)
        p.add_argument("lon", type=float)
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=run_reverse)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _geocoder(args):
    if args.provider == "offline":
        from geo.geocoder import OfflineGeocoder

        return OfflineGeocoder()
    from geo.online import online_geocoder

    return online_geocoder(args.provider, fallback_offline=args.fallback_offline)


def _record(query: str, location) -> dict:
    raw = location.raw
    return {
        "query": query,
        "name": raw.get("name", location.address),
        "lat": round(location.latitude, 6),
        "lon": round(location.longitude, 6),
        "geonameid": raw.get("geonameid"),
        "level": raw.get("level"),
        "admin1": raw.get("admin1", ""),
        "country_code": raw.get("country_code", ""),
        "score": raw.get("score"),
        "id": raw.get("id"),
        "match": raw.get("match"),
        "population": raw.get("population"),
    }


def _human(rec: dict) -> str:
    ident = f"geonameid {rec['geonameid']}" if rec["geonameid"] else (rec["id"] or "")
    return (f"{rec['query']}: {rec['name']} | {rec['admin1'] or '-'} | {rec['country_code'] or '-'} | "
            f"{rec['lat']:.5f}, {rec['lon']:.5f} | {ident} | {rec['level']}")


def run_geocode(args) -> int:
    from geo.geocoder import check_query

    queries = [check_query(q) for q in args.queries]  # usage errors before any work
    geocoder = _geocoder(args)
    missing = 0
    for query in queries:
        found = geocoder.geocode(query, exactly_one=False, limit=args.limit,
                                 country_codes=args.country, **({"country_bias": args.bias} if args.bias else {}))
        if not found:
            print(f"no match for {query!r}", file=sys.stderr)
            missing += 1
            continue
        for location in found[: args.limit]:
            rec = _record(query, location)
            print(json.dumps(rec, ensure_ascii=False) if args.json else _human(rec))
    return 1 if missing else 0


def run_reverse(args) -> int:
    if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
        raise UsageError(f"not a coordinate: {args.lat}, {args.lon} (latitude -90..90, longitude -180..180)")
    from geo.geocoder import OfflineGeocoder

    location = OfflineGeocoder().reverse((args.lat, args.lon))
    if location is None:
        raise NoMatch(f"nothing near {args.lat}, {args.lon}")
    rec = _record(f"{args.lat},{args.lon}", location)
    rec["distance_km"] = location.raw.get("distance_km")
    print(json.dumps(rec, ensure_ascii=False) if args.json else _human(rec) + f" | {rec['distance_km']} km away")
    return 0
