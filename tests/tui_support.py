"""Test doubles for the TUI's two protocols (Lobby, Room): they record what the screens ask for.

Used where a test checks the screens' wiring (which workflow call, with which arguments, as whom);
the role flows run against real negotiations in test_tui_flows.py.
"""

from dataclasses import dataclass, field
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Annex, Document, Footnote, Heading, Paragraph
from draftroom.model.amendment import Amendment
from draftroom.record import replace
from draftroom.store import Action, Sponsor
from draftroom.tui.room import ExportRequest, LobbyRow, ProposalRequest
from draftroom.tui.snapshot import Snapshot
from draftroom.workflow.negotiation import LogEntry
from draftroom.workflow.translations import LanguageView


def chinese_document() -> Document:
    return Document(
        language="zh",
        symbol="A/C.3/74/L.20/Rev.1",
        title="改进打击贩运人口工作的协调",
        body="大会",
        preamble=[
            Paragraph(
                "p1", "再次强烈谴责贩运人口特别是贩运妇女和儿童行为，该行为构成犯罪，是对人类尊严的严重威胁，"
            ),
            Paragraph(
                "p2", "回顾大会通过《2030 年可持续发展议程》，[^1] 并回顾可持续发展目标的下列具体目标，[^2]"
            ),
        ],
        operative=[
            Paragraph(
                "o1", "敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》的会员国考虑批准或加入；", number=1
            ),
            Paragraph(
                "o2",
                "请会员国：",
                number=2,
                items=[
                    Paragraph("o2a", "加强预防贩运人口的措施；", marker="a"),
                    Paragraph("o2b", "保护和援助受害人；[^1]", marker="b", status="bracketed"),
                ],
            ),
            Paragraph("o3", "决定在第七十六届会议上继续审议这个问题。", number=3, status="agreed"),
        ],
        annexes=[
            Annex(
                "附件",
                [
                    Heading("一. 导言"),
                    Paragraph("a1", "全球行动计划的目的。", number=1),
                    Paragraph("a2", "执行。", number=2),
                ],
            )
        ],
        footnotes=[Footnote(1, "第 70/1 号决议。"), Footnote(2, "具体目标 5.2。")],
    )


def arabic_document() -> Document:
    return Document(
        language="ar",
        symbol="A/C.3/80/L.20",
        title="تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص",
        body="إن الجمعية العامة",
        preamble=[Paragraph("p1", "إذ تؤكد من جديد إدانتها الشديدة للاتجار بالأشخاص،[^1]")],
        operative=[
            Paragraph("o1", "تحث الدول الأعضاء على التصديق على الاتفاقية؛", number=1),
            Paragraph("o2", "تقرر أن تواصل النظر في هذه المسألة في دورتها الحادية والثمانين.", number=2),
        ],
        footnotes=[Footnote(1, "القرار 70/1.")],
    )


def english_document() -> Document:
    return Document(
        language="en",
        symbol="A/C.3/80/L.20",
        title="Improving the coordination of efforts against trafficking in persons",
        body="The General Assembly",
        preamble=[
            Paragraph(
                "p1",
                "Reaffirming its strong condemnation of trafficking in persons, especially women and children,",
            ),
            Paragraph("p2", "Recalling the 2030 Agenda for Sustainable Development,[^1]"),
        ],
        operative=[
            Paragraph(
                "o1", "Urges Member States that have not yet done so to ratify the Convention;", number=1
            ),
            Paragraph(
                "o2",
                "Calls upon Member States:",
                number=2,
                items=[
                    Paragraph("o2a", "To strengthen prevention;", marker="a"),
                    Paragraph("o2b", "To protect and assist victims;", marker="b", status="bracketed"),
                ],
            ),
            Paragraph(
                "o3",
                "Decides to continue its consideration of the question at its eighty-second session.",
                number=3,
            ),
        ],
        footnotes=[Footnote(1, "Resolution 70/1.")],
    )


def sample_proposals() -> list[Amendment]:
    return [
        Amendment(
            "CHN-1", "replace", ["China"], "rev-0", target="o1", text="敦促所有会员国批准或加入《公约》；"
        ),
        Amendment("PAK-1", "delete", ["Pakistan", "Zambia"], "rev-0", target="o1"),
        Amendment(
            "BLR-1",
            "edit",
            ["Belarus"],
            "rev-0",
            target="o3",
            text="决定在第七十七届会议上继续审议这个问题。",
            status="accepted",
        ),
    ]


