"""Each role's main flow in the TUI, on real negotiations (git repositories in a temporary home)."""

import asyncio
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from conftest import SEEDS
from export_support import story_lines
from pilot_support import FACILITATOR, NAME, app_in, drive, settle, trafficking_in
from tui_support import arabic_document, screen_text

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.launch import identity_for, save_identity
from draftroom.tui.rooms import WorkflowLobby
from draftroom.tui.screens.reason import ReasonScreen
from draftroom.workflow import amending, listing, revising
from draftroom.workflow import negotiation as nego
from draftroom.workflow.identity import config_path
from draftroom.workflow.rules import Proposal

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return trafficking_in(tmp_path)


def op(home: Path, label: str) -> str | None:
    """The id of the paragraph a label names in the demo's current text, as a front end resolves it."""
    return nego.paragraph_ids(NAME, [label], home=home)[0]


def test_sponsors_added_with_the_picker_and_the_line_as_printed(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("s")
        await settle(pilot)
        assert "白俄罗斯和中国" in screen_text(app)
        await pilot.press(*"zambie", "enter")  # French name, as a delegate may type it
        await settle(pilot)
        await settle(pilot)
        assert "白俄罗斯、中国和赞比亚" in screen_text(app)

    # a delegation adds itself (only the Secretariat adds others)
    drive(lambda: app_in(home, Identity("Zambia", "delegate")), scenario, size=(120, 36))
    assert [s.name for s in nego.sponsors(NAME, home=home)] == ["Belarus", "China", "Zambia"]
    assert nego.log(NAME, home=home)[0].action.actor == "Zambia"


def test_facilitator_cuts_a_revision(home):
    """The demo is A/C.3/74/L.20/Rev.1: the revision it cuts is Rev.2 (issue 16, fault 1)."""

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert "Rev.2" in screen_text(app)
        said = "\n".join(n.message for n in app._notifications)
        assert "Revision cut: Rev.2 (A/C.3/74/L.20/Rev.2); no paragraph holds brackets" in said, said

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario, size=(120, 36))
    assert [r.tag for r in nego.open_negotiation(NAME, home).revisions()] == ["rev-0", "rev-2"]


def test_a_delegate_cannot_reach_the_facilitators_revise(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("R")
        await settle(pilot)
        assert "Cut the revision" not in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario, size=(120, 36))
    assert len(nego.open_negotiation(NAME, home).revisions()) == 1


