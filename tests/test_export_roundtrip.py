"""parse(export(doc)) == doc for the three real seeds: through .docx and through the plain text."""

import re
import subprocess

import pytest
from conftest import require_tool
from corpus_support import SEEDS

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import iter_located
from draftroom.model.jsonform import to_dict
from draftroom.parse import parse_file

SEED_FILES = sorted(SEEDS.glob("*.txt"))
REF = re.compile(r"\[\^(\d+)\]")


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


def _with_note_texts(doc) -> list[str]:
    """Every paragraph with each footnote reference replaced by its note's text (numbering aside)."""
    notes = {f.number: f.text for f in doc.footnotes}
    return [
        REF.sub(lambda m: f"[{notes.get(int(m.group(1)))}]", loc.paragraph.text) for loc in iter_located(doc)
    ]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_docx_written_by_pandoc_reads_the_same(seed, tmp_path):
    """read_docx on a Word file it did not write: pandoc's, from our Markdown.

    Pandoc gives a repeated reference a note of its own, so notes are compared by text, not number.
    """
    require_tool("pandoc")
    doc = parse_file(seed)
    markdown = export_document(doc, tmp_path / "seed.md", Options(doc.kind, doc.language))
    subprocess.run(["pandoc", str(markdown), "-o", str(tmp_path / "pandoc.docx")], check=True)
    back = parse_file(tmp_path / "pandoc.docx")
    assert (back.title, back.body, back.sponsors) == (doc.title, doc.body, doc.sponsors)
    assert _with_note_texts(back) == _with_note_texts(doc)
