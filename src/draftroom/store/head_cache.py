"""What a read computed from one state of a clone, kept for the next read of that same state.

One file per kind of read under the clone's own git folder (.git/draftroom/cache/<name>, never in a
commit): a first line of JSON holding the key it was computed for (the head commit and whatever else
the read depends on), a small value (JSON) and the byte length of each section that follows (none for
one not computed), then the sections, plain UTF-8 text one after the other: a reader reads and decodes only the section it
prints. A reader asks with the key it would compute for: a file written for another key, one it
cannot read or parse, or one whose sections do not add up to its length is no answer, and the reader
computes again and writes it over. Writing is best effort: a clone that cannot be written to is read
as before, only not faster.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.files import write_atomically

FOLDER = Path("draftroom") / "cache"  # inside the git folder

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any


class HeadCache:
    """One kind of read's kept answer in one git folder."""

    def __init__(self, git_dir: Path, name: str) -> None:
        self.path = Path(git_dir) / FOLDER / name

    def get(self, key: str, *sections: int) -> tuple[Any, list[str]] | None:
        """The value kept for `key` and the texts of the sections asked for, in that order; None when
        none is kept for it, one of them was not computed for it, or the file is damaged."""
        try:
            with open(self.path, "rb") as f:
                line = f.readline()
                head = json.loads(line)
                if not isinstance(head, dict) or head.get("key") != key:
                    return None
                sizes = head["sections"]
                if os.fstat(f.fileno()).st_size != len(line) + sum(n or 0 for n in sizes):  # cut short
                    return None
                texts = []
                for section in sections:
                    if sizes[section] is None:  # not computed for this key
                        return None
                    f.seek(len(line) + sum(n or 0 for n in sizes[:section]))
                    data = f.read(sizes[section])
                    if len(data) != sizes[section]:
                        return None
                    texts.append(data.decode("utf-8"))
                return head.get("value"), texts
        except (OSError, ValueError, LookupError, TypeError):  # ValueError: JSON and UTF-8 too
            return None

    def put(self, key: str, value: Any, sections: list[str | None]) -> None:
        """Keep `value` and `sections` for `key` (None: a section not computed), replacing whatever was
        kept (atomically: a reader at the same time reads the old file or the new one); nothing when
        the folder cannot be written."""
        data = [None if s is None else s.encode("utf-8") for s in sections]
        sizes = [None if d is None else len(d) for d in data]
        head = json.dumps({"key": key, "value": value, "sections": sizes}, ensure_ascii=False)
        try:
            os.makedirs(self.path.parent, exist_ok=True)
            write_atomically(self.path, b"".join([head.encode("utf-8"), b"\n", *(d for d in data if d)]))
        except (OSError, DraftroomError):
            pass
