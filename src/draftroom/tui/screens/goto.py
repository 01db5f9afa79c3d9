"""Jump to a paragraph by the label a negotiator says aloud: "OP 10 (b)", "pp3", "annex 12"."""

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from draftroom.errors import DraftroomError
from draftroom.model import locate
from draftroom.tui.widgets.key_bar import KeyBar


class GotoScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Go to paragraph", classes="dialog-title")
            yield Input(placeholder="OP3, PP2, OP10(b), annex 12")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = re.sub(r"(?i)^\s*annex\s*", "AN", event.value)
        try:
            found = locate(self.app.snapshot.document, raw)  # type: ignore[attr-defined]
        except DraftroomError as e:
            self.notify(str(e), severity="error")
            return
        self.dismiss(found.paragraph.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
