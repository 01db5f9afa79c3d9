"""Page furniture in extracted text: job numbers, barcodes, page counters, symbols and running titles
at page tops, and lists of document URLs. Removed, leaving a mark where a page broke."""

import itertools
import re
from collections import Counter

from draftroom.parse import vocab
from draftroom.parse.lines import Line

JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?$")
BARCODE = re.compile(r"^\*\d{6,9}\*$")
PAGE_COUNTER = re.compile(
    r"^(?:\d{1,3}\s*/\s*\d{1,3}|Page\s+\d{1,3}|-\s?\d{1,3}\s?-|第\s*\d{1,3}\s*页)$", re.I
)
SYMBOL = re.compile(r"^[A-Z][A-Z0-9.\-]{0,12}(?:/[A-Za-z0-9.\-]+)+$")
URLS = re.compile(r"^(?:(?:https?://|www\.|undocs\.org/)\S+\s*)+$", re.I)
_MASTHEAD_SYMBOL = re.compile(r"^(\S.*?)\s+([A-Z][A-Z0-9.\-]{0,12}(?:/[A-Za-z0-9.\-]+)+)$")
_JOB_DATE = re.compile(r"^\d{6}$")
_COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
_COLUMN_PIECES = (
    SYMBOL,
    JOB_NUMBER,
    PAGE_COUNTER,
    vocab.MASTHEAD,
    vocab.DATE,
    vocab.SESSION,
    vocab.COMMITTEE,
)
_NOTE_PART = re.compile(r"^(?:[_＿]{5,}|\d{1,3})$")  # a footnote rule or number, never a running title
_COMMAS = (",", "，", "،")
_SENTENCE_ENDS = ",.;:，。；：、،؛"
_TITLE_LINES = 4  # a running title has at most this many lines
_GAP = _TITLE_LINES + 2  # lines between two anchors of one page header: a running title and a blank


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def job_number(rows: list[str]) -> str | None:
    """The first job number printed ("25-19372 (E)  021225" -> "25-19372"), if any."""
    found = next((t for t in rows if JOB_NUMBER.match(t)), None)
    return found[:8] if found else None


def document_symbol(rows: list[str]) -> str | None:
    """The symbol printed alone near the top ("A/80/L.18", "S/RES/2334 (2016)"), if any."""
    for text in rows[:20]:
        if (SYMBOL.match(text) and any(c.isdigit() for c in text)) or vocab.COUNCIL_SYMBOL.match(text):
            return text
    return None


def _anchors(rows: list[str], symbol: str | None) -> dict[int, str]:
    found: dict[int, str] = {}
    for i, t in enumerate(rows):
        if JOB_NUMBER.match(t):
            found[i] = "job"
        elif BARCODE.match(t):
            found[i] = "barcode"
        elif PAGE_COUNTER.match(t):
            found[i] = "page"
    jobs = [i for i, k in found.items() if k == "job"]
    for i, t in enumerate(rows):
        # the job's date set apart from its number ("25-19374 (E)" ... "021225")
        if _JOB_DATE.match(t) and any(0 < i - j <= 3 for j in jobs):
            found[i] = "job"
    for i, t in enumerate(rows):
        # a symbol beside a page counter or job number; not a note citing a document ("A/80/292.")
        if (symbol and t == symbol) or (
            SYMBOL.match(t)
            and not t.endswith(".")
            and any(abs(i - j) <= 3 and k in ("job", "page") for j, k in found.items())
        ):
            found[i] = "symbol"
    return found


