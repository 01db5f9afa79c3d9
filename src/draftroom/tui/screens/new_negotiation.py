"""A small form: the file to start from, the negotiation's name and who facilitates it."""

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from draftroom.errors import DraftroomError
from draftroom.model import states
from draftroom.tui.widgets.key_bar import KeyBar


@dataclass(frozen=True)
class NewNegotiation:
    name: str
    source: Path
    facilitator: str | None  # a delegation's English short name; None: the Secretariat facilitates


class NewNegotiationScreen(ModalScreen[NewNegotiation | None]):
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
            yield Label("Facilitator (a delegation; empty: the Secretariat facilitates):")
            yield Input(placeholder="Belarus, 白俄罗斯, BLR", id="facilitator")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "source":
            self.query_one("#name", Input).focus()
        elif event.input.id == "name":
            self.query_one("#facilitator", Input).focus()
        else:
            self.action_create()

    def action_create(self) -> None:
        source = self.query_one("#source", Input).value.strip()
        name = self.query_one("#name", Input).value.strip()
        if not source:
            self.notify("Give the file to start from", severity="warning")
            return
        path = Path(source).expanduser()
        facilitator = self.query_one("#facilitator", Input).value.strip()
        try:
            lead = states.resolve(facilitator).en if facilitator else None
        except DraftroomError as e:  # said here, the form kept as typed
            self.notify(str(e), severity="warning", timeout=8)
            self.query_one("#facilitator", Input).focus()
            return
        self.dismiss(NewNegotiation(name or path.stem, path, lead))

    def action_cancel(self) -> None:
        self.dismiss(None)
