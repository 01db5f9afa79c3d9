"""Reading a document file (plain text as extracted from PDF, PDF, .docx, AKN XML) for the front ends.

draftroom.parse does the reading; the front ends come here, so that they depend on the workflow only.
"""

from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Document
from draftroom.parse import parse_file, parse_source, read_source
from draftroom.parse.detect import check_language, language_warning

__all__ = ["check_language", "parse_file", "read_document"]


def _ignore(_: str) -> None:
    pass


def read_document(
    path: str | Path,
    lang: str | None = None,
    warn: Callable[[str], None] = _ignore,
    *,
    refuse_other_language: bool = False,
) -> Document:
    """The document in the file at `path`, read in `lang` (detected when None); `warn` hears first,
    before the parsing, when the text clearly reads as another language than `lang`; with
    `refuse_other_language` that is a one-line error instead (a version to store as `lang`)."""
    source = read_source(path)
    warning = language_warning(str(path), source.text, lang)
    if warning and refuse_other_language:
        said = warning.split(";", 1)[0]  # "FILE reads as French (fr), not Spanish (es)"
        raise DraftroomError(f"{said}: give the {lang} file, or leave --lang out; nothing was written")
    for line in ([warning] if warning else []) + source.warnings:
        warn(line)
    return parse_source(source, lang, str(path))
