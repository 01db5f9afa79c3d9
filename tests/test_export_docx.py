"""Exported .docx files read by independent readers: python-docx, pandoc, LibreOffice + pdftotext."""

import re
import subprocess
import zipfile

import docx
import docx.shared
import pytest
from conftest import require_tool
from corpus_support import SEEDS
from docx.oxml.ns import qn
from export_support import chinese_resolution, english_draft, pdf_texts, story_lines

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.export.footnotes import Footnotes
from draftroom.model import Instruction, iter_located
from draftroom.parse import parse_file
from draftroom.parse.docx import read_docx

REF = re.compile(r"\[\^(\d+)\]")
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _texts(doc):
    """Every paragraph's text as printed (a reference shows its number), and every footnote text."""
    paras = [REF.sub(r"\1", loc.paragraph.text) for loc in iter_located(doc)]
    return paras, [f.text for f in doc.footnotes]


def _flat(text: str) -> str:
    """Text without spacing, for comparing with a PDF's; "、" and "，" too, which LibreOffice hangs past
    a line's end (where pdftotext may not see them)."""
    return re.sub(r"[\s、，]+", "", text)


def _in_order(flat: str, text: str, pieces: int = 4) -> bool:
    """`text` in `flat` as at most `pieces` runs in order: a page break may put the notes, the running
    head and the page number inside a paragraph. Each run but the last is at least 8 characters."""
    pos = 0
    for _ in range(pieces):
        longest, low, high = 0, 1, len(text)
        while low <= high:  # the longest prefix of `text` found after `pos`
            mid = (low + high) // 2
            if flat.find(text[:mid], pos) >= 0:
                longest, low = mid, mid + 1
            else:
                high = mid - 1
        if longest == len(text):
            return True
        if longest < 8:
            return False
        pos = flat.find(text[:longest], pos) + longest
        text = text[longest:]
    return False


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    en, zh = english_draft(), chinese_resolution()
    amendments = english_draft()
    amendments.kind, amendments.amends, amendments.sponsors = "amendments", "A/C.3/74/L.20", ["Lithuania"]
    amendments.instructions = [
        Instruction("insert", after="PP2", text="Noting the report of the Secretary-General,"),
        Instruction("delete-words", target="OP1", words="without delay"),
    ]
    files = {
        "draft": (en, export_document(en, out / "draft.docx", Options("draft", "en"))),
        "revised": (
            en,
            export_document(en, out / "revised.docx", Options("revised-draft", "en"), paper="a4"),
        ),
        "resolution-zh": (zh, export_document(zh, out / "res-zh.docx", Options("resolution", "zh"))),
        "amendments": (
            amendments,
            export_document(amendments, out / "amend.docx", Options("amendments", "en")),
        ),
    }
    return out, files


def test_python_docx_opens_every_export(exports):
    _, files = exports
    for doc, path in files.values():
        text = "\n".join(p.text for p in docx.Document(path).paragraphs)
        assert (doc.title in text) or doc.kind == "amendments"


def test_word_numbers_footnotes_once_per_note(exports):
    _, files = exports
    doc, path = files["draft"]
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("<w:footnoteReference ") == len(doc.footnotes)  # repeated references reuse numbers
    assert body.count("NOTEREF") == 2  # the Convention (note 2) and its Protocol (note 3) cited again
    assert sorted(Footnotes(docx.Document(path)).texts().values()) == sorted(f.text for f in doc.footnotes)


