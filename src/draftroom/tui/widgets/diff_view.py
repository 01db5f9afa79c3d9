"""Two revisions as the diff package aligns them: labels of both sides, status, redline."""

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from draftroom.model.redline import Change, Redline
from draftroom.tui.widgets.diff_text import redline
from draftroom.tui.widgets.labels import display_label

STATUS_STYLES = {
    "changed": "yellow",
    "moved": "cyan",
    "inserted": "green",
    "deleted": "red",
    "unchanged": "dim",
}


def _side(label: str | None) -> str:
    return display_label(label) if label else "—"


def _rows(grid: Table, changes: list[Change], prefix: str = "") -> None:
    """One row per change; runs of unchanged pairs collapsed to one line."""
    unchanged = 0
    for c in changes:
        if c.status == "unchanged":
            unchanged += 1
            continue
        if unchanged:
            grid.add_row(Text(f"… {unchanged} unchanged", style="dim"), "")
            unchanged = 0
        where = Text(f"{prefix}{_side(c.old)} → {_side(c.new)}", style="bold")
        where.append(f"\n{c.status}", style=STATUS_STYLES.get(c.status, ""))
        grid.add_row(where, redline(c.segments))
    if unchanged:
        grid.add_row(Text(f"… {unchanged} unchanged", style="dim"), "")


def render_redline(r: Redline) -> RenderableType:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=24, no_wrap=True)
    grid.add_column(ratio=1)
    _rows(grid, r.pairs)
    if any(c.status != "unchanged" for c in r.footnotes):
        grid.add_row(Text("Footnotes", style="bold underline"), "")
        _rows(grid, r.footnotes, prefix="note ")
    counts = r.summary()
    line = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no paragraphs"
    head = Text(f"{r.old_name} → {r.new_name}: {line}", style="bold")
    return Group(head, *(Text(w, style="yellow") for w in r.warnings), grid)
