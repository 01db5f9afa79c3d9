"""Arabic UN texts as extracted text: a draft whose masthead was set in columns, an adopted
resolution, the same draft re-wrapped as a PDF extractor breaks lines, and export written back."""

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import require_tool

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import iter_located
from draftroom.model.jsonform import to_dict
from draftroom.model.states import resolve, split_sponsors
from draftroom.parse import parse_file, parse_text

DATA = Path(__file__).parent / "data"
DRAFT = DATA / "ar_draft_columns.txt"
RESOLUTION = DATA / "ar_resolution.txt"
LETTERS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]


def _labelled(doc) -> dict[str, str]:
    return {loc.label: loc.paragraph.text for loc in iter_located(doc)}


def test_draft_head_is_read_and_never_leaks_into_the_text():
    doc = parse_file(DRAFT)
    assert (doc.language, doc.kind, doc.symbol, doc.date) == (
        "ar",
        "draft",
        "A/C.3/80/L.20",
        "1 November 2025",
    )
    assert (doc.session, doc.committee, doc.agenda_item, doc.agenda_title) == (
        "الدورة الثمانون",
        "اللجنة الثالثة",
        "27",
        "النهوض بالمرأة",
    )
    assert doc.title == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    assert doc.body == "إن الجمعية العامة"
    assert [resolve(s).en for s in doc.sponsors] == ["Russian Federation", "Belarus", "China", "Kazakhstan"]
    texts = _labelled(doc).values()
    assert next(iter(texts)).startswith("إذ تؤكد من جديد")
    for masthead in (
        "Distr.",
        "Original",
        "الدورة الثمانون",
        "البند 27",
        "مشروع قرار",
        "25-17035",
        "2/3",
        "A/C.3",
    ):
        assert not any(masthead in t for t in texts)


def test_draft_paragraphs_sub_items_and_footnotes():
    doc = parse_file(DRAFT)
    text = _labelled(doc)
    assert [label for label in text if label.startswith("PP")] == ["PP1", "PP2", "PP3"]
    assert text["PP2"] == (
        "وإذ تشير إلى خطة التنمية المستدامة لعام 2030[^1]، "
        "وإلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية[^2]،"
    )
    # a later reference to note 2, across the page break and its notes
    assert (
        text["OP1"]
        == "تحث الدول الأعضاء التي لم تصدق بعد على الاتفاقية[^2] على أن تفعل ذلك على سبيل الأولوية؛"
    )
    assert [p.number for p in doc.operative] == [1, 2, 3]
    assert [i.marker for i in doc.operative[1].items] == LETTERS  # (أ) (ب) (ج) (د) (هـ) (و) (ز) (ح) (ط) (ي)
    assert text["OP2(e)"] == "تدريب موظفي إنفاذ القانون؛"
    assert text["OP2(i)"] == "دعم المجتمع المدني؛"  # (ط) after (ح) is a letter, not a numeral
    assert [label for label in text if label.startswith("OP2(b)(")] == [
        "OP2(b)(i)",
        "OP2(b)(ii)",
        "OP2(b)(iii)",
    ]
    assert text["OP2(b)(ii)"] == "تقديم المساعدة القانونية؛"
    assert text["OP3"].endswith("في دورتها الحادية والثمانين.")
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "القرار 70/1."),
        (2, "الأمم المتحدة، مجموعة المعاهدات، المجلد 2225، الرقم 39574."),
    ]


def test_adopted_resolution():
    doc = parse_file(RESOLUTION)
    assert (doc.kind, doc.symbol, doc.resolution_number) == ("resolution", "A/RES/74/176", "74/176")
    assert doc.adopted_on == "18 كانون الأول/ديسمبر 2019"
    assert doc.report_line == "[بناء على تقرير اللجنة الثالثة (A/74/400)]"
    assert doc.title == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    assert (doc.closing.meeting, doc.closing.date) == ("الجلسة العامة 50", "18 كانون الأول/ديسمبر 2019")
    text = _labelled(doc)
    assert list(text) == ["PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP3"]
    assert text["PP1"].endswith("لكرامة الإنسان وسلامته البدنية[^1]،")
    assert text["OP1"].endswith("منظومة الأمم المتحدة[^2]؛")
    assert [f.text for f in doc.footnotes] == ["انظر القرار 55/25.", "القرار 64/293."]


