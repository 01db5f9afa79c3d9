"""Render a Layout as a UN Word document: template styles, masthead, runs, real footnotes, running heads."""

import io
import re

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph

from draftroom.export.blocks import Block, Layout
from draftroom.export.footnotes import Footnotes, style_by_name
from draftroom.export.ooxml import border, child, complex_field, field
from draftroom.export.template import MARGINS, NUMBER_GAP, apply_typography, open_template, style_name
from draftroom.export.typography import PAPERS, Typography

REF = re.compile(r"\[\^(\d+)\]")


class DocxWriter:
    """One export: paragraphs in template styles, footnotes numbered by first appearance."""

    def __init__(self, layout: Layout, typo: Typography) -> None:
        self.layout = layout
        self.typo = typo
        self.document: DocxDocument = open_template(layout.language)
        apply_typography(self.document, typo)
        body = self.document.element.body
        for element in list(body):
            if element.tag != qn("w:sectPr"):
                body.remove(element)
        self.footnotes = Footnotes(self.document)
        self.notes: dict[int, tuple[int, int]] = {}  # layout number -> (note id, number Word shows)
        self._styles: dict[str, str] = {}

    def render(self) -> bytes:
        self._masthead()
        for block in self.layout.blocks:
            self._block(block)
        self._running_heads()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _paragraph(self, name: str) -> DocxParagraph:
        if name not in self._styles:
            self._styles[name] = style_by_name(self.document, name).style_id
        p = self.document.add_paragraph()
        p._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), self._styles[name])
        return p

    def _masthead(self) -> None:
        m = self.layout.masthead
        width = Cm(PAPERS[self.typo.paper][0]) - MARGINS["left"] - MARGINS["right"]
        column = int(width * 0.62)
        lines = [(m.united_nations, m.symbol)] + [("", r) for r in m.right]
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
            p.add_run(block.label + "\t")
        self._text(p, block.text, block.opener)

    def _text(self, p: DocxParagraph, text: str, opener: int) -> None:
        pos = 0
        for m in REF.finditer(text):
            self._runs(p, text, pos, m.start(), opener)
            self._reference(p, int(m.group(1)))
            pos = m.end()
        self._runs(p, text, pos, len(text), opener)

    def _runs(self, p: DocxParagraph, text: str, start: int, end: int, opener: int) -> None:
        if start < min(opener, end):
            self._opener_run(p, text[start : min(opener, end)])
            start = min(opener, end)
        if start < end:
            p.add_run(text[start:end])

    def _opener_run(self, p: DocxParagraph, text: str) -> None:
        run = p.add_run(text)
        style = self.typo.opener
        if style == "italic":
            run.italic = True
        elif style == "bold":
            run.bold = True
        elif style == "kaiti":
            child(run._r.get_or_add_rPr(), "w:rFonts").set(qn("w:eastAsia"), self.typo.opener_font)

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
        complex_field(p._p, f"NOTEREF {_bookmark(number)} \\f \\h", str(shown), self.footnotes.reference_style)

    def _running_heads(self) -> None:
        """Symbol at the right of odd pages and the left of even ones; page x/y in the footers."""
        section = self.document.sections[0]
        for header, align_right in ((section.header, True), (section.even_page_header, False)):
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.style = self.document.styles["UN running head"]
            p.alignment = 2 if align_right else 0
            p.add_run(self.layout.symbol)
            border(p._p.get_or_add_pPr(), "bottom", 4)
        for footer, align_right in ((section.footer, True), (section.even_page_footer, False)):
            p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            p.style = self.document.styles["UN running head"]
            p.alignment = 2 if align_right else 0
            field(p._p, "PAGE", "1")
            p.add_run("/")
            field(p._p, "NUMPAGES", "1")


def _bookmark(number: int) -> str:
    return f"_RefNote{number}"


def write_docx(layout: Layout, typo: Typography) -> bytes:
    return DocxWriter(layout, typo).render()
