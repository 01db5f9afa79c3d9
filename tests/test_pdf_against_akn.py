"""The PDF reader held against the UN's own XML of the same resolution (the answer key): counts,
operative headings, the text of every paragraph and the italic openers read from the PDF's fonts.
The whole corpus is in bench/akn_accuracy.py."""

import re
from pathlib import Path

import pytest

from draftroom.model import Document
from draftroom.model.labels import iter_located
from draftroom.parse import parse_file

AKN = Path(__file__).parent / "data" / "akn"


_SAME = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u2011": "-"})  # the XML's no-break spaces and hyphens


def _normal(text: str) -> str:
    return " ".join(text.translate(_SAME).split())


def _reads_as(got: Document, key: Document, openers: bool = True) -> None:
    assert (len(got.preamble), len(got.operative), len(got.footnotes)) == (
        len(key.preamble),
        len(key.operative),
        len(key.footnotes),
    )
    assert [[_normal(h) for h in p.headings] for p in got.operative] == [
        [_normal(h) for h in p.headings] for p in key.operative
    ]
    ours, theirs = list(iter_located(got)), list(iter_located(key))
    assert [loc.label for loc in ours] == [loc.label for loc in theirs]
    for a, b in zip(ours, theirs, strict=True):
        assert _normal(a.paragraph.text) == _normal(b.paragraph.text), a.label
        if openers:
            assert a.paragraph.opener == b.paragraph.opener, a.label
    assert _normal(got.closing.meeting or "") == _normal(key.closing.meeting or "")


@pytest.mark.parametrize("name", ["en_A_RES_79_3", "en_A_RES_79_304", "en_A_RES_79_299", "en_A_RES_79_310"])
def test_pdf_reads_as_the_xml(name):
    _reads_as(parse_file(AKN / f"{name}.pdf"), parse_file(AKN / f"{name}.xml"))


@pytest.mark.parametrize(
    "name",
    [
        # an operative paragraph ending in a comma, not a semicolon (OP14); a resumed meeting closing
        "en_A_RES_79_264",
        # a list run into its sentence after a sub-item: "on: (i) modalities ...; (ii) ...; and (iii) ..."
        "en_A_RES_79_237",
        # a preambular paragraph whose line ends in a colon inside a name ("Nuclear Security:" /
        # "Shaping the Future"): the name goes on, no new paragraph
        "en_A_RES_79_55",
        # a running head of four lines (the symbol, a title over four lines, a blank, the job number and
        # page counter): all of it furniture, the text on either side one paragraph or sub-item
        "en_A_RES_79_96",
        # an operative heading as long as a line, set apart at the top of a page before paragraph 5
        "en_A_RES_79_299",
    ],
)
def test_extracted_text_reads_as_the_xml(name):
    _reads_as(parse_file(AKN / f"{name}.txt"), parse_file(AKN / f"{name}.xml"), openers=False)


def test_a_four_line_running_head_splits_no_sub_item():
    """79/325: the page break after OP4's "(a)" under a running head over four lines: the sub-items
    and paragraphs as the XML has them (the text gives the reference of note 2 as a plain " 2 ",
    which is not read as one: references are compared as the numbers they print)."""
    got = parse_file(AKN / "en_A_RES_79_325.txt")
    key = parse_file(AKN / "en_A_RES_79_325.xml")
    ours, theirs = list(iter_located(got)), list(iter_located(key))
    assert [loc.label for loc in ours] == [loc.label for loc in theirs]
    for a, b in zip(ours, theirs, strict=True):
        assert _plain_refs(a.paragraph.text) == _plain_refs(b.paragraph.text), a.label


def _plain_refs(text: str) -> str:
    return _normal(re.sub(r"\[\^(\d+)\]", r" \1 ", text))


