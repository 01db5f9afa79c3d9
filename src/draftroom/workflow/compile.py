"""The compilation text of informal consultations: the current draft with every pending proposal
in place and attributed ("[CHN, PAK: ...]"), deletions struck, insertions marked, and each
paragraph's status. As plain text, or as one self-contained HTML page.

Edits that change different words of a paragraph are shown inside it; a whole new text, edits
that collide, deletions and moves are shown on their own lines under the paragraph; new
paragraphs where they would stand ("OP5 bis"). Square brackets around disputed words are their own
pieces, so that every output sets them apart (bold, as the UN's informal compilations print them) and
its legend explains them.
"""

from collections import defaultdict
from collections.abc import Callable

from draftroom.model import Document, brackets, iter_located, labels
from draftroom.model.amendment import Amendment
from draftroom.model.revision import Revision
from draftroom.record import field, record
from draftroom.workflow.patching import Hunk, hunks, spans_overlap

_LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
TEXT_LEGEND = "[-deleted-] {+inserted+} [DELEGATIONS: proposal]; [words] in the text: not agreed"
STATUS_NAMES = {"agreed-ad-ref": "agreed ad ref", "agreed": "agreed", "bracketed": "bracketed"}


@record
class Piece:
    """A run of the compilation: plain text, struck or inserted words, or an attributed proposal."""

    kind: str  # text | del | ins | who | bracket (a square bracket around disputed words)
    text: str = ""
    parts: list["Piece"] = field(default_factory=list)  # inside an attribution


@record
class Line:
    label: str
    depth: int
    pieces: list[Piece]
    status: str = "open"
    kind: str = "paragraph"  # paragraph | proposal | new


def diff_pieces(old: str, new: str) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for s, e, added in hunks(old, new):
        out.append(Piece("text", old[pos:s]))
        out += [Piece("del", old[s:e])] if e > s else []
        out += [Piece("ins", added)] if added else []
        pos = e
    out.append(Piece("text", old[pos:]))
    return [p for p in out if p.text]


def _who(a: Amendment, code: Callable[[str], str], what: str = "") -> str:
    tags = ", ".join(code(p) for p in a.proposers)
    state = {"accepted": " (accepted)", "conflicting": " (conflicting)"}.get(a.status, "")
    return f"{tags}{state}: {what}" if what else f"{tags}{state}: "


def _inline(text: str, edits: list[tuple[Amendment, list[Hunk]]], code: Callable[[str], str]) -> list[Piece]:
    marks = sorted((h, a) for a, hs in edits for h in hs)
    out: list[Piece] = []
    pos = 0
    for (s, e, added), a in marks:
        out.append(Piece("text", text[pos:s]))
        inner = ([Piece("del", text[s:e])] if e > s else []) + ([Piece("ins", added)] if added else [])
        out.append(Piece("who", _who(a, code), inner))
        pos = e
    out.append(Piece("text", text[pos:]))
    return [p for p in out if p.text or p.parts]


def compile_lines(doc: Document, amendments: list[Amendment], code: Callable[[str], str] = str) -> list[Line]:
    """The compilation as lines, in reading order. The one rule for what a compilation shows: the
    pending proposals, and the accepted ones no revision has applied yet (given all, it picks)."""
    shown = [a for a in amendments if a.pending or (a.status == "accepted" and not a.applied_in)]
    shown.sort(key=lambda a: (a.created, a.id))
    on: dict[str, list[Amendment]] = defaultdict(list)
    after: dict[str, list[Amendment]] = defaultdict(list)
    before: dict[str, list[Amendment]] = defaultdict(list)
    for a in shown:
        if a.kind == "insert":
            (after if a.position == "after" else before)[a.anchor or ""].append(a)
        else:
            on[a.target or ""].append(a)
    names = labels(doc)
    lines: list[Line] = []
    open_: list[tuple[int, list[Line]]] = []  # paragraphs whose sub-items are being shown
    for loc in iter_located(doc):
        para = loc.paragraph
        depth = loc.label.count("(")
        while open_ and open_[-1][0] >= depth:
            lines += open_.pop()[1]
        lines += [_new_line(a, f"new before {loc.label}", depth, code) for a in before[para.id]]
        inline, own = _split(para.text, on[para.id])
        lines.append(Line(loc.label, depth, _inline(para.text, inline, code), para.status))
        for a in own:
            pieces = _proposal(a, para.text, loc.label, names, code)
            lines.append(Line(f"{loc.label} alt", depth, pieces, "open", "proposal"))
        new_after = [
            _new_line(a, f"{loc.label} {_LATIN[n] if n < len(_LATIN) else f'bis{n + 1}'}", depth, code)
            for n, a in enumerate(after[para.id])
        ]
        open_.append((depth, new_after))  # shown after the paragraph's sub-items
    while open_:
        lines += open_.pop()[1]
    for line in lines:
        line.pieces = _bracketed(line.pieces)
    return lines


def _bracketed(pieces: list[Piece]) -> list[Piece]:
    """The pieces with each square bracket of their plain text (not a footnote reference's) its own
    "bracket" piece, inside attributions too."""
    out: list[Piece] = []
    for p in pieces:
        if p.kind == "who":
            out.append(Piece("who", p.text, _bracketed(p.parts)))
            continue
        marks = [at for at, _ in brackets.marks(p.text)] if p.kind == "text" else []
        pos = 0
        for at in marks:
            out += [Piece("text", p.text[pos:at])] if at > pos else []
            out.append(Piece("bracket", p.text[at]))
            pos = at + 1
        out += [Piece(p.kind, p.text[pos:])] if pos < len(p.text) or not marks else []
    return out


