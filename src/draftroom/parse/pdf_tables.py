"""Tables of a PDF page rebuilt from where their text stands.

The UN sets a table in smaller type than the text around it, its figures in columns apart from each
other. A run of body lines in smaller type holding at least two rows of text set in columns is a
table: its rows are told apart by the extra space between them (the lines of one cell follow at the
type's leading), its columns are the stretches of the page the multi-column rows cover, and each
piece of text goes to the column it overlaps most. Lines after the last row in columns (the table's
notes, "a See A/79/555.") stay ordinary lines.
"""

from draftroom.model.document import table_text
from draftroom.parse.pdf_lines import Line, Span, join_wrapped, make_line
from draftroom.record import replace

_SMALL = 0.95  # table type: smaller than this share of the body size
_ROW_GAP = 1.4  # baselines further apart than this many times the type size: a new row
_CELL_GAP = 0.9  # characters further apart than this many times the type size: two cells


def fold_tables(body: list[Line], body_size: float, note_numbers: set[int] | None) -> list[Line]:
    """`body` with each table's lines replaced by one line that carries its `cells`."""
    out: list[Line] = []
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and body[j].size < _SMALL * body_size and body[j].cells is None:
            j += 1
        if j == i:
            out.append(body[i])
            i += 1
            continue
        table, used = _table(body[i:j], note_numbers)
        if table is None:
            out.extend(body[i:j])
        else:
            out.append(table)
            out.extend(body[i + used : j])
        i = j
    return out


def _table(lines: list[Line], note_numbers: set[int] | None) -> tuple[Line | None, int]:
    """The table the first of `lines` open, and how many of them it takes; (None, 0) when they
    hold fewer than two rows set in columns."""
    rows = _rows(lines)
    pieces = [[p for line in row for p in _pieces(line, note_numbers)] for row in rows]
    columnar = [n for n, row in enumerate(pieces) if _in_columns(row)]
    if len(columnar) < 2:
        return None, 0
    rows, pieces = rows[: columnar[-1] + 1], pieces[: columnar[-1] + 1]
    columns = _columns([p for n in columnar for p in pieces[n]])
    cells = [_cells(row, columns) for row in pieces]
    first = rows[0][0]
    used = sum(len(r) for r in rows)
    x0, x1 = min(x.x0 for r in rows for x in r), max(x.x1 for r in rows for x in r)
    return replace(first, x0=x0, x1=x1, text=table_text(cells), cells=cells), used


def _in_columns(row: list[Line]) -> bool:
    """Whether two pieces of a row stand side by side (no piece above another)."""
    return any(a.x1 < b.x0 for a in row for b in row)


def _rows(lines: list[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for line in lines:
        last = rows[-1][-1] if rows else None
        if last is not None and line.baseline - last.baseline <= _ROW_GAP * max(line.size, last.size):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _pieces(line: Line, note_numbers: set[int] | None) -> list[Line]:
    """The line cut where its characters stand far apart (two cells of one row)."""
    groups: list[list[Span]] = [[]]
    reach: float | None = None
    for span in sorted(line.spans, key=lambda s: s.x0):
        for part in _split_span(span, line.size):
            if reach is not None and part.x0 - reach > _CELL_GAP * line.size and groups[-1]:
                groups.append([])
            groups[-1].append(part)
            reach = part.x1 if reach is None else max(reach, part.x1)
    return [make_line(g, line.page, note_numbers) for g in groups if g]


def _split_span(span: Span, size: float) -> list[Span]:
    cuts = []
    reach: float | None = None  # the right edge of the last inked character
    for n, c in enumerate(span.chars):
        if not c["c"].strip():
            continue
        if reach is not None and c["bbox"][0] - reach > _CELL_GAP * size:
            cuts.append(n)
        reach = c["bbox"][2]
    if not cuts:
        return [span]
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(span.chars)], strict=True):
        chars = span.chars[a:b]
        inked = [c for c in chars if c["c"].strip()]
        text = "".join(c["c"] for c in chars).replace("\u00a0", " ")
        x0, x1 = min(c["bbox"][0] for c in inked), max(c["bbox"][2] for c in inked)
        out.append(replace(span, text=text, x0=x0, x1=x1, chars=chars))
    return out


def _columns(pieces: list[Line]) -> list[tuple[float, float]]:
    """The stretches of the page covered by the pieces of the rows set in columns."""
    spans = sorted((p.x0, p.x1) for p in pieces)
    out = [spans[0]]
    for x0, x1 in spans[1:]:
        if x0 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def _cells(row: list[Line], columns: list[tuple[float, float]]) -> list[str]:
    cells = [""] * len(columns)
    for piece in row:  # in reading order: line by line, left to right
        overlap = [min(piece.x1, b) - max(piece.x0, a) for a, b in columns]
        n = max(range(len(columns)), key=lambda k: overlap[k])
        cells[n] = join_wrapped(cells[n], piece.text)
    return cells
