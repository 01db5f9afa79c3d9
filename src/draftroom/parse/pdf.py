"""Text of a UN PDF with a text layer, read through its layout (PyMuPDF).

The result is ordinary extracted text, made cleaner by what the layout shows: page furniture
(running heads, page counters, job numbers, barcodes, URL lists) is dropped; lines of one paragraph
are joined; paragraphs are separated by a blank line; superscript footnote markers become `[^N]`
inline, and the notes at the foot of each page become definition lines `[^N]: text`, placed at the
first paragraph break after the page they stand on. Asterisk notes ("* Any changes to the list of
sponsors ...") are kept as plain lines there, as text extractors give them.
"""

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

import pymupdf

from draftroom.errors import DraftroomError
from draftroom.model.document import table_text
from draftroom.model.limits import PAGES, TEXT_CHARS
from draftroom.parse import vocab
from draftroom.parse.furniture import job_number
from draftroom.parse.pdf_lines import (
    Line,
    Span,
    is_marker,
    is_rtl,
    join_wrapped,
    make_line,
    mirror,
    page_spans,
    visual_lines,
)
from draftroom.parse.pdf_tables import fold_tables
from draftroom.parse.source import SourceText, opener_key
from draftroom.record import replace

_NUMBERING = re.compile(r"^(\d{1,3}\.|\(?[a-z]{1,4}\)|[A-Z]\.|[IVXLC]+\.|[一二三四五六七八九十]+[、.．])\s")
_RULE = re.compile(r"^[_\u2014\u2500-]{5,}$")
_URLS = re.compile(r"^(\s*https?://\S+)+\s*$")
_PLAIN_NOTE = re.compile(r"(?:(\d{1,3})\s+|[(（](\d{1,3})[)）]\s*)\S")  # "1 Resolution", Arabic "(1) القرار"
_ENDED = re.compile(r"[.。!?؟][”’\"»)]?$")  # a note's last line
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_FURNITURE = [
    re.compile(r"^\*\d{5,}\*$"),  # barcode
    re.compile(r"^\d{2}-\d{5}\s*(\([A-Z]\))?(\s+\d{6})?$"),  # job number "25-16618 (E)  281025"
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),  # page counter "2/14"
    re.compile(r"(?i)^please\s+recycle"),
    re.compile(r"^[A-Z]{1,10}(/[A-Za-z0-9.\-]+)+$"),  # a document symbol alone ("A/80/L.18")
]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    job: str | None = None  # the job number printed in the page's margin, furniture but kept


_HEADER = re.compile(rb"%PDF-\d\.\d")
_TAIL = 2048  # where a PDF ends with `startxref`, the offset of its cross-reference table, and %%EOF
_DAMAGE = ("premature end", "missing 'endobj'", "object is not a stream", "cannot find startxref")


def _open(data: bytes, source: str) -> pymupdf.Document:
    if not _HEADER.match(data) or b"startxref" not in data[-_TAIL:]:
        # MuPDF would rebuild a file without its cross-reference table by scanning all of it (and
        # the text of a truncated one is incomplete anyway)
        raise DraftroomError(
            f"{source}: not a readable PDF: damaged or truncated (no cross-reference table at its end): "
            "give a complete copy"
        )
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise DraftroomError(f"{source}: not a readable PDF (damaged or not a PDF)") from None
    if doc.needs_pass:
        raise DraftroomError(
            f"{source}: the PDF is encrypted: give an unprotected copy, the .docx or a text version"
        )
    return doc


def _pages(doc: pymupdf.Document, source: str) -> list[pymupdf.Page]:
    """The pages, within the page-count limit; a one-line error for a damaged page tree (a cycle,
    a count that lies, a page that is no page)."""
    try:
        count = doc.page_count
        PAGES.check(count, source)
        pages = list(doc.pages())
        sizes = [(p.rect.width, p.rect.height) for p in pages]
    except DraftroomError:
        raise
    except Exception as e:  # MuPDF's errors on a damaged page tree
        raise DraftroomError(
            f"{source}: the PDF is damaged ({str(e).removeprefix('code=7: ') or type(e).__name__}): "
            "give a complete copy"
        ) from None
    if not pages:
        raise DraftroomError(f"{source}: the PDF has no pages")
    if any(not (0 < w < 1e5 and 0 < h < 1e5) for w, h in sizes):
        raise DraftroomError(f"{source}: the PDF is damaged (a page without a size): give a complete copy")
    return pages