def _clusters(anchors: dict[int, str]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in sorted(anchors):
        if groups and i - groups[-1][-1] <= _GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _neighbours(rows: list[str], group: list[int], anchors: dict[int, str]) -> list[int]:
    """Non-blank lines inside a page-header cluster and directly touching it (no blank between)."""
    near = [i for i in range(group[0], group[-1] + 1) if rows[i] and i not in anchors]
    i = group[0] - 1
    while i >= 0 and rows[i] and i not in anchors and group[0] - i <= _TITLE_LINES:
        near.append(i)
        i -= 1
    i = group[-1] + 1
    while i < len(rows) and rows[i] and i not in anchors and i - group[-1] <= _TITLE_LINES:
        near.append(i)
        i += 1
    return near


def furniture_lines(rows: list[str]) -> set[int]:
    """Indices of lines that are page furniture or URL lists."""
    symbol = document_symbol(rows)
    anchors = _anchors(rows, symbol)
    # page counters and job numbers stand only in page heads and feet (a first page has no counter)
    headers = [g for g in _clusters(anchors) if any(anchors[i] in ("page", "job") for i in g)]
    candidates = {g[0]: _neighbours(rows, g, anchors) for g in headers}
    counts = Counter(_space(rows[i]) for near in candidates.values() for i in near)
    repeated = max(2, len(headers) // 2)  # a running title stands by most page heads
    removed = set(anchors)
    # the head: up to the line naming the authoring body ("The General Assembly,")
    head_end = next((i for i, t in enumerate(rows[:80]) if vocab.BODY.match(t) and t.endswith(_COMMAS)), 80)
    for first, near in candidates.items():
        # a running title repeats a line of the first page's head, above this page header
        head_text = _space(" ".join(rows[: max(0, min(head_end, first - _TITLE_LINES))]))
        for i in near:
            t = _space(rows[i])
            if _NOTE_PART.match(t):
                continue
            if counts[t] >= repeated or (len(t) >= 8 and t in head_text):
                removed.add(i)
    removed.update(i for i, t in enumerate(rows) if URLS.match(t))
    return removed


def _columns(raw: str) -> list[str]:
    """A line that an extractor keeping the layout set in two columns ("الأمم المتحدة      A/C.3/80/L.20",
    "A/80/L.5          2/4"), as one line per column, when a column holds masthead or furniture."""
    pieces = _COLUMN_GAP.split(raw)
    if len(pieces) < 2 and (m := _MASTHEAD_SYMBOL.match(raw.strip())) and vocab.MASTHEAD.match(m.group(1)):
        return list(m.groups())  # set in columns one space apart: "United Nations A/80/L.18"
    if len(pieces) < 2 or JOB_NUMBER.match(raw.strip()):
        return [raw]
    if not any(p.match(piece.strip()) for piece in pieces for p in _COLUMN_PIECES):
        return [raw]
    return pieces


def raw_rows(text: str) -> list[str]:
    """The lines of `text`, a line set in columns split into one line per column; the document's
    own symbol set one space after a running title ("... in Persons A/RES/80/9") split off too."""
    rows = [column for raw in text.split("\n") for column in _columns(raw)]
    symbol = document_symbol([r.strip() for r in rows])
    if not symbol:
        return rows
    tail = " " + symbol
    return [
        piece
        for row in rows
        for piece in ([row[: -len(tail)], symbol] if row.rstrip().endswith(tail) else [row])
    ]


_SPACE_RULE = 20  # spaces alone on a line that stand for the rule above a note block


def strip_furniture(text: str) -> list[Line]:
    """The kept non-blank lines of `text`, marking where blank lines and removed furniture stood."""
    raws = raw_rows(text)
    rows = [r.strip() for r in raws]
    removed = furniture_lines(rows)
    out: list[Line] = []
    blank = cut = False
    for i, (raw, t) in enumerate(zip(raws, rows, strict=True)):
        if i in removed:
            cut = True
            continue
        if not t and len(raw) >= _SPACE_RULE:
            # a long run of spaces where a rule would stand: some files open their notes so
            out.append(Line("_" * 10, 0, blank, cut, True))
            blank = cut = False
            continue
        if not t or t == "\f":
            blank = True
            cut = cut or "\f" in raw
            continue
        indent = len(raw) - len(raw.lstrip())
        out.append(Line(t, indent, blank, cut, raw == raw.rstrip()))
        blank = cut = False
    _page_margins(out)
    return out


def _page_margins(lines: list[Line]) -> None:
    """Indents measured from each page's own left margin: an extractor keeping the layout sets
    the text of facing pages at different distances from the edge. A page runs from one removed
    page furniture to the next; its margin is the indent most of its wrapped lines have (lines going
    on from a line that ended mid-sentence), or most of its lines."""
    pages: list[list[Line]] = []
    for line in lines:
        if line.cut_before or not pages:
            pages.append([])
        pages[-1].append(line)
    for page in pages:
        wrapped = [b.indent for a, b in itertools.pairwise(page) if a.text[-1] not in _SENTENCE_ENDS]
        indents = wrapped or [line.indent for line in page]
        margin = max(sorted(set(indents)), key=indents.count)
        for line in page:
            line.indent = max(0, line.indent - margin)
