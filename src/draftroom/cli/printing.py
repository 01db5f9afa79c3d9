"""What the verbs print in common: `--json` answers and warnings."""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any


def print_json(data: Any) -> None:
    """`data` as indented JSON, non-ASCII as written, then a newline: one write, not one a value."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def warn(line: str) -> None:
    """A warning on standard error: the action went ahead, but the user should know."""
    print(f"draftroom: warning: {line}", file=sys.stderr)