def test_titles_in_footnotes_keep_their_italics(exports):
    _, files = exports
    notes = Footnotes(docx.Document(files["draft"][1])).root
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    italic = [r.find(f"{W}t").text for r in notes.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert italic == ["Treaty Series"]


def test_pandoc_shows_footnotes_as_footnotes(exports):
    require_tool("pandoc")
    _, files = exports
    for key in ("draft", "resolution-zh"):
        doc, path = files[key]
        italics = {f.number: f.text.replace("Treaty Series", "*Treaty Series*") for f in doc.footnotes}
        assert _pandoc_notes(path) == italics
        md = subprocess.run(
            ["pandoc", str(path), "-t", "markdown", "--wrap=none"], capture_output=True, text=True, check=True
        ).stdout
        first = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", md)]
        assert first == sorted(first) == list(range(1, len(doc.footnotes) + 1))


def test_libreoffice_pdf_holds_every_paragraph_and_note(exports):
    out, files = exports
    pdfs = pdf_texts([p for _, p in files.values()], out)
    for key in ("draft", "revised", "resolution-zh"):
        doc, path = files[key]
        text = pdfs[path]
        flat = re.sub(r"\s+", "", text)
        paras, notes = _texts(doc)
        for expected in [*paras, *notes, doc.title]:
            assert re.sub(r"\s+", "", expected) in flat, expected
    amend_text = pdfs[files["amendments"][1]]
    assert "Lithuania: amendments to draft resolution A/C.3/74/L.20" in re.sub(r"\s+", " ", amend_text)
    assert "After the second preambular paragraph, insert a new preambular paragraph reading:" in re.sub(
        r"\s+", " ", amend_text
    )


def test_layout_words_and_typography_in_the_docx(exports):
    _, files = exports
    _, path = files["draft"]
    document = docx.Document(path)
    paragraphs = [p for p in document.paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    section = document.sections[0]
    masthead = story_lines(section.first_page_header)
    assert masthead == [
        "United Nations",
        "A/C.3/74/L.20",
        "General Assembly",
        "Distr.: Limited",
        "1 November 2019",
        "Original: English",
    ]
    sponsor = next(t for t in texts if t.endswith(": draft resolution"))
    assert sponsor.startswith(
        "Azerbaijan, Bangladesh, Belarus, United Kingdom of Great Britain and Northern Ireland"
    )
    recalling = next(p for p in paragraphs if p.text.startswith("Recalling also"))
    assert recalling.runs[0].text == "Recalling also" and recalling.runs[0].italic
    assert not any(r.italic for r in recalling.runs[1:])
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert {p.style.name for p in paragraphs if p.text.startswith(("Recalling", "1.\t", "(a)\t"))} == {
        "__Single Txt"
    }
    operative = [t for t in texts if re.match(r"\d\.\t[A-Z]", t)]
    assert [t.split("\t")[0] for t in operative] == ["1.", "2.", "3.", "1.", "2."]
    annex = next(p for p in paragraphs if p.text == "Annex")
    assert annex.paragraph_format.page_break_before
    assert story_lines(section.header) == story_lines(section.even_page_header) == ["A/C.3/74/L.20"]
    assert round(section.page_width.cm, 1) == 21.6
    assert round(docx.Document(files["revised"][1]).sections[0].page_width.cm, 1) == 21.0
    revised = "\n".join(p.text for p in docx.Document(files["revised"][1]).paragraphs)
    assert ": revised draft resolution" in revised


def test_word_lays_exports_out_as_the_uns_own_files(exports):
    """Compatibility mode 15 (Word 2013 on: justified lines may shrink their spaces, as on the UN's pages),
    the UN's 475-twip default tab, and the UN's ending: a 6 pt spacer paragraph above the closing, and the
    one-inch rule floating in an empty paragraph after it, taking no height of its own."""
    _, files = exports
    document = docx.Document(files["resolution-zh"][1])
    settings = document.settings.element
    mode = next(s for s in settings.iter(qn("w:compatSetting")) if s.get(qn("w:name")) == "compatibilityMode")
    assert mode.get(qn("w:val")) == "15"
    assert settings.find(qn("w:defaultTabStop")).get(qn("w:val")) == "475"
    assert document.styles["footnote text"].paragraph_format.widow_control is False  # as the UN's
    paragraphs = document.paragraphs
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "第109次全体会议\n2010年7月30日")
    spacer = paragraphs[closing - 1]
    assert spacer.text == "" and spacer.paragraph_format.line_spacing == docx.shared.Pt(6)
    assert spacer.paragraph_format.space_before == spacer.paragraph_format.space_after == 0
    last = paragraphs[-1]
    assert last.text == "" and last._p.find(qn("w:pPr")).find(qn("w:pBdr")) is None
    anchor = next(last._p.iter(f"{{{WP}}}anchor"))
    assert int(anchor.find(f"{{{WP}}}extent").get("cx")) == 914400  # one inch
    assert anchor.find(f"{{{WP}}}wrapNone") is not None
    assert anchor.find(f"{{{WP}}}positionH/{{{WP}}}align").text == "center"


def test_chinese_resolution_layout(exports):
    _, files = exports
    _, path = files["resolution-zh"]
    document = docx.Document(path)
    texts = [line for p in document.paragraphs for line in p.text.split("\n") if line]
    assert "大会2010年7月30日通过的决议" in texts
    assert "[未经发交主要委员会而通过]" in texts or any(
        t.startswith("[未经发交主要委员会而通过") for t in texts
    )
    assert "\t64/293.\t联合国打击贩运人口的全球行动计划" in texts  # the number on a right tab, as the UN's
    assert "大会，" in texts
    assert texts.index("第109次全体会议") < texts.index("附件")
    again = next(p for p in document.paragraphs if p.text.startswith("又回顾"))
    fonts = again.runs[0]._r.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "KaiTi"
    masthead = "\n".join(story_lines(document.sections[0].first_page_header))
    assert "Distr.: General" in masthead and "Original" not in masthead


def test_read_docx_reads_our_export_back(exports):
    _, files = exports
    doc, path = files["draft"]
    text = read_docx(path.read_bytes(), str(path)).text
    assert "1. Urges Member States to ratify the Convention[^2] without delay;" in text
    assert "2. We recall the Convention.[^3]" in text
    assert "(a) To promote universal ratification of the Convention;" in text
    for f in doc.footnotes:
        assert f"[^{f.number}]: {f.text}" in text


def test_seeds_through_pandoc_and_libreoffice(tmp_path):
    """The three real seeds: every paragraph and note in the PDF, every note a pandoc footnote."""
    require_tool("pandoc")
    docs = {seed.stem: parse_file(seed) for seed in sorted(SEEDS.glob("*.txt"))}
    paths = {
        name: export_document(doc, tmp_path / f"{name}.docx", Options(doc.kind, doc.language))
        for name, doc in docs.items()
    }
    pdfs = pdf_texts(list(paths.values()), tmp_path)
    for name, doc in docs.items():
        pdf = pdfs[paths[name]]
        paras, notes = _texts(doc)
        missing = [t for t in [*paras, *notes] if not _in_order(_flat(pdf), _flat(t))]
        assert missing == [], name
        assert _pandoc_notes(tmp_path / f"{name}.docx") == {f.number: f.text for f in doc.footnotes}, name


def _pandoc_notes(path) -> dict[int, str]:
    """The footnotes pandoc reads from a .docx, as {number: text} (its Markdown escapes undone)."""
    md = subprocess.run(
        ["pandoc", str(path), "-t", "markdown-smart", "--wrap=none"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {int(n): re.sub(r"\\(.)", r"\1", text) for n, text in re.findall(r"^\[\^(\d+)\]: (.*)$", md, re.M)}
