"""The lobby: every negotiation under the home, and creating one from a file."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from draftroom.tui.room import LobbyRow
from draftroom.tui.screens.base import AppScreen
from draftroom.tui.screens.new_negotiation import NewNegotiation, NewNegotiationScreen
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar

COLUMNS = ("Symbol", "Title", "Lang.", "Revision", "Pending")


class NegotiationsScreen(AppScreen):
    BINDINGS = [  # noqa: RUF012
        Binding("enter", "open", "Open", priority=True),
        Binding("n", "new", "New from file", tooltip="Create a negotiation from a text, PDF or .docx file"),
        Binding("r", "refresh", "Refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("Negotiations", classes="screen-title")
        yield DataTable(id="negotiations", cursor_type="row", zebra_stripes=True)
        yield Static("", id="empty", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.action_refresh()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        self.room_app.perform(self.room_app.lobby.listings, self._show, busy="listing negotiations")

    def _show(self, rows: list[LobbyRow]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for r in rows:
            pending = str(r.pending) if r.pending else "·"
            table.add_row(r.symbol or "—", r.title, r.language, r.revision, pending, key=r.name)
        hint = "" if rows else "No negotiation yet: press n to create one from a file."
        self.query_one("#empty", Static).update(hint)

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.action_new()
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            self.room_app.open_room(key)

    def action_new(self) -> None:
        def create(answer: NewNegotiation | None) -> None:
            if answer is None:
                return
            name, source, facilitator = answer.name, answer.source, answer.facilitator
            who = self.room_app.identity.acting_as

            def created(name: str) -> None:
                self.app.notify(f"Created negotiation {name}")
                self.room_app.open_room(name)

            self.room_app.perform(
                lambda: self.room_app.lobby.create(name, source, who, facilitator),
                created,
                busy=f"creating {name}",
            )

        self.app.push_screen(NewNegotiationScreen(), create)
