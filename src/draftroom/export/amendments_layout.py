"""A formal amendments document: "Lithuania: amendments to draft resolution A/C.3/68/L.75"."""

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.blocks import Block, Layout, Options, footnotes, heading_blocks, masthead
from draftroom.export.instructions import by_part, group_sentence, joined, part_letter
from draftroom.export.typography import opener_length
from draftroom.model import Document, Instruction


def amendments_document(
    base: Document, instructions: list[Instruction], sponsors: list[str], symbol: str | None = None
) -> Document:
    """The amendments document of `sponsors` to the draft `base`, ready for `amendments_layout`."""
    return Document(
        language=base.language,
        kind="amendments",
        symbol=symbol,
        session=base.session,
        committee=base.committee,
        agenda_item=base.agenda_item,
        agenda_title=base.agenda_title,
        sponsors=list(sponsors),
        title=base.title,
        amends=base.symbol,
        instructions=list(instructions),
        footnotes=list(base.footnotes),
    )


def amendments_layout(doc: Document, opts: Options) -> Layout:
    if not doc.instructions:
        raise DraftroomError("no amendment instructions to export: this document holds no amendments")
    if not doc.amends or not doc.sponsors:
        raise DraftroomError("an amendments document needs the amended symbol and its sponsors")
    symbol = opts.symbol or doc.symbol or ""
    groups = by_part(joined(doc.instructions, opts.lang))
    count = len(groups)
    blocks = heading_blocks(doc, opts)
    blocks.append(Block("sponsors", words.amendments_line(doc.sponsors, doc.amends, count, opts.lang)))
    blocks.append(Block("title", doc.title))
    part = None
    for n, group in enumerate(groups, 1):
        ins = group[0]
        if (letter := part_letter(ins)) and letter != part:  # a draft in parts: under each part's name
            blocks.append(Block("annex-heading", words.part_heading(letter, opts.lang)))
        part = letter
        line, follows = group_sentence(group, opts.lang)
        blocks.append(Block("instruction", line, words.paragraph_number(n, opts.lang) if count > 1 else ""))
        if follows:
            opener = opener_length(follows, opts.lang) if ins.op in ("insert", "replace") else 0
            blocks.append(Block("quoted", follows, opener=opener))
    blocks.append(Block("end"))
    head = masthead(doc, opts, symbol, adopted=False)
    note = words.sponsor_note(symbol, opts.lang)
    return Layout(
        opts.lang, symbol, head, blocks, footnotes(doc), sponsor_note=note, asterisk_notes=note is not None
    )
