"""Whole commands as a user types them, against a bare interpreter start measured in the same run.

    python bench/bench_commands.py [--amendments 2000] [--runs 5] [--against OLD_SRC]

Each command runs as its own process (`python -m draftroom ...`, Python's start and every import
included) on the demo negotiation, then on the demo with that many pending amendments (written in one
bulk action, as bench_tui.py does). Prints the median of `--runs` runs of each and its ratio to
`python -c pass`, which runs right before each measured run (so the machine's load, which changes
during a run, weighs on both alike); the targets: every read within 5x, every action within 7x. Bytecode is cached as an
installed package's is (PYTHONDONTWRITEBYTECODE is dropped for the measured processes, and the sources
are compiled once first), so the figures are what a user waits for, not the compiler.

Each figure is given twice: wall time (what a user waits for) and processor time (the process and
the git processes it ran, against the bare start's), which a loaded machine disturbs less.

`--against OLD_SRC` (another version's `src`, e.g. `git archive REV src | tar -x -C /tmp/old`) runs
that version's commands interleaved with this one's, each after its own bare start and on its own
copy of the negotiation (what a version keeps for the next read is its own), and prints both.
"""

import argparse
import os
import random
import resource
import shutil
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


BARE: list[
    tuple[float, float]
] = []  # every bare start (wall, cpu), each measured right before a command's run
CPU: list[float] = []  # the processor time of each command run (its git processes included)


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall time, processor time (the process and the git processes it waited for) and output."""
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    took, used = time.perf_counter() - start, _cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: {done.stderr.strip()}")
    return took, used, done.stdout.strip()


def run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """The command's time and output, after a bare start measured just before it (kept in BARE)."""
    BARE.append(_timed([sys.executable, "-c", "pass"], dict(os.environ))[:2])
    took, used, out = _timed(argv, env)
    CPU.append(used)
    return took, out


ACTIONS = (
    "amend (propose)",
    "comment",
    "support",
    "withdraw --because",
    "accept --because",
    "sponsors add",
    "sponsors remove",
)


class Timings:
    """One version's runs of each command, and the bare starts measured right before them."""

    def __init__(self) -> None:
        self.taken: dict[str, list[tuple[float, float]]] = {}  # (wall, cpu) of each run
        self.bare: dict[str, list[tuple[float, float]]] = {}

    def timed(self, name: str, argv: list[str], env: dict[str, str]) -> str:
        BARE.clear()
        CPU.clear()
        took, out = run(argv, env)
        self.taken.setdefault(name, []).append((took, CPU[0]))
        self.bare.setdefault(name, []).extend(BARE)
        return out

    def ratio(self, name: str, which: int) -> tuple[float, float, float]:
        """The median run, the median bare start beside it and their ratio: wall (0) or cpu (1)."""
        took = statistics.median(t[which] for t in self.taken[name])
        bare = statistics.median(b[which] for b in self.bare[name])
        return took, bare, took / bare


def _actions(timings: Timings, env: dict[str, str]) -> None:
    """A delegate proposes, others comment and join, it is withdrawn; another is accepted; a sponsor
    joins and leaves."""
    py = [sys.executable, "-m", "draftroom"]
    propose = [*py, "amend", DEMO_NAME, "replace", "OP1", "--text", "敦促各国批准；", "--as", "China"]
    aid = timings.timed("amend (propose)", propose, env)
    timings.timed("comment", [*py, "comment", DEMO_NAME, aid, "--text", "同意", "--as", "Zambia"], env)
    timings.timed("support", [*py, "support", DEMO_NAME, aid, "--as", "Zambia"], env)
    withdraw = [*py, "withdraw", DEMO_NAME, aid, "--as", "China", "--because", "重复"]
    timings.timed("withdraw --because", withdraw, env)
    _, other = run([*py, "amend", DEMO_NAME, "delete", "OP2", "--as", "Kazakhstan"], env)
    accept = [*py, "accept", DEMO_NAME, other, "--as", "Belarus", "--because", "协商一致"]
    timings.timed("accept --because", accept, env)
    for op in ("add", "remove"):
        sponsor = [*py, "sponsors", DEMO_NAME, op, "Iceland", "--as", "Iceland"]
        timings.timed(f"sponsors {op}", sponsor, env)


def report(label: str, envs: dict[str, dict[str, str]], runs: int) -> None:
    """Each command `runs` times in each version (interleaved: run by run, version by version)."""
    py = [sys.executable, "-m", "draftroom"]
    timings = {version: Timings() for version in envs}
    for name, args in READS:
        for _ in range(runs):
            for version, env in envs.items():
                timings[version].timed(name, [*py, *args], env)
    for _ in range(runs):
        for version, env in envs.items():
            _actions(timings[version], env)
    print(f"\n{label}")
    for kind, names, target in (("read", [n for n, _ in READS], 5), ("action", ACTIONS, 7)):
        for name in names:
            cells = []
            for version, t in timings.items():
                took, bare, ratio = t.ratio(name, 0)
                used, _, cpu_ratio = t.ratio(name, 1)
                cells.append(
                    f"{version} {took * 1000:4.0f} ms {ratio:4.1f}x (bare {bare * 1000:3.0f}), "
                    f"cpu {used * 1000:4.0f} ms {cpu_ratio:4.1f}x"
                )
            print(f"  {kind:<6} {name:<19} {' | '.join(cells)}  target {target}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--amendments", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, metavar="OLD_SRC", help="another version's src, interleaved")
    args = ap.parse_args()
    print(machine())
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sources = {"now": ROOT / "src", **({"before": args.against.resolve()} if args.against else {})}
    for src in sources.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
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
            homes = {v: home.with_name(f"{home.name}-{v}") for v in sources}
            for copy in homes.values():  # each version its own: what one keeps in .git/draftroom/cache
                shutil.copytree(home, copy, symlinks=True)  # (a listing) another would overwrite
            envs = {
                v: dict(os.environ, DRAFTROOM_HOME=str(homes[v]), PYTHONPATH=str(src))
                for v, src in sources.items()
            }
            report(label, envs, args.runs)


if __name__ == "__main__":
    main()
