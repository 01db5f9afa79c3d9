"""The UN's page furniture, as its own Word files build it: tables in the headers and footers.

First page: the masthead in the header (a row with "United Nations" and the symbol, its "A" at 20 pt,
over a thin rule; a row with the emblem's place, "General Assembly" at 20 pt bold and the
distribution, date and language lines; the thick rule under it) and the job number in the footer,
not bold, over the bar code's place, the footer as tall as the UN's (its text ends 1.2 inch above the
page's foot, later pages' 0.8 inch). Later pages: the symbol over a thin rule, at the left of even
pages and the right of odd ones, with the short title opposite on adopted texts (two equal cells); the
page number ("2/14") at the outer edge of the footer and the job number opposite it.
"""

import io
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Emu
from lxml import etree

from draftroom.export.blocks import Layout
from draftroom.export.template import FIRST_FOOTER, text_width
from draftroom.export.typography import Typography

LRM = "\u200e"  # keeps "23 November 2026" and "25-17035 (E)" in order on a right-to-left page
EMBLEM = (713105, 597535)  # the emblem's box on the UN's page, EMU
ROW1, ROW2, RUNNING = 864, 2880, 864  # row heights, twips
BAR_CODE = 290  # the bar code's line under the first page's job number, twips
# Later pages' heads are two equal cells, the symbol in one and the title in the other (wrapping at 246 pt):
# so in 158 of the 160 later pages sampled from the 80 resolutions of 2024-2025 (bench/word_pages.py), in
# the drafts and L-documents of 2025, and in every language. The 2017 Word files had a 3,600-twip symbol cell.
# The plenary's later pages open their text lower: the UN's heads there close on a 10 pt line under the
# rule, which pushes the text 4.1 pt down (first line at 86.4 pt from the page's top in 15 of the 17
# resolutions of 2024-2025 adopted without reference to a Main Committee, against 82.3 pt in 56 of the 63
# adopted on a committee's report). Twips of the exact line closing those heads; others close on 1 pt.
PLENARY_HEAD_CLOSE, HEAD_CLOSE = 230, 20
MASTHEAD_COLUMNS = (1266, 1873, 245, 3110, 245)  # then the right-hand column and a 15-twip filler


def width(typo: Typography) -> int:
    return text_width(typo)


