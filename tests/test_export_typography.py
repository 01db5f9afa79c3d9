"""Opening phrases: longest match from the phrase list, a general fallback, and per-paragraph overrides."""

import re

import docx
import pytest
from corpus_support import DATA

from draftroom.errors import DraftroomError
from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.export.typography import joined_dates, opener_length, typography_for
from draftroom.parse import parse_file

AKN = DATA / "akn"


@pytest.mark.parametrize(
    ("text", "lang", "opener"),
    [
        ("Recalling also its resolution 70/1,", "en", "Recalling also"),
        # as the UN sets them in its own files (export/openers.tsv): "of" upright
        ("Taking note with appreciation of the report,", "en", "Taking note with appreciation"),
        ("Taking note of the report,", "en", "Taking note"),
        ("Further requests the Secretary-General", "en", "Further requests"),
        ("Strives to ensure", "en", "Strives"),  # not in the list: the first word
        ("Notingly odd", "en", "Notingly"),  # a phrase matches whole words only
        ("又回顾《联合国宪章》", "zh", "又回顾"),
        ("再次强烈谴责贩运人口", "zh", "再次强烈谴责"),
        ("关切地注意到", "zh", "关切地注意到"),
        ("Rappelant également sa résolution", "fr", "Rappelant également"),
        ("Prie en outre le Secrétaire général", "fr", "Prie en outre"),
        ("Recordando también", "es", "Recordando también"),
        ("Просит также Генерального секретаря", "ru", "Просит также"),
        ("the lower case start", "en", ""),
    ],
)
def test_opener(text, lang, opener):
    assert text[: opener_length(text, lang)] == opener


def test_override():
    assert opener_length("Recalling also x", "en", override="Recalling") == len("Recalling")
    assert opener_length("Recalling also x", "en", override="") == 0
    assert opener_length("Recalling also x", "en", override="Noting") == 0


def test_typography_defaults_and_overrides():
    assert typography_for("en").font == "Times New Roman"
    assert typography_for("zh").east_asia_font == "SimSun" and typography_for("zh").opener == "kaiti"
    assert typography_for("zh", opener="bold", paper="a4").paper == "a4"
    assert typography_for("ar").rtl
    with pytest.raises(DraftroomError):
        typography_for("en", paper="folio")
    with pytest.raises(DraftroomError):
        typography_for("en", opener="underline")


MONTH = r"\d+(\s)(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def test_a_day_and_its_month_are_joined_as_in_the_uns_own_text(tmp_path):
    """79/310 read from the UN's PDF, whose text has plain spaces: its export joins each day to its month
    in its paragraphs with a no-break space, as the UN's own XML of it does (so a line never ends on the
    day, and LibreOffice sets those lines as it sets them from the XML); a footnote mark before "May" is
    no day."""

    def joints(source: str) -> list[str]:
        doc = parse_file(AKN / f"en_A_RES_79_310.{source}")
        out = export_document(doc, tmp_path / f"{source}.docx", Options("resolution", "en"))
        paragraphs = docx.Document(str(out)).paragraphs
        texts = [p.text for p in paragraphs if p.style.name == "__Single Txt" and "meeting" not in p.text]
        return re.findall(MONTH, "\n".join(texts))  # the paragraphs, not the closing's meeting and date

    from_pdf, from_xml = joints("pdf"), joints("xml")
    assert len(from_pdf) > 5 and set(from_pdf) == {"\u00a0"}
    assert from_pdf == from_xml
    assert joined_dates("Weapons Which[^1] May Be Deemed", "en") == "Weapons Which[^1] May Be Deemed"
    assert joined_dates("du 19 décembre 2024", "fr") == "du 19\u00a0décembre 2024"
