"""Export: kind, language and file; progress while the document is built; the path when done."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, LoadingIndicator, Select, Static

from draftroom.tui.room import ExportRequest
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.reason import confirm
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.workflow.writing import KINDS, LANGUAGES, LAYOUTS


class ExportScreen(RoomScreen):
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "export", "Export", priority=True),
        Binding("escape", "back", "Draft"),
    ]

    def __init__(self, kind: str | None = None) -> None:
        """`kind`: the kind to offer first (default: the document's own)."""
        super().__init__()
        self._kind = kind

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("Export", classes="screen-title")
        with Vertical(classes="form"):
            yield Label("Kind")
            yield Select[str]([(k, k) for k in KINDS], id="kind", allow_blank=False)
            yield Label("Language of the layout")
            yield Select[str]([(lang, lang) for lang in LANGUAGES], id="language", allow_blank=False)
            yield Label("File (.docx, .txt, .md or .html)")
            yield Input(id="path")
            with Vertical(id="adoption"):  # shown for a resolution only
                yield Label("Adopted on (YYYY-MM-DD) and at which meeting")
                yield Input(placeholder="2019-12-18", id="adopted")
                yield Input(placeholder="50", id="meeting")
            yield Label("Job number for the first-page footer (default: the document's own, if issued as is)")
            yield Input(placeholder="25-19372", id="job")
            yield LoadingIndicator(id="progress")
            yield Static("", id="result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        super().on_mount()

    _filled = False  # the form holds the user's choices: a new snapshot never resets them

    def show(self, snap: Snapshot) -> None:
        if self._filled:
            return
        self._filled = True
        doc = snap.document
        kind = self._kind or (doc.kind if doc.kind in LAYOUTS else "draft")
        self.query_one("#kind", Select).value = kind
        self.query_one("#adoption").display = kind == "resolution"
        if doc.language in LANGUAGES:
            self.query_one("#language", Select).value = doc.language
        path = self.query_one("#path", Input)
        if not path.value:
            path.value = str(Path.cwd() / self._file_name(str(self.query_one("#kind", Select).value)))

    def _file_name(self, kind: str, suffix: str = ".docx") -> str:
        snap = self.snap
        return f"{snap.name if snap else 'export'}-{kind}-{snap.revision if snap else ''}{suffix}"

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new kind names the file anew, unless the user typed a name of their own; the adoption's
        date and meeting are asked for a resolution only."""
        if event.select.id != "kind" or not isinstance(event.value, str):
            return
        self.query_one("#adoption").display = event.value == "resolution"
        path = self.query_one("#path", Input)
        old = Path(path.value) if path.value else Path.cwd() / "x.docx"
        if not path.value or any(old.name == self._file_name(k, old.suffix) for k in KINDS):
            path.value = str(old.parent / self._file_name(event.value, old.suffix or ".docx"))
        self._confirmed = None

    _confirmed: Path | None = None  # the existing file the user agreed to replace

    def action_export(self) -> None:
        room = self.room_app.room
        kind = self.query_one("#kind", Select).value
        language = self.query_one("#language", Select).value
        raw = self.query_one("#path", Input).value.strip()
        if room is None or not isinstance(kind, str) or not isinstance(language, str):
            return
        if not raw:
            self.notify("Give the file to write", severity="warning")
            return
        target = Path(raw).expanduser()
        if target.is_file() and self._confirmed != target:

            def replace() -> None:
                self._confirmed = target
                self.action_export()

            confirm(
                self, f"Replace {target.name}? {target} exists: exporting replaces it.", "replace", replace
            )
            return
        request = ExportRequest(
            kind,
            language,
            target,
            adopted_on=self._adoption("#adopted", kind),
            meeting=self._adoption("#meeting", kind),
            job_number=self.query_one("#job", Input).value.strip() or None,
        )
        self.query_one("#progress").display = True
        self.query_one("#result", Static).update(f"Exporting {kind} ({language})…")
        self.room_app.perform(lambda: room.export(request), self._done, busy="export", finish=self._idle)

    def _adoption(self, field: str, kind: str) -> str | None:
        """The adoption's date or meeting, for a resolution only (the fields are hidden otherwise)."""
        return (self.query_one(field, Input).value.strip() or None) if kind == "resolution" else None

    def _idle(self) -> None:
        self.query_one("#progress").display = False

    def _done(self, path: Path) -> None:
        self.query_one("#result", Static).update(f"Written: {path}")
        self.notify(f"Exported to {path}")

    def action_back(self) -> None:
        self.app.pop_screen()
