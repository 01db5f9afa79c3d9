"""How paragraphs read on screen: display labels, footnote markers, status badges.

Pure functions over strings returning Rich `Text`, shared by the draft, proposals and history views.
"""

from rich.text import Text

from draftroom.errors import DraftroomError
from draftroom.model import Label, brackets
from draftroom.model.footnotes import REF
from draftroom.model.labels import PREFIXES
from draftroom.tui.widgets.cjk import CJKText

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
STATUS_BADGES = {
    "open": ("", ""),
    "bracketed": ("[bracketed]", "bold yellow"),
    "agreed-ad-ref": ("[ad ref]", "bold cyan"),
    "agreed": ("[agreed]", "bold green"),
}


def display_label(label: str) -> str:
    """`OP10(b)` -> `OP10 (b)`, `AN12` -> `annex 12`, `AN2.12` -> `annex 2.12`; anything that is
    not a label ("?") as it is."""
    try:
        t = Label.parse(label)
    except DraftroomError:
        return label
    number = f"{t.annex}.{t.number}" if t.annex is not None else str(t.number)
    head = f"annex {number}" if t.part == "annex" else f"{PREFIXES[t.part]}{number}"
    items = "".join(f"({m})" for m in t.markers)
    head = f"{t.letter} {head}" if t.letter else head  # a resolution adopted in parts: "B OP3"
    return f"{head} {items}" if items else head


def superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


BRACKETED = "bold yellow"  # disputed words' square brackets


def paragraph_text(text: str, base_style: str = "", out: Text | None = None) -> Text:
    """Paragraph text with `[^N]` shown as superscript markers in the accent colour and the square
    brackets of disputed words in bold yellow, appended to `out` (a new CJK-wrapping Text by default)."""
    out = CJKText() if out is None else out
    marks = sorted(at for (s, e), _ in brackets.pairs(text) for at in (s, e - 1)) if "[" in text else []
    pos = 0
    for m in REF.finditer(text):
        _words(out, text, pos, m.start(), base_style, marks)
        out.append(superscript(int(m.group(1))), style="bold magenta")
        pos = m.end()
    _words(out, text, pos, len(text), base_style, marks)
    return out


def _words(out: Text, text: str, start: int, end: int, style: str, marks: list[int]) -> None:
    """text[start:end] appended to `out`, the brackets at `marks` (offsets in `text`) highlighted."""
    for at in (m for m in marks if start <= m < end):
        out.append(text[start:at], style=style)
        out.append(text[at], style=BRACKETED)
        start = at + 1
    out.append(text[start:end], style=style)


def status_badge(status: str) -> Text:
    words, style = STATUS_BADGES.get(status, (f"[{status}]", "bold"))
    return Text(words, style=style)


TRANSLATION_BADGES = {  # a paragraph's translation, in the draft read in another language
    "stale": ("[stale]", "bold red"),
    "missing": ("[not translated]", "bold magenta"),
}


def translation_badge(status: str) -> Text:
    """`[stale]` or `[not translated]`; nothing for a current translation."""
    words, style = TRANSLATION_BADGES.get(status, ("", ""))
    return Text(words, style=style)


def pending_marker(count: int, width: int = 4) -> Text:
    """`●3` when three proposals wait on the paragraph; blank otherwise (`width` cells either way)."""
    if not count:
        return Text(" " * width)
    return Text(f"●{count}".ljust(width), style="bold red" if count > 9 else "bold yellow")
