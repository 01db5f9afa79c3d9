"""The amendment editor: replace, word edit, insert, delete, move, or a facilitator's compromise.

A live redline of the paragraph as the proposal would make it is computed in a worker as you type.
A delegation's proposal in a hosted negotiation may be kept private (ctrl+o, or the checkbox): it
stays in this clone, marked "private", until the delegation submits it (`p` in its proposals), as
`amend --private` does. A negotiation that is not hosted has no clones to keep it from: not offered.
"""

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static, TextArea

from draftroom.errors import DraftroomError
from draftroom.model import find_by_id, labels, locate
from draftroom.tui.room import ProposalRequest
from draftroom.tui.widgets.diff_text import redline
from draftroom.tui.widgets.key_bar import KeyBar
from draftroom.tui.widgets.labels import display_label, paragraph_text
from draftroom.tui.widgets.paragraph_area import ParagraphArea
from draftroom.tui.widgets.proposal_card import row
from draftroom.workflow.comparing import proposal_redline

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp

TITLES = {
    "replace": "Propose a new text for {label}",
    "edit": "Propose a word edit in {label}",
    "insert": "Propose a new paragraph next to {label}",
    "delete": "Propose to delete {label}",
    "move": "Propose to move {label}",
    "compromise": "Compromise text for {label}",
}


