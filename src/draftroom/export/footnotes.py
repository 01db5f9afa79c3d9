"""Real Word footnotes with stock python-docx (which has no footnote API).

The footnotes part (/word/footnotes.xml) is created through python-docx's own package layer and
related to the document; the separator notes, the "footnote text" / "footnote reference" styles and
the settings entry are added when missing. Readers differ on details, so: the `r` namespace is
declared on the root, separators are found by type (LibreOffice numbers them 0 and 1, Word -1 and
0), new notes are numbered from the highest existing id, styles are found by name, and every
reference mark sits in its own run.
"""

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# python-docx loads unknown parts as opaque blobs; an XmlPart keeps footnotes.xml editable and saves it.
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

TEXT_STYLE = "footnote text"
REFERENCE_STYLE = "footnote reference"

_EMPTY_PART = (
    f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


# the elements that follow w:footnotePr in CT_Settings (ECMA-376 sequence order)
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def style_by_name(document: DocxDocument, name: str) -> BaseStyle | None:
    """A style by its name, case-insensitively (ids differ between Word, LibreOffice and languages)."""
    want = name.lower()
    return next((s for s in document.styles if (s.name or "").lower() == want), None)


# The UN's notes hang their number right-aligned 72 twips before the note's text (its "7" and its "17" both
# end 119.8 pt from the page's left in the 783 notes of the 80 resolutions of 2024-2025; Word sets it with a
# right tab, which LibreOffice does not honour in notes). Ours start the number that far ahead, one digit
# being 56 twips wide at the notes' size: a note numbered 10 or more hangs further.
NUMBER_GAP, DIGIT = 72, 56


def number_hang(digits: int) -> int:
    """The hanging indent, twips, that ends a note number of `digits` digits where the UN's ends."""
    return NUMBER_GAP + DIGIT * digits


class Footnotes:
    """The footnotes of one python-docx document: add notes and reference marks, read them back."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.part = self._part()
        self.root = self.part.element
        self.text_style = self._style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        self.reference_style = self._style(REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER)
        self.indent = self._hanging_indent()
        self._declare_in_settings()

    def _hanging_indent(self) -> etree._Element | None:
        """The note style's indent when it hangs its number before the text (the UN's, left to right)."""
        style = style_by_name(self.document, TEXT_STYLE)
        ind = None if style is None else style.element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        return ind if ind is not None and int(ind.get(qn("w:hanging"), "0")) > 0 else None

    def _part(self) -> XmlPart:
        doc_part = self.document.part
        for rel in doc_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                return rel.target_part
        part = XmlPart(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_EMPTY_PART), doc_part.package
        )
        doc_part.relate_to(part, RT.FOOTNOTES)
        return part

    def _style(self, name: str, kind: WD_STYLE_TYPE) -> str:
        style = style_by_name(self.document, name)
        if style is None:
            style = self.document.styles.add_style(name, kind)
            if kind == WD_STYLE_TYPE.CHARACTER:
                style.font.superscript = True
            else:
                style.font.size = Pt(8)
                style.paragraph_format.space_after = Pt(0)
        return style.style_id

    def _declare_in_settings(self) -> None:
        """Word lists the separator notes in settings.xml (w:footnotePr); add it when missing."""
        settings = self.document.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        pr = settings.makeelement(qn("w:footnotePr"), {})
        settings.insert_element_before(pr, *_SETTINGS_AFTER_FOOTNOTEPR)
        for note in self.root.findall(qn("w:footnote")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                etree.SubElement(pr, qn("w:footnote")).set(qn("w:id"), note.get(qn("w:id")))

    def _next_id(self) -> int:
        ids = [int(n.get(qn("w:id"))) for n in self.root.findall(qn("w:footnote"))]
        return max([0, *ids]) + 1

    def add(self, text: str) -> int:
        """A new note holding `text` (plain); returns its id, to pass to `reference`."""
        return self.start(" " + text)[0]

    def start(self, text: str = "") -> tuple[int, etree._Element]:
        """A new note: its mark then `text`; returns its id and its w:p, for a caller to add more runs."""
        note_id = self._next_id()
        note = etree.SubElement(self.root, qn("w:footnote"))
        note.set(qn("w:id"), str(note_id))
        p = etree.SubElement(note, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), self.text_style)
        digits = len(str(len(self.root.findall(f".//{qn('w:footnoteRef')}")) + 1))
        if self.indent is not None and digits > 1:
            ind = etree.SubElement(ppr, qn("w:ind"), dict(self.indent.attrib))
            ind.set(qn("w:hanging"), str(number_hang(digits)))
        mark = self._styled_run(p)
        etree.SubElement(mark, qn("w:footnoteRef"))
        if text:
            t = etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t"))
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return note_id, p

    def _styled_run(self, parent: etree._Element) -> etree._Element:
        run = etree.SubElement(parent, qn("w:r"))
        etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:rStyle")).set(
            qn("w:val"), self.reference_style
        )
        return run

    def reference(self, paragraph: DocxParagraph, note_id: int) -> Run:
        """Append the reference mark of note `note_id` to `paragraph`, in a run of its own."""
        return Run(self.mark(paragraph._p, note_id), paragraph)

    def mark(self, parent: etree._Element, note_id: int) -> etree._Element:
        """Append the reference mark of note `note_id` to `parent` (a w:p, or a w:ins / w:del in one)."""
        run = self._styled_run(parent)
        etree.SubElement(run, qn("w:footnoteReference")).set(qn("w:id"), str(note_id))
        return run

    def texts(self) -> dict[int, str]:
        """Note id -> its text (separators left out), as a reader would see it."""
        out: dict[int, str] = {}
        for note in self.root.findall(qn("w:footnote")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                continue
            out[int(note.get(qn("w:id")))] = note_text(note)
        return out


def note_text(note: etree._Element) -> str:
    """The text of a w:footnote element: its paragraphs' w:t, joined by spaces, the mark left out."""
    paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in note.iter(qn("w:p"))]
    return " ".join(p.strip() for p in paras if p.strip())
