"""The workflow-backed Lobby and Room: the same functions the CLI calls, with the same home and `--as`."""

from pathlib import Path

from draftroom.export.api import export_document
from draftroom.export.blocks import Options
from draftroom.model import Document
from draftroom.store import Sponsor
from draftroom.tui.room import ExportRequest, Listing
from draftroom.tui.snapshot import Snapshot
from draftroom.workflow import negotiation as nego
from draftroom.workflow.negotiation import Home, LogEntry


def revision_name(number: int) -> str:
    return "rev-0" if number == 0 else f"Rev.{number}"


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

    def version(self) -> str:
        return head_token(self.negotiation.path)

    def snapshot(self) -> Snapshot:
        version = self.version()  # first: a change while reading shows at the next poll
        doc = nego.show(self.name, home=self.home)
        state = self.negotiation.state()
        return Snapshot(self.name, doc, revision_name(state.revision), [], version)

    def document_at(self, revision: str) -> Document:
        return nego.show(self.name, revision, home=self.home)

    def revisions(self) -> list[tuple[str, str]]:
        out = []
        for r in self.negotiation.revisions():
            shown = revision_name(r.number) + (f"  {r.symbol}" if r.symbol else "")
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
        doc = nego.show(self.name, request.revision, home=self.home)
        options = Options(
            request.kind, request.language, adopted_on=request.adopted_on, meeting=request.meeting
        )
        return export_document(doc, request.path, options)

    def revise(self, acting_as: str) -> str:
        r = nego.revise(self.name, acting_as, home=self.home)
        return revision_name(r.number) + (f" ({r.symbol})" if r.symbol else "")


class WorkflowLobby:
    def __init__(self, home: Home = None) -> None:
        self.home = home

    def listings(self) -> list[Listing]:
        return [
            Listing(s.name, s.symbol or "", s.title, s.language, revision_name(s.revision), 0)
            for s in nego.list_negotiations(self.home)
        ]

    def open(self, name: str) -> WorkflowRoom:
        return WorkflowRoom(name, self.home)

    def create(self, name: str, source: Path, acting_as: str | None) -> str:
        return nego.new_negotiation(name, source, actor=acting_as, home=self.home).negotiation.name
