"""Git as draftroom runs it: nothing the negotiation's own configuration or hooks name is executed.

A negotiation can arrive as a copy from someone else, so its `.git/config` and `.git/hooks` are
the sender's. Every git process draftroom starts gets, through git's GIT_CONFIG_COUNT variables
(which win over every config file), no hooks folder and no fsmonitor; and a repository whose own
config sets anything outside the few keys draftroom and a plain clone write (hooks, fsmonitor,
filters, diff drivers, ssh or gpg programs, includes) is refused with the command that removes it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.patterns import LazyPattern

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import subprocess

    from git import Repo

OVERRIDES = (
    ("core.hooksPath", "/dev/null"),
    ("core.fsmonitor", "false"),
    ("gpg.ssh.program", "ssh-keygen"),
    ("commit.gpgSign", "false"),  # a user's own signing settings never sign or fail draftroom's commits:
    ("tag.gpgSign", "false"),  # it signs with -S and the actor's key when the negotiation is hosted
)

# keys (lower case; <x> stands for any subsection) a repository's own config may set
_ALLOWED = {
    "core.repositoryformatversion",
    "core.filemode",
    "core.bare",
    "core.logallrefupdates",
    "core.quotepath",
    "core.ignorecase",
    "core.precomposeunicode",
    "core.symlinks",
    "core.autocrlf",  # what a user's own git sets (line endings, file-system quirks, speed, looks)
    "core.eol",
    "core.safecrlf",
    "core.trustctime",
    "core.checkstat",
    "core.untrackedcache",
    "core.splitindex",
    "core.preloadindex",
    "core.longpaths",
    "core.protectntfs",
    "core.protecthfs",
    "core.whitespace",
    "core.abbrev",
    "core.compression",
    "core.bigfilethreshold",
    "core.deltabasecachelimit",
    "core.packedgitlimit",
    "core.packedgitwindowsize",
    "index.version",
    "index.threads",
    "pack.threads",
    "gc.auto",
    "gc.autopacklimit",
    "init.defaultbranch",
    "color.ui",
    "column.ui",
    "i18n.commitencoding",
    "i18n.logoutputencoding",
    "log.date",
    "pull.rebase",
    "pull.ff",
    "push.default",
    "fetch.prune",
    "merge.conflictstyle",
    "rerere.enabled",
    "feature.manyfiles",
    "user.signingkey",
    "gpg.format",
    "commit.gpgsign",
    "tag.gpgsign",
    "branch.<x>.rebase",
    "remote.<x>.pushurl",
    "remote.<x>.prune",
    "remote.<x>.tagopt",
    "gc.autodetach",
    "user.name",
    "user.email",
    "remote.<x>.url",
    "remote.<x>.fetch",
    "branch.<x>.remote",
    "branch.<x>.merge",
    "receive.denynonfastforwards",
    "receive.denydeletes",
    "receive.advertisepushoptions",  # the turn to push (draftroom.store.turns)
    "receive.denydeletecurrent",
    "draftroom.<x>",
}
_checked: dict[Path, tuple[int, list[str]]] = {}  # config file -> the mtime it was found safe at, its keys


def environment() -> dict[str, str]:
    """The variables that make a git process ignore hooks and fsmonitor, whatever any config says."""
    env = {"GIT_CONFIG_COUNT": str(len(OVERRIDES))}
    for i, (key, value) in enumerate(OVERRIDES):
        env[f"GIT_CONFIG_KEY_{i}"], env[f"GIT_CONFIG_VALUE_{i}"] = key, value
    return env


def _pattern(key: str) -> str:
    parts = key.split(".")
    if parts[0] == "draftroom":
        return "draftroom.<x>"
    return f"{parts[0]}.<x>.{parts[-1]}" if len(parts) > 2 else key


def check_config(git_dir: Path) -> None:
    """Refuse a repository whose own config could make git run someone else's program."""
    config_keys(git_dir)


