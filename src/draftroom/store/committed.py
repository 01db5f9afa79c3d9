"""A negotiation's files at one commit, read from git objects (no work tree, no lock)."""

from draftroom.model import Document
from draftroom.store import layout, plumbing
from draftroom.store.amendments import Amendments, read_facilitators
from draftroom.store.records import NegotiationState, Sponsor

_TOP = ""  # the top folder, read together with text/: the document is read whole


class Committed:
    """The files of one commit, each folder listed and each file read from git on first use and kept.

    Read through plumbing's cat-file process: folders are listed lazily (reading the document never
    lists the amendments folder, which may hold thousands of files), and the first file read in a
    folder brings the folder's other files in the same exchange (the top folder's bring text/ too).
    An amendment is read alone; listing them reads them all at once.
    """

    def __init__(self, repo: plumbing.Where, rev: str) -> None:
        self._git_dir = plumbing.git_dir(repo)
        self.commit, tree = plumbing.commit_tree(self._git_dir, rev)
        self._trees = {_TOP: tree}  # folder -> its tree's sha
        self._folders: dict[str, dict[str, str]] = {}  # folder -> file name -> blob sha
        self._read: dict[str, str] = {}

    def _entries(self, folder: str) -> dict[str, str]:
        """A folder's files by name ("" for the top), empty when there is no such folder."""
        if folder not in self._folders:
            if folder:
                self._entries(folder.rpartition("/")[0])
            sha = self._trees.get(folder)
            found = plumbing.objects(self._git_dir, [sha])[0] if sha else None
            files: dict[str, str] = {}
            for mode, entry, entry_sha in plumbing.tree_entries(sha, found[1]) if sha and found else []:
                if mode == plumbing.TREE_MODE:
                    self._trees[f"{folder}/{entry}" if folder else entry] = entry_sha
                elif mode != plumbing.SUBMODULE_MODE:
                    files[entry] = entry_sha
            self._folders[folder] = files
        return self._folders[folder]

    def listing(self, folder: str) -> list[str]:
        """The names of the files directly in `folder` ("" for the top), sorted."""
        return sorted(self._entries(folder))

    def read(self, rel: str) -> str | None:
        if rel not in self._read:
            folder, _, name = rel.rpartition("/")
            if name not in self._entries(folder):
                return None
            together = [folder] if folder + "/" != layout.AMENDMENTS_DIR else []
            if folder == _TOP:
                together.append(layout.TEXT_DIR.rstrip("/"))
            self._fetch([rel, *(f"{f}/{n}" if f else n for f in together for n in self._entries(f))])
        return self._read.get(rel)

    def _fetch(self, paths: list[str]) -> None:
        """The files at `paths` (in folders already listed) not read yet, in one exchange with git."""
        wanted = list(dict.fromkeys(p for p in paths if p not in self._read))
        shas = [self._folders[p.rpartition("/")[0]][p.rpartition("/")[2]] for p in wanted]
        for rel, found in zip(wanted, plumbing.objects(self._git_dir, shas), strict=True):
            if found is not None:
                self._read[rel] = found[1].decode("utf-8")

    @property
    def files(self) -> dict[str, str]:
        """Every file: relative path -> text."""
        paths: list[str] = []
        pending = [_TOP]
        while pending:
            folder = pending.pop()
            paths += [f"{folder}/{n}" if folder else n for n in self._entries(folder)]
            pending += [t for t in self._trees if t and t.rpartition("/")[0] == folder]
        self._fetch(paths)
        return {rel: self._read[rel] for rel in sorted(paths) if rel in self._read}

    def document(self) -> Document:
        doc = layout.read_document(self.read)
        doc.sponsors = [s.name for s in self.sponsors()]
        return doc

    def outline(self) -> Document:
        """The document's structure (ids, numbers, so labels) without reading paragraph texts."""
        return layout.read_outline(self.read)

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
        paths = [f"{folder}/{n}" for n in self.listing(folder)]
        self._fetch(paths)  # whoever lists the amendments reads them: all in one exchange with git
        return paths

    def facilitators(self) -> list[str] | None:
        """The facilitators roles.json names (None while the roles were never changed)."""
        return read_facilitators(self.read)
