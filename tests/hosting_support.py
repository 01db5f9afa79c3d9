"""Several machines around one hosted negotiation: a real bare remote served by `git daemon` on 127.0.0.1,
real ssh-keygen keys, one home and one config folder per machine."""

import asyncio
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from store_support import git, sample_document


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def silent_remote(name: str = "t.git") -> Iterator[str]:
    """A git:// URL whose server accepts the connection (the listen backlog) and never says a word:
    a hanging remote, not a refused one."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        yield f"git://127.0.0.1:{silent.getsockname()[1]}/{name}"


def with_remote(repo: Path, bare: Path) -> None:
    """Give a negotiation's repository a plain bare remote (no server, no hooks) and push to it: hosted
    as far as the clone can tell, for a test of what a hosted negotiation offers."""
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    for args in (
        ["remote", "add", "origin", str(bare)],
        ["push", "-q", "origin", "HEAD:main"],
        ["fetch", "-q"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True)


class Daemon:
    """`git daemon --enable=receive-pack` serving a folder of bare repositories."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                "git",
                "daemon",
                "--reuseaddr",
                f"--base-path={root}",
                "--export-all",
                "--enable=receive-pack",
                "--listen=127.0.0.1",
                f"--port={self.port}",
                str(root),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(500):  # until it listens
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.01)
        raise RuntimeError("git daemon did not start")

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


@dataclass
class Machine:
    """One delegation's (or the Secretariat's) computer: its own config folder (keys) and home."""

    who: str
    root: Path
    run_cli: object

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def home(self) -> Path:
        return self.root / "home"

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        env = {"XDG_CONFIG_HOME": str(self.config), "DRAFTROOM_HOME": str(self.home), **(env or {})}
        acting = () if args[0] in ("amendments", "show", "log", "list") else ("--as", self.who)
        return self.run_cli(*args, *acting, env=env)  # type: ignore[operator]

    def ok(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = self.run(*args, env=env)
        assert result.returncode == 0, f"{self.who}: {' '.join(args)}: {result.stderr}"
        return result.stdout

    def key(self) -> Path:
        """Make this machine's key; returns its .pub file."""
        line = self.ok("keys", "new").splitlines()[-1]
        assert line.startswith("ssh-ed25519 ")
        return self.config / "draftroom" / "keys" / (self.who.lower() + ".pub")

    def neg(self, name: str = "t") -> Path:
        return self.home / name

    def git(self, *args: str) -> str:
        return git(self.neg(), *args)


def hosted(
    tmp_path: Path, run_cli, daemon: Daemon, delegations: list[str], host_env: dict[str, str] | None = None
) -> dict[str, Machine]:
    """Negotiation "t" made and hosted by the Secretariat (facilitator Pakistan; `host` run with
    `host_env` more in its environment), every delegation's key registered, each delegation's machine
    holding a clone."""
    from draftroom.workflow import negotiation as wf

    machines = {
        who: Machine(who, tmp_path / who.replace(" ", "_"), run_cli) for who in ["Secretariat", *delegations]
    }
    sec = machines["Secretariat"]
    doc = sample_document()
    doc.sponsors = ["中国", "阿塞拜疆"]
    wf.create_negotiation("t", doc, facilitator="Pakistan", actor="Secretariat", home=sec.home)
    sec.key()
    assert sec.ok("host", "t", "--at", str(daemon.root / "t.git"), env=host_env).splitlines()[-1] == str(
        daemon.root / "t.git"
    )
    for who in delegations:
        pub = machines[who].key()
        sec.ok("keys", "add", "t", who, str(pub))
    for who in delegations:
        machines[who].ok("clone", daemon.url("t.git"))
    return machines


def signed_commit(m: Machine, actor: str, message: str, edit=None, trailers: str = "") -> str:
    """A commit made by hand with git (not draftroom), signed with this machine's key, naming `actor`."""
    key = m.config / "draftroom" / "keys" / m.who.lower()
    if edit:
        edit(m.neg())
    m.git("add", "-A")
    m.git(
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingKey={key}",
        "commit",
        "-q",
        "-S",
        "--allow-empty",
        "-m",
        f"{message}\n\nAction: x\nActor: {actor}{trailers}",
    )
    return m.git("rev-parse", "HEAD").strip()


def push(m: Machine, *refs: str) -> subprocess.CompletedProcess[str]:
    """A plain `git push` to the remote, as anyone could run it."""
    return subprocess.run(
        ["git", "-C", str(m.neg()), "push", "origin", *refs], capture_output=True, text=True
    )


async def until(pilot, condition: Callable[[], object], what: str) -> None:
    """Wait on the app's state (a generous deadline only so that a broken build fails, not hangs)."""
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        await pilot.pause(0.05)


def run_app(m: Machine, scenario, monkeypatch) -> None:
    """The delegation's app on its own machine (its config folder holds its key), negotiation "t"
    open and read, playing `scenario(app, pilot)`."""
    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.identity import Identity
    from draftroom.tui.rooms import WorkflowLobby

    monkeypatch.setenv("XDG_CONFIG_HOME", str(m.config))

    async def run() -> None:
        app = DraftroomApp(WorkflowLobby(m.home), "t", Identity(m.who, "delegate"))
        async with app.run_test(size=(160, 40)) as pilot:
            await until(pilot, lambda: app.snapshot is not None and app.snapshot.counted, "the draft read")
            await scenario(app, pilot)

    asyncio.run(run())
