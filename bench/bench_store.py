"""Store speed: an action (sponsor add, revise) against a plain `git add` + `git commit` of the same
files in the same run, `show` / `log` on a negotiation with 500 actions, and `undo` there against
`git revert`.

    python bench/bench_store.py [--actions 500] [--rounds 30]

Targets (issue 3): an action costs at most 3x a plain git commit; `log` with 500 actions under 300 ms.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)
from timing import timings  # noqa: E402

from draftroom.model import Document, Paragraph, states  # noqa: E402
from draftroom.store import Negotiation  # noqa: E402
from draftroom.workflow import negotiation as wf  # noqa: E402
from draftroom.workflow import revising, undoing  # noqa: E402


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def document(paragraphs: int) -> Document:
    text = "Requests the Secretary-General to report on the implementation of the present resolution; " * 3
    return Document(
        language="en",
        symbol="A/C.3/80/L.99",
        title="Benchmark draft",
        body="The General Assembly",
        preamble=[Paragraph(f"pp-{i}", f"Recalling {text}") for i in range(paragraphs)],
        operative=[Paragraph(f"op-{i}", text, number=i + 1) for i in range(paragraphs)],
    )


def plain_commit(repo: Path, files: list[str], i: int) -> Callable[[], None]:
    """The peer: change the same files and `git add` + `git commit` them with the git command line."""

    def run() -> None:
        for name in files:
            (repo / name).write_text(f"{name} {i} {time.perf_counter()}\n", encoding="utf-8")
        git("add", "--", *files, cwd=repo)
        git("-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-q", "-m", "bench", cwd=repo)

    return run


def ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--actions", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    print(f"machine: {machine()}, {git('--version').strip()}")
    home = Path(tempfile.mkdtemp(prefix="bench-store-"))
    wf.create_negotiation("bench", document(40), home=home)
    neg = Negotiation(home / "bench")

    peer = home / "peer"
    git("init", "-q", str(peer))
    for name in ("sponsors.json", "meta.json", "negotiation.json"):
        (peer / name).write_text("{}\n")
    git("add", "-A", cwd=peer)
    git("-c", "user.name=b", "-c", "user.email=b@x", "commit", "-qm", "init", cwd=peer)

    pool = [s for s in states.all_states() if s.kind == "member"]
    names = iter(s.code for s in pool)
    # interleaved, so that load from other processes on the machine hits both sides alike
    add, peer_add, revise, peer_revise = [], [], [], []
    for i in range(args.rounds):
        add += timings(lambda: wf.add_sponsors("bench", [next(names)], "Secretariat", home=home), 1)
        peer_add += timings(plain_commit(peer, ["sponsors.json"], i), 1)
        revise += timings(lambda: revising.revise("bench", "Secretariat", home=home), 1)
        peer_revise += timings(plain_commit(peer, ["meta.json", "negotiation.json"], i), 1)
    for what, ours, theirs in (("sponsor add", add, peer_add), ("revise", revise, peer_revise)):
        print(
            f"{what + ':':<12} {ms(ours):6.1f} ms  plain git add+commit of the same files: {ms(theirs):6.1f} ms"
            f"  ratio {ms(ours) / ms(theirs):.2f}x (target <= 3x; medians of {args.rounds})"
        )

    done = len(neg.git_log())
    for i in range(args.actions - done):
        with neg.action(
            "edit", pool[i % len(pool)].en, paragraphs=[f"op-{i % 40}"], summary=f"edit {i}"
        ) as txn:
            txn.doc.operative[i % 40].text += f" {i}"
    total = len(neg.git_log())
    log = timings(lambda: wf.log("bench", home=home), 10)
    show = timings(lambda: wf.show("bench", home=home), 10)
    peer_log = timings(lambda: git("log", "--format=%H %an %s", cwd=neg.path), 10)
    print(
        f"log  ({total} actions, in process): {ms(log):6.1f} ms (target < 300 ms); `git log` command: {ms(peer_log):.1f} ms, ratio {ms(log) / ms(peer_log):.2f}x"
    )
    print(f"show ({total} actions, 80 paragraphs, in process): {ms(show):6.1f} ms")
    undo, peer_undo = [], []
    for i in range(10):  # an action, then taking it back: ours against `git revert` of a plain commit
        wf.add_sponsors("bench", [next(names)], "Secretariat", home=home)
        undo += timings(lambda: undoing.undo("bench", None, "Secretariat", home=home), 1)
        plain_commit(peer, ["sponsors.json"], 1000 + i)()
        peer_undo += timings(
            lambda: git("-c", "user.name=b", "-c", "user.email=b@x", "revert", "--no-edit", "HEAD", cwd=peer),
            1,
        )
    print(
        f"undo ({total}+ actions, in process): {ms(undo):6.1f} ms  `git revert HEAD`: {ms(peer_undo):6.1f} ms"
        f"  ratio {ms(undo) / ms(peer_undo):.2f}x (medians of 10)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(home)}
    cli = [sys.executable, "-m", "draftroom"]
    for verb in (["log", "bench", "--json"], ["show", "bench", "--json"]):
        whole = timings(
            lambda v=verb: subprocess.run([*cli, *v], env=env, check=True, capture_output=True), 5
        )
        print(f"`draftroom {' '.join(verb)}` whole command incl. Python start-up: {ms(whole):6.1f} ms")
    startup = timings(
        lambda: subprocess.run([*cli, "--version"], env=env, check=True, capture_output=True), 5
    )
    print(f"`draftroom --version` (start-up alone, the floor): {ms(startup):6.1f} ms")


if __name__ == "__main__":
    main()
