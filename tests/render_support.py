"""Render a Document as text a PDF extractor could have given: wrapped at some width, notes dropped in
ruled blocks at line breaks with page furniture after them, markers as superscripts, glued digits,
digits alone on a line or `[^N]`, numbers and sub-item letters alone on their lines or not.

Breaks are never placed where the text itself would be ambiguous to any reader: not after a hyphen,
not before something that reads as a paragraph number, a sub-item letter or an opening phrase.
"""

import random
import re
from dataclasses import dataclass

from draftroom.model import Document, Heading, Paragraph
from draftroom.parse import vocab
from draftroom.parse.lines import is_cjk, width

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MARKER_STYLES = ("superscript", "glued", "own-line", "canonical")
LAYOUTS = ("blank-between-paragraphs", "blank-after-every-line", "one-paragraph-per-line")
_REF = re.compile(r"\[\^(\d+)\]")
_SPECIAL = (vocab.ANNEX, vocab.MEETING, vocab.DATE, vocab.NUMBERED, vocab.ITEM, vocab.HEADING, vocab.BODY)


@dataclass
class Style:
    width: int
    markers: str
    layout: str
    labels_alone: bool
    block_every: int  # a note block after about this many body lines


def _markers(text: str, style: str) -> str:
    def one(m: re.Match[str]) -> str:
        n = m.group(1)
        before = text[: m.start()]
        if style == "canonical":
            return m.group(0)
        glued_ok = not re.search(r"\d$", before) or re.search(r"(?<!\d)(?:19|20)\d\d$", before)
        if style == "superscript" or not glued_ok:
            return n.translate(SUPERSCRIPT)
        if style == "own-line":
            return f"\n{n}\n"
        return n

    text = re.sub(r"(\[\^\d+\])(?=\[\^)", r"\1,", text) if style in ("glued", "own-line") else text
    return _REF.sub(one, text)


def _ok_line(line: str, first: bool) -> bool:
    t = line.strip()
    if not t:
        return False
    if not first and (any(p.match(t) for p in _SPECIAL) or vocab.OPENERS.match(t) or t[0] in "(（"):
        return False
    return not re.match(r"^\d", t) or first


def _wrap(text: str, width_: int, cjk: bool) -> list[str]:
    """Greedy wrap; a piece that would start badly stays on the line before."""
    pieces = re.findall(r"\[\^\d+\]|\d+|[A-Za-z/.\-]+|\s+|.", text) if cjk else re.findall(r"\S+\s*", text)
    lines, cur = [], ""
    for piece in pieces:
        if cur and width(cur + piece) > width_:
            cut_ok = (
                _ok_line(piece + "x", False) and not cur.endswith(("-", " "))
                if cjk
                else (_ok_line(piece, False) and not cur.rstrip().endswith("-"))
            )
            if cut_ok and not piece.isspace():
                lines.append(cur.rstrip())
                cur = piece
                continue
        cur += piece
    lines.append(cur.rstrip())
    return [ln for ln in lines if ln]


