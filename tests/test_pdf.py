"""Reading UN PDFs through their layout: the real English corpus, and PDFs made here (Chinese,
damaged, encrypted, scanned)."""

import json
import re
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from corpus_support import CORPUS_EN

from draftroom.errors import DraftroomError
from draftroom.parse.pdf import pdf_to_text

PDFS = sorted(CORPUS_EN.glob("*.pdf"))
# footnote counts read by hand from the .txt extractions (the last note number of each document)
NOTES = {
    "A_80_L.18": 21,
    "A_80_L.19": 0,
    "A_80_L.20": 0,
    "A_80_L.8": 15,
    "A_C.3_80_L.20": 40,
    "A_C.3_80_L.3": 51,
    "A_C.3_80_L.57": 0,
    "A_C.3_80_L.62": 0,
    "A_C.3_80_L.63": 0,
    "A_C.3_80_L.64": 0,
    "A_RES_80_112": 21,
    "A_RES_80_190": 40,
    "A_RES_80_229": 61,
    "A_RES_80_9": 15,
}
FURNITURE = re.compile(
    r"\d{2}-\d{5} \([A-Z]\)|\*\d{6,}\*|^\d{1,3}/\d{1,3}$|_{6,}|https?://|undocs\.org|Please recycle", re.M
)
DEFINITION = re.compile(r"^\[\^(\d+)\]: (.+)$", re.M)

_cache: dict[Path, str] = {}


def text_of(pdf: Path) -> str:
    if pdf not in _cache:
        _cache[pdf] = pdf_to_text(pdf.read_bytes(), str(pdf))
    return _cache[pdf]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def body_of(text: str) -> str:
    return DEFINITION.sub("", text)


def test_corpus_is_complete():
    assert {p.stem for p in PDFS} == set(NOTES)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_no_page_furniture_is_left(pdf: Path):
    text = text_of(pdf)
    assert not FURNITURE.search(text), FURNITURE.search(text)
    symbol = pdf.stem.replace("_", "/")
    assert [line for line in text.splitlines() if line.strip() == symbol] == [symbol], "masthead symbol once"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_notes_become_definitions_and_markers_references(pdf: Path):
    text = text_of(pdf)
    defined = [int(n) for n, _ in DEFINITION.findall(text)]
    assert defined == list(range(1, NOTES[pdf.stem] + 1))
    referenced = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body_of(text))}
    assert referenced == set(defined)
    assert all(note.strip() and "\n" not in note for _, note in DEFINITION.findall(text))


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_words_are_those_of_the_text_extraction(pdf: Path):
    """Nothing invented, nothing lost but furniture: compared word by word with the .txt that a
    plain extractor gave. Words are compared split at hyphens, and note numbers, which the
    extractor glues to the word before ("Convention2"), are set aside."""
    ref = pdf.with_suffix(".txt").read_text(encoding="utf-8")
    lines = Counter(line.strip() for line in ref.splitlines())
    symbol = pdf.stem.replace("_", "/")
    kept = [x for x in ref.splitlines() if lines[x.strip()] < 3 and not FURNITURE.search(x.strip())]
    kept = kept[:3] + [x for x in kept[3:] if x.strip() != symbol]  # running heads, furniture
    ref_words = _words("\n".join(kept))
    ours = _words(re.sub(r"\[\^\d+\]:?", " ", text_of(pdf)))
    extra = Counter(ours) - Counter(_words(ref))
    assert not extra, f"words not in the extraction: {list(extra)[:10]}"
    kept_words = sum((Counter(ref_words) & Counter(ours)).values())
    assert kept_words / len(ref_words) > 0.995


def _words(text: str) -> list[str]:
    text = re.sub(r"(?<=[^\W\d_]|[,.;:”)])\d{1,2}(?=[\s,])", " ", text)  # "treaties,1 and", "Convention2 and"
    text = re.sub(r"\b((?:19|20)\d\d)\d{1,2}\b", r"\1", text)  # "of 20172 and"
    return [w for w in re.split(r"[\s\-‑]+", text) if w and not re.fullmatch(r"\d{1,2}", w)]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_numbered_paragraphs_each_start_a_paragraph(pdf: Path):
    """Paragraph numbers open paragraphs and run 1, 2, 3... (restarting in an annex)."""
    numbers = [int(m.group(1)) for p in paragraphs(text_of(pdf)) if (m := re.match(r"(\d+)\. \S", p))]
    runs = [n for i, n in enumerate(numbers) if n == 1 or (i and n != numbers[i - 1] + 1)]
    assert all(n == 1 for n in runs), numbers
    assert not any(re.search(r"\S\n\d+\.\s*$", p) for p in paragraphs(text_of(pdf)))


