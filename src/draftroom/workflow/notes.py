"""Footnotes written by negotiators: `[^N]` cites an existing note, `[^: note text]` adds a new one."""

import re
from collections.abc import Callable

from draftroom.errors import DraftroomError
from draftroom.model import Document, Footnote, iter_located
from draftroom.model.footnotes import REF, references, renumber
from draftroom.patterns import LazyPattern

INLINE = LazyPattern(r"\[\^:\s*((?:[^\[\]]|\[[^\[\]]*\])+?)\s*\]")


def check_references(text: str, doc: Document) -> None:
    """Every `[^N]` names a note of `doc`; every other `[^` opens a well-formed new note."""
    if "[^" not in text:  # no footnote at all (the patterns below are compiled on first use)
        return
    known = {f.number for f in doc.footnotes}
    for n in references(text):
        if n not in known:
            raise DraftroomError(
                f"footnote [^{n}] does not exist in this text: cite an existing note, "
                "or write a new one inline as [^: note text]"
            )
    if any(not m.group(1).strip() for m in INLINE.finditer(text)):
        raise DraftroomError("a new footnote is empty: write its words inside, as [^: note text]")
    rest = INLINE.sub("", REF.sub("", text))
    if "[^" in rest:
        raise DraftroomError(
            "a footnote must be written [^N] (an existing note) or [^: note text] (a new one)"
        )


def materialize(doc: Document) -> None:
    """Turn inline notes into real footnotes (reusing a note with the same text), then number
    every note by first appearance."""
    by_text = {f.text: f.number for f in doc.footnotes}
    next_number = max((f.number for f in doc.footnotes), default=0) + 1

    def real(m: re.Match[str]) -> str:
        nonlocal next_number
        note = m.group(1).strip()
        if note not in by_text:
            by_text[note] = next_number
            doc.footnotes.append(Footnote(next_number, note))
            next_number += 1
        return f"[^{by_text[note]}]"

    for loc in iter_located(doc):
        loc.paragraph.text = INLINE.sub(real, loc.paragraph.text)
    renumber(doc)


def renumbering(old: Document, new: Document) -> Callable[[str], str]:
    """A function rewriting `[^N]` numbered as in `old` to the numbers of `new` (notes matched by
    their text); a note `new` no longer has is written inline, so it is not lost."""
    new_number = {f.text: f.number for f in new.footnotes}
    swap = {
        f.number: f"[^{new_number[f.text]}]" if f.text in new_number else f"[^: {f.text}]"
        for f in old.footnotes
    }
    if all(v == f"[^{n}]" for n, v in swap.items()):
        return lambda text: text
    return lambda text: REF.sub(lambda m: swap.get(int(m.group(1)), m.group(0)), text)
