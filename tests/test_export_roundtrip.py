"""parse(export(doc)) == doc for the three real seeds: through .docx and through the plain text."""

import pytest
from corpus_support import SEEDS

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model.jsonform import to_dict
from draftroom.parse import parse_file

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _content(doc) -> dict:
    """What must survive the round trip: everything but paragraph ids (new ones are minted on parse)."""

    def para(p: dict) -> dict:
        return {k: p[k] for k in ("number", "marker", "text")} | {"items": [para(i) for i in p["items"]]}

    d = to_dict(doc)
    keep = (
        "language",
        "kind",
        "session",
        "committee",
        "agenda_item",
        "sponsors",
        "title",
        "body",
        "footnotes",
    )
    return {k: d[k] for k in keep} | {
        "preamble": [para(p) for p in d["preamble"]],
        "operative": [para(p) for p in d["operative"]],
        "annexes": [
            [
                (b["kind"], b.get("number"), b["text"], [para(i) for i in b.get("items", [])])
                for b in a["blocks"]
            ]
            for a in d["annexes"]
        ],
    }


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_round_trip(seed, suffix, tmp_path):
    doc = parse_file(seed)
    assert doc.preamble and doc.operative and doc.footnotes  # a real document, not an empty parse
    out = export_document(doc, tmp_path / f"out{suffix}", Options(doc.kind, doc.language))
    back = parse_file(out)
    assert _content(back) == _content(doc)


def test_round_trip_keeps_the_resolution_head(tmp_path):
    seed = next(p for p in SEED_FILES if p.stem.startswith("000"))
    doc = parse_file(seed)
    back = parse_file(export_document(doc, tmp_path / "res.docx", Options("resolution", "zh")))
    assert (back.resolution_number, back.closing.meeting) == (doc.resolution_number, doc.closing.meeting)
    assert len(back.annexes[0].paragraphs) == len(doc.annexes[0].paragraphs) > 50
