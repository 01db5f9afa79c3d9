"""Say who you are: a delegation picked from the Member States (or the Secretariat), and a role."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, RadioButton, RadioSet

from draftroom.tui.identity import ROLES, Identity
from draftroom.tui.states import search_states
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.state_picker import StatePicker


class IdentityScreen(ModalScreen[Identity | None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "done", "Done", priority=True),
    ]

    def __init__(self, current: Identity) -> None:
        super().__init__()
        self._delegation = current.delegation
        self._role = current.role

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who are you?", classes="dialog-title")
            yield Label(self._summary(), id="chosen")
            yield StatePicker(search_states, id="picker")
            yield Label("Role:")
            with RadioSet(id="role"):
                for role in ROLES:
                    yield RadioButton(role.capitalize(), value=role == self._role, name=role)
        yield KeyBar()

    def _summary(self) -> str:
        return f"Delegation: {self._delegation or '(none yet)'}   Role: {self._role}"

    def on_state_picker_picked(self, event: StatePicker.Picked) -> None:
        """Picking a delegation makes you its delegate unless you then choose another role."""
        self._delegation = event.name
        if self._role in ("reviewer", "secretariat"):
            self._role = "delegate"
            next(b for b in self.query(RadioButton) if b.name == self._role).value = True
        self.query_one("#chosen", Label).update(self._summary())
        self.query_one(RadioSet).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._role = event.pressed.name or self._role
        self.query_one("#chosen", Label).update(self._summary())

    def action_done(self) -> None:
        if self._role not in ("secretariat", "reviewer") and not self._delegation:
            self.notify("Pick your delegation first (type its name, then enter)", severity="warning")
            return
        self.dismiss(Identity(self._delegation, self._role))

    def action_cancel(self) -> None:
        self.dismiss(None)
