"""Who facilitates the negotiation; the Secretariat grants the role (pick a delegation) and revokes it
(Delete on a facilitator). Everyone else reads the list: the keys that would be refused are hidden."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.reason import confirm
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.states import search_states
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.state_picker import StatePicker


class RolesScreen(RoomScreen):
    SECRETARIAT_ACTIONS = frozenset({"revoke"})
    BINDINGS = [  # noqa: RUF012
        Binding(
            "delete",
            "revoke",
            "Revoke",
            tooltip="Take the facilitator role from the highlighted one (asked first)",
        ),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the draft"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("Facilitators", id="roles-title", classes="screen-title")
        with Horizontal(classes="panes"):
            yield OptionList(id="facilitators")
            with Vertical(id="grant-pane"):
                yield Label("Grant the facilitator role to:", classes="section")
                yield StatePicker(search_states, id="grant")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        if self.secretariat:  # type a delegation's name at once
            self.query_one("#grant Input").focus()

    @property
    def secretariat(self) -> bool:
        return self.room_app.identity.role == "secretariat"

    def show(self, snap: Snapshot) -> None:
        self.query_one("#grant-pane").display = self.secretariat
        room = self.room_app.room
        if room is not None:
            self.room_app.perform(room.facilitators, self._listed, busy="reading the facilitators")

    def _listed(self, names: list[str]) -> None:
        snap = self.snap
        where = snap.document.symbol or snap.name if snap else ""
        self.query_one("#roles-title", Static).update(f"Facilitators of {where}: {len(names)}")
        self.query_one("#facilitators", OptionList).set_options(Option(n, id=n) for n in names)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.SECRETARIAT_ACTIONS or self.secretariat

    def on_state_picker_picked(self, event: StatePicker.Picked) -> None:
        event.stop()
        self._change("grant", event.name)

    def action_revoke(self) -> None:
        options = self.query_one("#facilitators", OptionList)
        if options.highlighted is not None:
            name = options.get_option_at_index(options.highlighted).id or ""
            confirm(
                self, f"Revoke {name}'s facilitator role?", "revoke", lambda: self._change("revoke", name)
            )

    def _change(self, op: str, delegation: str) -> None:
        app, room, who = self.room_app, self.room_app.room, self.room_app.require_identity()
        if room is None or who is None:
            return
        said = f"{delegation} facilitates" if op == "grant" else f"{delegation} no longer facilitates"
        app.act(lambda: room.change_role(op, delegation, who), said)
