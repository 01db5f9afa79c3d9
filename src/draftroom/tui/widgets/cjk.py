"""Line breaking for Chinese and Japanese: between any two characters, never before closing punctuation.

Rich and Textual break lines at spaces only, so a Chinese paragraph (no spaces, except around the
numbers a PDF extraction leaves, "《2030 年") breaks badly: a whole clause jumps to the next line.
`CJKText` is a Rich `Text` that breaks such text like a Chinese typesetter; pass it to a Static inside
a `Group` so that Rich, not Textual's own wrapping, lays it out.
"""

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import add

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, JustifyMethod, OverflowMethod
from rich.containers import Lines
from rich.text import Text

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# a lookahead: else the search compiles the class a second time (as its quick first-character test),
# and Python builds a class this wide one code point at a time, a millisecond each (the first paint)
HAS_CJK = re.compile(f"(?=[{_CJK}])")
_UNIT = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+\\s*|\\s+")
NO_LINE_START = frozenset("，。、；：？！）》」』〉】”’．,.;:?!)%")


_CELLS: dict[str, tuple[int, int]] = {}  # one character -> its cells (without trailing space, whole)


def _cells(unit: str) -> tuple[int, int]:
    """(cells of the unit without its trailing spaces, cells of the whole unit); a single
    character's kept, as a paragraph's characters recur."""
    found = _CELLS.get(unit)
    if found is None:
        if len(unit) == 1:  # Rich's own measure of one character, without cell_len's layers
            whole = get_character_cell_size(unit)
            found = _CELLS[unit] = (0 if unit.isspace() else whole, whole)
        else:
            found = (cell_len(unit.rstrip()), cell_len(unit))
    return found


@lru_cache(maxsize=8192)
def break_offsets(text: str, width: int) -> tuple[int, ...]:
    """Where to break `text` into lines of at most `width` cells (cached: a list lays out its rows
    several times, at each width it tries).

    The units (one CJK character, or a run of other characters with its trailing spaces; a run wider
    than the line character by character) are measured once; `fits[j]`, the column where unit j ends
    without its trailing spaces counted from the text's start, never decreases, so each line's end is
    one bisection instead of a step per character."""
    most = max(width, 2)
    units = _UNIT.findall(text)
    if not units:
        return ()
    bodies, wholes = zip(*[_CELLS.get(u) or _cells(u) for u in units], strict=True)
    if max(bodies) > most and any(b > most and len(u) > 1 for u, b in zip(units, bodies, strict=True)):
        units = [c for u in units for c in (u if len(u) > 1 and _cells(u)[0] > most else (u,))]
        bodies, wholes = zip(*[_CELLS.get(u) or _cells(u) for u in units], strict=True)
    starts = [0, *accumulate(map(len, units))]
    columns = [0, *accumulate(wholes)]  # where each unit starts
    fits = list(map(add, columns, bodies))  # (columns has one more: map stops with bodies)
    offsets: list[int] = []
    unit, line_column, line_start = 0, 0, 0
    while True:
        unit = bisect_right(fits, width + line_column, lo=unit + 1)  # the first unit past the line
        if unit >= len(units):
            return tuple(offsets)
        at = start = starts[unit]
        while text[at] in NO_LINE_START and at - 1 > line_start:
            at -= 1  # carry characters along, so closing punctuation never opens a line
        offsets.append(at)
        line_start = at
        line_column = columns[unit] - cell_len(text[at:start])


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

    def line_count(self, console: Console, width: int) -> int:
        """How many lines `wrap(console, width)` gives, counted from the line breaks alone: a list
        asks every row's height, where only the rows on screen need to be drawn."""
        plain = self.plain
        if "\n" in plain:
            return len(self.wrap(console, width))
        if self.no_wrap:
            return 1
        if not HAS_CJK.search(plain):  # Rich's wrapping: the same breaks without the styles
            return len(Text(plain, overflow=self.overflow).wrap(console, width))
        return len(break_offsets(plain, width)) + 1
