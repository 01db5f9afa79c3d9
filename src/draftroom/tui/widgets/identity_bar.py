"""The acting identity (delegation and role), the open negotiation and, when it is hosted, its sync
state: always at the top of the screen."""

from rich.text import Text
from textual.widgets import Static

from draftroom.tui.identity import Identity
from draftroom.tui.syncing import SyncState
from draftroom.tui.widgets.sync_status import sync_line


class IdentityBar(Static):
    """Shows who acts; follows the app's `identity`, `where` and `sync_state` reactives."""

    DEFAULT_CSS = """
    IdentityBar { dock: top; height: 1; background: $primary-background; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "identity", self._update, init=False)
        self.watch(self.app, "where", self._update, init=False)
        self.watch(self.app, "sync_state", self._update, init=False)
        self._update()

    def _update(self, *_: object) -> None:
        identity: Identity = self.app.identity  # type: ignore[attr-defined]
        where: str = self.app.where  # type: ignore[attr-defined]
        style = "bold reverse red" if identity.acting_as is None else "bold"
        line = Text.assemble(("draftroom ", "dim"), (where or "", "italic"), "  ")
        line.append(f" {identity.describe()} ", style=style)
        line.append("  i: change", style="dim")
        synced: SyncState | None = self.app.sync_state  # type: ignore[attr-defined]
        if synced is not None:
            line.append("   ")
            line.append_text(sync_line(synced))
        self.update(line)