def write(document: DocxDocument, layout: Layout, typo: Typography, emblem: bytes | None) -> None:
    """Headers and footers of the export's single section."""
    section = document.sections[0]
    total = width(typo)
    first = section.first_page_header
    emblem_xml = _emblem(first.part, emblem) if emblem else ""
    # The masthead closes on an exact 2.45 pt line: the UN's first pages set the session line 3 pt below
    # the thick rule (80 of 80 resolutions of 2024-2025 at 213.3-214.5 pt from the top).
    _fill(first._element, _masthead(layout, typo, total, emblem_xml), size=2, exact=49)
    title = layout.running_title
    symbol = layout.symbol
    even = [(total // 2, symbol, "left"), (total - total // 2, title, "right")]
    close = PLENARY_HEAD_CLOSE if layout.plenary else HEAD_CLOSE
    _fill(section.even_page_header._element, _running(even, typo), size=2, exact=close)
    _fill(
        section.header._element,
        _running(list(reversed([(c, t, _flip(a)) for c, t, a in even])), typo),
        size=2,
        exact=close,
    )
    job = layout.masthead.job
    bare = job.split(" (")[0] if job else ""
    half = total // 2
    _fill(section.even_page_footer._element, _footer([(half, "page", "left"), (half, bare, "right")], typo))
    _fill(section.footer._element, _footer([(half, bare, "left"), (half, "page", "right")], typo))
    job_cell = _p("ReleaseDate1", _mark(job or "", typo), f'<w:spacing w:before="0" w:after="{BAR_CODE}"/>')
    first_footer = _table(
        [3800, total - 3800],
        [
            _row(
                [_cell(3800, job_cell, valign="bottom"), _cell(total - 3800, _p("Footer", ""))],
                FIRST_FOOTER - 20,
            )
        ],
        typo,
    )
    _fill(section.first_page_footer._element, first_footer, size=2, exact=20)


def _flip(align: str) -> str:
    return "right" if align == "left" else "left"


def _mark(text: str, typo: Typography) -> str:
    return f"{LRM}{text}{LRM}" if typo.rtl and text else text


def _fill(story: object, tables: str, size: int | None = 17, exact: int | None = None) -> None:
    """Replace a header's or footer's content with `tables` and the paragraph Word needs after them."""
    for element in list(story):  # type: ignore[call-overload]
        story.remove(element)  # type: ignore[attr-defined]
    style = "Header" if story.tag.endswith("hdr") else "Footer"  # type: ignore[attr-defined]
    sz = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>' if size else ""
    line = f'<w:spacing w:line="{exact}" w:lineRule="exact"/>' if exact else ""
    xml = f'<w:body {nsdecls("w", "r", "wp", "a", "pic")}>{tables}<w:p><w:pPr><w:pStyle w:val="{style}"/>{line}{sz}</w:pPr></w:p></w:body>'
    for element in parse_xml(xml):
        story.append(element)  # type: ignore[attr-defined]


def _run(text: str, rpr: str = "") -> str:
    if not text:
        return ""
    pieces = []
    for k, part in enumerate(text.split("\n")):
        if k:
            pieces.append("<w:br/>")
        if part:
            pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{''.join(pieces)}</w:r>"


def _p(style: str, text: str, ppr: str = "", rpr: str = "", runs: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs or _run(text, rpr)}</w:p>'


def _borders(top: int | None, bottom: int | None) -> str:
    sides = [(n, s) for n, s in (("top", top), ("bottom", bottom)) if s]
    inner = "".join(f'<w:{n} w:val="single" w:sz="{s}" w:space="0" w:color="000000"/>' for n, s in sides)
    return f"<w:tcBorders>{inner}</w:tcBorders>" if inner else ""


def _cell(
    w: int, content: str, top: int | None = None, bottom: int | None = None, span: int = 1, valign: str = ""
) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    v = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{grid}{_borders(top, bottom)}{v}</w:tcPr>{content}</w:tc>'


def _row(cells: list[str], height: int | None = None) -> str:
    h = f'<w:trPr><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>' if height else ""
    return f"<w:tr>{h}{''.join(cells)}</w:tr>"


def _table(columns: list[int], rows: list[str], typo: Typography) -> str:
    bidi = "<w:bidiVisual/>" if typo.rtl else ""
    margins = "".join(f'<w:{s} w:w="0" w:type="dxa"/>' for s in ("top", "left", "bottom", "right"))
    grid = "".join(f'<w:gridCol w:w="{c}"/>' for c in columns)
    return (
        f'<w:tbl><w:tblPr>{bidi}<w:tblW w:w="{sum(columns)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar>{margins}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _masthead(layout: Layout, typo: Typography, total: int, emblem_xml: str) -> str:
    m = layout.masthead
    cols = [*MASTHEAD_COLUMNS, total - sum(MASTHEAD_COLUMNS) - 15, 15]
    after = '<w:spacing w:before="0" w:after="80"/>'
    head, _, tail = m.symbol.partition("/")
    mark = LRM if typo.rtl else ""  # the symbol reads left to right on a right-to-left page
    symbol_runs = _run(mark + head, '<w:position w:val="-4"/><w:sz w:val="40"/>') + _run(
        _slash(tail, bool(head)) + mark, '<w:position w:val="-4"/>'
    )
    thin = 4
    row1 = _row(
        [
            _cell(cols[0], _p("Header", ""), bottom=thin, valign="bottom"),
            _cell(
                cols[1],
                _p(
                    "HCh",
                    m.united_nations,
                    after,
                    '<w:b w:val="0"/><w:bCs w:val="0"/><w:spacing w:val="2"/><w:w w:val="96"/><w:sz w:val="28"/>'
                    '<w:szCs w:val="28"/>',
                ),
                bottom=thin,
                valign="bottom",
            ),
            _cell(cols[2], _p("Header", ""), bottom=thin, valign="bottom"),
            _cell(
                sum(cols[3:]),
                _p(
                    "Normal",
                    "",
                    f'<w:spacing w:before="0" w:after="80" w:line="240" w:lineRule="auto"/><w:jc w:val="{"left" if typo.rtl else "right"}"/>',
                    runs=symbol_runs or "<w:r/>",
                ),
                bottom=thin,
                span=4,
                valign="bottom",
            ),
        ],
        ROW1,
    )
    right = [m.right[0], *(_mark(r, typo) for r in m.right[1:2]), "", *m.right[2:]] if m.right else [""]
    lines = [_p("Publication", right[0], '<w:spacing w:before="240" w:after="0"/>')]
    lines += [_p("Normal", line) for line in right[1:]]
    emblem = _p(
        "Header", "", '<w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>', runs=emblem_xml
    )
    thick = 12
    row2 = _row(
        [
            _cell(cols[0], emblem, top=thin, bottom=thick),
            _cell(
                sum(cols[1:4]),
                _p("XLarge", m.organ, '<w:spacing w:before="109" w:after="0"/>'),
                top=thin,
                bottom=thick,
                span=3,
            ),
            _cell(cols[4], _p("Header", ""), top=thin, bottom=thick),
            _cell(cols[5], "".join(lines), top=thin, bottom=thick),
            _cell(cols[6], _p("Normal", "")),
        ],
        ROW2,
    )
    return _table(cols, [row1, row2], typo)


def _slash(tail: str, had_head: bool) -> str:
    return f"/{tail}" if had_head and tail else tail


def _running(cells: list[tuple[int, str, str]], typo: Typography) -> str:
    ppr = '<w:spacing w:before="0" w:after="80"/>'
    row = _row(
        [
            _cell(
                w,
                _p("Header", _mark(text, typo), ppr + f'<w:jc w:val="{_side(align, typo)}"/>'),
                bottom=2,
                valign="bottom",
            )
            for w, text, align in cells
        ],
        RUNNING,
    )
    return _table([w for w, _, _ in cells], [row], typo)


def _side(align: str, typo: Typography) -> str:
    """In a right-to-left table the cells run from the right: their text keeps to the outer edge."""
    return _flip(align) if typo.rtl else align


def _footer(cells: list[tuple[int, str, str]], typo: Typography) -> str:
    out = []
    for w, what, align in cells:
        ppr = f'<w:jc w:val="{_side(align, typo)}"/>'
        if what == "page":
            runs = _field("PAGE", "1") + _run("/") + _field("NUMPAGES", "1")
            out.append(_cell(w, _p("Footer", "", ppr, runs=runs)))
        else:
            rpr = '<w:b w:val="0"/><w:bCs w:val="0"/><w:sz w:val="14"/>'
            out.append(_cell(w, _p("Footer", _mark(what, typo), ppr, rpr)))
    return _table([w for w, _, _ in cells], [_row(out)], typo)


def _field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} \\* ARABIC </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _emblem(part: object, data: bytes) -> str:
    """An inline picture of the configured image in the emblem's box, its proportions kept."""
    image = Image.from_blob(data)
    box_w, box_h = EMBLEM
    scale = min(box_w / image.px_width, box_h / image.px_height)
    inline = part.new_pic_inline(  # type: ignore[attr-defined]
        io.BytesIO(data), Emu(int(image.px_width * scale)), Emu(int(image.px_height * scale))
    )
    return f"<w:r><w:drawing>{etree.tostring(inline, encoding=str)}</w:drawing></w:r>"
