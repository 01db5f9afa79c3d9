"""How long a git command that talks to a negotiation's remote (fetch, push, clone, ls-remote) may
take before the remote counts as unreachable: a server that accepts the connection and never answers,
a network that drops every packet, must not hang a command or the TUI's worker.

$DRAFTROOM_NETWORK_TIMEOUT (seconds), else git's config key `draftroom.timeout` (the clone's own
`.git/config`, else the user's `~/.gitconfig`), else 20 s. Past it the git process and what it
started (ssh, a remote helper) are killed and the command is Offline: its actions wait in the clone.
"""

import os
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.store import gitsafe

TIMEOUT_ENV = "DRAFTROOM_NETWORK_TIMEOUT"
TIMEOUT_KEY = "draftroom.timeout"
DEFAULT_SECONDS = 20.0


class Offline(DraftroomError):
    """The remote cannot be reached: actions wait locally for the next sync."""


def timeout(clone: Path | None = None) -> float:
    """The seconds a network git command may take, for a command run in `clone` (None: no clone yet)."""
    raw, source = os.environ.get(TIMEOUT_ENV, "").strip(), f"${TIMEOUT_ENV}"
    if not raw:
        where = ["--global"] if clone is None else []
        done = gitsafe.run(["config", *where, "--get", TIMEOUT_KEY], clone or Path("/"))
        raw, source = done.stdout.strip(), f"git config {TIMEOUT_KEY}"
    if not raw:
        return DEFAULT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 86400:
        raise DraftroomError(f"{source} is {raw!r}: give a number of seconds, e.g. 20")
    return seconds


def no_answer(seconds: float) -> Offline:
    return Offline(f"the remote did not answer in {seconds:g} s (a slow network: set {TIMEOUT_ENV}=60)")
