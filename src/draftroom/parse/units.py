"""Wrapped lines joined into logical units: paragraphs, annex labels and titles, headings, closing lines.

Whether a line starts a new paragraph depends on what came before: the previous paragraph must have
ended (its last character is one a paragraph of that part ends with: a comma in the preamble, a
semicolon or full stop in the operative part), and something must say the next one begins (a
number, a sub-item letter, a blank line where blank lines mean paragraphs, a short last line, a
deeper indent, an opening phrase after a page break).
"""

import re
from dataclasses import dataclass, field

from draftroom.lang.numbers import decimal
from draftroom.lang.scripts import width
from draftroom.model.document import TABLE_ROWS
from draftroom.model.limits import PARAGRAPH_CHARS, over_limit
from draftroom.parse import vocab
from draftroom.parse.lines import Line, join_pair
from draftroom.parse.wrapping import Wrapping

_TRAILING_MARKS = re.compile(
    r"(?:\s*(?:\[\^\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*{1,3})|(?<=[,.;:，。；：،؛”’)\]])\d{1,3}|\s\d{1,3})+$"
)
_GLUED_MARKER = re.compile(r"(?<=[^\s\d])\s?(\d{1,3})$")
_CLOSERS = '”“’"»)]）」』】'  # “ closes an Arabic quotation (”...“)
_ENDINGS = {
    "preamble": ",，،:：.。",
    "operative": ";；؛.。:：",
    "annex": ";；؛.。:：",
    "item": ",，،;；؛.。:：",
    "amend": ",，،;；؛.。:：",
}
CAPITALISED = ("en", "fr", "es")  # languages whose paragraphs never start with a small letter
# languages whose preambular openers (vocab.OPENERS) do not start a wrapped line inside a sentence:
# a capital "Recalling", Arabic "وإذ"; not Russian "отмечая" nor Chinese "回顾"
OPENERS_START = (*CAPITALISED, "ar")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass
class Unit:
    kind: str  # paragraph | annex | annex-title | heading | meeting | date
    text: str
    lines: list[str] = field(default_factory=list)  # the printed lines it was joined from


_TABLE_NOTE = re.compile(r"[a-z] \S")  # a note below a table, its letter set apart: "a See A/79/555."


def ends_paragraph(text: str, part: str) -> bool:
    t = _TRAILING_MARKS.sub("", text[-60:].rstrip()).rstrip()
    t = t.rstrip(_CLOSERS) if t[-1:] in _CLOSERS and t.rstrip(_CLOSERS)[-1:] in _ENDINGS[part] else t
    return bool(t) and t[-1] in _ENDINGS[part]


def _heading_line(text: str) -> bool:
    """A short line that starts with a capital and ends without punctuation: a heading."""
    t = text.strip()
    return 0 < len(t) <= 100 and t[:1].isupper() and t[-1:].isalnum()


def _starts_lower(text: str) -> bool:
    return text[:1].isalpha() and text[:1].islower()


def _line_kind(text: str) -> str:
    if vocab.NUMBERED.match(text):
        return "number"
    if vocab.ITEM.match(text):
        return "item"
    if vocab.OPENERS.match(text):
        return "opener"
    return "text"


