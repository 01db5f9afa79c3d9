"""Drafts and resolutions in French, Spanish, Russian and Arabic; typography options."""

import re

import docx
import pytest
from export_support import chinese_resolution, pdf_texts

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import Document, Footnote, Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TEXTS = {
    "fr": (
        "Session",
        "Rappelant également sa résolution 70/1,[^1]",
        "Prie le Secrétaire général de faire rapport;",
        "Résolution 70/1.",
        ["France", "Italie"],
        "France et Italie : projet de résolution",
        "Résolution adoptée par l’Assemblée générale le 18 décembre 2019",
    ),
    "es": (
        "Sesión",
        "Recordando también su resolución 70/1,[^1]",
        "Solicita al Secretario General que informe;",
        "Resolución 70/1.",
        ["España", "Italia"],
        "España e Italia: proyecto de resolución",
        "Resolución aprobada por la Asamblea General el 18 de diciembre de 2019",
    ),
    "ru": (
        "Сессия",
        "Ссылаясь также на свою резолюцию 70/1,[^1]",
        "Просит Генерального секретаря представить доклад;",
        "Резолюция 70/1.",
        ["Беларусь", "Китай"],
        "Беларусь и Китай: проект резолюции",
        "Резолюция, принятая Генеральной Ассамблеей 18 декабря 2019 года",
    ),
    "ar": (
        "الدورة",
        "إذ تشير إلى قرارها 70/1،[^1]",
        "تطلب إلى الأمين العام أن يقدم تقريرا؛",
        "القرار 70/1.",
        ["بيلاروس", "الصين"],
        "بيلاروس والصين: مشروع قرار",
        "قرار اتخذته الجمعية العامة في 18 كانون الأول/ديسمبر 2019",
    ),
}


def _doc(lang: str) -> Document:
    session, pp, op, note, sponsors, _, _ = TEXTS[lang]
    return Document(
        language=lang,
        symbol="A/C.3/74/L.5",
        session=session,
        sponsors=sponsors,
        title={"fr": "Titre", "es": "Título", "ru": "Заголовок", "ar": "العنوان"}[lang],
        preamble=[Paragraph("p1", pp)],
        operative=[Paragraph("o1", op, number=1), Paragraph("o2", op, number=2)],
        footnotes=[Footnote(1, note)],
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    out = tmp_path_factory.mktemp("langs")
    made = {}
    for lang in TEXTS:
        made[(lang, "draft")] = export_document(
            _doc(lang), out / f"{lang}-draft.docx", Options("draft", lang)
        )
        made[(lang, "resolution")] = export_document(
            _doc(lang),
            out / f"{lang}-res.docx",
            Options("resolution", lang, adopted_on="2019-12-18", meeting="50"),
        )
    return out, made


@pytest.mark.parametrize("lang", list(TEXTS))
def test_layout_words(files, lang):
    _, made = files
    _, pp, op, _, _, sponsor_line, adopted = TEXTS[lang]
    draft = [p.text for p in docx.Document(made[(lang, "draft")]).paragraphs]
    assert sponsor_line in draft
    assert re.sub(r"\[\^1\]", "", pp) in draft
    number = "{} -" if lang == "ar" else "{}."  # Arabic UN style numbers "1 -"
    assert f"{number.format(1)}\t{op}" in draft and f"{number.format(2)}\t{op}" in draft
    resolution = [p.text.replace("\n", " ") for p in docx.Document(made[(lang, "resolution")]).paragraphs]
    assert adopted in resolution


def test_openers_per_language(files):
    _, made = files
    french = next(
        p for p in docx.Document(made[("fr", "draft")]).paragraphs if p.text.startswith("Rappelant")
    )
    assert french.runs[0].text == "Rappelant également" and french.runs[0].italic
    arabic = docx.Document(made[("ar", "draft")])
    assert not any(r.italic for p in arabic.paragraphs for r in p.runs)
    assert arabic.styles["Normal"].element.rPr.find(f"{W}rtl") is not None


def test_pdf_text_in_every_script(files):
    out, made = files
    pdfs = pdf_texts([made[(lang, "draft")] for lang in TEXTS], out)
    for lang in ("fr", "es", "ru"):
        flat = re.sub(r"\s+", " ", pdfs[made[(lang, "draft")]])
        assert TEXTS[lang][5] in flat and TEXTS[lang][3] in flat and TEXTS[lang][2] in flat
    arabic = pdfs[made[("ar", "draft")]]
    assert "القرار" in arabic and "70/1" in arabic


@pytest.mark.parametrize(("opener", "check"), [("bold", "b"), ("none", None), ("kaiti", "rFonts")])
def test_chinese_opener_is_configurable(tmp_path, opener, check):
    path = export_document(
        chinese_resolution(), tmp_path / "zh.docx", Options("resolution", "zh"), opener=opener
    )
    first = next(p for p in docx.Document(path).paragraphs if p.text.startswith("又回顾"))
    rpr = first.runs[0]._r.rPr
    if check is None:
        assert rpr is None or (rpr.find(f"{W}b") is None and rpr.find(f"{W}rFonts") is None)
    else:
        assert first.runs[0].text == "又回顾" and rpr.find(f"{W}{check}") is not None


def test_fonts_and_size_are_configurable(tmp_path):
    path = export_document(
        chinese_resolution(),
        tmp_path / "zh.docx",
        Options("resolution", "zh"),
        east_asia_font="FangSong",
        size=12,
    )
    normal = docx.Document(path).styles["Normal"]
    assert normal.element.rPr.rFonts.get(f"{W}eastAsia") == "FangSong"
    assert normal.font.size.pt == 12
