"""Footnote references written `[^N]` inside paragraph text, and renumbering by first appearance."""

from draftroom.model.document import Document, Footnote
from draftroom.model.labels import iter_located
from draftroom.patterns import LazyPattern

REF = LazyPattern(r"\[\^(\d+)\]")


def references(text: str) -> list[int]:
    return [int(n) for n in REF.findall(text)]


def renumber(doc: Document) -> None:
    """Renumber footnotes 1..n by first appearance in reading order (annexes included), in place.

    A later reference to an earlier note reuses its number; notes no longer referenced are dropped.
    Titles are not scanned: UN footnotes anchor in paragraphs.
    """
    old = {f.number: f for f in doc.footnotes}
    mapping: dict[int, int] = {}
    for loc in iter_located(doc):
        for n in references(loc.paragraph.text):
            if n in old and n not in mapping:
                mapping[n] = len(mapping) + 1
    for loc in iter_located(doc):
        loc.paragraph.text = REF.sub(
            lambda m: f"[^{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else m.group(0),
            loc.paragraph.text,
        )
    doc.footnotes = sorted(
        (Footnote(new, old[n].text, old[n].marker) for n, new in mapping.items()), key=lambda f: f.number
    )
