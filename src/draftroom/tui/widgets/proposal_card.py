"""One amendment two ways: a one-line row for the list, and a card with its redline for the detail pane;
a delegation's proposed translation likewise."""

from rich.console import Group, RenderableType
from rich.text import Text

from draftroom.model.amendment import Amendment
from draftroom.model.translation import TranslationProposal
from draftroom.tui.widgets.diff_text import redline
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
