"""Closed word classes of English news that a geoparser needs (see lexicon/README.md).

Demonyms ("Russian" -> RU), seats of power used for governments ("the Kremlin"
-> Moscow), person titles ("Gen.", "Mayor") and organisation heads
("University", "Party") come from the TSV files beside this module; months,
weekdays and communication verbs are listed here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .names import fold

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Names and abbreviations of months and weekdays: no place names on their own.
MONTHS_AND_DAYS = frozenset(
    MONTHS + WEEKDAYS + tuple(m[:3] for m in MONTHS) + tuple(d[:3] for d in WEEKDAYS)
    + ("sept", "tues", "thur", "thurs")
)

# Verbs after which a capital or a country is an actor, not a location:
# "Moscow has slammed", "Washington said", "Kyiv denies".
ACTOR_VERBS = frozenset(
    "said says say has have had will would may might could should must is was accused accuses accuse "
    "slammed slams blasted blasts warned warns denied denies deny rejected rejects reject claimed claims "
    "claim announced announces demanded demands responded responds insisted insists urged urges "
    "condemned condemns called calls sees saw wants wanted hopes hoped believes believed threatened "
    "threatens agreed agrees refused refuses vowed vows stated states admitted admits acknowledged "
    "acknowledges confirmed confirms reported reports sent sends imposed imposes launched launches "
    "ordered orders issued issues signed signs asked asks expects expected considers considered "
    "retaliated retaliates protested protests summoned summons backed backs supports supported "
    "sanctioned sanctions expelled expels decided decides plans planned seeks sought".split()
)

# Words before which a capital is an actor, not a location: "a deal with Moscow", "talks
# between Kyiv and ...", "pressure on Kyiv", "urged Washington". The last word before the
# name, and the one before it when that is "with", "between", "on" or "against".
ACTOR_BEFORE = frozenset(
    "deal deals talks negotiations negotiate negotiating relations ties agreement dialogue contacts "
    "cooperation sanctions concessions urged urging accused accusing warned warning pressed "
    "blamed blaming criticised criticized".split()
)  # not "pressure": "pressure on Kyiv" is as often military, a place
ACTOR_BEFORE_LINKS = frozenset("with between on against".split())

# Words that end a news outlet's name: "the Kyiv Independent", "The Moscow Times", "Vilne Radio".
# A place before them names the outlet, not where something happened.
MEDIA_WORDS = frozenset(
    "independent times post news herald tribune journal gazette press review daily telegraph chronicle "
    "observer magazine network radio tv television broadcasting pravda izvestia".split()
)

# Words of direction that open the name of a part of a place: "South Florida",
# "Western US", "eastern Europe".
COMPASS_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western "
    "central".split()
)
# "Ukraine's east", "Russia's south-west": the possessive names a part of the place.
DIRECTION_WORDS = COMPASS_WORDS | frozenset(
    "north-east north-west south-east south-west border borders capital frontier coast "
    "interior territory territories regions region countryside outskirts side".split()
)


# Words after which a capitalised name stands for a place: "near Sakhanka", "in Kharkiv".
LOCATIVE_WORDS = frozenset("in near at outside around towards toward of from into on".split())

# Verbs of saying: a person, firm or agency does them, a town rarely ("Hartl said", "Xinhua reported").
SPEECH_VERBS = frozenset(
    "said says told tells added adds explained explains noted notes wrote writes argued argues testified "
    "stated states replied replies recalled recalls reported reports".split())


# Nouns after which a demonym names who acts, not where: "Russian forces shelled
# Donetsk" says nothing of which Donetsk; "the Russian city of Donetsk" does.
PARTY_NOUNS = frozenset(
    "forces force troops army armies military soldiers servicemen units unit officers commanders command "
    "officials official authorities government leaders leader president minister ministry diplomats "
    "spokesman spokeswoman spokesperson media outlets sources bloggers milbloggers propagandists "
    "strikes strike attack attacks attackers shelling missile missiles drone drones aircraft jets "
    "warplanes helicopters artillery tanks offensive counteroffensive advance assault assaults "
    "invasion incursion occupiers occupation rebel rebels separatist separatists militants fighters militia "
    "militiamen".split()
)


# Nouns after which a capitalised word of a minor place is a weapon's or a
# vehicle's name: "an Iskander missile", "Shahed drones", "a Leopard tank".
WEAPON_NOUNS = frozenset(
    "missile missiles rocket rockets drone drones launcher launchers howitzer howitzers tank tanks "
    "aircraft jet jets helicopter helicopters bomber bombers warship warships submarine submarines "
    "munition munitions mlrs".split()
)


# Words that end the name of a military formation: a common word inside such a
# name is the unit's, not a place ("the 810th Naval Infantry Brigade" is no
# Naval in the Philippines, "the 1st Guards Tank Army" no Tank in Pakistan).
UNIT_HEADS = frozenset(
    "brigade brigades regiment regiments division divisions battalion battalions army armies "
    "corps fleet flotilla squadron squadrons detachment detachments".split()
)


# Words that make the name before them (or after "Sea of") a sea's or an
# ocean's: "the Sea of Azov" is no village, "the Indian Ocean" not India, "the
# Baltic Sea" not the Baltic states. Rivers, canals, reservoirs and gulfs are
# left out: they run through or along the place they are named after ("the
# Sacramento River", "the New Concord Reservoir"), which then stands for them.
WATER_AFTER = frozenset(("Sea", "Ocean"))
WATER_BEFORE = ("Sea of ",)


# Direction and size adjectives, geographic and administrative common nouns and
# adjectives, and religions' adjectives: alone they are no place ("Western
# journalists", "the Gulf", "Evansville Federal Credit Union", "a Jewish family"),
# though many regions and hamlets carry such names (Brazil's Distrito Federal is
# "Federal" in Natural Earth, the Jewish Autonomous Oblast "Jewish"). Region words
# alone ("Region", "County", "City") are recognize.REGION_TAIL's.
GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest upper lower middle greater great little new old grand high mid inner outer "
    "centre center gulf bay sea ocean river lake mountain mountains valley island islands coast harbor harbour "
    "port beach desert forest park hill hills plain plains peninsula strait channel cape "
    "federal capital metro metropolitan village town "
    "jewish christian catholic orthodox protestant muslim islamic hindu buddhist sikh".split()
)


@dataclass(frozen=True)
class Demonym:
    word: str
    code: str  # ISO 3166-1 alpha-2, or ISO 3166-2 for sub-national demonyms ("US-TX")


@dataclass(frozen=True)
class Seat:
    name: str
    city: str
    country: str
    region: str = ""  # ISO 3166-2 code of the city's region, where the name alone is ambiguous


def read_rows(name: str) -> list[dict]:
    """The rows of one tab-separated lexicon file, as dicts."""
    path = LEXICON_DIR / name
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@dataclass(frozen=True)
class Area:
    """A named area made of regions or countries (lexicon/areas.tsv)."""

    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]  # ISO 3166-1 or 3166-2 codes
    point: str = ""  # a place code whose point the area takes ("continent:EU"); "": its members' centroid

    @property
    def code(self) -> str:
        """The area's place code in the gazetteer: ``area:`` and its folded name."""
        return "area:" + fold(self.name)


