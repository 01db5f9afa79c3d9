"""One proposal as a card: who, what kind, its status, and its redline against the current text."""

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from draftroom.tui.snapshot import Proposal
from draftroom.tui.widgets.diff_text import redline

STATUS_STYLES = {
    "proposed": "yellow",
    "conflicting": "bold red",
    "accepted": "green",
    "rejected": "red",
    "withdrawn": "dim",
    "merged": "cyan",
    "superseded": "dim",
}


def card(p: Proposal, segments: list[tuple[str, str]], chosen: bool) -> RenderableType:
    head = Text.assemble(
        ("✔ " if chosen else "", "bold cyan"),
        (p.kind, "bold"),
        (f" {p.where}" if p.where else ""),
        "  by ",
        (", ".join(p.proposers), "bold"),
    )
    if p.supporters:
        head.append(f"  supported by {', '.join(p.supporters)}", style="italic")
    body: list[RenderableType] = [head]
    if p.kind == "delete":
        body.append(Text("Delete the paragraph", style="red strike"))
    elif segments:
        body.append(redline(segments))
    elif p.text is not None:
        body.append(Text(p.text))
    if p.rationale:
        body.append(Text(f"Because: {p.rationale}", style="dim italic"))
    if p.note:
        body.append(Text(p.note, style="bold red"))
    style = STATUS_STYLES.get(p.status, "")
    return Panel(Group(*body), title=p.id, title_align="left", subtitle=p.status, subtitle_align="right", border_style=style)
