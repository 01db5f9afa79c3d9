"""Confirm a decision with its reason, or write a comment: one dialog, one line of text.

Withdraw, accept and reject never happen on a single key: this dialog names what is decided and
shows what each proposal does to the text, and takes the reason that goes in each proposal's discussion (required where `required`).
"""

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static

from draftroom.tui.widgets.key_bar import KeyBar


class ReasonScreen(ModalScreen[str | None]):
    """Dismissed with the text typed ("" when none and none is required), or None when cancelled."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "confirm", "Confirm", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, title: str, about: RenderableType, placeholder: str, required: bool) -> None:
        super().__init__()
        self.title_text, self.about, self.placeholder, self.required = title, about, placeholder, required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.about, id="about")
            yield Input(placeholder=self.placeholder, id="reason")
            yield Label("enter or ctrl+s to confirm, escape to cancel", classes="hint")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        text = self.query_one("#reason", Input).value.strip()
        if self.required and not text:
            self.notify(f"{self.placeholder.rstrip('…')} first", severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm(screen: Screen[None], question: str, verb: str, then: Callable[[], None]) -> None:
    """Ask before an action taken on one key (enter to `verb`, escape to leave it), then do it."""
    about = Text(f"enter to {verb}, escape to leave it as it is")
    screen.app.push_screen(
        ReasonScreen(question, about, f"(enter to {verb})", False),
        lambda a: then() if a is not None else None,
    )
