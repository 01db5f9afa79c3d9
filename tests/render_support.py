"""Render a Document as text a PDF extractor could have given: wrapped at some width, notes dropped in
ruled blocks at line breaks with page furniture after them, markers as superscripts, glued digits,
digits alone on a line or `[^N]`, numbers and sub-item letters alone on their lines or not.

Lines are never broken where the text itself would be ambiguous to any reader: not after a hyphen,
not before something that reads as a paragraph number, a sub-item letter, a note number or an
opening phrase.
"""

import random
import re
from dataclasses import dataclass

from draftroom.lang.scripts import is_cjk, width
from draftroom.model import Document, Heading, Paragraph
from draftroom.parse import vocab

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MARKER_STYLES = ("superscript", "glued", "own-line", "canonical")
LAYOUTS = ("blank-between-paragraphs", "blank-after-every-line", "one-paragraph-per-line")
_REF = re.compile(r"\[\^(\d+)\]")
_WORDS = {  # language: last-name joiner, sponsor-line ending, agenda item line
    "en": (" and ", ": draft resolution", "Agenda item {}"),
    "fr": (" et ", " : projet de résolution", "Point {} de l’ordre du jour"),
    "es": (" y ", ": proyecto de resolución", "Tema {} del programa"),
    "ru": (" и ", ": проект резолюции", "Пункт {} повестки дня"),
    "zh": ("和", "：决议草案", "议程项目 {}"),
}


@dataclass
class Style:
    width: int
    markers: str
    layout: str
    labels_alone: bool
    block_every: int  # a note block after about this many body lines


def _visible(text: str) -> str:
    """Text without the marks that say which note a rendered marker stands for."""
    return re.sub(r"\x01\d+\x03|\x02", "", text)


def _markers(text: str, style: str) -> str:
    """Each marker rendered in the style, framed as \\x01N\\x03<marker>\\x02 so that the renderer knows
    on which line each note was referred to."""
    if style in ("glued", "own-line"):
        text = re.sub(r"(\[\^\d+\])(?=\[\^)", r"\1,", text)  # "10,11" as printed

    def one(m: re.Match[str]) -> str:
        return f"\x01{m.group(1)}\x03{shown(m)}\x02"

    def shown(m: re.Match[str]) -> str:
        n = m.group(1)
        before, after = text[: m.start()], text[m.end() : m.end() + 1]
        if style == "canonical":
            return m.group(0)
        glued_ok = not re.search(r"\d$", before) or re.search(r"(?<!\d)(?:19|20)\d\d$", before)
        if style == "superscript" or not glued_ok:
            return n.translate(SUPERSCRIPT)
        if style == "own-line" and (after == " " or (after and is_cjk(after))):
            return f"\x00{n}\x00"  # split out of its visual line after wrapping
        return n

    return _REF.sub(one, text)


def _bad_start(piece: str, cjk: bool) -> bool:
    """A line starting with this piece could read as a label, an opening phrase or a note marker."""
    t = _visible(piece).replace("\x00", "").strip()
    if not t or t[0] in "(（[，。；：、）》」』”’" or t[0].isdigit():
        return True
    return not cjk and (bool(vocab.OPENERS.match(t + " x")) or t[0] in ",.;:")


