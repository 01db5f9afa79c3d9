"""Render a Layout as a UN Word document: the UN's styles, masthead, runs, real footnotes, running heads."""

import io
import os
import re
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from draftroom.errors import DraftroomError
from draftroom.export import page_furniture
from draftroom.export.blocks import Block, Layout
from draftroom.export.footnotes import Footnotes
from draftroom.export.ooxml import child, complex_field, end_rule, remove_child
from draftroom.export.template import INDENT, LOOKS, SPACER, STEP, Look, apply_typography, open_template
from draftroom.export.typography import Typography, joined_dates, note_italics, printed
from draftroom.export.words import COLON

REF = re.compile(r"\[\^(\d+)\]")
LRM = "\u200e"  # left-to-right mark
NB_HYPHEN = "\u2011"


class DocxWriter:
    """One export: paragraphs in the UN's styles, footnotes numbered by first appearance."""

    def __init__(self, layout: Layout, typo: Typography) -> None:
        self.layout = layout
        self.typo = typo
        self.document: DocxDocument = open_template(layout.language)
        apply_typography(self.document, typo)
        self.body = self.document.element.body
        for element in list(self.body):
            if element.tag != qn("w:sectPr"):
                self.body.remove(element)
        self.section_properties = self.body.find(qn("w:sectPr"))
        self.footnotes = Footnotes(self.document)
        self.notes: dict[int, tuple[int, int]] = {}  # layout number -> (note id, number Word shows)
        self._last: tuple[str, DocxParagraph] | None = None

    def render(self) -> bytes:
        for block in self.layout.blocks:
            self._block(block)
        page_furniture.write(self.document, self.layout, self.typo, _emblem(self.typo))
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _paragraph(self, look: Look, block: Block) -> DocxParagraph:
        """A new body paragraph in `look`'s style with what the UN sets on the paragraph itself."""
        p = OxmlElement("w:p")
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, look.style)
        if look.keep_next:
            etree.SubElement(ppr, qn("w:keepNext"))
        if block.new_page:
            etree.SubElement(ppr, qn("w:pageBreakBefore"))
        indent = look.indent
        if look.first_step:  # the UN types a tab where this sets a first-line step
            if block.style == "title":  # "79/100." at the margin, the title at the column's edge
                indent = (INDENT, INDENT if block.label else 0)
            elif block.depth:  # (i) under (a): the text block one step in per level
                indent = (indent[0] if indent else INDENT) + STEP * block.depth, 0
            else:
                indent = (indent[0] if indent else INDENT), -STEP
        if look.before is not None or look.after is not None:
            spacing = etree.SubElement(ppr, qn("w:spacing"))
            if look.before is not None:
                spacing.set(qn("w:before"), str(look.before))
            if look.after is not None:
                spacing.set(qn("w:after"), str(look.after))
        if indent is not None or look.right is not None:
            ind = etree.SubElement(ppr, qn("w:ind"))
            if indent is not None:
                ind.set(qn("w:left"), str(indent[0]))
            if look.right is not None:
                ind.set(qn("w:right"), str(look.right))
            if indent is not None:
                ind.set(qn("w:hanging" if indent[1] >= 0 else "w:firstLine"), str(abs(indent[1])))
        if look.contextual:
            etree.SubElement(ppr, qn("w:contextualSpacing"))
        if look.align:
            etree.SubElement(ppr, qn("w:jc")).set(_VAL, look.align)
        if block.style == "end":  # the short centred rule that ends the text, floating as the UN's does
            p.append(end_rule())
        if self.section_properties is not None:
            self.section_properties.addprevious(p)
        else:
            self.body.append(p)
        return DocxParagraph(p, self.document._body)

    def _block(self, block: Block) -> None:
        look = LOOKS[block.style]
        if block.style == "closing" and self._last and self._last[0] == "closing":
            p = self._last[1]  # the meeting and the date: one paragraph, two lines, as the UN sets them
            etree.SubElement(etree.SubElement(p._p, _R), qn("w:br"))
            self._text(p, block.text, 0, "text", italic=self.typo.opener == "italic")
            return
        if block.style in ("closing", "end"):
            # the last paragraph, the closing and the end rule go to a page together, as on the UN's pages:
            # never a rule, nor a meeting and date, alone at the top of a page
            self._keep_last_with_next()
        if block.style == "closing":  # the UN's own files set a 6 pt empty paragraph above the closing
            self._spacer()
            self._keep_last_with_next()
        p = self._paragraph(look, block)
        self._last = (block.style, p)
        if block.label:
            # the resolution's number right-aligned on the tab before the title, as the UN's Word files set it
            _run(p, ("\t" if block.style == "title" else "") + block.label + "\t")
        if block.spans:
            for look_name, text in block.spans:
                self._text(p, text, 0, look_name)
        elif (
            block.style == "sponsors"
            and self.layout.sponsor_note
            and COLON[self.layout.language] in block.text
        ):
            names, colon, rest = block.text.partition(COLON[self.layout.language])
            self._text(p, names + colon.rstrip(), 0, "text")
            self._asterisk_note(p, self.layout.sponsor_note)
            self._text(p, colon[len(colon.rstrip()) :] + rest, 0, "text")
        elif block.style == "report" and block.text.startswith("[") and block.text.endswith("]"):
            _run(p, "[", ("w:i",), off=True)  # the brackets upright, the words in the style's italics
            self._text(p, block.text[1:-1], 0, "text")
            _run(p, "]", ("w:i",), off=True)
        else:
            # a paragraph's day and month on one line, as the UN's own texts join them (not in the head's lines)
            text = (
                joined_dates(block.text, self.layout.language) if block.style in TEXT_STYLES else block.text
            )
            self._text(p, text, block.opener, "text", italic=look.italic and self.typo.opener == "italic")

    def _keep_last_with_next(self) -> None:
        """Keep the body's last paragraph on the page of the next one."""
        last = self.section_properties.getprevious() if self.section_properties is not None else self.body[-1]
        if last is None or last.tag != qn("w:p"):
            return
        ppr = last.find(_PPR)
        if ppr is not None and ppr.find(qn("w:keepNext")) is None:
            ppr.find(_PSTYLE).addnext(OxmlElement("w:keepNext"))

    def _spacer(self) -> None:
        """An empty body paragraph on a 6 pt line with no spacing, its mark in 5 pt type."""
        p = self._paragraph(LOOKS["body"], Block("body"))._p
        ppr = p.find(_PPR)
        remove_child(ppr, "w:ind")
        spacing = child(ppr, "w:spacing")
        for key, value in (
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", str(SPACER)),
            ("w:lineRule", "atLeast"),
        ):
            spacing.set(qn(key), value)
        child(child(ppr, "w:rPr"), "w:sz").set(_VAL, "10")

    def _text(self, p: DocxParagraph, text: str, opener: int, look: str, italic: bool = False) -> None:
        text = printed(text, self.layout.language)
        pos = 0
        for m in REF.finditer(text):
            self._runs(p, text, pos, m.start(), opener, look, italic)
            self._reference(p, int(m.group(1)))
            pos = m.end()
        self._runs(p, text, pos, len(text), opener, look, italic)

    def _runs(
        self, p: DocxParagraph, text: str, start: int, end: int, opener: int, look: str, italic: bool
    ) -> None:
        if start < min(opener, end):
            self._opener_run(p, text[start : min(opener, end)])
            start = min(opener, end)
        if start < end:
            _run(p, text[start:end], _LOOKS[look] + (("w:i",) if italic else ()))

    def _opener_run(self, p: DocxParagraph, text: str) -> None:
        style = self.typo.opener
        if style == "kaiti":
            _run(p, text, east_asia_font=self.typo.opener_font)
        else:
            _run(p, text, {"italic": ("w:i",), "bold": ("w:b",)}.get(style, ()))

    def _asterisk_note(self, p: DocxParagraph, text: str, mark_text: str = "*") -> etree._Element:
        """A note marked "*" rather than numbered (Word's custom mark), as the UN marks the sponsor note;
        the note's paragraph, its text after the mark."""
        note_id, note_p = self.footnotes.start()
        mark = note_p.find(f"{_R}/{qn('w:footnoteRef')}/..")
        if mark is not None:
            mark.remove(mark.find(qn("w:footnoteRef")))
            etree.SubElement(mark, _T).text = mark_text
        _run_in(note_p, "\t" + text)
        self._custom_mark(p, note_id, mark_text)
        return note_p

    def _custom_mark(self, p: DocxParagraph, note_id: int, mark_text: str) -> None:
        ref = self.footnotes.mark(p._p, note_id)
        ref.find(qn("w:footnoteReference")).set(qn("w:customMarkFollows"), "1")
        r = etree.SubElement(p._p, _R)
        etree.SubElement(etree.SubElement(r, _RPR), qn("w:rStyle")).set(_VAL, self.footnotes.reference_style)
        etree.SubElement(r, _T).text = mark_text

    def _reference(self, p: DocxParagraph, number: int) -> None:
        """The first reference creates the note; a later one repeats its number (a NOTEREF field)."""
        text = self.layout.footnotes.get(number)
        if text is None:
            p.add_run(f"[^{number}]")
            return
        if self.layout.asterisk_notes:  # after the "*" sponsor note, "**", "***", as the UN marks them
            self._starred_reference(p, number, text)
            return
        if number not in self.notes:
            note_id, note_p = self.footnotes.start()
            _run_in(note_p, " " if self.typo.rtl else "\t")  # the number beside its words, or hanging
            self._note_text(note_p, text)
            self.notes[number] = (note_id, len(self.notes) + 1)
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(note_id))
            start.set(qn("w:name"), _bookmark(number))
            p._p.append(start)
            self.footnotes.reference(p, note_id)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(note_id))
            p._p.append(end)
            return
        _, shown = self.notes[number]
        complex_field(
            p._p, f"NOTEREF {_bookmark(number)} \\f \\h", str(shown), self.footnotes.reference_style
        )

    def _note_text(self, note_p: etree._Element, text: str) -> None:
        """A note's words, as the UN prints them, its titles in italics."""
        lang = self.layout.language
        for italic, piece in note_italics(printed(joined_dates(text, lang), lang), lang):
            _run_in(note_p, piece, ("w:i",) if italic else ())

    def _starred_reference(self, p: DocxParagraph, number: int, text: str) -> None:
        """A note marked with asterisks, one more than the note before; a later reference repeats it."""
        if number in self.notes:
            note_id, stars = self.notes[number]
            self._custom_mark(p, note_id, "*" * stars)
            return
        stars = len(self.notes) + 2  # the sponsor note is "*"
        note_p = self._asterisk_note(p, "", "*" * stars)
        self._note_text(note_p, text)
        note_id = int(note_p.getparent().get(qn("w:id")))
        self.notes[number] = (note_id, stars)


