"""Footnotes in extracted text: taking the notes out of the line stream, and finding their markers.

Notes come as `[^N]: text` lines (the canonical form), as blocks under a `____` rule ("1  Resolution
64/293."), or as lines opening with superscript digits ("¹ 第 55/2 号决议。"). Markers come as `[^N]`,
superscript digits, digits glued to a word or to punctuation ("Persons,1", "Women13", "》5"), a year
with the number glued on ("20172" for 2017 + note 2), or digits standing alone between spaces ("Crime
5 and"). Notes are defined, and first referred to, in increasing order: the parser relies on it to
tell a marker from a number in the text.
"""

import re
from dataclasses import dataclass, field

from draftroom.lang.numbers import decimal
from draftroom.lang.scripts import IDEOGRAPHS, is_cjk
from draftroom.model.limits import FOOTNOTES
from draftroom.parse import vocab
from draftroom.parse.lines import Line, join_pair

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
CANONICAL_DEF = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
RULE = re.compile(r"^[_＿]{5,}$")
_SUP_DEF = re.compile(rf"^([{SUPERSCRIPTS}]{{1,4}})\s*(\S.*)$")
_PLAIN_DEF = re.compile(
    rf"^(?:(\d{{1,3}})(?:\s+|(?=[{IDEOGRAPHS}《“]))|\((\d{{1,3}})\)\s*)(\S.*)$"
)  # "1 ", Arabic "(1) "
STAR_NOTE = re.compile(r"^(\*{1,3})\s*([^\s*\d].*)$")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:No|Nos|vol|vols|para|paras|chap|sect|p|pp|Corr|Add|Rev|art|arts|e\.g|i\.e|etc|op|cit|Suppl|ed|eds)\.|\b[A-Z]\.)$"
)
_TERMINAL = (".", "。", ")", "）")


@dataclass
class Notes:
    """Footnote texts by number, and asterisk notes by their marker ("*", "**")."""

    numbered: dict[int, str] = field(default_factory=dict)
    starred: dict[str, str] = field(default_factory=dict)


def _ended(text: str) -> bool:
    """A note's text (its last `_TAIL` characters are enough) looks complete: UN notes end with a
    full stop."""
    t = text.rstrip()
    return t.endswith(_TERMINAL) and not _ABBREVIATION_END.search(t)


_TAIL = 200  # of a note's text, enough for `_ended` (the abbreviations are short)


def _def_start(line: Line, expected: int, in_block: bool, body: list[Line]) -> tuple[int, str] | None:
    m = _SUP_DEF.match(line.text)
    if m and int(m.group(1).translate(_SUP_TO_DIGIT)) == expected and _referred(m.group(1), body):
        return expected, m.group(2)
    if in_block:
        m = _PLAIN_DEF.match(line.text)
        if m and int(m.group(1) or m.group(2)) == expected:
            return expected, m.group(3)
        if line.text.strip("()") == str(expected):  # the number set on a line of its own
            return expected, ""
    return None


class _Growing:
    """Notes' texts as they grow line by line, kept as pieces: joining each line to the whole text
    would be quadratic in a long note. `join_pair` reads only the last two characters of the left
    side, so joining them alone decides the same."""

    def __init__(self) -> None:
        self.pieces: dict[int | str, list[str]] = {}

    def set(self, key: int | str, text: str) -> None:
        self.pieces[key] = [text]

    def tail(self, key: int | str) -> str:
        """The last `_TAIL` characters of the note's text (all of it when shorter)."""
        out: list[str] = []
        need = _TAIL
        for piece in reversed(self.pieces[key]):
            if need <= 0:
                break
            out.append(piece[-need:])
            need -= len(out[-1])
        return "".join(reversed(out))

    def append(self, key: int | str, line: Line) -> None:
        pieces = self.pieces[key]
        edge = self.tail(key)[-2:]
        joined = join_pair(edge, line.text, line.tight_end)
        if joined.startswith(edge):
            pieces.append(joined[len(edge) :])
            return
        while not pieces[-1]:  # a soft hyphen ended the text: it goes
            pieces.pop()
        pieces[-1] = pieces[-1][:-1]
        pieces.append(joined[len(edge) - 1 :])

    def notes(self) -> Notes:
        out = Notes()
        for key, pieces in self.pieces.items():
            if isinstance(key, int):
                out.numbered[key] = "".join(pieces)
            else:
                out.starred[key] = "".join(pieces)
        return out


def extract_notes(lines: list[Line]) -> tuple[list[Line], Notes]:
    """Split the stream into body lines and notes; a body line after removed notes is marked cut."""
    notes = _Growing()
    numbered: set[int] = set()
    expected = 1  # the next note's number: one more than the highest so far
    body: list[Line] = []
    current: int | str | None = None  # the note whose text continues on the next line
    in_block = False
    cut = False

    def new_note(key: int | str, text: str) -> None:
        nonlocal expected
        if isinstance(key, int) and key not in numbered:
            numbered.add(key)
            FOOTNOTES.check(len(numbered), "the text")
            expected = max(expected, key + 1)
        notes.set(key, text.strip())

    for line in lines:
        if line.cut_before:
            in_block, current = False, None
        if m := CANONICAL_DEF.match(line.text):
            new_note(int(m.group(1)), m.group(2))
            current, cut = None, True
            continue
        if RULE.match(line.text):
            in_block, current, cut = True, None, True
            continue
        start = _def_start(line, expected, in_block, body)
        if start:
            new_note(*start)
            current, cut = start[0], True
            continue
        if (m := STAR_NOTE.match(line.text)) and (
            line.blank_before or in_block or line.cut_before or _starred(m.group(1), body)
        ):
            new_note(m.group(1), m.group(2))
            current, cut = m.group(1), True
            continue
        if current is not None and not _ended(notes.tail(current)) and not line.cut_before:
            notes.append(current, line)
            continue
        if current is not None and in_block and not line.cut_before and not _body_start(line):
            if isinstance(current, int) and _ended(notes.tail(current)) and notes.tail(current):
                # a complete note, then text: the next note, its number set apart ("4", text, text, "5")
                current = expected
                new_note(current, line.text)
            else:
                notes.append(current, line)
            continue
        if in_block and decimal(line.text) in numbered:
            continue  # the number of a note whose text came first
        current, in_block = None, False
        if cut:
            line.cut_before, cut = True, False
        body.append(line)
    return body, notes.notes()


def _referred(sup: str, body: list[Line]) -> bool:
    """A superscript number opens a note only once its marker stood in the text before it."""
    marker = re.compile(rf"(?<![{SUPERSCRIPTS}]){sup}(?![{SUPERSCRIPTS}])")
    return any(marker.search(line.text) for line in body[-60:])


def _starred(star: str, body: list[Line]) -> bool:
    """An asterisk note opens a line once its marker stood after a word ("Viet Nam:* draft")."""
    marker = re.compile(rf"\S(?<!\*){re.escape(star)}(?!\*)")
    return any(marker.search(line.text) for line in body[-80:])


def _body_start(line: Line) -> bool:
    """After a complete note inside a ruled block: does this line read as the text resuming?"""
    t = line.text
    numbered = vocab.NUMBERED.match(t) or vocab.ITEM.match(t) or vocab.OPENERS.match(t)
    return bool(numbered) or (line.indent >= 1 and is_cjk(t[0]))