def _wrap(text: str, width_: int, cjk: bool) -> list[str]:
    """Greedy wrap; never where the next line would start badly, nor after a hyphen."""
    cjk_pieces = r"\x01\d+\x03[^\x02]*\x02|[A-Za-z0-9/.\-]+|\s+|."
    pieces = re.findall(cjk_pieces, text) if cjk else re.findall(r"\S+\s*", text)
    lines, cur = [], ""
    for piece in pieces:
        fits = width(_visible(cur + piece).rstrip()) <= width_
        if cjk:  # a break joins back with no space: only next to a Chinese character
            seen, nxt = _visible(cur), _visible(piece)
            ends = cur.endswith(" ") or not (seen and nxt and (is_cjk(seen[-1]) or is_cjk(nxt[0])))
        else:
            ends = cur.rstrip().endswith("-")
        breakable = cur and not piece.isspace() and not ends and not _bad_start(piece, cjk)
        if not fits and breakable:
            lines.append(cur.rstrip())
            cur = piece
        else:
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
        d = self.doc
        self._head()
        if self.style.layout == "blank-after-every-line":  # as such extractors give the head too
            self.out = [x for line in self.out for x in ((line, "") if line else ())]
        self._block(d.body + ("，" if self.cjk else ",") if d.preamble else d.body, wrap=False)
        for p in d.preamble:
            self._paragraph(p, None)
        for p in d.operative:
            self._paragraph(p, p.number)
        for line in (d.closing.meeting, d.closing.date):
            if line:
                self._block(line, wrap=False)
        for n, annex in enumerate(d.annexes, 1):
            label = "附件" if self.cjk else "Annex"
            self._block(f"{label} {'I' * n}" if len(d.annexes) > 1 and not self.cjk else label, wrap=False)
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
        masthead = (
            "United Nations",
            d.symbol,
            "General Assembly",
            "Distr.: Limited",
            d.date,
            f"{d.job_number} (E)  011225" if d.job_number else None,
        )
        self.out += [line for line in masthead if line] + ["*2512345*", ""]
        self.out += [line for line in (d.session, d.committee) if line]
        if d.agenda_item:
            self.out.append(_WORDS[d.language][2].format(d.agenda_item))
        if d.agenda_title:
            self.out.append(d.agenda_title)
        self.out.append("")
        if d.kind == "resolution":
            adopted = (
                f"{d.adopted_on}大会决议"
                if self.cjk
                else f"Resolution adopted by the General Assembly on {d.adopted_on}"
            )
            self.out += [adopted] + ([d.report_line] if d.report_line else [])
            self._block(f"{d.resolution_number}. {d.title}", wrap=True)
            return
        self._block(self._sponsor_line(), wrap=True)
        self._block(d.title, wrap=True)

    def _sponsor_line(self) -> str:
        d = self.doc
        if d.sponsors == ["President of the General Assembly"]:
            return "Draft resolution submitted by the President of the General Assembly"
        last, ending, _ = _WORDS[d.language]
        names = d.sponsors
        listed = (
            ("、" if self.cjk else ", ").join(names[:-1]) + last + names[-1] if len(names) > 1 else names[0]
        )
        if d.kind == "revised-draft":
            ending = ending.replace("决议草案", "订正决议草案").replace("draft", "revised draft")
        return listed + ending

    def _paragraph(self, p: Paragraph, number: int | None, marker: str | None = None) -> None:
        label = f"{number}." if number is not None else (f"({marker})" if marker else "")
        if label and self.style.labels_alone:
            self._emit([label], indent=True)
            self._block(p.text, wrap=True, gap=False, indent=False)
        else:
            self._block(f"{label} {p.text}" if label else p.text, wrap=True)
        for item in p.items:
            self._paragraph(item, None, item.marker)

    def _block(self, text: str, wrap: bool, gap: bool = True, indent: bool = True) -> None:
        text = _markers(text, self.style.markers)
        if wrap and self.style.layout != "one-paragraph-per-line":
            visual = _wrap(text, self.style.width, self.cjk)
        else:
            visual = [text]
        lines, ends = [], []  # ends: the piece ends a visual line (a page can break after it)
        for line in visual:
            pieces = [piece.strip() for piece in line.split("\x00") if _visible(piece).strip()]
            lines += pieces
            ends += [False] * (len(pieces) - 1) + [True]
        self._emit(lines, indent=indent, gap=gap, ends=ends)

    def _emit(self, lines: list[str], indent: bool, gap: bool = True, ends: list[bool] | None = None) -> None:
        every_line = self.style.layout == "blank-after-every-line"
        if gap and not every_line and self.out and self.out[-1] != "":
            self.out.append("")
        for i, line in enumerate(lines):
            self.referred += [
                int(n) for n in re.findall(r"\x01(\d+)\x03", line) if int(n) not in self.referred
            ]
            self.out.append((" " if every_line and i == 0 and indent else "") + _visible(line))
            if every_line:
                self.out.append("")
            self.since_block += 1
            at_end = ends is None or ends[i]
            if (
                at_end
                and i < len(lines) - 1
                and self.since_block >= self.style.block_every
                and self.rnd.random() < 0.5
            ):
                self._notes(final=False)

    def _notes(self, final: bool) -> None:
        """A ruled block with the notes referred to so far, then the next page's header."""
        due = [n for n in self.referred if n not in self.defined]
        self.since_block = 0
        if due:
            self.out += ["", "__________________", ""]
            for n in due:
                note = next(f.text for f in self.doc.footnotes if f.number == n)
                self.out += [f"{n} {note}", ""]
                self.defined.add(n)
        if due and not final:
            self.page += 1
            job = [self.doc.job_number] if self.doc.job_number else []
            self.out += [self.doc.symbol or "A/80/L.99", "", *job, f"{self.page}/9", ""]


def render(doc: Document, style: Style, seed: int) -> str:
    return Renderer(doc, style, random.Random(seed)).render()
