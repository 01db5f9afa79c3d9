"""Logical units after the authoring body, built into the document's parts: preambular and operative
paragraphs with their sub-items, annexes with headings and numbered paragraphs, and the closing."""

import re
from dataclasses import dataclass, field

from draftroom.lang.markers import next_letter, roman_value
from draftroom.model import Annex, Closing, Heading, Paragraph
from draftroom.parse import vocab
from draftroom.parse.units import Unit

_NESTED_ROMANS = range(1, 21)  # (i) to (xx): the numerals a sub-item's own items run to
_FULLWIDTH = str.maketrans("０１２３４５６７８９（）", "0123456789()")


@dataclass
class Body:
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)


class Ids:
    """Paragraph ids in reading order: p1, p2, ..."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"p{self.n}"


def _add_item(parent: Paragraph, marker: str, level: str | None, text: str, new_id: Ids) -> None:
    """Attach "(b) ..." under its paragraph, or "(ii) ..." under the last lettered item. `level`:
    "letter" or "roman" when the printed marker says which (Arabic (ط) and ’1‘), None for (i)."""
    item = Paragraph(new_id(), text, marker=marker)
    last = parent.items[-1] if parent.items else None
    lettered = last is not None and parent.items[0].marker != "i"
    nested = (
        lettered
        and last is not None
        and level != "letter"
        and (level == "roman" or marker != next_letter(last.marker))
        and roman_value(marker) in _NESTED_ROMANS
        and (marker == "i" or bool(last.items))
    )
    (last.items if nested and last is not None else parent.items).append(item)


def _run_in(parent: Paragraph, marker: str, rest: str) -> Paragraph | None:
    """The paragraph or item that a list run into its sentence belongs to, when the item `marker`
    opens a new list and its own text goes on with the list's second marker ("(i) modalities ...;
    (ii) dedicated ...; and (iii) ..."): the list is printed inline, not set as items."""
    if marker == "a" and not parent.items:
        second, into = "b", parent
    elif marker == "i" and parent.items and _expected_letter(parent) != "i" and not parent.items[-1].items:
        second, into = "ii", parent.items[-1]
    else:
        return None
    return into if re.search(rf"[;,]\s+(?:\w+\s+)?\(?{second}\)\s", rest) else None


def _expected_letter(parent: Paragraph) -> str:
    return next_letter(parent.items[-1].marker) if parent.items else "a"


_HEADING_MAX = 400  # characters: a heading is a few short lines
_NOT_HEADING_END = re.compile(r"[.;:,，。；：、،؛](?:\s*(?:\[\^\d+\]|\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+))*[”’\"»)]?$")


def _heading_like(unit: Unit | None) -> bool:
    """A short unnumbered unit that does not end as a paragraph does: a heading set between
    paragraphs ("Peacebuilding Commission", "I" / "Legislative activities")."""
    if unit is None or unit.kind != "paragraph":
        return False
    text = unit.text.strip()
    head = text[:8].translate(_FULLWIDTH) + text[8:]
    return (
        0 < len(text) <= _HEADING_MAX
        and any(c.isalpha() for c in text)  # not a note marker on a line of its own
        and all(len(line) <= 160 for line in unit.lines)
        and not _NOT_HEADING_END.search(text)
        and not vocab.NUMBERED.match(head)
        and not vocab.ITEM.match(head)
        and not text[:1].islower()
    )


