"""History: every action, newest first; the revisions; and a diff between any two of them."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Select, Static

from draftroom.model.redline import Redline
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.diff_view import render_redline
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.workflow.comparing import compare
from draftroom.workflow.negotiation import LogEntry


class HistoryScreen(RoomScreen):
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+d,D", "diff", "Diff", tooltip="Diff the two chosen revisions", priority=True),
        Binding("f", "focus_from", "From"),
        Binding("o", "focus_to", "To"),
        Binding("u", "undo", "Undo", tooltip="Undo the highlighted action (yours, or any as facilitator)"),
        Binding("escape", "back", "Draft"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("History", classes="screen-title")
        with Horizontal(classes="panes"):
            with Vertical(id="log-pane"):
                yield DataTable(id="log", cursor_type="row", zebra_stripes=True)
            with Vertical(id="diff-pane"):
                with Horizontal(classes="row"):
                    yield Label("From ")
                    yield Select[str]([], id="from", allow_blank=True, prompt="revision")
                    yield Label(" to ")
                    yield Select[str]([], id="to", allow_blank=True, prompt="revision")
                with VerticalScroll():
                    yield Static("Choose two revisions, then press D", id="diff")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#log", DataTable).add_columns("When", "Who", "What", "Paragraph", "Revision")
        super().on_mount()

    def show(self, snap: Snapshot) -> None:
        room = self.room_app.room
        if room is not None:
            self.room_app.perform(lambda: (room.log(), room.revisions()), self._fill, busy="history")

    def _fill(self, answer: tuple[list[LogEntry], list[tuple[str, str]]]) -> None:
        entries, revisions = answer
        table = self.query_one("#log", DataTable)
        table.clear()
        for e in entries:
            a = e.action
            when = a.when[:16].replace("T", " ")
            table.add_row(
                when,
                a.actor,
                a.summary or a.action,
                " ".join(filter(None, e.labels)),
                a.revision or "",
                key=a.commit,
            )
        names = [value for _, value in revisions]
        for selector, default in (("#from", -2), ("#to", -1)):
            select = self.query_one(selector, Select)
            before = select.value
            select.set_options(revisions)
            if before in names:
                select.value = before
            elif len(names) >= 2:
                select.value = names[default]

    def action_undo(self) -> None:
        table, app = self.query_one("#log", DataTable), self.room_app
        who, room = app.require_identity(), app.room
        if who is None or room is None or table.row_count == 0:
            return
        commit = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        app.act(lambda: room.undo(commit, who), lambda undone: f"Undid: {undone}")

    def action_focus_from(self) -> None:
        self.query_one("#from", Select).focus()

    def action_focus_to(self) -> None:
        self.query_one("#to", Select).focus()

    def action_diff(self) -> None:
        old, new = self.query_one("#from", Select).value, self.query_one("#to", Select).value
        room = self.room_app.room
        if not isinstance(old, str) or not isinstance(new, str) or room is None:
            self.notify("Choose the two revisions to compare (f, o)", severity="warning")
            return
        self.query_one("#diff", Static).update(f"Comparing {old} with {new}…")

        def work() -> Redline:
            return compare(
                room.document_at(old), room.document_at(new), by_id=True, old_name=old, new_name=new
            )

        self.room_app.perform(work, self._show_diff, busy="diff")

    def _show_diff(self, redline: Redline) -> None:
        self.query_one("#diff", Static).update(render_redline(redline))

    def action_back(self) -> None:
        self.app.pop_screen()