def _check_damage(doc: pymupdf.Document, text_chars: int, bad_chars: int, source: str) -> None:
    """A truncated or corrupt file that MuPDF repaired silently would give part of the text."""
    warnings = pymupdf.TOOLS.mupdf_warnings()
    if doc.is_repaired and any(w in warnings for w in _DAMAGE):
        raise DraftroomError(f"{source}: the PDF is damaged (truncated or corrupt): give a complete copy")
    if bad_chars > 0.05 * max(text_chars, 1):
        raise DraftroomError(
            f"{source}: the PDF's text layer cannot be decoded (fonts without a Unicode map): "
            "give the .docx or a text version"
        )


def _body_size(pages: list[list[Span]]) -> float:
    sizes: Counter[float] = Counter()
    for spans in pages:
        for s in spans:
            sizes[round(s.size * 2) / 2] += len(s.text.strip())
    return sizes.most_common(1)[0][0]


def _is_furniture(line: Line, page: _Page, body_size: float, repeated: set[str]) -> bool:
    text = line.text
    if any(p.match(text) for p in _FURNITURE[:4]) or _URLS.match(text):
        return True
    if line.y0 > 0.85 * page.height and re.fullmatch(r"\d{6}", text):  # the job number's date, set apart
        return True
    if page.number == 0 or not _in_margin(line, page):
        return False
    return line.size < 0.95 * body_size or text in repeated or bool(_FURNITURE[4].match(text))


def _split_notes(
    lines: list[Line], body_size: float, continued: bool, expected: int | None
) -> tuple[list[Line], list[Line]]:
    """Body lines and footnote lines of one page: notes sit below a rule, or, without one, form
    the run of small-type lines at the foot of the page that opens with a note marker (or goes
    on with a note the page before left unfinished). `expected`: the number the next note has,
    when earlier pages had notes (a table's figures in small type are no note: "62 287 400")."""
    for i, line in enumerate(lines):
        if _RULE.match(line.text) and all(_is_note_size(x, body_size) for x in lines[i + 1 :]):
            return lines[:i], lines[i + 1 :]
    start = len(lines)
    while start > 0 and _is_note_size(lines[start - 1], body_size):
        start -= 1
    if not continued and lines:
        # a note opens at (or hangs out of) the text's left edge, where most of the page's lines
        # start, not in a table's column of figures ("6 441")
        left = Counter(round(x.x0) for x in lines).most_common(1)[0][0] + body_size
        while start < len(lines) and not (lines[start].x0 <= left and _opens_note(lines[start], expected)):
            start += 1
    return lines[:start], lines[start:]


def _is_note_size(line: Line, body_size: float) -> bool:
    return line.size <= 0.92 * body_size


def _opens_note(line: Line, expected: int | None) -> bool:
    if line.starts_with_marker is not None or line.text.startswith("*"):
        return True
    m = _PLAIN_NOTE.match(line.text)
    return m is not None and (expected is None or int(m.group(1) or m.group(2)) == expected)


def _last_note(notes: list[Line], last: int | None) -> int | None:
    """The number of the last note of a page's note lines, `last` when they open none."""
    for line in notes:
        m = _PLAIN_NOTE.match(line.text)
        number = line.starts_with_marker or (m and (m.group(1) or m.group(2)))
        if number and number.isdigit() and (last is None or int(number) == last + 1):
            last = int(number)
    return last


def _number_plain_notes(pages: list[_Page]) -> None:
    """Notes whose number is set like their text ("1 Resolution 64/293."): a line of the notes that
    opens with the next number in sequence opens a note; so does the next number alone on a line,
    its text on the line after (which starts with a letter: not a table's column of figures)."""
    last: int | None = None
    for p in pages:
        for i, line in enumerate(p.notes):
            m = _PLAIN_NOTE.match(line.text)
            number = m.group(1) or m.group(2) if m else None
            after = p.notes[i + 1].text if i + 1 < len(p.notes) else ""
            if line.text.strip().isdigit() and last is not None and after[:1].isalpha():
                number = line.text.strip()
            if line.starts_with_marker is None and number and (last is None or int(number) == last + 1):
                line.starts_with_marker = number
            if line.starts_with_marker:
                last = int(line.starts_with_marker)


