"""The command palette offers every key binding of the screen it was opened on, by its description.

Generated from the bindings themselves, so an action with a key is always in the palette too.
"""

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

SKIP = {"command_palette", "quit"}  # the palette itself, and Quit which Textual already offers


def binding_commands(screen: Screen) -> Iterable[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        b = active.binding
        if not b.description or b.action in SKIP or b.action in seen or not active.enabled:
            continue
        seen.add(b.action)
        run = partial(screen.app.run_action, b.action, active.node)
        yield SystemCommand(b.description, f"{b.tooltip or b.description} (key: {key})", run)
