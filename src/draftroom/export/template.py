"""The Word templates in draftroom/templates/: their styles, page setup and running heads, and how to load them.

`scripts/build_templates.py` calls `build_template` for each family and saves the result, so a change
to a style is a change to this file, reviewable as code. Exports open the saved template
(`open_template`) and apply the user's typography (fonts, sizes, paper) on top.
"""

import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.styles.style import CharacterStyle, ParagraphStyle

from draftroom.errors import DraftroomError
from draftroom.export.footnotes import REFERENCE_STYLE, TEXT_STYLE, Footnotes, style_by_name
from draftroom.export.ooxml import border, child, remove_child
from draftroom.export.typography import PAPERS, Typography, typography_for

FAMILIES = {"latin": "en", "zh": "zh", "ar": "ar"}  # template -> the language whose defaults it carries
BLOCK = Cm(1.27)  # the text block's indent; numbers and markers hang in the first-line indent
NUMBER_GAP = 0.9  # cm from a number or marker to its text
MARGINS = {"top": Cm(2.5), "bottom": Cm(2.5), "left": Cm(2.3), "right": Cm(2.3)}
UNUSED_PARTS = {"stylesWithEffects", "thumbnail", "customXml", "webSettings"}
KEEP_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "header",
    "footer",
    "Table Grid",
}


@dataclass(frozen=True)
class StyleSpec:
    bold: bool = False
    italic: bool = False
    left: float = 1.27  # cm
    first_line: float = 0.0  # cm
    before: float = 0.0  # pt
    after: float = 6.0  # pt
    align: str = "justify"
    size_delta: float = 0.0  # pt added to the body size
    keep_with_next: bool = False
    hanging_tab: bool = True  # a tab stop after a number or marker in the first-line indent
    exact: bool = True  # exact leading (the masthead's large type needs "at least")


# One paragraph style per block style of draftroom.export.blocks, named "UN <block style>".
STYLE_SPECS: dict[str, StyleSpec] = {
    "session": StyleSpec(bold=True, left=0, after=0, align="left", before=6),
    "committee": StyleSpec(bold=True, left=0, after=0, align="left"),
    "agenda": StyleSpec(left=0, after=0, align="left"),
    "agenda-title": StyleSpec(bold=True, left=0, after=12, align="left"),
    "sponsors": StyleSpec(bold=True, before=6, after=12, align="left"),
    "adopted": StyleSpec(bold=True, before=6, after=12, align="left", size_delta=2),
    "report": StyleSpec(italic=True, after=12, align="left"),
    "title": StyleSpec(bold=True, after=12, align="left", size_delta=2, keep_with_next=True),
    "body": StyleSpec(first_line=1.27, after=6, keep_with_next=True),
    "preamble": StyleSpec(first_line=1.27),
    "operative": StyleSpec(first_line=1.27),
    "item": StyleSpec(first_line=1.27),
    "closing": StyleSpec(italic=True, after=0, align="right"),
    "annex-title": StyleSpec(bold=True, left=1.27, after=12, align="left", keep_with_next=True),
    "annex-heading": StyleSpec(bold=True, before=6, align="left", keep_with_next=True),
    "annex-para": StyleSpec(),
    "instruction": StyleSpec(first_line=1.27, keep_with_next=True),
    "quoted": StyleSpec(left=2.54, first_line=1.27),
    "end": StyleSpec(before=18, after=0, align="center"),
    "compiled": StyleSpec(left=2.54, first_line=-2.54, align="left"),
    "note": StyleSpec(italic=True, align="left"),
}
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
FIXED_TIME = datetime(2026, 1, 1)
END_RULE = Cm(3.8)  # width of the short rule that ends the text


def style_name(block_style: str) -> str:
    return f"UN {block_style}"


PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # shipped in the package (package-data)


def template_dir() -> Path:
    override = os.environ.get("DRAFTROOM_TEMPLATES")
    return Path(override) if override else PACKAGE_TEMPLATES


def family(lang: str) -> str:
    return "zh" if lang == "zh" else "ar" if lang == "ar" else "latin"


def template_path(lang: str) -> Path:
    return template_dir() / f"un-{family(lang)}.docx"


_CACHE: dict[Path, bytes] = {}


def open_template(lang: str) -> DocxDocument:
    """A fresh python-docx document from the language family's template file."""
    path = template_path(lang)
    if path not in _CACHE:
        if not path.is_file():
            raise DraftroomError(f"Word template {path} is missing: run `python scripts/build_templates.py`")
        _CACHE[path] = path.read_bytes()
    return docx.Document(io.BytesIO(_CACHE[path]))


def build_template(name: str) -> DocxDocument:
    """The template of one family ("latin", "zh", "ar"), from python-docx's default document."""
    document = docx.Document()
    _prune_parts(document)
    _prune_styles(document)
    for block_style, spec in STYLE_SPECS.items():
        _paragraph_style(document, style_name(block_style), spec)
    Footnotes(document)  # the footnotes part, separators, note styles and settings
    _masthead_styles(document)
    _page_setup(document)
    apply_typography(document, typography_for(FAMILIES[name]))
    return document


def _prune_parts(document: DocxDocument) -> None:
    """Drop the default document's parts no export needs (thumbnail, custom XML, styles with effects)."""
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] in UNUSED_PARTS:
                del rels[rid]


