"""The L-document: a draft or revised draft resolution as tabled."""

from draftroom.export import words
from draftroom.export.blocks import (
    Block,
    Layout,
    Options,
    annex_blocks,
    footnotes,
    heading_blocks,
    masthead,
    parts_blocks,
    text_blocks,
)
from draftroom.model import Document


def draft_layout(doc: Document, opts: Options) -> Layout:
    symbol = opts.symbol or doc.symbol or ""
    revised = opts.kind == "revised-draft"
    blocks = heading_blocks(doc, opts)
    if doc.sponsors:
        blocks.append(Block("sponsors", words.sponsor_line(doc.sponsors, opts.lang, revised)))
    blocks.append(Block("title", doc.title))
    if doc.parts:
        blocks += parts_blocks(doc, opts, lambda _: [], annexes_new_page=True)
    else:
        blocks += text_blocks(doc, opts)
        blocks += annex_blocks(doc, opts, first_new_page=True)
    blocks.append(Block("end"))
    head = masthead(doc, opts, symbol, adopted=False)
    note = words.sponsor_note(symbol, opts.lang) if doc.sponsors else None
    return Layout(opts.lang, symbol, head, blocks, footnotes(doc), sponsor_note=note)
