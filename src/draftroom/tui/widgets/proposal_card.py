"""One amendment as a card: who, what kind, its status, and its redline against the current text."""

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from draftroom.model.amendment import Amendment
from draftroom.tui.widgets.diff_text import redline
from draftroom.tui.widgets.labels import display_label

STATUS_STYLES = {
    "proposed": "yellow",
    "conflicting": "bold red",
    "accepted": "green",
    "rejected": "red",
    "withdrawn": "dim",
    "merged": "cyan",
    "superseded": "dim",
}


def card(
    a: Amendment, segments: list[tuple[str, str]], chosen: bool, names: dict[str, str]
) -> RenderableType:
    """`names`: paragraph id -> label, to say where an insertion or a move goes."""
    kind = "compromise" if a.merges else a.kind
    head = Text.assemble(("✔ " if chosen else "", "bold cyan"), (kind, "bold"))
    if a.position and a.anchor:
        head.append(f" {a.position} {display_label(names.get(a.anchor, '?'))}")
    head.append("  by ")
    head.append(a.proposers[0] if a.proposers else "?", style="bold")
    if len(a.proposers) > 1:
        head.append(f"  with {', '.join(a.proposers[1:])}", style="italic")
    body: list[RenderableType] = [head]
    if a.kind == "delete":
        body.append(Text("Delete the paragraph", style="red strike"))
    elif segments:
        body.append(redline(segments))
    elif a.text is not None:
        body.append(Text(a.text))
    if a.rationale:
        body.append(Text(f"Because: {a.rationale}", style="dim italic"))
    if a.merges:
        body.append(Text(f"Replaces {', '.join(a.merges)}", style="cyan"))
    if a.conflict:
        body.append(Text(f"Conflict: {a.conflict.reason}", style="bold red"))
    style = STATUS_STYLES.get(a.status, "")
    subtitle = f"{a.status} · on {a.base}"
    return Panel(
        Group(*body),
        title=a.id,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style=style,
    )
