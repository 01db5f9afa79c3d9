"""Turns to push to a hosted negotiation (draftroom.store.turns): served in the order asked for, given
back by the holder's push, lapsing when the holder is gone; a push out of turn waits. Real clones, a
real `git daemon` on 127.0.0.1, the hooks `host` installed."""

import json
import os
import threading
import time
from pathlib import Path

import pytest
from hosting_support import Daemon, Machine, hosted, push

from draftroom.store import Negotiation, turns
from draftroom.store import remote as rm

DELEGATIONS = ["France", "Japan", "Pakistan"]


@pytest.fixture
def machines(tmp_path: Path, run_cli, run_process, daemon: Daemon) -> dict[str, Machine]:
    """Set up in-process (a second a command less); the tests' own commands run as processes."""
    made = hosted(tmp_path, run_cli, daemon, DELEGATIONS)
    for machine in made.values():
        machine.run_cli = run_process
    return made


def tickets(daemon: Daemon) -> list[str]:
    folder = daemon.root / "t.git" / turns.FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_turns_are_served_in_order_and_a_push_out_of_turn_waits_for_it(machines, daemon, monkeypatch):
    monkeypatch.setenv("DRAFTROOM_NETWORK_TIMEOUT", "3")  # a queued request is answered after 1 s
    fr, jp, pk = (Negotiation(machines[w].neg()) for w in DELEGATIONS)
    first, second, third = turns.Turn("aa01"), turns.Turn("bb02"), turns.Turn("cc03")
    assert rm.ask_turn(fr, first) == 0 and first.held and first.served
    assert rm.ask_turn(jp, second) == 2 and not second.held  # behind France, after waiting 1 s
    assert rm.ask_turn(pk, third) == 3
    assert rm.ask_turn(jp, second) == 2  # asked again: the same place, not the back of the queue

    machines["Pakistan"].ok("sponsors", "t", "add", "Pakistan", "--offline")
    assert rm.push(pk) == "behind"  # France holds the turn: Pakistan's sync would queue
    out = push(machines["Pakistan"], "HEAD:main")  # so does a plain git push
    assert out.returncode != 0 and turns.WAIT_FOR_TURN in out.stderr

    machines["France"].ok("sponsors", "t", "add", "France", "--offline")
    assert rm.push(fr, first) is None and not first.held  # France's push lands and gives the turn on
    assert rm.ask_turn(jp, second) == 0 and second.held
    rm.give_back_turn(jp, second)  # Japan had nothing to send after all
    assert not second.held and [t.rsplit("-", 1)[1] for t in tickets(daemon)] == ["cc03"]
    rm.give_back_turn(pk, third)  # a place in the queue is given up alike
    assert tickets(daemon) == []
    assert "1 action(s) received, 1 sent, 0 refused" in machines["Pakistan"].ok("sync", "t")
    assert tickets(daemon) == []  # Pakistan's sync took its own turn and its push gave it back
    machines["Japan"].ok("sync", "t")
    assert machines["Japan"].git("rev-parse", "HEAD") == machines["Pakistan"].git("rev-parse", "HEAD")


def test_a_holder_that_went_away_loses_the_turn_after_its_lease(machines, daemon, monkeypatch):
    monkeypatch.setenv("DRAFTROOM_NETWORK_TIMEOUT", "3")
    fr, jp = (Negotiation(machines[w].neg()) for w in DELEGATIONS[:2])
    gone, waiting = turns.Turn("dd04"), turns.Turn("ee05")
    assert rm.ask_turn(fr, gone) == 0  # and France's laptop is shut
    assert rm.ask_turn(jp, waiting) == 2
    (ticket,) = [daemon.root / "t.git" / turns.FOLDER / t for t in tickets(daemon) if t.endswith("dd04")]
    then = time.time() - turns.LEASE_SECONDS - 2
    os.utime(ticket, (then, then))  # nobody renewed it for longer than the lease
    assert rm.ask_turn(jp, waiting) == 0
    assert rm.ask_turn(fr, gone) == 2  # back, behind Japan


def test_clones_acting_at_once_all_land_by_turns(machines, daemon):
    """Every delegation proposes at once, each action synced by itself: no sync gives up, every clone
    ends with every action, the history verifies, no ticket is left behind."""
    failures: list[str] = []

    def act(m: Machine) -> None:
        for i in range(2):
            done = m.run("amend", "t", "insert", "--after", "OP1", "--text", f"{m.who} {i};")
            if done.returncode != 0 or "not synced" in done.stderr or "offline" in done.stderr:
                failures.append(f"{m.who}: {done.stderr.strip()}")

    doing = [threading.Thread(target=act, args=(machines[w],)) for w in DELEGATIONS]
    for t in doing:
        t.start()
    for t in doing:
        t.join()
    assert failures == []
    assert tickets(daemon) == []
    for w in DELEGATIONS:
        m = machines[w]
        m.ok("sync", "t")
        proposals = json.loads(m.ok("amendments", "t", "--json"))
        assert sorted(a["proposers"][0] for a in proposals) == sorted(DELEGATIONS * 2)
        assert json.loads(m.ok("verify", "t", "--json")) == {"ok": True, "problems": []}
