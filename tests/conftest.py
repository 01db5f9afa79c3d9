"""Shared fixtures: where the real documents are, running the CLI as a user would."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_support import CORPUS_EN, SEEDS  # noqa: F401  (re-exported for the tests)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def own_config(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own ~/.config/draftroom (the TUI saves who you are there),
    nor inherits DRAFTROOM_AS from the shell running the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("DRAFTROOM_AS", raising=False)


@pytest.fixture
def run_cli(tmp_path):
    """Run `draftroom ARGS...` in a subprocess, as a user would; returns CompletedProcess."""

    def run(*args: str, input: str | None = None, env: dict | None = None, cwd: Path | None = None):
        full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(tmp_path / "home")}
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "draftroom", *args],
            capture_output=True,
            text=True,
            input=input,
            env=full_env,
            cwd=cwd or tmp_path,
            timeout=300,
        )

    return run


def require_tool(name: str) -> str:
    """Path of an external program; skip when it is missing locally, fail in CI where .ci/run installs it."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed although CI should have installed it (.ci/run)")
    pytest.skip(f"{name} not installed (apt-get install it, or run .ci/run)")
