"""Reading a document file (plain text as extracted from PDF, PDF, .docx, AKN XML) for the front ends.

draftroom.parse does the reading; the front ends come here, so that they depend on the workflow only.
"""

from collections.abc import Callable
from pathlib import Path

from draftroom.model import Document
from draftroom.parse import parse_file, parse_source, read_source
from draftroom.parse.detect import check_language, language_warning

__all__ = ["check_language", "parse_file", "read_document"]


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
