"""Arabic UN texts as extracted text: a draft whose masthead was set in columns, an adopted
resolution, a formal amendments document, the same texts re-wrapped as a PDF extractor breaks lines
or typed with Arabic-Indic digits, and export written back."""

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
AMENDMENTS = DATA / "ar_amendments.txt"
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


@pytest.mark.parametrize(
    ("path", "width"),
    [(path, width) for path in (DRAFT, RESOLUTION) for width in (30, 40, 55)]
    # at 30 columns the amendments' agenda title fills its line like the sponsor lines after it
    + [(AMENDMENTS, 40), (AMENDMENTS, 55)],
    ids=lambda x: x.stem if isinstance(x, Path) else str(x),
)
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
        for loc in iter_located(back):
            loc.paragraph.opener = None  # the PDF tells its openers (none, upright); the text does not
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


# written by hand from reading tests/data/ar_amendments.txt
AMENDMENTS_READ = [
    {
        "op": "insert",
        "after": "PP14",
        "text": "وإذ تؤكد من جديد أن الدول الأطراف تحترم، وفقا للمادة 5 من الاتفاقية، مسؤوليات الوالدين وحقوقهم "
        "وواجباتهم في أن يوفروا للطفل التوجيه والإرشاد الملائمين عند ممارسته حقوقه،",
    },
    {
        "op": "replace-words",
        "target": "PP13",
        "words": "المؤتمر العالمي الرابع المعني بالقضاء المستدام على عمل الأطفال، المعقود في بوينس آيرس في الفترة "
        "من 14 إلى 16 تشرين الثاني/نوفمبر 2017",
        "text": "المؤتمر العالمي الخامس المعني بالقضاء على عمل الأطفال، المعقود في ديربان، جنوب أفريقيا، في الفترة "
        "من 15 إلى 20 أيار/مايو 2022",
    },
    {"op": "delete-words", "target": "OP13", "words": "الصحة الجنسية والإنجابية،"},
    {
        "op": "delete",
        "target": "PP38",
        "text": "وإذ تشير إلى إدراج الهجمات المتعمدة على الموظفين المشاركين في مهام المساعدة الإنسانية بوصفها "
        "جريمة حرب في نظام روما الأساسي للمحكمة الجنائية الدولية[^1]،",
    },
    {"op": "replace", "target": "OP7", "text": "7 - تهيب بالدول أن تكفل تسجيل كل طفل فور ولادته؛"},
    {"op": "delete", "target": "OP9"},
    {"op": "delete", "target": "OP10"},
    {"op": "insert-words", "target": "OP5(b)", "words": "الاستغلال", "text": "والعنف الجنسي"},
    {"op": "delete-words", "target": "PP21", "words": "تماما"},
    {"op": "insert-words", "target": "OP20", "text": "، بما في ذلك في البيئة الرقمية"},
    {
        "op": "insert",
        "after": "OP31",
        "text": "32 - تطلب إلى الأمين العام أن يقدم إليها في دورتها الحادية والثمانين تقريرا عن تنفيذ هذا القرار؛",
    },
]


def test_amendments_document():
    doc = parse_file(AMENDMENTS)
    assert (doc.language, doc.kind, doc.symbol, doc.amends, doc.title) == (
        "ar",
        "amendments",
        "A/C.3/80/L.65",
        "A/C.3/80/L.20/Rev.1",
        "حقوق الطفل",
    )
    assert (doc.session, doc.committee, doc.agenda_item, doc.agenda_title, doc.job_number) == (
        "الدورة الثمانون",
        "اللجنة الثالثة",
        "67",
        "تعزيز حقوق الطفل وحمايتها",
        "25-18874",
    )
    assert [resolve(s).en for s in doc.sponsors] == ["Burundi", "Belarus", "Russian Federation"]
    assert to_dict(doc)["instructions"] == AMENDMENTS_READ
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "الأمم المتحدة، مجموعة المعاهدات، المجلد 2187، الرقم 38544.")
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_amendments_written_again_in_arabic_read_the_same(suffix, tmp_path):
    doc = parse_file(AMENDMENTS)
    out = export_document(doc, tmp_path / f"out{suffix}", Options("amendments", "ar"))
    if suffix == ".txt":
        written = out.read_text(encoding="utf-8")
        assert (
            "بوروندي وبيلاروس والاتحاد الروسي: تعديلات على مشروع القرار المنقح A/C.3/80/L.20/Rev.1" in written
        )
        for line in (
            "1 - تُدرج فقرة جديدة في الديباجة بعد الفقرة الرابعة عشرة من الديباجة، نصها:",
            "4 - تُحذف الفقرة الثامنة والثلاثون من الديباجة، ونصها:",
            "8 - في الفقرة الفرعية (ب) من الفقرة 5 من المنطوق، تُدرج عبارة ”والعنف الجنسي“ بعد عبارة ”الاستغلال“.",
            "9 - في الفقرة الحادية والعشرين من الديباجة، تُحذف عبارة ”تماما“.",
        ):
            assert f"\n{line}\n" in written
    back = parse_file(out)
    assert (back.language, back.kind, back.amends, back.sponsors) == (
        "ar",
        "amendments",
        doc.amends,
        doc.sponsors,
    )
    assert to_dict(back)["instructions"] == AMENDMENTS_READ


@pytest.mark.parametrize("path", [DRAFT, RESOLUTION, AMENDMENTS], ids=lambda p: p.stem)
@pytest.mark.parametrize("zero", ["٠", "۰"], ids=["arabic-indic", "eastern-arabic-indic"])
def test_arabic_indic_digits_read_as_western_ones(path, zero):
    """Paragraph and sub-item numbers, note markers and notes, years, symbols and job numbers typed
    with Arabic-Indic digits: the same document, its numbers written as UN Arabic prints them."""
    text = path.read_text(encoding="utf-8")
    typed = text.translate({ord(str(d)): chr(ord(zero) + d) for d in range(10)})
    assert typed.count(zero) >= 3 and not re.search(r"[0-9]", typed)
    assert to_dict(parse_text(typed)) == to_dict(parse_text(text))
