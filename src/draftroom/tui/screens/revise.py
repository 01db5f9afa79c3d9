"""The facilitator cuts the next revision, after seeing what it will apply."""

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from draftroom.model import labels
from draftroom.tui.snapshot import Snapshot, paragraph_of
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp

APPLIED = ("accepted",)


def summary(snap: Snapshot) -> Text:
    """One line per accepted proposal or compromise the revision will apply."""
    names = labels(snap.document)
    applied = [p for p in snap.proposals if p.status in APPLIED]
    if not applied:
        return Text(
            "No accepted proposal yet: the revision would only carry the text forward.", style="yellow"
        )
    out = Text(f"{len(applied)} accepted proposals will be applied:\n", style="bold")
    for p in applied:
        where = display_label(names.get(paragraph_of(p) or "", "?"))
        out.append(f"  {where:<12} {p.kind:<10} {', '.join(p.proposers)}  ({p.id})\n")
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
            app.notify(f"Revision {revision} cut")
            app.reload()

        app.perform(lambda: room.revise(who), done, busy="cutting the revision")

    app.push_screen(ReviseScreen(snap), confirmed)
