"""Property: a parsed document, rendered back as PDF-like text in any wrapping, with notes dropped at
random line breaks and markers in any style, parses to the same document."""

from functools import cache
from pathlib import Path

from corpus_support import CORPUS_EN, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import LAYOUTS, MARKER_STYLES, Style, render

from draftroom.model.jsonform import to_dict
from draftroom.parse import parse_file, parse_text

DATA = Path(__file__).parent / "data"
SOURCES = {
    "zh-draft": SEEDS / "002_e512e5138112a4f1.txt",
    "zh-revised": SEEDS / "001_334a0e47d0d674b7.txt",
    "zh-resolution-annex": SEEDS / "000_6842e5c2552c18cd.txt",
    "en-annex": CORPUS_EN / "A_80_L.8.txt",
    "en-resolution": CORPUS_EN / "A_RES_80_112.txt",
    "fr-draft": DATA / "fr_projet.txt",
    "ru-draft": DATA / "ru_proekt.txt",
}


@cache
def original(name: str) -> dict:
    return to_dict(parse_file(SOURCES[name]))


@cache
def document(name: str):
    return parse_file(SOURCES[name])


@st.composite
def styles(draw, name: str) -> Style:
    cjk = document(name).language == "zh"
    return Style(
        width=draw(st.integers(56, 90) if cjk else st.integers(60, 110)),
        markers=draw(st.sampled_from(MARKER_STYLES)),
        layout=draw(st.sampled_from(LAYOUTS)),
        labels_alone=draw(st.booleans()),
        block_every=draw(st.integers(3, 40)),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_render_and_parse_back(data):
    name = data.draw(st.sampled_from(sorted(SOURCES)), label="document")
    style = data.draw(styles(name), label="style")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    text = render(document(name), style, seed)
    again = to_dict(parse_text(text, source=name))
    assert again == original(name), first_difference(again, original(name))


def first_difference(got, want, path: str = "") -> str:
    """Where two JSON forms first differ, for a readable failure."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in want:
            if got.get(k) != want[k]:
                return first_difference(got.get(k), want[k], f"{path}.{k}")
    if isinstance(want, list) and isinstance(got, list):
        for i, (a, b) in enumerate(zip(got, want, strict=False)):
            if a != b:
                return first_difference(a, b, f"{path}[{i}]")
        return f"{path}: {len(got)} items, want {len(want)}"
    return f"{path}: got {got!r}, want {want!r}"


def test_a_chinese_sponsor_name_wrapped_across_lines_stays_one_list():
    """Found by the property test: at 56 columns the list breaks inside 津巴布韦, and its last line
    ("布韦：订正决议草案") names a single sponsor fragment."""
    style = Style(
        width=56, markers="superscript", layout="blank-between-paragraphs", labels_alone=False, block_every=3
    )
    again = to_dict(parse_text(render(document("zh-revised"), style, 0), source="zh-revised"))
    assert again == original("zh-revised"), first_difference(again, original("zh-revised"))
