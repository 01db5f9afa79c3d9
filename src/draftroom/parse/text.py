"""Plain text (as any PDF extractor gives it, or the canonical form of the PDF and .docx readers) read
into a Document.

Steps: normalise; drop page furniture; take the footnotes out; measure how lines were wrapped; read
the head up to the authoring body; join the rest into paragraphs and build the parts; rewrite
footnote markers as `[^N]` in reading order.
"""

from collections.abc import Iterator

from draftroom.errors import DraftroomError
from draftroom.model import Document, Footnote, Heading, Paragraph
from draftroom.model.footnotes import references, renumber
from draftroom.model.states import split_sponsors
from draftroom.parse import vocab
from draftroom.parse.detect import check_language, detect_language
from draftroom.parse.footnotes import extract_notes
from draftroom.parse.furniture import document_symbol, job_number, raw_rows, strip_furniture
from draftroom.parse.head import Head, find_body, parse_head
from draftroom.parse.instructions import parse_instructions
from draftroom.parse.lines import Line, normalize, repair_spacing, repair_visual_order
from draftroom.parse.markers import MarkerResolver
from draftroom.parse.structure import build_body
from draftroom.parse.units import Joiner
from draftroom.parse.wrapping import Wrapping, measure

_BODY_COMMAS = (",", "，", "،")


def _marked(lines: list[Line], numbered: dict[int, str]) -> bool:
    """Whether the text refers to every numbered note as `[^N]` (draftroom's own text, a .docx's Word
    footnotes): then a number in it ("份额2 323 000美元", "m²") is never a note's marker."""
    refs = {n for line in lines for n in references(line.text)}
    return bool(numbered) and set(numbered) <= refs


def parse_plain(text: str, lang: str | None, source: str) -> Document:
    text = repair_spacing(normalize(text))
    if not text.strip():
        raise DraftroomError(f"{source}: no text in this file")
    language = check_language(lang) if lang else detect_language(text)
    if language == "ar":
        text = repair_visual_order(text)
    lines, notes = extract_notes(strip_furniture(text))
    if not lines:
        raise DraftroomError(f"{source}: no resolution text found, only page furniture and notes")
    wrapping = measure(lines)
    body_at = find_body(lines)
    head = parse_head(lines, body_at, wrapping, language)
    rows = [r.strip() for r in raw_rows(text)]
    doc = _document(head, language, document_symbol(rows))
    doc.job_number = job_number(rows)
    resolver = MarkerResolver(
        set(notes.numbered),
        notes.starred,
        language in vocab.PAREN_NOTES,
        marked=_marked(lines, notes.numbered),
    )
    if head.kind == "amendments":
        start = max(head.consumed, default=-1) + 1
        units = Joiner(wrapping, "amend", language, set(notes.numbered)).run(lines[start:])
        doc.instructions = parse_instructions([resolver.resolve(u.text) for u in units], language)
    else:
        if body_at is None:
            raise DraftroomError(
                f"{source}: no authoring body line (such as 'The General Assembly,' or '大会，') "
                "before the paragraphs: is this a UN resolution text?"
            )
        _fill_body(doc, lines, body_at, wrapping, set(notes.numbered))
        if head.meeting and not doc.closing.meeting:  # a Council resolution names it in its head
            doc.closing.meeting = head.meeting
        for holder in _reading_order(doc):
            holder.text = resolver.resolve(holder.text)
        for annex in doc.annexes:
            annex.title = resolver.resolve(annex.title)
    _footnotes(doc, {**notes.numbered, **resolver.star_notes()})
    return doc


def _document(head: Head, language: str, symbol: str | None) -> Document:
    kind = head.kind
    if kind == "draft" and symbol and "/Rev." in symbol:
        kind = "revised-draft"
    if head.meeting and head.resolution_number and not symbol:  # a Council resolution's head
        symbol = f"S/RES/{head.resolution_number}"
    return Document(
        language=language,
        kind=kind,
        symbol=symbol,
        session=head.session,
        committee=head.committee,
        agenda_item=head.agenda_item,
        agenda_title=head.agenda_title,
        date=head.date,
        sponsors=split_sponsors(head.sponsor_text, language) if head.sponsor_text else [],
        title=head.title.rstrip("*").strip(),
        resolution_number=head.resolution_number,
        adopted_on=head.adopted_on,
        report_line=head.report_line,
        amends=head.amends,
    )


def _fill_body(doc: Document, lines: list[Line], body_at: int, wrapping: Wrapping, notes: set[int]) -> None:
    line = lines[body_at].text
    doc.body = line.rstrip("".join(_BODY_COMMAS)).strip()
    units = Joiner(wrapping, "preamble", doc.language, notes).run(lines[body_at + 1 :])
    body = build_body(units, no_preamble=not line.endswith(_BODY_COMMAS), title=doc.title)
    doc.preamble, doc.operative, doc.annexes, doc.closing = (
        body.preamble,
        body.operative,
        body.annexes,
        body.closing,
    )


def _reading_order(doc: Document) -> Iterator[Paragraph | Heading]:
    def walk(p: Paragraph) -> Iterator[Paragraph]:
        yield p
        for item in p.items:
            yield from walk(item)

    for p in doc.preamble + doc.operative:
        yield from walk(p)
    for annex in doc.annexes:
        for block in annex.blocks:
            yield from walk(block) if isinstance(block, Paragraph) else iter([block])


def _footnotes(doc: Document, texts: dict[int, str]) -> None:
    doc.footnotes = [Footnote(n, texts[n]) for n in sorted(texts)]
    if [f.number for f in doc.footnotes] != list(range(1, len(doc.footnotes) + 1)):
        renumber(doc)
