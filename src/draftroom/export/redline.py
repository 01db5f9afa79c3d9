"""A Word document of the new text with real tracked changes (w:ins / w:del with author and date), so
Accept All gives the new text and Reject All the old one, in Word and LibreOffice alike.

Paragraph numbers and markers are part of each paragraph ("5.", tab, text), tracked when they change.
Footnote references are superscript numbers; a renumbered but unchanged note shows its old number
deleted and its new one inserted. Footnote texts follow under "Notes", tracked the same way.
A moved paragraph is deleted where it stood and inserted where it now stands.
"""

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from draftroom.errors import DraftroomError
from draftroom.export.api import write_atomically
from draftroom.model.redline import Change, Redline

_REF = re.compile(r"\[\^(\d+)\]")


class _Tracker:
    """Builds runs inside w:ins / w:del elements, numbering the revisions."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1

    def revision(self, tag: str) -> OxmlElement:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el

    def run(self, text: str, deleted: bool, superscript: bool = False) -> OxmlElement:
        r = OxmlElement("w:r")
        if superscript:
            rpr = OxmlElement("w:rPr")
            va = OxmlElement("w:vertAlign")
            va.set(qn("w:val"), "superscript")
            rpr.append(va)
            r.append(rpr)
        for k, piece in enumerate(text.split("\t")):
            if k:
                r.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                r.append(t)
        return r

    def add(self, p: OxmlElement, op: str, text: str, superscript: bool = False) -> None:
        """Append `text` to paragraph element `p`, plain ("equal"), inserted or deleted."""
        if not text:
            return
        if op == "equal":
            p.append(self.run(text, False, superscript))
            return
        wrapper = self.revision("w:ins" if op == "insert" else "w:del")
        wrapper.append(self.run(text, op == "delete", superscript))
        p.append(wrapper)

    def mark_paragraph(self, p: OxmlElement, op: str) -> None:
        """Track the paragraph mark itself, so a whole paragraph comes or goes with accept/reject."""
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self.revision("w:ins" if op == "insert" else "w:del"))


def _pieces(text: str) -> Iterator[tuple[str, int | None]]:
    """(plain text, None) and (number, footnote number) pieces of a text with `[^N]` references."""
    pos = 0
    for m in _REF.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], None
        yield m.group(1), int(m.group(1))
        pos = m.end()
    if pos < len(text):
        yield text[pos:], None


def _write_segments(
    tracker: _Tracker, p: OxmlElement, segments: list[tuple[str, str]], old_number: dict[int, int]
) -> None:
    for op, text in segments:
        for piece, ref in _pieces(text):
            if ref is None:
                tracker.add(p, op, piece)
            elif op == "equal" and old_number.get(ref, ref) != ref:
                tracker.add(p, "delete", str(old_number[ref]), superscript=True)
                tracker.add(p, "insert", piece, superscript=True)
            else:
                tracker.add(p, op, piece, superscript=True)


def _mark_segments(c: Change) -> list[tuple[str, str]]:
    """The printed number or marker with its tab, as segments."""
    if c.old_mark == c.new_mark:
        return [("equal", c.new_mark + "\t")] if c.new_mark else []
    segs = [("delete", c.old_mark + "\t")] if c.old_mark else []
    return segs + ([("insert", c.new_mark + "\t")] if c.new_mark else [])


def _old_text(c: Change, old_number: dict[int, int]) -> str:
    """The old side's text with its own footnote numbers (unchanged stretches carry the new ones)."""

    def renumber(text: str) -> str:
        return _REF.sub(lambda m: f"[^{old_number.get(int(m.group(1)), m.group(1))}]", text)

    return "".join(renumber(t) if op == "equal" else t for op, t in c.segments if op != "insert")


def _as_whole(c: Change, op: str, old_number: dict[int, int]) -> Change:
    """One side of `c` as a wholly inserted or deleted paragraph (the two halves of a move)."""
    deleted = op == "delete"
    return Change(
        old=c.old if deleted else None,
        new=None if deleted else c.new,
        status="deleted" if deleted else "inserted",
        similarity=0.0,
        segments=[(op, _old_text(c, old_number) if deleted else c.new_text)],
        old_mark=c.old_mark if deleted else "",
        new_mark="" if deleted else c.new_mark,
    )


def _word_order(pairs: list[Change], old_number: dict[int, int]) -> list[Change]:
    """Pairs as Word shows them: each move split into its deletion (where it stood) and insertion."""
    out: list[Change] = []
    pending = sorted((c for c in pairs if c.status == "moved"), key=lambda c: c.old_index or 0)
    for c in pairs:
        if c.status != "moved" and c.old_index is not None:
            while pending and (pending[0].old_index or 0) < c.old_index:
                out.append(_as_whole(pending.pop(0), "delete", old_number))
        out.append(_as_whole(c, "insert", old_number) if c.status == "moved" else c)
    out += [_as_whole(c, "delete", old_number) for c in pending]
    return out


def _paragraph(
    doc: DocxDocument, tracker: _Tracker, c: Change, old_number: dict[int, int], title: bool = False
) -> None:
    para = doc.add_paragraph()
    if title:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = para._p
    if c.status in ("inserted", "deleted"):
        tracker.mark_paragraph(p, "insert" if c.status == "inserted" else "delete")
    _write_segments(tracker, p, _mark_segments(c) + list(c.segments), old_number)
    if title:
        for r in p.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                r.insert(0, rpr)
            rpr.insert(0, OxmlElement("w:b"))


def build_redline_docx(r: Redline, author: str = "draftroom", date: datetime | None = None) -> DocxDocument:
    """The python-docx Document holding the tracked-changes redline."""
    when = (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    tracker = _Tracker(author, when)
    doc = new_docx()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    old_number = {new: old for old, new in r.renumbered.items()}
    for c in _word_order(r.pairs, old_number):
        _paragraph(doc, tracker, c, old_number, title=c.old == "title" or c.new == "title")
    if r.footnotes:
        doc.add_paragraph("Notes")
        for c in _word_order(r.footnotes, {}):
            note = Change(c.old, c.new, c.status, c.similarity, c.segments, c.old or "", c.new or "")
            _paragraph(doc, tracker, note, {})
    return doc


def write_redline_docx(r: Redline, path: str | Path, author: str = "draftroom") -> Path:
    """Write the redline atomically: a temporary file renamed into place, never a half-written one."""
    target = Path(path)
    if not target.parent.is_dir():
        raise DraftroomError(f"{path}: the folder {target.parent} does not exist")
    data = io.BytesIO()
    build_redline_docx(r, author).save(data)
    write_atomically(target, data.getvalue())
    return target
