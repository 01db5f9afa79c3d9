"""What the screens show of one negotiation at one moment: the text and its amendments, read-only.

Built by the room from the workflow's answers; screens never reach past it to the store.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from draftroom.model import Document
from draftroom.model.amendment import Amendment
from draftroom.model.translation import TranslationProposal


def paragraph_of(a: Amendment) -> str | None:
    """The paragraph an amendment is shown on: its target, or for an insertion the paragraph it goes next to."""
    return a.target or a.anchor


@dataclass(eq=False)
class Snapshot:
    name: str
    document: Document
    revision: str
    proposals: list[Amendment] = field(default_factory=list)
    version: str = ""  # changes whenever the negotiation records an action
    counted: bool = True  # False: the text alone, its amendments not read yet
    private: frozenset[str] = frozenset()  # ids of proposals only this clone holds (not submitted)
    facilitators: tuple[str, ...] | None = None  # who facilitates now (None: not read with this text)
    hosted: bool = False  # synced with a remote: each delegation has its own clone (private proposals)
    # the delegations' proposed wordings in other languages (a paragraph's, or a footnote's of it)
    translations: list[TranslationProposal] = field(default_factory=list)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Amendment]] = defaultdict(list)
        for a in self.proposals:
            pid = paragraph_of(a)
            if pid:
                grouped[pid].append(a)
        self._by_paragraph = dict(grouped)

    def on(self, paragraph_id: str) -> list[Amendment]:
        """Every amendment on a paragraph, pending first."""
        found = self._by_paragraph.get(paragraph_id, [])
        return sorted(found, key=lambda a: not a.pending)

    def translations_on(self, paragraph_id: str) -> list[TranslationProposal]:
        """Every proposed translation of a paragraph (or of a footnote it refers to), undecided first."""
        found = [t for t in self.translations if t.paragraph == paragraph_id]
        return sorted(found, key=lambda t: t.status != "proposed")

    def pending_count(self, paragraph_id: str) -> int:
        return sum(a.pending for a in self._by_paragraph.get(paragraph_id, []))

    @property
    def pending_total(self) -> int:
        return sum(a.pending for a in self.proposals)
