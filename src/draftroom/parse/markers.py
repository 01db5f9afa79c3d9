"""Footnote markers inside paragraph text, rewritten as `[^N]` in reading order.

A digit run is a marker only where a note number can stand: the next new note (notes are first
referred to in increasing order), or an earlier one glued to the word or punctuation it follows. A
number standing alone between spaces counts only as the next new note and only in a context where
a cardinal number would be odd ("Crime 5 and", not "article 5 of" or "5 out of 7").
"""

import re

from draftroom.lang.scripts import CJK, is_cjk
from draftroom.parse.footnotes import SUPERSCRIPTS

_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_CANDIDATE = re.compile(
    rf"\[\^(?P<canon>\d+)\]|(?P<sup>[{SUPERSCRIPTS}]+)|\((?P<paren>\d{{1,3}})\)|(?<![\d])(?P<digits>\d+)(?![\d])|(?<=\S)(?P<star>\*{{1,3}})(?=\s|$|[,.;:])"
)
_SKIPPED = 2  # notes whose references may be lost in a row
_CLOSING = set(',.;:)]”’"»》」』）、，。；：،؛!?')
_CJK_UNITS = set(
    "年月日号號条條款段项項卷届屆次个個%％岁歲名人国國种種类類部章节節页頁周週天时分秒亿億萬万千百倍期份家所点點"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words after which a number is a number (English, French, Spanish, Russian)
_BEFORE_NUMBER = _words(
    """
    article articles paragraph paragraphs para paras item items resolution resolutions decision
    decisions no nos vol vols volume chapter chap section sect annex part rule rules principle goal
    goals target targets page pages table figure session meeting protocol at of to from than and or
    by with about over under nearly some least most only all the in on for between within among per
    approximately around almost top phase step level grade age aged l'article alinéa point chapitre
    résolution résolutions de des du à le la les et ou artículo párrafo tema capítulo del el los las
    y o en статья статьи пункт пункта резолюция резолюции и в на от до с по из
    """
)
# words that follow a note marker standing between spaces
_AFTER_MARKER = _words(
    """
    and the which that as its their in to of for with on by including adopted entitled is are was
    who where while also or and/or we has have had held signed et la le les qui dont y el los las
    que en и в который которая которые а
    """
)
_MONTHS = _words(
    """
    january february march april may june july august september october november december
    """
)


class MarkerResolver:
    """Rewrites markers as `[^N]`, paragraph after paragraph in reading order."""

    def __init__(
        self, defined: set[int], starred: dict[str, str], paren: bool = False, marked: bool = False
    ) -> None:
        self.defined = defined
        self.paren = paren  # markers printed "(1)" (Arabic)
        self.marked = marked  # the source wrote every numbered marker `[^N]`: no digit is one
        self.seen: set[int] = set()
        self.starred = starred
        self.star_numbers: dict[str, int] = {}

    @property
    def next_new(self) -> int:
        top = max(self.seen, default=0)
        later = [n for n in self.defined if n > top]
        return min(later) if later else top + 1

    def star_notes(self) -> dict[int, str]:
        """Asterisk notes met in the text, given numbers after the numbered notes."""
        return {n: self.starred[s] for s, n in self.star_numbers.items()}

    def resolve(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for m in _CANDIDATE.finditer(text):
            if self.marked and m.group("canon") is None and m.group("star") is None:
                continue
            if m.group("sup") is not None:
                numbers = self._superscripts(m.group("sup").translate(_SUP_TO_DIGIT))
            else:
                number = self._decide(text, m)
                numbers = [] if number is None else [number]
            if not numbers:
                continue
            start = m.start()
            if m.group("digits") is not None and len(m.group("digits")) > 3:
                start += 4  # a year with the note number glued on
            out.append(text[pos:start] + "".join(f"[^{n}]" for n in numbers))
            pos = m.end()
            self.seen.update(numbers)
        out.append(text[pos:])
        return _tidy("".join(out))

    def _decide(self, text: str, m: re.Match[str]) -> int | None:
        if m.group("canon") is not None:
            n = int(m.group("canon"))
            return n if n in self.defined else None
        if m.group("paren") is not None:
            n = int(m.group("paren"))
            ok = self.paren and n in self.defined and (n == self.next_new or n in self.seen)
            return n if ok else None
        if m.group("star") is not None:
            star = m.group("star")
            if star not in self.starred:
                return None
            if star not in self.star_numbers:
                self.star_numbers[star] = max(self.defined | set(self.star_numbers.values()), default=0) + 1
            return self.star_numbers[star]
        return self._digits(text, m.start(), m.end(), m.group("digits"))

    def _superscripts(self, digits: str) -> list[int]:
        """A run of superscript digits: one note, or two set side by side ("¹⁰¹¹" for 10 and 11)."""
        if int(digits) in self.defined:
            return [int(digits)]
        for cut in range(1, len(digits)):
            left, right = digits[:cut], digits[cut:]
            if (
                left[0] != "0"
                and right[0] != "0"
                and int(left) in self.defined
                and int(right) in self.defined
            ):
                return [int(left), int(right)]
        return []

    def _digits(self, text: str, s: int, e: int, digits: str) -> int | None:
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if "/" in (before, after) or (after.isalnum() and not (is_cjk(after) and after not in _CJK_UNITS)):
            return None
        if after and not (after.isspace() or after in _CLOSING or is_cjk(after)):
            return None
        if len(digits) > 3:
            return self._glued_year(digits, before)
        n = int(digits)
        if before and not before.isspace():
            return n if self._attached_ok(text, s, n) else None
        return n if n == self.next_new and n in self.defined and self._spaced_ok(text, s, e) else None

    def _glued_year(self, digits: str, before: str) -> int | None:
        year, rest = digits[:4], digits[4:]
        n = int(rest) if rest and rest[0] != "0" else 0
        if len(digits) <= 6 and year[:2] in ("19", "20") and n == self.next_new and n in self.defined:
            return n if not before.isalnum() else None
        return None

    def _attached_ok(self, text: str, s: int, n: int) -> bool:
        before = text[s - 1]
        # a note or two whose references the text garbled ("Agenda 216", "59/3009": glued to a number)
        # leave the next ones glued to a word or a comma references still
        if n not in self.defined or not (n == self.next_new or n in self.seen or self._skips(n)):
            return False
        if before in _CLOSING:
            # not "5.2" nor "L.18"
            return not (before == "." and s >= 2 and (text[s - 2].isdigit() or text[s - 2].isupper()))
        if not before.isalpha():
            return False
        word = re.search(r"[^\W\d_]+$", text[:s])
        letters = word.group(0) if word else ""
        if is_cjk(before):
            return True
        return not (letters.isupper() and len(letters) <= 3)  # "CO2", "G77"

    def _skips(self, n: int) -> bool:
        """`n` comes a note or two after the next new one, each of those skipped a defined note."""
        return self.next_new < n <= self.next_new + _SKIPPED and all(
            k in self.defined for k in range(self.next_new, n)
        )

    def _spaced_ok(self, text: str, s: int, e: int) -> bool:
        prev = text[:s].rstrip().rsplit(maxsplit=1)[-1] if text[:s].strip() else ""
        nxt_match = re.match(r"\s*(\S+)", text[e:])
        nxt = nxt_match.group(1) if nxt_match else ""
        prev_word = prev.strip("“”\"'’(").lower().rstrip(".")
        if not prev or prev_word in _BEFORE_NUMBER:
            return False
        prev_punct = prev[-1] in _CLOSING
        if not nxt or nxt[0] in _CLOSING:
            return True
        if is_cjk(nxt[0]):
            return nxt[0] not in _CJK_UNITS
        word = nxt.strip("“”\"'’,.;:").lower()
        if word in _MONTHS or (word[:1].isdigit() and "/" not in word):
            return False
        # a name in capitals going on in small letters: "the Covenant on Civil and Political Rights 14 must"
        named = prev[:1].isupper() and prev.isalpha() and nxt[:1].islower()
        return word in _AFTER_MARKER or prev_punct or "/" in word or named


def _tidy(text: str) -> str:
    text = re.sub(r"(\[\^\d+\])\s*,\s*(?=\[\^)", r"\1", text)  # "10,11": one point, two notes
    text = re.sub(r"\s+\[\^", "[^", text)
    text = re.sub(rf"(\[\^\d+\])\s+(?=[{CJK}])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()
