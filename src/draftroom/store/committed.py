"""A negotiation's files at one commit, read from git objects (no work tree, no lock)."""

import subprocess

from git import Blob, Repo, Tree

from draftroom.model import Document
from draftroom.store import layout
from draftroom.store.amendments import Amendments, read_facilitators
from draftroom.store.records import NegotiationState, Sponsor


class Committed:
    """The files of one commit, each folder listed and each file read from git on first use and kept.

    Folders are listed lazily: reading the document never lists the amendments folder, which may
    hold thousands of files.
    """

    def __init__(self, repo: Repo, rev: str) -> None:
        commit = repo.commit(rev)
        self._git_dir = repo.git_dir
        self.commit = commit.hexsha
        self._tree = commit.tree
        self._folders: dict[str, dict[str, Blob | Tree]] = {}
        self._read: dict[str, str] = {}

    def _entries(self, folder: str) -> dict[str, Blob | Tree]:
        """A folder's entries by name ("" for the top), empty when there is no such folder."""
        if folder not in self._folders:
            tree: Blob | Tree | None = self._tree
            if folder:
                parent, _, name = folder.rpartition("/")
                tree = self._entries(parent).get(name)
            self._folders[folder] = (
                {entry.name: entry for entry in tree if isinstance(entry, Blob | Tree)}
                if isinstance(tree, Tree)
                else {}
            )
        return self._folders[folder]

    def listing(self, folder: str) -> list[str]:
        """The names of the files directly in `folder` ("" for the top), sorted."""
        return sorted(name for name, entry in self._entries(folder).items() if isinstance(entry, Blob))

    def read(self, rel: str) -> str | None:
        if rel not in self._read:
            folder, _, name = rel.rpartition("/")
            blob = self._entries(folder).get(name)
            if not isinstance(blob, Blob):
                return None
            self._read[rel] = blob.data_stream.read().decode("utf-8")
        return self._read[rel]

    @property
    def files(self) -> dict[str, str]:
        """Every file: relative path -> text."""
        paths = sorted(str(b.path) for b in self._tree.traverse() if isinstance(b, Blob))
        return {rel: text for rel in paths if (text := self.read(rel)) is not None}

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
        return layout.read_sponsors(self.read, self.listing)

    @property
    def amendments(self) -> Amendments:
        """The amendment files of this commit (read-only)."""
        return Amendments(self.read, self._amendment_paths, None)

    def _amendment_paths(self) -> list[str]:
        folder = layout.AMENDMENTS_DIR.rstrip("/")
        self._read_folder(folder)  # whoever lists the amendments reads them: all in one git process
        return sorted(f"{folder}/{n}" for n, e in self._entries(folder).items() if isinstance(e, Blob))

    def _read_folder(self, folder: str) -> None:
        """Every file of `folder` read with one `git cat-file --batch`: thousands of amendment files
        in tens of milliseconds, where one read per file costs a quarter of a millisecond each."""
        wanted = [
            (f"{folder}/{name}", e.hexsha)
            for name, e in self._entries(folder).items()
            if isinstance(e, Blob) and f"{folder}/{name}" not in self._read
        ]
        if len(wanted) < 2:
            return
        shas = "".join(f"{sha}\n" for _, sha in wanted).encode("ascii")
        out = subprocess.run(
            ["git", "--git-dir", self._git_dir, "cat-file", "--batch"],
            input=shas,
            capture_output=True,
            check=True,
        ).stdout
        at = 0
        for rel, _ in wanted:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].split()[2])
            self._read[rel] = out[header_end + 1 : header_end + 1 + size].decode("utf-8")
            at = header_end + 1 + size + 1

    def facilitators(self) -> list[str] | None:
        """The facilitators roles.json names (None while the roles were never changed)."""
        return read_facilitators(self.read)
