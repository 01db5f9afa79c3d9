"""The workflow-backed Lobby and Room: the same functions the CLI calls, with the same home and `--as`.

The first paint needs the negotiation module alone (the text) and amending (its proposals): every
other workflow module is imported by the method that uses it, so that the draft is on screen before
they load (exporting brings the export package, hosting GitPython, translations the other languages).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from draftroom.errors import DraftroomError
from draftroom.model import Document, Revision, labels
from draftroom.tui.room import ExportRequest, LobbyRow, ProposalRequest
from draftroom.tui.snapshot import Snapshot
from draftroom.workflow import amending
from draftroom.workflow import negotiation as nego
from draftroom.workflow.identity import SECRETARIAT
from draftroom.workflow.negotiation import Home, LogEntry, Sponsor
from draftroom.workflow.signer import may_sign

if TYPE_CHECKING:
    from draftroom.workflow import hosting, translations


def _listing() -> ModuleType:
    """The amendments' listing, imported when first needed: listing loads SQLAlchemy (a third of a
    second), which the first paint of the draft does without (see DraftroomApp.open_room)."""
    from draftroom.workflow import listing

    return listing


def head_token(repo: Path) -> str:
    """The commit the negotiation's branch points at, read from two small files (no git process).

    Falls back to the file's modification time when the ref is packed or HEAD is detached oddly.
    """
    git = repo / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="ascii").strip()
        if not head.startswith("ref: "):
            return head
        ref = git / head[5:]
        if ref.is_file():
            return ref.read_text(encoding="ascii").strip()
        return str((git / "packed-refs").stat().st_mtime_ns)
    except OSError:
        return ""


class WorkflowRoom:
    def __init__(self, name: str, home: Home) -> None:
        self.home = home
        self.negotiation = nego.open_negotiation(name, home)
        self.name = self.negotiation.name
        self._standing: tuple[str, amending.Standing] | None = None  # (head token, what it read)

    def version(self) -> str:
        path = self.negotiation.path
        return f"{head_token(path)} {amending.private_token(path)}"

    def draft(self) -> Snapshot:
        version = self.version()
        now = self._stands()
        return Snapshot(
            self.name,
            now.document,
            now.revision.name,
            [],
            version,
            counted=False,
            facilitators=tuple(now.facilitators),
            hosted=self.hosted(),
        )

    def snapshot(self) -> Snapshot:
        version = self.version()  # first: a change while reading shows at the next poll
        found = _listing().list_amendments(self.name, home=self.home, translations=True)
        now = self._stands()
        return Snapshot(
            self.name,
            now.document,
            now.revision.name,
            found.amendments,
            version,
            private=found.private,
            facilitators=tuple(now.facilitators),
            hosted=self.hosted(),
            translations=found.translations,
        )

    def _stands(self) -> amending.Standing:
        """The text, revision and facilitators at the branch's head, read once per commit: the
        snapshot that counts the amendments right after the first paint reuses the draft's text."""
        head = head_token(self.negotiation.path)
        if self._standing is None or self._standing[0] != head or not head:
            self._standing = (head, amending.standing(self.name, home=self.home))
        return self._standing[1]

    def hosted(self) -> bool:
        """Synced with a remote (read from the git config, without GitPython)."""
        return self.negotiation.has_remote()

    def look(self) -> hosting.Look | None:
        if not self.hosted():  # not hosted: GitPython stays unloaded
            return None
        from draftroom.workflow import hosting

        return hosting.look(self.name, home=self.home)

    def sync(self) -> hosting.Synced:
        from draftroom.workflow import hosting

        return hosting.sync(self.name, home=self.home)

    def facilitators(self) -> list[str]:
        return amending.current_facilitators(self.name, home=self.home)

    def propose(self, request: ProposalRequest, acting_as: str) -> str:
        from draftroom.workflow.rules import Proposal

        moving = request.kind in ("insert", "move")
        proposal = Proposal(
            kind=request.kind,
            target=None if request.kind == "insert" else request.target,
            anchor=(request.target if request.kind == "insert" else request.anchor) if moving else None,
            position=request.position if moving else None,
            text=request.text or None,
            find=request.find or None,
            replace=request.replace if request.kind == "edit" else None,
        )
        a = amending.propose(
            self.name, acting_as, proposal, because=request.rationale, home=self.home, private=request.private
        )
        return a.id

    def submit(self, amendment_id: str, acting_as: str) -> None:
        amending.submit(self.name, amendment_id, acting_as, home=self.home)

    def withdraw(self, amendment_id: str, acting_as: str, because: str = "") -> None:
        amending.withdraw(self.name, amendment_id, acting_as, home=self.home, because=because)

    def comment(self, amendment_id: str, text: str, acting_as: str) -> None:
        amending.comment(self.name, amendment_id, text, acting_as, home=self.home)

    def support(self, amendment_id: str, acting_as: str) -> None:
        amending.support(self.name, amendment_id, acting_as, home=self.home)

    def decide(self, verdict: str, amendment_ids: list[str], acting_as: str, because: str = "") -> None:
        amending.decide(self.name, amendment_ids, verdict, acting_as, home=self.home, because=because)

    def compromise(self, amendment_ids: list[str], text: str, acting_as: str) -> str:
        return amending.compromise(self.name, amendment_ids, text, acting_as, home=self.home).id

    def mark(self, paragraph_id: str, status: str, acting_as: str) -> None:
        amending.mark(self.name, paragraph_id, status, acting_as, home=self.home)

    def bracket(self, paragraph_id: str, words: str, lift: bool, acting_as: str) -> str:
        from draftroom.workflow import bracketing

        done = bracketing.bracket(self.name, paragraph_id, words, acting_as, lift, home=self.home)
        what = "brackets taken off" if lift else "words bracketed"
        return f"{what}, proposed as {done.proposal.id}" if done.proposal else what

    def document_at(self, revision: str) -> Document:
        return nego.show(self.name, revision, home=self.home)

    def revisions(self) -> list[tuple[str, str]]:
        out = []
        for r in self.negotiation.revisions():
            shown = r.revision.name + (f"  {r.symbol}" if r.symbol else "")
            out.append((shown, r.tag))
        return out

    def log(self) -> list[LogEntry]:
        return nego.log(self.name, home=self.home)

    def sponsors(self) -> list[Sponsor]:
        return nego.sponsors(self.name, home=self.home)

    def sponsor_line(self) -> str:
        language = self.negotiation.document().language
        return nego.sponsor_line(self.sponsors(), language)

    def add_sponsors(self, names: list[str], acting_as: str) -> None:
        nego.add_sponsors(self.name, names, acting_as, home=self.home)

    def remove_sponsors(self, names: list[str], acting_as: str) -> None:
        nego.remove_sponsors(self.name, names, acting_as, home=self.home)

    def export(self, request: ExportRequest) -> Path:
        from draftroom.workflow import exporting
        from draftroom.workflow.writing import Options

        options = Options(
            request.kind,
            request.language,
            adopted_on=request.adopted_on,
            meeting=request.meeting,
            job_number=request.job_number,
        )
        return exporting.export_negotiation(
            self.name, request.path, options, request.revision, home=self.home
        )

    def revise(self, acting_as: str) -> str:
        from draftroom.workflow import revising

        return revising.revise(self.name, acting_as, home=self.home).said()

    def undo(self, action_id: str | None, acting_as: str) -> str:
        from draftroom.workflow import undoing

        return undoing.undo(self.name, action_id, acting_as, home=self.home).summary

    def secretariat_here(self) -> bool:
        return may_sign(self.negotiation.path, SECRETARIAT)

    def change_role(self, op: str, delegation: str, acting_as: str) -> list[str]:
        return amending.change_roles(self.name, op, delegation, acting_as, home=self.home)

    def tabled(self) -> str | None:
        return self.negotiation.state().tabled

    def table(self, symbol: str | None, acting_as: str) -> str:
        return nego.table(self.name, acting_as, symbol, home=self.home)

    def compilation(self) -> str:
        from draftroom.workflow import exporting

        return exporting.compilation_text(self.name, home=self.home)

    def formal_amendments(self) -> str:
        from draftroom.workflow import exporting

        return exporting.formal_amendments_text(self.name, home=self.home)

    def record_document(self, source: Path) -> str:
        done = amending.propose_document(self.name, source, home=self.home)
        return f"{len(done.amendments)} amendment(s) by {', '.join(done.sponsors)}"

    def read_in(self, language: str | None) -> translations.LanguageView:
        from draftroom.workflow import translations

        return translations.language_view(self.name, language, home=self.home)

    def translate(self, paragraph_id: str, language: str, text: str, acting_as: str) -> str | None:
        from draftroom.workflow import translations

        label = labels(nego.show(self.name, home=self.home)).get(paragraph_id)
        if label is None:
            raise DraftroomError("that paragraph is no longer in the text: it was deleted meanwhile")
        return translations.translate(self.name, label, language, text, acting_as, self.home).proposal

    def translate_footnote(self, number: int, language: str, text: str, acting_as: str) -> str | None:
        from draftroom.workflow import translations

        return translations.translate_footnote(
            self.name, number, language, text, acting_as, self.home
        ).proposal


class WorkflowLobby:
    def __init__(self, home: Home = None) -> None:
        self.home = home

    def listings(self) -> list[LobbyRow]:
        return [
            LobbyRow(
                s.name, s.symbol or "", s.title, s.language, Revision(s.revision).name, self._pending(s.name)
            )
            for s in nego.list_negotiations(self.home)
        ]

    def _pending(self, name: str) -> int:
        return sum(a.pending for a in _listing().list_amendments(name, home=self.home).amendments)

    def open(self, name: str) -> WorkflowRoom:
        return WorkflowRoom(name, self.home)

    def create(self, name: str, source: Path, acting_as: str | None, facilitator: str | None = None) -> str:
        created = nego.new_negotiation(name, source, facilitator=facilitator, actor=acting_as, home=self.home)
        return created.negotiation.name
