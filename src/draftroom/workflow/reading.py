"""Reading a document file (plain text as extracted from PDF, PDF, .docx, AKN XML) for the front ends.

draftroom.parse does the reading; the front ends come here, so that they depend on the workflow only.
"""

from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Document
from draftroom.parse import parse_file, parse_source, read_source
from draftroom.parse.detect import check_language, language_warning

__all__ = ["check_language", "one_text", "parse_file", "read_document"]


def _ignore(_: str) -> None:
    pass


def read_document(
    path: str | Path, lang: str | None = None, warn: Callable[[str], None] = _ignore
) -> Document:
    """The document in the file at `path`, read in `lang` (detected when None); `warn` hears first,
    before the parsing, when the text clearly reads as another language than `lang`."""
    source = read_source(path)
    warning = language_warning(str(path), source.text, lang)
    for line in ([warning] if warning else []) + source.warnings:
        warn(line)
    return parse_source(source, lang, str(path))


def one_text(doc: Document, path: str | Path) -> Document:
    """`doc`, refused in one line when it is a resolution adopted in parts (A and B under one
    symbol), which versions in other languages cannot be aligned with yet."""
    if doc.parts:
        letters = ", ".join(p.symbol or p.title for p in doc.parts)
        raise DraftroomError(
            f"{path} is {doc.symbol or 'a resolution'} in {len(doc.parts)} parts ({letters}): versions in "
            "other languages are aligned with texts in one part only; negotiate it in its working language "
            "(`draftroom new NAME --from FILE` without --with)"
        )
    return doc
