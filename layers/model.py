"""Value types of the layers package: who claims what, where."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from geo.model import Place

SIDES = ("UA", "RU", "third", "author")
PREDICATES = ("control", "capture", "advance", "loss")
STATUSES = ("claimed", "acknowledged", "denied", "assessed", "reported")


@dataclass(frozen=True, slots=True)
class Party:
    """A claimant or an actor: its words in the text (or None) and its side."""

    text: str | None
    side: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """A place a claim is about: named in the sentence (``span``) or ``inferred`` from the
    document; an inferred place keeps the ``span`` where the document names it when it
    is the town an earlier sentence named ("Russian forces captured the city"), else None."""

    place: Place
    text: str | None
    span: tuple[int, int] | None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # settlement, village, town, km2, km, position
    approx: str  # exact, about, over, under


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement that some side holds, took, lost or advances on territory,
    as asserted by someone, with the document id and character spans it came from."""

    doc_id: str | None
    span: tuple[int, int]  # the sentence
    evidence: str
    claimant: Party
    actor: Party
    predicate: str
    status: str
    places: tuple[ClaimPlace, ...]
    trigger: tuple[int, int]  # the words that make it a claim ("regained control")
    quantity: Quantity | None = None
    since: str | None = None  # YYYY-MM-DD
    on: str | None = None

    @property
    def id(self) -> str:
        return f"{self.doc_id or 'doc'}:{self.span[0]}-{self.span[1]}:{self.predicate}:{self.actor.side}:{self.status}"

    def to_dict(self) -> dict:
        """JSON-ready, in the shape of the claims gold standard plus provenance."""
        data = {
            "id": self.id,
            "doc_id": self.doc_id,
            "span": list(self.span),
            "evidence": self.evidence,
            "claimant": {"text": self.claimant.text, "side": self.claimant.side,
                         "span": list(self.claimant.span) if self.claimant.span else None},
            "actor": {"text": self.actor.text, "side": self.actor.side,
                      "span": list(self.actor.span) if self.actor.span else None},
            "predicate": self.predicate,
            "status": self.status,
            "trigger": list(self.trigger),
            "places": [{"text": p.text, "span": list(p.span) if p.span else None, "inferred": p.inferred,
                        **{k: v for k, v in asdict(p.place).items()}} for p in self.places],
            "quantity": asdict(self.quantity) if self.quantity else None,
            "time": {"since": self.since, "on": self.on},
        }
        return data
