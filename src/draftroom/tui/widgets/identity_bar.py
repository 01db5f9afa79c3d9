"""The acting identity (delegation and role) and the open negotiation, always at the top of the screen."""

from rich.text import Text
from textual.widgets import Static

from draftroom.tui.identity import Identity


class IdentityBar(Static):
    """Shows who acts; follows the app's `identity` and `where` reactives."""

    DEFAULT_CSS = """
    IdentityBar { dock: top; height: 1; background: $primary-background; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "identity", self._update, init=False)
        self.watch(self.app, "where", self._update, init=False)
        self._update()

    def _update(self, *_: object) -> None:
        identity: Identity = self.app.identity  # type: ignore[attr-defined]
        where: str = self.app.where  # type: ignore[attr-defined]
        style = "bold reverse red" if identity.acting_as is None else "bold"
        line = Text.assemble(("draftroom ", "dim"), (where or "", "italic"), "  ")
        line.append(f" {identity.describe()} ", style=style)
        line.append("  i: change", style="dim")
        self.update(line)
