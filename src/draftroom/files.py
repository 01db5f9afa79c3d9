"""The one way draftroom writes a file: whole or not at all (a temporary file renamed over it)."""

import os
import tempfile
from pathlib import Path

from draftroom.errors import DraftroomError


def write_atomically(path: Path, data: bytes | str) -> None:
    """`data` (text as UTF-8) at `path`, written to a temporary file in the same folder and renamed
    over the target, so a reader or a crash never sees half a file; a one-line error if it cannot."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DraftroomError(f"{path}: the folder {folder} does not exist: create it or choose another place")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
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
