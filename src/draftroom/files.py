"""The one way draftroom writes a file: whole or not at all (a temporary file renamed over it)."""

import itertools
import os
from pathlib import Path

from draftroom.errors import DraftroomError

_SERIAL = itertools.count()


def _new_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file beside `name` in `folder`, opened for writing only by us (what tempfile.mkstemp does;
    its import, with shutil's and the compressors' behind it, cost every command more than this)."""
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_SERIAL)}.part")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp
        except FileExistsError:  # left by an earlier process that had our pid
            continue


def write_atomically(path: Path, data: bytes | str) -> None:
    """`data` (text as UTF-8) at `path`, written to a temporary file in the same folder and renamed
    over the target, so a reader or a crash never sees half a file; a one-line error if it cannot."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DraftroomError(f"{path}: the folder {folder} does not exist: create it or choose another place")
    try:
        fd, tmp = _new_temporary(folder, path.name)
    except OSError as e:
        raise DraftroomError(f"{path}: cannot write here ({e.strerror}): choose another place") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise DraftroomError(f"{path}: cannot write it ({e.strerror}): choose another place") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
