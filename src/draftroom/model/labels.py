"""Labels (PP3, OP10(a)(ii), AN12, AN2.12) computed from position, and lookup by label.

A label is never identity: it is recomputed whenever paragraphs move. Users may type labels
in any case and spacing ("op 10 (a)"); `normalize_label` gives the canonical form.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from draftroom.errors import DraftroomError
from draftroom.model.document import Document, Paragraph

_LABEL = re.compile(
    r"^(PP|OP|AN)(\d+\.)?(\d+)((?:\([a-z]+\))*)$",
)


@dataclass(frozen=True)
class Located:
    """A paragraph with where it stands: its label, its part and its parent list."""

    label: str
    part: str  # "preamble" | "operative" | "annex"
    paragraph: Paragraph
    siblings: list[Paragraph]  # the list that holds it (a part, an annex's paragraphs, or items)
    parent: Paragraph | None = None
    annex: int | None = None  # index of the annex, for annex paragraphs


def normalize_label(raw: str) -> str:
    """`op 10 (a)` -> `OP10(a)`; raise a one-line error for anything that is not a label."""
    s = re.sub(r"\s+", "", raw or "")
    s = s.replace("（", "(").replace("）", ")")
    m = re.match(r"^(?i:(pp|op|an))(\d+\.)?(\d+)((?:\([A-Za-z]+\))*)$", s)
    if not m:
        raise DraftroomError(
            f"{raw!r} is not a paragraph label: write it like PP3, OP10, OP10(a), AN12 or AN2.12"
        )
    return m.group(1).upper() + (m.group(2) or "") + m.group(3) + m.group(4).lower()


def _walk(
    items: list[Paragraph], prefix: str, part: str, parent: Paragraph | None, annex: int | None
) -> Iterator[Located]:
    for item in items:
        label = f"{prefix}({item.marker or '?'})"
        yield Located(label, part, item, items, parent, annex)
        yield from _walk(item.items, label, part, item, annex)


def iter_located(doc: Document) -> Iterator[Located]:
    """Every paragraph and sub-item of the document, in reading order, with its label."""
    for part, prefix, paras in (("preamble", "PP", doc.preamble), ("operative", "OP", doc.operative)):
        for i, p in enumerate(paras, 1):
            label = f"{prefix}{i}"
            yield Located(label, part, p, paras, None, None)
            yield from _walk(p.items, label, part, p, None)
    several = len(doc.annexes) > 1
    for a, annex in enumerate(doc.annexes):
        paras = annex.paragraphs
        for i, p in enumerate(paras, 1):
            label = f"AN{a + 1}.{i}" if several else f"AN{i}"
            yield Located(label, "annex", p, paras, None, a)
            yield from _walk(p.items, label, "annex", p, a)


def labels(doc: Document) -> dict[str, str]:
    """Paragraph id -> label."""
    return {loc.paragraph.id: loc.label for loc in iter_located(doc)}


def locate(doc: Document, label: str) -> Located:
    """The paragraph a user's label names; a one-line error naming the valid range otherwise."""
    want = normalize_label(label)
    for loc in iter_located(doc):
        if loc.label == want:
            return loc
    counts = f"{len(doc.preamble)} preambular and {len(doc.operative)} operative paragraphs"
    raise DraftroomError(
        f"no paragraph {want} in this text ({counts}): check the label with `draftroom show`"
    )


def find_by_id(doc: Document, pid: str) -> Located | None:
    return next((loc for loc in iter_located(doc) if loc.paragraph.id == pid), None)


def is_label(raw: str) -> bool:
    try:
        normalize_label(raw)
    except DraftroomError:
        return False
    return True
