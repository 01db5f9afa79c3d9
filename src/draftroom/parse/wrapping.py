"""How a text was wrapped: the width of a full line, and whether blank lines and indentation mark
paragraphs. Measured once per document, so one set of joining rules reads every extractor's output."""

import itertools
import re
from dataclasses import dataclass

from draftroom.parse.lines import Line, is_cjk, width

_MAX_WRAP = 240  # no page holds a wider line
_ENDS_PUNCT = re.compile(r"[,.;:，。；：、)\]”’》]\s*(?:\[\^\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})?$")


@dataclass(frozen=True)
class Wrapping:
    full: int  # display width of a full wrapped line; 0 when lines are whole paragraphs
    blanks_mark_paragraphs: bool
    continuation_indent: int | None  # indent of wrapped lines, when paragraph starts are indented more
    blank_lines: bool = False  # blank lines stand between the text's paragraphs (a few at least)

    def starts_deeper(self, line: Line) -> bool:
        """Indented more than wrapped lines are: a paragraph starts there."""
        return self.continuation_indent is not None and line.indent > self.continuation_indent

    def ends_short(self, line: Line, following: Line, carried: int = 0) -> bool:
        """`line` ended before the margin on purpose: the next line's first word would have fitted
        on it (with a margin for justified proportional type), or, in Chinese, four characters would.
        `carried`: the width of the start of the visual line, when a marker alone on a line split it."""
        if not self.full:
            return True
        used = width(line.text) + line.indent + carried
        first = following.text.split(maxsplit=1)[0] if following.text else ""
        if not first or is_cjk(first[0]) or is_cjk(line.text[-1:]):
            return used + 8 <= self.full
        return used + 1 + width(first) <= 0.9 * self.full


def _percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(lines: list[Line]) -> Wrapping:
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if not b.cut_before]
    full = _full_width(lines, pairs)
    blank_lines = bool(pairs) and sum(1 for _, b in pairs if b.blank_before) >= 0.03 * len(pairs)
    return Wrapping(
        full, _blanks_mark_paragraphs(full, pairs), _continuation_indent(pairs, full), blank_lines
    )


def _full_width(lines: list[Line], pairs: list[tuple[Line, Line]]) -> int:
    """The width lines were wrapped at, or 0 when each line is a whole paragraph. Lines followed
    directly by another line are the wrapped ones, when there are enough of them to tell."""
    followed = [a for a, b in pairs if not b.blank_before]
    found = _wrap_width(followed) or _wrap_width(lines)
    if found and _wider(lines, found) > 0.1:
        found = 0  # lines well past it are common: whole paragraphs, only the short ones broken
    # a short text says less by its widths; a sentence going on in small letters says it was wrapped
    going_on = [a for a, b in pairs if not _ENDS_PUNCT.search(a.text) and b.text[:1].islower()]
    if not found and len(going_on) >= 2:
        widths = [width(line.text) + line.indent for line in lines]
        top = _percentile(widths, 0.95)
        found = top if top <= _MAX_WRAP else 0  # wider: whole paragraphs, a wrapped head beside them
    return found


def _wider(lines: list[Line], full: int) -> float:
    """The share of lines (of 20 columns or more) wider than half as much again as `full`."""
    widths = [width(line.text) + line.indent for line in lines if width(line.text) >= 20]
    return sum(1 for w in widths if w > 1.5 * full) / len(widths) if widths else 0.0


def _wrap_width(sample: list[Line]) -> int:
    widths = [width(line.text) + line.indent for line in sample if width(line.text) >= 20]
    if len(widths) < 5:
        return 0
    top = _percentile(widths, 0.95)
    near = sum(1 for w in widths if w >= 0.8 * top) / len(widths)
    return top if top <= _MAX_WRAP and near >= 0.35 else 0


def _blanks_mark_paragraphs(full: int, pairs: list[tuple[Line, Line]]) -> bool:
    """Blank lines mean paragraph breaks unless they also stand between the wrapped lines of one
    paragraph (full lines that end mid-sentence)."""
    if not full:
        return True
    wrapped = [
        b for a, b in pairs if width(a.text) + a.indent >= 0.8 * full and not _ENDS_PUNCT.search(a.text)
    ]
    sample = wrapped if len(wrapped) >= 5 else [b for _, b in pairs]
    share = sum(1 for b in sample if b.blank_before) / len(sample) if sample else 0.0
    overall = sum(1 for _, b in pairs if b.blank_before) / len(pairs) if pairs else 0.0
    return overall >= 0.03 and share <= (0.5 if sample is wrapped else 0.8)


def _continuation_indent(pairs: list[tuple[Line, Line]], full: int) -> int | None:
    """The indent of wrapped lines, when lines indented deeper are (nearly) never wrapped lines."""
    if not full or len(pairs) < 4:
        return None
    continued = [b.indent for a, b in pairs if not _ENDS_PUNCT.search(a.text)]
    indents = continued if len(continued) >= 3 else [b.indent for _, b in pairs]
    base = max(set(indents), key=indents.count)
    deeper = [(a, b) for a, b in pairs if b.indent > base]
    if len(deeper) < 2:
        return None
    # a deeper line after a full line that did not end a sentence would be a wrapped line: indent means nothing
    wrapped = sum(
        1 for a, _ in deeper if not _ENDS_PUNCT.search(a.text) and width(a.text) + a.indent >= 0.8 * full
    )
    return base if wrapped <= 0.1 * len(deeper) else None
