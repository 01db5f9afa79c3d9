"""The .docx reader on the UN's own Word files: the structure, every footnote, and the openers the
UN set in italic runs."""

import zipfile
from pathlib import Path

import pytest

from draftroom.model.labels import iter_located
from draftroom.parse import parse_file

UN_WORD = Path(__file__).parent / "data" / "un-word"


def _notes_in(path: Path) -> int:
    xml = zipfile.ZipFile(path).read("word/footnotes.xml").decode()
    return (
        xml.count("<w:footnote ")
        - xml.count('w:type="separator"')
        - xml.count('w:type="continuationSeparator"')
    )


@pytest.mark.parametrize("name", ["N1822456.docx", "N1746804.docx"])
def test_every_footnote_kept(name):
    path = UN_WORD / name
    doc = parse_file(path)
    assert len(doc.footnotes) == _notes_in(path)
    refs = [
        n
        for loc in iter_located(doc)
        for n in range(1, len(doc.footnotes) + 1)
        if f"[^{n}]" in loc.paragraph.text
    ]
    assert sorted(set(refs)) == list(range(1, len(doc.footnotes) + 1))


def test_ecosoc_resolution_head_and_structure():
    doc = parse_file(UN_WORD / "N1822456.docx")
    assert (doc.kind, doc.session, doc.resolution_number) == ("resolution", "2018 session", "2018/12")
    assert (
        doc.title == "Report of the Committee of Experts on Public Administration on its seventeenth session"
    )
    assert doc.body == "The Economic and Social Council"
    assert len(doc.preamble) == 9
    assert [p.number for p in doc.operative] == list(range(1, 38))
    heads = [h for p in doc.operative for h in p.headings]
    assert (
        "Participation and engagement in implementing the Sustainable Development Goals and contributing to progress"
        in heads
    )
    assert not any(h in p.text for p in doc.operative for h in heads)


def test_openers_from_italic_runs():
    doc = parse_file(UN_WORD / "N1746804.docx")
    assert doc.preamble[0].opener == "Recognizing"
    assert doc.preamble[4].opener == "Recognizing also"
    assert all(p.opener and p.text.startswith(p.opener) for p in doc.preamble + doc.operative)
