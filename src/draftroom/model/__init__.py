"""The centre: plain data for documents, paragraphs, footnotes and amendments. Imports nothing outside."""

from draftroom.model.document import (
    KINDS,
    STATUSES,
    Annex,
    Block,
    Closing,
    Document,
    Footnote,
    Heading,
    Instruction,
    Paragraph,
)
from draftroom.model.labels import (
    Label,
    Located,
    find_by_id,
    iter_located,
    labels,
    locate,
    normalize_label,
    paragraph_texts,
    part_letters,
)
from draftroom.model.revision import Revision

__all__ = [
    "KINDS",
    "STATUSES",
    "Annex",
    "Block",
    "Closing",
    "Document",
    "Footnote",
    "Heading",
    "Instruction",
    "Label",
    "Located",
    "Paragraph",
    "Revision",
    "find_by_id",
    "iter_located",
    "labels",
    "locate",
    "normalize_label",
    "paragraph_texts",
    "part_letters",
]
