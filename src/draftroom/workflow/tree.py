"""Moving paragraphs around a Document by id, and renumbering what is computed from position."""

from collections.abc import Iterator

from draftroom.lang.markers import letter, roman
from draftroom.model import Document, Paragraph

Container = list  # a part, an annex's blocks, or a paragraph's items: any list holding paragraphs


def containers(doc: Document) -> Iterator[Container]:
    """Every list that holds paragraphs, outermost first."""
    tops: list[Container] = []
    for d in doc.divisions():
        tops += [d.preamble, d.operative, *(a.blocks for a in d.annexes)]
    stack = list(reversed(tops))
    while stack:
        lst = stack.pop()
        yield lst
        stack.extend(reversed([b.items for b in lst if isinstance(b, Paragraph)]))


def position(doc: Document, pid: str) -> tuple[Container, int] | None:
    for lst in containers(doc):
        for i, block in enumerate(lst):
            if isinstance(block, Paragraph) and block.id == pid:
                return lst, i
    return None


def paragraph(doc: Document, pid: str) -> Paragraph | None:
    found = position(doc, pid)
    return found[0][found[1]] if found else None


def _where(doc: Document, pid: str) -> tuple[Container, int]:
    found = position(doc, pid)
    if found is None:
        raise KeyError(pid)
    return found


def detach(doc: Document, pid: str) -> Paragraph:
    lst, i = _where(doc, pid)
    return lst.pop(i)


def attach(doc: Document, para: Paragraph, anchor: str, where: str) -> None:
    """Put `para` just before or after the anchor paragraph, in the anchor's list."""
    lst, i = _where(doc, anchor)
    lst.insert(i + 1 if where == "after" else i, para)


def contains(para: Paragraph, pid: str) -> bool:
    """True when `pid` is `para` itself or one of its sub-items."""
    return para.id == pid or any(contains(i, pid) for i in para.items)


def renumber_paragraphs(doc: Document, touched: set[int]) -> None:
    """Numbers and sub-item markers from position, in the lists whose `id()` is in `touched`:
    operative paragraphs 1..n (a lone one unnumbered), annex paragraphs 1..n where the annex
    numbers them, preambular ones none; sub-items (a), (i), a., i. by depth; each part of a resolution
    adopted in parts on its own."""
    for part in doc.divisions():
        _renumber(part, touched)


def _renumber(doc: Document, touched: set[int]) -> None:
    if id(doc.preamble) in touched:
        for p in doc.preamble:
            p.number = p.marker = None
    if id(doc.operative) in touched:
        for n, p in enumerate(doc.operative, 1):
            p.number, p.marker = (n if len(doc.operative) > 1 else None), None
    for annex in doc.annexes:
        if id(annex.blocks) in touched:
            numbered = any(p.number is not None for p in annex.paragraphs)
            for n, p in enumerate(annex.paragraphs, 1):
                p.number, p.marker = (n if numbered else None), None
    for p in [*doc.preamble, *doc.operative, *(q for a in doc.annexes for q in a.paragraphs)]:
        _mark_items(p, 1, touched)


def _mark_items(para: Paragraph, depth: int, touched: set[int]) -> None:
    if id(para.items) in touched:
        for n, item in enumerate(para.items, 1):
            item.number = None
            item.marker = letter(n - 1) if depth % 2 else roman(n)
    for item in para.items:
        _mark_items(item, depth + 1, touched)