def test_reviewer_diffs_two_revisions(home):
    neg = nego.open_negotiation(NAME, home)
    with neg.action("edit", FACILITATOR, summary="test setup: OP1 reworded") as txn:
        txn.doc.operative[0].text = "敦促所有会员国考虑批准或加入《联合国打击跨国有组织犯罪公约》；"
    revising.revise(NAME, FACILITATOR, home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        text = screen_text(app)
        assert "rev-0 → rev-2" in text
        assert "OP1 → OP1" in text and "changed" in text

    drive(lambda: app_in(home, Identity(None, "reviewer")), scenario, size=(120, 36))


def test_an_action_by_another_process_shows_within_two_seconds(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        assert "rev-0" in screen_text(app)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        cmd = [
            sys.executable,
            "-m",
            "draftroom",
            "revise",
            NAME,
            "--as",
            FACILITATOR,
            "--home",
            str(home),
        ]
        done = await asyncio.to_thread(subprocess.run, cmd, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        seen = time.monotonic()
        while "Rev.2" not in screen_text(app) and time.monotonic() - seen < 2.0:
            await pilot.pause(0.05)
        assert "Rev.2" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario, size=(120, 36))


async def export_to(app: DraftroomApp, pilot, target: Path, job: str = "") -> None:
    """The export screen with its default kind and language, to `target`."""
    await pilot.press("x")
    await settle(pilot)
    app.screen.query_one("#path").value = str(target)
    app.screen.query_one("#job").value = job
    await pilot.press("ctrl+s")
    await settle(pilot)
    await settle(pilot)


def test_secretariat_exports_a_word_document(home, tmp_path):
    from docx import Document as WordDocument

    target = tmp_path / "out" / "draft.docx"
    target.parent.mkdir()

    async def scenario(app: DraftroomApp, pilot) -> None:
        await export_to(app, pilot, target, job="19-20001")
        assert f"Written: {target}" in screen_text(app).replace("\n", "")

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    word = WordDocument(str(target))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "改进打击贩运人口工作的协调" in text and "决定在第七十六届会议上继续审议这个问题" in text
    assert story_lines(word.sections[0].first_page_footer) == ["19-20001 (C)"]


def test_an_export_error_is_a_notification_not_a_traceback(home, tmp_path):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#path").value = str(tmp_path / "missing-dir" / "x.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("does not exist" in m for m in messages), messages
        assert app.screen.query_one("#progress").display is False

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)


def amendments(home: Path) -> list:
    return listing.list_amendments(NAME, home=home).amendments


def test_delegate_proposes_a_word_edit_then_withdraws_it(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter")
        await settle(pilot)
        await pilot.press("w", *"第七十六届", "tab", *"第七十七届")
        await settle(pilot)
        await pilot.pause(0.2)
        assert "第七十七届" in screen_text(app)  # the live preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        (a,) = amendments(home)
        assert (a.kind, a.proposers, a.status, a.text) == (
            "edit",
            ["China"],
            "proposed",
            "决定在第七十七届会议上继续审议这个问题。",
        )
        assert "●1" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("w")  # Words on the draft is not Withdraw here: nothing happens
        await settle(pilot)
        assert [a.status for a in amendments(home)] == ["proposed"]
        await pilot.press("delete")  # withdraw asks first, and for a reason
        await settle(pilot)
        await pilot.press(*"已达成共识", "enter")
        await settle(pilot)
        await settle(pilot)
        assert "withdrawn" in screen_text(app) and "已达成共识" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    assert [a.status for a in amendments(home)] == ["withdrawn"]
    assert [e.action.action for e in nego.log(NAME, home=home)][:2] == ["withdraw", "propose"]


def test_facilitator_accepts_and_revises(home):
    proposal = Proposal(kind="replace", target=op(home, "OP1"), text="敦促所有会员国批准或加入《公约》；")
    amending.propose(NAME, "China", proposal, home=home)
    amending.propose(NAME, "Pakistan", Proposal(kind="delete", target=op(home, "OP3")), home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"OP1", "enter")
        await settle(pilot)
        await pilot.press("enter", "y", "enter")  # accept China's replacement (no reason needed)
        await settle(pilot)
        await settle(pilot)
        await pilot.press("escape", "R")
        await settle(pilot)
        assert "1 accepted proposals will be applied" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "Rev.2" in text and "敦促所有会员国批准或加入《公约》；" in text

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)
    doc = nego.show(NAME, home=home)
    assert doc.operative[0].text == "敦促所有会员国批准或加入《公约》；"
    statuses = {a.proposers[0]: a.status for a in amendments(home)}
    assert statuses["China"] == "accepted" and statuses["Pakistan"] in ("proposed", "conflicting")


def test_every_key_of_the_screen_is_in_the_command_palette(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("ctrl+p", *"words")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert "Propose a word edit in PP1" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_identity_picked_in_chinese_and_always_shown(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("i")  # the dialog up before typing (it once failed on 2 cores at load ~15)
        await settle(pilot)
        await pilot.press(*"白俄罗斯")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "space")  # roles: delegate, facilitator...
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.identity == Identity("Belarus", "facilitator")
        assert "Belarus · facilitator" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_identity_chosen_in_the_app_is_kept_for_the_next_run(home):
    """Chosen once in the picker, it comes back on the next launch without asking, the config's other
    lines kept; the role follows the negotiation (Belarus facilitates it) unless reviewer/Secretariat."""
    config = config_path()
    config.parent.mkdir(parents=True)
    config.write_text('# my settings\nas = "Pakistan"\n\n[export]\npaper = "letter"\n', encoding="utf-8")
    assert identity_for(None, NAME, home) == Identity("Pakistan", "delegate")

    async def choose_belarus(app: DraftroomApp, pilot) -> None:  # asked at once: nobody said who they are
        await pilot.press(*"白俄罗斯", "enter", "ctrl+s")
        await settle(pilot)
        assert app.identity == Identity("Belarus", "delegate")

    drive(lambda: DraftroomApp(WorkflowLobby(home), NAME, None, save_identity), choose_belarus)
    saved = tomllib.loads(config.read_text(encoding="utf-8"))
    assert saved["as"] == "Belarus" and saved["export"] == {"paper": "letter"}
    assert "# my settings" in config.read_text(encoding="utf-8")
    assert identity_for(None, NAME, home) == Identity("Belarus", "facilitator")

    async def choose_reviewer(app: DraftroomApp, pilot) -> None:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"Belarus")
        await settle(pilot)
        await pilot.press("enter", "down", "down", "down", "space", "ctrl+s")
        await settle(pilot)
        assert app.identity.role == "reviewer"

    drive(
        lambda: DraftroomApp(WorkflowLobby(home), NAME, Identity("Belarus", "delegate"), save_identity),
        choose_reviewer,
    )
    assert identity_for(None, NAME, home) == Identity("Belarus", "reviewer")
    assert identity_for("China", NAME, home) == Identity("China", "delegate")  # --as wins, role from the room


def test_an_unwritable_config_is_a_notification_and_the_identity_still_changes(home, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("i", *"白俄罗斯", "enter", "ctrl+s")
        await settle(pilot)
        assert app.identity.delegation == "Belarus"
        notes = [n.message for n in app._notifications]
        assert any("XDG_CONFIG_HOME" in m and "\n" not in m for m in notes), notes

    drive(
        lambda: DraftroomApp(WorkflowLobby(home), NAME, Identity("China", "delegate"), save_identity),
        scenario,
    )


def test_insert_delete_and_move_from_the_draft(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op1", "enter", "a")
        await settle(pilot)
        await pilot.press(*"鼓励会员国加强培训", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("d", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("m", *"OP3", "ctrl+s")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity("Pakistan", "delegate")), scenario)
    found = {a.kind: a for a in amendments(home)}
    doc = nego.show(NAME, home=home)
    op1, op3 = doc.operative[0].id, doc.operative[2].id
    assert (found["insert"].anchor, found["insert"].position, found["insert"].text) == (
        op1,
        "after",
        "鼓励会员国加强培训",
    )
    assert found["delete"].target == op1
    assert (found["move"].target, found["move"].anchor, found["move"].position) == (op1, op3, "after")
    assert all(a.proposers == ["Pakistan"] for a in found.values())


def test_facilitator_writes_a_compromise(home):
    amending.propose(
        NAME,
        "China",
        Proposal(kind="replace", target=op(home, "OP3"), text="决定在第七十七届会议上审议。"),
        home=home,
    )
    amending.propose(
        NAME,
        "Pakistan",
        Proposal(kind="replace", target=op(home, "OP3"), text="决定在第七十八届会议上审议。"),
        home=home,
    )

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"OP3", "enter", "enter")
        await settle(pilot)
        await pilot.press("space", "down", "space", "c")
        await settle(pilot)
        await pilot.press("ctrl+a", "shift+end", *"决定在今后一届会议上审议", "ctrl+s")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)
    found = amendments(home)
    (c,) = [a for a in found if a.merges]
    assert c.text == "决定在今后一届会议上审议" and c.proposers == [FACILITATOR]
    assert sorted(a.status for a in found if not a.merges) == ["merged", "merged"]


def test_history_lists_every_action_with_its_author(home):
    nego.add_sponsors(NAME, ["Zambia"], "Zambia", home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "Zambia" in text and "Sponsors added: Zambia" in text
        assert "Secretariat" in text and "New negotiation" in text

    drive(lambda: app_in(home, Identity(None, "reviewer")), scenario, size=(140, 40))


def test_a_delegate_undoes_from_the_draft_and_redoes_from_the_history(home):
    aid = amending.propose(NAME, "China", Proposal("delete", target=op(home, "OP3")), home=home).id

    def pending() -> list[str]:
        return [a.id for a in listing.list_amendments(NAME, home=home).amendments if a.status == "proposed"]

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("u")  # China's latest action: its proposal
        await settle(pilot)
        assert pending() == [] and "Undid: China proposes delete OP3" in notes(app)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("u")  # the highlighted action, the newest: the undo itself
        await settle(pilot)
        assert pending() == [aid]
        await pilot.press("down", "down", "down", "u")  # the Secretariat's creation: refused, one line
        await settle(pilot)
        assert pending() == [aid] and "cannot be undone" in notes(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario, size=(140, 40))


def notes(app: DraftroomApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def test_an_unknown_negotiation_is_a_notification_and_the_list(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await settle(pilot)
        assert any("no-such-thing" in n.message for n in app._notifications)
        assert type(app.screen).__name__ == "NegotiationsScreen"
        assert NAME in screen_text(app) or "改进打击贩运人口工作的协调" in screen_text(app)

    drive(lambda: DraftroomApp(WorkflowLobby(home), "no-such-thing", Identity("China", "delegate")), scenario)


def test_secretariat_exports_the_compilation_with_every_proposal(home, tmp_path):
    amending.propose(NAME, "China", Proposal(kind="delete", target=op(home, "OP3")), home=home)
    target = tmp_path / "compilation.html"

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#kind").value = "compilation"
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    page = target.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "决定在第七十六届会议上继续审议这个问题" in page and "CHN" in page


def test_a_negotiation_created_from_a_file_in_the_lobby(tmp_path):
    """Created with its facilitator typed in Chinese: the negotiation records the canonical name."""
    source = SEEDS / "002_e512e5138112a4f1.txt"

    async def scenario(app: DraftroomApp, pilot) -> None:
        assert "No negotiation yet" in screen_text(app)
        await pilot.press("n", *str(source), "enter", *"cycle67", "enter", *"墨西哥", "enter")
        await settle(pilot)
        await settle(pilot)
        assert "cycle67" in screen_text(app) and "PP1" in screen_text(app)

    drive(lambda: DraftroomApp(WorkflowLobby(tmp_path), None, Identity("Belarus", "delegate")), scenario)
    (summary,) = nego.list_negotiations(tmp_path)
    assert summary.name == "cycle67" and summary.language == "zh"
    assert nego.log("cycle67", home=tmp_path)[0].action.actor == "Belarus"
    assert amending.current_facilitators("cycle67", home=tmp_path) == ["Mexico"]


def test_a_misspelt_facilitator_is_said_in_the_form_which_keeps_what_was_typed(tmp_path):
    source = SEEDS / "002_e512e5138112a4f1.txt"

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("n", *str(source), "enter", *"cycle67", "enter", *"Mexxico", "enter")
        await settle(pilot)
        assert "Mexico" in notes(app)
        await pilot.press(*["backspace"] * 4, *"ico", "enter")  # kept as typed: mend it
        await settle(pilot)
        await settle(pilot)
        assert "PP1" in screen_text(app)

    drive(lambda: DraftroomApp(WorkflowLobby(tmp_path), None, Identity("Belarus", "delegate")), scenario)
    assert amending.current_facilitators("cycle67", home=tmp_path) == ["Mexico"]


def test_a_sponsor_removed_from_the_list(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#sponsors").focus()
        await pilot.press("down", "d")  # the second row in UN order: China; d is the draft's Delete
        await settle(pilot)
        assert "白俄罗斯和中国" in screen_text(app)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen) and "白俄罗斯和中国" in screen_text(app)  # asked first
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert "白俄罗斯" in screen_text(app) and "白俄罗斯和中国" not in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)  # China leaves
    assert [s.name for s in nego.sponsors(NAME, home=home)] == ["Belarus"]


def test_support_reject_and_mark(home):
    proposed = amending.propose(NAME, "China", Proposal(kind="delete", target=op(home, "OP3")), home=home)

    async def as_zambia(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"OP3", "enter", "enter")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        await settle(pilot)

    async def as_facilitator(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"OP3", "enter", "enter")
        await settle(pilot)
        await pilot.press("n", "enter")  # a rejection needs its reason
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press(*"超出议程", "enter")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("t", "up", "up", "enter")  # from agreed to bracketed
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity("Zambia", "delegate")), as_zambia)
    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), as_facilitator)
    (a,) = amendments(home)
    assert (a.id, a.proposers, a.status) == (proposed.id, ["China", "Zambia"], "rejected")
    assert [(r.who, r.verdict, r.text) for r in a.thread] == [(FACILITATOR, "reject", "超出议程")]
    assert nego.show(NAME, home=home).operative[2].status == "bracketed"


