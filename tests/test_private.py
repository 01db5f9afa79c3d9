"""Private until tabled: `amend --private` keeps a proposal in the delegation's own clone (through real
clones of a negotiation served by `git daemon` on 127.0.0.1), `submit` shares it, and the server
refuses a commit that would carry one."""

import asyncio
import json
import subprocess
from pathlib import Path

import pytest
from hosting_support import Daemon, Machine, hosted, push, run_app, signed_commit, until, with_remote
from textual.widgets import Checkbox
from tui_support import chinese_document, screen_text

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.rooms import WorkflowLobby
from draftroom.workflow import amending, listing
from draftroom.workflow import negotiation as nego
from draftroom.workflow.rules import Proposal


@pytest.fixture
def machines(tmp_path: Path, run_cli, daemon: Daemon) -> dict[str, Machine]:
    return hosted(tmp_path, run_cli, daemon, ["France", "Japan"])


def listed(m: Machine) -> dict[str, dict]:
    return {a["id"]: a for a in json.loads(m.ok("amendments", "t", "--json"))}


def everything_in(git_dir: Path) -> str:
    """Every commit message and every change of every ref of a repository, as one text."""
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "log", "--all", "--format=%B", "-p"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _env(m: Machine) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(m.config), "DRAFTROOM_HOME": str(m.home)}


def test_a_private_proposal_stays_in_its_clone_until_its_proposer_submits_it(machines, daemon):
    fr, jp = machines["France"], machines["Japan"]
    remote = daemon.root / "t.git"
    aid = fr.ok("amend", "t", "delete", "OP3", "--private", "--because", "在会议室讨论").strip()
    fr.ok("sponsors", "t", "add", "France")  # a public action made on top, synced by itself
    fr.ok("sync", "t")
    jp.ok("sync", "t")
    assert "France" in [s["name"] for s in json.loads(jp.ok("sponsors", "t", "--json"))]
    assert listed(fr)[aid]["private"] is True and "private" in fr.ok("amendments", "t")
    assert aid not in listed(jp)
    for where in (remote, jp.neg() / ".git", fr.neg() / ".git"):  # no commit anywhere holds it
        assert aid not in everything_in(where)

    for args, why in (
        (("submit", "t", "FRA-nothing"), "no private proposal"),
        (("submit", "t", aid, "--as", "Japan"), "France's private proposal"),
    ):
        result = fr.run_cli(*args, *(() if "--as" in args else ("--as", "France")), env=_env(fr))
        assert result.returncode != 0 and result.stderr.count("\n") == 1 and why in result.stderr, result
    assert listed(fr)[aid]["private"] is True  # nothing lost

    assert fr.ok("submit", "t", aid).strip() == f"{aid}: submitted by France"  # synced by itself
    jp.ok("sync", "t")
    theirs = listed(jp)[aid]
    assert theirs["private"] is False and theirs["proposers"] == ["France"]
    assert theirs["rationale"] == "在会议室讨论"
    assert aid in everything_in(remote) and listed(fr)[aid]["private"] is False
    assert json.loads(jp.ok("verify", "t", "--json")) == {"ok": True, "problems": []}
    again = fr.run("submit", "t", aid)
    assert again.returncode != 0 and "public already" in again.stderr and again.stderr.count("\n") == 1


def test_the_server_refuses_a_commit_marked_private(machines):
    fr = machines["France"]
    aid = fr.ok("amend", "t", "delete", "OP3", "--private").strip()
    private_file = fr.neg() / ".git" / "draftroom" / "private" / f"{aid}.json"

    def copy_it(neg: Path) -> None:
        (neg / "amendments").mkdir(exist_ok=True)
        (neg / "amendments" / f"{aid}.json").write_text(private_file.read_text())

    for edit, trailers in ((copy_it, ""), (None, "\nPrivate: yes")):
        sha = signed_commit(fr, "France", "France proposes by hand", edit, trailers)
        result = push(fr, "main")
        assert result.returncode != 0
        (line,) = [x for x in result.stderr.splitlines() if "draftroom: refused" in x]
        assert sha[:10] in line and "private" in line, line
        fr.git("reset", "-q", "--hard", "HEAD~1")
    assert aid not in listed(machines["Japan"])


def test_the_tui_marks_this_clones_private_proposals(tmp_path):
    nego.create_negotiation(
        "t", chinese_document(), facilitator="Belarus", actor="Secretariat", home=tmp_path
    )
    with_remote(nego.open_negotiation("t", tmp_path).path, tmp_path / "t.git")  # private: hosted only
    (op3,) = nego.paragraph_ids("t", ["OP3"], home=tmp_path)
    mine = amending.propose("t", "China", Proposal("delete", target=op3), home=tmp_path, private=True)
    shared = amending.propose("t", "Japan", Proposal("delete", target=op3), home=tmp_path)

    async def run() -> None:
        app = DraftroomApp(WorkflowLobby(tmp_path), "t", Identity("China", "delegate"))
        async with app.run_test(size=(150, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("g", *"op3", "enter")
            await app.workers.wait_for_complete()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert any("private" in line for line in lines if mine.id in line)
            theirs = [line for line in lines if shared.id in line]
            assert theirs and not any("private" in line for line in theirs)
            commands = [c.title.split(" — ")[0] for c in app.get_system_commands(app.screen)]
            assert "Submit" in commands
            await pilot.press("p")  # on the highlighted proposal: China's private one
            await app.workers.wait_for_complete()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not any("private" in line for line in screen_text(app).splitlines() if mine.id in line)

    asyncio.run(run())
    found = listing.list_amendments("t", home=tmp_path)
    assert found.private == frozenset() and mine.id in {a.id for a in found.amendments}
    assert nego.log("t", home=tmp_path)[0].action.actor == "China"


def test_the_tui_makes_a_private_proposal_that_never_leaves_the_clone(machines, daemon, monkeypatch):
    fr, jp = machines["France"], machines["Japan"]
    made: list[str] = []

    async def scenario(app: DraftroomApp, pilot) -> None:
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.online, "online")
        await pilot.press("g", *"op3", "enter")
        await app.workers.wait_for_complete()
        await pilot.press("d")  # propose to delete OP3
        await pilot.pause()
        commands = [c.title.split(" — ")[0] for c in app.get_system_commands(app.screen)]
        assert "Private" in commands  # in the palette too
        box = app.screen.query_one("#private", Checkbox)
        await pilot.press(*"只在本国讨论", "tab", "space")  # the rationale (focused first), the checkbox
        assert box.value
        await pilot.press("ctrl+o", "ctrl+o")  # its key turns it off and on again
        assert box.value
        await pilot.press("ctrl+s")
        snap = lambda: app.snapshot  # noqa: E731
        await until(pilot, lambda: snap() is not None and len(snap().private) == 1, "the private proposal")
        (aid,) = snap().private
        made.append(aid)
        await pilot.press("enter")  # OP3's proposals
        await until(pilot, lambda: aid in screen_text(app), "the proposal listed")
        assert any("private" in line for line in screen_text(app).splitlines() if aid in line)
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.waiting == 0, "0 waiting")

    run_app(fr, scenario, monkeypatch)
    (aid,) = made
    fr.ok("sync", "t")
    jp.ok("sync", "t")
    mine = listed(fr)[aid]
    assert mine["private"] is True and mine["rationale"] == "只在本国讨论" and mine["kind"] == "delete"
    assert aid not in listed(jp)
    for where in (daemon.root / "t.git", jp.neg() / ".git", fr.neg() / ".git"):  # no commit holds it
        assert aid not in everything_in(where)