class Joiner:
    """Feeds lines in order; collects units."""

    def __init__(self, wrapping: Wrapping, part: str, language: str, notes: set[int] | None = None) -> None:
        self.wrapping = wrapping
        self.capitalised = language in CAPITALISED
        self.openers_start = language in OPENERS_START
        self.notes = notes or set()
        self.part = part  # preamble | operative | annex | amend
        self.units: list[Unit] = []
        self.lines: list[Line] = []  # the lines of the paragraph being built
        self.text = ""
        self.in_item = False
        self.expect_annex_title = False
        self.marker_width = 0  # a marker alone on a line split the last visual line this wide
        self.carried = 0  # width of the visual line's start, before the marker, for its last piece
        self.glued = 0  # width of the visual line before the last line, when a line broke after a marker
        self.number: int | None = None  # the number of the last numbered paragraph
        self.next_line: Line | None = None  # the line after the one being fed

    def run(self, lines: list[Line]) -> list[Unit]:
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            prv = lines[i - 1] if i else None
            self.feed(line, prv, nxt)
        self.flush()
        return self.units

    def feed(self, line: Line, prv: Line | None, nxt: Line | None) -> None:
        t = line.text
        self.next_line = nxt
        if self.expect_annex_title:
            if not self.lines or self._continues_title(line):
                self._add(line)
                return
            self._close("annex-title")
        special = self._special(t, prv, nxt)
        if special:
            self.flush()
            self.units.append(Unit(special, t))
            if special == "annex":
                self.part, self.expect_annex_title, self.number = "annex", True, None
            return
        if self.lines and self._lone_marker(t):
            self.text += t  # a note marker the extractor set on a line of its own
            self.marker_width += width(t)
            return
        if self.lines and not self._breaks(line):
            self._add(line)
            return
        self.flush()
        self._add(line)

    def _special(self, t: str, prv: Line | None, nxt: Line | None) -> str | None:
        if vocab.ANNEX.match(t):
            return "annex"
        if vocab.MEETING.match(t):
            return "meeting"
        if vocab.DATE.match(t) and any(x and vocab.MEETING.match(x.text) for x in (prv, nxt)):
            return "date"
        if self.part == "annex" and not self.expect_annex_title and self._heading(t):
            return "heading"
        return None

    def _heading(self, t: str) -> bool:
        m = vocab.HEADING.match(t)
        return (
            bool(m)
            and width(t) <= 160
            and not ends_paragraph(t, "item")
            and not (self.lines and not ends_paragraph(self.text, self._ending_part()))
        )

    def _rest_of_printed_line(self, prev: Line, line: Line, kind: str, ended: bool) -> bool:
        """`prev` broke after a note marker and `line` fits on the rest of that printed line."""
        if kind in ("number", "item") or line.blank_before or line.cut_before or not self.wrapping.full:
            return False
        if ended and kind == "opener" and self.openers_start:
            return False
        if not self._broke_at_marker(prev) or self.wrapping.starts_deeper(line):
            return False
        return self.glued + width(prev.text) + prev.indent + 1 + width(line.text) <= self.wrapping.full

    def _broke_at_marker(self, line: Line) -> bool:
        """The line ends with a note marker glued to it ("Crime11"): an extractor that breaks the
        line after a raised number goes on with the same printed line."""
        m = _GLUED_MARKER.search(line.text[-6:])
        return m is not None and int(m.group(1)) in self.notes

    def _lone_marker(self, t: str) -> bool:
        digits = t.translate(_SUPERSCRIPT_DIGITS)
        return decimal(digits, 3) in self.notes

    def _continues_title(self, line: Line) -> bool:
        """The next printed line of an annex title: no blank line before it (where lines are whole
        paragraphs, a title's lines are still lines of one block)."""
        return (
            not line.blank_before
            and not line.cut_before
            and _line_kind(line.text) == "text"
            and not ends_paragraph(self.text, "item")
        )

    def _short_line(self, line: Line) -> bool:
        """Well short of the text's full line: not a wrapped line of a paragraph."""
        return not self.wrapping.full or width(line.text) + line.indent < 0.6 * self.wrapping.full

    def _short_heading(self) -> bool:
        """The unit so far is a line or two set apart that ends without punctuation: a heading
        ("I" / "Legislative activities") that a numbered paragraph follows after a blank."""
        return (
            0 < len(self.text) <= 400
            and not self.text[:1].islower()
            and len(self.lines) <= 6
            and all(len(ln.text) <= 160 for ln in self.lines)
        )

    def _next_number(self, t: str) -> bool:
        """Set apart where blank lines mark paragraphs and numbered next in sequence: a paragraph,
        though the one before it does not end as paragraphs do (a comma for a semicolon)."""
        m = vocab.NUMBERED.match(t)
        return (
            self.wrapping.blanks_mark_paragraphs
            and m is not None
            and self.number is not None
            and int(m.group("n")) == self.number + 1
        )

    def _opener_after_slip(self, line: Line, kind: str) -> bool:
        """A preambular paragraph that ends as an operative one does (a semicolon for a comma, a slip
        of the UN's own texts) followed, set apart, by a preambular opener: the next paragraph."""
        return (
            self.part == "preamble"
            and kind == "opener"
            and self.openers_start
            and ends_paragraph(self.text, "operative")
            and (not self.wrapping.full or line.blank_before or line.cut_before)
        )

    def _ending_part(self) -> str:
        return "item" if self.in_item else self.part

    def _breaks(self, line: Line) -> bool:
        """Whether `line` opens a new unit rather than going on with the one being fed."""
        t = line.text
        if vocab.bare_label(self.text):
            return False
        if TABLE_ROWS in self.text or TABLE_ROWS in t:  # a table is a block of its own
            return True
        if _TABLE_NOTE.match(t) and self._after_table():
            return True
        kind = _line_kind(t)
        ended = ends_paragraph(self.text, self._ending_part())
        prev = self.lines[-1]
        if self._rest_of_marker_line(prev, line, kind):
            return False
        if self._rest_of_printed_line(prev, line, kind, ended):
            return False
        if not ended:
            return (
                kind == "number" and line.blank_before and (self._short_heading() or self._next_number(t))
            ) or (self._opener_after_slip(line, kind))
        return self._breaks_after_end(prev, line, kind)

    def _rest_of_marker_line(self, prev: Line, line: Line, kind: str) -> bool:
        """The line is the rest of the visual line the marker was cut out of (where it starts is
        carried to the next line's judgement)."""
        if not self.marker_width or kind in ("number", "item"):
            return False
        start = width(prev.text) + prev.indent + self.marker_width
        self.marker_width = 0
        if (
            (start + width(line.text) <= 1.1 * self.wrapping.full)
            if self.wrapping.full
            else not line.blank_before
        ):
            self.carried = start
            return True
        return False

    def _breaks_after_end(self, prev: Line, line: Line, kind: str) -> bool:
        """Whether `line` opens a new unit after a unit that ends as a paragraph does: by its kind, a
        heading set apart, its indent, or how the lines wrap."""
        t = line.text
        if kind in ("number", "item"):
            return True
        if self._ending_part() == "preamble" and self.text.rstrip()[-1:] in ":：" and not line.blank_before:
            return False  # a preambular paragraph's colon leads into its items, else a name goes on
        if (
            self.capitalised
            and line.blank_before
            and _heading_line(t)
            and (self._short_line(line) or self._numbered_next())
        ):
            # a heading set apart after a paragraph's end ("Part I", "Peacebuilding Commission"), or,
            # as long as a line, set apart before a numbered paragraph
            return True
        if self.capitalised and _starts_lower(t):
            return False
        deeper = self.wrapping.starts_deeper(line)
        carried, self.carried = self.carried + self.glued, 0
        if line.cut_before:
            return (
                self.wrapping.ends_short(prev, line, carried)
                or (kind == "opener" and self.openers_start)
                or deeper
            )
        if not self.wrapping.full:
            # lines are whole paragraphs, blank lines between them: a line straight after a short
            # block is its next line (a heading's: "... Agenda 2063:" / "The Africa We Want")
            blocks = self.wrapping.blank_lines
            return not blocks or line.blank_before or line.cut_before or not self._short_heading()
        if self.wrapping.blanks_mark_paragraphs:
            return line.blank_before or (kind == "opener" and self.openers_start)
        return (
            self.wrapping.ends_short(prev, line, carried)
            or deeper
            or (kind == "opener" and self.openers_start)
        )

    def _numbered_next(self) -> bool:
        """The line after the one being fed opens a numbered paragraph, set apart by a blank line."""
        nxt = self.next_line
        return nxt is not None and nxt.blank_before and _line_kind(nxt.text) == "number"

    def _after_table(self) -> bool:
        """The units so far end with a table and the notes set below it, if any."""
        for unit in reversed(self.units):
            if TABLE_ROWS in unit.text:
                return True
            if not _TABLE_NOTE.match(unit.text):
                return False
        return False

    def _add(self, line: Line) -> None:
        self.marker_width = 0
        last = self.lines[-1] if self.lines else None
        self.glued = (
            self.glued + width(last.text) + last.indent if last and self._broke_at_marker(last) else 0
        )
        if not self.lines:
            self.carried = 0
        if not self.lines and not self.expect_annex_title:
            self._track(line.text)
        if vocab.bare_label(self.text):
            self.text = f"{self.text} {line.text}"
        else:
            self.text = join_pair(self.text, line.text, self.lines[-1].tight_end if self.lines else False)
        if len(self.text) > PARAGRAPH_CHARS.value:  # each line joined copies the paragraph so far
            raise over_limit(PARAGRAPH_CHARS, f"the paragraph that starts {self.text[:40]!r}", len(self.text))
        self.lines.append(line)

    def _close(self, kind: str) -> None:
        self.units.append(Unit(kind, self.text, [ln.text for ln in self.lines]))
        self.lines, self.text = [], ""
        self.expect_annex_title = False

    def flush(self) -> None:
        if not self.lines:
            return
        if self.expect_annex_title:
            self._close("annex-title")
            return
        self._close("paragraph")

    def _track(self, text: str) -> None:
        """Follow the part the text is in, for the endings of the next paragraphs."""
        if m := vocab.NUMBERED.match(text):
            self.in_item, self.number = False, int(m.group("n"))
            if self.part == "preamble":
                self.part = "operative"
        elif vocab.ITEM.match(text):
            self.in_item = True
        else:
            self.in_item = False
