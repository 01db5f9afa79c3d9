"""Sponsors: the list in UN order, add and remove with the picker, and the sponsor line as it will print."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Static

from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.reason import confirm
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.states import search_states
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.state_picker import StatePicker
from draftroom.workflow.negotiation import Sponsor


class SponsorsScreen(RoomScreen):
    """Opens with the typing in the picker, so a name typed at once is the name added; tab reaches the
    list, where delete removes the highlighted sponsor."""

    AUTO_FOCUS = "#picker Input"
    BINDINGS = [  # noqa: RUF012
        Binding("delete", "remove", "Remove", tooltip="Remove the highlighted sponsor (asked first)"),
        Binding("escape", "back", "Draft"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("Sponsors", classes="screen-title")
        yield Static("", id="sponsor-line", classes="sponsor-line")
        with Horizontal(classes="panes"):
            yield DataTable(id="sponsors", cursor_type="row")
            with Vertical(id="add-pane"):
                yield Label("Add a sponsor: type a name, enter (tab: the list, to remove one)")
                yield StatePicker(search_states, id="picker")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Sponsor", "Main", "Joined")
        super().on_mount()

    def show(self, snap: Snapshot) -> None:
        room = self.room_app.room
        if room is not None:
            self.room_app.perform(lambda: (room.sponsors(), room.sponsor_line()), self._fill, busy="sponsors")

    def _fill(self, answer: tuple[list[Sponsor], str]) -> None:
        sponsors, line = answer
        table = self.query_one(DataTable)
        table.clear()
        for s in sponsors:
            table.add_row(s.name, "main" if s.main else "additional", s.joined, key=s.name)
        self.query_one("#sponsor-line", Static).update(line or "(no sponsor yet)")

    def on_state_picker_picked(self, event: StatePicker.Picked) -> None:
        self._change("add_sponsors", event.name, "Added")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove" and not isinstance(self.focused, DataTable):
            return False  # typing a name: d is a letter, delete edits it
        return super().check_action(action, parameters)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            name = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if name:
                confirm(
                    self,
                    f"Remove {name} from the sponsors?",
                    "remove",
                    lambda: self._change("remove_sponsors", name, "Removed"),
                )

    def _change(self, verb: str, name: str, said: str) -> None:
        app, who = self.room_app, self.room_app.require_identity()
        if app.room is None or who is None:
            return
        change = getattr(app.room, verb)
        app.act(lambda: change([name], who), f"{said} {name}")

    def action_back(self) -> None:
        self.app.pop_screen()
