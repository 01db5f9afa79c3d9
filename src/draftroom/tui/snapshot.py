"""What the screens show of one negotiation at one moment: the text and its proposals, read-only.

Built by `room.Room` from the workflow's answers; screens never reach past it to the store.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from draftroom.model import Document

PENDING = ("proposed", "conflicting")


@dataclass(frozen=True)
class Proposal:
    """One amendment as the screens show it."""

    id: str
    kind: str  # replace | edit | insert | delete | move | compromise
    target: str | None  # paragraph id it changes (for insert: the paragraph it goes next to)
    proposers: tuple[str, ...]
    status: str
    text: str | None = None  # the paragraph's text as the proposal would make it (None for delete / move)
    supporters: tuple[str, ...] = ()
    rationale: str = ""
    where: str = ""  # for insert / move: "after OP3"
    note: str = ""  # e.g. why it conflicts

    @property
    def pending(self) -> bool:
        return self.status in PENDING


@dataclass(eq=False)
class Snapshot:
    name: str
    document: Document
    revision: str
    proposals: list[Proposal] = field(default_factory=list)
    version: str = ""  # changes whenever the negotiation records an action

    def __post_init__(self) -> None:
        grouped: dict[str, list[Proposal]] = defaultdict(list)
        for p in self.proposals:
            if p.target:
                grouped[p.target].append(p)
        self._by_paragraph = dict(grouped)

    def on(self, paragraph_id: str) -> list[Proposal]:
        """Every proposal on a paragraph, pending first."""
        found = self._by_paragraph.get(paragraph_id, [])
        return sorted(found, key=lambda p: not p.pending)

    def pending_count(self, paragraph_id: str) -> int:
        return sum(p.pending for p in self._by_paragraph.get(paragraph_id, []))

    @property
    def pending_total(self) -> int:
        return sum(p.pending for p in self.proposals)
