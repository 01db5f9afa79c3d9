"""Speed of the negotiating room on the demo negotiation with 2,000 pending amendments.

    python bench/bench_tui.py [--amendments 2000] [--terminal-only] [--runs 5]

Prints, each against a peer measured in the same run (headless Textual, `App.run_test`):
  - first paint: from creating the app to the draft drawn with its pending markers (the negotiation
    read from git and the SQL index), against Textual's own startup of an empty app (target < 1 s);
  - keypress to updated screen, moving between paragraphs (↓), against the same key in a plain
    Textual OptionList of as many one-line options (target < 100 ms);
  - opening a paragraph's proposals (enter), its redlines computed, against the same peer: the
    screen's very first opening, each paragraph's first, and again.
Key figures are to the last frame the key caused (the screen settled), with the first frame beside.
Last, the whole command as a user meets it: `draftroom tui` started in a real terminal (tmux) until
the draft is on screen, against an empty Textual app started the same way.
The 2,000 amendments (100 delegations; edits, replacements, insertions, deletions) are written in one
bulk action on top of the demo's own proposals, as `bench_amend.py` does (`--amendments 0`: the demo
as `draftroom demo` makes it). `--terminal-only` measures the whole command alone, `--runs` times each.
draftroom's sources are compiled first and the terminal's processes run without
PYTHONDONTWRITEBYTECODE, as an installed draftroom starts: else every start would compile them again.
"""

import argparse
import asyncio
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)
from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from draftroom.errors import DraftroomError  # noqa: E402
from draftroom.model import iter_located, states  # noqa: E402
from draftroom.tui.app import DraftroomApp  # noqa: E402
from draftroom.tui.demo import DEMO_NAME, build_demo  # noqa: E402
from draftroom.tui.identity import Identity  # noqa: E402
from draftroom.tui.rooms import WorkflowLobby  # noqa: E402
from draftroom.tui.screens.draft import DraftScreen  # noqa: E402
from draftroom.tui.screens.proposals import ProposalsScreen  # noqa: E402
from draftroom.tui.widgets.draft_view import DraftView  # noqa: E402
from draftroom.workflow import amending, listing  # noqa: E402
from draftroom.workflow import rules as logic  # noqa: E402
from draftroom.workflow.negotiation import open_negotiation  # noqa: E402
from draftroom.workflow.rules import Proposal  # noqa: E402

SIZE = (120, 40)


def proposal(pid: str, text: str, rng: random.Random) -> Proposal:
    kind = rng.choices(("edit", "replace", "insert", "delete"), (60, 20, 15, 5))[0]
    if kind == "edit" and len(text) > 12:
        for _ in range(20):
            at = rng.randrange(len(text) - 4)
            words = text[at : at + 4]
            if text.count(words) == 1 and "[" not in words and "]" not in words:
                return Proposal("edit", target=pid, find=words, replace=words + "（修订）")
    if kind == "insert":
        return Proposal(
            "insert", anchor=pid, position="after", text=f"鼓励会员国采取第 {rng.randrange(10**6)} 号措施；"
        )
    if kind == "delete":
        return Proposal("delete", target=pid)
    return Proposal("replace", target=pid, text=text + "并请秘书长提交报告；")


def seed(home: Path, pending: int, rng: random.Random) -> None:
    """The demo negotiation, brought to `pending` pending amendments in one bulk action."""
    build_demo(home)
    have = sum(a.pending for a in listing.list_amendments(DEMO_NAME, home=home).amendments)
    if pending <= have:
        return
    delegations = [s.en for s in states.all_states() if s.is_state][:100]
    neg = open_negotiation(DEMO_NAME, home)
    with neg.action("bench-import", "Secretariat") as txn:
        doc = txn.doc
        located = [(loc.paragraph.id, loc.paragraph.text) for loc in iter_located(doc)]
        made = 0
        while made < pending - have:
            who = delegations[made % len(delegations)]
            pid, text = rng.choice(located)
            try:
                a = logic.propose(doc, "rev-0", [who], proposal(pid, text, rng), amending.code(who))
            except DraftroomError:  # words that occur twice once normalized: draw another
                continue
            txn.amendments.save(a)
            made += 1
        txn.summary = f"{pending - have} amendments (benchmark import)"


class EmptyApp(App[None]):
    pass


class ListApp(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield OptionList(*(f"option {i}" for i in range(self.count)))


async def until(pilot, ready: Callable[[], bool], limit: float = 60.0) -> None:
    end = time.perf_counter() + limit
    while not ready():
        if time.perf_counter() > end:
            raise SystemExit("the screen never became ready")
        await pilot.pause(0.005)
    await pilot.pause()


async def first_paint(make: Callable[[], App], ready: Callable[[App], bool]) -> float:
    start = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: ready(app))
        return time.perf_counter() - start


