"""Writing a document as a file, for the front ends: the kinds of UN document (layouts), the output
formats, the languages and the typography on offer, and the export itself.

draftroom.export lays out and writes; the front ends come here, so that they depend on the workflow
only. Light to import (python-docx loads only when a .docx is written), so the CLI's parser can offer
these choices at start-up. A stored negotiation's formal amendments and compilation are in `exporting`.
"""

from draftroom.export.api import (
    LAYOUTS,
    WRITERS,
    check_output,
    export_document,
    write_layout,
)
from draftroom.export.blocks import Options
from draftroom.export.typography import OPENER_STYLES, PAPERS
from draftroom.export.words import LANGUAGES, check_language
from draftroom.files import write_atomically

__all__ = [
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
