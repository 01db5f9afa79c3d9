"""The English corpus (drafts, amendments, resolutions of 2025) exported and parsed back.

The parser is the independent reader: what it reads from our .docx must be what it read from the
UN's own text. Amendment documents are also written in Chinese, French, Spanish, Russian and Arabic
and must give back the same instructions.
"""

import re

import pytest
from corpus_support import CORPUS_EN
from test_export_roundtrip import _content

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import iter_located
from draftroom.model.jsonform import to_dict
from draftroom.parse import parse_file

DOCUMENTS = sorted(CORPUS_EN.glob("*.txt"))
REF = re.compile(r"\[\^(\d+)\]")


def _anchored(doc):
    """The content, footnotes limited to those the text refers to (a Word note needs its reference)."""
    used = {int(n) for loc in iter_located(doc) for n in REF.findall(loc.paragraph.text)}
    content = _content(doc)
    content["footnotes"] = [f for f in content["footnotes"] if f["number"] in used]
    return content


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_corpus_round_trip(path, tmp_path):
    doc = parse_file(path)
    options = Options(
        doc.kind if doc.kind != "decision" else "draft",
        doc.language,
        adopted_on=doc.adopted_on or doc.closing.date,
        meeting=doc.closing.meeting,
    )
    back = parse_file(export_document(doc, tmp_path / "out.docx", options))
    assert _anchored(back) == _anchored(doc)
    if doc.kind == "amendments":
        assert (back.amends, to_dict(back)["instructions"]) == (doc.amends, to_dict(doc)["instructions"])


@pytest.mark.parametrize("lang", ["zh", "fr", "es", "ru", "ar"])
def test_amendments_in_other_languages_read_back(lang, tmp_path):
    amendments = [d for d in map(parse_file, DOCUMENTS) if d.kind == "amendments"]
    assert len(amendments) >= 5
    for doc in amendments:
        out = export_document(doc, tmp_path / f"{lang}.txt", Options("amendments", lang))
        back = parse_file(out, lang=lang)
        assert to_dict(back)["instructions"] == to_dict(doc)["instructions"], out.read_text(encoding="utf-8")
        assert back.amends == doc.amends
