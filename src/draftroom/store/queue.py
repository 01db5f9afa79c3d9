"""Waiting for a negotiation in turn: a ticket queue on flock, so commands are served in the order they
asked and none is starved while others take turns.

A waiter takes the next number from `queue/counter` (under a short flock of `queue/counter.lock`) and,
still under it, creates and flocks its ticket `queue/<number>`: so every lower ticket is already held
when a number is handed out. Its turn comes when no lower ticket is held. It waits for the lowest one
by a blocking flock on that ticket (no polling); a ticket whose owner died is released by the kernel,
found free and removed. `wait` seconds without the queue moving (the same command at its head all that
time) ends in a one-line "busy" error; so does a turn that never comes for a waiter given wait=0.
"""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from draftroom.errors import DraftroomError

QUEUE = "draftroom-queue"  # in .git: one file per waiting or acting command


class Busy(DraftroomError):
    """The command at the head of the queue has not moved for the whole wait."""


@contextmanager
def turn(git_dir: Path, wait: float, what: str) -> Iterator[None]:
    """Wait for this process's turn on the negotiation (whose .git is `git_dir`); held inside the block."""
    folder = git_dir / QUEUE
    folder.mkdir(exist_ok=True)
    number, fd = _take_ticket(folder)
    mine = folder / f"{number:012d}"
    try:
        while (head := _lowest_before(folder, number)) is not None:
            _wait_for(head, wait, what)
        yield
    finally:
        mine.unlink(missing_ok=True)
        os.close(fd)


def _take_ticket(folder: Path) -> tuple[int, int]:
    guard = os.open(folder / "counter.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(guard, fcntl.LOCK_EX)
        counter = folder / "counter"
        text = counter.read_text() if counter.is_file() else ""
        number = int(text) if text.strip().isdigit() else 0
        tmp = folder / f"counter.{os.getpid()}"
        tmp.write_text(str(number + 1))
        os.replace(tmp, counter)
        fd = os.open(folder / f"{number:012d}", os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        return number, fd
    finally:
        os.close(guard)


def _lowest_before(folder: Path, number: int) -> Path | None:
    """The lowest ticket below `number` still held; free ones (their owner died) are removed."""
    for name in sorted(n for n in os.listdir(folder) if n.isdigit() and int(n) < number):
        path = folder / name
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return path
        finally:
            os.close(fd)
        path.unlink(missing_ok=True)  # nobody holds it: its owner is gone
    return None


def _wait_for(ticket: Path, wait: float, what: str) -> None:
    """Block until `ticket` is released (its command done or dead), at most `wait` seconds.

    The blocking flock runs in a thread, so the wait can end without a signal; an abandoned thread
    takes the lock when it comes free and lets it go at once."""
    import threading  # only to wait: a command that finds the negotiation free never loads it

    try:
        fd = os.open(ticket, os.O_RDONLY)
    except FileNotFoundError:
        return
    released = threading.Event()

    def block() -> None:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_SH)
        os.close(fd)
        released.set()

    threading.Thread(target=block, daemon=True).start()
    if not released.wait(wait):
        raise Busy(f"{what} is busy: another draftroom command has held it for {wait:.0f} s; try again")
