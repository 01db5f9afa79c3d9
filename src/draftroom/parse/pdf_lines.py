"""Lines of a PDF page as a reader sees them: spans (PyMuPDF) grouped by baseline, superscripts
attached to the line they are raised above, columns split apart, right-to-left text mirrored."""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pymupdf

from draftroom.errors import DraftroomError
from draftroom.lang.numbers import decimal
from draftroom.lang.scripts import ARABIC_LETTERS, ARABIC_PRESENTATION, RTL, is_cjk
from draftroom.model.limits import PAGE_CHARS, TEXT_CHARS, over_limit

_SUPERSCRIPT = 1  # PyMuPDF span flag bits
_BOLD = 16
_HIDDEN_LINK = re.compile(r"^\s*(https?://undocs\.org/\S*\s*)+$")
_RTL_CHAR = re.compile(f"[{RTL}]")
_PRESENTATION_FORMS = re.compile(f"[{ARABIC_PRESENTATION}]+")
_SUSPENDED = re.compile(r"(and|or|et|ou|y|o|и|или)\b", re.I)


@dataclass
class Span:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    baseline: float
    size: float
    flags: int
    font: str
    first_word_width: float
    chars: list[dict] = field(default_factory=list)  # PyMuPDF's characters: "c", "bbox"
    mirrored_at: float | None = None  # page width, once mirrored: a right-to-left document


@dataclass
class Line:
    """One visual line (or one column segment of it) on a page."""

    page: int
    spans: list[Span]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0
    baseline: float = 0.0
    size: float = 0.0  # the size most of its characters have
    bold: bool = False
    starts_with_marker: str | None = None  # note number when the line opens a footnote
    first_word_width: float = 0.0
    cells: list[list[str]] | None = None  # a table (rows of cells) that stands in for the lines it was set in


