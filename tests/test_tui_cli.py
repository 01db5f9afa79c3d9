"""`draftroom demo` and the errors of `draftroom tui`, run as a user would; the other verbs start
without the TUI."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS_EN, ROOT

# In a fresh interpreter: the program's main runs each verb (argv[1], a JSON list of argument lists),
# then the TUI and Textual modules it loaded are printed.
_VERBS_THEN_MODULES = """
import json, sys
from draftroom.app import main
for verb in json.loads(sys.argv[1]):
    assert main(verb) == 0, verb
print(sorted(m for m in sys.modules if m.split(".")[0] == "textual" or m.startswith("draftroom.tui")))
"""


def _in_fresh_interpreter(script: str, argument: object, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `script` in a new Python with `argument` as JSON in argv[1], on this checkout and `home`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argument)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_demo_creates_a_live_negotiation_once(run_process):
    first = run_process("demo")
    assert first.returncode == 0, first.stderr
    assert "created demo" in first.stdout and "7 proposals in" in first.stdout
    listed = run_process("amendments", "demo", "--json")
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)
    assert {a["status"] for a in found} == {"proposed", "withdrawn"}
    assert len({a["proposers"][0] for a in found}) >= 6  # several delegations are at the table
    again = run_process("demo")
    assert again.returncode == 0 and "already exists" in again.stdout
    assert json.loads(run_process("amendments", "demo", "--json").stdout) == found


def test_tui_on_an_unknown_negotiation_is_one_line(run_cli):
    done = run_cli("tui", "no-such-negotiation")
    assert done.returncode == 2
    assert done.stderr.startswith("draftroom: error:") and "no-such-negotiation" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_tui_as_an_unknown_delegation_is_one_line(run_cli):
    assert run_cli("demo").returncode == 0
    done = run_cli("tui", "demo", "--as", "Atlantis")
    assert done.returncode == 2
    assert "Atlantis" in done.stderr and "Traceback" not in done.stderr


def test_verbs_other_than_tui_and_demo_start_without_the_tui(tmp_path):
    """The program (draftroom.app) wires the TUI's verbs in but imports the TUI only when they run:
    new, show and log on a real General Assembly draft load neither draftroom.tui nor Textual."""
    draft = CORPUS_EN / "A_80_L.18.txt"
    verbs = [["new", "l18", "--from", str(draft)], ["show", "l18"], ["log", "l18"]]
    done = _in_fresh_interpreter(_VERBS_THEN_MODULES, verbs, tmp_path / "home")
    assert "OP1" in done.stdout and "New negotiation l18" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"


# In a fresh interpreter: `draftroom tui demo --as China` (headless) until the draft is drawn with its
# pending markers; then the modules named (argv[1], top-level names or package prefixes) it loaded.
_FIRST_PAINT_THEN_MODULES = """
import json, sys
from functools import partialmethod
from textual.app import App
from draftroom.app import main
from draftroom.tui.app import DraftroomApp
from draftroom.tui.screens.draft import DraftScreen

heavy, loaded = json.loads(sys.argv[1]), []
shown = DraftScreen.show

def show(self, snap):
    shown(self, snap)
    if snap.counted and not loaded:
        def drawn():
            loaded.extend(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
            self.app.exit()
        self.app.call_after_refresh(drawn)

DraftScreen.show = show
DraftroomApp.run = partialmethod(App.run, headless=True, size=(120, 40))
assert main(["tui", "demo", "--as", "China"]) == 0
print(json.dumps(sorted(loaded)))
"""
FIRST_PAINT_LOADS_NOT = [
    # the libraries and packages behind other screens and verbs
    *("git", "sqlalchemy", "sqlmodel", "docx", "lxml", "pymupdf"),
    *("draftroom.export", "draftroom.parse", "draftroom.diff", "draftroom.store.signing"),
    # hosting (a negotiation that is not hosted never loads it), the other languages, the command
    # line's own verbs, the demo's script
    *("draftroom.workflow.hosting", "draftroom.workflow.translations", "draftroom.tui.demo"),
    *("draftroom.cli.amend_cmd", "draftroom.cli.export_cmd", "draftroom.cli.negotiation_cmd"),
    # every screen but the draft's
    *(f"draftroom.tui.screens.{s}" for s in ("proposals", "history", "languages", "editor", "export")),
    *(f"draftroom.tui.screens.{s}" for s in ("identity", "negotiations", "sponsors", "reading", "bracket")),
]


def test_the_first_paint_loads_only_the_draft(tmp_path):
    """`draftroom tui` draws the draft before it loads what other screens and verbs need (their
    imports once came before the first paint): checked through sys.modules, not by timing (the
    speed is bench/bench_tui.py's)."""
    home = tmp_path / "home"
    _in_fresh_interpreter(_VERBS_THEN_MODULES, [["demo"]], home)
    done = _in_fresh_interpreter(_FIRST_PAINT_THEN_MODULES, FIRST_PAINT_LOADS_NOT, home)
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_the_first_frame_of_tui_shows_the_draft_with_its_pending_markers(run_cli, monkeypatch):
    """`draftroom tui` reads the negotiation while Textual loads: the draft screen's very first
    showing has the amendments counted (no frame of bare text, then a second one with the markers),
    and the role follows from the facilitators read with it (Belarus facilitates the demo); the
    cyclic collector, off while the modules load, is on again once the app runs."""
    import gc
    from functools import partialmethod

    from textual.app import App

    from draftroom.app import main
    from draftroom.tui import launch
    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.screens.draft import DraftScreen

    assert run_cli("demo").returncode == 0
    shown: list[tuple[bool, int, str, bool]] = []
    original = DraftScreen.show

    def show(self: DraftScreen, snap) -> None:
        original(self, snap)
        shown.append((snap.counted, snap.pending_total, self.room_app.identity.role, gc.isenabled()))
        self.app.call_after_refresh(self.app.exit)

    monkeypatch.setattr(DraftScreen, "show", show)
    monkeypatch.setattr(DraftroomApp, "run", partialmethod(App.run, headless=True, size=(120, 40)))
    monkeypatch.setattr(launch, "PATIENCE", 60.0)  # however loaded the machine: the count is awaited
    try:
        assert main(["tui", "--as", "Belarus"]) == 0
    finally:
        gc.enable()
    assert shown and shown[0] == (True, 6, "facilitator", True), shown


def test_a_slow_count_shows_the_text_first_and_the_markers_from_the_same_reading():
    """2,000 proposals take longer to count than the first frame waits: the text is drawn alone, then
    the markers once the opening thread has counted them (the app does not count them again)."""
    import asyncio
    import threading

    from tui_support import FakeLobby, FakeRoom, chinese_document, sample_proposals

    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.identity import Identity
    from draftroom.tui.launch import Opening

    counting, counts = threading.Event(), []

    class SlowRoom(FakeRoom):
        def snapshot(self):
            counts.append(threading.current_thread().name)
            counting.wait(30)
            return super().snapshot()

    room = SlowRoom("demo", chinese_document(), sample_proposals())
    opening = Opening(FakeLobby({"demo": room}), "demo", patience=0.01)
    drawn: list[bool] = []

    async def scenario() -> None:
        app = DraftroomApp(FakeLobby({"demo": room}), "demo", Identity("China", "delegate"), opened=opening)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            drawn.append(app.snapshot.counted)
            counting.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            drawn.append(app.snapshot.counted and app.snapshot.pending_total > 0)

    asyncio.run(scenario())
    assert drawn == [False, True]
    assert counts == ["opening demo"]  # counted once, by the opening's thread
