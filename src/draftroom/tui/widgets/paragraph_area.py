"""The text area of the amendment editor, with the keys a word processor has.

Textual's TextArea selects all on F7 and sends End to the end of the screen line; a paragraph is one
line of text wrapped on screen, so here ctrl+a selects all and Home / End go to the paragraph's start
and end (shift to select on the way). Ctrl+B puts the selected words in square brackets, as
negotiators mark disputed words.
"""

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea


class ParagraphArea(TextArea):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", "Select all", show=False),
        Binding("home", "paragraph_start", "Start", show=False),
        Binding("end,ctrl+e", "paragraph_end", "End", show=False),
        Binding("shift+home", "paragraph_start(True)", show=False),
        Binding("shift+end", "paragraph_end(True)", show=False),
        Binding("ctrl+b", "bracket", "Bracket", tooltip="Put the selected words in square brackets"),
    ]

    def action_bracket(self) -> None:
        start, end = sorted(self.selection)
        if start == end:
            self.notify("Select the disputed words first (shift and the arrows)", severity="warning")
            return
        self.replace(f"[{self.selected_text}]", start, end)

    def action_paragraph_start(self, select: bool = False) -> None:
        row, _ = self.cursor_location
        self.move_cursor((row, 0), select=select)

    def action_paragraph_end(self, select: bool = False) -> None:
        row, _ = self.cursor_location
        self.move_cursor((row, len(self.document.get_line(row))), select=select)
