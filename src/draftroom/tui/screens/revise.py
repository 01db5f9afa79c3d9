"""The facilitator cuts the next revision, after seeing what it will apply."""

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from draftroom.model import Revision, labels
from draftroom.model.amendment import Amendment
from draftroom.tui.snapshot import Snapshot, paragraph_of
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp

APPLIED = ("accepted",)


def next_revision(snap: Snapshot) -> str:
    """What the cut makes: "Rev.2 (A/C.3/74/L.20/Rev.2)", the base symbol's own number counted."""
    now = Revision.typed(snap.revision) or Revision(0)
    new = now.next_after(snap.document.symbol)
    symbol = new.symbol(snap.document.symbol)
    return new.name + (f" ({symbol})" if symbol else "")


def _lines(proposals: list[Amendment], names: dict[str, str]) -> Text:
    return Text(
        "".join(
            f"  {display_label(names.get(paragraph_of(p) or '', '?')):<12} {p.kind:<10} {', '.join(p.proposers)}  ({p.id})\n"
            for p in proposals
        )
    )


def summary(snap: Snapshot) -> Text:
    """The revision it makes, one line per accepted proposal it applies, and what stays pending."""
    names = labels(snap.document)
    out = Text.assemble(("New revision: ", "bold"), next_revision(snap), "\n\n")
    applied = [p for p in snap.proposals if p.status in APPLIED and not p.applied_in]
    if not applied:
        out.append(
            "No accepted proposal yet: the revision would only carry the text forward.\n", style="yellow"
        )
    else:
        out.append(f"{len(applied)} accepted proposals will be applied:\n", style="bold")
    out.append_text(_lines(applied, names))
    pending = [p for p in snap.proposals if p.pending]
    out.append(f"\n{len(pending)} pending proposals stay pending, carried to the new text", style="bold")
    out.append(":\n" if pending else ".\n")
    out.append_text(_lines(pending, names))
    return out


class ReviseScreen(ModalScreen[bool]):
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "confirm", "Cut revision", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, snap: Snapshot) -> None:
        super().__init__()
        self.snap = snap

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(f"Cut the revision after {self.snap.revision}", classes="dialog-title")
            with VerticalScroll():
                yield Static(summary(self.snap))
        yield KeyBar()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def open_revise(app: "DraftroomApp") -> None:
    snap, room, who = app.snapshot, app.room, app.require_identity()
    if snap is None or room is None or who is None:
        return

    def confirmed(yes: bool | None) -> None:
        if not yes:
            return

        def done(revision: str) -> None:
            app.notify(f"Revision cut: {revision}", timeout=8)
            app.reload()

        app.perform(lambda: room.revise(who), done, busy="cutting the revision")

    app.push_screen(ReviseScreen(snap), confirmed)
