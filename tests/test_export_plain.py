"""The .txt, .md and .html exporters, and the atomic write every exporter goes through."""

import os
import re

import pytest
from export_support import chinese_resolution, english_draft
from lxml import html as lxml_html

from draftroom.errors import DraftroomError
from draftroom.export import api
from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.files import write_atomically


def test_markdown_has_footnotes_italic_openers_and_literal_numbers(tmp_path):
    doc = english_draft()
    md = export_document(doc, tmp_path / "d.md", Options("draft", "en")).read_text(encoding="utf-8")
    assert "*Recalling also* the United Nations Convention" in md
    assert "1\\. *Urges* Member States to ratify the Convention[^2] without delay;" in md
    assert dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, re.M)) == {
        str(f.number): f.text.replace("*", "\\*") for f in doc.footnotes
    }
    assert "**Improving the coordination of efforts against trafficking in persons**" in md


def test_html_page_links_references_to_notes(tmp_path):
    doc = chinese_resolution()
    page = export_document(doc, tmp_path / "r.html", Options("resolution", "zh")).read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    assert tree.get("lang") == "zh" and tree.get("dir") == "ltr"
    notes = {li.get("id"): li.text_content().rstrip(" ↩") for li in tree.iter("li")}
    assert notes == {f"fn{f.number}": f.text for f in doc.footnotes}
    refs = [a.get("href") for a in tree.iter("a") if a.getparent().tag == "sup"]
    assert refs == ["#fn1", "#fn2", "#fn2", "#fn3"]  # the Convention's note is cited twice
    opener = tree.find_class("opener")[3]  # after the body's "大会" and two preambular openers
    assert opener.text == "又回顾" and "kaiti" in opener.get("class")
    assert "大会2010年7月30日通过的决议" in page


def test_arabic_html_reads_right_to_left(tmp_path):
    doc = chinese_resolution()
    doc.language = "ar"
    page = export_document(doc, tmp_path / "r.html", Options("resolution", "ar")).read_text(encoding="utf-8")
    assert lxml_html.fromstring(page).get("dir") == "rtl"


def test_plain_text_marks_nothing_but_the_canonical_form(tmp_path):
    text = export_document(english_draft(), tmp_path / "d.txt", Options("draft", "en")).read_text(
        encoding="utf-8"
    )
    assert "*" not in text and "<" not in text
    assert "\n\n(a) To promote universal ratification of the Convention;\n\n" in text
    assert text.rstrip().endswith("[^5]: See resolution 64/293.")


def test_atomic_write_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(DraftroomError, match="No space left on device"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_a_writer_failing_midway_leaves_nothing(tmp_path, monkeypatch):
    def broken(layout, typo):
        raise RuntimeError("renderer crashed")

    monkeypatch.setitem(api.WRITERS, ".docx", broken)
    with pytest.raises(RuntimeError):
        export_document(english_draft(), tmp_path / "x.docx", Options("draft", "en"))
    assert list(tmp_path.iterdir()) == []


def test_written_file_has_ordinary_permissions(tmp_path):
    out = export_document(english_draft(), tmp_path / "d.txt", Options("draft", "en"))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
