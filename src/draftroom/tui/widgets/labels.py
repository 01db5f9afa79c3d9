"""How paragraphs read on screen: display labels, footnote markers, status badges.

Pure functions over strings returning Rich `Text`, shared by the draft, proposals and history views.
"""

import re

from rich.text import Text

from draftroom.model.footnotes import REF
from draftroom.tui.widgets.cjk import CJKText

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ANNEX = re.compile(r"^AN(?:(\d+)\.)?(\d+)")
STATUS_BADGES = {
    "open": ("", ""),
    "bracketed": ("[bracketed]", "bold yellow"),
    "agreed-ad-ref": ("[ad ref]", "bold cyan"),
    "agreed": ("[agreed]", "bold green"),
}


def display_label(label: str) -> str:
    """`OP10(b)` -> `OP10 (b)`, `AN12` -> `annex 12`, `AN2.12` -> `annex 2.12`."""
    m = _ANNEX.match(label)
    if m:
        head = f"annex {m.group(1)}.{m.group(2)}" if m.group(1) else f"annex {m.group(2)}"
        label = head + label[m.end() :]
    return re.sub(r"(?<=[0-9])\(", " (", label, count=1)


def superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


def paragraph_text(text: str, base_style: str = "", out: Text | None = None) -> Text:
    """Paragraph text with `[^N]` shown as superscript markers in the accent colour, appended to `out`
    (a new CJK-wrapping Text by default)."""
    out = CJKText() if out is None else out
    pos = 0
    for m in REF.finditer(text):
        out.append(text[pos : m.start()], style=base_style)
        out.append(superscript(int(m.group(1))), style="bold magenta")
        pos = m.end()
    out.append(text[pos:], style=base_style)
    return out


def status_badge(status: str) -> Text:
    words, style = STATUS_BADGES.get(status, (f"[{status}]", "bold"))
    return Text(words, style=style)


def pending_marker(count: int) -> Text:
    """`●3` when three proposals wait on the paragraph; blank otherwise (same width either way)."""
    if not count:
        return Text("    ")
    return Text(f"●{count}".ljust(4), style="bold red" if count > 9 else "bold yellow")
