"""The "draftroom" logger, made when draftroom code first asks for it: what the workflow says beside
a result (a sync that could not reach the server, an action refused at replay, a document's line
that held no instruction).

The modules that speak ask for their logger here (`logger(__name__)`), at their import. A front end
that shows these notices asks to be called with the "draftroom" logger when it is made
(`when_made`), so it attaches its handler before anything is said, and a command during which
nothing asks for a logger (any action on a negotiation that is not hosted) never loads `logging`.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import logging

ROOT = "draftroom"
_made: list[logging.Logger] = []  # the "draftroom" logger, once asked for
_waiting: list[Callable[[logging.Logger], None]] = []


def logger(name: str = ROOT) -> logging.Logger:
    """The logger `name` ("draftroom" or one beneath it), after calling whoever waits for it."""
    import logging

    if not _made:
        _made.append(logging.getLogger(ROOT))
        while _waiting:
            _waiting.pop(0)(_made[0])
    return logging.getLogger(name)


def when_made(call: Callable[[logging.Logger], None]) -> None:
    """Call `call` with the "draftroom" logger: now if it is made, else when it is."""
    if _made:
        call(_made[0])
    else:
        _waiting.append(call)


def forget(call: Callable[[logging.Logger], None]) -> None:
    """`call` no longer waits for the logger (the command it was for has ended)."""
    if call in _waiting:
        _waiting.remove(call)
