"""The job number: read from the first page of a real document, printed in the first-page footer of
the same document issued again (or the one given), never carried into a new revision."""

import re

import pytest
from corpus_support import CORPUS_EN
from export_support import story_lines

from draftroom.errors import DraftroomError
from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.parse import parse_file
from draftroom.workflow import negotiation as nego
from draftroom.workflow import revising

L18_PDF, L18_TXT = CORPUS_EN / "A_80_L.18.pdf", CORPUS_EN / "A_80_L.18.txt"


@pytest.mark.parametrize("path", sorted(CORPUS_EN.glob("*.txt")), ids=lambda p: p.stem)
def test_every_english_document_gives_its_job_number_from_text_and_pdf(path):
    printed = re.search(r"^(\d{2}-\d{5}) \(E\)", path.read_text(encoding="utf-8"), re.M)
    assert printed, "every document of the corpus prints its job number on the first page"
    assert parse_file(path).job_number == parse_file(path.with_suffix(".pdf")).job_number == printed[1]


def first_page_footer(path) -> list[str]:
    from docx import Document as WordDocument

    section = WordDocument(str(path)).sections[0]
    assert section.different_first_page_header_footer
    return story_lines(section.first_page_footer)


def test_footer_of_the_document_issued_again_or_as_given(tmp_path):
    doc = parse_file(L18_PDF)
    out = tmp_path / "l18.docx"
    export_document(doc, out, Options("draft", "en"))
    assert first_page_footer(out) == ["25-19372 (E)"]
    export_document(doc, out, Options("draft", "zh"))  # another language version: another document
    assert first_page_footer(out) == []
    export_document(doc, out, Options("draft", "fr", job_number="25-20001"))
    assert first_page_footer(out) == ["25-20001 (F)"]
    with pytest.raises(DraftroomError, match="is not a job number"):
        Options("draft", "en", job_number="2520001")


def test_a_revision_has_no_job_number_until_the_secretariat_gives_one(tmp_path):
    nego.new_negotiation("l18", L18_TXT, facilitator="Mexico", actor="Mexico", home=tmp_path)
    revising.revise("l18", "Mexico", home=tmp_path)
    assert nego.show("l18", "rev-0", home=tmp_path).job_number == "25-19372"
    assert nego.show("l18", home=tmp_path).job_number is None


def test_the_cli_option_and_its_error(run_cli, tmp_path):
    out = tmp_path / "out.docx"
    bad = run_cli("export", str(L18_TXT), "-o", str(out), "--job-number", "19372")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "25-19372" in bad.stderr
    ok = run_cli("export", str(L18_TXT), "-o", str(out), "--job-number", "25-30000")
    assert ok.returncode == 0, ok.stderr
    assert first_page_footer(out) == ["25-30000 (E)"]
