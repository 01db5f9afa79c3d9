"""Tables read from a PDF (79/255, 79/257: the UN's PDFs and XML, tests/data/akn, README there): the
rows and cells the UN's XML marks up, read from where the text stands on the page; a table that goes
on over a page break is one table, the heading rows the next page repeats read once; the notes set
below a table are paragraphs of their own."""

from pathlib import Path

from draftroom.model import Document, Paragraph
from draftroom.model.document import TABLE_CELLS, TABLE_ROWS
from draftroom.parse import parse_file

AKN = Path(__file__).parent / "data" / "akn"
_SAME = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u2011": "-"})


def _rows(p: Paragraph) -> list[list[str]]:
    """The table's rows as their printed cells: Word's empty spacer rows and columns, which print
    nothing, left out."""
    rows = [
        [" ".join(c.translate(_SAME).split()) for c in row.split(TABLE_CELLS.strip())]
        for row in p.text.split(TABLE_ROWS.strip())
    ]
    return [[c for c in row if c] for row in rows if any(row)]


def _annex(doc: Document) -> list[Paragraph]:
    return doc.annexes[0].paragraphs


def test_a_table_over_two_pages_reads_as_the_xml_with_its_notes_apart():
    got, key = parse_file(AKN / "en_A_RES_79_255.pdf"), parse_file(AKN / "en_A_RES_79_255.xml")
    ours, theirs = _annex(got), _annex(key)
    assert _rows(ours[0]) == _rows(theirs[0])
    assert _rows(ours[0])[:3] == [
        ["Gross", "Net of staff assessment"],
        ["(United States dollars)"],
        ["Estimated appropriation for 2025a", "62 287 400", "57 451 300"],
    ]
    assert sum(r == ["Gross", "Net of staff assessment"] for r in _rows(ours[0])) == 1  # page 4 repeats it
    assert _rows(ours[0])[-1][1:] == ["23 999 350", "21 578 050"]
    assert [p.text for p in ours[1:]] == ["a See A/79/555.", "b Reflects amounts after recosting."]
    assert [p.opener for p in ours[1:]] == ["", ""]  # the notes' letters are set in italics: no opener


def test_a_table_keeps_its_columns_and_empty_cells():
    got, key = parse_file(AKN / "en_A_RES_79_257.pdf"), parse_file(AKN / "en_A_RES_79_257.xml")
    table = _annex(got)[0].text
    assert _rows(_annex(got)[0]) == _rows(_annex(key)[0])
    rows = [[c.strip() for c in row.split(TABLE_CELLS.strip())] for row in table.split(TABLE_ROWS)]
    assert rows[:4] == [
        [
            "Category",
            "Number of posts (excluding special political missions)",
            "Number of posts (special political missions)",
            "Total",
        ],
        ["Expenditure sections", "", "", ""],
        ["Professional and higher", "", "", ""],
        ["Deputy Secretary-General", "1", "–", "1"],
    ]
    assert all(len(r) == 4 for r in rows)
    assert rows.count(rows[0]) == 1  # the heading page 12 repeats, read once
    assert rows[-1] == ["Total", "10 594", "3 882", "14 476"]