def _split(
    text: str, proposals: list[Amendment]
) -> tuple[list[tuple[Amendment, list[Hunk]]], list[Amendment]]:
    """Edits shown inside the paragraph (they change different words of its current text), and
    the proposals shown on their own lines."""
    inline: list[tuple[Amendment, list[Hunk]]] = []
    own: list[Amendment] = []
    for a in proposals:
        if a.kind == "edit" and a.base_text == text and a.status != "conflicting":
            hs = hunks(text, a.text or "")
            spans = [(s, e) for s, e, _ in hs]
            if not any(spans_overlap(spans, [(s, e) for s, e, _ in other]) for _, other in inline):
                inline.append((a, hs))
                continue
        own.append(a)
    return inline, own


def _proposal(
    a: Amendment, text: str, label: str, names: dict[str, str], code: Callable[[str], str]
) -> list[Piece]:
    if a.kind == "delete":
        return [Piece("who", _who(a, code), [Piece("del", f"delete {label}")])]
    if a.kind == "move":
        return [Piece("who", _who(a, code, f"move {label} {a.position} {names.get(a.anchor or '', '?')}"))]
    note = f" ({a.conflict.reason})" if a.conflict else ""
    base = a.base_text if a.base_text is not None else text
    return [Piece("who", _who(a, code), [*diff_pieces(base, a.text or ""), Piece("text", note)])]


def _new_line(a: Amendment, label: str, depth: int, code: Callable[[str], str]) -> Line:
    return Line(label, depth, [Piece("who", _who(a, code), [Piece("ins", a.text or "")])], "open", "new")


def render_text(doc: Document, lines: list[Line], revision: Revision) -> str:
    out = [_heading(doc, revision), f"Legend: {TEXT_LEGEND}", ""]
    for line in lines:
        status = f"({STATUS_NAMES[line.status]}) " if line.status in STATUS_NAMES else ""
        body = "".join(plain(p) for p in line.pieces)
        out.append(f"{'    ' * line.depth}{line.label:<10} {status}{body}")
    if doc.footnotes:
        out += ["", "Notes", *(f"{f.number}. {f.text}" for f in doc.footnotes)]
    return "\n".join(out) + "\n"


def plain(p: Piece) -> str:
    if p.kind == "del":
        return f"[-{p.text}-]"
    if p.kind == "ins":
        return f"{{+{p.text}+}}"
    if p.kind == "who":
        return f"[{p.text}{''.join(plain(q) for q in p.parts)}]"
    return p.text


def _heading(doc: Document, revision: Revision) -> str:
    """The draft named as its readers know it: "Compilation text: A/C.3/80/L.20 Title", or without a
    symbol "Compilation text: Title (Base text)" / "(Rev.2)"."""
    if doc.symbol:
        return f"Compilation text: {doc.symbol} {doc.title}".rstrip()
    return f"Compilation text: {doc.title or 'draft'} ({revision.known_as(None)})"


_CSS = """body{font-family:"Times New Roman","Noto Serif CJK SC",serif;max-width:48em;margin:2em auto;
line-height:1.5}h1{font-size:1.2em}.p{margin:.4em 0;display:flex;gap:.8em}.l{min-width:6em;
font-weight:bold;color:#444}.proposal .l,.new .l{color:#036}del{color:#a00}ins{color:#060}
.who{background:#eef3fb;border-radius:3px;padding:0 .2em}.who b{font-size:.85em;color:#036}
.s{font-size:.8em;border:1px solid #888;border-radius:3px;padding:0 .3em;margin-right:.4em}
.agreed{background:#dfd}.agreed-ad-ref{background:#efe}.bracketed{background:#fed}
.br{font-weight:bold}.notes{border-top:1px solid #888;margin-top:2em;font-size:.9em}"""


def render_html(doc: Document, lines: list[Line], revision: Revision) -> str:
    import html  # the HTML compilation only: the text one and the listings do without

    rows = []
    for line in lines:
        status = (
            f'<span class="s {line.status}">{STATUS_NAMES[line.status]}</span>'
            if line.status in STATUS_NAMES
            else ""
        )
        body = "".join(_html(p) for p in line.pieces)
        rows.append(
            f'<div class="p {line.kind}" style="margin-left:{2 * line.depth}em">'
            f'<span class="l">{html.escape(line.label)}</span><span>{status}{body}</span></div>'
        )
    notes = "".join(f"<li value={f.number}>{html.escape(f.text)}</li>" for f in doc.footnotes)
    lang = html.escape(doc.language or "en")
    title = html.escape(_heading(doc, revision))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body><h1>{title}</h1>\n{_HTML_LEGEND}\n"
        + "\n".join(rows)
        + (f'\n<ol class="notes">{notes}</ol>' if notes else "")
        + "\n</body></html>\n"
    )


_HTML_LEGEND = (
    '<p class="legend"><del>struck</del>: proposed deletion; <ins>underlined</ins>: proposed insertion; '
    '<span class="who"><b>[DELEGATIONS: </b>proposal<b>]</b></span>; '
    '<b class="br">[</b>words<b class="br">]</b> in bold square brackets: not agreed</p>'
)


def _html(p: Piece) -> str:
    import html

    if p.kind == "del":
        return f"<del>{html.escape(p.text)}</del>"
    if p.kind == "ins":
        return f"<ins>{html.escape(p.text)}</ins>"
    if p.kind == "who":
        inner = "".join(_html(q) for q in p.parts)
        return f'<span class="who"><b>[{html.escape(p.text)}</b>{inner}<b>]</b></span>'
    if p.kind == "bracket":
        return f'<b class="br">{p.text}</b>'
    return html.escape(p.text)
