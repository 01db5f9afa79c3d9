"""How a text was wrapped: the width of a full line, and whether blank lines and indentation mark
paragraphs. Measured once per document, so one set of joining rules reads every extractor's output."""

import itertools
import re
from dataclasses import dataclass

from draftroom.parse.lines import Line, is_cjk, width

_ENDS_PUNCT = re.compile(r"[,.;:，。；：、)\]”’》]\s*(?:\[\^\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})?$")


@dataclass(frozen=True)
class Layout:
    full: int  # display width of a full wrapped line; 0 when lines are whole paragraphs
    blanks_mark_paragraphs: bool
    continuation_indent: int | None  # indent of wrapped lines, when paragraph starts are indented more

    def is_full(self, line: Line) -> bool:
        return bool(self.full) and width(line.text) + line.indent >= 0.85 * self.full

    def ends_short(self, line: Line, following: Line) -> bool:
        """`line` ended before the margin on purpose: the next line's first word would have fitted
        on it (with a margin for justified proportional type), or, in Chinese, four characters would."""
        if not self.full:
            return True
        used = width(line.text) + line.indent
        first = following.text.split(maxsplit=1)[0] if following.text else ""
        if not first or is_cjk(first[0]) or is_cjk(line.text[-1:]):
            return used + 8 <= self.full
        return used + 1 + width(first) <= 0.9 * self.full


def _percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(lines: list[Line]) -> Layout:
    widths = [width(line.text) + line.indent for line in lines if width(line.text) >= 20]
    full = 0
    if len(widths) >= 5:
        top = _percentile(widths, 0.95)
        near = sum(1 for w in widths if w >= 0.8 * top) / len(widths)
        if top <= 240 and near >= 0.35:
            full = top
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if not b.cut_before]
    blank_share = sum(1 for _, b in pairs if b.blank_before) / len(pairs) if pairs else 0.0
    blanks = not full or 0.03 <= blank_share <= 0.8
    return Layout(full, blanks, _continuation_indent(pairs, full))


def _continuation_indent(pairs: list[tuple[Line, Line]], full: int) -> int | None:
    """The indent of wrapped lines, if paragraph starts stand out by a larger one."""
    if not full:
        return None
    wrapped = [b.indent for a, b in pairs if not _ENDS_PUNCT.search(a.text)]
    starts = [
        b.indent for a, b in pairs if _ENDS_PUNCT.search(a.text) and width(a.text) + a.indent < 0.8 * full
    ]
    if len(wrapped) < 5 or len(starts) < 3:
        return None
    base = max(set(wrapped), key=wrapped.count)
    above = sum(1 for i in starts if i > base) / len(starts)
    return base if above >= 0.6 else None
