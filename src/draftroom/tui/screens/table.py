"""Table the draft: a facilitator or the Secretariat, once, optionally under its L-document symbol.
From then on a delegation joining is an additional sponsor: the dialog says so before confirming."""

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from draftroom.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp


class TableScreen(ModalScreen[str | None]):
    """Dismissed with the symbol typed ("" for the draft's own), or None when cancelled."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "confirm", "Table", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, name: str, symbol: str | None) -> None:
        super().__init__()
        self.negotiation, self.symbol = name, symbol

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Table {self.symbol or self.negotiation}", classes="dialog-title")
            yield Label("Once tabled, a delegation joining is an additional sponsor. This is done once.")
            yield Label("Tabled under the symbol (empty: keep the draft's own):", classes="section")
            yield Input(placeholder=self.symbol or "A/C.3/80/L.20", id="symbol")
            yield Label("enter or ctrl+s to table, escape to cancel", classes="hint")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        self.dismiss(self.query_one("#symbol", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_table(app: "DraftroomApp") -> None:
    """Ask, then table the draft as the acting delegation; said at once when it was tabled already."""
    snap, room, who = app.snapshot, app.room, app.require_identity()
    if snap is None or room is None or who is None:
        return

    def asked(tabled: str | None) -> None:
        if tabled:
            app.notify(f"{snap.document.symbol or snap.name} was tabled on {tabled}", severity="warning")
            return

        def chosen(symbol: str | None) -> None:
            if symbol is not None:
                app.act(lambda: room.table(symbol or None, who), lambda when: f"Tabled on {when}")

        app.push_screen(TableScreen(snap.name, snap.document.symbol), chosen)

    app.perform(room.tabled, asked, busy="reading the negotiation")