def test_superscripts_become_references_in_place():
    text = text_of(CORPUS_EN / "A_80_L.18.pdf")
    assert "as well as all relevant treaties,[^1] and the need to further promote" in text
    assert (
        "Geneva Conventions of 12 August 1949[^2] and the Additional Protocols thereto of 8 June 1977,[^3] and"
        in text
    )
    notes = dict(DEFINITION.findall(text))
    assert notes["1"].startswith("These include, notably, the Convention on the Privileges and Immunities")
    assert notes["1"].endswith(
        "Which May Be Deemed to Be Excessively Injurious or to Have Indiscriminate Effects of 10 October 1980, as applicable."
    )
    assert notes["2"] == "United Nations, Treaty Series, vol. 75, Nos. 970–973."
    assert notes["3"] == "Ibid., vol. 1125, Nos. 17512 and 17513."


def test_a_paragraph_cut_by_a_footnote_block_and_a_page_break_is_whole():
    paras = paragraphs(text_of(CORPUS_EN / "A_80_L.18.pdf"))
    cut = next(p for p in paras if p.startswith("Noting with deep concern the evolving threats"))
    assert "\n" not in cut
    assert (
        "with 22 fatalities, of which 7 resulted from acts of violence, namely, crime, terrorism and armed"
        in cut
    )
    assert "intimidation and harassment,[^8] and noting that these figures" in cut
    assert cut.endswith(
        "highest number of United Nations fatalities ever recorded in a single conflict,[^10][^11]"
    )
    # the notes of that page follow the paragraph, not inside it
    after = paras[paras.index(cut) + 1]
    assert after.startswith("[^7]:")


def test_hyphen_at_a_line_end_stays_in_the_word():
    text = text_of(CORPUS_EN / "A_80_L.18.pdf")
    assert "Secretary- General" not in text
    assert text.count("Secretary-General") >= 5


def test_masthead_lines_stay_lines_and_the_closing_keeps_its_two_lines():
    text = text_of(CORPUS_EN / "A_RES_80_9.pdf")
    head = text.split("\n\n")[:3]
    assert head[0].splitlines()[:3] == ["United Nations", "A/RES/80/9", "General Assembly"]
    assert "\n48th plenary meeting\n24 November 2025\n" in f"\n{text}"
    assert "\nAnnex\n" in text
    assert re.search(
        r"^\(a\) We reaffirm our strong support for the United Nations voluntary trust fund", text, re.M
    )


def test_sponsor_line_and_title_are_joined_and_the_sponsor_note_kept():
    paras = paragraphs(text_of(CORPUS_EN / "A_80_L.18.pdf"))
    sponsors = next(p for p in paras if p.startswith("Armenia, Austria"))
    assert "\n" not in sponsors
    assert (
        "United Kingdom of Great Britain and Northern Ireland, Uruguay and Viet Nam:* draft resolution"
        in sponsors
    )
    assert "Safety and security of humanitarian personnel and protection of United Nations personnel" in paras
    assert (
        "* Any changes to the list of sponsors will be reflected in the official record of the meeting."
        in paras
    )


def test_amendment_instructions_read_as_paragraphs():
    paras = paragraphs(text_of(CORPUS_EN / "A_C.3_80_L.64.pdf"))
    assert paras[-3:] == [
        "1. In operative paragraph 13, delete “sexual and reproductive health,”.",
        "2. In operative paragraphs 27 and 43, delete “sexual and reproductive”.",
        "3. In operative paragraph 46, delete “including sexual and reproductive health,”.",
    ]
    l19 = paragraphs(text_of(CORPUS_EN / "A_80_L.19.pdf"))
    i = l19.index("Delete the thirty-eighth preambular paragraph reading:")
    assert l19[i + 1].startswith(
        "Recalling the inclusion of attacks intentionally directed against personnel"
    )
    assert l19[i + 1].endswith("serious violations of international humanitarian law,")


# --- PDFs made here -------------------------------------------------------------------------------


