"""The footnotes module on real .docx files, read back by python-docx, pandoc and LibreOffice."""

import subprocess
import zipfile

import docx
from conftest import require_tool
from lxml import etree

from draftroom.export.footnotes import Footnotes, style_by_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _with_notes(path, texts):
    document = docx.Document()
    notes = Footnotes(document)
    p = document.add_paragraph("Recalling the Convention,")
    for text in texts:
        notes.reference(p, notes.add(text))
        p.add_run(" and")
    document.save(path)
    return path


def test_part_separators_styles_and_settings(tmp_path):
    path = _with_notes(tmp_path / "n.docx", ["Resolution 70/1.", "同上，附件。"])
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/footnotes.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        settings = etree.fromstring(z.read("word/settings.xml"))
        types = z.read("[Content_Types].xml").decode()
    assert "relationships/footnotes" in rels and "footnotes+xml" in types
    assert root.nsmap.get("r") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    kinds = [(n.get(f"{W}type"), n.get(f"{W}id")) for n in root.findall(f"{W}footnote")]
    assert kinds == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1"), (None, "2")]
    declared = [n.get(f"{W}id") for n in settings.find(f"{W}footnotePr").findall(f"{W}footnote")]
    assert declared == ["-1", "0"]
    document = docx.Document(path)
    assert style_by_name(document, "footnote text") is not None
    assert style_by_name(document, "footnote reference").font.superscript


def test_each_reference_mark_in_its_own_run(tmp_path):
    path = _with_notes(tmp_path / "n.docx", ["One.", "Two."])
    body = docx.Document(path).element.body
    for ref in body.iter(f"{W}footnoteReference"):
        run = ref.getparent()
        assert [etree.QName(c).localname for c in run] == ["rPr", "footnoteReference"]


def test_reopened_document_keeps_and_extends_notes(tmp_path):
    path = _with_notes(tmp_path / "n.docx", ["One."])
    document = docx.Document(path)
    notes = Footnotes(document)
    assert notes.texts() == {1: "One."}
    new_id = notes.add("Two.")
    assert new_id == 2
    document.save(tmp_path / "m.docx")
    assert Footnotes(docx.Document(tmp_path / "m.docx")).texts() == {1: "One.", 2: "Two."}


def test_numbering_continues_from_libreoffice_separators(tmp_path):
    """LibreOffice numbers separators 0 and 1: new notes start above the highest id, found by type."""
    path = _with_notes(tmp_path / "n.docx", [])
    document = docx.Document(path)
    notes = Footnotes(document)
    for note in notes.root.findall(f"{W}footnote"):
        note.set(f"{W}id", str(int(note.get(f"{W}id")) + 1))
    assert notes.add("First.") == 2
    assert notes.texts() == {2: "First."}


def test_pandoc_reads_real_footnotes(tmp_path):
    require_tool("pandoc")
    path = _with_notes(
        tmp_path / "n.docx", ["United Nations, Treaty Series, vol. 2225, No. 39574.", "第70/1号决议。"]
    )
    md = subprocess.run(
        ["pandoc", str(path), "-t", "markdown"], capture_output=True, text=True, check=True
    ).stdout
    assert "[^1]: United Nations, Treaty Series, vol. 2225, No. 39574." in md
    assert "[^2]: 第70/1号决议。" in md
    assert "Convention,[^1] and[^2]" in md
