"""The readers on hostile files (issue 17, causes 4 to 6): every one is a one-line DraftroomError
naming what is wrong (a limit by its name), never another exception, and near-linear work."""

import pytest
from hostile_files import (
    DRAFT,
    NUMBERING_REL,
    OFFICE,
    W,
    corrupt_deflate,
    cyclic_pdf,
    damaged_local_header,
    document_xml,
    docx,
    lying_count_pdf,
    noted,
    numbered_paragraph,
    numbering,
    one_page_pdf,
    relationships,
    text_pdf,
    zip_bomb,
)

from draftroom.errors import DraftroomError
from draftroom.model import limits
from draftroom.parse import parse_text
from draftroom.parse.docx import read_docx
from draftroom.parse.footnotes import extract_notes
from draftroom.parse.furniture import strip_furniture
from draftroom.parse.pdf import read_pdf

NAME = "x"


def refused(read, data, *words: str) -> str:
    with pytest.raises(DraftroomError) as e:
        read(data, NAME)
    message = str(e.value)
    assert "\n" not in message and message.startswith(f"{NAME}: "), message
    for word in words:
        assert word in message, message
    return message


def reads(data: bytes) -> str:
    text = read_docx(data, NAME).text
    assert "Decides to remain seized" in text
    return text


# ---- 4. the .docx reader -------------------------------------------------------------------------------
def test_a_relationship_without_target_is_no_relationship():
    no_target = f'<Relationship Id="r1" Type="{OFFICE}/officeDocument"/>'
    reads(docx(root_rels=relationships(no_target)))  # the main part is then word/document.xml
    reads(docx(document_rels=relationships(f'<Relationship Id="r2" Type="{OFFICE}/footnotes"/>')))
    reads(docx(document_rels=relationships('<Relationship Id="r3" Target="footnotes.xml"/>')))


@pytest.mark.parametrize(
    ("ilvl", "start"), [("x", "1"), ("0", "y"), ("-1", "1"), ("99999999999", "1"), ("²", "¹")]
)
def test_numbering_that_is_not_a_number_is_read_as_word_would(ilvl, start):
    body = document_xml(
        numbered_paragraph("first", ilvl)
        + numbered_paragraph("second", "one")
        + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    )
    data = docx(document=body, numbering=numbering(ilvl, start), document_rels=relationships(NUMBERING_REL))
    assert "second" in read_docx(data, NAME).text


def test_corrupt_deflate_data_is_a_damaged_document():
    refused(read_docx, corrupt_deflate(docx()), "not a readable Word document", "damaged")


def test_a_damaged_zip_header_is_a_damaged_document():
    refused(read_docx, damaged_local_header(docx()), "not a readable Word document")
    refused(read_docx, docx()[:-40], "not a readable Word document")


@pytest.mark.parametrize("depth", [201, 250, 1000])
def test_deeply_nested_paragraphs_are_over_the_nesting_limit(depth):
    inner = "<w:p>" * depth + "<w:r><w:t>x</w:t></w:r>" + "</w:p>" * depth
    refused(read_docx, docx(document=document_xml(inner)), "nesting depth limit", str(limits.XML_DEPTH.value))


def test_nesting_within_the_limit_reads():
    inner = (
        "<w:sdt><w:sdtContent>" * 90
        + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * 90
    )
    assert "deep" in read_docx(docx(document=document_xml(inner)), NAME).text


# ---- 5. unzipped size ----------------------------------------------------------------------------------
@pytest.mark.parametrize("megabytes", [20, 60])
def test_a_zip_bomb_is_refused_by_the_unzipped_limits(megabytes):
    bomb = zip_bomb(megabytes << 20)
    assert len(bomb) < 100_000
    message = refused(read_docx, bomb)
    assert "compression ratio limit" in message or "unzipped size limit" in message


def test_the_unzipped_size_counts_what_is_read_not_what_the_zip_declares(monkeypatch):
    monkeypatch.setattr("draftroom.parse.docx.UNZIPPED_BYTES", limits.Limit("unzipped size", 1000, "bytes"))
    refused(
        read_docx,
        docx(document=document_xml("<w:p><w:r><w:t>" + "a" * 2000 + "</w:t></w:r></w:p>")),
        "unzipped size limit",
    )


# ---- 4. the PDF reader ---------------------------------------------------------------------------------
def test_a_pdf_page_tree_that_is_a_cycle_is_a_damaged_pdf():
    refused(read_pdf, cyclic_pdf(), "damaged", "cycle")


def test_a_pdf_that_lies_about_its_page_count_is_refused():
    refused(read_pdf, lying_count_pdf(), "damaged")


def test_a_pdf_over_the_page_count_limit_is_refused():
    refused(read_pdf, text_pdf([["The General Assembly,"]] * (limits.PAGES.value + 1)), "page count limit")


def test_the_built_pdf_reads():
    assert "Decides to remain seized" in read_pdf(text_pdf(), NAME).text


@pytest.mark.parametrize(
    "garbage",
    [b"%PDF-1.4\n" + bytes(range(256)) * 400, b"%PDF" + b"obj << /Kids [" * 20000, b"%PDF-1.7\nstartxref\n9"],
)
def test_pdf_garbage_is_refused_before_any_repair(garbage):
    refused(read_pdf, garbage, "not a readable PDF")


