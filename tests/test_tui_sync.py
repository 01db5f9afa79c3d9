"""The TUI in a hosted negotiation: two real clones served by `git daemon` on 127.0.0.1. The top bar
shows the sync state, another delegation's push shows by itself, and a refusal is a notification."""

import asyncio
import subprocess
from pathlib import Path

import pytest
from hosting_support import Daemon, Machine, free_port, hosted, push, run_app, silent_remote, until
from store_support import sample_document
from tui_support import screen_text

from draftroom.tui.app import DraftroomApp


@pytest.fixture
def machines(tmp_path: Path, run_cli, daemon: Daemon) -> dict[str, Machine]:
    return hosted(tmp_path, run_cli, daemon, ["France", "Japan"])


def top_line(app: DraftroomApp) -> str:
    return screen_text(app).splitlines()[0]


def test_another_delegations_push_shows_in_the_app_by_itself(machines, daemon, run_process, monkeypatch):
    fr, jp = machines["France"], machines["Japan"]

    def remote() -> str:
        """The remote's last action: its author and subject."""
        args = ["git", f"--git-dir={daemon.root / 't.git'}", "log", "-1", "--format=%an %s", "main"]
        return subprocess.run(args, capture_output=True, text=True).stdout

    japan = Machine("Japan", jp.root, run_process)  # its own process: its own environment

    async def scenario(app: DraftroomApp, pilot) -> None:
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.online, "online")
        assert "● online" in top_line(app) and "0 waiting" in top_line(app)
        aid = japan.ok("amend", "t", "delete", "OP3").strip()  # pushed by its own sync
        shown = lambda: app.snapshot is not None and any(a.id == aid for a in app.snapshot.proposals)  # noqa: E731
        await until(pilot, shown, "Japan's proposal in France's app")
        assert "Sync now" in [c.title.split(" — ")[0] for c in app.get_system_commands(app.screen)]
        room = app.room
        assert room is not None
        app.act(lambda: room.add_sponsors(["France"], "France"), "France joins")  # the worker sends it
        await until(pilot, lambda: remote().startswith("France"), "France's action on the remote")
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.waiting == 0, "0 waiting")

    run_app(fr, scenario, monkeypatch)


def test_after_an_hours_quiet_another_delegations_push_shows_at_the_next_look(
    machines, run_process, monkeypatch
):
    """However long nobody touched the room, the first look that starts after a push brings it, and
    looks come every SLOW_SECONDS at most: a push shows within SLOW_SECONDS + a look and a sync."""
    from draftroom.tui.syncing import SLOW_SECONDS

    japan = Machine("Japan", machines["Japan"].root, run_process)

    async def scenario(app: DraftroomApp, pilot) -> None:
        syncer, looks = app.syncer, []  # the pace each look came at, until the proposal showed
        real, work = syncer.clock, syncer._work
        syncer.clock = lambda: real() + 3600  # an hour without a key, an action or a push
        await until(pilot, lambda: syncer.pace == SLOW_SECONDS, "the slow pace")
        aid = japan.ok("amend", "t", "delete", "OP3", "--offline").strip()
        shown = lambda: app.snapshot is not None and any(a.id == aid for a in app.snapshot.proposals)  # noqa: E731

        def counted(room, force: bool) -> None:
            if not shown():
                looks.append(syncer.pace)
            work(room, force)

        monkeypatch.setattr(syncer, "_work", counted)
        await until(pilot, lambda: len(looks) >= 2, "two looks at the slow pace")
        pushed = await asyncio.to_thread(push, japan, "HEAD:main")  # lands when it returns
        assert pushed.returncode == 0, pushed.stderr
        before = len(looks)
        await until(pilot, shown, "Japan's proposal in France's app")
        assert len(looks) - before <= 1  # the look under way when it landed, or the next one, brought it
        assert looks[:before] and all(pace == SLOW_SECONDS for pace in looks[:before])  # idle all along

    run_app(machines["France"], scenario, monkeypatch)


