"""Say who you are: a delegation picked from the Member States (or the Secretariat), and a role.

Only the roles the user holds are offered: facilitator when the delegation picked facilitates the open
negotiation (granted by the Secretariat, see `draftroom roles`), Secretariat when this machine can act
as it (the negotiation is not hosted, or the Secretariat's signing key is here); delegate and
reviewer always. The others are shown disabled, saying why.
"""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, RadioButton, RadioSet

from draftroom.tui.identity import ROLES, Identity
from draftroom.tui.states import search_states
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.state_picker import StatePicker


@dataclass(frozen=True)
class Holders:
    """Who holds the roles that are granted: None when no negotiation is open (facilitator is then
    not offered: it is a role in one negotiation)."""

    facilitators: list[str] | None = None
    secretariat: bool = True


class IdentityScreen(ModalScreen[Identity | None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "done", "Done", priority=True),
    ]

    def __init__(self, current: Identity, holders: Holders | None = None) -> None:
        super().__init__()
        self._delegation = current.delegation
        self.holders = holders or Holders()
        self._role = (
            current.role if self._holds(current.role) else "delegate" if self._delegation else "reviewer"
        )

    def _holds(self, role: str) -> bool:
        if role == "facilitator":
            return self.holders.facilitators is not None and self._delegation in self.holders.facilitators
        return role != "secretariat" or self.holders.secretariat

    def _why_not(self, role: str) -> str:
        if role == "secretariat":
            return "Secretariat (its signing key is not on this machine)"
        if self.holders.facilitators is None:
            return "Facilitator (open a negotiation first)"
        who = ", ".join(self.holders.facilitators) or "nobody yet"
        return f"Facilitator (granted to {who})"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who are you?", classes="dialog-title")
            yield Label(self._summary(), id="chosen")
            yield StatePicker(search_states, id="picker")
            yield Label("Role:")
            with RadioSet(id="role"):
                for role in ROLES:
                    held = self._holds(role)
                    label = role.capitalize() if held else self._why_not(role)
                    yield RadioButton(label, value=role == self._role, name=role, disabled=not held)
        yield KeyBar()

    def _summary(self) -> str:
        return f"Delegation: {self._delegation or '(none yet)'}   Role: {self._role}"

    def _offer(self) -> None:
        """Each role's button enabled when it is held, else disabled with the reason in its label."""
        for button in self.query(RadioButton):
            role = button.name or ""
            held = self._holds(role)
            button.disabled = not held
            button.label = role.capitalize() if held else self._why_not(role)

    def on_state_picker_picked(self, event: StatePicker.Picked) -> None:
        """Picking a delegation makes you its delegate unless you then choose another role (its
        facilitator's, offered when it facilitates)."""
        self._delegation = event.name
        self._offer()
        if self._role in ("reviewer", "secretariat") or not self._holds(self._role):
            self._role = "delegate"
            next(b for b in self.query(RadioButton) if b.name == self._role).value = True
        self.query_one("#chosen", Label).update(self._summary())
        self.query_one(RadioSet).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._role = event.pressed.name or self._role
        self.query_one("#chosen", Label).update(self._summary())

    def action_done(self) -> None:
        if not self._holds(self._role):
            self.notify(f"You do not hold this role: {self._why_not(self._role)}", severity="warning")
            return
        if self._role not in ("secretariat", "reviewer") and not self._delegation:
            self.notify("Pick your delegation first (type its name, then enter)", severity="warning")
            return
        self.dismiss(Identity(self._delegation, self._role))

    def action_cancel(self) -> None:
        self.dismiss(None)
