"""Line breaking for Chinese and Japanese: between any two characters, never before closing punctuation.

Rich and Textual break lines at spaces only, so a Chinese paragraph (no spaces, except around the
numbers a PDF extraction leaves, "《2030 年") breaks badly: a whole clause jumps to the next line.
`CJKText` is a Rich `Text` that breaks such text like a Chinese typesetter; pass it to a Static inside
a `Group` so that Rich, not Textual's own wrapping, lays it out.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, JustifyMethod, OverflowMethod
from rich.containers import Lines
from rich.text import Text

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
HAS_CJK = re.compile(f"[{_CJK}]")
_UNIT = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+\\s*|\\s+")
NO_LINE_START = frozenset("，。、；：？！）》」』〉】”’．,.;:?!)%")


def _units(text: str, width: int) -> Iterator[tuple[int, str]]:
    """(offset, unit): one CJK character, or a run of other characters with its trailing spaces;
    a run wider than the line comes character by character."""
    for m in _UNIT.finditer(text):
        unit = m.group()
        if cell_len(unit.rstrip()) > width:
            for i, ch in enumerate(unit):
                yield m.start() + i, ch
        else:
            yield m.start(), unit


@lru_cache(maxsize=8192)
def break_offsets(text: str, width: int) -> tuple[int, ...]:
    """Where to break `text` into lines of at most `width` cells (cached: a list lays out its rows
    several times, at each width it tries)."""
    offsets: list[int] = []
    column = 0
    line_start = 0
    for start, unit in _units(text, max(width, 2)):
        if column and column + cell_len(unit.rstrip()) > width:
            at = start
            while text[at] in NO_LINE_START and at - 1 > line_start:
                at -= 1  # carry characters along, so closing punctuation never opens a line
            offsets.append(at)
            line_start = at
            column = cell_len(text[at:start])
        column += cell_len(unit)
    return tuple(offsets)


class CJKText(Text):
    """A Text that wraps Chinese and Japanese between characters (other text as Rich does)."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or self.no_wrap or not HAS_CJK.search(self.plain):
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap
            )
        lines = Lines()
        for line in self.split(allow_blank=True):
            for piece in line.divide(break_offsets(line.plain, width)):
                piece.rstrip_end(width)
                piece.truncate(width, overflow="fold")
                lines.append(piece)
        return lines
