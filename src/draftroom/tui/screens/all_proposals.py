"""Every proposal of the negotiation on one screen, filtered by paragraph, delegation, status and
kind (the same filters as `draftroom amendments --on --by --status --kind`, through the same
`listing.select`); Enter opens the highlighted one's paragraph, where it is decided.

Listed as the text reads: by the position of the paragraph each acts on, then in the order they were
made; each row shows under its heading what the proposal does to the text (a one-line preview).
"""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from draftroom.model import labels, paragraph_texts
from draftroom.model.amendment import KIND_FILTERS, PENDING_FILTER, STATUSES, Amendment
from draftroom.tui.screens.base import RoomScreen
from draftroom.tui.snapshot import Snapshot, paragraph_of
from draftroom.tui.widgets.identity_bar import IdentityBar
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label
from draftroom.tui.widgets.proposal_card import preview, row
from draftroom.workflow.listing import select


class AllProposalsScreen(RoomScreen):
    AUTO_FOCUS = "#all-proposals"
    BINDINGS = [  # noqa: RUF012
        Binding("o", "focus_filter('on')", "Paragraph", tooltip="Only the proposals on one paragraph"),
        Binding("b", "focus_filter('by')", "Delegation", tooltip="Only one delegation's proposals"),
        Binding("t", "focus_filter('status')", "Status", tooltip="Only the proposals of one status"),
        Binding("k", "focus_filter('kind')", "Kind", tooltip="Only one kind of proposal"),
        Binding("escape", "app.pop_screen", "Draft", tooltip="Back to the draft"),
    ]

    def compose(self) -> ComposeResult:
        yield IdentityBar()
        yield Static("Proposals", id="all-title", classes="screen-title")
        with Horizontal(classes="row", id="filters"):
            yield Label("Paragraph ")
            yield Select[str]([], id="on", prompt="any")
            yield Label(" Delegation ")
            yield Select[str]([], id="by", prompt="any")
            yield Label(" Status ")
            statuses = [(PENDING_FILTER, PENDING_FILTER), *((s, s) for s in STATUSES)]
            yield Select[str](statuses, id="status", prompt="any", value=PENDING_FILTER)
            yield Label(" Kind ")
            yield Select[str]([(k, k) for k in KIND_FILTERS], id="kind", prompt="any")
        yield OptionList(id="all-proposals")
        yield KeyBar()

    def _value(self, which: str) -> str | None:
        value = self.query_one(f"#{which}", Select).value
        return value if isinstance(value, str) else None

    def show(self, snap: Snapshot) -> None:
        names = labels(snap.document)
        order = {pid: n for n, pid in enumerate(names)}
        on = sorted({p for a in snap.proposals if (p := paragraph_of(a)) in order}, key=order.__getitem__)
        by = sorted({d for a in snap.proposals for d in a.proposers})
        for which, options in (
            ("on", [(display_label(names[p]), p) for p in on]),
            ("by", [(d, d) for d in by]),
        ):
            widget = self.query_one(f"#{which}", Select)
            before = widget.value
            with widget.prevent(Select.Changed):
                widget.set_options(options)
                if before in {v for _, v in options}:
                    widget.value = before
        shown = select(
            snap.proposals, snap.document, *(self._value(f) for f in ("status", "by", "on", "kind"))
        )
        shown.sort(key=lambda a: (order.get(paragraph_of(a) or "", len(order)), a.created))
        texts = paragraph_texts(snap.document)
        listed = self.query_one("#all-proposals", OptionList)
        listed.set_options(Option(self._line(a, names, snap, texts), id=a.id) for a in shown)
        where = snap.document.symbol or snap.name
        self.query_one("#all-title", Static).update(
            f"Proposals of {where}: {len(shown)} shown of {len(snap.proposals)}"
        )

    @staticmethod
    def _line(a: Amendment, names: dict[str, str], snap: Snapshot, texts: dict[str, str]) -> Text:
        """Two lines: the paragraph's label and the proposal's heading, then what it does."""
        line = Text(f"{display_label(names.get(paragraph_of(a) or '', '?')):<10}", style="bold")
        line.append_text(row(a, False, names, a.id in snap.private))
        line.no_wrap, line.overflow = True, "ellipsis"
        line.append("\n")
        line.append_text(preview(a, texts.get(a.target or "", ""), names))
        return line

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.snap is not None:
            self.show(self.snap)

    def action_focus_filter(self, which: str) -> None:
        self.query_one(f"#{which}", Select).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        snap = self.snap
        found = [a for a in snap.proposals if a.id == event.option.id] if snap else []
        paragraph = paragraph_of(found[0]) if found else None
        if paragraph and self.locate(paragraph):
            self.room_app.open_proposals(paragraph)
