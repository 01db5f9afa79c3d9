"""Export a Document: choose the layout by kind and the writer by the output file's extension."""

import os
from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.export.amendments_layout import amendments_layout
from draftroom.export.blocks import Layout, Options
from draftroom.export.draft_layout import draft_layout
from draftroom.export.plain import write_html, write_markdown, write_text
from draftroom.export.resolution_layout import resolution_layout
from draftroom.export.typography import Typography, typography_for
from draftroom.files import write_atomically
from draftroom.lang import check_language
from draftroom.model import Document

LAYOUTS: dict[str, Callable[[Document, Options], Layout]] = {
    "draft": draft_layout,
    "revised-draft": draft_layout,
    "resolution": resolution_layout,
    "amendments": amendments_layout,
}


def _write_docx(layout: Layout, typography: Typography) -> bytes:
    """python-docx loads only when a .docx is written, so that other verbs start without it."""
    from draftroom.export.docx_writer import write_docx as write

    return write(layout, typography)


WRITERS: dict[str, Callable[[Layout, Typography], bytes]] = {
    ".docx": _write_docx,
    ".txt": write_text,
    ".md": write_markdown,
    ".html": write_html,
}


def check_kind(kind: str) -> str:
    if kind not in LAYOUTS:
        raise DraftroomError(f"unknown kind {kind!r}: use one of {', '.join(LAYOUTS)}")
    return kind


AKN = ".xml"  # Akoma Ntoso (AKN4UN), written from the document rather than from a page layout


def check_output(path: Path) -> Path:
    """The output path, checked before any work: known extension, existing writable directory."""
    if path.suffix.lower() not in WRITERS and path.suffix.lower() != AKN:
        raise DraftroomError(f"{path}: unknown output format: name the file .docx, .txt, .md, .html or .xml")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise DraftroomError(f"{path}: directory {parent} does not exist: create it or choose another -o")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DraftroomError(f"{path}: directory {parent} is not writable: choose another -o")
    if path.is_dir():
        raise DraftroomError(f"{path}: is a directory: give a file name")
    return path


def export_document(
    doc: Document, path: str | Path, options: Options, validate: bool = False, **typography: object
) -> Path:
    """Write `doc` as `options.kind` in `options.lang` to `path`; never leaves a half-written file.
    `validate`: check an .xml against the Akoma Ntoso 3.0 schema before writing it."""
    out = check_output(Path(path))
    check_language(options.lang)
    if out.suffix.lower() == AKN:
        from draftroom.export.akn import schema_errors, write_akn

        data = write_akn(doc, options)
        errors = schema_errors(data) if validate else []
        if errors:
            raise DraftroomError(
                f"{out}: not valid against the Akoma Ntoso 3.0 schema ({errors[0]}); not written"
            )
        write_atomically(out, data)
        return out
    if validate:
        raise DraftroomError("--validate checks Akoma Ntoso XML: name the output file .xml")
    layout = LAYOUTS[check_kind(options.kind)](doc, options)
    return write_layout(layout, out, **typography)


def write_layout(layout: Layout, path: str | Path, **typography: object) -> Path:
    """Render a laid-out page in the format `path`'s extension names, atomically."""
    out = check_output(Path(path))
    if out.suffix.lower() == AKN:
        raise DraftroomError(
            f"{out}: this export is a page layout, not a document: name it .docx, .txt, .md or .html"
        )
    data = WRITERS[out.suffix.lower()](layout, typography_for(layout.language, **typography))
    write_atomically(out, data)
    return out