def page_spans(page: pymupdf.Page, room: int = TEXT_CHARS.value) -> list[Span]:
    """Spans with the box of their visible characters (leading and trailing blanks excluded).
    The page's text is measured first (MuPDF, fast): over the limit of a page, or over `room`
    (what the document's text length limit leaves), it is refused before Python sees a character."""
    out = []
    try:
        textpage = page.get_textpage(flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
        chars = len(textpage.extractText())
        if chars > min(PAGE_CHARS.value, room):
            limit = PAGE_CHARS if chars > PAGE_CHARS.value else TEXT_CHARS
            raise over_limit(limit, f"page {page.number + 1}", chars)
        blocks = page.get_text("rawdict", textpage=textpage)["blocks"]
    except DraftroomError:
        raise
    except Exception as e:  # a damaged content stream
        raise DraftroomError(f"page {page.number + 1} cannot be read ({type(e).__name__})") from None
    for block in blocks:
        for line in block.get("lines", []):
            for s in line["spans"]:
                chars = s["chars"]
                text = "".join(c["c"] for c in chars).replace("\u00a0", " ").replace("\t", " ")
                text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
                ink = [c for c in chars if c["c"].strip()]
                if not ink or "barcode" in s["font"].lower() or _HIDDEN_LINK.match(text):
                    continue
                out.append(
                    Span(
                        text,
                        min(c["bbox"][0] for c in ink),
                        max(c["bbox"][2] for c in ink),
                        s["bbox"][1],
                        s["bbox"][3],
                        s["origin"][1],
                        s["size"],
                        s["flags"],
                        s["font"],
                        _first_word_width(ink),
                        chars,
                    )
                )
    return out


def _first_word_width(ink: list[dict]) -> float:
    """Width of the span's first word (its first character in Chinese), whatever the direction."""
    word = [ink[0]]
    for c in ink[1:]:
        if is_cjk(word[0]["c"]) or (
            abs(c["bbox"][0] - word[-1]["bbox"][2]) > 0.5 and abs(word[-1]["bbox"][0] - c["bbox"][2]) > 0.5
        ):
            break
        word.append(c)
    return max(c["bbox"][2] for c in word) - min(c["bbox"][0] for c in word)


def mirror(spans: list[Span], width: float) -> None:
    """Right-to-left scripts: flip x so that reading order runs left to right for the layout rules."""
    for s in spans:
        s.x0, s.x1 = width - s.x1, width - s.x0
        s.mirrored_at = width


def is_rtl(pages: list[list[Span]]) -> bool:
    text = "".join(s.text for spans in pages for s in spans)
    rtl = len(_RTL_CHAR.findall(text))
    return rtl > 0.5 * max(len(re.findall(r"[^\W\d_]", text)), 1)


def visual_lines(spans: list[Span], body_size: float) -> list[list[Span]]:
    """Group spans into lines by baseline (superscripts join the line they are raised above),
    then split a line where a wide gap separates two columns (masthead, running heads)."""
    normal = sorted((s for s in spans if not _is_small(s, body_size)), key=lambda s: (s.baseline, s.x0))
    rows: list[list[Span]] = []
    for s in normal:
        if rows and abs(rows[-1][0].baseline - s.baseline) <= 0.3 * max(s.size, rows[-1][0].size):
            rows[-1].append(s)
        else:
            rows.append([s])
    # small type by size, largest first: notes set small enough to count as small (Arabic 11 pt under
    # 14 pt) make lines of their own that their own smaller note numbers then join
    for s in sorted((s for s in spans if _is_small(s, body_size)), key=lambda s: -s.size):
        host = min(
            rows,
            key=lambda r: _raised_distance(s, r[0]),
            default=None,
        )
        if host is not None and _raised_distance(s, host[0]) < 0.9 * host[0].size:
            host.append(s)
        else:
            rows.append([s])
    out = []
    for row in sorted(rows, key=lambda r: min(s.baseline for s in r)):
        row.sort(key=lambda s: s.x0)
        segment = [row[0]]
        for s in row[1:]:
            if s.x0 - segment[-1].x1 > max(40.0, 4 * s.size):
                out.append(segment)
                segment = []
            segment.append(s)
        out.append(segment)
    return out


def _is_small(s: Span, body_size: float) -> bool:
    return s.size < 0.8 * body_size


def _raised_distance(small: Span, host: Span) -> float:
    """How far a small span sits from a host line: 0 when inside its height band."""
    if host.y0 - 1 <= small.y0 and small.y1 <= host.y1 + 1:
        return abs(small.baseline - host.baseline) * 0.1
    return min(abs(small.y0 - host.y0), abs(small.y1 - host.y1)) + 10


def is_marker(s: Span, host_size: float) -> bool:
    """A superscript: the superscript flag, or a clearly smaller span raised above the baseline."""
    return bool(s.flags & _SUPERSCRIPT) or s.size < 0.8 * host_size


def make_line(spans: list[Span], page: int, note_numbers: set[int] | None) -> Line:
    sizes: Counter[float] = Counter()
    for s in spans:
        sizes[round(s.size * 2) / 2] += len(s.text.strip())
    size = sizes.most_common(1)[0][0]
    main = [s for s in spans if not is_marker(s, size)] or spans
    line = Line(page, spans, size=size)
    line.x0 = min(s.x0 for s in spans)
    line.x1 = max(s.x1 for s in spans)
    line.y0 = min(s.y0 for s in main)
    line.y1 = max(s.y1 for s in main)
    line.baseline = Counter(round(s.baseline, 1) for s in main).most_common(1)[0][0]
    chars = sum(len(s.text.strip()) for s in main)
    line.bold = (
        sum(len(s.text.strip()) for s in main if s.flags & _BOLD or "bold" in s.font.lower()) > chars / 2
    )
    first = spans[0].text.strip().strip("()")
    if is_marker(spans[0], size) and decimal(first, 3) is not None:
        line.starts_with_marker = first
    line.text = (
        _rtl_text(spans, size, note_numbers) if spans[0].mirrored_at else _ltr_text(spans, size, note_numbers)
    )
    line.first_word_width = spans[0].first_word_width
    return line


def _ltr_text(spans: list[Span], size: float, note_numbers: set[int] | None) -> str:
    parts: list[str] = []
    prev: Span | None = None
    for i, s in enumerate(spans):
        # a note's own number opens its line; in body text every superscript is a reference
        if is_marker(s, size) and (i > 0 or note_numbers is not None):
            parts.append(_marker_text(s.text, note_numbers))
        else:
            cjk = bool(parts) and (is_cjk(parts[-1][-1:]) or is_cjk(s.text[:1]))
            gap = prev is not None and s.x0 - prev.x1 > (1.0 if cjk else 0.2) * size
            if gap and parts and not parts[-1].endswith(" ") and not s.text.startswith(" "):
                parts.append(" ")
            parts.append(s.text)
        prev = s
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    return re.sub(r"\s+(\[\^\d+\])", r"\1", re.sub(r"\s+", " ", text).strip())


_ALEFS = "اأإآ"
# the glyphs that stretch a justified Arabic word, which some producers map to U+FFFD or "+"
_KASHIDA = re.compile(f"(?<=[{ARABIC_LETTERS}])[\ufffd+\u0640]+(?=[{ARABIC_LETTERS}])")


def _is_ltr(piece: str) -> bool:
    """Latin letters and digits read left to right inside a right-to-left line. Note markers are set
    as runs of their own, after the word they follow ("2030¹" shows ¹ left of 2030): neutral."""
    return piece[:1].isalnum() and not _RTL_CHAR.match(piece)


def _rtl_text(spans: list[Span], size: float, note_numbers: set[int] | None) -> str:
    """A right-to-left line in reading order, from where its characters stand: extractors give the
    characters of Arabic, of the numbers and Latin words inside it and of the punctuation between
    them in varying orders. Characters right to left (x is mirrored), then each run of left-to-right
    text (Latin, digits, note markers and the neutral characters between them) turned back."""
    tokens: list[tuple[float, float, str]] = []
    for i, s in enumerate(spans):
        if is_marker(s, size) and (i > 0 or note_numbers is not None):
            tokens.append((s.x0, s.x1, _marker_text(s.text, note_numbers)))
        else:
            width = s.mirrored_at or 0.0
            tokens.extend((width - c["bbox"][2], width - c["bbox"][0], c["c"]) for c in s.chars)
    tokens.sort(key=lambda t: (t[0] + t[1]) / 2)
    n = 0
    while n < len(tokens) - 1:  # lam-alef is one glyph: its alef, inside the lam's box, came first
        (x0, x1, c), (lam_x0, lam_x1, lam) = tokens[n], tokens[n + 1]
        if c in _ALEFS and lam == "ل" and lam_x0 - 0.1 <= x0 and x1 <= lam_x1 + 0.1:
            tokens[n], tokens[n + 1] = tokens[n + 1], tokens[n]
            n += 1
        n += 1
    pieces: list[str] = []
    reach = tokens[0][1] if tokens else 0.0
    for x0, x1, c in tokens:
        if pieces and x0 - reach > 0.1 * size and c != " " and pieces[-1] != " ":  # glyph boxes abut
            pieces.append(" ")
        pieces.append(c)
        reach = max(reach, x1)
    if not any(_RTL_CHAR.match(c) for c in pieces):  # no Arabic or Hebrew: a left-to-right line
        return _tidy("".join(reversed(pieces)))  # ("25-17035 (A)", a date, a symbol)
    return _tidy(_KASHIDA.sub("", "".join(_ltr_runs_turned(pieces))))


def _ltr_runs_turned(pieces: list[str]) -> list[str]:
    out: list[str] = []
    n = 0
    while n < len(pieces):
        if not _is_ltr(pieces[n]):
            out.append(pieces[n])
            n += 1
            continue
        end = n
        for k in range(n, len(pieces)):
            if _RTL_CHAR.match(pieces[k]):
                break
            if _is_ltr(pieces[k]):
                end = k
        out.extend(reversed(pieces[n : end + 1]))
        n = end + 1
    return out


def _marker_text(raw: str, note_numbers: set[int] | None) -> str:
    """Digits of a superscript as `[^N]` (several split by commas); anything else as it is."""
    numbers = [p for p in re.split(r"[,\s]+", raw.strip().strip("()")) if p]  # Arabic "(1)"
    values = [decimal(p, 3) for p in numbers]
    if not numbers or None in values:
        return raw
    if note_numbers is None or all(v in note_numbers for v in values):
        return "".join(f"[^{v}]" for v in values)
    return raw


def join_wrapped(a: str, b: str) -> str:
    """Two wrapped lines as one: no space in Chinese, before a note reference or after a hyphen
    or slash that ends a line ("Secretary-" "General"), except a suspended hyphen ("gender-" "and")."""
    if not a:
        return b
    if a.endswith("\u00ad"):  # a soft hyphen: the word was only broken for the line
        return a[:-1] + b
    suspended = a.endswith("-") and _SUSPENDED.match(b)
    if is_cjk(a[-1:]) or is_cjk(b[:1]) or b.startswith("[^") or (a.endswith(("-", "/")) and not suspended):
        return a + b
    return f"{a} {b}"
