"""A redline as Rich text: insertions green and underlined, deletions red and struck through."""

from collections.abc import Iterable

from rich.text import Text

from draftroom.tui.widgets.cjk import CJKText
from draftroom.tui.widgets.labels import paragraph_text

STYLES = {"equal": "", "insert": "bold green underline", "delete": "red strike"}


def redline(segments: Iterable[tuple[str, str]]) -> Text:
    """Segments as the diff package gives them: [("equal" | "insert" | "delete", text), ...]."""
    out = CJKText()
    for op, text in segments:
        paragraph_text(text, STYLES.get(op, ""), out)
    return out
