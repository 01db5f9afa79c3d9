"""Labels (PP3, OP10(a)(ii), AN12, AN2.12): the `Label` value, labels computed from position, and
lookup by label.

A resolution adopted in parts (A/RES/75/101 A-B) numbers each part on its own, so a label there opens
with the part's letter and a space: "A OP3", "B PP1", "B AN2". Users may type it without the space
("aop3"); a label without a letter names no paragraph in such a text.

A label is never identity: it is recomputed whenever paragraphs move. Users may type labels
in any case and spacing ("op 10 (a)"); `normalize_label` gives the canonical form.
"""

import re
from collections.abc import Iterator

from draftroom.errors import DraftroomError
from draftroom.model.document import Document, Paragraph
from draftroom.patterns import LazyPattern
from draftroom.record import record

PREFIXES = {"preamble": "PP", "operative": "OP", "annex": "AN"}
_PARTS = {prefix: part for part, prefix in PREFIXES.items()}
# how users type a label: any case, any spacing, full-width brackets ("op 10 (a)", "OP10（a）")
_TYPED = LazyPattern(r"^([A-Za-z](?=(?i:pp|op|an)))?(?i:(pp|op|an))(?:(\d+)\.)?(\d+)((?:\([A-Za-z]+\))*)$")


_LONGEST = 40  # characters of a label: AN12.345(aaa)(viii)(c) and room to spare


@record(frozen=True)
class Label:
    """Where a paragraph stands, by its parts: PP3, OP10(a)(ii), AN12 (the only annex), AN2.12."""

    part: str  # "preamble" | "operative" | "annex"
    number: int  # the paragraph's number in its part (or in its annex)
    annex: int | None = None  # the annex's number (1-based) when there are several
    markers: tuple[str, ...] = ()  # the sub-item markers, outermost first: ("a", "ii")
    letter: str | None = None  # the part's letter in a resolution adopted in parts: "A", "B"

    @classmethod
    def parse(cls, raw: str) -> "Label":
        """`op 10 (a)` -> Label("operative", 10, markers=("a",)); a one-line error for anything else."""
        s = re.sub(r"\s+", "", raw or "").replace("（", "(").replace("）", ")")
        m = _TYPED.match(s) if len(s) <= _LONGEST else None  # (int() refuses 4,300 digits and more)
        if not m:
            shown = raw if len(raw or "") <= _LONGEST else f"{raw[:_LONGEST]}..."
            raise DraftroomError(
                f"{shown!r} is not a paragraph label: write it like PP3, OP10, OP10(a), AN12 or AN2.12 "
                "(in a resolution adopted in parts, the part's letter first: A OP3)"
            )
        letter, prefix, annex, number, items = m.groups()
        markers = tuple(re.findall(r"\(([a-z]+)\)", items.lower()))
        return cls(
            _PARTS[prefix.upper()],
            int(number),
            int(annex) if annex else None,
            markers,
            letter.upper() if letter else None,
        )

    def __str__(self) -> str:
        letter = f"{self.letter} " if self.letter else ""
        annex = f"{self.annex}." if self.annex is not None else ""
        items = "".join(f"({m})" for m in self.markers)
        return f"{letter}{PREFIXES[self.part]}{annex}{self.number}{items}"

    def item(self, marker: str) -> "Label":
        """The label of this paragraph's sub-item `marker`: OP10 -> OP10(a)."""
        return Label(self.part, self.number, self.annex, (*self.markers, marker), self.letter)


@record(frozen=True)
class Located:
    """A paragraph with where it stands: its label, its part and its parent list."""

    label: str
    part: str  # "preamble" | "operative" | "annex"
    paragraph: Paragraph
    siblings: list[Paragraph]  # the list that holds it (a part, an annex's paragraphs, or items)
    parent: Paragraph | None = None
    annex: int | None = None  # index of the annex, for annex paragraphs
    division: int | None = None  # index of the part, in a resolution adopted in parts (doc.parts)


