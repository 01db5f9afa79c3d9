"""Lines of extracted text: normalising them, measuring them, and joining wrapped lines back together."""

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from draftroom.lang.scripts import ARABIC_LETTERS, HAN, HANGUL, is_cjk
from draftroom.lang.scripts import width as width  # parse.wrapping measures lines with it

_SPACES = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u3000": " ", "\u2011": "-"}
    # Arabic-Indic and Eastern Arabic-Indic digits, which sources other than the UN type in Arabic
    # texts: read as the Western digits UN Arabic documents print (numbers, notes, years, symbols)
    | {chr(zero + d): str(d) for zero in (0x660, 0x6F0) for d in range(10)}
)
# invisible characters, bidi controls (PDF text of Arabic) among them
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


@dataclass
class Line:
    """One non-blank line of the text, with what surrounded it in the source."""

    text: str  # stripped
    indent: int = 0
    blank_before: bool = False  # a blank line separated it from the previous kept line
    cut_before: bool = False  # page furniture, a footnote block or a URL list was removed before it
    tight_end: bool = False  # the raw line ended with no trailing space (a hyphen then belongs to the word)


def normalize(text: str) -> str:
    """Unify line ends, spaces and digits, drop invisible characters and `**bold**` markup."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = _INVISIBLE.sub("", text)
    return "\n".join(_BOLD.sub(r"\1", line) for line in text.split("\n"))


# spaces a text extractor put inside a word or before punctuation, placing glyphs of justified type
_SPACED = (
    # "well -being", "Secretary - General", "Secretary -" at a line end
    (re.compile(r"(?<=[^\W\d_]) -(?: (?=[^\W\d_])|(?=[^\W\d_])|$)", re.M), "-"),
    (re.compile(r"(?<=\d) ?([–-]) ?(?=\d)"), r"\1"),  # "5 –13"
    (re.compile(r"(?<=\w) (?=,)"), ""),  # "exploitation ,"
)
_LETTERS = re.compile(f"[^\\W\\d_{HAN}{HANGUL}]+")
# a word standing between spaces, punctuation after it: not "s" of "Women’s" nor "e" of "e.g." nor "(d)"
_WORDS = re.compile(rf"(?<!\S)[“\"‘]?({_LETTERS.pattern})[,.;:”\"’]?(?!\S)")


def repair_spacing(text: str) -> str:
    """Undo the spaces an extractor put inside words ("Nati ons", "an d"): two pieces are one word
    when the document has that word elsewhere and one piece never stands as a word of its own."""
    for pattern, repl in _SPACED:
        text = pattern.sub(repl, text)
    words = Counter(_WORDS.findall(text))
    found = _split_words(text, words)
    pairs = Counter((a.group(), b.group()) for a, b in found)
    out: list[str] = []
    pos = 0
    for a, b in found:
        n = pairs[a.group(), b.group()]
        if a.start() >= pos and not (words[a.group()] > n and words[b.group()] > n):
            out.append(text[pos : a.start()] + a.group() + b.group())
            pos = b.end()
    return "".join(out) + text[pos:]


def _split_words(text: str, words: Counter[str]) -> list[tuple[re.Match[str], re.Match[str]]]:
    """Neighbouring letter runs, apart by spaces only, that make a word of the document together."""
    runs = list(_LETTERS.finditer(text))
    found = []
    for a, b in itertools.pairwise(runs):
        if not words[a.group() + b.group()] or text[a.end() : b.start()].strip(" "):
            continue
        before = text[a.start() - 1] if a.start() else " "
        after = text[b.end()] if b.end() < len(text) else " "
        if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
            found.append((a, b))
    return found


def join_pair(left: str, right: str, tight: bool = False) -> str:
    """Join two wrapped pieces of one paragraph.

    Chinese (and any CJK boundary) joins with no space; other scripts with one. A hyphen at the end
    of the left piece is kept and joined tight ("information-" + "sharing"): UN texts break lines at
    hyphens of compound words, not inside plain words.
    """
    if not left:
        return right
    if not right:
        return left
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left[-1] == "-" and len(left) > 1 and left[-2].isalpha() and (tight or right[0].islower()):
        return left + right
    return left + " " + right


# Arabic PDF text that an extractor put back in reading order character by character: the neutral
# characters between Arabic and numbers land on the wrong side. None of these forms occurs in text
# written in reading order, so repairing them is safe on any Arabic text.
_VISUAL_ORDER = (
    (
        re.compile(rf"^(\s*)-\s?(\d{{1,3}})\s*(?=[{ARABIC_LETTERS}])", re.M),
        r"\1\2 - ",
    ),  # "- 1تحث" for "1 - تحث"
    (re.compile(r"^(\s*)’\s?‘(\d{1,2})\s*", re.M), r"\1’\2‘ "),  # "’ ‘1توفير" for "’1‘ توفير"
    (
        re.compile(rf"^(\s*)(\d{{1,3}})(?=[{ARABIC_LETTERS}])", re.M),
        r"\1\2 ",
    ),  # a note "1القرار" for "1 القرار"
    (re.compile(r"ا([اأإآ])ل"), r"ال\1"),  # the lam-alef ligature read alef first: "األمم" for "الأمم"
    (re.compile(rf" ([،؛:])(?=[{ARABIC_LETTERS}])"), r"\1 "),  # " ،وال" for "، وال"
    (
        re.compile(rf"^(\s*)([،؛:.])(?=[{ARABIC_LETTERS}])(.*?)\s*$", re.M),
        r"\1\3\2",
    ),  # "،إن الجمعية" for "إن الجمعية،"
)


def repair_visual_order(text: str) -> str:
    for pattern, repl in _VISUAL_ORDER:
        text = pattern.sub(repl, text)
    return text
