"""A negotiation's files at one commit, read from git objects (no work tree, no lock)."""

from git import Repo

from draftroom.model import Document
from draftroom.store import layout
from draftroom.store.records import NegotiationState, Sponsor


class Snapshot:
    """The files of one commit: listed at once, each read from git on first use and kept."""

    def __init__(self, repo: Repo, rev: str) -> None:
        commit = repo.commit(rev)
        self.commit = commit.hexsha
        self._blobs = {str(b.path): b for b in commit.tree.traverse() if b.type == "blob"}
        self._read: dict[str, str] = {}

    def read(self, rel: str) -> str | None:
        if rel not in self._read:
            blob = self._blobs.get(rel)
            if blob is None:
                return None
            self._read[rel] = blob.data_stream.read().decode("utf-8")
        return self._read[rel]

    @property
    def files(self) -> dict[str, str]:
        """Every file: relative path -> text."""
        return {rel: text for rel in sorted(self._blobs) if (text := self.read(rel)) is not None}

    def document(self) -> Document:
        doc = layout.read_document(self.read)
        doc.sponsors = [s.name for s in self.sponsors()]
        return doc

    def outline(self) -> Document:
        """The document's structure (ids, numbers, so labels) without reading paragraph texts."""
        return layout.read_document(lambda rel: "" if rel.startswith(layout.TEXT_DIR) else self.read(rel))

    def state(self) -> NegotiationState:
        return layout.read_state(self.read)

    def sponsors(self) -> list[Sponsor]:
        return layout.read_sponsors(self.read)
