"""A paragraph row with a hanging indent: a fixed-width gutter (label, marker) and the text beside it.

A light replacement for a Rich table grid (the draft shows one per paragraph, and the list measures
every row at each layout): wraps the text once to the width left, then prefixes the gutter.
"""

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text


class Hanging:
    def __init__(self, gutter: Text, body: Text, width: int) -> None:
        self.gutter = gutter
        self.body = body
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(options.max_width - self.width, 8)
        lines = self.body.wrap(console, room)
        blank = Segment(" " * self.width)
        head = self.gutter.copy()
        head.truncate(self.width, pad=True)
        for i, line in enumerate(lines):
            if i == 0:
                yield from head.render(console)
            else:
                yield blank
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width + 8, options.max_width)
