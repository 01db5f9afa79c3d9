"""A comparison of two texts as plain data: what `draftroom.diff` computes, what renderers and the
Word redline writer read.

Pairs come in the new text's order, with deleted paragraphs where they stood in the old one.
Segments are `(op, text)` with op "equal", "insert" or "delete"; equal text is given as the new side
writes it (footnote references in the new numbering), deleted text as the old side wrote it.
"""

from collections import Counter

from draftroom.record import field, record

PAIR_STATUSES = ("unchanged", "changed", "moved", "inserted", "deleted")
Segment = tuple[str, str]


@record
class Change:
    """One aligned pair of paragraphs (or footnotes), or a lone inserted or deleted one."""

    old: str | None  # label on the old side ("PP2", "OP5(a)", "title"; a footnote's number)
    new: str | None
    status: str  # one of PAIR_STATUSES
    similarity: float  # 0..1, share of the text the two sides have in common
    segments: list[Segment] = field(default_factory=list)
    old_mark: str = ""  # the printed number or marker on the old side: "5.", "(a)"; "" if none
    new_mark: str = ""
    old_index: int | None = None  # position in the old text's reading order (the title is 0)
    new_index: int | None = None
    author: str | None = None  # who proposed this change (a delegation; a facilitator's compromise)
    when: str | None = None  # when it was proposed, ISO 8601 UTC

    @property
    def new_text(self) -> str:
        return "".join(t for op, t in self.segments if op != "delete")

    @property
    def marked(self) -> int:
        """Characters marked inserted or deleted: the size of this part of the redline."""
        return sum(len(t) for op, t in self.segments if op != "equal")


@record
class Redline:
    """Everything one comparison found, old text against new text."""

    pairs: list[Change]
    footnotes: list[Change] = field(default_factory=list)
    old_name: str = "old"
    new_name: str = "new"
    old_language: str = ""
    new_language: str = ""
    warnings: list[str] = field(default_factory=list)
    renumbered: dict[int, int] = field(default_factory=dict)  # old footnote number -> new, same note

    def summary(self) -> dict[str, int]:
        counts = Counter(c.status for c in self.pairs)
        return {s: counts.get(s, 0) for s in PAIR_STATUSES}

    @property
    def marked(self) -> int:
        return sum(c.marked for c in (*self.pairs, *self.footnotes))
