"""One paragraph and every proposal on it, side by side: the current text left, the proposals right
(the amendments, then the delegations' proposed translations of it and of its footnotes, which a
facilitator accepts or rejects here as it does an amendment).

The proposals are one-line rows; only the highlighted one is drawn in full, with its redline, below
them: a paragraph may carry dozens of proposals, and redlining and measuring each on every opening
would cost hundreds of milliseconds.
"""

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from draftroom.model import labels
from draftroom.model.amendment import Amendment
from draftroom.model.translation import TranslationProposal
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.screens.editor import open_editor
from draftroom.tui.screens.mark import open_mark
from draftroom.tui.screens.reason import ReasonScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label, paragraph_text, status_badge
from draftroom.tui.widgets.proposal_card import card, change, row, translation_card, translation_row

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.room import Room
from draftroom.workflow.comparing import proposal_redline


@lru_cache(maxsize=256)
def redline_segments(old: str, new: str) -> list[tuple[str, str]]:
    """Cached: moving back and forth over the rows redlines each proposal once."""
    return proposal_redline(old, new)


class ProposalsScreen(RoomScreen):
    AUTO_FOCUS = "#proposals"
    CHAIR_ACTIONS = frozenset({"decide", "compromise", "mark"})
    # no key here means something else on the draft: a decision is never one key away (see ReasonScreen)
    BINDINGS = [  # noqa: RUF012
        Binding("e", "propose", "Propose", tooltip="Propose your own text for this paragraph"),
        Binding("plus", "support", "Support", tooltip="Join the proposal as a co-proposer"),
        Binding("delete", "withdraw", "Withdraw", tooltip="Withdraw your proposal, with a reason"),
        Binding("slash", "comment", "Comment", tooltip="Add to the proposal's discussion"),
        Binding(
            "p",
            "submit",
            "Submit",
            tooltip="Table your private proposal: from now on everyone sees it",
            show=False,  # the key bar is full; the palette lists it
        ),
        Binding("y", "decide('accept')", "Accept", tooltip="Accept the proposal, with a reason"),
        Binding("n", "decide('reject')", "Reject", tooltip="Reject the proposal, with a reason"),
        Binding("space", "choose", "Choose", tooltip="Choose proposals for a compromise or one decision"),
        Binding("c", "compromise", "Compromise", tooltip="Write one text replacing the chosen proposals"),
        Binding("t", "mark", "Status", tooltip="Mark the paragraph open, bracketed, agreed ad ref or agreed"),
        Binding("escape", "back", "Draft"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paragraph_id = ""
        self.chosen: set[str] = set()
        self._shown: list[Amendment] = []
        self._translated: list[TranslationProposal] = []  # after the amendments in the list
        self._current = ""
        self._names: dict[str, str] = {}
        self._detail: tuple[Amendment, bool, str] | None = None  # what the detail pane shows
        self._detail_id = ""

    def focus_on(self, paragraph_id: str) -> None:
        """Show another paragraph: the app keeps one instance, so opening it costs no compose, and
        its content is drawn before it is shown, so the first frame after the key is the right one."""
        if paragraph_id != self.paragraph_id:
            self.paragraph_id = paragraph_id
            self.chosen.clear()
            self.mark_stale()
            if self.is_mounted:
                proposals = self.query_one("#proposals", OptionList)
                proposals.highlighted = None
                proposals.focus()
        if self.is_mounted and self._stale and self.snap is not None and self.locate(paragraph_id):
            self._stale = False
            self.show(self.snap)

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("", id="masthead", classes="screen-title")
        with Horizontal(classes="panes"):
            with VerticalScroll(id="current"):
                yield Static("", id="current-text")
            with Vertical(id="proposals-pane"):
                yield OptionList(id="proposals")
                with VerticalScroll(id="proposal-detail"):
                    yield Static("", id="proposal-card")
        yield KeyBar()

    def show(self, snap: Snapshot) -> None:
        loc = self.locate(self.paragraph_id)
        if loc is None:
            self.notify("This paragraph is gone from the current text", severity="warning")
            self.app.pop_screen()
            return
        p = loc.paragraph
        self._shown, self._translated = snap.on(p.id), snap.translations_on(p.id)
        pending = sum(x.pending for x in self._shown)
        title = f"{display_label(loc.label)} · {pending} pending of {len(self._shown)} proposals · {snap.revision}"
        if self._translated:
            undecided = sum(t.status == "proposed" for t in self._translated)
            title += f" · {undecided} proposed translation{'s' if undecided != 1 else ''}"
        self.query_one("#masthead", Static).update(title)
        badge = status_badge(p.status)
        current = [badge, paragraph_text(p.text)] if badge else [paragraph_text(p.text)]
        self.query_one("#current-text", Static).update(Group(*current))
        self._render_rows(snap, p.text)

    def _render_rows(self, snap: Snapshot, current: str) -> None:
        self._current, self._names = current, labels(snap.document)
        options = self.query_one("#proposals", OptionList)
        keep = options.highlighted
        options.set_options(
            [
                *(
                    Option(row(x, x.id in self.chosen, self._names, x.id in snap.private), id=x.id)
                    for x in self._shown
                ),
                *(Option(translation_row(t), id=f"translation:{t.id}") for t in self._translated),
            ]
        )
        if self._shown or self._translated:
            options.highlighted = min(keep or 0, len(self._shown) + len(self._translated) - 1)
        self._detail = None  # labels may have moved: draw it again
        self._render_detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "proposals":
            self._render_detail()

    def _render_detail(self) -> None:
        """The highlighted proposal in full: its redline against the current text, and who and why."""
        x = self.selected
        detail = self.query_one("#proposal-card", Static)
        if x is None:
            self._detail = None
            t = self.selected_translation
            detail.update(
                translation_card(t)
                if t
                else "No proposals on this paragraph"
                if not self._shown and not self._translated
                else ""
            )
            return
        drawn = (x, x.id in self.chosen, self._current)
        if drawn == self._detail:  # the highlight event after a redraw: no second frame
            return
        if self._detail_id != x.id:  # another proposal: from its top; the same one, where the reader is
            self._detail_id = x.id
            self.query_one("#proposal-detail", VerticalScroll).scroll_home(animate=False)
        self._detail = drawn
        old = "" if x.kind == "insert" else self._current
        segments = redline_segments(old, x.text) if x.text is not None else []
        private = self.snap is not None and x.id in self.snap.private
        detail.update(card(x, segments, x.id in self.chosen, self._names, private))

    @property
    def selected(self) -> Amendment | None:
        """The highlighted amendment (None on a proposed translation's row)."""
        options = self.query_one("#proposals", OptionList)
        if options.highlighted is None or options.highlighted >= len(self._shown):
            return None
        return self._shown[options.highlighted]

    @property
    def selected_translation(self) -> TranslationProposal | None:
        """The highlighted proposed translation (None on an amendment's row)."""
        at = self.query_one("#proposals", OptionList).highlighted
        if at is None or not 0 <= at - len(self._shown) < len(self._translated):
            return None
        return self._translated[at - len(self._shown)]

    def _summary(self, ids: list[str]) -> Group:
        """The proposals a dialog decides on: what, where, by whom, and what each does to the text."""
        lines: list[RenderableType] = []
        for x in (x for x in self._shown if x.id in ids):
            lines.append(row(x, False, self._names))
            old = "" if x.kind == "insert" else self._current
            segments = redline_segments(old, x.text) if x.text is not None else []
            lines += [what] if (what := change(x, segments)) is not None else []
        for t in (t for t in self._translated if t.id in ids):
            lines += [translation_row(t), paragraph_text(t.text)]
        return Group(*lines)

    def _ask(
        self, title: str, ids: list[str], placeholder: str, required: bool, then: Callable[[str], None]
    ) -> None:
        def answered(reason: str | None) -> None:
            if reason is not None:
                then(reason)

        self.app.push_screen(ReasonScreen(title, self._summary(ids), placeholder, required), answered)

    def _acting(self) -> "tuple[DraftroomApp, Room, str, str] | None":
        """The app, room, focused proposal's id and acting name, or None when one is missing."""
        app, chosen, who = self.room_app, self.selected, self.room_app.require_identity()
        if chosen is None or who is None or app.room is None:
            return None
        return app, app.room, chosen.id, who

    def action_withdraw(self) -> None:
        if (acting := self._acting()) is None:
            return
        app, room, aid, who = acting

        def withdraw(reason: str) -> None:
            app.act(lambda: room.withdraw(aid, who, reason), f"Withdrew {aid}")

        self._ask(f"Withdraw {aid}?", [aid], "why you withdraw it (optional)…", False, withdraw)

    def action_support(self) -> None:
        if (acting := self._acting()) is None:
            return
        app, room, aid, who = acting
        app.act(lambda: room.support(aid, who), f"Supported {aid}")

    def action_submit(self) -> None:
        if (acting := self._acting()) is None:
            return
        app, room, aid, who = acting
        app.act(lambda: room.submit(aid, who), f"Submitted {aid}: everyone sees it now")

    def action_comment(self) -> None:
        if (acting := self._acting()) is None:
            return
        app, room, aid, who = acting

        def comment(text: str) -> None:
            app.act(lambda: room.comment(aid, text, who), f"Commented on {aid}")

        self._ask(f"Comment on {aid}", [aid], "your comment…", True, comment)

    def action_decide(self, verdict: str) -> None:
        app, who = self.room_app, self.room_app.require_identity()
        ids = self._targets()
        if who is None or not ids or app.room is None:
            return
        room = app.room

        def decide(reason: str) -> None:
            app.act(
                lambda: room.decide(verdict, ids, who, reason), f"{verdict.capitalize()}ed {', '.join(ids)}"
            )
            self.chosen.clear()

        what = ids[0] if len(ids) == 1 else f"{len(ids)} proposals"
        required = verdict == "reject"
        hint = "why (the delegations will read it)…" if required else "why (optional)…"
        self._ask(f"{verdict.capitalize()} {what}?", ids, hint, required, decide)

    def _targets(self) -> list[str]:
        """The proposals chosen with space, or else the highlighted one (an amendment or a proposed
        translation)."""
        if self.chosen:
            return [x.id for x in self._shown if x.id in self.chosen]
        highlighted = self.selected or self.selected_translation
        return [highlighted.id] if highlighted else []

    def _on_translation(self) -> bool:
        """Whether a proposed translation is highlighted (said so): it is decided on its own."""
        if self.selected_translation is None:
            return False
        self.notify("A proposed translation is accepted or rejected on its own (y, n)", severity="warning")
        return True

    def action_choose(self) -> None:
        if self.selected is None:
            self._on_translation()
            return
        self.chosen ^= {self.selected.id}
        if self.snap is not None:
            self.show(self.snap)

    def action_compromise(self) -> None:
        if not self.chosen and self._on_translation():
            return
        ids = self._targets()
        if ids:
            start = self.selected.text if self.selected and self.selected.text else None
            open_editor(self.room_app, "compromise", self.paragraph_id, amendment_ids=ids, start=start)
            self.chosen.clear()

    def action_mark(self) -> None:
        open_mark(self.room_app, self.paragraph_id)

    def action_propose(self) -> None:
        open_editor(self.room_app, "replace", self.paragraph_id)

    def action_back(self) -> None:
        self.app.pop_screen()