class EditorScreen(ModalScreen[ProposalRequest | None]):
    BINDINGS = [  # noqa: RUF012 (ctrl+s and escape win over the TextArea, which swallows keys)
        Binding("ctrl+s", "submit", "Submit", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding(
            "ctrl+o",
            "keep_private",
            "Private",
            tooltip="Keep the proposal in this clone until you submit it (p in its proposals)",
            priority=True,
        ),
    ]

    def __init__(
        self,
        kind: str,
        label: str,
        paragraph_id: str,
        current: str,
        language: str,
        start: str | None = None,
        merging: list[Text] | None = None,
        hosted: bool = False,
    ) -> None:
        """`merging`: for a compromise, one line per proposal it replaces, shown above the text;
        `hosted`: the negotiation has clones, so a proposal may be kept private in this one."""
        super().__init__()
        self.offers_private = hosted and kind != "compromise"
        self.merging = merging or []
        self.kind, self.label, self.paragraph_id = kind, label, paragraph_id
        self.current, self.language = current, language
        self.start = current if start is None else start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(TITLES[self.kind].format(label=display_label(self.label)), classes="dialog-title")
            if self.merging:
                yield Label(f"Replaces these {len(self.merging)} proposals", classes="section")
                yield Static(Text("\n").join(self.merging), id="merging")
            if self.kind in ("replace", "compromise"):
                yield ParagraphArea(self.start, id="text", soft_wrap=True, language=None)
            elif self.kind == "insert":
                yield self._position()
                yield ParagraphArea("", id="text", soft_wrap=True)
            elif self.kind == "edit":
                yield Input(placeholder="words to change (must occur once)", id="find")
                yield Input(placeholder="what they become (empty: delete them)", id="replace")
            elif self.kind == "move":
                yield self._position()
                yield Input(placeholder="next to which paragraph? e.g. OP5", id="anchor")
            yield Label("Preview", classes="section")
            yield Static("", id="preview")
            if self.kind != "compromise":
                yield Input(placeholder="because… (rationale, optional)", id="rationale")
            if self.offers_private:
                yield Checkbox("Keep private: only this clone holds it until you submit it", id="private")
        yield KeyBar()

    def _position(self) -> Horizontal:
        return Horizontal(
            RadioSet(
                RadioButton("after", value=True, name="after"),
                RadioButton("before", name="before"),
                id="position",
            ),
            classes="row",
        )

    def on_mount(self) -> None:
        fields = self.query("#text, #find, #anchor")
        if fields:
            fields.first().focus()  # type at once; tab reaches the position and the rationale
        self._preview()

    def on_text_area_changed(self, _: TextArea.Changed) -> None:
        self._preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "rationale":
            self._preview()

    def _value(self, selector: str) -> str:
        found = self.query(selector)
        if not found:
            return ""
        widget = found.first()
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def _proposed(self) -> str | None:
        """The paragraph's text as the proposal would make it, for the preview only."""
        if self.kind in ("replace", "compromise", "insert"):
            return self._value("#text")
        if self.kind == "edit":
            find = self._value("#find")
            if not find:  # the text to pick the words from, never the last edit's preview
                return self.current
            count = self.current.count(find)
            if count != 1:
                self.query_one("#preview", Static).update(
                    Text(
                        f"“{find}” occurs {count} times in the paragraph; it must occur once", style="yellow"
                    )
                )
                return None
            return self.current.replace(find, self._value("#replace"), 1)
        return None

    def _preview(self) -> None:
        if self.kind == "delete":
            self.query_one("#preview", Static).update(Group(paragraph_text(self.current, "red strike")))
            return
        if self.kind == "move":
            anchor = self._value("#anchor").strip()
            where = f"{self._where()} {anchor}" if anchor else "(give a paragraph label)"
            self.query_one("#preview", Static).update(f"{display_label(self.label)} moves {where}")
            return
        new = self._proposed()
        if new is not None:
            old = "" if self.kind == "insert" else self.current
            self._diff(old, new)

    @work(thread=True, exclusive=True, group="preview")
    def _diff(self, old: str, new: str) -> None:
        segments = proposal_redline(old, new)
        self.app.call_from_thread(self.query_one("#preview", Static).update, Group(redline(segments)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Private only in a hosted negotiation; a compromise is the facilitator's, made in the open."""
        return action != "keep_private" or self.offers_private

    def action_keep_private(self) -> None:
        self.query_one("#private", Checkbox).toggle()

    def _private(self) -> bool:
        found = self.query("#private")
        return bool(found) and found.first(Checkbox).value

    def _where(self) -> str:
        found = self.query("#position")
        if not found:
            return "after"
        pressed = found.first(RadioSet).pressed_button
        return (pressed.name if pressed else None) or "after"

    def action_submit(self) -> None:
        try:
            request = self._request()
        except DraftroomError as e:
            self.notify(str(e), severity="error")
            return
        self.dismiss(request)

    def _request(self) -> ProposalRequest:
        text = self._value("#text").strip()
        if self.kind in ("replace", "insert", "compromise") and not text:
            raise DraftroomError("The text is empty: write the text you propose, or press escape")
        if self.kind == "replace" and text == self.current.strip():
            raise DraftroomError("The text is unchanged: edit it before submitting")
        if self.kind == "edit" and not self._value("#find"):
            raise DraftroomError("Say which words to change")
        anchor = None
        if self.kind == "move":
            doc = self.app.snapshot.document  # type: ignore[attr-defined]
            anchor = locate(doc, self._value("#anchor")).paragraph.id
        return ProposalRequest(
            kind=self.kind,
            target=self.paragraph_id,
            text=text,
            find=self._value("#find"),
            replace=self._value("#replace"),
            position=self._where(),
            anchor=anchor,
            rationale=self._value("#rationale").strip(),
            private=self._private(),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_editor(
    app: "DraftroomApp",
    kind: str,
    paragraph_id: str,
    amendment_ids: list[str] | None = None,
    start: str | None = None,
) -> None:
    """Open the editor on a paragraph, then record what it returns as the acting delegation."""
    snap, room, who = app.snapshot, app.room, app.require_identity()
    if snap is None or room is None or who is None:
        return
    loc = find_by_id(snap.document, paragraph_id)
    if loc is None:
        return
    label = loc.label

    def submitted(request: ProposalRequest | None) -> None:
        if request is None:
            return
        if kind == "compromise":
            app.act(
                lambda: room.compromise(amendment_ids or [], request.text, who),
                f"Compromise on {label} recorded",
            )
        elif request.private:
            app.act(
                lambda: room.propose(request, who),
                f"Kept private: {kind} {label}; only this clone holds it (p in its proposals submits it)",
            )
        else:
            app.act(lambda: room.propose(request, who), f"Proposed: {kind} {label}")

    names = labels(snap.document)
    merging = [row(a, False, names) for a in snap.proposals if a.id in (amendment_ids or [])]
    editor = EditorScreen(
        kind, label, paragraph_id, loc.paragraph.text, snap.document.language, start, merging, snap.hosted
    )
    app.push_screen(editor, submitted)