# ---- 6. footnotes, long lines, long numbers ------------------------------------------------------------
def test_footnotes_up_to_the_limit_are_read_and_past_it_refused():
    doc = parse_text(noted(limits.FOOTNOTES.value), "en", source=NAME)
    assert len(doc.footnotes) == limits.FOOTNOTES.value
    with pytest.raises(DraftroomError, match="number of footnotes limit"):
        parse_text(noted(limits.FOOTNOTES.value + 1), "en", source=NAME)


def test_fifty_thousand_footnotes_are_refused_by_the_limit():
    lines = strip_furniture("\n".join(f"[^{n}]: Resolution {n}/1." for n in range(1, 50_001)))
    with pytest.raises(DraftroomError, match="number of footnotes limit"):
        extract_notes(lines)


def test_a_long_note_grows_in_linear_time_and_keeps_its_words():
    words = [f"word{n}" for n in range(30_000)]
    text = "The General Assembly,\n\n1. Decides to act.1\n______\n1 " + "\n".join(words) + "\n"
    _, notes = extract_notes(strip_furniture(text))
    assert notes.numbered[1].split() == words


def test_a_fifteen_megabyte_line_is_refused_by_the_line_length_limit():
    with pytest.raises(DraftroomError, match="line length limit") as e:
        parse_text("The General Assembly,\n\n" + "a" * 15_000_000, source=NAME)
    assert "line 3" in str(e.value)


def test_a_text_over_the_length_limit_is_refused():
    line = "1. Decides to act. " * 50 + "\n"
    with pytest.raises(DraftroomError, match="text length limit"):
        parse_text(line * (limits.TEXT_CHARS.value // len(line) + 1), source=NAME)


@pytest.mark.parametrize("text", ["[^" + "9" * 5000 + "]: note", "1. Decides " + "٣" * 5000, "1" * 101])
def test_a_number_longer_than_the_limit_is_refused(text):
    with pytest.raises(DraftroomError, match="number length limit"):
        parse_text("The General Assembly,\n\n" + text + "\n", source=NAME)


@pytest.mark.parametrize("line", ["²", "¹²³", "①", "²³⁴⁵⁶⁷⁸⁹¹²³⁴⁵", "٣", "(²)"])
def test_digits_int_cannot_read_are_not_taken_for_numbers(line):
    text = f"The General Assembly,\n\n1. Decides to act.[^1]\n\n______\n[^1]: Resolution 70/1.\n{line}\n2. Requests.\n"
    parse_text(text, "en", source=NAME)


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_a_one_line_error(tmp_path):
    from draftroom.parse import read_source

    f = tmp_path / "cut.txt"
    f.write_bytes(b"\xff\xfe" + "The General Assembly,".encode("utf-16-le")[:-1])
    with pytest.raises(DraftroomError, match="UTF-16"):
        read_source(f)


def test_paragraphs_nested_in_paragraphs_are_read_once():
    nested = "<w:p>" * 150 + "<w:r><w:t>deep words</w:t></w:r>" + "</w:p>" * 150
    table = f"<w:tbl><w:tr><w:tc>{nested}</w:tc></w:tr></w:tbl>"
    note = f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">{nested}</w:footnote></w:footnotes>'
    rel = f'<Relationship Id="r9" Type="{OFFICE}/footnotes" Target="footnotes.xml"/>'
    ref = '<w:p><w:r><w:t>1.\tDecides to act.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    text = read_docx(
        docx(document=document_xml(DRAFT + table + ref), footnotes=note, document_rels=relationships(rel)),
        NAME,
    ).text
    assert text.count("deep words") == 2  # once in the table, once in the note


def test_a_page_with_more_text_than_any_page_holds_is_refused_before_its_characters_are_read():
    runs = b"".join(
        b"1 0 0 1 %d %d Tm (Decides to act on the matter at hand, ) Tj\n"
        % (72 + (i % 3) * 150, 750 - (i // 3) % 700)
        for i in range(2000)
    )
    page = one_page_pdf(b"BT /F1 10 Tf " + runs + b"ET")
    refused(read_pdf, page, "text on a page limit", "page 1")


def test_a_paragraph_of_many_short_lines_is_joined_in_linear_time_up_to_the_paragraph_limit():
    words = "to\n" * 6_000
    doc = parse_text(f"The General Assembly,\n\n1. Decides\n{words}", "en", source=NAME)
    assert doc.operative[0].text.count("to") == 6_000
    with pytest.raises(DraftroomError, match="paragraph length limit"):
        parse_text(f"The General Assembly,\n\n1. Decides\n{words * 4}", "en", source=NAME)


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("bomb.docx", lambda: zip_bomb(60 << 20), "limit"),
        (
            "deep.docx",
            lambda: docx(document=document_xml("<w:p>" * 1000 + "</w:p>" * 1000)),
            "nesting depth limit",
        ),
        ("inflate.docx", lambda: corrupt_deflate(docx()), "not a readable Word document"),
        ("cycle.pdf", cyclic_pdf, "cycle in page tree"),
        ("count.pdf", lying_count_pdf, "damaged"),
    ],
)
def test_parse_says_what_is_wrong_in_one_line(run_cli, tmp_path, name, make, words):
    f = tmp_path / name
    f.write_bytes(make())
    done = run_cli("parse", str(f))
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr.count("\n") == 1 and done.stderr.startswith("draftroom: error: ") and words in done.stderr
    )