class Renderer:
    def __init__(self, doc: Document, style: Style, rnd: random.Random) -> None:
        self.doc, self.style, self.rnd = doc, style, rnd
        self.cjk = doc.language == "zh"
        self.out: list[str] = []
        self.defined: set[int] = set()
        self.referred: list[int] = []
        self.since_block = 0
        self.page = 1

    def render(self) -> str:
        self._head()
        body = self.doc.body + ("，" if self.cjk else ",") if self.doc.preamble else self.doc.body
        self._block(body, wrap=False)
        for p in self.doc.preamble:
            self._paragraph(p, None)
        for p in self.doc.operative:
            self._paragraph(p, p.number)
        if self.doc.closing.meeting:
            self._block(self.doc.closing.meeting, wrap=False)
        if self.doc.closing.date:
            self._block(self.doc.closing.date, wrap=False)
        for n, annex in enumerate(self.doc.annexes, 1):
            label = "附件" if self.cjk else "Annex"
            self._block(
                f"{label} {'I' * n}" if len(self.doc.annexes) > 1 and not self.cjk else label, wrap=False
            )
            self._block(annex.title, wrap=False)
            for block in annex.blocks:
                if isinstance(block, Heading):
                    self._block(block.text, wrap=False)
                else:
                    self._paragraph(block, block.number)
        self._notes(final=True)
        return "\n".join(self.out) + "\n"

    def _head(self) -> None:
        d = self.doc
        for line in (
            "United Nations",
            d.symbol,
            "General Assembly",
            "Distr.: Limited",
            d.date,
            "25-12345 (E)  011225",
            "*2512345*",
        ):
            if line:
                self.out.append(line)
        self.out.append("")
        for line in (d.session, d.committee):
            if line:
                self.out.append(line)
        if d.agenda_item:
            self.out.append(f"议程项目 {d.agenda_item}" if self.cjk else f"Agenda item {d.agenda_item}")
        if d.agenda_title:
            self.out.append(d.agenda_title)
        self.out.append("")
        if d.kind == "resolution":
            self.out.append(
                f"{d.adopted_on}大会决议"
                if self.cjk
                else f"Resolution adopted by the General Assembly on {d.adopted_on}"
            )
            if d.report_line:
                self.out.append(d.report_line)
            self._block(f"{d.resolution_number}. {d.title}", wrap=True)
            return
        self._block(self._sponsor_line(), wrap=True)
        self._block(d.title, wrap=True)

    def _sponsor_line(self) -> str:
        d = self.doc
        names = d.sponsors
        revised = d.kind == "revised-draft"
        if self.cjk:
            listed = "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else names[0]
            return f"{listed}：{'订正' if revised else ''}决议草案"
        if names == ["President of the General Assembly"]:
            return "Draft resolution submitted by the President of the General Assembly"
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        return f"{listed}: {'revised ' if revised else ''}draft resolution"

    def _paragraph(self, p: Paragraph, number: int | None, marker: str | None = None) -> None:
        label = f"{number}." if number is not None else (f"({marker})" if marker else "")
        if label and self.style.labels_alone:
            self._emit([label], indent=False)
            self._block(p.text, wrap=True, gap=False)
        else:
            self._block(f"{label} {p.text}" if label else p.text, wrap=True)
        for item in p.items:
            self._paragraph(item, None, item.marker)

    def _block(self, text: str, wrap: bool, gap: bool = True) -> None:
        self.referred.extend(int(n) for n in _REF.findall(text) if int(n) not in self.referred)
        text = _markers(text, self.style.markers)
        lines: list[str] = []
        for part in text.split("\n"):
            if re.fullmatch(r"\d+", part.strip()):
                lines.append(part.strip())
            elif wrap and self.style.layout != "one-paragraph-per-line":
                lines.extend(_wrap(part.strip(), self.style.width, self.cjk))
            elif part.strip():
                lines.append(part.strip())
        if lines and self.style.markers == "own-line":
            lines = _merge_markers_into_flow(lines)
        self._emit(lines, indent=True, gap=gap)

    def _emit(self, lines: list[str], indent: bool, gap: bool = True) -> None:
        layout = self.style.layout
        if gap and layout != "blank-after-every-line" and self.out and self.out[-1] != "":
            self.out.append("")
        for i, line in enumerate(lines):
            lead = " " if layout == "blank-after-every-line" and i == 0 and indent else ""
            self.out.append(lead + line)
            if layout == "blank-after-every-line":
                self.out.append("")
            self.since_block += 1
            last = i == len(lines) - 1
            if self.since_block >= self.style.block_every and self.rnd.random() < 0.5 and not last:
                self._notes(final=False)

    def _notes(self, final: bool) -> None:
        due = [n for n in self.referred if n not in self.defined]
        self.since_block = 0
        if not due and not final:
            return
        if due:
            self.out += ["", "__________________", ""]
            for n in due:
                note = next(f.text for f in self.doc.footnotes if f.number == n)
                self.out += [f"{n} {note}", ""]
                self.defined.add(n)
        if not final:
            self.page += 1
            self.out += [self.doc.symbol or "A/80/L.99", "", "25-12345", f"{self.page}/9", ""]


def _merge_markers_into_flow(lines: list[str]) -> list[str]:
    """Keep a marker alone on its line only where it follows text (never at the start of a block)."""
    while lines and re.fullmatch(r"\d+", lines[0]):
        lines = lines[1:]
    return lines


def render(doc: Document, style: Style, seed: int) -> str:
    return Renderer(doc, style, random.Random(seed)).render()


def is_cjk_text(text: str) -> bool:
    return any(is_cjk(c) for c in text[:200])
