"""A document of the negotiation to read on screen: the compilation text, or the formal amendments
document, each as its CLI export writes it (`compile`, `export --kind amendments -o FILE.txt`).

Built in a worker from the same workflow functions, and again whenever the negotiation changes.
"""

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from draftroom.tui.room import Room
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.export import ExportScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.cjk import CJKText
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar


class ReadingScreen(RoomScreen):
    BINDINGS = [  # noqa: RUF012
        Binding("x", "export", "Export", tooltip="Write it to a file (.docx, .txt, .md, .html)"),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the draft"),
    ]

    def __init__(self, title: str, kind: str, load: Callable[[Room], str]) -> None:
        """`kind`: the export kind it is (offered by x); `load` reads it from the room (in a worker)."""
        super().__init__()
        self.title_text, self.kind, self.load = title, kind, load

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static(self.title_text, classes="screen-title")
        with VerticalScroll(id="reading"):
            yield Static(Text("reading…", style="dim"), id="document")
        yield KeyBar()

    def show(self, snap: Snapshot) -> None:
        room = self.room_app.room
        if room is not None:
            self.room_app.perform(lambda: self.load(room), self._shown, busy=f"reading the {self.kind}")

    def _shown(self, text: str) -> None:
        self.query_one("#document", Static).update(CJKText(text))

    def action_export(self) -> None:
        self.app.push_screen(ExportScreen(self.kind))
