"""`draftroom tui` in a real terminal: tmux runs it, sends keys, and we read the screen it draws."""

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import require_tool
from tui_support import chinese_document

from draftroom.workflow import negotiation as nego

ROOT = Path(__file__).resolve().parent.parent


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = capture(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    pytest.fail(f"{text!r} never appeared on the terminal; it shows:\n{screen}")


@pytest.fixture
def session(tmp_path: Path):
    require_tool("tmux")
    name = f"draftroom-test-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_tui_in_tmux_reads_the_draft_and_opens_proposals(tmp_path, session):
    doc = chinese_document()
    nego.create_negotiation("room", doc, facilitator="Belarus", actor="Secretariat", home=tmp_path)
    env = f"PYTHONPATH={shlex.quote(str(ROOT / 'src'))} TERM=xterm-256color LANG=C.UTF-8"
    command = f"{env} {shlex.quote(sys.executable)} -m draftroom tui room --home {shlex.quote(str(tmp_path))} --as China"
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, command],
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    screen = wait_for(session, "OP2 (b)")
    assert "China · delegate" in screen
    assert "再次强烈谴责贩运人口" in screen  # wide characters drawn, not mangled
    subprocess.run(["tmux", "send-keys", "-t", session, "Down", "Down", "Enter"], check=True)
    screen = wait_for(session, "0 pending of 0 proposals")
    assert "OP1" in screen
    subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
    wait_for(session, "Word edit")  # back on the draft
    subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
    end = time.monotonic() + 10
    while (
        time.monotonic() < end
        and subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0
    ):
        time.sleep(0.2)
    assert subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0, (
        "the app did not quit on q"
    )
