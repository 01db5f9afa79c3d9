"""Beside the draft: the focused paragraph's status, its footnotes in full, and who proposes what."""

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from draftroom.model import Document
from draftroom.model.footnotes import references
from draftroom.record import record
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.cjk import CJKText
from draftroom.tui.widgets.labels import (
    display_label,
    paragraph_text,
    status_badge,
    superscript,
    translation_badge,
)

MAX_LISTED = 8


@record(frozen=True)
class Beside:
    """The draft read in another language: the focused paragraph's working text goes beside it."""

    language: str  # the draft's language
    status: str  # the paragraph's translation: current | stale | missing
    working_language: str
    working_text: str
    document: Document  # the text in `language` (its footnotes)


class ParagraphDetail(Static):
    DEFAULT_CSS = """
    ParagraphDetail { width: 40%; height: 1fr; border-left: solid $primary; padding: 0 1; overflow-y: auto; }
    """

    def show(
        self,
        snap: Snapshot,
        label: str,
        paragraph_id: str,
        text: str,
        status: str,
        beside: Beside | None = None,
    ) -> None:
        parts: list[Text] = [
            Text.assemble((display_label(label), "bold"), "  ", status_badge(status) or status)
        ]
        if beside is not None:
            parts.extend(_in_two_languages(beside, text))
        parts.extend(_footnotes(beside.document if beside else snap.document, text))
        proposals = snap.on(paragraph_id)
        pending = [p for p in proposals if p.pending]
        counts = f"{len(pending)} pending, {len(proposals) - len(pending)} decided"
        parts.append(Text(f"\n{counts if snap.counted else 'counting proposals…'}", style="bold"))
        for p in pending[:MAX_LISTED]:
            style = "bold red" if p.status == "conflicting" else "yellow"
            mine = "  private" if p.id in snap.private else ""
            parts.append(Text(f"  {p.kind:<8} {', '.join(p.proposers)}{mine}", style=style))
        if len(pending) > MAX_LISTED:
            parts.append(Text(f"  … and {len(pending) - MAX_LISTED} more", style="dim"))
        if proposals:
            parts.append(Text("enter: see them side by side", style="dim"))
        self.update(Group(*parts), layout=False)  # a fixed pane: no need to lay the screen out again


def _in_two_languages(b: Beside, text: str) -> list[Text]:
    shown = "(not translated yet: the draft shows the working text)" if b.status == "missing" else text
    return [
        Text.assemble("\n", (b.working_language, "bold"), " · working text"),
        paragraph_text(b.working_text),
        Text.assemble(
            "\n", (b.language, "bold"), " · ", translation_badge(b.status) or Text("current", style="green")
        ),
        paragraph_text(shown),
    ]


def _footnotes(doc: Document, text: str) -> list[Text]:
    out: list[Text] = []
    for n in dict.fromkeys(references(text)):
        note = doc.footnote(n)
        out.append(
            CJKText.assemble((superscript(n), "bold magenta"), " ", note.text if note else "(missing note)")
        )
    return out
