"""Chinese line breaking in the TUI, on the real seed texts."""

import itertools
import re

import pytest
from conftest import SEEDS
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from draftroom.model import iter_located
from draftroom.parse import parse_file
from draftroom.tui.widgets.cjk import NO_LINE_START, break_offsets
from draftroom.tui.widgets.hanging import NARROW_BELOW, Hanging
from draftroom.tui.widgets.labels import paragraph_text


def lines_of(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


@pytest.mark.parametrize("width", [12, 31, 58])
def test_seed_paragraphs_break_between_characters_within_the_width(width):
    doc = parse_file(SEEDS / "001_334a0e47d0d674b7.txt")
    paragraphs = [loc.paragraph.text for loc in iter_located(doc) if len(loc.paragraph.text) > width]
    assert paragraphs
    for text in paragraphs:
        lines = lines_of(text, width)
        assert "".join(lines) == text
        for line in lines:
            assert cell_len(line.rstrip()) <= width, line
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, line
        # a line is cut only when the next piece (a character, or a Latin word or number) would not fit;
        # slack for up to two characters carried down with closing punctuation
        for line, after in itertools.pairwise(lines):
            piece = re.match(r"[^\s\u2e80-\u9fff]+|.", after).group()
            assert cell_len(line.rstrip()) + cell_len(piece) > width - 4, (line, after)


def test_latin_words_are_not_cut_inside_a_chinese_paragraph():
    text = "回顾大会通过《2030 年可持续发展议程》和 A/RES/70/1 号决议"
    for width in range(8, 30):
        for line in lines_of(text, width):
            assert not line.startswith(("030", "30", "0 ", "/RES", "RES", "ES/")), (width, line)


def test_mixed_text_of_every_kind_breaks_within_the_width_and_only_when_full():
    """Random paragraphs of Chinese, punctuation, spaces, short Latin words and runs wider than the
    line: the lines rejoin to the text, each fits, none opens with closing punctuation unless a run
    of it is longer than can be carried, and each is cut only when the next piece would not fit."""
    import random

    rng = random.Random(16)
    pieces = ["中", "文", "，", "。", "》", "《", " ", "  ", "a", "bc ", "2030 ", "Development,", "x" * 40]
    closing = "".join(NO_LINE_START) + " "
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 90)))
        width = rng.randrange(8, 60)  # a row gives its text at least 8 cells (Hanging)
        lines = lines_of(text, width)
        assert "".join(lines) == text
        for line in lines:  # too long only when it is all closing punctuation (nothing to carry it with)
            assert cell_len(line.rstrip()) <= width or not line.strip(closing), (width, line)
        for n, line in enumerate(lines[:-1]):
            after = "".join(lines[n + 1 :])
            if not line.strip() or after[0].isspace():
                continue  # spaces at a cut: where they go is Rich's business (they are not drawn)
            piece = re.match(r"[^\s\u2e80-\u9fff]+|.", after).group()
            carried = re.match(
                f"{re.escape(piece)}[{re.escape(closing)}]*", after
            ).group()  # moved down together
            assert cell_len(line) + cell_len(carried) > width, (width, line, after)


def test_a_rows_height_counted_from_its_breaks_is_the_lines_it_draws():
    """The draft's list asks every row's height and draws only those on screen: the count made
    without drawing is the drawing's, for Chinese, English, mixed text, tabs and line breaks, in the
    wide gutter and the narrow one."""
    import random

    rng = random.Random(12)
    pieces = ["中", "文", "，", "。", "》", "《", " ", "　", "a", "bc ", "2030 ", "Development,", "x" * 40]
    pieces += ["[^3]", "[", "]", "\t", "\n"]
    doc = parse_file(SEEDS / "001_334a0e47d0d674b7.txt")
    texts = [loc.paragraph.text for loc in iter_located(doc)]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 90))) for _ in range(200)]
    texts += ["Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world” " * 3]
    console = Console(width=200)
    for text in texts:
        for width in (NARROW_BELOW - 13, NARROW_BELOW - 1, NARROW_BELOW, 77, 101):
            row = Hanging(Text("OP10 (b)"), paragraph_text(text), 19, (Text("OP10(b)"), 13))
            drawn = sum(s.text.count("\n") for s in console.render(row, console.options.update_width(width)))
            fresh = Hanging(Text("OP10 (b)"), paragraph_text(text), 19, (Text("OP10(b)"), 13))
            assert fresh.height(console, width) == drawn, (width, text)
