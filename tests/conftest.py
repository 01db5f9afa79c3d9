"""Shared fixtures: where the real documents are, running the CLI as a user would."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from corpus_support import CORPUS_EN, SEEDS  # noqa: F401  (re-exported for the tests)
from hosting_support import Daemon

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Compile draftroom's sources once, before any test (in the controller, not in each xdist worker).
    Every process a test starts (the CLI, the hosted remote's guard hook) then reads its bytecode, as an
    installed draftroom does, instead of compiling each module again: the tests' environment sets
    PYTHONDONTWRITEBYTECODE, so no process would ever write it. A hosted setup of three delegations took
    8.9 s without it and 4.8 s with it."""
    if hasattr(config, "workerinput"):
        return
    import compileall

    import draftroom

    compileall.compile_dir(Path(draftroom.__file__).parent, quiet=1)


@pytest.fixture(autouse=True)
def own_config(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own ~/.config/draftroom (the TUI saves who you are there),
    nor inherits DRAFTROOM_AS from the shell running the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("DRAFTROOM_AS", raising=False)


def _in_process(args: tuple[str, ...], input: str | None, env: dict[str, str], cwd: Path) -> CompletedProcess:
    """`draftroom ARGS...` run by the program's own `main` (draftroom.app) in this process: the same
    parser, verbs and error guard as the program, without a Python start per call. Environment,
    working folder, standard streams and the SQL engines it opened are restored or released afterwards."""
    from draftroom.app import main
    from draftroom.store import index

    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_env, saved_cwd, engines = dict(os.environ), os.getcwd(), set(index._ENGINES)
    wrappers = [
        io.TextIOWrapper(io.BytesIO((input or "").encode()), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    ]
    sys.stdin, sys.stdout, sys.stderr = wrappers
    os.environ.update(env)
    os.chdir(cwd)
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse's --help, --version and usage errors
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # the buffers stay open to be read
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for url in index._ENGINES.keys() - engines:
            index._ENGINES.pop(url).dispose()
    return CompletedProcess(["draftroom", *args], code, out.getvalue().decode(), err.getvalue().decode())


def _as_a_process(
    args: tuple[str, ...], input: str | None, env: dict[str, str], cwd: Path
) -> CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    return subprocess.run(
        [sys.executable, "-m", "draftroom", *args],
        capture_output=True,
        text=True,
        input=input,
        env=full_env,
        cwd=cwd,
        timeout=300,
    )


def _runner(tmp_path: Path, how):
    def run(*args: str, input: str | None = None, env: dict | None = None, cwd: Path | None = None):
        return how(args, input, {"DRAFTROOM_HOME": str(tmp_path / "home"), **(env or {})}, cwd or tmp_path)

    return run


@pytest.fixture
def run_cli(tmp_path):
    """Run `draftroom ARGS...` as a user would, in this process (see `_in_process`); returns a
    CompletedProcess with the exit code and both streams."""
    return _runner(tmp_path, _in_process)


@pytest.fixture
def run_process(tmp_path):
    """Run `draftroom ARGS...` as a real process (`python -m draftroom`): for the end-to-end tests that
    catch what only a process shows (packaging, start-up, exit codes, signals)."""
    return _runner(tmp_path, _as_a_process)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a command that must have succeeded (else the test fails showing its stderr)."""
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line of a command refused as a user's mistake (exit 2, `draftroom: error: ...`, nothing on
    standard output, no traceback), holding each of `words`."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, (result.returncode, result.stderr)
    assert lines[0].startswith("draftroom: error: ") and result.stdout == "", (result.stdout, result.stderr)
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def require_tool(name: str) -> str:
    """Path of an external program; skip when it is missing locally, fail in CI where .ci/run installs it."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed although CI should have installed it (.ci/run)")
    pytest.skip(f"{name} not installed (apt-get install it, or run .ci/run)")


@pytest.fixture
def daemon(tmp_path: Path):
    """A real `git daemon --enable=receive-pack` on 127.0.0.1 serving tmp_path/served."""
    (tmp_path / "served").mkdir()
    d = Daemon(tmp_path / "served")
    yield d
    d.stop()
