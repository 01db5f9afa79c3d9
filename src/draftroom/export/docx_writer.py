"""Render a Layout as a UN Word document: template styles, masthead, runs, real footnotes, running heads."""

import io
import re

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from draftroom.export.blocks import Block, Layout
from draftroom.export.footnotes import Footnotes
from draftroom.export.ooxml import border, complex_field, field
from draftroom.export.template import MARGINS, NUMBER_GAP, apply_typography, open_template, style_name
from draftroom.export.typography import PAPERS, Typography

REF = re.compile(r"\[\^(\d+)\]")
LRM = "\u200e"  # left-to-right mark


class DocxWriter:
    """One export: paragraphs in template styles, footnotes numbered by first appearance."""

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
        self._styles = {s.name: s.style_id for s in self.document.styles}

    def render(self) -> bytes:
        self._masthead()
        for block in self.layout.blocks:
            self._block(block)
        self._running_heads()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _paragraph(self, name: str) -> DocxParagraph:
        """A new body paragraph in the template style `name` (built directly: this is the hot path)."""
        p = OxmlElement("w:p")
        style = etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE)
        style.set(_VAL, self._styles[name])
        if self.section_properties is not None:
            self.section_properties.addprevious(p)
        else:
            self.body.append(p)
        return DocxParagraph(p, self.document._body)

    def _masthead(self) -> None:
        m = self.layout.masthead
        width = Cm(PAPERS[self.typo.paper][0]) - MARGINS["left"] - MARGINS["right"]
        column = int(width * 0.62)
        mark = LRM if self.typo.rtl else ""  # Latin lines keep their order ("23 November 2026") in RTL
        lines = [(m.united_nations, m.symbol)] + [("", mark + r) for r in m.right]
        lines[1] = (m.organ, lines[1][1]) if len(lines) > 1 else (m.organ, "")
        for i, (left, right) in enumerate(lines):
            name = "UN masthead organ" if i == 1 else "UN masthead"
            p = self._paragraph(name)
            tabs = p.paragraph_format.tab_stops
            if i == 0:
                tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
                border(p._p.get_or_add_pPr(), "bottom", 4)
            else:
                tabs.add_tab_stop(column, WD_TAB_ALIGNMENT.LEFT)
            p.add_run(left)
            if right:
                p.add_run("\t")
                run = p.add_run(right)
                if i == 0:
                    run.font.size = self.document.styles["UN masthead symbol"].font.size
                elif i == 1:
                    run.font.size = self.document.styles["Normal"].font.size
                    run.font.bold = False
        border(p._p.get_or_add_pPr(), "bottom", 18)
        p.paragraph_format.space_after = Cm(0.6)

    def _block(self, block: Block) -> None:
        p = self._paragraph(style_name(block.style))
        if block.new_page:
            p.paragraph_format.page_break_before = True
        fmt = p.paragraph_format
        if block.depth:  # (i) under (a): one more step in
            fmt.first_line_indent = Cm(1.27 * (block.depth + 1))
            fmt.tab_stops.add_tab_stop(Cm(1.27 * (block.depth + 2) + NUMBER_GAP))
        if block.label:
            if block.style == "title":  # "74/176. Title": the number hangs left of the title
                fmt.left_indent, fmt.first_line_indent = Cm(2.54), Cm(-1.27)
                fmt.tab_stops.add_tab_stop(Cm(1.27 + NUMBER_GAP), WD_TAB_ALIGNMENT.CLEAR)
            _run(p, block.label + "\t")
        if block.spans:
            for look, text in block.spans:
                self._text(p, text, 0, look)
        else:
            self._text(p, block.text, block.opener)

    def _text(self, p: DocxParagraph, text: str, opener: int, look: str = "text") -> None:
        pos = 0
        for m in REF.finditer(text):
            self._runs(p, text, pos, m.start(), opener, look)
            self._reference(p, int(m.group(1)))
            pos = m.end()
        self._runs(p, text, pos, len(text), opener, look)

    def _runs(self, p: DocxParagraph, text: str, start: int, end: int, opener: int, look: str) -> None:
        if start < min(opener, end):
            self._opener_run(p, text[start : min(opener, end)])
            start = min(opener, end)
        if start < end:
            _run(p, text[start:end], _LOOKS[look])

    def _opener_run(self, p: DocxParagraph, text: str) -> None:
        style = self.typo.opener
        if style == "kaiti":
            _run(p, text, east_asia_font=self.typo.opener_font)
        else:
            _run(p, text, {"italic": ("w:i",), "bold": ("w:b",)}.get(style, ()))

    def _reference(self, p: DocxParagraph, number: int) -> None:
        """The first reference creates the note; a later one repeats its number (a NOTEREF field)."""
        text = self.layout.footnotes.get(number)
        if text is None:
            p.add_run(f"[^{number}]")
            return
        if number not in self.notes:
            note_id = self.footnotes.add(text)
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

    def _running_heads(self) -> None:
        """Symbol at the right of odd pages and the left of even ones; page x/y in the footers; the job
        number in the first page's footer."""
        section = self.document.sections[0]
        for header, align_right in ((section.header, True), (section.even_page_header, False)):
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.style = self.document.styles["UN running head"]
            p.alignment = 2 if align_right else 0
            p.add_run(self.layout.symbol)
            border(p._p.get_or_add_pPr(), "bottom", 4)
        job = self.layout.masthead.job
        if job:
            p = section.first_page_footer.paragraphs[0] if section.first_page_footer.paragraphs else None
            p = p or section.first_page_footer.add_paragraph()
            p.style = self.document.styles["UN running head"]
            mark = LRM if self.typo.rtl else ""  # "25-17035 (A)" keeps its order in a right-to-left page
            p.add_run(f"{mark}{job}{mark}")
        for footer, align_right in ((section.footer, True), (section.even_page_footer, False)):
            p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            p.style = self.document.styles["UN running head"]
            p.alignment = 2 if align_right else 0
            field(p._p, "PAGE", "1")
            p.add_run("/")
            field(p._p, "NUMPAGES", "1")


_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR, _T, _TAB, _FONTS = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:rFonts")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LOOKS = {"text": (), "del": ("w:strike",), "ins": ("w:u",), "who": ("w:b",), "status": ("w:b",)}


def _run(p: DocxParagraph, text: str, marks: tuple[str, ...] = (), east_asia_font: str | None = None) -> None:
    """Append a run: tabs as w:tab, `marks` (w:b, w:i, w:strike, w:u) and an East Asian font."""
    r = etree.SubElement(p._p, _R)
    if marks or east_asia_font:
        rpr = etree.SubElement(r, _RPR)
        if east_asia_font:
            etree.SubElement(rpr, _FONTS).set(qn("w:eastAsia"), east_asia_font)
        for tag in marks:  # each look uses one mark, so schema order holds
            mark = etree.SubElement(rpr, qn(tag))
            if tag == "w:u":
                mark.set(_VAL, "single")
    for i, part in enumerate(text.split("\t")):
        if i:
            etree.SubElement(r, _TAB)
        if part:
            t = etree.SubElement(r, _T)
            t.text = part
            t.set(_SPACE, "preserve")


def _bookmark(number: int) -> str:
    return f"_RefNote{number}"


def write_docx(layout: Layout, typo: Typography) -> bytes:
    return DocxWriter(layout, typo).render()