def _read_pages(doc: pymupdf.Document, source: str) -> list[_Page]:
    loaded = _pages(doc, source)
    try:
        raw: list[list[Span]] = []
        room = TEXT_CHARS.value
        for page in loaded:
            raw.append(page_spans(page, room))
            room -= sum(len(s.text) for s in raw[-1])
    except DraftroomError as e:
        raise DraftroomError(f"{source}: {e}") from None
    chars = sum(len(s.text.strip()) for spans in raw for s in spans)
    if chars < 20:
        raise DraftroomError(f"{source}: no text layer: this PDF is a scan; give the .docx or a text version")
    bad = sum(s.text.count("\ufffd") + len(_CONTROL.findall(s.text)) for spans in raw for s in spans)
    _check_damage(doc, chars, bad, source)
    body_size = _body_size(raw)
    pages = [_Page(n, page.rect.width, page.rect.height) for n, page in enumerate(loaded)]
    if is_rtl(raw):
        for p, spans in zip(pages, raw, strict=True):
            mirror(spans, p.width)
    grouped = []
    for p, spans in zip(pages, raw, strict=True):
        groups = visual_lines(spans, body_size)
        grouped.append([(g, make_line(g, p.number, None)) for g in groups])
    repeated = _repeated_margins(pages, grouped)
    unfinished = False  # the last note of the page before goes on
    last_note: int | None = None
    bodies = []
    for p, lines in zip(pages, grouped, strict=True):
        p.job = next((x.text for _, x in lines if _FURNITURE[1].match(x.text)), None)
        keep = [(g, x) for g, x in lines if not _is_furniture(x, p, body_size, repeated)]
        expected = last_note + 1 if last_note is not None else None
        body, p.notes = _split_notes([x for _, x in keep], body_size, unfinished, expected)
        last_note = _last_note(p.notes, last_note)
        unfinished = bool(p.notes) and not _ENDED.search(p.notes[-1].text)
        bodies.append([g for g, x in keep if any(x is b for b in body) and not _RULE.match(x.text)])
    _number_plain_notes(pages)
    note_numbers = {int(n) for p in pages for n in _note_starts(p.notes)}
    for p, groups in zip(pages, bodies, strict=True):
        p.body = fold_tables([make_line(g, p.number, note_numbers) for g in groups], body_size, note_numbers)
    return pages


def _in_margin(line: Line, page: _Page) -> bool:
    return line.y1 < 0.1 * page.height or line.y0 > 0.93 * page.height


def _repeated_margins(pages: list[_Page], grouped: list[list[tuple[list[Span], Line]]]) -> set[str]:
    """Texts in the top or bottom margin of two or more pages: running heads and footers."""
    counts: Counter[str] = Counter()
    for p, lines in zip(pages, grouped, strict=True):
        counts.update({x.text for _, x in lines if p.number > 0 and _in_margin(x, p)})
    return {t for t, n in counts.items() if n > 1}


def _note_starts(notes: list[Line]) -> list[str]:
    return [line.starts_with_marker for line in notes if line.starts_with_marker]


def _notes_text(pages: list[_Page]) -> dict[int, list[str]]:
    """Per page, the notes that start there as finished lines; continuations join their note."""
    out: dict[int, list[str]] = {}
    last: list[str] | None = None
    for p in pages:
        for line in p.notes:
            if _RULE.match(line.text):
                continue
            if line.starts_with_marker:
                body = re.sub(rf"^[(（]?\s*{line.starts_with_marker}\s*[)）]?", "", line.text).strip()
                out.setdefault(p.number, []).append(f"[^{int(line.starts_with_marker)}]: {body}")
                last = out[p.number]
            elif line.text.startswith("*"):
                out.setdefault(p.number, []).append(line.text)
                last = out[p.number]
            elif last:
                last[-1] = join_wrapped(last[-1], line.text)
    return out


