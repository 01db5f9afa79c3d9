"""A Word document of the new text with real tracked changes (w:ins / w:del with author and date), so
Accept All gives the new text and Reject All the old one, in Word and LibreOffice alike.

Paragraph numbers and markers are part of each paragraph ("5.", tab, text), tracked when they change.
A moved paragraph is deleted where it stood and inserted where it now stands.

Footnotes are real Word footnotes (export.footnotes), numbered by Word in order of appearance, so a
renumbered note needs no marking. The first reference to a note in each view (accepted, rejected) is a
real reference whose note holds the note's text with its changes tracked; a later reference repeats
the number that view shows, as the export does. When the two views' first references differ, each
is a real reference tracked as inserted or deleted. A note that no paragraph refers to is left out,
as in the export.
"""

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from draftroom.errors import DraftroomError
from draftroom.export.footnotes import Footnotes
from draftroom.export.template import INDENT, STEP, apply_typography, open_template
from draftroom.export.typography import typography_for
from draftroom.files import write_atomically
from draftroom.lang import LANGUAGES
from draftroom.model.redline import Change, Redline

_REF = re.compile(r"\[\^(\d+)\]")


class _Tracker:
    """Builds runs inside w:ins / w:del elements, numbering the revisions."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1
        self.default_author, self.default_date = author, date  # for changes no amendment made

    def revision(self, tag: str) -> BaseOxmlElement:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el

    def run(self, text: str, deleted: bool, superscript: bool = False) -> BaseOxmlElement:
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

    def add(self, p: BaseOxmlElement, op: str, text: str, superscript: bool = False) -> None:
        """Append `text` to paragraph element `p`, plain ("equal"), inserted or deleted."""
        if text:
            self.wrap(p, op).append(self.run(text, op == "delete", superscript))

    def wrap(self, p: BaseOxmlElement, op: str) -> BaseOxmlElement:
        """Where content of `op` goes in `p`: `p` itself for "equal", else a new w:ins / w:del in it."""
        if op == "equal":
            return p
        wrapper = self.revision("w:ins" if op == "insert" else "w:del")
        p.append(wrapper)
        return wrapper

    def mark_paragraph(self, p: CT_P, op: str) -> None:
        """Track the paragraph mark itself, so a whole paragraph comes or goes with accept/reject."""
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self.revision("w:ins" if op == "insert" else "w:del"))


class _Notes:
    """The footnote references of the redline, in the order they are written, and how to write each.

    A note is identified by its index in `Redline.footnotes`; a reference names it by its new number
    (equal and inserted text) or its old one (deleted text).
    """

    def __init__(self, r: Redline, paragraphs: list[Change], footnotes: Footnotes, tracker: _Tracker) -> None:
        self.notes, self.footnotes, self.tracker = r.footnotes, footnotes, tracker
        self.by_new = {int(c.new): k for k, c in enumerate(r.footnotes) if c.new}
        self.by_old = {int(c.old): k for k, c in enumerate(r.footnotes) if c.old}
        pieces = (piece for c in paragraphs for piece in _pieces(_all_segments(c)))
        refs = [(op, self.note(op, ref)) for op, _, ref in pieces if ref is not None]
        self.first_accept = _first(refs, "delete")
        self.first_reject = _first(refs, "insert")
        self.next = 0  # index of the next reference written

    def note(self, op: str, ref: int | None) -> int | None:
        if ref is None:
            return None
        return (self.by_old if op == "delete" else self.by_new).get(ref)

    def write(self, p: BaseOxmlElement, op: str, ref: int) -> None:
        """The reference `[^ref]` at the current place: a real reference, or the number shown."""
        k, note = self.next, self.note(op, ref)
        self.next += 1
        if note is None:  # no such note: the number as written
            self.tracker.add(p, op, str(ref), superscript=True)
            return
        accept = self._side(note, k, self.first_accept) if op != "delete" else None
        reject = self._side(note, k, self.first_reject) if op != "insert" else None
        if op == "equal" and accept == reject:
            self._put(p, "equal", note, accept)
            return
        self._put(p, "delete", note, reject)
        self._put(p, "insert", note, accept)

    @staticmethod
    def _side(note: int, k: int, first: dict[int, tuple[int, int]]) -> str:
        """What one view shows here: "real" for its first reference to the note, else the number."""
        at, shown = first[note]
        return "real" if at == k else str(shown)

    def _put(self, p: BaseOxmlElement, op: str, note: int, what: str | None) -> None:
        if what is None:
            return
        if what != "real":
            self.tracker.add(p, op, what, superscript=True)
            return
        note_id, note_p = self.footnotes.start(" ")
        for seg_op, text in self.notes[note].segments:
            self.tracker.add(note_p, seg_op, text)
        self.footnotes.mark(self.tracker.wrap(p, op), note_id)


def _first(refs: list[tuple[str, int | None]], hidden: str) -> dict[int, tuple[int, int]]:
    """Note -> (index of its first reference in the view that hides `hidden`, number it shows there)."""
    first: dict[int, tuple[int, int]] = {}
    for k, (op, note) in enumerate(refs):
        if op != hidden and note is not None and note not in first:
            first[note] = (k, len(first) + 1)
    return first


def _pieces(segments: list[tuple[str, str]]) -> Iterator[tuple[str, str, int | None]]:
    """(op, plain text, None) and (op, "", footnote number) pieces of segments with `[^N]` references."""
    for op, text in segments:
        pos = 0
        for m in _REF.finditer(text):
            if m.start() > pos:
                yield op, text[pos : m.start()], None
            yield op, "", int(m.group(1))
            pos = m.end()
        if pos < len(text):
            yield op, text[pos:], None


def _all_segments(c: Change) -> list[tuple[str, str]]:
    """The printed number or marker with its tab, then the text, as segments."""
    return _mark_segments(c) + list(c.segments)


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


def _paragraph(doc: DocxDocument, tracker: _Tracker, notes: _Notes, c: Change, title: bool = False) -> None:
    """One paragraph in the UN's style (the title as Title_H1, text as SingleTxt one step in), its
    changes credited to whoever proposed them."""
    para = doc.add_paragraph()
    p = para._p
    ppr = p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{"TitleH1" if title else "SingleTxt"}"/>'))
    step = 'w:hanging="0"' if title else f'w:firstLine="{STEP}"'
    ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:left="{INDENT}" {step}/>'))
    tracker.author, tracker.date = c.author or tracker.default_author, c.when or tracker.default_date
    if c.status in ("inserted", "deleted"):
        tracker.mark_paragraph(p, "insert" if c.status == "inserted" else "delete")
    for op, text, ref in _pieces(_all_segments(c)):
        if ref is None:
            tracker.add(p, op, text)
        else:
            notes.write(p, op, ref)


def build_redline_docx(r: Redline, author: str = "draftroom", date: datetime | None = None) -> DocxDocument:
    """The python-docx Document holding the tracked-changes redline."""
    when = (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    tracker = _Tracker(author, when)
    lang = r.new_language if r.new_language in LANGUAGES else "en"
    doc = open_template(lang)  # the UN's page and styles, as an export has them
    apply_typography(doc, typography_for(lang))
    body = doc.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    paragraphs = _word_order(r.pairs, {new: old for old, new in r.renumbered.items()})
    notes = _Notes(r, paragraphs, Footnotes(doc), tracker)
    for c in paragraphs:
        _paragraph(doc, tracker, notes, c, title=(c.new or c.old or "").endswith("title"))  # "A title" too
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
