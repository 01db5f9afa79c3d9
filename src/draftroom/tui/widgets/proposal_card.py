"""One amendment two ways: a one-line row for the list, and a card with its redline for the detail pane;
a delegation's proposed translation likewise."""

from rich.console import Group, RenderableType
from rich.text import Text

from draftroom.model.amendment import Amendment
from draftroom.model.footnotes import REF
from draftroom.model.translation import TranslationProposal
from draftroom.tui.widgets.diff_text import STYLES, redline
from draftroom.tui.widgets.labels import display_label, paragraph_text

STATUS_STYLES = {
    "proposed": "yellow",
    "conflicting": "bold red",
    "accepted": "green",
    "rejected": "red",
    "withdrawn": "dim",
    "merged": "cyan",
    "superseded": "dim",
}


def heading(a: Amendment, chosen: bool, names: dict[str, str], private: bool = False) -> Text:
    """Status, kind, where an insertion or a move goes, who proposed it, and its id; "private" when
    only this clone holds it (not submitted yet).

    `names`: paragraph id -> label.
    """
    kind = "compromise" if a.merges else a.kind
    style = STATUS_STYLES.get(a.status, "")
    head = Text.assemble(
        ("✔ " if chosen else "", "bold cyan"),
        (f"{a.status:<11}", style),
        ("private " if private else "", "bold magenta"),
        " ",
        (kind, "bold"),
    )
    if a.position and a.anchor:
        head.append(f" {a.position} {display_label(names.get(a.anchor, '?'))}")
    head.append("  by ")
    head.append(a.proposers[0] if a.proposers else "?", style="bold")
    if len(a.proposers) > 1:
        head.append(f" with {', '.join(a.proposers[1:])}", style="italic")
    head.append(f"  {a.id} · on {a.base}", style="dim")
    return head


def row(a: Amendment, chosen: bool, names: dict[str, str], private: bool = False) -> Text:
    """The heading on one line, cut with an ellipsis: a paragraph may carry dozens of proposals,
    and the list measures every row on each layout."""
    line = heading(a, chosen, names, private)
    if a.conflict:
        line.append("  ⚠", style="bold red")
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line


CONTEXT = 12  # characters of unchanged text each side of a preview's change


def preview(a: Amendment, current: str, names: dict[str, str]) -> Text:
    """What the proposal does, on one line for a list of hundreds: the changed stretch struck and
    its replacement inserted, with a few characters of the unchanged text either side (the common
    start and end trimmed: no diff is computed, so the whole list draws at once); an insertion's text,
    a deletion's struck opening, a move's destination. `current`: the paragraph's text now."""
    out = Text("    ")
    if a.kind == "move":
        out.append(f"Move {a.position} {display_label(names.get(a.anchor or '', '?'))}", style="italic")
    elif a.kind == "delete":
        out.append("Delete: ", style="red")
        paragraph_text(current, STYLES["delete"], out)
    elif a.kind == "insert" or a.text is None:
        paragraph_text(a.text or "", STYLES["insert"], out)
    else:
        start, old_end, new_end = _changed(current, a.text)
        cut = max(0, start - CONTEXT)
        cut = next((m.start() for m in REF.finditer(current) if m.start() < cut < m.end()), cut)
        out.append("…" if cut else "", style="dim")
        paragraph_text(current[cut:start], "", out)
        paragraph_text(current[start:old_end], STYLES["delete"], out)
        paragraph_text(a.text[start:new_end], STYLES["insert"], out)
        paragraph_text(current[old_end:], "", out)
    out.no_wrap, out.overflow = True, "ellipsis"
    return out


def _changed(old: str, new: str) -> tuple[int, int, int]:
    """Where `old` and `new` differ: the end of their common start, and where the common end begins
    in each; never inside a footnote reference, so a marker shows whole."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < min(len(old), len(new)) - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_end, new_end = len(old) - tail, len(new) - tail
    for m in REF.finditer(old):
        if m.start() < start < m.end():
            start = m.start()
        if m.start() < old_end < m.end():
            new_end += m.end() - old_end
            old_end = m.end()
    return start, old_end, new_end


def change(a: Amendment, segments: list[tuple[str, str]]) -> RenderableType | None:
    """What the proposal does to the text: its redline, a struck deletion, or its new text."""
    if a.kind == "delete":
        return Text("Delete the paragraph", style="red strike")
    if segments:
        return redline(segments)
    return Text(a.text) if a.text is not None else None


def card(
    a: Amendment,
    segments: list[tuple[str, str]],
    chosen: bool,
    names: dict[str, str],
    private: bool = False,
) -> RenderableType:
    """The whole proposal: heading, redline against the current text, rationale, merges, conflict."""
    body: list[RenderableType] = [heading(a, chosen, names, private)]
    body += [what] if (what := change(a, segments)) is not None else []
    if a.rationale:
        body.append(Text(f"Because: {a.rationale}", style="dim italic"))
    if a.merges:
        body.append(Text(f"Replaces {', '.join(a.merges)}", style="cyan"))
    if a.conflict:
        body.append(Text(f"Conflict: {a.conflict.reason}", style="bold red"))
    if a.thread:
        body.append(Text("Discussion", style="bold"))
    for r in a.thread:
        line = Text.assemble((r.who, "bold"), (f" {r.minute}  ", "dim"))
        body.append(paragraph_text(r.said, out=line))
    return Group(*body)


def translation_row(t: TranslationProposal) -> Text:
    """A delegation's proposed translation on one line: status, language, what it translates, by whom."""
    line = Text.assemble(
        (f"{t.status:<11}", STATUS_STYLES.get(t.status, "")),
        " ",
        (f"{t.language} translation", "bold"),
        f" of {t.what}" if t.what else "",
        "  by ",
        (t.proposer, "bold"),
        (f"  {t.id}", "dim"),
    )
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line


def translation_card(t: TranslationProposal) -> RenderableType:
    """The proposed translation in full: its row, its wording, and the reason it was decided so."""
    body: list[RenderableType] = [translation_row(t), paragraph_text(t.text)]
    if t.reason:
        body.append(Text(f"{t.status.capitalize()} because: {t.reason}", style="dim italic"))
    return Group(*body)