def _prune_styles(document: DocxDocument) -> None:
    """Keep only the styles exports use, so the template stays small and its styles.xml readable."""
    root = document.styles.element
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in KEEP_STYLES:
            root.remove(style)


def _paragraph_style(document: DocxDocument, name: str, spec: StyleSpec) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font, fmt = style.font, style.paragraph_format
    font.bold = spec.bold or None
    font.italic = spec.italic or None
    rpr = style.element.get_or_add_rPr()
    for on, tag in ((spec.bold, "w:bCs"), (spec.italic, "w:iCs")):  # Arabic script takes the cs forms
        if on:
            child(rpr, tag)
    fmt.left_indent = Cm(spec.left)
    fmt.first_line_indent = Cm(spec.first_line)
    fmt.space_before = Pt(spec.before)
    fmt.space_after = Pt(spec.after)
    fmt.alignment = ALIGN[spec.align]
    fmt.keep_with_next = spec.keep_with_next or None
    fmt.widow_control = True
    if spec.hanging_tab:  # a number or marker sits in the first-line indent; a tab takes the text on
        fmt.tab_stops.add_tab_stop(
            Cm(max(spec.left + spec.first_line + NUMBER_GAP, spec.left)), WD_TAB_ALIGNMENT.LEFT
        )
    if not spec.exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        fmt.line_spacing = Pt(12)
    return style


def _masthead_styles(document: DocxDocument) -> None:
    specs = {
        "UN masthead": StyleSpec(left=0, after=0, align="left", hanging_tab=False, exact=False),
        "UN masthead organ": StyleSpec(
            bold=True, left=0, after=0, align="left", size_delta=7, hanging_tab=False, exact=False
        ),
        "UN masthead symbol": StyleSpec(left=0, after=0, align="right", size_delta=4, hanging_tab=False),
        "UN running head": StyleSpec(
            bold=True, left=0, after=0, align="left", size_delta=-1, hanging_tab=False
        ),
    }
    for name, spec in specs.items():
        _paragraph_style(document, name, spec)


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = section.footer_distance = Cm(1.25)
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True


_S = TypeVar("_S", bound=CharacterStyle)


def _style(document: DocxDocument, name: str, kind: type[_S]) -> _S:
    """A style the template must have, of the kind the caller sets."""
    style = style_by_name(document, name)
    if not isinstance(style, kind):
        raise DraftroomError(
            f"the Word template has no style {name!r}: rebuild it with scripts/build_templates.py"
        )
    return style


def apply_typography(document: DocxDocument, typo: Typography) -> None:
    """Fonts, sizes, leading, paper and direction of every style, from `typo`."""
    normal = document.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), typo)
    normal.font.size = Pt(typo.size)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(typo.leading)
    for block_style, spec in STYLE_SPECS.items():
        style = document.styles[style_name(block_style)]
        style.font.size = Pt(typo.size + spec.size_delta) if spec.size_delta else None
        if block_style in ("body", "closing", "report"):
            style.font.italic = typo.opener == "italic" or None
    for name, delta in (("UN masthead organ", 7), ("UN masthead symbol", 4), ("UN running head", -1)):
        document.styles[name].font.size = Pt(typo.size + delta)
    note = _style(document, TEXT_STYLE, ParagraphStyle)
    note.font.size = Pt(typo.note_size)
    note.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    note.paragraph_format.line_spacing = Pt(typo.note_size + 2)
    note.paragraph_format.left_indent = BLOCK
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for style in (s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH):
        _direction(style.element.get_or_add_pPr(), typo.rtl)
    _style(document, REFERENCE_STYLE, CharacterStyle).font.superscript = True
    width, height = PAPERS[typo.paper]
    for section in document.sections:
        section.page_width, section.page_height = Cm(width), Cm(height)
    text_width = Cm(width) - MARGINS["left"] - MARGINS["right"]
    end = document.styles[style_name("end")].paragraph_format
    end.left_indent = end.right_indent = int((text_width - END_RULE) / 2)
    border(document.styles[style_name("end")].element.get_or_add_pPr(), "top", 6)


def _fonts(rpr: BaseOxmlElement, typo: Typography) -> None:
    fonts = child(rpr, "w:rFonts")
    for attr, value in (
        ("w:ascii", typo.font),
        ("w:hAnsi", typo.font),
        ("w:eastAsia", typo.east_asia_font),
        ("w:cs", typo.complex_font),
    ):
        fonts.set(qn(attr), value)
    if typo.language == "zh":  # full-width punctuation and quotes take the Chinese font
        fonts.set(qn("w:hint"), "eastAsia")
    child(rpr, "w:szCs").set(qn("w:val"), str(int(typo.size * 2)))
    if typo.rtl:
        child(rpr, "w:rtl")
    else:
        remove_child(rpr, "w:rtl")
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), {"zh": "en-US", "ar": "en-US"}.get(typo.language, typo.language))
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def _direction(ppr: BaseOxmlElement, rtl: bool) -> None:
    if rtl:
        child(ppr, "w:bidi")
    else:
        remove_child(ppr, "w:bidi")


def save_template(document: DocxDocument, path: Path) -> None:
    """Save with a fixed timestamp, so that rebuilding an unchanged template gives the same bytes."""
    props = document.core_properties
    props.author = props.last_modified_by = "draftroom"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    document.save(str(path))
