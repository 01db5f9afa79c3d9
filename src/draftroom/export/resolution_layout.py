"""The adopted resolution: A/RES symbol, adoption line, bracket line, "74/176. Title", closing."""

import re

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.blocks import (
    Block,
    Layout,
    Options,
    annex_blocks,
    by_council,
    footnotes,
    heading_blocks,
    masthead,
    parts_blocks,
    text_blocks,
)
from draftroom.model import Document
from draftroom.record import replace

_RES_SYMBOL = re.compile(r"/RES/(.+)$")
_PART_LETTERS = re.compile(r"\s+[A-Z](?:\s*-\s*[A-Z])*$")  # "75/101 A-B", "A/RES/75/101 A"


def whole_number(number: str) -> str:
    """The number a resolution adopted in parts prints over them: 75/101 of 75/101 A-B."""
    return _PART_LETTERS.sub("", number)


def resolution_number(doc: Document, symbol: str | None) -> str | None:
    """ "74/176" from the options' or the document's A/RES symbol, or the number the document holds."""
    for candidate in (symbol, doc.symbol):
        m = _RES_SYMBOL.search(candidate or "")
        if m:
            return m.group(1)
    return doc.resolution_number


def resolution_layout(doc: Document, opts: Options) -> Layout:
    adopted_on = opts.adopted_on or doc.adopted_on or doc.closing.date
    meeting = opts.meeting or next((d.closing.meeting for d in (doc, *doc.parts) if d.closing.meeting), None)
    if not adopted_on or not meeting:
        missing = " and ".join(n for n, v in (("--adopted-on", adopted_on), ("--meeting", meeting)) if not v)
        raise DraftroomError(
            f"a resolution needs its adoption date and meeting: give {missing} "
            "(e.g. --adopted-on 2019-12-18 --meeting 50)"
        )
    number = resolution_number(doc, opts.symbol)
    if by_council(doc, opts):
        return _council_layout(doc, opts, number, adopted_on, meeting)
    prefix = "E/RES/" if (doc.symbol or "").startswith("E/") else "A/RES/"
    symbol = opts.symbol if opts.symbol and "/RES/" in opts.symbol else (prefix + number if number else "")
    draft_symbol = None if doc.committee or not doc.symbol or "/RES/" in doc.symbol else doc.symbol
    blocks = heading_blocks(doc, opts)
    blocks.append(Block("adopted", words.adoption_line(adopted_on, opts.lang, several=bool(doc.parts))))
    report = doc.report_line or words.report_line(doc.committee, draft_symbol, opts.lang)
    blocks.append(Block("report", report))
    printed = whole_number(number) if number and doc.parts else number
    blocks.append(Block("title", doc.title, words.paragraph_number(printed, opts.lang) if printed else ""))

    def closing(text: Document) -> list[Block]:
        """The meeting and the date under a text (each part's own, in a resolution adopted in parts)."""
        held = opts.meeting or text.closing.meeting or meeting
        on = opts.adopted_on or text.closing.date or adopted_on
        return [
            Block("closing", words.meeting_line(held, opts.lang)),
            Block("closing", words.format_date(on, opts.lang)),
        ]

    if doc.parts:
        blocks += parts_blocks(doc, opts, closing, annexes_new_page=False)
    else:
        blocks += text_blocks(doc, opts)
        blocks += closing(doc)
        blocks += annex_blocks(doc, opts, first_new_page=False)
    blocks.append(Block("end"))
    head = masthead(doc, opts, symbol, adopted=True)
    return Layout(
        opts.lang,
        symbol,
        head,
        blocks,
        footnotes(doc),
        running_title=doc.title,
        plenary=words.adopted_in_plenary(report),
    )


def _council_layout(
    doc: Document, opts: Options, number: str | None, adopted_on: str, meeting: str
) -> Layout:
    """A Security Council resolution as the Council issues it: "Resolution 2334 (2016)", "Adopted by
    the Security Council at its 7853rd meeting, on 23 December 2016", its text, no closing (the meeting
    and date are in the head) and no running title; the masthead dated the day of adoption."""
    if not number:
        raise DraftroomError(
            "a Security Council resolution needs its number: give --symbol 'S/RES/2334 (2016)'"
        )
    symbol = opts.symbol if opts.symbol and "/RES/" in opts.symbol else f"S/RES/{number}"
    blocks = [
        Block("council-number", words.council_number(number, opts.lang)),
        Block("adopted", words.council_adoption_line(meeting, adopted_on, opts.lang)),
        *text_blocks(doc, opts),
        *annex_blocks(doc, opts, first_new_page=False),
        Block("end"),
    ]
    head = masthead(doc, replace(opts, date=opts.date or adopted_on), symbol, adopted=True)
    return Layout(opts.lang, symbol, head, blocks, footnotes(doc))
