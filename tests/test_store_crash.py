"""Real processes: two acting at once, and processes SIGKILLed in the middle of an action."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_support import git, sample_document

from draftroom.store import Negotiation, Sponsor
from draftroom.store.repo import PAUSE_ENV, SENTINEL

WORKER = Path(__file__).resolve().parent / "store_support.py"


@pytest.fixture
def neg(tmp_path: Path) -> Negotiation:
    sponsors = [Sponsor("China", "CHN", True, "2026-01-05")]
    return Negotiation.create(
        tmp_path / "home" / "neg", sample_document(), sponsors, "Secretariat", date="2026-01-05"
    )


def spawn(neg: Negotiation, who: str, count: int, pause: str | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ}
    if pause:
        env[PAUSE_ENV] = pause
    return subprocess.Popen([sys.executable, str(WORKER), str(neg.path), who, str(count)], env=env)


def assert_consistent(neg: Negotiation) -> None:
    """Every commit whole; git clean and fsck-clean; the index agrees with git."""
    git(neg.path, "fsck", "--strict", "--no-dangling")
    for action in neg.git_log():
        if action.action != "note":
            continue
        who, i = action.summary.split(" note ")
        a = git(neg.path, "show", f"{action.commit}:notes/{who}-a.txt")
        b = git(neg.path, "show", f"{action.commit}:notes/{who}-b.txt")
        text = git(neg.path, "show", f"{action.commit}:text/op-2.txt")
        assert a == b == f"{i}\n" and text == f"{who} {i}\n"
    assert [a.to_json() for a in neg.log()] == [a.to_json() for a in neg.git_log()]


def pause_at(stage: str, marker: Path) -> str:
    return f"{stage}:60:{marker}"


def kill_when_paused(proc: subprocess.Popen[bytes], marker: Path) -> None:
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), "the process never reached the pause"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_two_processes_at_once_both_recorded(neg: Negotiation):
    procs = [spawn(neg, who, 8) for who in ("China", "Pakistan")]
    assert [p.wait(timeout=240) for p in procs] == [0, 0]
    notes = [a.summary for a in neg.git_log() if a.action == "note"]
    assert sorted(notes) == sorted(f"{w} note {i}" for w in ("China", "Pakistan") for i in range(8))
    assert git(neg.path, "status", "--porcelain") == ""
    assert_consistent(neg)


@pytest.mark.parametrize("stage", ["before-commit", "after-commit", "before-index"])
def test_kill_inside_an_action_leaves_all_or_nothing(neg: Negotiation, stage: str, tmp_path: Path):
    proc = spawn(neg, "China", 1, pause=pause_at(stage, tmp_path / "paused"))
    kill_when_paused(proc, tmp_path / "paused")
    committed = stage != "before-commit"
    if not committed:
        assert git(neg.path, "status", "--porcelain") != ""  # the half-done files are there...
    with neg.action("note", "Pakistan", summary="Pakistan note 0") as txn:  # ...and the next command works
        txn.write_file("notes/Pakistan-a.txt", "0\n")
        txn.write_file("notes/Pakistan-b.txt", "0\n")
        txn.doc.operative[1].text = "Pakistan 0"
    summaries = [a.summary for a in neg.git_log()]
    assert ("China note 0" in summaries) is committed
    assert git(neg.path, "status", "--porcelain") == ""
    assert not (neg.path / ".git" / SENTINEL).exists()
    assert_consistent(neg)


def test_kill_between_commit_and_tag_keeps_the_revision(neg: Negotiation, tmp_path: Path):
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); from draftroom.store import Negotiation\n"
        "with Negotiation(sys.argv[1]).action('revise', 'Secretariat') as t:\n"
        "    t.cut_revision('A/C.3/74/L.20/Rev.1', '2026-03-01')\n"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(neg.path), src],
        env={**os.environ, PAUSE_ENV: pause_at("after-commit", tmp_path / "paused")},
    )
    kill_when_paused(proc, tmp_path / "paused")
    assert "rev-1" not in git(neg.path, "tag").split()
    assert neg.document("Rev.1").symbol == "A/C.3/74/L.20"  # a reader heals it: the tag is made
    assert "rev-1" in git(neg.path, "tag").split()
    assert [r.tag for r in neg.revisions()] == ["rev-0", "rev-1"]


@pytest.mark.slow
def test_kill_at_random_points_in_a_loop(neg: Negotiation):
    rng = random.Random(7)
    for round_ in range(6):
        proc = spawn(neg, f"w{round_}", 50)
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with neg.action("note", "Pakistan", summary=f"Pakistan note {round_}") as txn:
            txn.write_file("notes/Pakistan-a.txt", f"{round_}\n")
            txn.write_file("notes/Pakistan-b.txt", f"{round_}\n")
            txn.doc.operative[1].text = f"Pakistan {round_}"
        assert git(neg.path, "status", "--porcelain") == ""
        assert_consistent(neg)
    assert len(neg.git_log()) > 6


def test_kill_during_new_leaves_no_negotiation_and_the_name_free(tmp_path: Path):
    home = tmp_path / "home"
    src = str(Path(__file__).resolve().parent.parent / "src")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[3])\n"
        "from store_support import sample_document\n"
        "from draftroom.workflow.negotiation import create_negotiation\n"
        "create_negotiation('n', sample_document(), home=sys.argv[2])\n"
    )
    marker = tmp_path / "paused"
    tests = str(Path(__file__).resolve().parent)
    proc = subprocess.Popen(
        [sys.executable, "-c", code, src, str(home), tests],
        env={**os.environ, PAUSE_ENV: pause_at("after-commit", marker)},
    )
    kill_when_paused(proc, marker)
    assert not (home / "n").exists()
    from draftroom.workflow.negotiation import create_negotiation

    neg = create_negotiation("n", sample_document(), home=home).negotiation
    assert [a.action for a in neg.log()] == ["new"]
    assert [p.name for p in home.iterdir() if p.name.startswith(".")] == []
