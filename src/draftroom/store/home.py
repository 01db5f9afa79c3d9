"""Where negotiations live, and which names are safe to become directory names.

The home is `--home`, else `DRAFTROOM_HOME`, else `./sessions`. A negotiation name is one path
component of letters (any script), digits, `.`, `-` and `_`, not starting with `.` or `-`; anything
else (`../x`, `/etc/passwd`, the empty string, control characters) is refused before touching disk.
A NAME argument may instead be the path of an existing negotiation directory.
"""

import os
import unicodedata
from pathlib import Path

from draftroom.errors import DraftroomError

MARKER = "negotiation.json"  # a directory is a negotiation when it holds a git repo and this file
MAX_NAME = 100
INDEX_FILE = "index.sqlite"  # the home's SQL index, beside the negotiations, with its -wal, -shm, -journal


def resolve_home(home: str | os.PathLike[str] | None = None) -> Path:
    raw = home or os.environ.get("DRAFTROOM_HOME") or "sessions"
    path = Path(raw).expanduser().absolute()
    try:
        is_file = path.exists() and not path.is_dir()
    except OSError as e:  # a name too long, a loop of links...
        raise DraftroomError(
            f"the home {path} cannot be used ({e.strerror}): choose another --home"
        ) from None
    if is_file:
        raise DraftroomError(
            f"the home {path} is a file, not a folder: give a folder with --home or $DRAFTROOM_HOME"
        )
    return path


def check_sqlite_file(path: Path) -> None:
    """The SQLite index file at `path` can be made: a one-line error when it, or one of SQLite's
    journal files beside it, is a folder (a home broken before names were checked)."""
    for taken in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        if taken.is_dir():
            raise DraftroomError(
                f"{taken} is a folder, where the index of the negotiations keeps a file: "
                "move that folder away (`draftroom reindex NAME` rebuilds the index)"
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DraftroomError(f"cannot create {path.parent} ({e.strerror}): choose another --home") from None


def _writable_home(home: str | os.PathLike[str] | None) -> Path:
    """The home, created if missing, once a folder could be made in it (the only sure test: /proc
    and read-only mounts pass `os.access` for root)."""
    root = resolve_home(home)
    import tempfile  # creating a negotiation only

    try:
        root.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(prefix=".probe-", dir=root))
    except OSError as e:
        raise DraftroomError(
            f"cannot create a negotiation in {root} ({e.strerror}): choose another --home"
        ) from None
    check_sqlite_file(root / INDEX_FILE)
    return root


def _name_problem(name: str) -> str | None:
    if not name:
        return "is empty"
    if len(name) > MAX_NAME:
        return f"is longer than {MAX_NAME} characters"
    if name[0] in ".-":
        return "starts with '.' or '-'"
    for ch in name:
        if ch.isalnum() or ch in "._-":
            continue
        if unicodedata.category(ch)[0] == "C":
            return f"holds the control character U+{ord(ch):04X}"
        return f"holds {ch!r}"
    return None


def validate_name(name: str) -> str:
    """The name itself when it is a safe single directory name; a one-line error otherwise."""
    problem = _name_problem(name)
    if problem:
        raise DraftroomError(
            f"negotiation name {name!r} {problem}: use letters, digits, '.', '-' and '_' only (e.g. trafficking-2019)"
        )
    if name.lower().startswith(INDEX_FILE):
        raise DraftroomError(
            f"negotiation name {name!r} is taken: the home keeps its index in {INDEX_FILE} and the files "
            "beside it; choose another name"
        )
    return name


def is_negotiation_dir(path: Path) -> bool:
    return (path / ".git").is_dir() and (path / MARKER).is_file()


def enclosing_negotiation(path: Path) -> Path | None:
    """The negotiation whose repository holds `path` (a file about to be written), if any."""
    for folder in Path(path).expanduser().absolute().parents:
        if is_negotiation_dir(folder) or (folder.name == ".git" and is_negotiation_dir(folder.parent)):
            return folder
    return None


def locate_negotiation(name_or_path: str, home: str | os.PathLike[str] | None = None) -> Path:
    """The directory of an existing negotiation given by NAME (under the home) or by its path."""
    if name_or_path and _name_problem(name_or_path) is not None:
        as_path = Path(name_or_path).expanduser()
        if as_path.is_dir() and is_negotiation_dir(as_path):
            return as_path.absolute()
    validate_name(name_or_path)
    path = resolve_home(home) / name_or_path
    if not is_negotiation_dir(path):
        raise DraftroomError(
            f"no negotiation {name_or_path!r} in {resolve_home(home)}: see `draftroom list`, or create it with `draftroom new`"
        )
    return path


def new_negotiation_dir(name: str, home: str | os.PathLike[str] | None = None) -> Path:
    """The directory a new negotiation NAME would take; an error when the name is unsafe or taken."""
    path = _writable_home(home) / validate_name(name)
    if path.exists():
        raise DraftroomError(f"a negotiation {name!r} already exists in {path.parent}: choose another name")
    return path


def list_negotiation_dirs(home: str | os.PathLike[str] | None = None) -> list[Path]:
    root = resolve_home(home)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and is_negotiation_dir(p))
