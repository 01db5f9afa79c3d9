"""A Security Council resolution exported as the Council issues it (Word read back by python-docx, plain).

The text is the opening of S/RES/2336 (2016), adopted at the Council's 7855th meeting on 31 December
2016 (United Nations, public document), typed in as the model holds it.
"""

from pathlib import Path

import docx
import pytest

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import Document, Paragraph
from draftroom.parse import parse_file

AKN = Path(__file__).parent / "data" / "akn"


def _council() -> Document:
    return Document(
        language="en",
        kind="resolution",
        symbol="S/RES/2336 (2016)",
        title="",
        body="The Security Council",
        preamble=[
            Paragraph(
                "p1",
                "Recalling all its previous resolutions and Presidential Statements on the situation in the "
                "Syrian Arab Republic, in particular 2254 (2015) and 2268 (2016), and the Geneva Communiqué of "
                "30 June 2012,",
            ),
            Paragraph(
                "p2",
                "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial "
                "integrity of the Syrian Arab Republic,",
            ),
        ],
        operative=[
            Paragraph(
                "o1",
                "Welcomes and supports the efforts by Russia and Turkey to end violence in Syria and jumpstart "
                "a political process;",
                number=1,
            ),
            Paragraph(
                "o2",
                "Stresses the importance of the full implementation of all relevant resolutions;",
                number=2,
            ),
        ],
    )


def _bold(p) -> bool:
    style = p.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _opts(lang: str = "en", **kw: str) -> Options:
    return Options(kind="resolution", lang=lang, adopted_on="2016-12-31", meeting="7855", **kw)


def test_word_export_of_a_council_resolution_carries_the_councils_head_and_no_assembly_line(tmp_path):
    out = export_document(_council(), tmp_path / "sc.docx", _opts())
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs if p.text.strip()]
    assert texts[:3] == [
        "Resolution 2336 (2016)",
        "Adopted by the Security Council at its 7855th meeting, on 31 December 2016",
        "The Security Council,",
    ]
    assert _bold(d.paragraphs[0])
    assert texts[-1].startswith("2.\tStresses")  # the Council prints no closing: meeting and date are above
    whole = "\n".join(texts)
    assert "General Assembly" not in whole and "plenary meeting" not in whole and "[" not in whole
    head = [c.text for t in d.sections[0].first_page_header.tables for r in t.rows for c in r.cells]
    assert "Security Council" in head and "S/RES/2336 (2016)" in head
    assert any("Distr.: General" in c and "31 December 2016" in c for c in head)  # dated the day adopted


@pytest.mark.parametrize(
    ("lang", "number", "adopted", "body"),
    [
        (
            "en",
            "Resolution 2336 (2016)",
            "Adopted by the Security Council at its 7855th meeting, on 31 December 2016",
            "The Security Council,",
        ),
        (
            "fr",
            "Résolution 2336 (2016)",
            "Adoptée par le Conseil de sécurité à sa 7855e séance, le 31 décembre 2016",
            "Le Conseil de sécurité,",
        ),
        (
            "es",
            "Resolución 2336 (2016)",
            "Aprobada por el Consejo de Seguridad en su 7855ª sesión, celebrada el 31 de diciembre de 2016",
            "El Consejo de Seguridad,",
        ),
        (
            "ru",
            "Резолюция 2336 (2016),",
            "принятая Советом Безопасности на его 7855-м заседании 31 декабря 2016 года",
            "Совет Безопасности,",
        ),
        ("zh", "第2336(2016)号决议", "2016年12月31日安全理事会第7855次会议通过", "安全理事会，"),
        (
            "ar",
            "القرار 2336 (2016)",
            "الذي اتخذه مجلس الأمن في جلسته 7855، المعقودة في 31 كانون الأول/ديسمبر 2016",
            "إن مجلس الأمن،",
        ),
    ],
)
def test_plain_export_of_a_council_resolution_in_six_languages(tmp_path, lang, number, adopted, body):
    doc = _council()
    doc.body = ""  # the language's own words for the Council
    text = export_document(doc, tmp_path / "sc.txt", _opts(lang)).read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    assert blocks[1:4] == [number, adopted, body]


def test_an_assembly_text_exported_under_a_council_symbol_speaks_as_the_council(tmp_path):
    doc = parse_file(AKN / "en_A_RES_79_3.xml")
    sc = export_document(doc, tmp_path / "sc.txt", _opts(symbol="S/RES/2336 (2016)")).read_text(
        encoding="utf-8"
    )
    assert "\n\nThe Security Council,\n\n" in sc and "The General Assembly," not in sc
    assert "Resolution adopted by" not in sc and "Seventy-ninth session" not in sc
    ga = export_document(doc, tmp_path / "ga.txt", _opts()).read_text(encoding="utf-8")
    assert "Resolution adopted by the General Assembly\non 31 December 2016" in ga
    assert "\n\nThe General Assembly,\n\n" in ga and "Security Council" not in ga


def test_a_council_resolution_read_back_from_its_akn_keeps_its_adoption_line(tmp_path):
    """The AKN file's conclusions name the meeting in words ("7855th plenary meeting"); the Council's head,
    written again from that file, still says "at its 7855th meeting", not "7855th plenary meeting meeting"."""
    xml = export_document(_council(), tmp_path / "sc.xml", _opts())
    back = parse_file(xml)
    out = export_document(back, tmp_path / "again.docx", Options(kind="resolution", lang="en"))
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert texts[1] == "Adopted by the Security Council at its 7855th meeting, on 31 December 2016"
