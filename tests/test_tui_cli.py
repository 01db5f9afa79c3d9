"""`draftroom demo` and the errors of `draftroom tui`, run as a user would."""

import json


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
