"""The draft as a list of paragraphs: label, status, pending-proposal marker, text with footnote marks."""

from rich.text import Text
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.visual import RichVisual, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from draftroom.model import Document, Heading, iter_located, part_letters
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.widgets.cjk import CJKText
from draftroom.tui.widgets.hanging import Hanging
from draftroom.tui.widgets.labels import (
    display_label,
    paragraph_text,
    pending_marker,
    status_badge,
    translation_badge,
)

LABEL_WIDTH = 13
GUTTER = LABEL_WIDTH + 1 + 4 + 1  # label, marker, a space
NARROW_LABEL = 9  # the narrow gutter's widest label ("OP10(b)", "AN2.12"); longer ones are cut
NARROW_MARKER = 3  # "●3 "


def _row(
    label: str, depth: int, text: str, status: str, pending: int, narrow_label: int, translation: str = ""
) -> Hanging:
    gutter = Text(display_label(label).ljust(LABEL_WIDTH + 1), style="bold")
    gutter.append_text(pending_marker(pending))
    narrow = Text(label.ljust(narrow_label + 1), style="bold")  # the label as negotiators write it
    narrow.append_text(pending_marker(pending, NARROW_MARKER))
    body = CJKText("  " * depth)
    for badge in (translation_badge(translation), status_badge(status)):
        if badge:
            body.append_text(badge)
            body.append(" ")
    paragraph_text(text, "dim" if translation == "missing" else "", out=body)
    return Hanging(gutter, body, GUTTER, (narrow, narrow_label + 1 + NARROW_MARKER + 1))


def _annex_rows(doc: Document) -> dict[str, list[Option]]:
    """Annex titles and headings as disabled rows, keyed by the paragraph they stand before; in a
    resolution adopted in parts, each part's letter and title before its first paragraph."""
    rows: dict[str, list[Option]] = {}
    for letter, part in zip(part_letters(doc), doc.parts, strict=True):
        first = next(iter_located(part), None)
        if first:
            title = Text(f"{letter}  {part.title}".rstrip(), style="bold underline")
            rows[first.paragraph.id] = [Option(title, disabled=True)]
    for text in doc.divisions():
        for annex in text.annexes:
            waiting = [Option(Text(annex.title or "Annex", style="bold underline"), disabled=True)]
            for block in annex.blocks:
                if isinstance(block, Heading):
                    waiting.append(Option(Text(block.text, style="bold"), disabled=True))
                else:
                    rows.setdefault(block.id, []).extend(waiting)
                    waiting = []
    return rows


class _RowVisual(RichVisual):
    """A paragraph row drawn as Textual draws a Rich renderable, its height counted from its line
    breaks: Textual's own counts a row's lines by drawing it, and the list asks the height of every
    row of the draft (72 in the demo) where only the dozen on screen are drawn."""

    def __init__(self, widget: OptionList, row: Hanging) -> None:
        super().__init__(widget, row)
        self._row = row

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._row.height(self._widget.app.console, width)


class DraftView(OptionList):
    """One option per paragraph or sub-item (id = paragraph id); annex headings are disabled rows."""

    # the list's own enter (select) opens the paragraph's proposals: say so in the key help
    BINDINGS = [  # noqa: RUF012
        Binding("enter", "select", "Proposals", tooltip="Every proposal on this paragraph, side by side")
    ]

    def show(
        self,
        snap: Snapshot,
        keep: str | None = None,
        document: Document | None = None,
        translation: dict[str, str] | None = None,
    ) -> None:
        """Render the snapshot, keeping the highlight on paragraph `keep` if it still exists; in another
        language, `document` is the text in it and `translation` each paragraph's status there."""
        doc = document or snap.document
        marks = translation or {}
        before = _annex_rows(doc)
        options: list[Option] = []
        located = list(iter_located(doc))
        narrow_label = min(max((len(loc.label) for loc in located), default=0), NARROW_LABEL)
        for loc in located:
            p = loc.paragraph
            options.extend(before.get(p.id, ()))
            pending = snap.pending_count(p.id)
            row = _row(
                loc.label, loc.label.count("("), p.text, p.status, pending, narrow_label, marks.get(p.id, "")
            )
            options.append(Option(row, id=p.id))
        self.set_options(options)
        target = keep if keep and any(o.id == keep for o in options) else None
        index = self.get_option_index(target) if target else self._first_enabled(options)
        if index is not None:
            self.highlighted = index

    def _get_visual(self, option: Option) -> Visual:
        """Textual's hook (private, of the 8.2 the project pins) making each option's visual once."""
        if option._visual is None and isinstance(option.prompt, Hanging):
            option._visual = _RowVisual(self, option.prompt)
        return super()._get_visual(option)

    @staticmethod
    def _first_enabled(options: list[Option]) -> int | None:
        return next((i for i, o in enumerate(options) if not o.disabled), None)

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id
