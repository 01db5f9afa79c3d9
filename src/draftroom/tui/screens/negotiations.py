"""The lobby: every negotiation under the home, and creating one from a file."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from draftroom.tui.room import Listing
from draftroom.tui.widgets.identity_bar import IdentityBar

COLUMNS = ("Symbol", "Title", "Lang.", "Revision", "Pending")


class NegotiationsScreen(Screen[None]):
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
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.action_refresh()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        self.app.perform(self.app.lobby.listings, self._show, busy="listing negotiations")  # type: ignore[attr-defined]

    def _show(self, rows: list[Listing]) -> None:
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
            self.app.open_room(key)  # type: ignore[attr-defined]

    def action_new(self) -> None:
        from draftroom.tui.screens.new_negotiation import NewNegotiationScreen

        def create(answer: tuple[str, Path] | None) -> None:
            if answer is None:
                return
            name, source = answer
            who = self.app.identity.acting_as  # type: ignore[attr-defined]

            def created(name: str) -> None:
                self.app.notify(f"Created negotiation {name}")
                self.app.open_room(name)  # type: ignore[attr-defined]

            self.app.perform(  # type: ignore[attr-defined]
                lambda: self.app.lobby.create(name, source, who),
                created,
                busy=f"creating {name}",  # type: ignore[attr-defined]
            )

        self.app.push_screen(NewNegotiationScreen(), create)
