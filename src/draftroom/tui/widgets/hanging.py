"""A paragraph row with a hanging indent: a fixed-width gutter (label, marker) and the text beside it.

A light replacement for a Rich table grid (the draft shows one per paragraph, and the list measures
every row at each layout): wraps the text once to the width left, then prefixes the gutter. A row
may carry a narrow gutter too, used when the row is narrower than `NARROW_BELOW` cells (an 80-column
terminal), so the text keeps most of the width.

A list draws a row again at one width (each time its highlight changes): the row keeps its last
drawing and its width. Its height is counted from its line breaks alone (`height`), for the list
that asks every row's height but draws only the rows on screen.
"""

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from draftroom.tui.widgets.cjk import CJKText

NARROW_BELOW = 64  # cells of the row: below, the narrow gutter


class Hanging:
    def __init__(
        self, gutter: Text, body: CJKText, width: int, narrow: tuple[Text, int] | None = None
    ) -> None:
        self.gutter = gutter
        self.body = body
        self.width = width
        self.narrow = narrow  # (gutter, width) for a row narrower than NARROW_BELOW
        self._drawn: tuple[tuple[int, int], list[Segment]] | None = None  # ((console, width), segments)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (id(console), options.max_width)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, list(self._segments(console, options)))
        return self._drawn[1]

    def _gutter(self, width: int) -> tuple[Text, int]:
        """The gutter and its width for a row `width` cells wide."""
        if self.narrow is not None and width < NARROW_BELOW:
            return self.narrow
        return self.gutter, self.width

    def height(self, console: Console, width: int) -> int:
        """The lines the row takes `width` cells wide, without drawing it."""
        return self.body.line_count(console, max(width - self._gutter(width)[1], 8))

    def _segments(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        gutter, width = self._gutter(options.max_width)
        room = max(options.max_width - width, 8)
        lines = self.body.wrap(console, room)
        blank = Segment(" " * width)
        head = gutter.copy()
        head.truncate(width, pad=True)
        for i, line in enumerate(lines):
            if i == 0:
                yield from head.render(console)
            else:
                yield blank
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = min(self.width, self.narrow[1]) if self.narrow is not None else self.width
        return Measurement(least + 8, options.max_width)
