"""Diff inside one aligned pair, cleaned up to read like a human redline.

Units are characters for Chinese and Japanese and words for scripts with spaces; footnote references
`[^N]`, numbers ("64/293") and embedded Latin words are single units everywhere. Each distinct unit is
mapped to one private-use character, diffed with the C++ diff-match-patch (semantic cleanup, no time
limit) and mapped back, so the cleanup weighs whole words, never letters.
"""

import re
from collections.abc import Callable

import fast_diff_match_patch as fdmp

from draftroom.model.redline import Segment

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
REF = re.compile(r"\[\^(\d+)\]")
_NOT_CJK_WORD = rf"(?:(?![{_CJK}])\w)+"
_CHAR_UNITS = re.compile(rf"\[\^\d+\]|{_NOT_CJK_WORD}(?:[./-]{_NOT_CJK_WORD})*|\s+|.", re.S)
_WORD_UNITS = re.compile(r"\[\^\d+\]|\w+(?:[-'’./]\w+)*|\s+|.", re.S)


def is_cjk(text: str, sample: int = 4000) -> bool:
    """True when the text (its first `sample` characters) is mostly Chinese or Japanese."""
    text = text[:sample]
    letters = sum(map(str.isalpha, text))
    return letters > 0 and len(_CJK_CHAR.findall(text)) * 2 > letters


def units(text: str, cjk: bool | None = None) -> list[str]:
    """The text cut into diff units; joining them gives the text back."""
    if cjk is None:
        cjk = is_cjk(text)
    return (_CHAR_UNITS if cjk else _WORD_UNITS).findall(text)


def _code(n: int) -> str:
    """The n-th private-use character: 6,400 in the BMP, then planes 15 and 16."""
    if n < 0x1900:
        return chr(0xE000 + n)
    return chr(0xF0000 + n - 0x1900)


def diff_units(old: list[str], new: list[str], old_key: Callable[[str], str] = str) -> list[Segment]:
    """Segments turning unit list `old` into `new`; `old_key` says which old unit equals which new one."""
    codes: dict[str, str] = {}

    def encode(keys: list[str]) -> str:
        for k in keys:
            if k not in codes:
                codes[k] = _code(len(codes))
        return "".join(map(codes.__getitem__, keys))

    a = encode(list(map(old_key, old)))
    b = encode(new)
    segments: list[Segment] = []
    i = j = 0
    for op, n in fdmp.diff(a, b, counts_only=True, cleanup="Semantic", timelimit=0):
        if op == "=":
            segments.append(("equal", "".join(new[j : j + n])))
            i, j = i + n, j + n
        elif op == "-":
            segments.append(("delete", "".join(old[i : i + n])))
            i += n
        else:
            segments.append(("insert", "".join(new[j : j + n])))
            j += n
    return tidy(segments)


def tidy(segments: list[Segment]) -> list[Segment]:
    """Merge neighbours of one kind and put each change's deletion before its insertion."""
    out: list[Segment] = []
    run: dict[str, str] = {"delete": "", "insert": ""}

    def flush() -> None:
        out.extend((op, run[op]) for op in ("delete", "insert") if run[op])
        run["delete"] = run["insert"] = ""

    for op, text in segments:
        if not text:
            continue
        if op == "equal":
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append((op, text))
        else:
            run[op] += text
    flush()
    return out


def diff_texts(
    old: str, new: str, renumbered: dict[int, int] | None = None, cjk: bool | None = None
) -> list[Segment]:
    """Segments from `old` to `new`. `renumbered` maps old footnote numbers to the new numbers of
    the same notes, so a reference that only changed number counts as unchanged. `cjk`: diff by
    characters (None: decide from the texts)."""
    mapping = renumbered or {}

    def old_key(unit: str) -> str:
        m = REF.fullmatch(unit) if unit.startswith("[^") else None
        if not m:
            return unit
        n = int(m.group(1))
        return f"[^{mapping[n]}]" if n in mapping else f"[^old {n}]"

    if not old or not new:
        return tidy([("delete", old), ("insert", new)])
    if REF.sub(lambda m: old_key(m.group(0)), old) == new:
        return [("equal", new)]
    if cjk is None:
        cjk = is_cjk(old + new)
    return diff_units(units(old, cjk), units(new, cjk), old_key)


def similarity(segments: list[Segment]) -> float:
    """Share of the two texts that is common: 2 * equal / (old + new), 0..1."""
    equal = sum(len(t) for op, t in segments if op == "equal")
    total = sum(len(t) * (2 if op == "equal" else 1) for op, t in segments)
    return round(2 * equal / total, 3) if total else 1.0
