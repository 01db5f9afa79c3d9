"""The text in its other languages: each paragraph's translation marked current, stale or missing, the
working text and one other language side by side for the focused paragraph, and the Secretariat's
translation edited in place."""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from draftroom.model import Document, iter_located, paragraph_texts
from draftroom.tui.screens.base import AppScreen
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.workflow import translations as wf
from draftroom.workflow.negotiation import Home

MARKS = {"current": "✓", "stale": "! stale", "missing": "+ missing"}


@dataclass(frozen=True)
class Versions:
    """What the screen shows: the status report and the text in each language."""

    report: wf.Report
    texts: dict[str, Document]  # language -> the document in it (the working language included)


def load_versions(name: str, home: Home) -> Versions:
    report = wf.translations(name, home=home)
    texts = {lang: wf.in_language(name, lang, home=home).document for lang in report.languages}
    return Versions(report, texts)


class NotePicker(ModalScreen[int | None]):
    """One of a paragraph's footnotes, picked to translate: each with its status in the language and
    the working text's wording; the first not current is highlighted."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012

    def __init__(self, title: str, notes: list[tuple[int, str, str]]) -> None:
        super().__init__()
        self._title, self._notes = title, notes  # (number, status, working text)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self._title, classes="dialog-title")
            yield OptionList(
                *(
                    Option(f"footnote {n}  {MARKS.get(status, status):<10} {text}", id=str(n))
                    for n, status, text in self._notes
                )
            )
        yield KeyBar()

    def on_mount(self) -> None:
        behind = [i for i, (_, status, _) in enumerate(self._notes) if status != "current"]
        self.query_one(OptionList).highlighted = behind[0] if behind else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TranslationEditor(ModalScreen[str | None]):
    """The translation of one paragraph, edited in place; ctrl+s keeps it."""

    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+s", "save", "Save", tooltip="Keep this translation: it becomes current"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self._title, self._text = title, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title, classes="dialog-title")
            yield TextArea(self._text, id="translation-text")
        yield KeyBar()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LanguagesScreen(AppScreen):
    CSS_PATH = "../styles/languages.tcss"
    BINDINGS = [  # noqa: RUF012
        Binding(
            "l", "language(1)", "Next language", tooltip="Show the next language beside the working text"
        ),
        Binding("L", "language(-1)", "Previous language", tooltip="Show the previous language"),
        Binding(
            "e",
            "edit",
            "Translate",
            tooltip="Edit this paragraph's translation in place (a delegation proposes it to a facilitator)",
        ),
        Binding("escape", "app.pop_screen", "Draft", tooltip="Back to the draft"),
    ]

    def __init__(self, name: str, home: Home) -> None:
        super().__init__()
        self.negotiation, self.home = name, home
        self.versions: Versions | None = None
        self.lang: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("reading the languages…", id="languages-title", classes="screen-title")
        with Horizontal(classes="panes"):
            yield OptionList(id="language-paragraphs")
            with Vertical(id="side-by-side"):
                yield Static("", id="working-text")
                yield Static("", id="other-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        work = lambda: load_versions(self.negotiation, self.home)  # noqa: E731
        self.room_app.perform(work, self._loaded, busy="reading the languages")

    def _loaded(self, versions: Versions) -> None:
        self.versions = versions
        others = versions.report.languages[1:]
        if self.lang not in others:
            self.lang = others[0] if others else None
        self._fill()

    @property
    def _others(self) -> list[str]:
        return self.versions.report.languages[1:] if self.versions else []

    def _fill(self) -> None:
        v, lang = self.versions, self.lang
        title = self.query_one("#languages-title", Static)
        view = self.query_one("#language-paragraphs", OptionList)
        if v is None:
            return
        working = v.report.working
        if lang is None:
            title.update(
                f"Only the working text ({working}): add a version with `draftroom translations NAME add FILE`"
            )
            return
        behind = v.report.not_current(lang)
        title.update(
            f"{working} | {lang} · {len(v.report.paragraphs) - len(behind)} of {len(v.report.paragraphs)} current"
            f" · languages: {', '.join(self._others)} (l / L to switch)"
        )
        keep = view.highlighted
        texts = paragraph_texts(v.texts[lang])
        view.clear_options()
        for p in v.report.paragraphs:
            mark = MARKS[p.status[lang]]
            view.add_option(Option(f"{p.label:<9} {mark:<10} {texts.get(p.id, '')[:60]}", id=p.id))
        view.highlighted = keep if keep is not None and keep < view.option_count else 0
        self._side_by_side()

    def _side_by_side(self) -> None:
        v, lang = self.versions, self.lang
        view = self.query_one("#language-paragraphs", OptionList)
        if v is None or lang is None or view.highlighted is None:
            return
        p = v.report.paragraphs[view.highlighted]
        work = paragraph_texts(v.texts[v.report.working])
        other = paragraph_texts(v.texts[lang])
        status = p.status[lang]
        self.query_one("#working-text", Static).update(
            f"{p.label} · {v.report.working}\n\n{work.get(p.id, '')}"
        )
        shown = other.get(p.id, "") if status != "missing" else "(not translated yet)"
        self.query_one("#other-text", Static).update(f"{p.label} · {lang} · {status}\n\n{shown}")

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._side_by_side()

    def action_language(self, step: int) -> None:
        others = self._others
        if others and self.lang in others:
            self.lang = others[(others.index(self.lang) + step) % len(others)]
            self._fill()

    def action_edit(self) -> None:
        v, lang = self.versions, self.lang
        view = self.query_one("#language-paragraphs", OptionList)
        if v is None or lang is None or view.highlighted is None:
            return
        who = self.room_app.require_identity()
        if who is None:
            return
        p = v.report.paragraphs[view.highlighted]
        text = next(loc.paragraph.text for loc in iter_located(v.texts[lang]) if loc.paragraph.id == p.id)

        def saved(done: wf.Translated) -> None:
            said = f"proposed as {done.proposal} for a facilitator" if done.proposal else "is current"
            self.notify(f"{done.label} in {lang} {said}")
            self.reload()

        def save(new: str | None) -> None:
            if new is not None:
                self.room_app.perform(
                    lambda: wf.translate(self.negotiation, p.label, lang, new, who, self.home), saved
                )

        self.app.push_screen(
            TranslationEditor(f"{p.label} in {lang} (the working text beside it)", text), save
        )
