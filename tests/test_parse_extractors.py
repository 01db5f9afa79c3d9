"""The parser reads the same document out of any extractor's text of a PDF: `pdftotext -layout`,
plain `pdftotext`, `pdftotext -raw` and PyMuPDF's `page.get_text()` give what our own PDF reader
gives (kind, symbol, sponsors, title, body, labels, paragraph texts, footnotes).

English: the corpus PDFs as the UN issued them. Chinese and Arabic: seeds exported to .docx and
turned into PDF by LibreOffice. The pairs that still differ are listed with the reason; every
other pair must be equal, and a listed pair that becomes equal fails (strict xfail) so the list
stays true.
"""

import functools
import subprocess
from pathlib import Path

import pymupdf
import pytest
from conftest import CORPUS_EN, ROOT, SEEDS, require_tool

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model.jsonform import to_dict
from draftroom.parse.lines import repair_spacing
from draftroom.parse.source import parse_file, parse_text

EXTRACTORS = ("pdftotext-layout", "pdftotext", "pdftotext-raw", "pymupdf")
_PDFTOTEXT_ARGS = {"pdftotext-layout": ["-layout"], "pdftotext": [], "pdftotext-raw": ["-raw"]}
ENGLISH = sorted(p.stem for p in CORPUS_EN.glob("*.pdf"))
# made here: (name, source text) exported to .docx, then to PDF
MADE = {
    "zh_draft": SEEDS / "002_e512e5138112a4f1.txt",
    "zh_revised": SEEDS / "001_334a0e47d0d674b7.txt",
    "ar_resolution": ROOT / "tests" / "data" / "ar_resolution.txt",
}

_PLAIN_NOTES = (
    "plain pdftotext sets note numbers apart from their texts, out of order, with page counters "
    "inside the note block and notes inside paragraphs: no order of lines to read them back from"
)
_MADE_NOTES = (
    "LibreOffice's PDF prints no rule above the notes and no furniture on the first page: nothing "
    "in the text shows where a note block starts or ends"
)
_VISUAL_ARABIC = (
    "Arabic text in visual order beyond what repair_visual_order puts back (numbers, dates, masthead)"
)
# (document, extractor): why the text still reads differently
KNOWN: dict[tuple[str, str], str] = {
    **{
        (name, "pdftotext"): _PLAIN_NOTES
        for name in (
            "A_80_L.18",
            "A_80_L.8",
            "A_C.3_80_L.20",
            "A_C.3_80_L.3",
            "A_RES_80_112",
            "A_RES_80_190",
            "A_RES_80_229",
            "A_RES_80_9",
        )
    },
    **{(name, extractor): _MADE_NOTES for name in ("zh_draft", "zh_revised") for extractor in EXTRACTORS},
    **{("ar_resolution", extractor): _VISUAL_ARABIC for extractor in EXTRACTORS},
}


def _strip_ids(value: object) -> object:
    """Ids aside, and openers: the PDF's fonts tell them, an extractor's plain text does not."""
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k not in ("id", "opener")}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def _form(doc: object) -> object:
    return _strip_ids(to_dict(doc))


@pytest.fixture(scope="session")
def made_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Chinese and Arabic PDFs, made once per session."""
    soffice = require_tool("soffice")
    out = tmp_path_factory.mktemp("made")
    docx = []
    for name, source in MADE.items():
        doc = parse_file(source)
        docx.append(str(export_document(doc, out / f"{name}.docx", Options(doc.kind, doc.language))))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{out}/lo", "--convert-to", "pdf", *docx],
        check=True,
        capture_output=True,
        cwd=out,
        timeout=300,
    )
    return out


@functools.cache
def _extracted(pdf: Path, extractor: str) -> str:
    if extractor == "pymupdf":
        with pymupdf.open(pdf) as doc:
            return "".join(page.get_text() for page in doc)
    tool = require_tool("pdftotext")
    args = [tool, *_PDFTOTEXT_ARGS[extractor], "-enc", "UTF-8", str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@functools.cache
def _own_reading(pdf: Path) -> object:
    return _form(parse_file(pdf))


def _params(names: list[str]) -> list[object]:
    return [
        pytest.param(
            name,
            extractor,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[name, extractor])]
            if (name, extractor) in KNOWN
            else [],
        )
        for name in names
        for extractor in EXTRACTORS
    ]


def _check(pdf: Path, extractor: str) -> None:
    text = _extracted(pdf, extractor)
    assert _form(parse_text(text, source=f"{pdf.name} ({extractor})")) == _own_reading(pdf)


@pytest.mark.parametrize(("name", "extractor"), _params(ENGLISH))
def test_english_pdf_reads_the_same_through_any_extractor(name: str, extractor: str) -> None:
    _check(CORPUS_EN / f"{name}.pdf", extractor)


@pytest.mark.parametrize(("name", "extractor"), _params(sorted(MADE)))
def test_made_pdf_reads_the_same_through_any_extractor(name: str, extractor: str, made_pdfs: Path) -> None:
    _check(made_pdfs / f"{name}.pdf", extractor)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the United Nati ons and the United Nations", "the United Nations and the United Nations"),
        ("to prevent an d combat, and so", "to prevent and combat, and so"),
        (
            "the Secretary - General and the Secretary -\nGeneral",
            "the Secretary-General and the Secretary-\nGeneral",
        ),
        ("Cairo, 5 –13 September, exploitation , and", "Cairo, 5–13 September, exploitation, and"),
        # both pieces are words of their own: kept apart though "into" is a word of the text
        (
            "in to the room, in the hall, to the door and into it",
            "in to the room, in the hall, to the door and into it",
        ),
        # a piece that is a word nowhere else, but no such whole word in the text
        ("the Kyoto Declaration", "the Kyoto Declaration"),
    ],
)
def test_spaces_an_extractor_put_inside_words_are_undone(text: str, want: str) -> None:
    assert repair_spacing(text) == want
