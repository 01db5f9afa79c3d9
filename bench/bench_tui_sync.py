"""What the TUI's sync worker costs, and how soon another delegation's action shows in it.

    python bench/bench_tui_sync.py [--looks 20] [--pushes 5] [--idle]

One negotiation hosted behind a `git daemon` on 127.0.0.1, cloned by France and Japan. Measured in the
same run: the worker's look at the remote (`hosting.look`, done every second) against a bare
`git ls-remote` of the same remote (the peer), a `git fetch` with nothing new, a `sync` with nothing to
do; then France's app runs headless while Japan proposes PUSHES amendments (each recorded offline,
then pushed with a plain `git push`, which the server's guard judges): the time from the end of that
push to the proposal shown in France's app (with --idle, each push after an hour's quiet, the app's
clock moved on: the slow pace). And the CPU one look costs the host, for the 193-room sum.
"""

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from clones import dr, env_for  # noqa: E402  (each clone's home and config)
from machine import machine  # noqa: E402  (the machine line every benchmark prints)
from timing import timings  # noqa: E402


def ms(values: list[float]) -> str:
    p90 = sorted(values)[min(len(values) - 1, int(0.9 * len(values)))]
    return f"median {statistics.median(values) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--looks", type=int, default=20)
    ap.add_argument("--pushes", type=int, default=5)
    ap.add_argument("--look", type=float, help="seconds between the worker's looks (default: the app's)")
    ap.add_argument("--idle", action="store_true", help="each push after an hour's quiet (the slow pace)")
    opts = ap.parse_args()
    from hosting_support import Daemon
    from store_support import sample_document

    print(machine())
    tmp = Path(tempfile.mkdtemp(prefix="bench-tui-sync-"))
    (tmp / "served").mkdir()
    daemon = Daemon(tmp / "served")
    try:
        sec, fr, jp = tmp / "Secretariat", tmp / "France", tmp / "Japan"
        os.environ.update(env_for(sec))
        from draftroom.workflow import negotiation as wf

        wf.create_negotiation("t", sample_document(lang="en"), actor="Secretariat", home=sec / "home")
        dr(sec, "keys", "new", "--as", "Secretariat")
        dr(sec, "host", "t", "--at", str(tmp / "served" / "t.git"))
        for root, who in ((fr, "France"), (jp, "Japan")):
            (root / "key.pub").write_text(dr(root, "keys", "new", "--as", who).splitlines()[-1] + "\n")
            dr(sec, "keys", "add", "t", who, str(root / "key.pub"), "--as", "Secretariat")
            dr(root, "clone", daemon.url("t.git"), "--as", who)
        os.environ.update(env_for(fr))
        from draftroom.store import Negotiation
        from draftroom.store import remote as rm
        from draftroom.tui import syncing
        from draftroom.workflow import hosting

        neg, home = Negotiation(fr / "home" / "t"), fr / "home"
        peer = timings(
            lambda: subprocess.run(
                ["git", "-C", str(neg.path), "ls-remote", "origin", "refs/heads/main"],
                check=True,
                capture_output=True,
            ),
            opts.looks,
        )
        looks = timings(lambda: hosting.look("t", home), opts.looks)
        fetches = timings(lambda: rm.fetch(neg), opts.looks)
        syncs = timings(lambda: hosting.sync("t", home), max(3, opts.looks // 4))
        base = statistics.median(peer)
        print(f"bare git ls-remote (the peer): {ms(peer)}")
        cpu = _cpu_per_ls_remote(tmp / "served" / "t.git", opts.looks)
        print(
            f"CPU of one ls-remote (git and the upload-pack it serves, local transport): {cpu * 1000:.1f} ms; "
            f"193 rooms looking every {syncing.SLOW_SECONDS} s: {193 / syncing.SLOW_SECONDS:.0f} a second, "
            f"about {193 / syncing.SLOW_SECONDS * cpu:.2f} cores"
        )
        print(
            f"look (every tick of the worker): {ms(looks)} = {statistics.median(looks) / base:.1f}x the peer"
        )
        print(f"git fetch, nothing new: {ms(fetches)} = {statistics.median(fetches) / base:.1f}x the peer")
        print(f"sync, nothing to do: {ms(syncs)} = {statistics.median(syncs) / base:.1f}x the peer")
        syncing.FAST_SECONDS = opts.look or syncing.FAST_SECONDS
        latency = asyncio.run(_push_to_visible(home, jp, opts.pushes, opts.idle))
        room = (
            f"each push after an hour's quiet: a look every {syncing.SLOW_SECONDS} s"
            if opts.idle
            else f"active room: a look every {syncing.FAST_SECONDS} s"
        )
        print(
            f"push to visible in the app ({room}): {ms(latency)}, max {max(latency) * 1000:.0f} ms ({len(latency)} pushes)"
        )
    finally:
        daemon.stop()


def _cpu_per_ls_remote(bare: Path, n: int) -> float:
    """CPU seconds (user + system) of one `git ls-remote` of `bare` and the upload-pack serving it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(n):
        subprocess.run(["git", "ls-remote", str(bare), "refs/heads/main"], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / n


async def _push_to_visible(home: Path, japan: Path, pushes: int, idle: bool) -> list[float]:
    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.identity import Identity
    from draftroom.tui.rooms import WorkflowLobby
    from draftroom.tui.syncing import SLOW_SECONDS

    app = DraftroomApp(WorkflowLobby(home), "t", Identity("France", "delegate"))
    out, quiet = [], [0.0]
    real = app.syncer.clock
    app.syncer.clock = lambda: real() + quiet[0]
    async with app.run_test() as pilot:
        while app.sync_state is None or app.snapshot is None or not app.snapshot.counted:
            await pilot.pause(0.05)
        for i in range(pushes):
            if idle:  # an hour's quiet before this push: the slow pace
                quiet[0] += 3600
                while app.syncer.pace != SLOW_SECONDS:
                    await pilot.pause(0.05)
            aid = await asyncio.to_thread(
                dr,
                japan,
                "amend",
                "t",
                "--offline",
                "--as",
                "Japan",
                "insert",
                "--after",
                "OP1",
                "--text",
                f"Japan {i};",
            )
            push = ["git", "-C", str(japan / "home" / "t"), "push", "-q", "origin", "HEAD:refs/heads/main"]
            await asyncio.to_thread(subprocess.run, push, check=True, capture_output=True)
            pushed = time.perf_counter()
            while not any(a.id == aid.strip() for a in app.snapshot.proposals):
                await pilot.pause(0.02)
            out.append(time.perf_counter() - pushed)
    return out


if __name__ == "__main__":
    main()