def part_letters(doc: Document) -> list[str]:
    """The letter of each part of a resolution adopted in parts, as its symbol or number ends ("A/RES/75/101
    A", "75/101 B"), else by its place (A, B, C...); [] for a text in one part."""
    out = []
    for i, part in enumerate(doc.parts):
        m = re.search(r"(?:^|\s)([A-Z])$", (part.symbol or part.resolution_number or "").strip())
        out.append(m.group(1) if m else chr(ord("A") + i))
    return out


def normalize_label(raw: str) -> str:
    """`op 10 (a)` -> `OP10(a)`; raise a one-line error for anything that is not a label."""
    return str(Label.parse(raw))


def _walk(
    items: list[Paragraph], label: Label, parent: Paragraph, annex: int | None, division: int | None
) -> Iterator[Located]:
    for item in items:
        sub = label.item(item.marker or "?")
        yield Located(str(sub), label.part, item, items, parent, annex, division)
        yield from _walk(item.items, sub, item, annex, division)


def _located(doc: Document, letter: str | None, division: int | None) -> Iterator[Located]:
    for part, paras in (("preamble", doc.preamble), ("operative", doc.operative)):
        for i, p in enumerate(paras, 1):
            label = Label(part, i, letter=letter)
            yield Located(str(label), part, p, paras, None, None, division)
            yield from _walk(p.items, label, p, None, division)
    several = len(doc.annexes) > 1
    for a, annex in enumerate(doc.annexes):
        paras = annex.paragraphs
        for i, p in enumerate(paras, 1):
            label = Label("annex", i, a + 1 if several else None, letter=letter)
            yield Located(str(label), "annex", p, paras, None, a, division)
            yield from _walk(p.items, label, p, a, division)


def iter_located(doc: Document) -> Iterator[Located]:
    """Every paragraph and sub-item of the document, in reading order, with its label (each part of a
    resolution adopted in parts in turn, its labels opening with the part's letter)."""
    if not doc.parts:
        yield from _located(doc, None, None)
    for d, (letter, part) in enumerate(zip(part_letters(doc), doc.parts, strict=True)):
        yield from _located(part, letter, d)


def labels(doc: Document) -> dict[str, str]:
    """Paragraph id -> label."""
    return {loc.paragraph.id: loc.label for loc in iter_located(doc)}


def paragraph_texts(doc: Document) -> dict[str, str]:
    """Paragraph id -> text, sub-items included."""
    return {loc.paragraph.id: loc.paragraph.text for loc in iter_located(doc)}


def locate(doc: Document, label: str) -> Located:
    """The paragraph a user's label names; a one-line error naming the valid range otherwise."""
    want = Label.parse(label)
    found = {loc.label: loc for loc in iter_located(doc)}
    if str(want) in found:
        return found[str(want)]
    letters = part_letters(doc)
    if letters and want.letter not in letters:
        named = [
            str(named)
            for letter in letters
            if str(named := Label(want.part, want.number, want.annex, want.markers, letter)) in found
        ]
        fix = f"name its part: {' or '.join(named)}" if named else f"name its part ({', '.join(letters)})"
        if want.letter:
            fix = f"it has no part {want.letter}; {fix}"
        raise DraftroomError(f"no paragraph {want} in this text, a resolution in {len(letters)} parts: {fix}")
    text = doc.parts[letters.index(want.letter)] if want.letter in letters else doc
    counts = f"{len(text.preamble)} preambular and {len(text.operative)} operative paragraphs"
    where = f"part {want.letter} of this text" if want.letter in letters else "this text"
    raise DraftroomError(f"no paragraph {want} in {where} ({counts}): check the label against the text")


def find_by_id(doc: Document, pid: str) -> Located | None:
    return next((loc for loc in iter_located(doc) if loc.paragraph.id == pid), None)