def _heading_lines(lines: list[str]) -> list[str]:
    """One heading per printed line, a line that starts in lower case going on with the one before
    ("General Assembly and Economic and Social Council affairs and" / "conference management"), and
    so does a line after a colon ("... Agenda 2063:" / "The Africa We Want")."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and (line[:1].islower() or out[-1].endswith((":", "："))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _numbered_unit(unit: Unit | None) -> bool:
    if unit is None or unit.kind != "paragraph":
        return False
    return bool(vocab.NUMBERED.match(unit.text[:8].translate(_FULLWIDTH) + unit.text[8:]))


def _before_numbered(units: list[Unit], i: int) -> bool:
    """Units i.. are headings up to a numbered paragraph."""
    j = i
    while j < len(units) and _heading_like(units[j]):
        j += 1
    return j > i and j < len(units) and _numbered_unit(units[j])


def _squeezed(text: str) -> str:
    return "".join(text.split()).rstrip("*")


def build_body(units: list[Unit], no_preamble: bool, title: str = "") -> Body:
    """The parts from the units; `title`: the document's, which a page's running head repeats (a
    unit that is the title alone is that head, not a heading)."""
    body = Body()
    running_head = _squeezed(title) if title else None
    new_id = Ids()
    annex: Annex | None = None
    last: Paragraph | None = None
    headings: list[str] = []  # headings printed before the next preambular or operative paragraph
    for i, unit in enumerate(units):
        text = unit.text
        if running_head and unit.kind == "paragraph" and _squeezed(text) == running_head:
            continue
        if annex is None and (body.operative or body.preamble) and _before_numbered(units, i):
            headings.extend(_heading_lines(unit.lines or [text]))
            continue
        if unit.kind == "annex":
            annex = Annex(title="", id=f"annex{len(body.annexes) + 1}")
            body.annexes.append(annex)
            last = None
            continue
        if unit.kind == "annex-title" and annex is not None:
            annex.title = text
            continue
        if unit.kind == "meeting":
            body.closing.meeting = text
            continue
        if unit.kind == "date":
            body.closing.date = text
            continue
        if unit.kind == "heading" and annex is not None:
            annex.blocks.append(Heading(text, new_id()))
            last = None
            continue
        head = text[:8].translate(_FULLWIDTH) + text[8:]
        m = vocab.ITEM.match(head)
        if m and last is not None and (marker := vocab.item_marker(m, _expected_letter(last))):
            if (runs_into := _run_in(last, marker[0], m.group("rest"))) is not None:
                runs_into.text += " " + text
                continue
            _add_item(last, *marker, m.group("rest"), new_id)
            continue
        number = None
        if m := vocab.NUMBERED.match(head):
            number, text = int(m.group("n")), m.group("rest")
        para = Paragraph(new_id(), text, number)
        if annex is None and headings:
            para.headings, headings = headings, []
        if _place(body, annex, para):
            last = para
    _single_operative(body, no_preamble)
    for a in body.annexes:
        _chapeau_as_heading(a)
    return body


def _place(body: Body, annex: Annex | None, para: Paragraph) -> bool:
    """Put `para` in the annex being read, the operative part or the preamble; False when it is text
    that goes on after the last operative paragraph's end, joined to that paragraph instead."""
    if annex is not None:
        annex.blocks.append(para)
    elif para.number is not None or body.operative:
        if para.number is None and body.operative and not body.operative[-1].items:
            body.operative[-1].text += " " + para.text
            return False
        body.operative.append(para)
    else:
        body.preamble.append(para)
    return True


def _single_operative(body: Body, no_preamble: bool) -> None:
    """A text with one operative paragraph does not number it: find it among the unnumbered ones."""
    if body.operative or not body.preamble:
        return
    if no_preamble:
        body.operative, body.preamble = body.preamble, []
    elif re.search(r"[.。](?:\[\^\d+\])*[”’\"]?$", body.preamble[-1].text):
        body.operative.append(body.preamble.pop())


# how a sentence ends, in any of the six languages: a heading never does ("Annex", "I. Prevention")
_SENTENCE_END = re.compile(r"[.:;,。：；，،؛](?:\[\^\d+\])*[”’\"»]?$")


def _chapeau_as_heading(annex: Annex) -> None:
    """Unnumbered lines before an annex's numbered paragraphs are its headings (the annex's own
    title's lines, a chapter's), except a sentence: the text that leads into the numbered paragraphs
    ("The Member States ... resolve to adopt the following plan of action:") is a paragraph, as the
    UN's XML has it."""
    paras = annex.paragraphs
    if not any(p.number is not None for p in paras):
        return
    for i, block in enumerate(annex.blocks):
        if isinstance(block, Paragraph):
            if block.number is not None:
                break
            if not block.items and not _SENTENCE_END.search(block.text.strip()):
                annex.blocks[i] = Heading(block.text, block.id)
