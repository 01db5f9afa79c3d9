"""The amendments a negotiation stores, and who facilitates it: the files, read and written here only.

Each amendment is its own file, amendments/<id>.json (one key per line, so git diffs show what
changed), so delegations proposing at once never touch the same file. roles.json holds the
facilitators once the roles have been changed (until then the negotiation's facilitator alone).

An amendment read from a file is checked before anything trusts its id: a file may come from
another clone, and the id names files and git trailers.
"""

import json
from collections.abc import Callable

from draftroom.errors import DraftroomError
from draftroom.model.amendment import Amendment, from_dict, to_dict
from draftroom.patterns import LazyPattern
from draftroom.store.layout import AMENDMENTS_DIR, Reader

ROLES = "roles.json"
_ID = LazyPattern(r"[A-Za-z0-9][\w.-]{0,79}")  # a plain file name: no separator, no "..", no leading dot


def amendment_path(aid: str) -> str:
    return f"{AMENDMENTS_DIR}{plain_id(aid)}.json"


def plain_id(aid: str) -> str:
    """`aid` when it can name a file of its own; a one-line error for anything else."""
    if not _plain(aid):
        raise DraftroomError(f"{aid!r} is not a valid amendment id (letters, digits, '-', '_', '.')")
    return aid


def _plain(aid: str) -> bool:
    return _ID.fullmatch(aid) is not None and ".." not in aid


def parse_amendment(rel: str, text: str) -> Amendment:
    """The amendment a file holds, its id checked against the file's name (so ids are unique)."""
    try:
        a = from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError) as e:
        raise DraftroomError(f"{rel} is not an amendment file ({e}): restore it from git") from None
    if not isinstance(a.id, str) or not _plain(a.id) or rel != f"{AMENDMENTS_DIR}{a.id}.json":
        raise DraftroomError(f"{rel} holds amendment {a.id!r}: an amendment's file is named for its id")
    return a


def amendment_file(a: Amendment) -> str:
    """amendments/<id>.json's text: one key per line so that git diffs show what changed."""
    fields = (f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in to_dict(a).items())
    return "{\n " + ",\n ".join(fields) + "\n}\n"


def read_facilitators(read: Reader) -> list[str] | None:
    """The facilitators roles.json names; None while the roles were never changed."""
    data = read(ROLES)
    return list(json.loads(data)["facilitators"]) if data else None


def roles_file(facilitators: list[str]) -> str:
    return json.dumps({"facilitators": facilitators}, ensure_ascii=False, indent=1) + "\n"


class Amendments:
    """One commit's (or one action's) amendment files: every one, one by id, and saving one."""

    def __init__(
        self, read: Reader, paths: Callable[[], list[str]], write: Callable[[str, str], None] | None
    ):
        self._read, self._paths, self._write = read, paths, write

    def all(self) -> list[Amendment]:
        return [parse_amendment(p, self._read(p) or "") for p in self._paths()]

    def get(self, ident: str) -> Amendment:
        """One amendment by id or a unique start of one; reads only its file when the id is exact."""
        want = ident.strip()
        exact = self._read(f"{AMENDMENTS_DIR}{want}.json") if _plain(want) else None
        if exact:
            return parse_amendment(f"{AMENDMENTS_DIR}{want}.json", exact)
        start = want.lower()
        paths = (
            [p for p in self._paths() if p[len(AMENDMENTS_DIR) :].lower().startswith(start)] if start else []
        )
        if len(paths) > 1:
            raise DraftroomError(f"{ident!r} names {len(paths)} amendments: give more of the id")
        if not paths:
            raise DraftroomError(f"no amendment {ident!r}: list the amendments to see their ids")
        return parse_amendment(paths[0], self._read(paths[0]) or "")

    def save(self, a: Amendment) -> None:
        if self._write is None:
            raise DraftroomError("a snapshot is read-only: change amendments inside an action")
        self._write(amendment_path(a.id), amendment_file(a))
