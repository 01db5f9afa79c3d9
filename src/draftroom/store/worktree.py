"""Reading the negotiation's text straight from its work tree, for an action that holds the lock.

Under the lock the work tree is exactly HEAD (a killed action is rolled back before the lock is
handed over), so an action that only needs labels and one or two paragraphs reads those files
and leaves the document untouched, instead of loading and writing back every paragraph.
"""

from pathlib import Path

from draftroom.model import Document
from draftroom.store import layout


def _reader(path: Path, skip_texts: bool) -> layout.Reader:
    def read(rel: str) -> str | None:
        if skip_texts and rel.startswith(layout.TEXT_DIR):
            return ""
        p = path / rel
        return p.read_text(encoding="utf-8") if p.is_file() else None

    return read


def working_outline(path: Path) -> Document:
    """The document's structure, numbers, statuses and footnotes; paragraph texts left empty."""
    return layout.read_document(_reader(path, skip_texts=True))


def working_file(path: Path, rel: str) -> str | None:
    """A file as the work tree holds it (None when there is none)."""
    return _reader(path, skip_texts=False)(rel)


def working_text(path: Path, pid: str) -> str:
    """One paragraph's text as the work tree holds it."""
    text = _reader(path, skip_texts=False)(layout.text_path(pid)) or ""
    return text[:-1] if text.endswith("\n") else text