@cache
def areas() -> tuple[Area, ...]:
    return tuple(Area(r["name"], tuple(filter(None, r["aliases"].split("|"))), tuple(r["members"].split("|")),
                      (r.get("point") or "").strip())
                 for r in read_rows("areas.tsv"))


@cache
def demonyms() -> dict[str, Demonym]:
    """Folded demonym (singular and plural) -> Demonym."""
    out: dict[str, Demonym] = {}
    for row in read_rows("demonyms.tsv"):
        code = row["country"].strip()
        for word in (row["demonym"], row.get("plural") or ""):
            word = word.strip()
            if word and fold(word) not in out:
                out[fold(word)] = Demonym(word, code)
    return out


@cache
def seats() -> dict[str, Seat]:
    """Folded seat name -> Seat ("kremlin" -> Moscow, RU)."""
    return {fold(r["name"]): Seat(r["name"], r["city"], r["country"], (r.get("region") or "").strip())
            for r in read_rows("seats.tsv")}


@cache
def titles() -> frozenset[str]:
    """Lower-cased words that introduce a person: "gen.", "mayor", "president"."""
    return frozenset(r["word"].strip().lower() for r in read_rows("titles.tsv") if r["kind"] == "person")


@cache
def _group_names() -> tuple[str, ...]:
    return tuple(read_lines("groups.txt"))


@cache
def groups() -> frozenset[str]:
    """Folded names of armed groups and movements that are never places (lexicon/groups.txt)."""
    return frozenset(fold(name) for name in _group_names())


@cache
def group_words() -> frozenset[str]:
    """Folded words of those names: a guess that is none of them is no group's."""
    return frozenset(fold(w) for name in _group_names() for w in name.replace("-", " ").split())


def read_lines(name: str) -> list[str]:
    """The entries of a one-per-line lexicon file (``#`` starts a comment line)."""
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


@cache
def given_names() -> frozenset[str]:
    """Lower-cased common given names: the hand-written list (lexicon/given_names.txt)
    and the commonest of the US Census (given_names_census.txt, scripts/build_data.py)."""
    return frozenset(n.lower() for f in ("given_names.txt", "given_names_census.txt") for n in read_lines(f))


@cache
def country_codes3() -> frozenset[str]:
    """Lower-cased ISO 3166-1 alpha-3 codes (data/countries.tsv): the index knows
    "PAN" as Panama, but "Peter Pan" is no country."""
    with open(LEXICON_DIR.parent / "data" / "countries.tsv", encoding="utf-8") as fh:
        return frozenset(r["iso3"].lower() for r in csv.DictReader(fh, delimiter="\t") if r["iso3"])


@cache
def org_heads() -> frozenset[str]:
    """Lower-cased words that end an organisation's or facility's name: "university", "party"."""
    return frozenset(r["word"].strip().lower().rstrip(".") for r in read_rows("titles.tsv") if r["kind"] == "org")


@cache
def key_prefixes() -> frozenset[str]:
    """Every prefix of every demonym and seat key: lets a scan stop early."""
    return frozenset(k[:i] for k in (*demonyms(), *seats()) for i in range(1, len(k) + 1))
