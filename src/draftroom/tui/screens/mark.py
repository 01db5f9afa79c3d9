"""The facilitator marks a paragraph's status: open, bracketed, agreed ad ref, agreed."""

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from draftroom.model import STATUSES, find_by_id
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp


class MarkScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012

    def __init__(self, label: str, current: str) -> None:
        super().__init__()
        self.label, self.current = label, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Status of {display_label(self.label)} (now {self.current})", classes="dialog-title")
            yield OptionList(*(Option(s, id=s) for s in STATUSES))
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_mark(app: "DraftroomApp", paragraph_id: str) -> None:
    snap, room, who = app.snapshot, app.room, app.require_identity()
    loc = find_by_id(snap.document, paragraph_id) if snap else None
    if loc is None or room is None or who is None:
        return

    def chosen(status: str | None) -> None:
        if status and status != loc.paragraph.status:
            app.act(
                lambda: room.mark(paragraph_id, status, who), f"{display_label(loc.label)} marked {status}"
            )

    app.push_screen(MarkScreen(loc.label, loc.paragraph.status), chosen)
