"""diff-match-patch for amendments: diffs by the C++ build, patches and fuzzy application by the
pure-Python one (Diff_Timeout = 0, so a hard diff never degrades to "delete all, insert all")."""

from functools import cache

import fast_diff_match_patch
from diff_match_patch import diff_match_patch

Diff = tuple[int, str]  # (-1 deleted | 0 kept | 1 inserted, text)
Span = tuple[int, int]  # [start, end) in the old text; start == end for a pure insertion

_OPS = {"=": 0, "-": -1, "+": 1}


@cache
def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def diffs(old: str, new: str) -> list[Diff]:
    """Character diff with semantic cleanup, in diff-match-patch's (op, text) form."""
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


def _is_word_char(c: str) -> bool:
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
    first, last = _position_map(ops)
    return [(s, e, new[first[s] : last[e]]) for s, e in merged]


def _position_map(ops: list[Diff]) -> tuple[dict[int, int], dict[int, int]]:
    """For each position of the old text, the first and the last position of the new text it
    corresponds to (they differ where text was inserted)."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    oi = ni = 0
    for op, text in ops:
        if op == 1:
            first.setdefault(oi, ni)
            ni += len(text)
            continue
        for _ in text:
            first.setdefault(oi, ni)
            last[oi] = ni
            oi += 1
            ni += op == 0
    first.setdefault(oi, ni)
    last[oi] = ni
    return first, last


def changed_spans(old: str, new: str) -> list[Span]:
    """Where in `old` the change old -> new falls, widened to whole words."""
    return [(s, e) for s, e, _ in hunks(old, new)]


def _widen(text: str, start: int, end: int) -> Span:
    while start > 0 and start < len(text) and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    while 0 < end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
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
