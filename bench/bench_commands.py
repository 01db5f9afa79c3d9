"""Whole commands as a user types them, against a bare interpreter start measured in the same run.

    python bench/bench_commands.py [--amendments 2000] [--runs 5]

Each command runs as its own process (`python -m draftroom ...`, Python's start and every import
included) on the demo negotiation, then on the demo with that many pending amendments (written in one
bulk action, as bench_tui.py does). Prints the median of `--runs` runs of each and its ratio to
`python -c pass`, which runs right before each measured run (so the machine's load, which changes
during a run, weighs on both alike); the targets: every read within 5x, every action within 7x. Bytecode is cached as an
installed package's is (PYTHONDONTWRITEBYTECODE is dropped for the measured processes, and the sources
are compiled once first), so the figures are what a user waits for, not the compiler.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_tui import seed  # noqa: E402  (the demo with N pending amendments)
from machine import machine  # noqa: E402

from draftroom.tui.demo import DEMO_NAME, build_demo  # noqa: E402

READS = (
    ("show", ["show", DEMO_NAME]),
    ("amendments", ["amendments", DEMO_NAME]),
    ("amendments --json", ["amendments", DEMO_NAME, "--json"]),
    ("log", ["log", DEMO_NAME]),
    ("list", ["list"]),
    ("sponsors", ["sponsors", DEMO_NAME]),
    ("translations", ["translations", DEMO_NAME]),
)


BARE: list[float] = []  # every bare start, each measured right before a command's run


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: {done.stderr.strip()}")
    return took, done.stdout.strip()


def run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """The command's time and output, after a bare start measured just before it (kept in BARE)."""
    BARE.append(_timed([sys.executable, "-c", "pass"], dict(os.environ))[0])
    return _timed(argv, env)


def line(kind: str, name: str, taken: list[float], bares: list[float], target: int) -> None:
    took, bare = statistics.median(taken), statistics.median(bares)
    print(
        f"  {kind:<6} {name:<20} {took * 1000:7.0f} ms  {took / bare:5.1f}x  "
        f"(bare {bare * 1000:.0f} ms beside it; target {target}x)"
    )


def report(label: str, env: dict[str, str], runs: int) -> None:
    py = [sys.executable, "-m", "draftroom"]
    print(f"\n{label}")
    for name, args in READS:
        BARE.clear()
        taken = [run([*py, *args], env)[0] for _ in range(runs)]
        line("read", name, taken, BARE, 5)
    BARE.clear()
    times: dict[str, list[float]] = {
        name: []
        for name in (
            "amend (propose)",
            "comment",
            "support",
            "withdraw --because",
            "accept --because",
            "sponsors add",
            "sponsors remove",
        )
    }
    for _ in range(runs):  # a delegate proposes, others comment and join, it is withdrawn; another accepted
        took, aid = run(
            [*py, "amend", DEMO_NAME, "replace", "OP1", "--text", "敦促各国批准；", "--as", "China"], env
        )
        times["amend (propose)"].append(took)
        times["comment"].append(
            run([*py, "comment", DEMO_NAME, aid, "--text", "同意", "--as", "Zambia"], env)[0]
        )
        times["support"].append(run([*py, "support", DEMO_NAME, aid, "--as", "Zambia"], env)[0])
        withdraw = [*py, "withdraw", DEMO_NAME, aid, "--as", "China", "--because", "重复"]
        times["withdraw --because"].append(run(withdraw, env)[0])
        _, other = run([*py, "amend", DEMO_NAME, "delete", "OP2", "--as", "Kazakhstan"], env)
        accept = [*py, "accept", DEMO_NAME, other, "--as", "Belarus", "--because", "协商一致"]
        times["accept --because"].append(run(accept, env)[0])
        for op in ("add", "remove"):
            sponsor = [*py, "sponsors", DEMO_NAME, op, "Iceland", "--as", "Iceland"]
            times[f"sponsors {op}"].append(run(sponsor, env)[0])
    for name, taken in times.items():
        line("action", name, taken, BARE, 7)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--amendments", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(machine())
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        for label, pending in (
            ("the demo", 0),
            (f"the demo with {args.amendments} pending amendments", args.amendments),
        ):
            home = Path(tmp) / label.split()[-3 if pending else -1]
            home.mkdir()
            if pending:
                seed(home, pending, random.Random(16))
            else:
                build_demo(home)
            env = dict(os.environ, DRAFTROOM_HOME=str(home), PYTHONPATH=str(ROOT / "src"))
            report(label, env, args.runs)


if __name__ == "__main__":
    main()
