"""The key help at the foot of every screen: one widget drawing one piece of text.

Textual's Footer is a container of one widget per key; building, styling and laying out those widgets
again on each screen switch cost 60-90 ms, most of the time of opening a paragraph's proposals. This bar
draws the same help as text, wrapped between keys (never inside one), and redraws only when the keys
change. A click on a key presses it; a disabled key is dimmed and rings the bell.
"""

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from draftroom.record import record


@record(frozen=True)
class KeyHelp:
    key: str  # what a click simulates
    shown: str  # how the key is drawn ("enter", "^p")
    description: str
    enabled: bool


def key_help(screen: Screen) -> tuple[KeyHelp, ...]:
    """The keys a user can press on `screen`, one per action, in the order the bindings are declared;
    the command palette's key last."""
    app, seen, keys = screen.app, set(), []
    active = screen.active_bindings
    for _, binding, enabled, _ in active.values():
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            keys.append(KeyHelp(binding.key, app.get_key_display(binding), binding.description, enabled))
    palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
    if palette is not None:
        keys.append(KeyHelp(palette.binding.key, app.get_key_display(palette.binding), "palette", True))
    return tuple(keys)


def entry(k: KeyHelp) -> str:
    return f" {k.shown} {k.description} " if k.description else f" {k.shown} "


class KeyBar(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[KeyHelp, ...] = ()
        self._spans: list[tuple[int, int, int, KeyHelp]] = []  # line, first column, end column, key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is not self.screen:
            return
        keys = key_help(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh(layout=True)

    @property
    def keys(self) -> tuple[KeyHelp, ...]:
        return self._keys

    def _layout(self, width: int) -> list[tuple[int, int, int, KeyHelp]]:
        """Where each key goes at `width` columns: (line, first column, end column, key)."""
        spans, line, column = [], 0, 0
        for k in self._keys:
            size = cell_len(entry(k))
            if column and column + size > width:  # wrap between keys, never inside one
                line, column = line + 1, 0
            spans.append((line, column, column + size, k))
            column += size
        return spans

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Counted from the keys, never by rendering (which would ask for this widget's region while
        the screen is being arranged)."""
        spans = self._layout(width)
        return spans[-1][0] + 1 if spans else 1

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        dim = self.get_component_rich_style("key-bar--disabled", partial=True)
        self._spans = self._layout(self.content_size.width)
        out, line = Text(no_wrap=True, overflow="crop"), 0
        for at, _, _, k in self._spans:
            if at != line:
                out.append("\n")
                line = at
            out.append(f" {k.shown} ", key_style + dim if not k.enabled else key_style)
            out.append(entry(k)[len(k.shown) + 2 :], text_style + dim if not k.enabled else text_style)
        return out

    def key_at(self, x: int, y: int) -> KeyHelp | None:
        return next((k for line, start, end, k in self._spans if line == y and start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        k = self.key_at(event.x, event.y)
        if k is None:
            return
        if k.enabled:
            self.app.simulate_key(k.key)
        else:
            self.app.bell()
