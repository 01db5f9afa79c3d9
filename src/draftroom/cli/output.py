"""A verb's text written to a file: whole or not at all."""

import os
from pathlib import Path

from draftroom.errors import DraftroomError


def write_text_file(path: str, text: str) -> None:
    """`text` in UTF-8 at `path`, through a temporary file renamed over it (never half-written)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise DraftroomError(f"{path}: the folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