def test_offline_then_sync_now_then_the_servers_refusal_as_a_notification(machines, monkeypatch):
    fr = machines["France"]
    url = fr.git("remote", "get-url", "origin").strip()
    fr.git("remote", "set-url", "origin", f"git://127.0.0.1:{free_port()}/t.git")  # nobody listens
    fr.git("commit", "-q", "--allow-empty", "-m", "by hand\n\nAction: x\nActor: France")  # unsigned
    sha = fr.git("rev-parse", "HEAD").strip()

    async def scenario(app: DraftroomApp, pilot) -> None:
        await until(pilot, lambda: app.sync_state is not None, "the sync state")
        assert app.sync_state is not None and not app.sync_state.online
        assert "○ offline" in top_line(app) and "1 waiting" in top_line(app)
        fr.git("remote", "set-url", "origin", url)
        await pilot.press("f5")  # Sync now
        refused = lambda: [n.message for n in app._notifications if sha[:10] in n.message]  # noqa: E731
        await until(pilot, refused, "the refusal notified")
        (line,) = refused()
        assert "unsigned" in line and "\n" not in line
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.online, "online again")
        kept = line.rsplit("kept as ", 1)[1].strip()  # set aside, not lost
        assert fr.git("rev-parse", kept).strip() == sha and "0 waiting" in top_line(app)

    run_app(fr, scenario, monkeypatch)


def test_a_remote_that_never_answers_is_offline_not_a_hang(tmp_path, monkeypatch):
    """A look at the remote gives up: the bar says offline instead of keeping the last state forever."""
    from draftroom.store import network
    from draftroom.workflow import hosting
    from draftroom.workflow import negotiation as nego

    nego.create_negotiation("t", sample_document(), actor="Secretariat", home=tmp_path)
    monkeypatch.setenv(network.TIMEOUT_ENV, "1")
    with silent_remote() as url:
        for args in (["remote", "add", "origin", url], ["update-ref", "refs/remotes/origin/main", "HEAD"]):
            subprocess.run(["git", "-C", str(tmp_path / "t"), *args], check=True)  # as a clone has them
        looked = hosting.look("t", tmp_path)
    assert looked is not None and looked.offline and "did not answer in 1 s" in looked.offline


def test_the_look_is_fast_while_active_and_backs_off_when_idle():
    from draftroom.tui.syncing import (
        ACTIVE_SECONDS,
        FAST_SECONDS,
        LOOK_AND_SYNC,
        SHOWN_WITHIN,
        SLOW_SECONDS,
        look_interval,
    )

    paces = [look_interval(idle) for idle in range(0, 400, 5)]
    assert all(
        p == FAST_SECONDS for p, idle in zip(paces, range(0, 400, 5), strict=True) if idle <= ACTIVE_SECONDS
    )
    assert paces == sorted(paces) and paces[-1] == SLOW_SECONDS  # never faster with more quiet, capped
    assert (
        FAST_SECONDS < look_interval(ACTIVE_SECONDS + 5) < look_interval(ACTIVE_SECONDS + 10) < SLOW_SECONDS
    )
    # however long the quiet, the pace leaves room for the look and the sync within the 2 s
    assert look_interval(10**6) + LOOK_AND_SYNC <= SHOWN_WITHIN == 2.0
    # 193 laptops, every room idle: looks per second on the server, against the fixed 0.75 s pace
    assert 193 / look_interval(3600) < 193 / FAST_SECONDS * 0.8


def test_an_idle_room_looks_seldom_and_a_key_makes_it_look_often_again(tmp_path, monkeypatch):
    from draftroom.tui.identity import Identity
    from draftroom.tui.rooms import WorkflowLobby
    from draftroom.tui.syncing import FAST_SECONDS, SLOW_SECONDS
    from draftroom.workflow import negotiation as nego

    nego.create_negotiation("t", sample_document(), actor="Secretariat", home=tmp_path)

    async def run() -> None:
        app = DraftroomApp(WorkflowLobby(tmp_path), "t", Identity("France", "delegate"))
        async with app.run_test(size=(160, 40)) as pilot:
            await until(pilot, lambda: app.snapshot is not None, "the draft read")
            assert app.syncer.pace == FAST_SECONDS
            real = app.syncer.clock
            app.syncer.clock = lambda: real() + 3600  # an hour without a key, an action or a push
            await until(pilot, lambda: app.syncer.pace == SLOW_SECONDS, "the slow pace")
            await pilot.press("down")
            assert app.syncer.pace == FAST_SECONDS

    asyncio.run(run())
