"""The footer's key help, rebuilt only when the keys it shows change."""

from textual.screen import Screen
from textual.widgets import Footer

KeyHelp = tuple[tuple[str, str, str, bool, str], ...]


def key_help(screen: Screen) -> KeyHelp:
    """What the footer shows: each key, its description and action, whether it is enabled, its tooltip."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip)
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show
    )


class SteadyFooter(Footer):
    """Textual's footer rebuilds all its keys whenever the screen's bindings may have changed: on each
    switch back to the screen and each change of focus, tens of milliseconds each time. This one
    rebuilds only when the keys differ from those it shows."""

    _shown: KeyHelp | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        shown = key_help(screen)
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
