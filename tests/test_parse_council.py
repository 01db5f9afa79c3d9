"""A Security Council resolution's head read back from draftroom's own exports (plain text and Word):
"Resolution 2336 (2016)", "Adopted by the Security Council at its 7855th meeting, on 31 December 2016"
and "The Security Council," in the six languages. The text is the opening of S/RES/2336 (2016)
(United Nations, public document), as tests/test_export_council.py types it in."""

import pytest
from test_export_council import _council, _opts

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.parse import parse_file

_ADOPTED = {
    "en": "31 December 2016",
    "fr": "31 décembre 2016",
    "es": "31 de diciembre de 2016",
    "ru": "31 декабря 2016 года",
    "zh": "2016年12月31日",
    "ar": "31 كانون الأول/ديسمبر 2016",
}


@pytest.mark.parametrize("lang", sorted(_ADOPTED))
@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_a_council_resolution_reads_back_with_its_symbol_meeting_and_date(tmp_path, lang, ext):
    doc = _council()
    doc.body = ""  # the language's own words for the Council
    out = export_document(doc, tmp_path / f"sc.{ext}", _opts(lang))
    got = parse_file(out, lang)
    assert (got.kind, got.symbol, got.resolution_number) == ("resolution", "S/RES/2336 (2016)", "2336 (2016)")
    assert (got.adopted_on, got.closing.meeting) == (_ADOPTED[lang], "7855")
    assert got.title == ""  # "Resolution 2336 (2016)" is the number, not a title
    assert got.body and len(got.preamble) == 2 and len(got.operative) == 2
    if lang == "en":
        assert got.body == "The Security Council"
        assert [p.text for p in got.preamble + got.operative] == [
            p.text for p in _council().preamble + _council().operative
        ]


def test_a_council_resolution_read_back_exports_as_it_was(tmp_path):
    first = export_document(_council(), tmp_path / "sc.txt", _opts()).read_text(encoding="utf-8")
    again = export_document(
        parse_file(tmp_path / "sc.txt"), tmp_path / "again.txt", Options(kind="resolution", lang="en")
    )
    assert again.read_text(encoding="utf-8") == first
