"""Many delegations acting at once through one hosted negotiation: CLONES clones (one home and one key
per machine) each propose ACTIONS amendments, every one synced by itself, through one `git daemon`
remote on 127.0.0.1; a watcher clone, one long-running process as the TUI's worker is, looks at the
remote in a loop and syncs when it moved, noting when each action becomes visible.

Every process runs with Python's bytecode cache on (PYTHONDONTWRITEBYTECODE dropped), as an installed
draftroom does: without it each guard and each command compiles draftroom's modules again (~0.3 s).

    python bench/bench_sync.py [--clones 20] [--actions 50]

Reports the time per action (propose + its sync) and from push to visible in another clone (median,
p90), against a bare `git commit` + `git push` of one commit to the same daemon in the same run; then
checks that every clone holds every action, `git fsck --strict` and `draftroom verify` are clean.
"""

import argparse
import json
import os
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

WORKER = """
import json, logging, sys, time
sys.path.insert(0, {src!r})
from draftroom.model import states
from draftroom.workflow import amending
from draftroom.workflow.rules import Proposal
who, count, out = {who!r}, {count}, {out!r}
done, notices = [], []
class Notices(logging.Handler):
    def emit(self, record):
        notices.append(record.getMessage())
logging.getLogger("draftroom").addHandler(Notices(logging.WARNING))
for i in range(count):
    t = time.time()
    a = amending.propose("t", who, Proposal(kind="insert", anchor="op-1", position="after", text=f"{{who}} {{i}};"))
    done.append((a.id, t, time.time()))
json.dump({{"done": done, "notices": notices}}, open(out, "w"))
"""

WATCHER = """
import json, subprocess, sys, time
sys.path.insert(0, {src!r})
from draftroom.workflow import hosting
seen, stop = {{}}, {stop!r}
while True:
    last = subprocess.run(["test", "-e", stop]).returncode == 0
    look = hosting.look("t")
    if look is not None and look.behind:
        hosting.sync("t")
    out = subprocess.run(["git", "-C", {neg!r}, "ls-tree", "--name-only", "HEAD", "amendments/"],
                         capture_output=True, text=True).stdout
    now = time.time()
    for line in out.split():
        seen.setdefault(line.split("/", 1)[1].removesuffix(".json"), now)
    if last:
        break
    time.sleep(0.2)
json.dump(seen, open({out!r}, "w"))
"""