def watch_frames(app: App) -> list[float]:
    """Times at which the app hands a frame to its (headless) driver."""
    frames: list[float] = []
    display = app._display

    def timed(screen, renderable) -> None:
        frames.append(time.perf_counter())
        display(screen, renderable)

    app._display = timed  # type: ignore[method-assign]
    return frames


async def latency(app: App, key: str, quiet: float = 0.15) -> tuple[float, float]:
    """From sending a key to the first frame it caused and to the last (the screen settled: no frame
    for `quiet` s). The first frame shows the new content; later ones are Textual settling sizes."""
    frames = watch_frames(app) if not hasattr(app, "_bench_frames") else app._bench_frames
    app._bench_frames = frames
    await asyncio.sleep(quiet)
    seen = len(frames)
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, None))
    while True:
        await asyncio.sleep(0.002)
        last = frames[-1] if len(frames) > seen else None
        if last is not None and time.perf_counter() - last > quiet:
            return frames[seen] - start, last - start
        if time.perf_counter() - start > 10:
            raise SystemExit(f"no frame after {key}")


async def keypresses(
    app: App, prepare: Callable[[object], Awaitable[None]], key: str, count: int
) -> list[tuple[float, float]]:
    async with app.run_test(size=SIZE) as pilot:
        await prepare(pilot)
        return [await latency(app, key) for _ in range(count)]


def text_drawn(app: App) -> bool:
    views = app.screen.query(DraftView) if isinstance(app.screen, DraftScreen) else []
    return bool(views) and views[0].option_count > 0


def draft_ready(app: App) -> bool:
    """The text drawn with its pending markers (the amendments counted)."""
    snap = getattr(app, "snapshot", None)
    return text_drawn(app) and snap is not None and snap.counted


async def open_proposals(app: DraftroomApp, paragraphs: list[str]) -> list[tuple[float, float]]:
    """Enter on each paragraph, then back: time to the proposals drawn (first frame, last frame)."""
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: draft_ready(app))
        view = app.screen.query_one(DraftView)
        for pid in paragraphs:
            view.highlighted = view.get_option_index(pid)
            await pilot.pause()
            times.append(await latency(app, "enter"))
            assert isinstance(app.screen, ProposalsScreen)
            await pilot.press("escape")
            await pilot.pause()
    return times


def timed_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(7)
    home = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    t = time.perf_counter()
    seed(home, args.amendments, rng)
    listing.list_amendments(DEMO_NAME, home=home)  # the SQL index catches up with the bulk import once
    snap = WorkflowLobby(home).open(DEMO_NAME).snapshot()
    print(f"machine: {machine()}")
    if args.terminal_only:
        print(f"demo negotiation: {snap.pending_total} pending amendments")
        whole_command(home, args.runs)
        return
    print(
        f"demo negotiation: {len(list(iter_located(snap.document)))} paragraphs, {snap.pending_total} pending "
        f"amendments (built in {time.perf_counter() - t:.1f} s)"
    )

    def ours() -> DraftroomApp:
        return DraftroomApp(WorkflowLobby(home), DEMO_NAME, Identity("China", "delegate"))

    peer_start = statistics.median([await first_paint(EmptyApp, lambda a: True) for _ in range(5)])
    text_first = statistics.median([await first_paint(ours, text_drawn) for _ in range(3)])
    start = statistics.median([await first_paint(ours, draft_ready) for _ in range(3)])
    room = WorkflowLobby(home).open(DEMO_NAME)
    reading = statistics.median([timed_call(room.snapshot) for _ in range(3)])
    print(
        f"first paint           {ms(start)}   empty Textual app {ms(peer_start)}   ratio {start / peer_start:5.1f}x   (target < 1 s)"
    )
    print(f"  the text alone, before its amendments are counted: {ms(text_first).strip()}")
    print(
        f"  of which reading the negotiation through the workflow (show + list_amendments): {ms(reading).strip()}"
    )

    rows = len(list(iter_located(snap.document)))

    async def ready_list(pilot) -> None:
        await pilot.pause()

    async def ready_draft(pilot) -> None:
        await until(pilot, lambda: draft_ready(pilot.app))

    peer_keys = [last for _, last in await keypresses(ListApp(rows), ready_list, "down", 25)]
    our_keys = await keypresses(ours(), ready_draft, "down", 25)
    peer_key = statistics.median(peer_keys)
    print(
        f"next paragraph (↓)    {spread([last for _, last in our_keys])}   first frame {ms(statistics.median(f for f, _ in our_keys)).strip()}"
        f"   plain OptionList {ms(peer_key).strip()}   ratio {statistics.median(last for _, last in our_keys) / peer_key:5.1f}x   (target < 100 ms)"
    )

    busiest = sorted(
        {p for p in (a.target or a.anchor for a in snap.proposals if a.pending) if p},
        key=snap.pending_count,
        reverse=True,
    )[:8]
    opened = await open_proposals(ours(), [*busiest, *busiest])
    most = max(snap.pending_count(p) for p in busiest)
    lasts = [last for _, last in opened]
    print(
        f"open proposals (enter) {spread(lasts)}   first frame {ms(statistics.median(f for f, _ in opened)).strip()}"
        f"   ratio {statistics.median(lasts) / peer_key:5.1f}x   (target < 100 ms)"
    )
    print(
        f"  each paragraph's first opening: median {ms(statistics.median(lasts[: len(busiest)])).strip()}, "
        f"again {ms(statistics.median(lasts[len(busiest) :])).strip()} "
        f"({len(busiest)} busiest paragraphs, up to {most} proposals each)"
    )
    cold = [(await open_proposals(ours(), busiest[:1]))[0] for _ in range(5)]
    print(
        f"  the app's very first opening (5 fresh apps): {spread([last for _, last in cold])}, "
        f"first frame {ms(statistics.median(f for f, _ in cold)).strip()}"
    )
    whole_command(home, args.runs)


