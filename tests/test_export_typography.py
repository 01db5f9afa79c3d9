"""Opening phrases: longest match from the phrase list, a general fallback, and per-paragraph overrides."""

import pytest

from draftroom.errors import DraftroomError
from draftroom.export.typography import opener_length, typography_for


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
