"""The Word templates in draftroom/templates/: the UN's own styles and page, and how to load them.

The styles are the Secretariat's (read from its Word files, see the project's reference/un-word):
`SingleTxt` ("__Single Txt") for body text, its column 1267 twips in from each margin (5.1 inches on
Letter) with its tab stops, Normal in Times New Roman 10 pt on exact 12 pt lines with 0.2 pt letter
spacing at 103 % width, `Session`, `Agenda_Item_Normal`, `_ H_1`, `Title_H1`, `Title_H_CH` (the 14 pt
adoption heading), `_ H_4` (the bracketed report line), the masthead's `XLarge` and `Publication`,
`Release Date`, the footnote text based on Normal. `scripts/build_templates.py` saves one template
per family; exports open it (`open_template`) and apply the user's typography on top.
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
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle

from draftroom.errors import DraftroomError
from draftroom.export.footnotes import REFERENCE_STYLE, TEXT_STYLE, Footnotes, number_hang, style_by_name
from draftroom.export.ooxml import child, remove_child
from draftroom.export.typography import PAPERS, Typography, typography_for

FAMILIES = {"latin": "en", "zh": "zh", "ar": "ar"}  # template -> the language whose defaults it carries
UNUSED_PARTS = {"stylesWithEffects", "thumbnail", "customXml", "webSettings"}
KEEP_STYLES = {"Default Paragraph Font", "Normal Table", "No List", "Table Grid"}

# the UN's page, in twips: Letter, 1200 left and right, 1440 top, 1152 bottom, header 432, footer 504.
# The UN's pages of 2024-2025 end their text 0.8 inch above the page's foot, the first page's 1.2 inch:
# its footer holds the job number, the bar code and the QR code (FIRST_FOOTER tall from the footer's foot).
MARGINS = {"top": 1440, "bottom": 1152, "left": 1200, "right": 1200}
HEADER, FOOTER = 432, 504
FIRST_FOOTER = 1728 - FOOTER
INDENT = 1267  # SingleTxt's indent from each margin: the text column
STEP = 475  # the first-line step: numbers and openers start here, text after a number one step on
TABS = (1267, 1742, 2218, 2693, 3182, 3658, 4133, 4622, 5098, 5573, 6048)
SPACER = 120  # the UN's blank 6 pt lines between the parts of the head, in twentieths of a point


@dataclass(frozen=True)
class Look:
    """How one layout block is set: a UN style, and what a UN document sets on the paragraph itself."""

    style: str  # style id
    indent: tuple[int, int] | None = None  # (start, hanging) in twips, when not the style's
    right: int | None = None  # the right indent, twips, when not the style's
    before: int | None = None  # twentieths of a point
    after: int | None = None
    first_step: bool = False  # the first line one step in (where the UN's own files type a tab)
    align: str | None = None
    italic: bool = False  # the whole text in italics (the closing lines, the report line's words)
    keep_next: bool = False
    contextual: bool = False  # no spacing between two paragraphs of this style ("II", then its title)


# block style of draftroom.export.blocks -> how the UN sets it
LOOKS: dict[str, Look] = {
    "session": Look("Session"),
    "committee": Look("H1", indent=(0, 0)),
    "agenda": Look("AgendaItemNormal"),
    "agenda-title": Look("TitleH2", right=4080),  # a 4-inch column, as the UN's pages wrap it
    "sponsors": Look("H23", indent=(INDENT, 0), before=3 * SPACER, after=2 * SPACER),
    # 19 pt above: the UN's heading stands 29.8 pt below the agenda title's last line (median of 80)
    "adopted": Look("TitleHCH", indent=(INDENT, 0), right=1260, before=3 * SPACER + 20, after=2 * SPACER),
    "council-number": Look("HCh", indent=(INDENT, 0), before=3 * SPACER, after=2 * SPACER),
    "report": Look("H4", indent=(INDENT, 0), right=1260, after=2 * SPACER),
    "title": Look("TitleH1", after=2 * SPACER, first_step=True),
    "body": Look("SingleTxt", first_step=True),
    "preamble": Look("SingleTxt", first_step=True),
    "operative": Look("SingleTxt", first_step=True),
    "item": Look("SingleTxt", first_step=True),
    "closing": Look("SingleTxt", align="right", italic=True),  # after a 6 pt spacer paragraph (docx_writer)
    "part": Look("HCh", before=2 * SPACER, after=SPACER, align="center", keep_next=True),
    "part-title": Look("H1", indent=(INDENT, 0), after=2 * SPACER, align="center", keep_next=True),
    "annex-title": Look("HCh", indent=(INDENT, 0), after=2 * SPACER, keep_next=True),
    # 10 pt bold on 12 pt lines, 6 pt above and below a run of them, as the UN's pages set headings between
    # paragraphs and in annexes ("II" over "Rules of procedure and methods of work", 79/117)
    "annex-heading": Look("H23", indent=(INDENT, 0), before=SPACER, after=SPACER, contextual=True),
    "annex-para": Look("SingleTxt", first_step=True),
    "instruction": Look("SingleTxt", first_step=True, keep_next=True),
    "quoted": Look("SingleTxt", indent=(INDENT + STEP, 0), first_step=True),
    "end": Look("SingleTxt"),  # an empty paragraph holding the short rule (ooxml.end_rule)
    "compiled": Look("SingleTxt", indent=(2 * INDENT, INDENT), align="left"),
    "note": Look("SingleTxt", align="left", italic=True),
}

_TAB_XML = "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in TABS)
_HANGING_TABS = f'<w:tab w:val="right" w:pos="{INDENT - 245}"/>' + _TAB_XML
# (pPr, rPr) of H1 and HCh, which TitleH1 and TitleHCH repeat (in TitleH1 the right tab sets "79/26." at 1022)
_H1 = (
    f"<w:keepNext/><w:keepLines/><w:tabs>{_HANGING_TABS}</w:tabs>"
    f'<w:spacing w:line="270" w:lineRule="exact"/><w:ind w:left="{INDENT}" w:right="{INDENT}" '
    f'w:hanging="{INDENT}"/><w:outlineLvl w:val="0"/>',
    '<w:b/><w:bCs/><w:sz w:val="24"/>',
)
_HCH = (
    '<w:spacing w:line="300" w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:hanging="0"/>',
    '<w:spacing w:val="-2"/><w:sz w:val="28"/>',
)
# The UN's styles: (id, name, based on, pPr, rPr). Sizes in half-points, spacing in twentieths.
_PLAIN_LETTERS = '<w:b/><w:bCs/><w:spacing w:val="0"/><w:w w:val="100"/><w:sz w:val="17"/>'
UN_STYLES: list[tuple[str, str, str | None, str, str]] = [
    (
        "SingleTxt",
        "__Single Txt",
        "Normal",
        f'<w:tabs>{_TAB_XML}</w:tabs><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="atLeast"/>'
        f'<w:ind w:left="{INDENT}" w:right="{INDENT}"/><w:jc w:val="both"/>',
        "",
    ),
    ("H1", "_ H_1", "Normal", *_H1),
    ("HCh", "_ H _Ch", "H1", *_HCH),
    ("H23", "_ H_2/3", "Normal", '<w:keepNext/><w:outlineLvl w:val="1"/>', "<w:b/><w:bCs/>"),
    (
        "H4",
        "_ H_4",
        "Normal",
        f"<w:keepNext/><w:keepLines/><w:tabs>{_HANGING_TABS}</w:tabs>"
        f'<w:ind w:left="{INDENT}" w:right="{INDENT}" w:hanging="{INDENT}"/><w:outlineLvl w:val="3"/>',
        '<w:i/><w:iCs/><w:spacing w:val="3"/>',
    ),
    ("Session", "Session", "H23", "", ""),
    # 12 pt apart, as the UN's pages set the session, agenda and agenda-title lines
    ("AgendaItemNormal", "Agenda_Item_Normal", "Normal", '<w:spacing w:line="240" w:lineRule="exact"/>', ""),
    ("TitleH1", "Title_H1", "Normal", *_H1),
    ("TitleH2", "Title_H2", "Normal", '<w:outlineLvl w:val="1"/>', "<w:b/><w:bCs/>"),
    ("TitleHCH", "Title_H_CH", "H1", *_HCH),
    (
        "XLarge",
        "XLarge",
        "Normal",
        '<w:spacing w:line="390" w:lineRule="exact"/>',
        '<w:b/><w:bCs/><w:spacing w:val="-4"/><w:w w:val="98"/><w:sz w:val="40"/>',
    ),
    ("Publication", "Publication", "Normal", '<w:spacing w:line="240" w:lineRule="auto"/>', ""),
    ("ReleaseDate1", "Release Date", "Normal", '<w:spacing w:line="240" w:lineRule="auto"/>', ""),
    # The UN's header and footer styles stand apart from Normal's letter spacing and width (0.2 pt, 103%):
    # its running titles set 4% narrower than its text, and wrap where they do only at that width.
    (
        "Header",
        "header",
        "Normal",
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        _PLAIN_LETTERS,
    ),
    (
        "Footer",
        "footer",
        "Normal",
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        _PLAIN_LETTERS,
    ),
]
# Footnote text: Normal, 8.5 pt on exact 10.5 pt lines, 0.25 pt letter spacing, hanging its number.
# 2.3 pt above a page's first note and none between notes (contextual spacing): the UN's pages stand their
# first note 27.0 pt under the last line of text where a page is full (its separator is a line of
# underscores), where LibreOffice, which draws its own rule and reads nothing of the separator note, left 24.7.
NOTE_HANG = number_hang(1)  # the number before the column, ending where the UN's does (footnotes.py)
NOTE_PPR = (  # no widow control, as the UN's footnote style
    '<w:widowControl w:val="0"/>'
    f'<w:tabs><w:tab w:val="left" w:pos="{INDENT}"/></w:tabs>'
    f'<w:spacing w:before="46" w:after="0" w:line="210" w:lineRule="exact"/>'
    f'<w:ind w:left="{INDENT}" w:right="{INDENT}" w:hanging="{NOTE_HANG}"/><w:contextualSpacing/>'
)
HEAD_SIZES = {"H1": 12, "HCh": 14, "TitleH1": 12, "TitleHCH": 14}  # pt at a 10 pt body, grown with it
FIXED_SIZES = {"XLarge": 20, "Header": 8.5, "Footer": 8.5}  # the masthead's and running heads' sizes
FIXED_TIME = datetime(2026, 1, 1)


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
    _un_styles(document)
    Footnotes(document)  # the footnotes part, separators, note styles and settings
    note = _style(document, TEXT_STYLE, ParagraphStyle)
    note.base_style = document.styles["Normal"]
    # right to left, the number stays next to its note's words (a hanging number reads as a column)
    _set_ppr(
        note.element,
        NOTE_PPR if name != "ar" else NOTE_PPR.replace(f'w:hanging="{NOTE_HANG}"', 'w:hanging="0"'),
    )
    _page_setup(document)
    _compat(document)
    apply_typography(document, typography_for(FAMILIES[name]))
    return document


def _compat(document: DocxDocument) -> None:
    """Word's layout as the UN's own files ask for it: the UN's 475-twip default tab, and compatibility
    mode 15 (Word 2013 and later), whose justified lines may shrink their spaces to take one more word.
    python-docx's default document says mode 14, which Word lays out as Word 2010 did, a line and a page
    longer than the UN's own; LibreOffice from 24.2 follows mode 15 too."""
    settings = document.settings.element
    for tab in settings.iter(qn("w:defaultTabStop")):
        tab.set(qn("w:val"), str(STEP))
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


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
        if name is None or name.get(qn("w:val")) not in KEEP_STYLES | {"Normal"}:
            root.remove(style)