EMPTY_APP = """
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("ready")
Empty().run()
"""


def in_terminal(command: str, shown: list[str], limit: float = 30.0) -> list[float]:
    """From starting `command` in a real terminal (a tmux pane) to each of `shown` on its screen:
    Python's start, every import, reading the negotiation and the frames, as a user waits for them."""
    session = f"bench-{os.getpid()}"
    start = time.perf_counter()
    seen: dict[str, float] = {}
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True)
    try:
        while len(seen) < len(shown):
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            for text in shown:
                if text in screen and text not in seen:
                    seen[text] = time.perf_counter() - start
            if time.perf_counter() - start > limit:
                raise SystemExit(f"{shown!r} never appeared")
            time.sleep(0.005)
        return [seen[text] for text in shown]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def whole_command(home: Path, count: int = 5) -> None:
    if not shutil.which("tmux"):
        print("whole command in a terminal: skipped (no tmux)")
        return
    # compiled once, as an installed package is: PYTHONDONTWRITEBYTECODE (set for the tests) would make
    # every start compile draftroom again, a cost no user pays
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True, env=_compiling()
    )
    unset = "-u PYTHONDONTWRITEBYTECODE"
    env = f"{unset} TERM=xterm-256color PYTHONPATH={ROOT / 'src'} DRAFTROOM_HOME={home}"
    ours = f"env {env} {sys.executable} -m draftroom tui {DEMO_NAME} --as China"
    peer = f"env {unset} TERM=xterm-256color {sys.executable} -c {shlex.quote(EMPTY_APP)}"
    # one idle session keeps the tmux server up between runs (a new session racing a server that is
    # shutting down after the last one fails)
    hold = f"bench-hold-{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", hold, "sleep 600"], check=True)
    try:
        runs, peers = [], []
        for _ in range(count):  # alternated, so that the machine's load weighs on both alike
            runs.append(in_terminal(ours, ["PP1", " pending"]))
            peers.append(in_terminal(peer, ["ready"])[0])
        theirs = statistics.median(peers)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", hold], capture_output=True)
    text, mine = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(
        f"whole command in a terminal (tmux: `draftroom tui` to the draft with its markers) {ms(mine)}   "
        f"an empty Textual app the same way {ms(theirs)}   ratio {mine / theirs:5.1f}x"
    )
    print(
        f"  the text on screen, before its amendments are counted: {ms(text).strip()}   ratio {text / theirs:5.1f}x"
        f"   (each run: {', '.join(f'{r[0] * 1000:.0f}/{r[1] * 1000:.0f}' for r in runs)} ms;"
        f" the empty app: {', '.join(f'{p * 1000:.0f}' for p in peers)} ms)"
    )


def _compiling() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def spread(times: list[float]) -> str:
    """Median and p90 of the last frame, the figures held to the target."""
    p90 = statistics.quantiles(times, n=10, method="inclusive")[-1]
    return f"{ms(statistics.median(times))} (p90 {ms(p90).strip()}, max {ms(max(times)).strip()})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--amendments", type=int, default=2000)
    ap.add_argument("--terminal-only", action="store_true", help="only the whole command in a terminal")
    ap.add_argument("--runs", type=int, default=5, help="runs of the whole command (and of its peer)")
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
