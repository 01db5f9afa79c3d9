"""The TUI's window on the store: every read and every action goes through the workflow functions.

`Lobby` lists, creates and opens negotiations; `Room` is one open negotiation. Screens talk to these
two protocols only, so the workflow-backed classes (`draftroom.tui.rooms`) and the test doubles are
interchangeable.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from draftroom.model import Document
from draftroom.record import record
from draftroom.tui.snapshot import Snapshot
from draftroom.workflow.negotiation import LogEntry, Sponsor

if TYPE_CHECKING:  # loaded when a room first looks at its remote, or reads another language
    from draftroom.workflow.hosting import Look, Synced
    from draftroom.workflow.translations import LanguageView


@record(frozen=True)
class LobbyRow:
    """One row of the negotiations list."""

    name: str
    symbol: str
    title: str
    language: str
    revision: str
    pending: int


@record(frozen=True)
class ProposalRequest:
    """What the amendment editor hands to the workflow; `target` and `anchor` are paragraph ids."""

    kind: str  # replace | edit | insert | delete | move
    target: str
    text: str = ""  # replace / insert: the new text
    find: str = ""  # edit: the words to change (must occur once)
    replace: str = ""  # edit: what they become
    position: str = "after"  # insert / move: before | after
    anchor: str | None = None  # move: the paragraph to move next to
    rationale: str = ""
    private: bool = False  # kept in this clone until submitted (`amend --private`)


@record(frozen=True)
class ExportRequest:
    kind: str  # one of draftroom.workflow.writing.KINDS
    language: str
    path: Path
    revision: str | None = None  # None: the latest
    adopted_on: str | None = None  # a resolution's adoption date, YYYY-MM-DD
    meeting: str | None = None  # the meeting that adopted it
    job_number: str | None = None  # the first-page footer's job number, "25-19372"


class Room(Protocol):
    name: str

    def snapshot(self) -> Snapshot: ...

    def draft(self) -> Snapshot:
        """The text alone (amendments not counted yet): quick, for the first paint."""
        ...

    def version(self) -> str:
        """A token that changes whenever an action is recorded; must be cheap (called twice a second)."""
        ...

    def look(self) -> Look | None:
        """One quick look at a hosted negotiation's remote (None when it is not hosted)."""
        ...

    def sync(self) -> Synced:
        """Receive everyone's actions and send this clone's (a hosted negotiation only)."""
        ...

    def propose(self, request: ProposalRequest, acting_as: str) -> str: ...

    def submit(self, amendment_id: str, acting_as: str) -> None:
        """Table one of this clone's private proposals."""
        ...

    def withdraw(self, amendment_id: str, acting_as: str, because: str = "") -> None: ...

    def support(self, amendment_id: str, acting_as: str) -> None: ...

    def comment(self, amendment_id: str, text: str, acting_as: str) -> None:
        """Add to the proposal's discussion thread."""
        ...

    def decide(self, verdict: str, amendment_ids: list[str], acting_as: str, because: str = "") -> None:
        """verdict: accept | reject; `because` goes in each proposal's thread."""
        ...

    def compromise(self, amendment_ids: list[str], text: str, acting_as: str) -> str: ...

    def mark(self, paragraph_id: str, status: str, acting_as: str) -> None: ...

    def bracket(self, paragraph_id: str, words: str, lift: bool, acting_as: str) -> str:
        """Bracket `words` (lift: unbracket them); a proposal unless the actor facilitates. Returns
        what was done, in words."""
        ...

    def revise(self, acting_as: str) -> str: ...

    def facilitators(self) -> list[str]: ...

    def secretariat_here(self) -> bool:
        """Whether the Secretariat can act from this machine: the negotiation is not hosted, or the
        Secretariat's signing key is here."""
        ...

    def change_role(self, op: str, delegation: str, acting_as: str) -> list[str]:
        """op: grant | revoke the facilitator role (the Secretariat only); the facilitators after."""
        ...

    def tabled(self) -> str | None:
        """The date the draft was tabled, None while it is not."""
        ...

    def table(self, symbol: str | None, acting_as: str) -> str:
        """Table the draft (under `symbol`, else its own); returns the date."""
        ...

    def compilation(self) -> str:
        """The compilation text: the current draft with every pending proposal in place, attributed."""
        ...

    def formal_amendments(self) -> str:
        """The formal amendments document of every proposer, as plain text."""
        ...

    def record_document(self, source: Path) -> str:
        """Record every instruction of a formal amendments document (a file), attributed to its
        sponsors; returns what was recorded, in words."""
        ...

    def undo(self, action_id: str | None, acting_as: str) -> str:
        """Take back an action (None: the actor's latest); returns what was undone, in words."""
        ...

    def sponsors(self) -> list[Sponsor]: ...

    def sponsor_line(self) -> str: ...

    def add_sponsors(self, names: list[str], acting_as: str) -> None: ...

    def remove_sponsors(self, names: list[str], acting_as: str) -> None: ...

    def log(self) -> list[LogEntry]: ...

    def revisions(self) -> list[tuple[str, str]]:
        """(what to show, revision name the workflow accepts), oldest first."""
        ...

    def document_at(self, revision: str) -> Document: ...

    def export(self, request: ExportRequest) -> Path: ...

    def read_in(self, language: str | None) -> LanguageView:
        """The latest text in `language` (None: the working language), with each paragraph's status."""
        ...

    def translate(self, paragraph_id: str, language: str, text: str, acting_as: str) -> str | None:
        """Set one paragraph's translation (the Secretariat), or propose it (a delegation): the
        proposal's id then, None when it is set."""
        ...

    def translate_footnote(self, number: int, language: str, text: str, acting_as: str) -> str | None:
        """Set the translation of the working text's footnote `number` (the Secretariat), or propose
        it (a delegation): the proposal's id then, None when it is set."""
        ...


class Opened(Protocol):
    """A negotiation being read before the app started (see launch.Opening)."""

    lock: threading.Lock  # held while it reads: the app's store work waits for it

    def first(self) -> tuple[Room, Snapshot]:
        """The room and its draft, with the amendments counted when they were read soon enough."""
        ...

    def counted(self) -> Snapshot:
        """The draft with its amendments counted (waits for them)."""
        ...


class Lobby(Protocol):
    def listings(self) -> list[LobbyRow]: ...

    def open(self, name: str) -> Room: ...

    def create(self, name: str, source: Path, acting_as: str | None, facilitator: str | None = None) -> str:
        """A negotiation from a file; `facilitator` a delegation as typed (None: the Secretariat)."""
        ...
