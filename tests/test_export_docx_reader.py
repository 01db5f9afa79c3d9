"""read_docx on Word features our exporter does not write but real documents have."""

import io

import docx
import pytest
from docx.oxml import parse_xml

from draftroom.errors import DraftroomError
from draftroom.export.footnotes import Footnotes
from draftroom.parse.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _append(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def test_word_features():
    document = docx.Document()
    notes = Footnotes(document)
    p = document.add_paragraph("Recalling the Convention,")
    first = notes.add("United Nations, Treaty Series, vol. 2225.")
    _append(p, f'<w:bookmarkStart {W} w:id="7" w:name="_Ref1"/>')
    notes.reference(p, first)
    _append(p, f'<w:bookmarkEnd {W} w:id="7"/>')
    p.add_run(" and again")
    _append(p, f'<w:fldSimple {W} w:instr=" NOTEREF _Ref1 \\h "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    _append(p, f'<w:del {W} w:id="1" w:author="x"><w:r><w:delText>deleted words</w:delText></w:r></w:del>')
    _append(p, f'<w:ins {W} w:id="2" w:author="x"><w:r><w:t> inserted</w:t></w:r></w:ins>')
    _append(
        p,
        f'<mc:AlternateContent {MC} {W}><mc:Choice Requires="wps"><w:r><w:t> shown</w:t></w:r></mc:Choice>'
        f"<mc:Fallback><w:r><w:t> shown</w:t></w:r></mc:Fallback></mc:AlternateContent>",
    )
    sponsor = document.add_paragraph("Lithuania:")
    star = notes.add("On behalf of the European Union.")
    _append(sponsor, f'<w:r {W}><w:footnoteReference w:customMarkFollows="1" w:id="{star}"/></w:r>')
    sponsor.add_run("*")
    sponsor.add_run(" draft resolution")
    document.add_paragraph("")  # empty paragraphs vanish
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "United Nations"
    table.cell(0, 1).text = "A/C.3/74/L.20"
    document.add_paragraph("1.\tDecides to remain seized of the matter.")
    paragraphs = read_docx(_save(document), "t.docx").text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "Recalling the Convention,[^1] and again[^1] inserted shown"
    assert paragraphs[1] == "Lithuania:* draft resolution"
    assert paragraphs[2:4] == ["United Nations", "A/C.3/74/L.20"]
    assert paragraphs[4] == "1. Decides to remain seized of the matter."
    assert (
        paragraphs[5] == "* On behalf of the European Union.\n[^1]: United Nations, Treaty Series, vol. 2225."
    )


def test_automatic_numbering_counts_like_word():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in ((0, "Requests:"), (1, "To report;"), (1, "To act;"), (0, "Decides.")):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    text = read_docx(_save(document), "n.docx").text
    assert text.rstrip("\n").split("\n\n") == ["1. Requests:", "(a) To report;", "(b) To act;", "2. Decides."]


def test_not_a_word_document():
    with pytest.raises(DraftroomError, match="not a readable Word document"):
        read_docx(b"PK\x03\x04 broken zip", "bad.docx")
