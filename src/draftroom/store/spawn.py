"""Git's processes started with `os.posix_spawnp`, without the `subprocess` module.

`subprocess` imports `signal` (which makes its enums), `locale`, `selectors` and `threading`: in a
command that runs a few git processes for a few milliseconds each, those imports cost more than the
processes. What draftroom needs of it is small: start a program with pipes, give it its input, read
its output and error, wait for its exit code. As `subprocess` does, the child gets SIGPIPE and
SIGXFSZ back at their defaults (Python ignores them, and an ignored signal stays ignored through
exec) and only the descriptors named in `pass_fds` besides the three standard ones (Python opens
every other one non-inheritable).

There is no working directory to give: git's `-C` does that (paths in the other options absolute).
"""

from __future__ import annotations

import os
import select
from _signal import SIGPIPE, SIGXFSZ  # `signal` itself would make its enums

_RESET = (SIGPIPE, SIGXFSZ)
_BLOCK = 65536


class Child:
    """A started program: its pid and the parent's ends of the pipes asked for (None otherwise)."""

    __slots__ = ("code", "pid", "stderr", "stdin", "stdout")

    def __init__(self, pid: int, stdin: int | None, stdout: int | None, stderr: int | None) -> None:
        self.pid, self.stdin, self.stdout, self.stderr = pid, stdin, stdout, stderr
        self.code: int | None = None  # its exit code, once waited for

    def wait(self, block: bool = True) -> int | None:
        """Its exit code (a signal's as -N), waiting for it to end; None if it has not (block=False)."""
        if self.code is None:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            if pid:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code


def start(
    argv: list[str],
    env: dict[str, str],
    *,
    stdin: bool = False,
    stdout: bool = True,
    stderr: bool = True,
    pass_fds: tuple[int, ...] = (),
) -> Child:
    """`argv` started (found on PATH), with a pipe for each standard stream asked for: an input not
    asked for is inherited, an output not asked for goes to /dev/null."""
    mine: list[int] = []  # the parent's ends
    theirs: list[int] = []  # the child's ends, closed here once it has started
    actions: list[tuple[int | str, ...]] = []  # posix_spawn's file actions
    ends: list[int | None] = []
    for fd, piped in ((0, stdin), (1, stdout), (2, stderr)):
        if piped:
            r, w = os.pipe()
            ours, child = (w, r) if fd == 0 else (r, w)
            mine.append(ours)
            theirs.append(child)
            actions.append((os.POSIX_SPAWN_DUP2, child, fd))
            ends.append(ours)
        else:
            if fd:
                actions.append((os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0))
            ends.append(None)
    for fd in pass_fds:
        os.set_inheritable(fd, True)
    try:
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions, setsigdef=_RESET)
    except BaseException:
        for fd in mine:
            os.close(fd)
        raise
    finally:
        for fd in theirs:
            os.close(fd)
        for fd in pass_fds:
            os.set_inheritable(fd, False)
    return Child(pid, *ends)


def run(
    argv: list[str], env: dict[str, str], *, input: bytes | None = None, pass_fds: tuple[int, ...] = ()
) -> tuple[int, bytes, bytes]:
    """Run `argv` to its end: (exit code, its output, its error). `input` is written to its standard
    input (None: it inherits this process's); the three streams are served together, so neither side
    waits on a full pipe."""
    child = start(argv, env, stdin=input is not None, pass_fds=pass_fds)
    out, err = exchange(child, input or b"")
    return child.wait() or 0, out, err


def exchange(child: Child, data: bytes) -> tuple[bytes, bytes]:
    """Write `data` to the child's input (then close it) while reading its output and error to their
    end; a child that stops reading its input gets no more of it."""
    got: dict[int, list[bytes]] = {}
    poller = select.poll()
    for fd in (child.stdout, child.stderr):
        if fd is not None:
            got[fd] = []
            poller.register(fd, select.POLLIN)
    sent = 0
    if child.stdin is not None:
        if data:
            poller.register(child.stdin, select.POLLOUT)
        else:
            os.close(child.stdin)
    open_fds = len(got) + (1 if child.stdin is not None and data else 0)
    while open_fds:
        for fd, _event in poller.poll():
            if fd == child.stdin:
                try:
                    sent += os.write(fd, data[sent : sent + _BLOCK])
                except BrokenPipeError:
                    sent = len(data)
                if sent >= len(data):
                    poller.unregister(fd)
                    os.close(fd)
                    open_fds -= 1
                continue
            chunk = os.read(fd, _BLOCK)
            if chunk:
                got[fd].append(chunk)
            else:
                poller.unregister(fd)
                os.close(fd)
                open_fds -= 1
    out, err = (b"".join(got[fd]) if fd is not None else b"" for fd in (child.stdout, child.stderr))
    return out, err