def _rewrapped(text: str, width: int) -> str:
    """Every line longer than `width` broken as a PDF extractor breaks it; masthead columns kept."""
    out: list[str] = []
    for line in text.split("\n"):
        keep = "     " in line or len(line) <= width
        out.extend([line] if keep else textwrap.wrap(line, width))
    return "\n".join(out)


@pytest.mark.parametrize("path", [DRAFT, RESOLUTION], ids=lambda p: p.stem)
@pytest.mark.parametrize("width", [30, 40, 55])
def test_rewrapped_text_reads_the_same(path, width):
    text = path.read_text(encoding="utf-8")
    wrapped = _rewrapped(text, width)
    assert wrapped.count("\n") > text.count("\n") + 5  # lines were really broken
    assert to_dict(parse_text(wrapped)) == to_dict(parse_text(text))


def test_revised_draft_and_sponsor_list_joined_by_wa():
    text = DRAFT.read_text(encoding="utf-8").replace(": مشروع قرار", ": مشروع قرار منقح")
    assert parse_text(text).kind == "revised-draft"
    sponsors = split_sponsors(
        "ترينيداد وتوباغو والبوسنة والهرسك والمملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "ar"
    )
    assert [resolve(s).en for s in sponsors] == [
        "Trinidad and Tobago",
        "Bosnia and Herzegovina",
        "United Kingdom of Great Britain and Northern Ireland",
    ]


@pytest.mark.parametrize("path", [DRAFT, RESOLUTION], ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_export_writes_arabic_un_style_and_reads_it_back(path, suffix, tmp_path):
    doc = parse_file(path)
    out = export_document(doc, tmp_path / f"out{suffix}", Options(doc.kind, "ar"))
    if suffix == ".txt":
        written = out.read_text(encoding="utf-8")
        for form in ("\n1 - ", "\n(أ) ", "\n(ب) ", "\n’1‘ ", "\n’2‘ "):
            assert form in written
        assert "\n1. " not in written and "(a)" not in written and "(i)" not in written
    furniture = {"job_number": None} if suffix == ".txt" else {}  # a text file has no page footer
    assert to_dict(parse_file(out)) == to_dict(doc) | furniture


def test_pdf_of_the_exported_documents_reads_the_same(tmp_path):
    """Right-to-left PDF text (LibreOffice's rendering of our .docx): characters in visual order,
    digits and Latin runs, lam-alef ligatures, kashida glyphs, notes in smaller type."""
    require_tool("soffice")
    docs = {path: parse_file(path) for path in (DRAFT, RESOLUTION)}
    written = [
        export_document(doc, tmp_path / f"{path.stem}.docx", Options(doc.kind, "ar"))
        for path, doc in docs.items()
    ]
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, written)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    for path, doc in docs.items():
        back = parse_file(tmp_path / f"{path.stem}.pdf")
        assert (back.language, back.symbol) == ("ar", doc.symbol)
        assert to_dict(back) == to_dict(doc)


def test_text_put_in_reading_order_character_by_character_is_repaired():
    """What pdftotext gives for an Arabic PDF: "- 1تحث" for "1 - تحث", "’ ‘1" for "’1‘", the
    lam-alef ligature alef first ("األمم"), a comma carried onto the next word (" ،ولا")."""
    clean = parse_file(DRAFT)
    text = DRAFT.read_text(encoding="utf-8")
    visual = text.replace("الأ", "األ").replace("الا", "اال").replace("، ولا", " ،ولا")
    visual = re.sub(r"(?m)^(\d) - ", r" - \1", visual)
    visual = re.sub(r"(?m)^’(\d)‘ ", r"’ ‘\1", visual)
    visual = re.sub(r"(?m)^\((\d)\) ", r"\1", visual)  # notes numbered "1القرار"
    assert visual.count("األ") > 5 and " - 1تحث" in visual and "’ ‘2تقديم" in visual
    assert to_dict(parse_text(visual)) == to_dict(clean)
