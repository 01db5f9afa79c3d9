"""The command palette offers every key binding of the screen it was opened on, by its description.

Generated from the bindings themselves, so an action with a key is always in the palette too. Only
draftroom's own (the screen's and the app's), named with what they do, so "role" finds "I am…"; the
widgets' scrolling keys stay out, and of Textual's own commands only those a user of the room needs.
"""

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

SKIP = {"command_palette", "quit"}  # the palette itself, and Quit which Textual already offers


def binding_commands(screen: Screen) -> Iterable[SystemCommand]:
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        b = active.binding
        if not b.description or b.action in SKIP or b.action in seen or not active.enabled:
            continue
        if active.node is not screen and active.node is not screen.app:
            continue  # a widget's own key (scrolling, cursor): not a command of the room
        seen.add(b.action)
        run = partial(screen.app.run_action, b.action, active.node)
        title = f"{b.description} — {b.tooltip}" if b.tooltip else b.description
        yield SystemCommand(title, f"key: {screen.app.get_key_display(b)}", run)


TEXTUAL_KEPT = ("Quit", "Theme", "Keys")  # Textual's own commands worth offering in the room