def _chinese_pdf(leading: float) -> bytes:
    """A Chinese page laid out like a UN document: paragraphs with a first-line indent (and no
    space between them), wrapped over lines, a superscript note marker, a rule and a note in small
    type, a page counter at the foot."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = "china-s"
    lines = [
        (100, "大会，"),
        (124, "回顾大会通过《2030年可持续发展议程》，并回顾可持续发展目标的下列具体目标：消除公共和"),
        (100, "私营部门针对妇女和女童一切形式的暴力行为，"),
        (124, "重申所有国家都有义务尽职预防、调查和惩治贩运人口行为并保护和援助受害人，否则就是侵犯、"),
        (100, "损害甚至剥夺受害人对人权和基本自由的享受，"),
    ]
    y = 100.0
    for x, line in lines:
        page.insert_text((x, y), line, fontname=font, fontsize=10)
        if line.endswith("行为，"):
            end = x + pymupdf.get_text_length(line, fontname=font, fontsize=10)
            page.insert_text((end, y - 3.5), "1", fontname="helv", fontsize=6)
        y += leading
    page.insert_text((100, 760), "__________________", fontname="helv", fontsize=8)
    page.insert_text((112, 774), "1", fontname="helv", fontsize=5.5)
    page.insert_text((118, 776), "第70/1号决议。", fontname=font, fontsize=8)
    page.insert_text((60, 810), "2/14", fontname="helv", fontsize=8)
    return doc.tobytes()


@pytest.mark.parametrize("leading", [12.0, 16.0, 20.0])
def test_chinese_pdf_joins_lines_without_spaces_and_reads_the_note(leading: float):
    text = pdf_to_text(_chinese_pdf(leading), "zh.pdf")
    assert paragraphs(text) == [
        "大会，",
        "回顾大会通过《2030年可持续发展议程》，并回顾可持续发展目标的下列具体目标：消除公共和"
        "私营部门针对妇女和女童一切形式的暴力行为，[^1]",
        "重申所有国家都有义务尽职预防、调查和惩治贩运人口行为并保护和援助受害人，否则就是侵犯、"
        "损害甚至剥夺受害人对人权和基本自由的享受，",
        "[^1]: 第70/1号决议。",
    ]


def _error(data: bytes) -> str:
    with pytest.raises(DraftroomError) as e:
        pdf_to_text(data, "x.pdf")
    message = str(e.value)
    assert "\n" not in message and message.startswith("x.pdf: ")
    return message


def test_not_a_pdf_and_truncated_pdfs_are_one_line_errors():
    assert "not a readable PDF" in _error(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    real = (CORPUS_EN / "A_80_L.20.pdf").read_bytes()
    assert "damaged" in _error(real[: len(real) // 3])
    assert "damaged" in _error(real[:2000])


def test_encrypted_pdf_is_a_one_line_error():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "The General Assembly, recalling its resolutions")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    assert "encrypted" in _error(data)


def test_scanned_pdf_says_there_is_no_text_layer():
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 200), False)
    pix.clear_with(230)
    page.insert_image(page.rect, pixmap=pix)
    message = _error(doc.tobytes())
    assert "no text layer: this PDF is a scan; give the .docx or a text version" in message


def test_arabic_pdf_reads_right_to_left_in_logical_order():
    """Shaped right-to-left text (presentation forms, words laid out from the right) comes back as
    the words were written, paragraphs apart. (Words with lam are avoided: the font PyMuPDF
    embeds for this maps its lam-alef glyphs to no character.)"""
    first = (
        "تؤكد من جديد أهمية قرارها 70/1 بشأن مكافحة جرائم تهريب مهاجرين وضرورة تعزيز تعاون بين حكومات مصدر "
        "وعبور ومقصد، وتشجع حكومات مانحة تقديم تبرعات، وتؤكد من جديد أهمية قرارها 2015 بشأن مكافحة جرائم تهريب،"
    )
    second = "1 - تقرر أن تواصل نظرها في هذه مسأة."
    doc = pymupdf.open()
    style = "font-size:10pt;text-align:justify;text-indent:20pt;margin-bottom:8pt"
    doc.new_page().insert_htmlbox(
        pymupdf.Rect(72, 72, 523, 400), f'<p dir="rtl" style="{style}">{first}</p><p dir="rtl">{second}</p>'
    )
    assert paragraphs(pdf_to_text(doc.tobytes(), "ar.pdf")) == [first, second]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 50, "not a readable PDF"),
        (lambda: (CORPUS_EN / "A_80_L.20.pdf").read_bytes()[:5000], "damaged"),
    ],
)
def test_cli_reports_a_bad_pdf_in_one_line(run_cli, tmp_path, make, message):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    result = run_cli("parse", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def _without_openers(value: object) -> object:
    """The PDF's fonts tell the openers, a text extraction does not: compare the rest."""
    if isinstance(value, dict):
        return {k: _without_openers(v) for k, v in value.items() if k != "opener"}
    if isinstance(value, list):
        return [_without_openers(v) for v in value]
    return value


