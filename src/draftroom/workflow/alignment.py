"""Aligning a version of the text in another language with the working text, checked, never guessed.

Two versions align when they are the same resolution with the same structure: the same parts, the
same number of paragraphs in each, the same numbers, the same sub-items (by marker, which the model
keeps language-neutral: "a", "ii"), the same headings before the same paragraphs, the same annexes
with their headings, the same footnotes referred to from the same paragraphs. Each paragraph of the
version then takes the working paragraph's stable id. The first place where they differ is named in
one line, by the working text's label.
"""

import re

from draftroom.errors import DraftroomError
from draftroom.model import Annex, Document, Heading, Paragraph, labels, part_letters
from draftroom.model.translation import FIELDS, TranslatedParagraph, Translation, annex_key, digest

_NOTE_REF = re.compile(r"\[\^(\d+)\]")


class Misaligned(DraftroomError):
    """A version whose structure does not match the working text's."""


def _symbol(symbol: str | None) -> str:
    return re.sub(r"\s+", "", symbol or "").upper()


def _number(n: int | None) -> str:
    return "none" if n is None else str(n)


def _notes(text: str) -> list[str]:
    return _NOTE_REF.findall(text)


class _Aligner:
    def __init__(self, working: Document, version: Document, name: str) -> None:
        self.working = working
        self.version = version
        self.name = name
        self.names = labels(working)
        self.out = Translation(version.language)

    def fail(self, where: str, why: str) -> Misaligned:
        return Misaligned(
            f"{self.name} does not align with the working text at {where}: {why}; nothing was written"
        )

    def paragraphs(
        self, ws: list[Paragraph], vs: list[Paragraph], part: str, parent: Paragraph | None = None
    ) -> None:
        hint = self.count_hint(ws, vs, part, parent)
        for w, v in zip(ws, vs, strict=False):
            self.paragraph(w, v, part, hint)
        if len(ws) > len(vs):
            raise self.fail(
                self.names.get(ws[len(vs)].id, part), f"the paragraph is missing from {self.name}"
            )
        if len(vs) > len(ws):
            after = f"after {self.names[ws[-1].id]}" if ws else "at its start"
            raise self.fail(
                part if not ws else self.names[ws[-1].id], f"{self.name} has one more paragraph {after}"
            )

    def count_hint(
        self, ws: list[Paragraph], vs: list[Paragraph], part: str, parent: Paragraph | None
    ) -> str:
        """When the two sides hold different numbers of paragraphs, what a difference found inside
        them most likely is: one paragraph added or left out before it. "" when the counts agree."""
        if len(ws) == len(vs):
            return ""
        what = f"{self.names.get(parent.id, parent.id)}'s sub-items" if parent else f"{part}'s paragraphs"
        return (
            f" (this version counts {len(vs)} of {what}, the working text {len(ws)}: one added or left out"
            " before this one)"
        )

    def paragraph(self, w: Paragraph, v: Paragraph, part: str, hint: str) -> None:
        where = self.names.get(w.id, w.id)
        if w.number != v.number:
            raise self.fail(
                where, f"its number is {_number(v.number)}, the working text's {_number(w.number)}{hint}"
            )
        if w.marker != v.marker:
            raise self.fail(where, f"its sub-item is ({v.marker}), the working text's ({w.marker}){hint}")
        if len(w.headings) != len(v.headings):
            raise self.fail(
                where, f"{len(v.headings)} heading(s) before it, the working text {len(w.headings)}{hint}"
            )
        if _notes(w.text) != _notes(v.text):
            refs, theirs = ", ".join(_notes(v.text)) or "none", ", ".join(_notes(w.text)) or "none"
            raise self.fail(where, f"footnotes {refs} here, {theirs} in the working text{hint}")
        self.out.paragraphs[w.id] = TranslatedParagraph(
            v.text, digest(w.text), v.marker, v.opener, list(v.headings)
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

    def run(self) -> Translation:
        w, v = self.working, self.version
        if _symbol(w.symbol) and _symbol(v.symbol) and _symbol(w.symbol) != _symbol(v.symbol):
            raise Misaligned(
                f"{self.name} is {v.symbol}, the working text {w.symbol}: another document; nothing was written"
            )
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
        wn, vn = [f.number for f in w.footnotes], [f.number for f in v.footnotes]
        if wn != vn:
            first = next((a for a, b in zip(wn, vn, strict=False) if a != b), None)
            first = first if first is not None else (wn[len(vn)] if len(wn) > len(vn) else vn[len(wn)])
            raise self.fail(f"footnote {first}", f"{len(vn)} footnote(s), the working text {len(wn)}")
        self.out.footnotes = list(v.footnotes)
        self.out.footnote_sources = {f.number: digest(f.text) for f in w.footnotes}
        self.out.fields = {k: getattr(v, k) for k in FIELDS}
        self.out.closing = v.closing
        return self.out


def align(working: Document, version: Document, name: str) -> Translation:
    """`version` (read from the file `name`) as a translation of `working` under its paragraph ids;
    Misaligned, naming the first paragraph that does not align, when the structures differ."""
    return _Aligner(working, version, name).run()