def _column(lines: list[Line], body_size: float, width: float) -> tuple[float, float]:
    """Left edge and right margin of the text column. The right margin is the median end of long
    body lines (justified lines end there); the left edge is where lines start that follow a full
    line (continuation lines), or else where long lines start."""
    body = [x for x in lines if abs(x.size - body_size) < 0.75] or lines
    long = [x for x in body if x.x1 - x.x0 > 0.5 * width] or body
    ends = sorted(x.x1 for x in long)
    right = ends[len(ends) // 2]
    follow = [b.x0 for a, b in itertools.pairwise(body) if a.x1 > right - body_size and b.y0 > a.y0]
    lefts = Counter(round(x) for x in follow or [x.x0 for x in long])
    return float(lefts.most_common(1)[0][0]), right


def _leadings(pages: list[_Page]) -> dict[float, float]:
    """The usual distance between the baselines of two lines of one paragraph, per type size:
    the smallest distance seen at least twice (the larger ones are paragraph spacing)."""
    gaps: dict[float, Counter[float]] = {}
    for p in pages:
        for a, b in itertools.pairwise(p.body):
            gap = b.baseline - a.baseline
            if a.size == b.size and 0.9 * a.size < gap < 2.5 * a.size:
                gaps.setdefault(a.size, Counter())[round(gap * 2) / 2] += 1
    return {size: min((g for g, n in c.items() if n > 1), default=min(c)) for size, c in gaps.items()}


def _numbered(text: str) -> bool:
    """A line opening with a paragraph number or sub-item marker ("1.", "(a)", "1 -", "(ب)", ’2‘)."""
    return bool(_NUMBERING.match(text) or vocab.NUMBERED.match(text) or vocab.ITEM.match(text))


def _lettered_note(line: Line) -> bool:
    """A line opening with a raised letter: one of the notes a table sets below it ("a See A/79/555.")."""
    first = line.spans[0]
    return is_marker(first, line.size) and first.text.strip().isalpha() and len(first.text.strip()) == 1


def _break(prev: Line, line: Line, left: float, right: float, leading: dict[float, float]) -> str:
    """How `line` follows `prev`: "join" (a wrapped line), "line" (a hard line break inside a
    block) or "para" (a new paragraph: extra space above, a first-line indent, a paragraph number
    after a short line, or a short line at the foot of the previous page, or a change of weight
    there after a paragraph's end)."""
    size = max(prev.size, line.size)
    normal = max(leading.get(prev.size, 1.2 * prev.size), leading.get(line.size, 1.2 * line.size))
    indent = line.x0 - left
    short = prev.x1 + line.first_word_width + 0.5 * size < right
    ended = re.search(r"[.;:。；：؛][”’\"»)]?$", prev.text)
    if line.page != prev.page:
        # a heading at the top of the page, after a paragraph's end, sets itself apart by its weight
        heading = ended and prev.bold != line.bold
        return "para" if short or 0.8 * size < indent or _numbered(line.text) or heading else "join"
    if line.baseline - prev.baseline > 1.25 * normal or _lettered_note(line):
        return "para"
    if _numbered(line.text) and (short or ended or line.x0 > prev.x0 + 0.8 * size):
        return "para"
    if 0.8 * size < indent < 6 * size and line.x0 > prev.x0 + 0.8 * size:
        return "para"
    if prev.bold != line.bold or abs(prev.size - line.size) > 1:
        return "line"
    if indent > 6 * size and prev.x0 - left > 6 * size:  # a right-aligned or centred block
        return "line"
    if short or line.x0 > prev.x0 + 0.8 * size:
        return "line"
    return "join"


def read_pdf(data: bytes, source: str) -> SourceText:
    """The text of a PDF with a text layer, and its job number; one-line DraftroomError for a
    damaged, encrypted or scanned PDF."""
    doc = _open(data, source)
    with doc:
        pages = _read_pages(doc, source)
    job = next((p.job for p in pages if p.job), None)
    openers: dict[str, str] = {}
    text = _text(pages, openers)
    # a PDF that sets no opener in italics does not tell its openers (Arabic, Chinese)
    return SourceText(text, job_number([job]) if job else None, openers=openers or None)


def pdf_to_text(data: bytes, source: str) -> str:
    return read_pdf(data, source).text


def _italic(span: Span) -> bool:
    return bool(span.flags & 2) or "italic" in span.font.lower() or "oblique" in span.font.lower()


def _label_end(text: str) -> int:
    """Where the text after a paragraph number or sub-item marker that opens `text` starts; 0 without one."""
    if m := _NUMBERING.match(text):
        return m.end()
    m = vocab.NUMBERED.match(text) or vocab.ITEM.match(text)
    return m.start("rest") if m else 0


def _italic_lead(line: Line) -> tuple[str, str] | None:
    """(the italic words a paragraph's first line opens with, the line's text from them on), past a
    paragraph number, whatever its type (the point after "16." may be set in italics with the
    opener); None when the line does not open in italics. The words are read from the line's text,
    which has the spaces the spans may leave out."""
    start = _label_end(line.text)
    skip = len("".join(line.text[:start].split()))  # the label's characters, in the spans
    letters = 0  # how many non-space characters the italic run has
    for span in line.spans:
        ink = "".join(span.text.split())
        passed = min(skip, len(ink))
        skip -= passed
        if passed == len(ink):
            continue
        if not _italic(span):
            break
        letters += len(ink) - passed
    else:
        return None  # italic to the end of the line, or no words at all
    if not letters:
        return None
    text = " ".join(line.text[start:].split())
    count = 0
    for n, c in enumerate(text):
        count += not c.isspace()
        if count == letters:
            return text[: n + 1], text
    return None


def _text(pages: list[_Page], openers: dict[str, str] | None = None) -> str:
    """The pages' text; `openers` gets each italic opening phrase, keyed by `opener_key` of the
    paragraph it opens."""
    notes = _notes_text(pages)
    paragraphs: list[str] = []
    pending: list[str] = []
    current = ""
    prev: Line | None = None
    size = _dominant(pages)
    leading = _leadings(pages)
    opens = False  # the previous line was a paragraph number alone
    table: Line | None = None  # the table last read, which may go on at the top of the next page
    for p in pages:
        body = p.body
        if not body:
            pending.extend(notes.get(p.number, []))
            continue
        left, right = _column(body, size, p.width)
        for line in body:
            if line.cells is not None:
                if table is not None and prev is table and line is body[0]:  # the table goes on
                    table.cells = (table.cells or []) + _continued(table.cells or [], line.cells)
                    current = table_text(table.cells)
                    continue
                if current:
                    paragraphs.append(current)
                paragraphs.extend(pending)
                pending = []
                table = prev = replace(line, cells=list(line.cells))
                current, opens = line.text, False
                continue
            how = "para" if prev is None or prev is table else _break(prev, line, left, right, leading)
            if how == "para":
                if current:
                    paragraphs.append(current)
                paragraphs.extend(pending)
                pending = []
                current = line.text
            elif how == "line":
                current = f"{current}\n{line.text}"
            else:
                current = join_wrapped(current, line.text)
            # a paragraph's first words: on its first line, or below a number set alone ("6.")
            # (a table's note opens with its letter, set in italics: no opener)
            if (
                openers is not None
                and (how == "para" or opens)
                and not _lettered_note(line)
                and (lead := _italic_lead(line))
            ):
                openers[opener_key(lead[1])] = lead[0]
            opens = how == "para" and vocab.bare_label(line.text.strip())
            prev = line
        pending.extend(notes.get(p.number, []))
    if current:
        paragraphs.append(current)
    paragraphs.extend(pending)
    return "\n\n".join(paragraphs).replace("\u00ad", "").replace("\u200b", "") + "\n"


def _continued(table: list[list[str]], more: list[list[str]]) -> list[list[str]]:
    """The rows of a table's part on a new page, without the heading rows repeated there."""
    if not table or len(more[0]) != len(table[0]):
        return more
    n = 0
    while n < min(len(table), len(more)) - 1 and more[n] == table[n]:
        n += 1
    return more[n:]


def _dominant(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for p in pages:
        for line in p.body:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