@dataclass
class FakeRoom:
    name: str
    document: Document
    proposals: list[Amendment] = field(default_factory=list)
    revision: str = "rev-0"
    calls: list[tuple] = field(default_factory=list)
    counter: int = 0
    facilitating: list[str] = field(default_factory=lambda: ["Belarus"])
    tabled_on: str | None = None
    translations: dict[str, LanguageView] = field(default_factory=dict)  # language -> the text in it

    def snapshot(self) -> Snapshot:
        snap = Snapshot(self.name, self.document, self.revision, list(self.proposals), self.version())
        snap.facilitators = tuple(self.facilitating)
        return snap

    def draft(self) -> Snapshot:
        return Snapshot(self.name, self.document, self.revision, [], self.version(), counted=False)

    def version(self) -> str:
        return str(self.counter)

    def look(self) -> None:
        return None  # not hosted

    def sync(self) -> None:
        raise AssertionError("a negotiation that is not hosted is never synced")

    def record(self, *call: object) -> None:
        self.calls.append(call)
        self.counter += 1

    def propose(self, request: ProposalRequest, acting_as: str) -> str:
        self.record("propose", request, acting_as)
        return "NEW-1"

    def submit(self, amendment_id: str, acting_as: str) -> None:
        self.record("submit", amendment_id, acting_as)

    def withdraw(self, amendment_id: str, acting_as: str, because: str = "") -> None:
        self.record("withdraw", amendment_id, acting_as, because)
        self.proposals = [
            replace(p, status="withdrawn") if p.id == amendment_id else p for p in self.proposals
        ]

    def support(self, amendment_id: str, acting_as: str) -> None:
        self.record("support", amendment_id, acting_as)

    def comment(self, amendment_id: str, text: str, acting_as: str) -> None:
        self.record("comment", amendment_id, text, acting_as)

    def decide(self, verdict: str, amendment_ids: list[str], acting_as: str, because: str = "") -> None:
        self.record("decide", verdict, amendment_ids, acting_as, because)

    def compromise(self, amendment_ids: list[str], text: str, acting_as: str) -> str:
        self.record("compromise", amendment_ids, text, acting_as)
        return "FAC-1"

    def mark(self, paragraph_id: str, status: str, acting_as: str) -> None:
        self.record("mark", paragraph_id, status, acting_as)

    def bracket(self, paragraph_id: str, words: str, lift: bool, acting_as: str) -> str:
        self.record("bracket", paragraph_id, words, lift, acting_as)
        return "words bracketed"

    def facilitators(self) -> list[str]:
        return list(self.facilitating)

    def secretariat_here(self) -> bool:
        return True

    def change_role(self, op: str, delegation: str, acting_as: str) -> list[str]:
        self.record("change_role", op, delegation, acting_as)
        if op == "grant":
            self.facilitating.append(delegation)
        else:
            self.facilitating.remove(delegation)
        return list(self.facilitating)

    def tabled(self) -> str | None:
        return self.tabled_on

    def table(self, symbol: str | None, acting_as: str) -> str:
        self.record("table", symbol, acting_as)
        self.tabled_on = "2019-11-05"
        return self.tabled_on

    def compilation(self) -> str:
        return f"Compilation text: {self.document.symbol}\nOP1 [CHN: {self.proposals[0].text}]\n"

    def formal_amendments(self) -> str:
        return f"Amendments to draft resolution {self.document.symbol}\nIn operative paragraph 1, ...\n"

    def record_document(self, source: Path) -> str:
        self.record("record_document", source)
        return "1 amendment(s) by Cuba"

    def revise(self, acting_as: str) -> str:
        self.record("revise", acting_as)
        self.revision = "Rev.1"
        return self.revision

    def undo(self, action_id: str | None, acting_as: str) -> str:
        self.record("undo", action_id, acting_as)
        return "China proposes CHN-1"

    def sponsors(self) -> list[Sponsor]:
        return [Sponsor("China", "CHN", True, "2019-10-30"), Sponsor("Zambia", "ZMB", False, "2019-11-01")]

    def sponsor_line(self) -> str:
        return "中国和赞比亚"

    def add_sponsors(self, names: list[str], acting_as: str) -> None:
        self.record("add_sponsors", names, acting_as)

    def remove_sponsors(self, names: list[str], acting_as: str) -> None:
        self.record("remove_sponsors", names, acting_as)

    def log(self) -> list[LogEntry]:
        action = Action(
            "c0ffee", "2019-11-01T10:00:00+00:00", "China", "china@un", "propose", "China proposes CHN-1"
        )
        return [LogEntry(action, ["OP1"])]

    def revisions(self) -> list[tuple[str, str]]:
        return [("rev-0", "rev-0"), ("Rev.1", "rev-1")]

    def document_at(self, revision: str) -> Document:
        return self.document

    def export(self, request: ExportRequest) -> Path:
        self.record("export", request)
        request.path.write_text("exported")
        return request.path

    def read_in(self, language: str | None) -> LanguageView:
        languages = [self.document.language, *self.translations]
        if language is None or language == self.document.language:
            return LanguageView(self.document, languages)
        if language not in self.translations:
            raise DraftroomError(f"{self.name} has no {language} version")
        return replace(self.translations[language], languages=languages)

    def translate(self, paragraph_id: str, language: str, text: str, acting_as: str) -> str | None:
        self.record("translate", paragraph_id, language, text, acting_as)
        return None if acting_as == "Secretariat" else "CHN-T1"

    def translate_footnote(self, number: int, language: str, text: str, acting_as: str) -> str | None:
        self.record("translate_footnote", number, language, text, acting_as)
        return None if acting_as == "Secretariat" else "CHN-N1"


@dataclass
class FakeLobby:
    rooms: dict[str, FakeRoom]

    def listings(self) -> list[LobbyRow]:
        return [
            LobbyRow(
                n,
                r.document.symbol or "",
                r.document.title,
                r.document.language,
                r.revision,
                sum(p.pending for p in r.proposals),
            )
            for n, r in self.rooms.items()
        ]

    def open(self, name: str) -> FakeRoom:
        return self.rooms[name]

    def create(self, name: str, source: Path, acting_as: str | None, facilitator: str | None = None) -> str:
        raise NotImplementedError


def screen_text(app) -> str:
    """The characters the terminal shows now, one line per row (wide characters once each)."""
    update = app.screen._compositor.render_full_update()
    return "\n".join(
        "".join(strip.text for strip in row) if not hasattr(row, "text") else row.text
        for row in update.strips
    )
