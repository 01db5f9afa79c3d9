"""Amendments at scale: 2,000 pending amendments from 100 delegations on one draft.

    python bench/bench_amend.py [--amendments 2000] [--accepted 200]

Prints, each against a peer measured in the same run:
  - `draftroom amendments NAME` listing them all (a fresh process, as a user runs it), against
    the 1 s target and against starting `draftroom --version`;
  - proposing one more amendment (the workflow function: lock, validate, write, commit, index),
    against a plain `git add` + `git commit` of one file in the same repository;
  - `revise` applying 200 accepted amendments and carrying the others forward, against 5 s.
The draft is built from sentences of the English corpus (/work/shared/corpus-en), 40 preambular
and 110 operative paragraphs.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)
from timing import median_time  # noqa: E402

from draftroom.model import Document, Paragraph, states  # noqa: E402
from draftroom.store.amendment_index import indexed_amendments  # noqa: E402
from draftroom.workflow import amending  # noqa: E402
from draftroom.workflow import listing as lister  # noqa: E402
from draftroom.workflow import rules as logic  # noqa: E402
from draftroom.workflow.negotiation import create_negotiation, open_negotiation  # noqa: E402
from draftroom.workflow.revising import revise  # noqa: E402
from draftroom.workflow.rules import Proposal  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus-en"


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        found += [s.strip() for s in re.split(r"(?<=[;,.])\s+(?=[A-Z])", text) if 80 < len(s) < 400]
    if len(found) < 150:
        raise SystemExit(f"not enough text in {CORPUS}")
    return found


def draft(rng: random.Random) -> Document:
    pool = sentences()
    rng.shuffle(pool)
    pre = [Paragraph(f"pp{i}", pool[i]) for i in range(40)]
    ops = [Paragraph(f"op{i}", pool[40 + i], i + 1) for i in range(110)]
    return Document(
        language="en", symbol="A/C.3/80/L.999", title="Benchmark draft", preamble=pre, operative=ops
    )


def once_word(text: str, rng: random.Random) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z]{5,}", text) if len(re.findall(rf"\b{w}\b", text)) == 1]
    words = [w for w in words if text.count(w) == 1]
    return rng.choice(words) if words else None


def proposal(doc: Document, rng: random.Random) -> Proposal:
    labels = [f"PP{i}" for i in range(1, len(doc.preamble) + 1)] + [
        f"OP{i}" for i in range(1, len(doc.operative) + 1)
    ]
    label = rng.choice(labels)
    kind = rng.choices(("edit", "replace", "insert", "delete", "move"), (60, 15, 15, 5, 5))[0]
    para = doc.preamble[int(label[2:]) - 1] if label.startswith("PP") else doc.operative[int(label[2:]) - 1]
    word = once_word(para.text, rng)
    pid, first = para.id, doc.operative[0].id
    if kind == "edit" and word:
        return Proposal("edit", target=pid, find=word, replace=f"{word} also")
    if kind == "insert":
        return Proposal(
            "insert",
            anchor=pid,
            position="after",
            text=f"Welcomes the new proposal number {rng.randrange(10**6)};",
        )
    if kind == "delete":
        return Proposal("delete", target=pid)
    if kind == "move" and label.startswith("OP") and label != "OP1":
        return Proposal("move", target=pid, anchor=first, position="before")
    return Proposal("replace", target=pid, text=para.text.replace(" ", "  ", 1).replace("  ", " also ", 1))


def seed(name: str, home: Path, count: int, rng: random.Random) -> list[str]:
    """The negotiation with `count` pending amendments, written in one action (a bulk import)."""
    delegations = [s.en for s in states.all_states() if s.is_state][:100]
    create_negotiation(name, draft(rng), facilitator=delegations[0], actor=delegations[0], home=home)
    neg = open_negotiation(name, home)
    ids: list[str] = []
    with neg.action("bench-import", "Secretariat") as txn:
        doc = txn.doc
        for n in range(count):
            who = delegations[n % len(delegations)]
            a = logic.propose(doc, "rev-0", [who], proposal(doc, rng), amending.code(who))
            txn.amendments.save(a)
            ids.append(a.id)
        txn.summary = f"{count} amendments (benchmark import)"
    return ids


def cli(home: Path, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(home)}
    r = subprocess.run([sys.executable, "-m", "draftroom", *args], capture_output=True, env=env, text=True)
    if r.returncode:
        raise SystemExit(r.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--amendments", type=int, default=2000)
    ap.add_argument("--accepted", type=int, default=200)
    opts = ap.parse_args()
    rng = random.Random(7)
    print(f"machine: {machine()}, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t = time.perf_counter()
        ids = seed("bench", home, opts.amendments, rng)
        print(
            f"setup: {len(ids)} amendments from 100 delegations imported in {time.perf_counter() - t:.1f} s"
        )
        neg = open_negotiation("bench", home)

        fill = median_time(lambda: indexed_amendments(neg), 1)
        print(f"first read, filling the amendments index from git: {fill:.2f} s")
        inside = median_time(lambda: render(lister.list_amendments("bench", home=home)), 5)
        print(
            f"amendments (list {len(ids)}, query + render in process): {inside:.3f} s = {inside:.2f} x the 1 s target"
        )
        whole = median_time(lambda: cli(home, "amendments", "bench"), 3)
        start = median_time(lambda: cli(home, "--version"), 3)
        print(
            f"amendments (fresh process, as a user runs it): {whole:.3f} s = {whole:.2f} x the 1 s target; "
            f"{whole / start:.2f} x starting `draftroom --version` ({start:.3f} s: imports alone)"
        )

        doc = neg.document()
        lead = states.resolve("CHN").en

        ready = [proposal(doc, rng) for _ in range(12)]  # made outside the timing

        def propose_one() -> None:
            amending.propose("bench", lead, ready.pop(), home=home)

        twin = Path(tmp) / "twin"  # a copy of the repository: its commits leave the negotiation's alone
        shutil.copytree(neg.path, twin)

        def git_commit() -> None:
            (twin / "bench-peer.txt").write_text(str(rng.random()), encoding="utf-8")
            subprocess.run(["git", "add", "bench-peer.txt"], cwd=twin, check=True)
            who = {
                "GIT_AUTHOR_NAME": "b",
                "GIT_AUTHOR_EMAIL": "b@x",
                "GIT_COMMITTER_NAME": "b",
                "GIT_COMMITTER_EMAIL": "b@x",
            }
            subprocess.run(
                ["git", "commit", "-q", "-m", "peer"], cwd=twin, check=True, env={**os.environ, **who}
            )

        peer_runs, one_runs = [], []
        for _ in range(12):  # interleaved, so both see the same load
            peer_runs.append(median_time(git_commit, 1))
            one_runs.append(median_time(propose_one, 1))
        peer, one = statistics.median(peer_runs), statistics.median(one_runs)
        print(
            f"propose one more: {one * 1000:.1f} ms = {one / peer:.2f} x a plain git add + commit ({peer * 1000:.1f} ms); target <= 3 x"
        )

        chosen = accepted_set(neg, opts.accepted)
        amending.decide("bench", chosen, "accept", neg.state().facilitator, home=home)
        t = time.perf_counter()
        revise("bench", neg.state().facilitator, home=home)
        took = time.perf_counter() - t
        print(
            f"revise applying {len(chosen)} accepted, carrying the rest: {took:.2f} s = {took / 5.0:.2f} x the 5 s target"
        )


def render(found: lister.Listing) -> str:
    names = found.names
    return "\n".join(f"{a.id} {lister.where(a, names)} {lister.change(a)}" for a in found.amendments)


def accepted_set(neg, count: int) -> list[str]:
    """`count` amendments that can all be accepted together: at most one acts on each paragraph
    (insertions may share an anchor)."""
    taken: set[str] = set()
    chosen: list[str] = []
    for a in indexed_amendments(neg, "proposed"):
        if a.target in taken:
            continue
        if a.target:
            taken.add(a.target)
        chosen.append(a.id)
        if len(chosen) == count:
            break
    return chosen


if __name__ == "__main__":
    main()