def q(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def visible(root: Path) -> set[str]:
    """Amendment ids in a clone's committed files (read with git, no draftroom start)."""
    out = subprocess.run(
        ["git", "-C", str(root / "home" / "t"), "ls-tree", "--name-only", "HEAD", "amendments/"],
        capture_output=True,
        text=True,
    ).stdout
    return {line.split("/", 1)[1].removesuffix(".json") for line in out.split()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clones", type=int, default=20)
    ap.add_argument("--actions", type=int, default=50)
    opts = ap.parse_args()
    from hosting_support import Daemon
    from store_support import sample_document

    print(machine())
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # for the daemon's hooks too (see the docstring)
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    (tmp / "served").mkdir()
    daemon = Daemon(tmp / "served")
    try:
        from draftroom.model import states

        codes = [s.en for s in states.all_states() if s.kind == "member"][: opts.clones]
        sec = tmp / "Secretariat"
        os.environ.update(env_for(sec))
        from draftroom.workflow import negotiation as wf

        doc = sample_document(lang="en")
        wf.create_negotiation("t", doc, facilitator=None, actor="Secretariat", home=sec / "home")
        dr(sec, "keys", "new", "--as", "Secretariat")
        dr(sec, "host", "t", "--at", str(tmp / "served" / "t.git"))
        url = daemon.url("t.git")
        for who in codes:
            m = tmp / who.replace(" ", "_")
            pub = dr(m, "keys", "new", "--as", who).splitlines()[-1]
            (m / "key.pub").write_text(pub + "\n")
            dr(sec, "keys", "add", "t", who, str(m / "key.pub"), "--as", "Secretariat")
        for who in codes:
            dr(tmp / who.replace(" ", "_"), "clone", url, "--as", who)
        watcher = tmp / "watcher"
        dr(watcher, "clone", url, "--as", "Secretariat")

        # the peer: one plain commit pushed to the same daemon
        plain = tmp / "plain"
        subprocess.run(["git", "init", "-q", "--bare", str(tmp / "served" / "plain.git")], check=True)
        subprocess.run(
            ["git", "clone", "-q", daemon.url("plain.git"), str(plain)], check=True, capture_output=True
        )
        pushes = []
        for i in range(10):
            (plain / "f.txt").write_text(f"{i}\n")
            t = time.perf_counter()
            subprocess.run(["git", "-C", str(plain), "add", "f.txt"], check=True)
            subprocess.run(["git", "-C", str(plain), "commit", "-qm", f"c{i}"], check=True)
            subprocess.run(
                ["git", "-C", str(plain), "push", "-q", "origin", "HEAD:main"],
                check=True,
                capture_output=True,
            )
            pushes.append(time.perf_counter() - t)

        workers = []
        start = time.time()
        for who in codes:
            m = tmp / who.replace(" ", "_")
            script = WORKER.format(
                src=str(ROOT / "src"), who=who, count=opts.actions, out=str(m / "done.json")
            )
            workers.append(subprocess.Popen([sys.executable, "-c", script], env=env_for(m)))
        stop = tmp / "stop"
        watching = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WATCHER.format(
                    src=str(ROOT / "src"),
                    stop=str(stop),
                    neg=str(watcher / "home" / "t"),
                    out=str(watcher / "seen.json"),
                ),
            ],
            env=env_for(watcher),
        )
        for w in workers:
            w.wait()
        wall = time.time() - start
        failed = [w.args for w in workers if w.returncode != 0]
        stop.touch()
        watching.wait()
        seen: dict[str, float] = json.loads((watcher / "seen.json").read_text())
        per_action, latency, gave_up = [], [], 0
        for who in codes:
            m = tmp / who.replace(" ", "_")
            if not (m / "done.json").is_file():
                continue
            report = json.loads((m / "done.json").read_text())
            gave_up += sum("not synced" in line for line in report["notices"])
            for aid, t0, t1 in report["done"]:
                per_action.append(t1 - t0)
                if aid in seen:
                    latency.append(seen[aid] - t1)
        total = opts.clones * opts.actions
        print(
            f"{opts.clones} clones x {opts.actions} actions, {wall:.1f} s wall, {len(per_action) / wall:.2f} actions/s"
        )
        print(f"workers failed: {len(failed)}; syncs that gave up (a 'not synced' notice): {gave_up}")
        print(
            f"bare git commit+push of one commit: median {statistics.median(pushes) * 1000:.0f} ms, "
            f"p90 {q(pushes, 0.9) * 1000:.0f} ms"
        )
        print(
            f"action (propose + sync): median {statistics.median(per_action):.2f} s, p90 {q(per_action, 0.9):.2f} s "
            f"= {statistics.median(per_action) / statistics.median(pushes):.1f}x the bare push"
        )
        if latency:
            print(
                f"push to visible in another clone: median {statistics.median(latency):.2f} s, p90 {q(latency, 0.9):.2f} s"
            )
        for who in codes:  # a clone whose last sync lost every race sends what it still holds
            dr(tmp / who.replace(" ", "_"), "sync", "t")
        complete = 0
        for who in [*codes, "watcher"]:
            m = tmp / who.replace(" ", "_")
            dr(m, "sync", "t")
            complete += len(visible(m)) == total
            subprocess.run(
                ["git", "-C", str(m / "home" / "t"), "fsck", "--strict", "--no-dangling"],
                check=True,
                capture_output=True,
            )
        print(f"clones holding all {total} actions: {complete} of {len(codes) + 1}; git fsck --strict clean")
        t = time.perf_counter()
        problems = subprocess.run(
            [sys.executable, "-m", "draftroom", "verify", "t"],
            env=env_for(watcher),
            capture_output=True,
            text=True,
        )
        print(
            f"verify: exit {problems.returncode} in {time.perf_counter() - t:.1f} s: {problems.stdout.strip()[:200]}"
        )
    finally:
        daemon.stop()


if __name__ == "__main__":
    main()
