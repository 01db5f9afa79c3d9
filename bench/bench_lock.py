"""Actions under contention on one local negotiation: WRITERS delegations each run ACTIONS `draftroom`
commands at once (one process per command, as a user runs them: a proposal, then joining or leaving the
sponsors, in turn), all on the same negotiation.

    python bench/bench_lock.py [--writers 20] [--actions 10]

Reports actions/s, how long each command held the negotiation's lock and waited for it (median, p90,
max), how many were refused, and, as the peer measured in the same run, a plain `git add` + `git commit`
of one file in the same repository's copy.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

DRAFT = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n2. Requests more;\n"


def q(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else float("nan")


def act(out: str, argv: list[str]) -> int:
    """One command, with the negotiation's lock timed: appends (asked, got, released) to `out`."""
    from draftroom.app import main
    from draftroom.store import repo

    plain = repo.Negotiation.locked

    @contextmanager
    def timed(self: repo.Negotiation, wait: float = repo.LOCK_WAIT) -> Iterator[object]:
        asked = time.time()
        with plain(self, wait) as r:
            got = time.time()
            try:
                yield r
            finally:
                with open(out, "a") as f:
                    f.write(json.dumps([asked, got, time.time()]) + "\n")

    repo.Negotiation.locked = timed  # type: ignore[method-assign]
    return main(argv)


def writer_commands(who: str, count: int) -> list[list[str]]:
    out = []
    for i in range(count):
        if i % 2 == 0:
            out.append(["amend", "t", "insert", "--after", "OP1", "--text", f"{who} {i};", "--as", who])
        else:
            out.append(["sponsors", "t", "add" if i % 4 == 1 else "remove", who, "--as", who])
    return out


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--actions", type=int, default=10)
    ap.add_argument("--act", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    if args.act:
        raise SystemExit(act(args.act[0], args.act[1:]))
    print(f"machine: {machine()}")
    home = Path(tempfile.mkdtemp(prefix="bench-lock-"))
    env = {**os.environ, "DRAFTROOM_HOME": str(home), "PYTHONPATH": str(ROOT / "src")}
    (home / "d.txt").write_text(DRAFT)
    subprocess.run(
        [sys.executable, "-m", "draftroom", "new", "t", "--from", str(home / "d.txt")], env=env, check=True
    )
    from draftroom.model import states

    members = [s.en for s in states.all_states() if s.kind == "member" and s.en.isascii()][: args.writers]
    times = home / "lock-times.jsonl"
    script = [sys.executable, str(Path(__file__).resolve()), "--act", str(times)]
    writer = (
        "import json, subprocess, sys\n"
        "cmds = json.loads(sys.argv[1]); failed = 0\n"
        "for c in cmds:\n"
        f"    done = subprocess.run({script!r} + c, capture_output=True, text=True)\n"
        "    if done.returncode: failed += 1; sys.stderr.write(done.stderr)\n"
        "print(failed)\n"
    )
    start = time.time()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", writer, json.dumps(writer_commands(who, args.actions))],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in members
    ]
    failed, errors = 0, []
    for p in procs:
        out, err = p.communicate()
        failed += int(out.strip() or 0)
        errors += [line for line in err.splitlines() if line.strip()]
    wall = time.time() - start
    rows = [json.loads(line) for line in times.read_text().splitlines()]
    hold = [r[2] - r[1] for r in rows]
    wait = [r[1] - r[0] for r in rows]
    total = args.writers * args.actions
    log = subprocess.run(
        ["git", "-C", str(home / "t"), "rev-list", "--count", "HEAD"], capture_output=True, text=True
    )
    peer = home / "peer"
    git(home, "clone", "-q", str(home / "t"), str(peer))
    plain = []
    for i in range(20):
        (peer / "sponsors.json").write_text(f"[{i}]\n")
        t = time.perf_counter()
        git(peer, "add", "sponsors.json")
        git(peer, "-c", "user.name=b", "-c", "user.email=b@x", "commit", "-qm", f"peer {i}")
        plain.append(time.perf_counter() - t)
    print(f"{args.writers} writers x {args.actions} commands on one negotiation: {wall:.1f} s wall")
    print(
        f"  actions/s: {(total - failed) / wall:.2f}   refused: {failed}   commits made: {int(log.stdout) - 1}"
    )
    print(
        f"  lock held (ms): median {statistics.median(hold) * 1000:.0f}  p90 {q(hold, 0.9) * 1000:.0f}  max {max(hold) * 1000:.0f}"
    )
    print(
        f"  lock wait (s):  median {statistics.median(wait):.2f}  p90 {q(wait, 0.9):.2f}  max {max(wait):.2f}"
    )
    med = statistics.median(plain)
    print(
        f"  peer, plain git add + commit of one file: {med * 1000:.0f} ms; lock hold / peer: {statistics.median(hold) / med:.1f}x"
    )
    for line in errors[:5]:
        print("  error:", line)


if __name__ == "__main__":
    main()