def _emblem(typo: Typography) -> bytes | None:
    """The image the user configured for the masthead's emblem place (`--emblem`, $DRAFTROOM_EMBLEM)."""
    path = typo.emblem or os.environ.get("DRAFTROOM_EMBLEM")
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise DraftroomError(
            f"emblem {path}: cannot read it ({e.strerror}): give a PNG or JPEG file"
        ) from None
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise DraftroomError(f"emblem {path}: not a PNG or JPEG image: give a PNG or JPEG file")
    return data


_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR, _T, _TAB, _FONTS = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:rFonts")
_NBH = qn("w:noBreakHyphen")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LOOKS = {
    "text": (),
    "del": ("w:strike",),
    "ins": ("w:u",),
    "who": ("w:b",),
    "status": ("w:b",),
    "bracket": ("w:b",),
}
_ORDER = ("w:b", "w:i", "w:strike", "w:u")


def _run(
    p: DocxParagraph,
    text: str,
    marks: tuple[str, ...] = (),
    east_asia_font: str | None = None,
    off: bool = False,
) -> None:
    _run_in(p._p, text, marks, east_asia_font, off)


def _run_in(
    parent: etree._Element,
    text: str,
    marks: tuple[str, ...] = (),
    east_asia_font: str | None = None,
    off: bool = False,
) -> None:
    """Append a run: tabs as w:tab, non-breaking hyphens as w:noBreakHyphen, `marks` (w:b, w:i,
    w:strike, w:u; switched off when `off`) and an East Asian font."""
    r = etree.SubElement(parent, _R)
    if marks or east_asia_font:
        rpr = etree.SubElement(r, _RPR)
        if east_asia_font:
            etree.SubElement(rpr, _FONTS).set(qn("w:eastAsia"), east_asia_font)
        for tag in sorted(set(marks), key=_ORDER.index):
            mark = etree.SubElement(rpr, qn(tag))
            if tag == "w:u":
                mark.set(_VAL, "single")
            elif off:
                mark.set(_VAL, "0")
    for i, part in enumerate(text.replace("\n", "\t\n").split("\t")):
        if part.startswith("\n"):  # a line break ("\n" in a layout's text)
            etree.SubElement(r, qn("w:br"))
            part = part[1:]
        elif i:
            etree.SubElement(r, _TAB)
        for k, piece in enumerate(part.split(NB_HYPHEN)):
            if k:
                etree.SubElement(r, _NBH)
            if piece:
                t = etree.SubElement(r, _T)
                t.text = piece
                t.set(_SPACE, "preserve")


TEXT_STYLES = {"body", "preamble", "operative", "item", "annex-para", "quoted"}


def _bookmark(number: int) -> str:
    return f"_RefNote{number}"


def write_docx(layout: Layout, typo: Typography) -> bytes:
    return DocxWriter(layout, typo).render()
