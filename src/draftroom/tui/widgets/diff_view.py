"""Two revisions side by side as the diff package aligns them: labels of both sides, status, redline."""

from collections import Counter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

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


def render_pairs(pairs: list[dict]) -> RenderableType:
    """Pairs in the diff's JSON shape; unchanged runs collapsed to one line."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=24, no_wrap=True)
    grid.add_column(ratio=1)
    unchanged = 0
    for pair in pairs:
        status = pair.get("status", "changed")
        if status == "unchanged":
            unchanged += 1
            continue
        if unchanged:
            grid.add_row(Text(f"… {unchanged} unchanged", style="dim"), "")
            unchanged = 0
        where = Text(f"{_side(pair.get('old'))} → {_side(pair.get('new'))}", style="bold")
        where.append(f"\n{status}", style=STATUS_STYLES.get(status, ""))
        grid.add_row(where, redline(tuple(s) for s in pair.get("segments", [])))
    if unchanged:
        grid.add_row(Text(f"… {unchanged} unchanged", style="dim"), "")
    counts = Counter(p.get("status", "changed") for p in pairs)
    summary = Text(", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no paragraphs", style="bold")
    return Group(summary, grid)
