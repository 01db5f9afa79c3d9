"""Aligning a version of the text in another language with the working text, checked, never guessed.

Two versions align when they are the same resolution with the same structure: the same parts, the
same number of paragraphs in each, the same numbers, the same sub-items (by marker, which the model
keeps language-neutral: "a", "ii"), the same headings before the same paragraphs, the same annexes
with their headings, the same footnotes referred to from the same paragraphs. Each paragraph of the
version then takes the working paragraph's stable id. The first place where they differ is named in
one line, by the working text's label.

Three small faults of a version whose structure does align are read through, each with a one-line
warning, never guessed past: a footnote of the working text that the version leaves out (its
translation is then `missing`; which one is left out is settled by the figures the notes cite, and
refused when they do not settle it), a paragraph number or sub-item letter misprinted where every
other one of the list agrees (read by its position), and a symbol that names another document. Nothing is tolerated in
a list whose count differs: an extra or missing paragraph is always refused.
"""

import itertools
import re
from collections.abc import Callable

from draftroom.errors import DraftroomError
from draftroom.model import Annex, Document, Footnote, Heading, Paragraph, labels, part_letters
from draftroom.model.footnotes import REF
from draftroom.model.translation import FIELDS, TranslatedParagraph, Translation, annex_key, digest
from draftroom.record import replace


class Misaligned(DraftroomError):
    """A version whose structure does not match the working text's."""


def _symbol(symbol: str | None) -> str:
    return re.sub(r"\s+", "", symbol or "").upper()


def _number(n: int | None) -> str:
    return "none" if n is None else str(n)


def _notes(text: str) -> list[str]:
    return REF.findall(text)


def _figures(note: Footnote | None) -> tuple[str, ...]:
    """The figures a footnote cites ("WT/MIN(13)/44" -> 13, 44), which every language prints alike."""
    return tuple(sorted(re.findall(r"\d+", note.text))) if note else ()


def _cited(p: Paragraph) -> tuple[int, ...]:
    """The figures a paragraph cites (resolution numbers, years, days), which every language prints
    alike, in any order (a date's parts stand in another order in Chinese)."""
    return tuple(sorted(int(d) for d in re.findall(r"\d+", p.text)))


def _odd_one(ws: list[Paragraph], vs: list[Paragraph]) -> int | None:
    """Where one list holds a paragraph more than the other: the place k whose removal from the longer
    pairs the most paragraphs citing the same figures (before k in place, after it shifted by one);
    None unless exactly one place does best, and only for a difference of one."""
    short, long = (ws, vs) if len(vs) > len(ws) else (vs, ws)
    if len(long) - len(short) != 1:
        return None
    a, b = [_cited(p) for p in short], [_cited(p) for p in long]
    before = list(itertools.accumulate((x == y for x, y in zip(a, b, strict=False)), initial=0))
    after = list(
        itertools.accumulate((x == y for x, y in zip(reversed(a), reversed(b), strict=False)), initial=0)
    )
    score = [before[k] + after[len(a) - k] for k in range(len(b))]
    best = [k for k, v in enumerate(score) if v == max(score)]
    return best[0] if len(best) == 1 else None