def test_an_arabic_negotiation_works_as_the_chinese_one_does(tmp_path):
    """Read, a word edit with its preview, the footnote on focus, and the Word export, in Arabic."""
    from docx import Document as WordDocument

    nego.create_negotiation("ar", arabic_document(), facilitator="Egypt", actor="Secretariat", home=tmp_path)
    target = tmp_path / "ar.docx"

    async def scenario(app: DraftroomApp, pilot) -> None:
        assert "القرار 70/1." in screen_text(app)  # PP1's note beside it
        await pilot.press("g", *"op2", "enter")
        await settle(pilot)
        await pilot.press("w", *"الحادية والثمانين", "tab", *"الثانية والثمانين")
        await settle(pilot)
        await pilot.pause(0.2)
        assert "الثانية والثمانين" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        await export_to(app, pilot, target)

    drive(lambda: DraftroomApp(WorkflowLobby(tmp_path), "ar", Identity("Egypt", "facilitator")), scenario)
    (a,) = listing.list_amendments("ar", home=tmp_path).amendments
    assert a.text == "تقرر أن تواصل النظر في هذه المسألة في دورتها الثانية والثمانين." and a.proposers == [
        "Egypt"
    ]
    word = WordDocument(str(target))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "تحث الدول الأعضاء على التصديق على الاتفاقية؛" in text and "إن الجمعية العامة" in text
    assert word.styles["Normal"].element.rPr.find("{*}rtl") is not None  # laid out right to left
