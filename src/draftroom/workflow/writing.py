"""Writing a document as a file, for the front ends: the kinds of UN document (layouts), the output
formats, the languages and the typography on offer, and the export itself.

draftroom.export lays out and writes; the front ends come here, so that they depend on the workflow
only. Light to import (python-docx loads only when a .docx is written), so the CLI's parser can offer
these choices at start-up. A stored negotiation's formal amendments and compilation are in `exporting`.
"""

from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.export.api import (
    LAYOUTS,
    WRITERS,
    export_document,
    write_layout,
)
from draftroom.export.api import check_output as check_file
from draftroom.export.blocks import Options
from draftroom.export.typography import OPENER_STYLES, PAPERS
from draftroom.files import write_atomically
from draftroom.lang import LANGUAGES, check_language

COMPILATION = "compilation"  # the current draft with every pending proposal in place, attributed
KINDS = (*LAYOUTS, COMPILATION)  # what a stored negotiation exports as; any of them in any of WRITERS


def check_output(path: Path, kind: str | None = None) -> Path:
    """The output path, checked before any work: a writable file of a known format (for `kind`: a
    compilation is laid out or printed, never AKN; the CLI's and the TUI's one rule), outside every
    negotiation's repository (a file written there would be an uncommitted change to it)."""
    from draftroom.store import enclosing_negotiation  # GitPython loads only when a file is written

    if kind == COMPILATION and path.suffix.lower() not in WRITERS:
        raise DraftroomError(f"{path}: a compilation is written as {', '.join(WRITERS)}: rename the file")

    inside = enclosing_negotiation(path)
    if inside is not None:
        raise DraftroomError(f"{path}: inside the negotiation {inside}: write the file somewhere else")
    return check_file(path)


__all__ = [
    "COMPILATION",
    "KINDS",
    "LANGUAGES",
    "LAYOUTS",
    "OPENER_STYLES",
    "PAPERS",
    "WRITERS",
    "Options",
    "check_language",
    "check_output",
    "export_document",
    "write_atomically",
    "write_layout",
]
