"""Which footnote of a translation translates which footnote of the working text, and whether it is
current, stale or missing.

Footnotes have no stable id: a revision renumbers them by first appearance. A translated note records
the digest of the working note's text it was made from (`Translation.footnote_sources`). A working
note is matched to the translated note of the same digest (`current`); failing that, to the translated
note referred to from the same place (the same paragraph, the same reference within it), which then
translates an older wording (`stale`); failing both, it is `missing` (a note added since). A translated
note with no recorded digest (a store older than footnote staleness) counts as current where it stands.
"""

import re

from draftroom.model.document import Document, Footnote
from draftroom.model.footnotes import REF, references
from draftroom.model.labels import iter_located
from draftroom.model.translation import Translation, digest
from draftroom.record import record, replace


@record(frozen=True)
class NoteMatch:
    translated: int | None  # the translated note's number in the translation, None when missing
    status: str  # current | stale | missing


def _placed(working: Document, t: Translation) -> dict[int, int]:
    """Working note number -> the translated note referred to from the same place."""
    out: dict[int, int] = {}
    for loc in iter_located(working):
        tp = t.paragraphs.get(loc.paragraph.id)
        if tp is not None:
            for n, m in zip(references(loc.paragraph.text), references(tp.text), strict=False):
                out.setdefault(n, m)
    return out


def match_notes(working: Document, t: Translation) -> dict[int, NoteMatch]:
    """Every working note by number, in order, with its translation and that translation's status."""
    have = {f.number for f in t.footnotes}
    placed = {n: m for n, m in _placed(working, t).items() if m in have}
    source = {f.number: t.footnote_sources.get(f.number) for f in t.footnotes}
    claimed: dict[int, NoteMatch] = {}  # working number -> match

    def take(n: int, m: int | None, status: str) -> None:
        if n not in claimed and m is not None and all(x.translated != m for x in claimed.values()):
            claimed[n] = NoteMatch(m, status)

    for f in working.footnotes:  # in place and made from this wording (or of unknown source)
        here = placed.get(f.number)
        if here is not None and source[here] in (None, digest(f.text)):
            take(f.number, here, "current")
    for f in working.footnotes:  # made from this wording, wherever it is referred to now
        for m, d in source.items():
            if d == digest(f.text):
                take(f.number, m, "current")
    for f in working.footnotes:  # in place, made from an older wording
        take(f.number, placed.get(f.number), "stale")
    return {f.number: claimed.get(f.number, NoteMatch(None, "missing")) for f in working.footnotes}


def note_statuses(working: Document, t: Translation) -> dict[int, str]:
    return {n: m.status for n, m in match_notes(working, t).items()}


def renumbered(working: Document, t: Translation) -> Translation:
    """`t` with its notes numbered as the working text's: each note under the working note it
    translates (notes translating nothing left out), the references in its paragraphs renumbered."""
    matched = match_notes(working, t)
    to_working = {m.translated: n for n, m in matched.items() if m.translated is not None}
    theirs = {f.number: f for f in t.footnotes}
    import copy  # with weakref: for a translated text, not for its statuses

    out = copy.deepcopy(t)
    out.footnotes = sorted(
        (replace(theirs[m], number=n) for m, n in to_working.items()), key=lambda f: f.number
    )
    working_text = {f.number: f.text for f in working.footnotes}
    out.footnote_sources = {  # a note of unknown source, current where it stands, from this wording
        n: t.footnote_sources.get(m) or digest(working_text[n]) for m, n in to_working.items()
    }
    for loc in iter_located(working):
        tp = out.paragraphs.get(loc.paragraph.id)
        if tp is not None:
            tp.text = _refs(tp.text, references(loc.paragraph.text), to_working)
    return out


def _refs(text: str, working_refs: list[int], to_working: dict[int, int]) -> str:
    """The references of a translated paragraph renumbered: a matched note takes its working number; any
    other takes the number of the working paragraph's reference in the same place."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        n = int(m.group(1))
        k, count = count, count + 1
        if n in to_working:
            return f"[^{to_working[n]}]"
        return f"[^{working_refs[k]}]" if k < len(working_refs) else m.group(0)

    return REF.sub(one, text)


def set_note(
    working: Document, t: Translation, number: int, text: str, source: str | None = None
) -> Translation:
    """`t` renumbered as the working text, with working note `number` translated as `text`, made from
    the working note's text of digest `source` (default: as it reads now, so current)."""
    note = next(f for f in working.footnotes if f.number == number)
    out = renumbered(working, t)
    old = next((f for f in out.footnotes if f.number == number), None)
    out.footnotes = sorted(
        [
            *(f for f in out.footnotes if f.number != number),
            Footnote(number, text, old.marker if old else note.marker),
        ],
        key=lambda f: f.number,
    )
    out.footnote_sources[number] = source or digest(note.text)
    return out
