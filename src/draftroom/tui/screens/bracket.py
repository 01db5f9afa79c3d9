"""Square brackets around disputed words of a paragraph: set or lifted at once by a facilitator,
proposed (a word edit) by anyone else. The preview is the workflow's own change of the text."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from draftroom.errors import DraftroomError
from draftroom.model import find_by_id
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label, paragraph_text
from draftroom.workflow.bracketing import changed

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp


@dataclass(frozen=True)
class BracketRequest:
    words: str
    lift: bool  # take the brackets off


class BracketScreen(ModalScreen[BracketRequest | None]):
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "submit", "Done", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, label: str, text: str, proposing: bool) -> None:
        super().__init__()
        self.label, self.text, self.proposing = label, text, proposing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            title = f"Brackets in {display_label(self.label)}" + (" (proposed)" if self.proposing else "")
            yield Label(title, classes="dialog-title")
            yield Static(Group(paragraph_text(self.text)), id="current")
            with RadioSet(id="lift"):
                yield RadioButton("Bracket these words", value=True, name="bracket")
                yield RadioButton("Take their brackets off", name="unbracket")
            yield Input(placeholder="the disputed words, as in the paragraph (must occur once)", id="words")
            yield Label("Preview", classes="section")
            yield Static("", id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#words", Input).focus()
        self._preview()

    @property
    def lift(self) -> bool:
        pressed = self.query_one("#lift", RadioSet).pressed_button
        return pressed is not None and pressed.name == "unbracket"

    def on_input_changed(self, _: Input.Changed) -> None:
        self._preview()

    def on_radio_set_changed(self, _: RadioSet.Changed) -> None:
        self._preview()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def _result(self) -> str:
        """The paragraph as it would read, or a DraftroomError saying why it cannot."""
        words = self.query_one("#words", Input).value
        if not words.strip():
            raise DraftroomError("Type the disputed words")
        return changed(self.text, words, self.label, self.lift)[2]

    def _preview(self) -> None:
        preview = self.query_one("#preview", Static)
        try:
            preview.update(Group(paragraph_text(self._result())))
        except DraftroomError as e:
            preview.update(Text(str(e), style="yellow"))

    def action_submit(self) -> None:
        try:
            self._result()
        except DraftroomError as e:
            self.notify(str(e), severity="warning")
            return
        self.dismiss(BracketRequest(self.query_one("#words", Input).value.strip(), self.lift))

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_bracket(app: "DraftroomApp", paragraph_id: str) -> None:
    """Bracket words of a paragraph as the acting delegation (a proposal unless it facilitates)."""
    snap, room, who = app.snapshot, app.room, app.require_identity()
    loc = find_by_id(snap.document, paragraph_id) if snap else None
    if loc is None or room is None or who is None:
        return
    label = display_label(loc.label)
    proposing = app.identity.role != "facilitator"

    def chosen(request: BracketRequest | None) -> None:
        if request is not None:
            app.act(
                lambda: room.bracket(paragraph_id, request.words, request.lift, who),
                lambda done: f"{label}: {done}",
            )

    app.push_screen(BracketScreen(loc.label, loc.paragraph.text, proposing), chosen)