def _un_styles(document: DocxDocument) -> None:
    """Normal as the UN sets it, then each UN paragraph style."""
    normal = document.styles["Normal"].element
    _set_ppr(normal, '<w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="exact"/>')
    root = document.styles.element
    for style_id, name, based, ppr, rpr in UN_STYLES:
        based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
        root.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/>{based_xml}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr>'
                "</w:style>"
            )
        )


def _set_ppr(style: BaseOxmlElement, ppr: str) -> None:
    """Replace a style's paragraph properties with `ppr` (UN values, in schema order)."""
    old = style.find(qn("w:pPr"))
    new = parse_xml(f"<w:pPr {nsdecls('w')}>{ppr}</w:pPr>")
    if old is not None:
        for kept in old.findall(qn("w:bidi")):
            new.append(kept)
        old.addprevious(new)
        style.remove(old)
    else:
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            rpr.addprevious(new)
        else:
            style.append(new)


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", Twips(value))
    section.header_distance, section.footer_distance = Twips(HEADER), Twips(FOOTER)
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


def text_width(typo: Typography) -> int:
    """The width between the margins, twips."""
    return round(PAPERS[typo.paper][0] / 2.54 * 1440) - MARGINS["left"] - MARGINS["right"]


def apply_typography(document: DocxDocument, typo: Typography) -> None:
    """Fonts, sizes, leading, paper and direction of every style, from `typo`."""
    normal = document.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    _fonts(rpr, typo)
    normal.font.size = Pt(typo.size)
    normal.paragraph_format.line_spacing = Pt(typo.leading)
    latin = typo.language not in ("zh", "ar")
    for tag, value in (("w:spacing", "4"), ("w:w", "103"), ("w:kern", "2")):  # the UN's Latin letterforms
        if latin:
            child(rpr, tag).set(qn("w:val"), value)
        else:
            remove_child(rpr, tag)
    grow = {style_id: typo.size - 10 for style_id in HEAD_SIZES}
    for style_id, size in (HEAD_SIZES | FIXED_SIZES).items():
        style = document.styles[_name(style_id)]
        _size(style, size + grow.get(style_id, 0))
        if not latin:  # letter spacing would stretch Arabic with kashidas
            remove_child(style.element.get_or_add_rPr(), "w:spacing")
    if not latin:
        remove_child(document.styles[_name("H4")].element.get_or_add_rPr(), "w:spacing")
    document.styles[_name("H4")].font.italic = typo.opener == "italic"  # the report line's words
    single = document.styles[_name("SingleTxt")].paragraph_format
    single.line_spacing = Pt(typo.leading)
    if typo.rtl:  # justified Arabic takes kashidas, which PDF text extraction splits words at
        child(document.styles[_name("SingleTxt")].element.get_or_add_pPr(), "w:jc").set(qn("w:val"), "left")
    note = _style(document, TEXT_STYLE, ParagraphStyle)
    _size(note, typo.note_size)
    note.paragraph_format.line_spacing = Pt(typo.note_size + 2)
    if latin:
        child(note.element.get_or_add_rPr(), "w:spacing").set(qn("w:val"), "5")
    for style in (s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH):
        _direction(style.element.get_or_add_pPr(), typo.rtl)
    _style(document, REFERENCE_STYLE, CharacterStyle).font.superscript = True
    width, height = PAPERS[typo.paper]
    for section in document.sections:
        section.page_width, section.page_height = (Twips(round(cm / 2.54 * 1440)) for cm in (width, height))


_NAMES = {style_id: name for style_id, name, *_ in UN_STYLES}


def _size(style: ParagraphStyle, points: float) -> None:
    """A style's size for every script (w:sz, and w:szCs, which Arabic text takes)."""
    style.font.size = Pt(points)
    child(style.element.get_or_add_rPr(), "w:szCs").set(qn("w:val"), str(round(points * 2)))


def _name(style_id: str) -> str:
    return _NAMES[style_id]


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
    lang.set(qn("w:val"), {"zh": "en-US", "ar": "en-US", "en": "en-GB"}.get(typo.language, typo.language))
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
