"""A searchable Member State picker: type a name in any of the six languages, a short form or ISO code."""

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

# (query) -> [(english short name, line to show)], best match first
Search = Callable[[str], list[tuple[str, str]]]


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
        yield OptionList()

    def on_mount(self) -> None:
        self._fill("")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.option_count:
            self._pick(options.get_option_at_index(options.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)

    def _pick(self, name: str | None) -> None:
        if name:
            self.post_message(self.Picked(self, name))

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.set_options(Option(line, id=name) for name, line in self._search(query))
        if options.option_count:
            options.highlighted = 0
