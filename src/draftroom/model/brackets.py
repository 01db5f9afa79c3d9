"""Square brackets around disputed words inside a paragraph, as negotiators mark them: "[free and fair]".

They are part of the paragraph's text, so every revision, carry, diff and export keeps them as they
are and prints them as the UN's informal compilations do. A footnote reference (`[^3]`, or a new
note `[^: text]` in a proposal) is not a bracket.
"""

from draftroom.errors import DraftroomError
from draftroom.patterns import LazyPattern

_NOTE = LazyPattern(r"\[\^[^\]]*\]")
Span = tuple[int, int]  # [start, end) of "[...]", the brackets included


def marks(text: str) -> list[tuple[int, str]]:
    """(offset, "[" or "]") of every square bracket outside footnote references."""
    notes = [m.span() for m in _NOTE.finditer(text)]
    inside = {i for s, e in notes for i in range(s, e)}
    return [(i, ch) for i, ch in enumerate(text) if ch in "[]" and i not in inside]


def without_brackets(text: str) -> str:
    """`text` with every square bracket taken out (footnote references kept): two texts that differ
    only in their brackets are the same words."""
    drop = {at for at, _ in marks(text)}
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


def pairs(text: str) -> list[tuple[Span, int]]:
    """Every matched pair of brackets (nested ones too) with its depth (0: outermost), in the order
    they close; an unmatched bracket is left out."""
    out: list[tuple[Span, int]] = []
    opened: list[int] = []
    for at, ch in marks(text):
        if ch == "[":
            opened.append(at)
        elif opened:
            start = opened.pop()
            out.append(((start, at + 1), len(opened)))
    return out


def spans(text: str) -> list[Span]:
    """The bracketed spans, outermost only, in order."""
    return sorted(span for span, depth in pairs(text) if depth == 0)


def status_with(text: str, status: str, had_brackets: bool = True) -> str:
    """A paragraph's status once its text is `text`: bracketed while it holds brackets; open again
    when the brackets that made it bracketed are gone (`had_brackets`; a paragraph marked bracketed
    as a whole, with no brackets in its words, stays so)."""
    if spans(text):
        return "bracketed"
    return "open" if status == "bracketed" and had_brackets else status


def trimmed(text: str, start: int, end: int) -> Span:
    """The span without the white space at its edges; a one-line error when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise DraftroomError("no words to bracket: give some words of the paragraph")
    return start, end


def bracket(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] in square brackets; an error when those words are already in
    brackets or cut a bracketed span or a footnote reference."""
    start, end = trimmed(text, start, end)
    for s, e in spans(text):
        if s <= start and end <= e:
            raise DraftroomError(f"{text[s:e]!r} is already in brackets")
        if s < end and start < e:
            raise DraftroomError(
                f"the words cut the bracketed {text[s:e]!r}: bracket whole spans, or unbracket it first"
            )
    for m in _NOTE.finditer(text):
        if m.start() < start < m.end() or m.start() < end < m.end():
            raise DraftroomError("the words cut a footnote reference: take it whole or leave it out")
    return f"{text[:start]}[{text[start:end]}]{text[end:]}"


def enclosing(text: str, start: int, end: int) -> Span:
    """The bracketed span holding text[start:end] (the words may include its brackets)."""
    start, end = trimmed(text, start, end)
    for s, e in spans(text):
        if s <= start and end <= e:
            return s, e
    raise DraftroomError(f"{text[start:end]!r} is not in brackets: see the paragraph's text")


def unbracket(text: str, start: int, end: int) -> str:
    """`text` without the brackets of the span holding text[start:end]."""
    s, e = enclosing(text, start, end)
    return f"{text[:s]}{text[s + 1 : e - 1]}{text[e:]}"
