"""The draft: every paragraph with its label, status and pending proposals; the hub of a negotiation.

It is the first screen a user sees, so the screens it opens are imported by the actions that open
them: the draft is drawn before they load (with the diff, export and translation modules behind them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from draftroom.errors import DraftroomError
from draftroom.model import find_by_id
from draftroom.model.footnotes import references
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.draft_view import DraftView
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.paragraph_detail import Beside, ParagraphDetail

if TYPE_CHECKING:
    from draftroom.workflow.translations import LanguageView


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
            "e",
            "translate",
            "Translate",
            tooltip="Edit this paragraph's translation in place (a delegation proposes it to a facilitator)",
        ),
        Binding(
            "n",
            "translate_footnote",
            "Translate footnote",
            tooltip="Edit the translation of a footnote of this paragraph in place (a delegation proposes it)",
            show=False,  # the key bar is full; the palette lists it
        ),
        Binding(
            "l",
            "language(1)",
            "Language",
            tooltip="Read the draft in the next language (the working text after the last)",
            show=False,  # the key bar is full; the palette lists it, the masthead names it
        ),
        Binding(
            "L",
            "language(-1)",
            "Previous language",
            tooltip="Read the draft in the previous language",
            show=False,  # the key bar is full; the palette lists it
        ),
        Binding(
            "ctrl+l",
            "languages",
            "Languages",
            tooltip="Every paragraph's translations, current, stale or missing, two languages side by side",
            show=False,
        ),
        # the palette lists these; the key bar is full
        Binding("C", "compilation", "Compilation", tooltip="Every pending proposal in place", show=False),
        Binding(
            "P",
            "all_proposals",
            "All proposals",
            tooltip="Every proposal on one screen, filtered by paragraph, delegation, status and kind",
            show=False,
        ),
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
            tooltip="Who facilitates; the Secretariat names and removes facilitators",
            show=False,
        ),
        Binding(
            "T", "table", "Table", tooltip="Table the draft (then sponsors join as additional)", show=False
        ),
        Binding("escape", "leave", "List", tooltip="Back to the list of negotiations"),
    ]

    # actions on the working text, hidden while the draft is read in another language (a proposal in
    # French would be French text in the English working text); `translate` only then
    WORKING_ACTIONS = frozenset({"propose", "bracket"})

    def __init__(self) -> None:
        super().__init__()
        self.language: str | None = None  # None: the working language
        self.view: LanguageView | None = None  # the text in `language`, for `view_version`
        self.view_version = ""

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("", id="masthead", classes="screen-title")
        with Horizontal(classes="panes"):
            yield DraftView(id="draft")
            yield ParagraphDetail(id="detail")
        yield KeyBar()

    def show(self, snap: Snapshot) -> None:
        if self.language is not None and (self.view is None or self.view_version != snap.version):
            self._read_in(self.language)  # the text changed: read it again in that language
            return
        translated = self.view if self.language is not None else None
        doc = translated.document if translated else snap.document
        pending = f"{snap.pending_total} pending" if snap.counted else "counting proposals…"
        head = f"{doc.symbol or snap.name} · {snap.revision} · {doc.title} · {pending}"
        if translated:
            behind = sum(s != "current" for s in translated.paragraphs.values())
            head += (
                f" · in {self.language}: {len(translated.paragraphs) - behind} of "
                f"{len(translated.paragraphs)} current (l: next language)"
            )
        self.query_one("#masthead", Static).update(head)
        view = self.query_one(DraftView)
        if translated:
            view.show(snap, view.current_id, translated.document, translated.paragraphs)
        else:
            view.show(snap, keep=view.current_id)
        self._detail()

    def _read_in(self, language: str | None, step: int = 0) -> None:
        """Read the draft in `language` (a worker), or `step` languages on from it; then show it."""
        app, room = self.room_app, self.room_app.room
        if room is None:
            return
        version = app.snapshot.version if app.snapshot else ""

        def work() -> LanguageView:
            if not step:
                return room.read_in(language)
            languages = self.view.languages if self.view else room.read_in(None).languages
            if len(languages) < 2:
                raise DraftroomError(
                    f"{room.name} is in {languages[0]} only: add a version in another language with "
                    f"`draftroom translations {room.name} add FILE`"
                )
            at = languages.index(language) if language in languages else 0
            return room.read_in(languages[(at + step) % len(languages)])

        def read(view: LanguageView) -> None:
            lang = view.document.language
            self.language = None if lang == view.languages[0] else lang
            self.view, self.view_version = view, version
            self.refresh_bindings()
            if app.snapshot is not None:
                self.show(app.snapshot)

        app.perform(work, read, busy="reading the draft in another language")

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._detail()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_proposals()

    def _detail(self) -> None:
        snap = self.snap
        loc = self.locate(self.query_one(DraftView).current_id)
        if snap is None or loc is None:
            return
        p, view = loc.paragraph, self.view
        if self.language is None or view is None:
            self.query_one(ParagraphDetail).show(snap, loc.label, p.id, p.text, p.status)
            return
        there = find_by_id(view.document, p.id)
        text = there.paragraph.text if there else p.text
        beside = Beside(
            self.language, view.paragraphs.get(p.id, "missing"), snap.document.language, p.text, view.document
        )
        self.query_one(ParagraphDetail).show(snap, loc.label, p.id, text, p.status, beside)

    @property
    def current(self) -> str | None:
        return self.query_one(DraftView).current_id

    def action_proposals(self) -> None:
        if self.current:
            self.room_app.open_proposals(self.current)

    def action_propose(self, kind: str) -> None:
        from draftroom.tui.screens.editor import open_editor

        if self.current:
            open_editor(self.room_app, kind, self.current)

    def action_mark(self) -> None:
        from draftroom.tui.screens.mark import open_mark

        if self.current:
            open_mark(self.room_app, self.current)

    def action_bracket(self) -> None:
        from draftroom.tui.screens.bracket import open_bracket

        if self.current:
            open_bracket(self.room_app, self.current)

    def action_revise(self) -> None:
        from draftroom.tui.screens.revise import open_revise

        open_revise(self.room_app)

    def action_undo(self) -> None:
        app, who = self.room_app, self.room_app.require_identity()
        room = app.room
        if who is not None and room is not None:
            app.act(lambda: room.undo(None, who), lambda undone: f"Undid: {undone}")

    def action_sponsors(self) -> None:
        from draftroom.tui.screens.sponsors import SponsorsScreen

        self.app.push_screen(SponsorsScreen())

    def action_history(self) -> None:
        from draftroom.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_export(self) -> None:
        from draftroom.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen())

    def action_goto(self) -> None:
        from draftroom.tui.screens.goto import GotoScreen

        def go(paragraph_id: str | None) -> None:
            view = self.query_one(DraftView)
            if paragraph_id is not None:
                view.highlighted = view.get_option_index(paragraph_id)

        self.app.push_screen(GotoScreen(), go)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WORKING_ACTIONS and self.language is not None:
            return False
        if action in ("translate", "translate_footnote") and self.language is None:
            return False
        return super().check_action(action, parameters)

    def action_language(self, step: int) -> None:
        self._read_in(self.language, step)

    def action_translate(self) -> None:
        from draftroom.tui.screens.languages import TranslationEditor

        loc, lang, view = self.locate(self.current), self.language, self.view
        who = self.room_app.require_identity() if loc and lang and view else None
        room = self.room_app.room
        if who is None or room is None or loc is None or lang is None or view is None:
            return
        there = find_by_id(view.document, loc.paragraph.id)
        missing = view.paragraphs.get(loc.paragraph.id) == "missing"
        text = "" if there is None or missing else there.paragraph.text
        pid, label = loc.paragraph.id, loc.label

        def save(new: str | None) -> None:
            if new is None:
                return
            self.room_app.act(
                lambda: room.translate(pid, lang, new, who),
                lambda proposal: (
                    f"{label} in {lang} "
                    + (f"proposed as {proposal} for a facilitator" if proposal else "is current")
                ),
            )

        title = f"{label} in {lang}; the working text: {loc.paragraph.text}"
        self.app.push_screen(TranslationEditor(title, text), save)

    def action_translate_footnote(self) -> None:
        """A footnote of the focused paragraph in the language shown: its only one, or the one picked
        from its notes (the first not current highlighted). The Secretariat sets the translation, a
        delegation proposes it."""
        from draftroom.tui.screens.languages import NotePicker

        loc, lang, view, snap = self.locate(self.current), self.language, self.view, self.snap
        if loc is None or lang is None or view is None or snap is None or self.room_app.room is None:
            return
        notes = list(dict.fromkeys(references(loc.paragraph.text)))
        if not notes:
            self.notify(f"{loc.label} has no footnote: focus a paragraph with one", severity="warning")
            return
        who = self.room_app.require_identity()
        if who is None:
            return
        label = loc.label
        if len(notes) == 1:
            self._edit_footnote(label, lang, notes[0], who)
            return
        working = {f.number: f.text for f in snap.document.footnotes}
        rows = [(n, view.footnotes.get(n, "missing"), working.get(n, "")) for n in notes]

        def picked(number: int | None) -> None:
            if number is not None:
                self._edit_footnote(label, lang, number, who)

        self.app.push_screen(NotePicker(f"The footnotes of {label} in {lang}", rows), picked)

    def _edit_footnote(self, label: str, lang: str, number: int, who: str) -> None:
        from draftroom.tui.screens.languages import TranslationEditor

        view, snap, room = self.view, self.snap, self.room_app.room
        if view is None or snap is None or room is None:
            return
        working = next((f.text for f in snap.document.footnotes if f.number == number), "")
        there = next((f.text for f in view.document.footnotes if f.number == number), "")
        text = "" if view.footnotes.get(number) == "missing" else there

        def save(new: str | None) -> None:
            if new is not None:
                self.room_app.act(
                    lambda: room.translate_footnote(number, lang, new, who),
                    lambda proposal: (
                        f"footnote {number} in {lang} "
                        + (f"proposed as {proposal} for a facilitator" if proposal else "is current")
                    ),
                )

        title = f"Footnote {number} of {label} in {lang}; the working text: {working}"
        self.app.push_screen(TranslationEditor(title, text), save)

    def action_languages(self) -> None:
        from draftroom.tui.screens.languages import LanguagesScreen

        room = self.room_app.room
        if room is not None:
            self.app.push_screen(LanguagesScreen(room.name, getattr(room, "home", None)))

    def action_compilation(self) -> None:
        from draftroom.tui.screens.reading import ReadingScreen

        self.app.push_screen(
            ReadingScreen("Compilation text", "compilation", lambda room: room.compilation())
        )

    def action_all_proposals(self) -> None:
        from draftroom.tui.screens.all_proposals import AllProposalsScreen

        self.app.push_screen(AllProposalsScreen())

    def action_formal_amendments(self) -> None:
        from draftroom.tui.screens.reading import ReadingScreen

        title = "Formal amendments document"
        self.app.push_screen(ReadingScreen(title, "amendments", lambda room: room.formal_amendments()))

    def action_roles(self) -> None:
        from draftroom.tui.screens.roles import RolesScreen

        self.app.push_screen(RolesScreen())

    def action_table(self) -> None:
        from draftroom.tui.screens.table import open_table

        open_table(self.room_app)

    def action_leave(self) -> None:
        self.room_app.close_room()
