"""A document of the negotiation to read on screen: the compilation text, or the formal amendments
document, each as its CLI export writes it (`compile`, `export --kind amendments -o FILE.txt`).

Built in a worker from the same workflow functions, and again whenever the negotiation changes.
"""

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from draftroom.tui.room import Room
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.export import ExportScreen
from draftroom.tui.screens.reason import ReasonScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.cjk import CJKText
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar


class ReadingScreen(RoomScreen):
    BINDINGS = [  # noqa: RUF012
        Binding("x", "export", "Export", tooltip="Write it to a file (.docx, .txt, .md, .html)"),
        Binding(
            "o",
            "record",
            "Record a document",
            tooltip="Read a formal amendments document (.pdf, .docx, .txt) and record its amendments",
        ),
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A formal amendments document is read in from the amendments' screen only."""
        return action != "record" or self.kind == "amendments"

    def action_record(self) -> None:
        app, room = self.room_app, self.room_app.room
        if room is None:
            return

        def chosen(path: str | None) -> None:
            if path:
                source = Path(path).expanduser()
                app.act(lambda: room.record_document(source), lambda done: f"Recorded {done}")

        about = Text("Every instruction in it becomes an amendment, attributed to the document's sponsors.")
        ask = ReasonScreen("Record a formal amendments document", about, "the file: path/to/L.62.pdf…", True)
        app.push_screen(ask, chosen)

    def action_export(self) -> None:
        self.app.push_screen(ExportScreen(self.kind))
