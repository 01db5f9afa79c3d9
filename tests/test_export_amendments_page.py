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
from draftroom.model import Instruction
from draftroom.parse import parse_file

# A/C.3/80/L.64 joins operative paragraphs 27 and 43 in one instruction (the model holds two)
AMENDMENTS = ["A_C.3_80_L.57", "A_C.3_80_L.62", "A_C.3_80_L.63", "A_C.3_80_L.64", "A_80_L.19", "A_80_L.20"]
SENTENCE = r"(?:\d+\.\t)?(?:In|After|Before|Delete|Replace|At the end)\b"


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
    un_text = (CORPUS_EN / f"{name}.txt").read_text(encoding="utf-8")
    uns = _flat(un_text)
    sentences = [_flat(p.text.split("\t")[-1]) for p in word.paragraphs if re.match(SENTENCE, p.text)]
    assert len(sentences) == len(re.findall(rf"(?m)^{SENTENCE}", un_text))  # as many as the UN's
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


def test_the_same_change_in_several_operative_paragraphs_is_one_instruction(tmp_path):
    """As the UN's A/C.3/80/L.64 states it: "In operative paragraphs 27 and 43, delete “…”." Only
    consecutive changes of the same words in whole operative paragraphs join, and only in a language
    whose plural citation is known (English); French keeps one instruction per paragraph."""
    base = parse_file(CORPUS_EN / "A_C.3_80_L.64.pdf")
    base.instructions = [
        Instruction("delete-words", target="OP27", words="sexual and reproductive"),
        Instruction("delete-words", target="OP30", words="sexual and reproductive"),
        Instruction("delete-words", target="OP43", words="sexual and reproductive"),
        Instruction("delete-words", target="OP44", words="reproductive"),
        Instruction("delete-words", target="OP45(a)", words="reproductive"),
    ]
    lines = {}
    for lang in ("en", "fr"):
        out = export_document(base, tmp_path / f"{lang}.docx", Options("amendments", lang))
        lines[lang] = [p.text for p in docx.Document(str(out)).paragraphs if re.match(r"\d+\.\t", p.text)]
    assert lines["en"] == [
        "1.\tIn operative paragraphs 27, 30 and 43, delete “sexual and reproductive”.",
        "2.\tIn operative paragraph 44, delete “reproductive”.",
        "3.\tIn operative paragraph 45 (a), delete “reproductive”.",
    ]
    assert len(lines["fr"]) == 5
