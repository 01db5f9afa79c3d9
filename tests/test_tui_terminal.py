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


def send(session: str, *keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)


def test_draftroom_tui_opens_the_demo_in_a_real_terminal(tmp_path, session):
    """`draftroom tui` with no name: the demo negotiation is created, drawn, and answers keys."""
    env = f"PYTHONPATH={shlex.quote(str(ROOT / 'src'))} DRAFTROOM_HOME={shlex.quote(str(tmp_path))} TERM=xterm-256color LANG=C.UTF-8"
    command = f"{env} {shlex.quote(sys.executable)} -m draftroom tui --as China"
    tmux_env = {**os.environ, "TMUX": ""}
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, command],
        check=True,
        env=tmux_env,
    )
    screen = wait_for(session, "6 pending", timeout=60)
    assert "China · delegate" in screen
    assert "再次强烈谴责贩运人口" in screen  # wide characters drawn, not mangled
    send(session, "g")
    wait_for(session, "Go to paragraph")
    send(session, "OP7", "Enter")
    wait_for(session, "OP7  open")
    send(session, "Enter")
    screen = wait_for(session, "1 pending of 1 proposals")
    assert "Russian Federation" in screen and "法律援助" in screen
    send(session, "Escape")
    wait_for(session, "w Words")  # back on the draft
    send(session, "q")
    end = time.monotonic() + 10
    while (
        time.monotonic() < end
        and subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0
    ):
        time.sleep(0.2)
    assert subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0, (
        "the app did not quit on q"
    )
