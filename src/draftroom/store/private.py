"""Proposals a delegation keeps to itself until it tables them: one file each under the clone's own
git folder (.git/draftroom/private/<id>.json), never in a commit, so no push, fetch or clone ever
carries one. `draftroom submit` turns one into an ordinary signed `propose` action.

Each file is the amendment's own file (amendments/<id>.json's text) with one more key,
`"private": true`: should such a file ever reach a commit (copied by hand into amendments/), the
rules refuse that commit everywhere (the server's guard, `verify`).
"""

import json
import os
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.files import write_atomically
from draftroom.model.amendment import Amendment
from draftroom.store.amendments import amendment_file, amendment_path, parse_amendment, plain_id

MARK = "private"  # the key that marks a private proposal's file
FOLDER = Path("draftroom") / "private"  # inside .git


def marked_private(text: str | None) -> bool:
    """Whether an amendment file's text is a private proposal's (which no commit may hold)."""
    if not text:
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get(MARK) is True


class PrivateProposals:
    """The private proposals of one clone (a negotiation's work tree)."""

    def __init__(self, negotiation: Path) -> None:
        self.folder = Path(negotiation) / ".git" / FOLDER

    def _file(self, aid: str) -> Path:
        return self.folder / f"{plain_id(aid)}.json"

    def save(self, a: Amendment) -> None:
        data = json.loads(amendment_file(a))
        data[MARK] = True
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(self._file(a.id), json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def all(self) -> list[Amendment]:
        if not self.folder.is_dir():
            return []
        return [self._read(p) for p in sorted(self.folder.glob("*.json"))]

    def _read(self, path: Path) -> Amendment:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DraftroomError(f"{path}: unreadable private proposal ({e}): delete the file") from None
        return parse_amendment(amendment_path(path.stem), text)

    def find(self, ident: str) -> Amendment | None:
        """One by id or a unique start of one; None when none matches."""
        want = ident.strip().lower()
        found = [a for a in self.all() if want and a.id.lower().startswith(want)]
        exact = [a for a in found if a.id.lower() == want]
        if exact:
            return exact[0]
        if len(found) > 1:
            raise DraftroomError(f"{ident!r} names {len(found)} private proposals: give more of the id")
        return found[0] if found else None

    def token(self) -> str:
        """Changes whenever a private proposal is added, changed or removed (no git): each file's
        name, inode, size and modification time (a folder's time alone can stay the same across two
        saves made within one tick of the file system's clock)."""
        try:
            with os.scandir(self.folder) as found:
                files = sorted((e.name, e.stat()) for e in found)
        except OSError:
            return ""
        return " ".join(f"{n}:{s.st_ino}:{s.st_size}:{s.st_mtime_ns}" for n, s in files)

    def remove(self, aid: str) -> None:
        self._file(aid).unlink(missing_ok=True)