def config_keys(git_dir: Path) -> list[str]:
    """The keys the repository's own config sets (as git spells them), once found safe; a one-line
    error for a config that could make git run someone else's program."""
    config = git_dir / "config"
    try:
        mtime = config.stat().st_mtime_ns
    except FileNotFoundError:
        return []
    known = _checked.get(config)
    if known and known[0] == mtime:
        return known[1]
    keys = _plain_keys(config)
    if keys is None:
        import subprocess  # only for a config in another form than git and draftroom write

        listed = subprocess.run(
            ["git", "config", "--file", str(config), "--no-includes", "--name-only", "--list"],
            capture_output=True,
            text=True,
            env=environment(),
        )
        if listed.returncode != 0:
            raise DraftroomError(
                f"{config} is not a valid git config file: repair it or clone the negotiation again"
            )
        keys = listed.stdout.split()
    for key in keys:
        if _pattern(key.lower()) not in _ALLOWED:
            raise DraftroomError(
                f"{config} sets {key}, which could run a program draftroom did not install: "
                f"remove it with `git config --file {config} --unset-all {key}`"
            )
    _checked[config] = (mtime, keys)
    return keys


# A config as git and draftroom write it: section headers alone on their line, `key = value` lines
# whose values hold no quote, backslash or comment sign, comment lines and blank ones.
_HEADER = LazyPattern(r'\[([A-Za-z0-9-]+)(?: "([^"\\\x00-\x1f]*)")?\]')
_ENTRY = LazyPattern(r"([A-Za-z][A-Za-z0-9-]*)[ \t]*=[^\"\\#;\x00-\x08\x0a-\x1f]*")


def _plain_keys(config: Path) -> list[str] | None:
    """The keys a config file sets, as `git config --name-only --list` spells them (section and key
    lower case, a subsection as written), read without starting git when every line is in the plain
    form above; None for anything else (continued lines, quoted values, comments after a value, a
    key on a header's line, a byte-order mark, a carriage return...), which git itself reads."""
    try:
        text = config.read_bytes().decode("utf-8")  # every byte as it is: "\r" is not plain
    except (OSError, UnicodeDecodeError):
        return None
    keys: list[str] = []
    section = None
    for line in text.split("\n"):
        line = line.strip(" \t")
        if not line or line[0] in "#;":
            continue
        header = _HEADER.fullmatch(line)
        if header:
            name, sub = header.groups()
            section = name.lower() if sub is None else f"{name.lower()}.{sub}"
            continue
        entry = _ENTRY.fullmatch(line)
        if entry is None or section is None:
            return None
        keys.append(f"{section}.{entry.group(1).lower()}")
    return keys


def make_safe(repo: Repo) -> Repo:
    """The repository, its git processes set to ignore hooks and fsmonitor; refused if its config is unsafe."""
    check_config(Path(repo.git_dir))
    repo.git.update_environment(**environment())
    return repo


@contextmanager
def open_repo(path: Path) -> Iterator[Repo]:
    from git import Repo  # GitPython loads only for what plumbing does not do (actions, hosting)

    with Repo(path) as repo:
        yield make_safe(repo)


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """A git command outside a Repo (fetch, push, clone, verify), with the same overrides; `timeout`
    seconds at most: then subprocess.TimeoutExpired, git and the processes it started (ssh, a remote
    helper, which would otherwise keep waiting on the network) killed."""
    import signal
    import subprocess
    from subprocess import DEVNULL, PIPE

    env = {**_base_env(), **(env or {})}
    with subprocess.Popen(
        ["git", *args], cwd=cwd, stdout=PIPE, stderr=PIPE, stdin=DEVNULL, text=True, env=env
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for pid in [*_children(process.pid), process.pid]:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            process.wait()  # its pipes are closed unread: a process that escaped cannot hold this up
            raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _children(pid: int) -> list[int]:
    """The processes `pid` started, and theirs (Linux's /proc; none where it is missing)."""
    try:
        found = [
            int(c) for t in Path(f"/proc/{pid}/task").iterdir() for c in (t / "children").read_text().split()
        ]
    except (OSError, ValueError):
        return []
    return [d for c in found for d in [*_children(c), c]]


def _base_env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C", **environment()}
