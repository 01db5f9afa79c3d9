"""The UN's real amendments documents read and exported again: their own symbol, date and job number,
the UN's wording of every instruction, the footnotes of a quoted paragraph (marked "**" after the `*`
sponsor note) and the sponsor note."""

import re

import docx
import pytest
from corpus_support import CORPUS_EN
from docx.oxml.ns import qn
from export_support import story_lines

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.export.footnotes import Footnotes
from draftroom.parse import parse_file

# (A/C.3/80/L.64 joins operative paragraphs 27 and 43 in one instruction, which the model holds as two)
AMENDMENTS = ["A_C.3_80_L.57", "A_C.3_80_L.62", "A_C.3_80_L.63", "A_80_L.19", "A_80_L.20"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", AMENDMENTS)
def test_reexported_amendments_keep_their_head_and_the_uns_wording(name, tmp_path):
    doc = parse_file(CORPUS_EN / f"{name}.pdf")
    out = export_document(doc, tmp_path / "a.docx", Options("amendments", "en"))
    word = docx.Document(str(out))
    section = word.sections[0]
    masthead = story_lines(section.first_page_header)
    assert doc.symbol in masthead and doc.date in masthead
    assert story_lines(section.first_page_footer) == [f"{doc.job_number} (E)"]
    uns = _flat((CORPUS_EN / f"{name}.txt").read_text(encoding="utf-8"))
    sentences = [
        _flat(p.text.split("\t")[-1])
        for p in word.paragraphs
        if re.match(r"(?:\d+\.\t)?(?:In|After|Before|Delete|Replace|At the end)\b", p.text)
    ]
    assert len(sentences) == len(doc.instructions)
    for sentence in sentences:  # the UN breaks a long sentence over lines, which _flat undoes
        assert sentence in uns, sentence


def test_a_deleted_paragraphs_note_and_the_sponsor_note_are_kept(tmp_path):
    doc = parse_file(CORPUS_EN / "A_80_L.19.pdf")
    out = export_document(doc, tmp_path / "a.docx", Options("amendments", "en"))
    word = docx.Document(str(out))
    notes = Footnotes(word).texts()
    sponsor = next(p for p in word.paragraphs if p.text.startswith("Russian Federation:"))
    assert sponsor.text == "Russian Federation:* amendment to draft resolution A/80/L.18"
    (custom,) = [r for r in sponsor._p.iter(qn("w:footnoteReference")) if r.get(qn("w:customMarkFollows"))]
    assert notes[int(custom.get(qn("w:id")))].lstrip("*") == (
        "Any changes to the list of sponsors will be reflected in the official record of the meeting."
    )
    # the quoted paragraph's note is marked "**" after the sponsor's "*", as on the UN's page
    quoted = next(p for p in word.paragraphs if "Criminal Court," in p.text)
    assert "Criminal Court,** and noting" in quoted.text
    (starred,) = quoted._p.iter(qn("w:footnoteReference"))
    assert starred.get(qn("w:customMarkFollows")) == "1"
    assert notes[int(starred.get(qn("w:id")))] == "**United Nations, Treaty Series, vol. 2187, No. 38544."
    back = parse_file(out)  # and our own file reads back as the same amendments document
    assert [f.text for f in back.footnotes] == [f.text for f in doc.footnotes]
    assert (back.symbol, back.date, back.job_number, back.amends) == (
        doc.symbol,
        doc.date,
        doc.job_number,
        doc.amends,
    )
    assert back.instructions == doc.instructions
