"""diff-match-patch for amendments: diffs by the C++ build, patches and fuzzy application by the
pure-Python one (Diff_Timeout = 0, so a hard diff never degrades to "delete all, insert all")."""

from __future__ import annotations

from functools import cache

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from diff_match_patch import diff_match_patch

Diff = tuple[int, str]  # (-1 deleted | 0 kept | 1 inserted, text)
Span = tuple[int, int]  # [start, end) in the old text; start == end for a pure insertion

_OPS = {"=": 0, "-": -1, "+": 1}


@cache
def _dmp() -> diff_match_patch:
    from diff_match_patch import diff_match_patch  # loaded by the first patch, not by every action

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def diffs(old: str, new: str) -> list[Diff]:
    """Character diff with semantic cleanup, in diff-match-patch's (op, text) form."""
    import fast_diff_match_patch  # loaded by the first diff, not by every action

    raw = fast_diff_match_patch.diff(old, new, counts_only=False, cleanup="Semantic", timelimit=0)
    return [(_OPS[op], text) for op, text in raw]


def make_patch(old: str, new: str) -> str:
    dmp = _dmp()
    return dmp.patch_toText(dmp.patch_make(old, diffs(old, new)))


def apply_patch(patch: str, text: str) -> str | None:
    """The patch applied to `text` with fuzzy matching; None when any hunk does not apply."""
    dmp = _dmp()
    result, ok = dmp.patch_apply(dmp.patch_fromText(patch), text)
    return result if all(ok) else None


def is_word_char(c: str) -> bool:
    """Letters and digits of spaced scripts: a word boundary never falls between two of them.
    Chinese and Japanese are compared character by character, so their characters are not."""
    o = ord(c)
    cjk = 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xAC00 <= o <= 0xD7AF or 0xFF00 <= o <= 0xFFEF
    return c.isalnum() and not cjk


Hunk = tuple[int, int, str]  # old[start:end] becomes the string


def hunks(old: str, new: str) -> list[Hunk]:
    """The change old -> new as replacements of whole words of `old` (characters for Chinese)."""
    ops = diffs(old, new)
    merged: list[Span] = []
    pos = 0
    for op, text in ops:
        if op == 0:
            pos += len(text)
            continue
        start, end = _widen(old, pos, pos + (len(text) if op == -1 else 0))
        pos += len(text) if op == -1 else 0
        if merged and merged[-1][1] >= start:
            prev_start, prev_end = merged.pop()
            start, end = prev_start, max(prev_end, end)
        merged.append((start, end))
    segments = _segments(ops)
    return [(s, e, new[_first(segments, s) : _last(segments, e)]) for s, e in merged]


Segment = tuple[int, int, int, int, int]  # op, old start, old length, new start, new length


def _segments(ops: list[Diff]) -> list[Segment]:
    out: list[Segment] = []
    oi = ni = 0
    for op, text in ops:
        olen, nlen = (0 if op == 1 else len(text)), (0 if op == -1 else len(text))
        out.append((op, oi, olen, ni, nlen))
        oi, ni = oi + olen, ni + nlen
    return out


def _first(segments: list[Segment], pos: int) -> int:
    """The first position of the new text that old position `pos` corresponds to."""
    for op, os_, olen, ns, _ in segments:
        if (op == 1 and pos == os_) or os_ <= pos < os_ + olen:
            return ns + (pos - os_ if op == 0 else 0)
    return sum(seg[4] for seg in segments)


def _last(segments: list[Segment], pos: int) -> int:
    """The last position of the new text that old position `pos` corresponds to (after any
    text inserted there)."""
    for op, os_, olen, ns, nlen in reversed(segments):
        if op == 1 and pos == os_:
            return ns + nlen
        if op != 1 and os_ <= pos <= os_ + olen:
            return ns + (pos - os_ if op == 0 else 0)
    return 0


def changed_spans(old: str, new: str) -> list[Span]:
    """Where in `old` the change old -> new falls, widened to whole words."""
    return [(s, e) for s, e, _ in hunks(old, new)]


def _widen(text: str, start: int, end: int) -> Span:
    while start > 0 and start < len(text) and is_word_char(text[start - 1]) and is_word_char(text[start]):
        start -= 1
    while 0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
        end += 1
    return start, end


def spans_overlap(a: list[Span], b: list[Span]) -> bool:
    """True when two changes to the same text touch the same words (or insert at the same point)."""
    for s1, e1 in a:
        for s2, e2 in b:
            if s1 < e2 and s2 < e1:
                return True
            if (s1 == e1 and s2 <= s1 <= e2) or (s2 == e2 and s1 <= s2 <= e1):
                return True
    return False
