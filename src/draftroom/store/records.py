"""The plain records a negotiation keeps beside its text: its state, its sponsors, its actions, its revisions."""

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class NegotiationState:
    """negotiation.json: what the negotiation is, apart from the text."""

    name: str
    created: str  # ISO date
    facilitator: str | None = None
    tabled: str | None = None  # ISO date the draft was tabled; None while informal
    revision: int = 0  # the latest revision cut: 0 = base text

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "NegotiationState":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})


@dataclass
class Sponsor:
    """One sponsor: `iso3` is the Member State table's key (None when the name could not be resolved)."""

    name: str  # English short name
    iso3: str | None
    main: bool
    joined: str  # ISO date
    added_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Sponsor":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})


@dataclass
class Action:
    """One entry of the log, read from a commit and its trailers."""

    commit: str
    when: str  # ISO 8601 with offset
    actor: str
    email: str
    action: str
    summary: str
    paragraphs: list[str] = field(default_factory=list)
    amendment: str | None = None
    revision: str | None = None  # the tag this action produced, e.g. "rev-1"
    trailers: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Revision:
    number: int
    tag: str  # "rev-0", "rev-1"...
    symbol: str | None
    date: str  # ISO date
    commit: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