def test_cli_parses_a_real_pdf_like_its_text_extraction(run_cli):
    """The same document read from its PDF and from its text extraction gives the same structure."""
    pdf = CORPUS_EN / "A_RES_80_9.pdf"
    from_pdf = json.loads(run_cli("parse", str(pdf), "--json").stdout)
    from_txt = json.loads(run_cli("parse", str(pdf.with_suffix(".txt")), "--json").stdout)
    for key in ("kind", "symbol", "title", "body", "closing", "footnotes", "annexes"):
        assert _without_openers(from_pdf[key]) == _without_openers(from_txt[key]), key
    assert [p["text"] for p in from_pdf["operative"]] == [p["text"] for p in from_txt["operative"]]


def _lay_out(page: pymupdf.Page, y: float, text: str, size: float = 10, indent: float = 24) -> float:
    """Write a paragraph wrapped at 440 points from x=72 (first line indented), 1.2 leading; a word
    "^N" is a superscript note marker. Returns the baseline for the next paragraph."""
    x = 72 + indent
    for word in text.split():
        marker = word.startswith("^")
        w = pymupdf.get_text_length(
            word[1:] if marker else word + " ", fontsize=0.65 * size if marker else size
        )
        if x + w > 512 and not marker:
            x, y = 72, y + 1.2 * size
        if marker:
            x -= pymupdf.get_text_length(" ", fontsize=size)
            page.insert_text((x, y - 0.35 * size), word[1:], fontsize=0.65 * size)
            x += w + pymupdf.get_text_length(" ", fontsize=size)
        else:
            page.insert_text((x, y), word, fontsize=size)
            x += w
    return y + 1.8 * size


