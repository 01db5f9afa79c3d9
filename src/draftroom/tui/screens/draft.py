"""The draft: every paragraph with its label, status and pending proposals; the hub of a negotiation."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.bracket import open_bracket
from draftroom.tui.screens.editor import open_editor
from draftroom.tui.screens.export import ExportScreen
from draftroom.tui.screens.goto import GotoScreen
from draftroom.tui.screens.history import HistoryScreen
from draftroom.tui.screens.languages import LanguagesScreen
from draftroom.tui.screens.mark import open_mark
from draftroom.tui.screens.reading import ReadingScreen
from draftroom.tui.screens.revise import open_revise
from draftroom.tui.screens.roles import RolesScreen
from draftroom.tui.screens.sponsors import SponsorsScreen
from draftroom.tui.screens.table import open_table
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.draft_view import DraftView
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.paragraph_detail import ParagraphDetail


class DraftScreen(RoomScreen):
    # below 100 columns the draft takes more of the width (its gutter narrows too, see Hanging)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    CHAIR_ACTIONS = frozenset({"mark", "revise", "table"})
    BINDINGS = [  # noqa: RUF012
        Binding("e", "propose('replace')", "Replace", tooltip="Propose a new text for this paragraph"),
        Binding(
            "w",
            "propose('edit')",
            "Words",
            tooltip="Propose a word edit: change some words of this paragraph",
        ),
        Binding(
            "a", "propose('insert')", "Add", tooltip="Propose to insert a new paragraph next to this one"
        ),
        Binding("d", "propose('delete')", "Delete", tooltip="Propose to delete this paragraph"),
        Binding("m", "propose('move')", "Move", tooltip="Propose to move this paragraph"),
        Binding("t", "mark", "Mark", tooltip="Mark the paragraph open, bracketed, agreed ad ref or agreed"),
        Binding(
            "b",
            "bracket",
            "Brackets",
            tooltip="Put disputed words in square brackets, or take them off (proposed, unless you facilitate)",
        ),
        Binding("R", "revise", "Revise", tooltip="Cut the next revision from the accepted proposals"),
        Binding("u", "undo", "Undo", tooltip="Undo your latest action (history: any action)"),
        Binding("s", "sponsors", "Sponsors"),
        Binding("h", "history", "History", tooltip="Log of actions, revisions, diff between two"),
        Binding("x", "export", "Export", tooltip="Export a Word document or text"),
        Binding("g", "goto", "Go", tooltip="Jump to a paragraph by its label (OP3, PP2, OP10(b))"),
        Binding(
            "l",
            "languages",
            "Languages",
            tooltip="The text in its other languages, side by side",
            show=False,  # the key bar is full; the palette lists it
        ),
        # the palette lists these; the key bar is full
        Binding("C", "compilation", "Compilation", tooltip="Every pending proposal in place", show=False),
        Binding(
            "A",
            "formal_amendments",
            "Amendments document",
            tooltip="The formal amendments document of every proposer, as exported",
            show=False,
        ),
        Binding(
            "f",
            "roles",
            "Facilitators",
            tooltip="Who facilitates; the Secretariat grants the role",
            show=False,
        ),
        Binding(
            "T", "table", "Table", tooltip="Table the draft (then sponsors join as additional)", show=False
        ),
        Binding("escape", "leave", "List", tooltip="Back to the list of negotiations"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("", id="masthead", classes="screen-title")
        with Horizontal(classes="panes"):
            yield DraftView(id="draft")
            yield ParagraphDetail(id="detail")
        yield KeyBar()

    def show(self, snap: Snapshot) -> None:
        doc = snap.document
        pending = f"{snap.pending_total} pending" if snap.counted else "counting proposals…"
        head = f"{doc.symbol or snap.name} · {snap.revision} · {doc.title} · {pending}"
        self.query_one("#masthead", Static).update(head)
        view = self.query_one(DraftView)
        view.show(snap, keep=view.current_id)
        self._detail()

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._detail()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_proposals()

    def _detail(self) -> None:
        snap = self.snap
        loc = self.locate(self.query_one(DraftView).current_id)
        if snap is None or loc is None:
            return
        p = loc.paragraph
        self.query_one(ParagraphDetail).show(snap, loc.label, p.id, p.text, p.status)

    @property
    def current(self) -> str | None:
        return self.query_one(DraftView).current_id

    def action_proposals(self) -> None:
        if self.current:
            self.room_app.open_proposals(self.current)

    def action_propose(self, kind: str) -> None:
        if self.current:
            open_editor(self.room_app, kind, self.current)

    def action_mark(self) -> None:
        if self.current:
            open_mark(self.room_app, self.current)

    def action_bracket(self) -> None:
        if self.current:
            open_bracket(self.room_app, self.current)

    def action_revise(self) -> None:
        open_revise(self.room_app)

    def action_undo(self) -> None:
        app, who = self.room_app, self.room_app.require_identity()
        room = app.room
        if who is not None and room is not None:
            app.act(lambda: room.undo(None, who), lambda undone: f"Undid: {undone}")

    def action_sponsors(self) -> None:
        self.app.push_screen(SponsorsScreen())

    def action_history(self) -> None:
        self.app.push_screen(HistoryScreen())

    def action_export(self) -> None:
        self.app.push_screen(ExportScreen())

    def action_goto(self) -> None:
        def go(paragraph_id: str | None) -> None:
            view = self.query_one(DraftView)
            if paragraph_id is not None:
                view.highlighted = view.get_option_index(paragraph_id)

        self.app.push_screen(GotoScreen(), go)

    def action_languages(self) -> None:
        room = self.room_app.room
        if room is not None:
            self.app.push_screen(LanguagesScreen(room.name, getattr(room, "home", None)))

    def action_compilation(self) -> None:
        self.app.push_screen(
            ReadingScreen("Compilation text", "compilation", lambda room: room.compilation())
        )

    def action_formal_amendments(self) -> None:
        title = "Formal amendments document"
        self.app.push_screen(ReadingScreen(title, "amendments", lambda room: room.formal_amendments()))

    def action_roles(self) -> None:
        self.app.push_screen(RolesScreen())

    def action_table(self) -> None:
        open_table(self.room_app)

    def action_leave(self) -> None:
        self.room_app.close_room()
