"""A searchable Member State picker: type a name in any of the six languages, a short form or ISO code.

The typing keeps the focus: up and down move through the matches, enter picks the highlighted one (a
click picks too). The matches are not a stop of their own for tab, so tab goes on from the name to the
screen's next field (the identity dialog's role) instead of into the search results.
"""

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

# (query) -> [(english short name, line to show)], best match first
Search = Callable[[str], list[tuple[str, str]]]


class Matches(OptionList, can_focus=False):
    """The search results: moved through from the typing, clicked, never tabbed into."""


class StatePicker(Vertical):
    DEFAULT_CSS = """
    StatePicker { height: auto; max-height: 16; }
    StatePicker OptionList { height: auto; max-height: 12; }
    """

    class Picked(Message):
        def __init__(self, picker: "StatePicker", name: str) -> None:
            super().__init__()
            self.picker = picker
            self.name = name

    def __init__(
        self, search: Search, placeholder: str = "China, 中国, CHN, Russie…", **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._search = search
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self._placeholder)
        yield Matches()

    def on_key(self, event: events.Key) -> None:
        """Up and down in the typing move the highlighted match (page up/down by a page)."""
        moves = {
            "down": Matches.action_cursor_down,
            "up": Matches.action_cursor_up,
            "pagedown": Matches.action_page_down,
            "pageup": Matches.action_page_up,
        }
        if event.key in moves and isinstance(self.screen.focused, Input):
            event.stop()
            event.prevent_default()
            moves[event.key](self.query_one(Matches))

    def on_mount(self) -> None:
        self._fill("")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(Matches)
        if options.option_count:
            self._pick(options.get_option_at_index(options.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)

    def _pick(self, name: str | None) -> None:
        if name:
            self.post_message(self.Picked(self, name))

    def _fill(self, query: str) -> None:
        options = self.query_one(Matches)
        options.set_options(Option(line, id=name) for name, line in self._search(query))
        if options.option_count:
            options.highlighted = 0