def test_references_after_one_the_text_garbled_are_still_read():
    """79/116: the text glues note 9's number to a resolution's ("59/3009"), which reads as no
    reference; the references after it ("Ad Hoc Committee,10", "Secretariat11") are still read."""
    got = parse_file(AKN / "en_A_RES_79_116.txt")
    key = parse_file(AKN / "en_A_RES_79_116.xml")
    ours, theirs = list(iter_located(got)), list(iter_located(key))
    assert [loc.label for loc in ours] == [loc.label for loc in theirs]
    for a, b in zip(ours, theirs, strict=True):
        expected = _normal(b.paragraph.text).replace("59/300[^9]", "59/3009")
        assert _normal(a.paragraph.text) == expected, a.label


def test_plain_text_does_not_claim_openers():
    text = parse_file(Path(__file__).parent / "data" / "corpus-en" / "A_RES_80_9.txt")
    assert all(loc.paragraph.opener is None for loc in iter_located(text))


def test_operative_headings_are_not_glued_to_paragraphs():
    got = parse_file(AKN / "en_A_RES_79_117.pdf")
    key = parse_file(AKN / "en_A_RES_79_117.xml")
    heads = [h for p in got.operative for h in p.headings]
    assert heads[:6] == [
        "I",
        "Legislative activities",
        "II",
        "Rules of procedure and methods of work",
        "III",
        "Rotation scheme",
    ]
    assert set(heads) <= {h for p in key.operative for h in p.headings}
    assert not any(p.text.endswith(("Legislative activities", "Rotation scheme")) for p in got.operative)


def test_spaced_dates_lone_markers_and_a_note_block_under_spaces():
    """A Council text as some extractions give it: dates spaced ("2015 年 7 月 21 日"), each note
    marker on a line of its own, the notes opened by a long run of spaces instead of a rule."""
    doc = parse_file(Path(__file__).parent / "data" / "zh_ecosoc_spaced.txt")
    assert [f.text for f in doc.footnotes] == ["E/2014/99。", "A/70/1。"]
    assert [p.text.endswith(f"[^{n}]") for n, p in enumerate(doc.preamble, 1)] == [True, True]
    assert len(doc.operative) == 2 and all(not p.headings for p in doc.preamble + doc.operative)
    assert (doc.session, doc.resolution_number) == ("2015 年届会", "2015/23")
    assert doc.closing.meeting == "第 40 次全体会议"


def test_a_table_in_small_type_after_the_notes_is_no_note():
    """79/255: the notes of page 2 end with a full stop; the annex's table, set in small type at the
    foot of page 3 ("62 287 400 57 451 300"), is the annex's text, not more of note 5."""
    got = parse_file(AKN / "en_A_RES_79_255.pdf")
    key = parse_file(AKN / "en_A_RES_79_255.xml")
    assert [(f.number, _normal(f.text)) for f in got.footnotes] == [
        (f.number, _normal(f.text)) for f in key.footnotes
    ]
    assert [_normal(a.title) for a in got.annexes] == [_normal(a.title) for a in key.annexes]
    annex = " ".join(p.text for p in got.annexes[0].paragraphs)
    assert "Estimated appropriation for 2025" in annex and "Reflects amounts after recosting" in annex


def test_a_budget_table_and_headings_over_two_lines():
    """79/257: a page of an annex table in small type whose totals column prints "6 441" at the
    next note number; and headings whose first line ends in a colon ("... Agenda 2063:" / "The
    Africa We Want"), after "Part IV" / "International cooperation for development"."""
    got = parse_file(AKN / "en_A_RES_79_257.pdf")
    key = parse_file(AKN / "en_A_RES_79_257.xml")
    assert [(f.number, _normal(f.text)) for f in got.footnotes] == [
        (f.number, _normal(f.text)) for f in key.footnotes
    ]
    assert [[_normal(h) for h in p.headings] for p in got.operative] == [
        [_normal(h) for h in p.headings] for p in key.operative
    ]
    ours, theirs = list(iter_located(got)), list(iter_located(key))
    assert [loc.label for loc in ours] == [loc.label for loc in theirs]
