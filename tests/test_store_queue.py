"""Commands waiting for one negotiation: real processes served in the order they asked, all of them,
a waiter killed in the queue not blocking the others, and a held negotiation refused in one line."""

import os
import signal
import time
from pathlib import Path

import pytest
from store_support import git, sample_document
from test_store_crash import assert_consistent, spawn

from draftroom.errors import DraftroomError
from draftroom.store import Negotiation, Sponsor
from draftroom.store.queue import QUEUE


@pytest.fixture
def neg(tmp_path: Path) -> Negotiation:
    sponsors = [Sponsor("China", "CHN", True, "2026-01-05")]
    return Negotiation.create(
        tmp_path / "home" / "neg", sample_document(), sponsors, "Secretariat", date="2026-01-05"
    )


def tickets(neg: Negotiation) -> int:
    return sum(1 for n in os.listdir(neg.path / ".git" / QUEUE) if n.isdigit())


def wait_for_tickets(neg: Negotiation, count: int) -> None:
    deadline = time.monotonic() + 120
    while tickets(neg) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert tickets(neg) >= count, "a command never joined the queue"


def test_many_writers_at_once_all_succeed(neg: Negotiation):
    writers = [f"W{i}" for i in range(12)]
    procs = [spawn(neg, who, 3) for who in writers]
    assert [p.wait(timeout=600) for p in procs] == [0] * len(writers)
    notes = sorted(a.summary for a in neg.git_log() if a.action == "note")
    assert notes == sorted(f"{w} note {i}" for w in writers for i in range(3))
    assert git(neg.path, "status", "--porcelain") == ""
    assert tickets(neg) == 0  # every ticket taken was given back
    assert_consistent(neg)


def test_waiters_are_served_in_the_order_they_asked(neg: Negotiation):
    order = ["A", "B", "C", "D", "E"]
    procs = []
    with neg.locked():  # the negotiation is busy while the others line up, one after another
        for n, who in enumerate(order, start=2):
            procs.append(spawn(neg, who, 1))
            wait_for_tickets(neg, n)
    assert [p.wait(timeout=300) for p in procs] == [0] * len(order)
    served = [a.actor for a in reversed(neg.git_log()) if a.action == "note"]
    assert served == order


def test_a_waiter_killed_in_the_queue_does_not_hold_up_the_rest(neg: Negotiation):
    with neg.locked():
        doomed = spawn(neg, "Doomed", 1)
        wait_for_tickets(neg, 2)
        after = spawn(neg, "After", 1)
        wait_for_tickets(neg, 3)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
    assert after.wait(timeout=300) == 0
    assert [a.actor for a in neg.git_log() if a.action == "note"] == ["After"]
    assert tickets(neg) == 0  # the dead waiter's ticket was found free and removed


def test_a_negotiation_held_past_the_wait_is_refused_in_one_line(neg: Negotiation):
    with neg.locked(), pytest.raises(DraftroomError) as refused, Negotiation(neg.path).locked(wait=0.3):
        pass
    assert "busy" in str(refused.value) and "\n" not in str(refused.value)
    assert tickets(neg) == 0
    with Negotiation(neg.path).locked(wait=0.3):  # once free, the same wait is served at once
        assert tickets(neg) == 1