def _two_page_pdf() -> bytes:
    """A paragraph running over a page break with a note whose text goes on at the foot of the next
    page, then a second note."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = _lay_out(page, 560, FIRST)
    y = _lay_out(page, y, SECOND[0])
    page.insert_text((72, 690), "__________", fontsize=8)
    _lay_out(page, 704, "^1 " + NOTE[0], size=8, indent=0)
    page = doc.new_page(width=612, height=792)
    _lay_out(page, 80, SECOND[1], indent=0)
    _lay_out(page, 700, NOTE[1], size=8, indent=0)
    _lay_out(page, 710, "^2 A/79/123.", size=8, indent=0)
    return doc.tobytes()


FIRST = (
    "Reaffirming the importance of international cooperation in preventing and combating crime in all its "
    "forms and manifestations, ^1 wherever and by whomsoever committed, and in bringing to justice those "
    "responsible,"
)
SECOND = (
    "Recalling its resolution 70/1 of 25 September 2015 and all its other relevant resolutions on the question, "
    "and welcoming the report of the Secretary-General",
    "on the matter, ^2 and the recommendations contained therein,",
)
NOTE = (
    "See the report of the Commission on Crime Prevention and Criminal Justice on its thirty-third session, "
    "held in Vienna from 20 to 24 May 2024, and the report of the",
    "Secretary-General on the same question.",
)


def test_a_note_going_on_at_the_foot_of_the_next_page_is_one_note():
    paras = paragraphs(pdf_to_text(_two_page_pdf(), "two.pdf"))
    assert paras == [
        FIRST.replace(", ^1", ",[^1]"),
        f"{SECOND[0]} {SECOND[1]}".replace(", ^2", ",[^2]"),
        f"[^1]: {NOTE[0]} {NOTE[1]}",
        "[^2]: A/79/123.",
    ]


def test_the_rule_that_ends_the_text_is_not_text():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = _lay_out(page, 100, FIRST)
    page.insert_text((260, y), "__________", fontsize=10)
    y = _lay_out(page, y + 24, "Annex", indent=0)
    _lay_out(page, y, SECOND[0])
    assert paragraphs(pdf_to_text(doc.tobytes(), "end.pdf")) == [
        FIRST.replace(", ^1", ",1"),  # a superscript with no note stays as it is
        "Annex",
        SECOND[0],
    ]


def _justified(page: pymupdf.Page, y: float, line: str, x0: float = 72, fontfile: str | None = None) -> None:
    """A justified line: its words spread evenly from x0 to 512, in Helvetica or a font file."""
    font = pymupdf.Font(fontfile=fontfile) if fontfile else pymupdf.Font("helv")
    words = line.split()
    widths = [font.text_length(w, 10) for w in words]
    gap = (512 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths, strict=True):
        page.insert_text(
            (x, y), word, fontsize=10, **({"fontfile": fontfile, "fontname": "f0"} if fontfile else {})
        )
        x += width + gap


def test_a_hyphen_at_a_line_end_joins_the_word_but_a_suspended_one_keeps_its_space():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    lines = [
        "Urges States to provide victims with assistance, including through child- and age-",
        "sensitive services and through programmes of the United Nations and of the Secretary-",
        "General, and in particular through awareness-raising campaigns and community-based, gender-",
        "and disability-responsive approaches,",
    ]
    for i, line in enumerate(lines[:3]):
        _justified(page, 100 + 12 * i, line, x0=96 if i == 0 else 72)
    page.insert_text((72, 136), lines[3], fontsize=10)
    assert paragraphs(pdf_to_text(doc.tobytes(), "hyphen.pdf")) == [
        "Urges States to provide victims with assistance, including through child- and age-sensitive services "
        "and through programmes of the United Nations and of the Secretary-General, and in particular through "
        "awareness-raising campaigns and community-based, gender- and disability-responsive approaches,"
    ]


def test_notes_numbered_in_the_type_of_their_text():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _lay_out(page, 100, FIRST.replace("committed,", "committed, ^2"))
    page.insert_text((72, 700), "1 Resolution 64/293.", fontsize=8)
    page.insert_text((72, 710), "2 Resolution 72/1, annex, which entered into force on", fontsize=8)
    page.insert_text((82, 720), "12 December 2017.", fontsize=8)
    assert paragraphs(pdf_to_text(doc.tobytes(), "plain.pdf")) == [
        FIRST.replace(", ^1", ",[^1]").replace("committed,", "committed,[^2]"),
        "[^1]: Resolution 64/293.",
        "[^2]: Resolution 72/1, annex, which entered into force on 12 December 2017.",
    ]


def test_a_soft_hyphen_at_a_line_end_is_dropped_and_the_word_joined():
    """A font that maps its optional-hyphen glyph to U+00AD tells it from a real hyphen."""
    fontfile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(fontfile).exists():
        pytest.skip("DejaVu Sans not installed")
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    line = "Encourages Member States to strengthen international cooperation in coun\u00ad"
    _justified(page, 100, line, x0=96, fontfile=fontfile)
    page.insert_text(
        (72, 112), "tering transnational organized crime;", fontsize=10, fontfile=fontfile, fontname="f0"
    )
    assert paragraphs(pdf_to_text(doc.tobytes(), "soft.pdf")) == [
        "Encourages Member States to strengthen international cooperation in countering transnational "
        "organized crime;"
    ]


def test_page_furniture_set_apart_in_the_margins():
    """Job number with its date set apart, barcode, running heads of the same size as the text
    (known by their repetition), page counters."""
    doc = pymupdf.open()
    for number in (1, 2, 3):
        page = doc.new_page(width=595, height=842)
        if number == 1:
            page.insert_text((60, 790), "25-16618 (E)", fontsize=10)
            page.insert_text((440, 790), "281025", fontsize=10)
            page.insert_text((60, 805), "*2516618*", fontsize=12)
        else:
            page.insert_text((60, 50), "A/80/L.18", fontsize=10)
            page.insert_text((300, 50), "Safety and security of humanitarian personnel", fontsize=10)
            page.insert_text((60, 810), f"{number}/3", fontsize=10)
            page.insert_text((500, 810), "25-16618", fontsize=10)
        _lay_out(page, 120, SECOND[0] if number != 2 else FIRST.replace(" ^1", ""))
    text = pdf_to_text(doc.tobytes(), "furniture.pdf")
    assert paragraphs(text) == [SECOND[0], FIRST.replace(" ^1", ""), SECOND[0]]
