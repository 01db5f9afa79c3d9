"""The plain records a negotiation keeps beside its text: its state, its sponsors, its actions, its revisions."""

from __future__ import annotations

from draftroom.model.revision import Revision
from draftroom.record import asdict, field, names, record

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any, Self


class Record:
    """A record stored as a JSON object; unknown keys in a file are ignored (newer versions)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Self:
        return cls(**{k: d[k] for k in names(cls) if k in d})


@record
class NegotiationState(Record):
    """negotiation.json: what the negotiation is, apart from the text."""

    name: str
    created: str  # ISO date
    facilitator: str | None = None
    tabled: str | None = None  # ISO date the draft was tabled; None while informal
    revision: int = 0  # the latest revision cut: 0 = base text


@record
class Sponsor(Record):
    """One sponsor: `iso3` is the Member State table's key (None when the name could not be resolved)."""

    name: str  # English short name
    iso3: str | None
    main: bool
    joined: str  # ISO date
    added_by: str | None = None


@record
class Action(Record):
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


@record
class RevisionCut(Record):
    """A revision as the negotiation cut it: its number, tag, symbol, date and commit."""

    number: int
    tag: str  # "rev-0", "rev-1"...
    symbol: str | None
    date: str  # ISO date
    commit: str

    @property
    def revision(self) -> Revision:
        return Revision(self.number)


@record
class Summary:
    """What `list` shows of one negotiation."""

    path: str
    name: str
    home: str
    symbol: str | None
    title: str
    language: str
    revision: int
    sponsor_count: int
    tabled: str | None
    facilitator: str | None
    action_count: int

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)
