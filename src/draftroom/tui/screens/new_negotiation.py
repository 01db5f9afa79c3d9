"""A small form: the file to start from and the negotiation's name."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from draftroom.tui.widgets.key_bar import KeyBar


class NewNegotiationScreen(ModalScreen[tuple[str, Path] | None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "create", "Create", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("New negotiation", classes="dialog-title")
            yield Label("Base text (a .txt, .pdf or .docx file):")
            yield Input(placeholder="path/to/draft.pdf", id="source")
            yield Label("Name (letters, digits, - and _; default: the file's name):")
            yield Input(placeholder="trafficking-2025", id="name")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "source":
            self.query_one("#name", Input).focus()
        else:
            self.action_create()

    def action_create(self) -> None:
        source = self.query_one("#source", Input).value.strip()
        name = self.query_one("#name", Input).value.strip()
        if not source:
            self.notify("Give the file to start from", severity="warning")
            return
        path = Path(source).expanduser()
        self.dismiss((name or path.stem, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