class _Aligner:
    def __init__(self, working: Document, version: Document, name: str, warn: Callable[[str], None]) -> None:
        self.working = working
        self.version = version
        self.name = name
        self.warn = warn
        self.names = labels(working)
        self.out = Translation(version.language)
        self.wnotes = {str(f.number): f for f in working.footnotes}
        self.vnotes = {str(f.number): f for f in version.footnotes}
        self.note_map: dict[str, str] = {}  # the version's note number -> the working note's
        self.left_out: list[str] = []  # working notes the version leaves out
        self.strict = False  # no fault read through (a version naming another document)

    def fail(self, where: str, why: str) -> Misaligned:
        return Misaligned(
            f"{self.name} does not align with the working text at {where}: {why}; nothing was written"
        )

    def paragraphs(
        self, ws: list[Paragraph], vs: list[Paragraph], part: str, parent: Paragraph | None = None
    ) -> None:
        hint = self.count_hint(ws, vs, part, parent)
        misprints = [
            i
            for i, (w, v) in enumerate(zip(ws, vs, strict=False))
            if w.marker != v.marker or w.number != v.number
        ]
        misprint = misprints[0] if not (hint or self.strict) and len(misprints) == 1 and len(ws) > 1 else None
        for i, (w, v) in enumerate(zip(ws, vs, strict=False)):
            self.paragraph(w, v, part, hint, misprint=i == misprint)
        if len(ws) > len(vs):
            raise self.fail(
                self.names.get(ws[len(vs)].id, part), f"the paragraph is missing from {self.name}"
            )
        if len(vs) > len(ws):
            after = f"after {self.names[ws[-1].id]}" if ws else "at its start"
            raise self.fail(
                part if not ws else self.names[ws[-1].id], f"{self.name} has one more paragraph {after}"
            )

    def footnote_refs(self, where: str, wr: list[str], vr: list[str], hint: str) -> None:
        """Pair the version's footnote references in one paragraph with the working text's, in order;
        where the version has fewer, the ones it leaves out are those whose figures leave the others
        paired with notes citing the same figures, and only when exactly one choice does."""
        if len(vr) < len(wr) and not (hint or self.strict):
            kept = self._kept_by_figures(wr, vr)
        else:
            kept = wr if len(wr) == len(vr) and (vr == wr or not self.strict) else None
        pairs = list(zip(vr, kept or [], strict=False))
        previous = max((int(b) for b in self.note_map.values()), default=0)
        if kept is None or any(
            self.note_map.get(a, b) != b or (int(b) <= previous and a not in self.note_map) for a, b in pairs
        ):
            refs, theirs = ", ".join(vr) or "none", ", ".join(wr) or "none"
            raise self.fail(where, f"footnotes {refs} here, {theirs} in the working text{hint}")
        self.note_map.update(pairs)
        for n in wr:
            if n not in kept:
                self.left_out.append(n)
                self.warn(
                    f"{self.name} leaves out footnote {n} of the working text (at {where}): "
                    "its translation is missing"
                )

    def _kept_by_figures(self, wr: list[str], vr: list[str]) -> list[str] | None:
        """The working text's references that the version's fewer ones (`vr`) stand for: the one choice,
        in order, whose notes cite the same figures as the version's, each of them; else None."""
        choices = list(itertools.combinations(wr, len(vr)))
        score = [
            sum(
                _figures(self.wnotes.get(a)) == _figures(self.vnotes.get(b))
                for a, b in zip(c, vr, strict=True)
            )
            for c in choices
        ]
        best = [c for c, s in zip(choices, score, strict=True) if s == max(score)]
        return list(best[0]) if len(best) == 1 and max(score) == len(vr) else None

    def count_hint(
        self, ws: list[Paragraph], vs: list[Paragraph], part: str, parent: Paragraph | None
    ) -> str:
        """When the two sides hold different numbers of paragraphs, what a difference found inside
        them most likely is: one paragraph added or left out before it. "" when the counts agree."""
        if len(ws) == len(vs):
            return ""
        what = f"{self.names.get(parent.id, parent.id)}'s sub-items" if parent else f"{part}'s paragraphs"
        counts = f" (this version counts {len(vs)} of {what}, the working text {len(ws)}: "
        at = _odd_one(ws, vs)
        if at is None:
            return counts + "one added or left out before this one)"
        if len(vs) > len(ws):
            after = f"after {self.names[ws[at - 1].id]}" if at else "before the first"
            return counts + f"by the figures they cite, the one added is its paragraph {at + 1}, {after})"
        return counts + f"by the figures they cite, the one left out is {self.names[ws[at].id]})"

    def paragraph(self, w: Paragraph, v: Paragraph, part: str, hint: str, misprint: bool = False) -> None:
        where = self.names.get(w.id, w.id)
        if w.number != v.number:
            if not (misprint and w.number is not None and v.number is not None):
                raise self.fail(
                    where, f"its number is {_number(v.number)}, the working text's {_number(w.number)}{hint}"
                )
            self.warn(
                f"{self.name} numbers {where} {v.number}, where {w.number} is due and every other "
                f"paragraph of the list agrees: read as {w.number} by its place"
            )
        marker = v.marker
        if w.marker != v.marker:
            if not (misprint and w.marker and v.marker):
                raise self.fail(where, f"its sub-item is ({v.marker}), the working text's ({w.marker}){hint}")
            self.warn(
                f"{self.name} prints ({v.marker}) at {where}, where ({w.marker}) is due and every other "
                f"sub-item of the list agrees: read as ({w.marker}) by its place"
            )
            marker = w.marker
        if len(w.headings) != len(v.headings):
            raise self.fail(
                where, f"{len(v.headings)} heading(s) before it, the working text {len(w.headings)}{hint}"
            )
        self.footnote_refs(where, _notes(w.text), _notes(v.text), hint)
        self.out.paragraphs[w.id] = TranslatedParagraph(
            v.text, digest(w.text), marker, v.opener, list(v.headings)
        )
        if v.items and not w.items:
            raise self.fail(where, f"{len(v.items)} sub-item(s) in {self.name}, none in the working text")
        self.paragraphs(w.items, v.items, part, w)

    def annex(self, index: int, w: Annex, v: Annex, words: Translation, part: str) -> None:
        where = f"{part}annex {index + 1}"
        words.headings[annex_key(w.id, index)] = v.title
        kinds = ["h" if isinstance(b, Heading) else "p" for b in w.blocks]
        if kinds != ["h" if isinstance(b, Heading) else "p" for b in v.blocks]:
            wh, vh = kinds.count("h"), sum(isinstance(b, Heading) for b in v.blocks)
            wp, vp = len(kinds) - wh, len(v.blocks) - vh
            first = next(
                (
                    i
                    for i, (a, b) in enumerate(zip(w.blocks, v.blocks, strict=False))
                    if type(a) is not type(b)
                ),
                min(len(w.blocks), len(v.blocks)),
            )
            before = next((b for b in w.blocks[first:] if isinstance(b, Paragraph)), None)
            at = self.names.get(before.id, where) if before else where
            raise self.fail(
                at, f"{where} has {vh} heading(s) and {vp} paragraph(s), the working text {wh} and {wp}"
            )
        for wb, vb in zip(w.blocks, v.blocks, strict=True):
            if isinstance(wb, Heading) and isinstance(vb, Heading) and wb.id:
                words.headings[wb.id] = vb.text
        self.paragraphs(w.paragraphs, v.paragraphs, where)

    def text(self, w: Document, v: Document, words: Translation, part: str) -> None:
        """One text's paragraphs and annexes (the document's, or one part's, `part` naming it), its
        annex titles and headings into `words`."""
        self.paragraphs(w.preamble, v.preamble, f"{part}the preamble")
        self.paragraphs(w.operative, v.operative, f"{part}the operative part")
        if len(w.annexes) != len(v.annexes):
            raise self.fail(
                f"{part}the annexes", f"{len(v.annexes)} annex(es), the working text {len(w.annexes)}"
            )
        for i, (wa, va) in enumerate(zip(w.annexes, v.annexes, strict=True)):
            self.annex(i, wa, va, words, part)

    def footnotes(self) -> None:
        """The version's footnotes under the working text's numbers (its references too), those it
        leaves out missing. A note referred to from no paragraph (the title's) pairs in order."""
        w, v = self.working, self.version
        rest_w = [
            str(f.number)
            for f in w.footnotes
            if str(f.number) not in {*self.note_map.values(), *self.left_out}
        ]
        rest_v = [str(f.number) for f in v.footnotes if str(f.number) not in self.note_map]
        if len(rest_w) != len(rest_v):
            wn, vn = len(w.footnotes) - len(self.left_out), len(v.footnotes)
            first = rest_w[0] if len(rest_w) > len(rest_v) else rest_v[0]
            raise self.fail(f"footnote {first}", f"{vn} footnote(s), the working text {wn}")
        to_working = {**self.note_map, **dict(zip(rest_v, rest_w, strict=True))}
        if any(a != b for a, b in to_working.items()):
            for tp in self.out.paragraphs.values():
                tp.text = REF.sub(lambda m: f"[^{to_working.get(m.group(1), m.group(1))}]", tp.text)
        self.out.footnotes = sorted(
            (replace(f, number=int(to_working[str(f.number)])) for f in v.footnotes), key=lambda f: f.number
        )
        have = {f.number for f in self.out.footnotes}
        self.out.footnote_sources = {f.number: digest(f.text) for f in w.footnotes if f.number in have}

    def run(self) -> Translation:
        w, v = self.working, self.version
        if _symbol(w.symbol) and _symbol(v.symbol) and _symbol(w.symbol) != _symbol(v.symbol):
            another = Misaligned(
                f"{self.name} is {v.symbol}, the working text {w.symbol}: another document; nothing was written"
            )
            self.strict = True
            try:
                out = self.aligned()
            except Misaligned:
                raise another from None
            self.warn(
                f"{self.name} names itself {v.symbol}, the working text {w.symbol}, but every paragraph, "
                "sub-item and footnote aligns: read as its version (check the symbol)"
            )
            return out
        return self.aligned()

    def aligned(self) -> Translation:
        w, v = self.working, self.version
        if v.language == w.language:
            raise Misaligned(
                f"{self.name} is in {v.language}, the working text's own language: give a version in "
                "another language (or --lang if its language was misread); nothing was written"
            )
        if len(w.parts) != len(v.parts):
            raise self.fail("its parts", f"{len(v.parts)} part(s), the working text {len(w.parts)}")
        self.text(w, v, self.out, "")
        for letter, wp, vp in zip(part_letters(w), w.parts, v.parts, strict=True):
            words = Translation(v.language, {k: getattr(vp, k) for k in FIELDS}, vp.closing)
            self.text(wp, vp, words, f"part {letter}: ")
            self.out.parts.append(words)
        self.footnotes()
        self.out.fields = {k: getattr(v, k) for k in FIELDS}
        self.out.closing = v.closing
        return self.out


def align(
    working: Document, version: Document, name: str, warn: Callable[[str], None] | None = None
) -> Translation:
    """`version` (read from the file `name`) as a translation of `working` under its paragraph ids;
    Misaligned, naming the first paragraph that does not align, when the structures differ. The
    faults read through are told to `warn`, one line each."""
    return _Aligner(working, version, name, warn or (lambda _line: None)).run()
