"""The redline in the terminal: pair labels, statuses, changes coloured (or bracketed without colour),
unchanged paragraphs collapsed, a summary line with counts."""

from draftroom.diff.labels import collapsed, pair_name, summary_line
from draftroom.model.redline import Change, Redline

_STYLE = {
    "delete": ("\x1b[31;9m", "\x1b[0m", "[-", "-]"),
    "insert": ("\x1b[32;4m", "\x1b[0m", "{+", "+}"),
}
_STATUS_COLOUR = {"changed": "33", "moved": "35", "inserted": "32", "deleted": "31", "unchanged": "2"}


def _segments(c: Change, colour: bool) -> str:
    out = []
    for op, text in c.segments:
        if op == "equal":
            out.append(text)
            continue
        on, off, left, right = _STYLE[op]
        out.append(f"{on}{text}{off}" if colour else f"{left}{text}{right}")
    return "".join(out)


def _header(c: Change, colour: bool) -> str:
    name, status = pair_name(c), c.status
    if c.old and c.new and c.status != "unchanged":
        status += f" ({c.similarity:.0%} same)"
    if colour:
        return f"\x1b[1m{name}\x1b[0m  \x1b[{_STATUS_COLOUR[c.status]}m{status}\x1b[0m"
    return f"{name}  {status}"


def _section(changes: list[Change], colour: bool, show_unchanged: bool) -> list[str]:
    lines: list[str] = []
    run: list[Change] = []

    def flush() -> None:
        if run:
            text = f"… {collapsed(run)}"
            lines.append(f"\x1b[2m{text}\x1b[0m" if colour else text)
            run.clear()

    for c in changes:
        if c.status == "unchanged" and not show_unchanged:
            run.append(c)
            continue
        flush()
        lines.append(_header(c, colour))
        lines.append("    " + _segments(c, colour))
    flush()
    return lines


def render_text(r: Redline, colour: bool = False, show_unchanged: bool = False) -> str:
    lines = [f"--- {r.old_name}", f"+++ {r.new_name}"]
    lines += _section(r.pairs, colour, show_unchanged)
    if r.footnotes:
        lines.append("Footnotes")
        lines += _section(r.footnotes, colour, show_unchanged)
    summary = summary_line(r)
    lines.append(f"\x1b[1m{summary}\x1b[0m" if colour else summary)
    return "\n".join(lines) + "\n"
