"""Undo: an action taken back by a new commit (history kept), by its author or a facilitator, until the
next revision; refused, changing nothing, when a later action changed the same text."""

import json
import subprocess

import pytest
from amend_support import english

from draftroom.errors import DraftroomError
from draftroom.workflow import amending, listing, revising, undoing
from draftroom.workflow import negotiation as nego
from draftroom.workflow.rules import Proposal


@pytest.fixture
def home(tmp_path):
    nego.create_negotiation("t", english(), facilitator="Mexico", actor="Mexico", home=tmp_path)
    return tmp_path


def statuses(home) -> dict[str, str]:
    return {a.id: a.status for a in listing.list_amendments("t", home=home).amendments}


def head_files(home) -> str:
    return subprocess.run(
        ["git", "-C", str(home / "t"), "ls-tree", "-r", "HEAD"], capture_output=True, text=True, check=True
    ).stdout


def actions(home) -> list:
    return [e.action for e in nego.log("t", home)]


def propose_delete(home, who: str, label: str = "OP4") -> str:
    (pid,) = nego.paragraph_ids("t", [label], home=home)
    return amending.propose("t", who, Proposal("delete", target=pid), home=home).id


def test_a_proposal_undone_is_gone_and_undoing_the_undo_brings_it_back(home):
    before = head_files(home)
    aid = propose_delete(home, "China")
    undone = undoing.undo("t", None, "China", home)
    assert undone.amendment == aid and aid not in statuses(home)
    assert head_files(home) == before  # every file as before the proposal
    top = actions(home)[0]
    assert (top.action, top.actor, top.trailers["Undoes"]) == ("undo", "China", [undone.commit])
    undoing.undo("t", top.commit[:7], "China", home)  # redo
    assert statuses(home) == {aid: "proposed"}
    with pytest.raises(DraftroomError, match="no action left"):
        undoing.undo("t", None, "Pakistan", home)


def test_a_withdrawal_and_a_decision_undone_restore_the_status(home):
    aid = propose_delete(home, "China")
    amending.withdraw("t", aid, "China", home)
    undoing.undo("t", None, "China", home)
    assert statuses(home) == {aid: "proposed"}
    amending.decide("t", [aid], "accept", "Mexico", home)
    with pytest.raises(DraftroomError, match="is Mexico's action: only Mexico or a facilitator"):
        undoing.undo("t", actions(home)[0].commit, "China", home)
    undoing.undo("t", None, "Mexico", home)
    assert statuses(home) == {aid: "proposed"}


def test_document_files_and_sponsors_come_back(home):
    text_before = nego.show("t", home=home)
    amending.mark("t", nego.paragraph_ids("t", ["OP2"], home=home)[0] or "", "bracketed", "Mexico", home)
    nego.add_sponsors("t", ["Chile"], "Chile", home)
    undoing.undo("t", None, "Chile", home)
    assert "Chile" not in [s.name for s in nego.sponsors("t", home)]
    undoing.undo("t", None, "Mexico", home)
    assert nego.show("t", home=home) == text_before


def test_refused_when_a_later_action_changed_the_same_text_and_nothing_is_written(home):
    aid = propose_delete(home, "China")
    amending.support("t", aid, "Pakistan", home)
    count, files = len(actions(home)), head_files(home)
    with pytest.raises(DraftroomError, match=r"Pakistan co-proposes .* must be undone first") as e:
        undoing.undo("t", None, "China", home)
    assert "\n" not in str(e.value)
    assert len(actions(home)) == count and head_files(home) == files
    undoing.undo("t", None, "Pakistan", home)  # Pakistan leaves first
    undoing.undo("t", None, "China", home)
    assert aid not in statuses(home)


def test_a_facilitator_may_undo_anyone_until_the_next_revision(home):
    propose_delete(home, "China")
    other = propose_delete(home, "Chile", "OP3")
    china = next(a for a in actions(home) if a.actor == "China")
    undoing.undo("t", china.commit, "Mexico", home)
    amending.decide("t", [other], "accept", "Mexico", home)
    revising.revise("t", "Mexico", home=home)
    chile = next(a for a in actions(home) if a.actor == "Chile")
    with pytest.raises(DraftroomError, match="is in rev-1, an issued revision"):
        undoing.undo("t", chile.commit, "Mexico", home)
    with pytest.raises(DraftroomError, match="an issued revision: it cannot be undone"):
        undoing.undo("t", actions(home)[0].commit, "Mexico", home)
    with pytest.raises(DraftroomError, match="an issued revision: it cannot be undone"):
        undoing.undo("t", actions(home)[-1].commit, "Mexico", home)


def test_the_index_agrees_with_git_after_undo(home):
    aid = propose_delete(home, "China")
    amending.decide("t", [aid], "reject", "Mexico", home)
    undoing.undo("t", None, "Mexico", home)
    listed = statuses(home)
    nego.reindex("t", home)
    assert statuses(home) == listed == {aid: "proposed"}


def test_the_cli_verb_and_its_errors(home, run_cli):
    env = {"DRAFTROOM_HOME": str(home)}
    aid = propose_delete(home, "China")
    log = run_cli("log", "t", env=env).stdout.splitlines()
    shown = log[0].split()[0]
    assert len(shown) == 7 and actions(home)[0].commit.startswith(shown)
    for bad, message in (("zz", "is not an action id"), ("0000000", "no action 0000000")):
        r = run_cli("undo", "t", bad, "--as", "China", env=env)
        assert r.returncode == 2 and message in r.stderr and r.stderr.count("\n") == 1
    r = run_cli("undo", "t", shown, "--as", "Narnia", env=env)
    assert r.returncode == 2 and "Narnia" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("undo", "t", "--as", "China", env=env)
    assert r.returncode == 0 and shown in r.stdout and "China proposes delete" in r.stdout
    assert json.loads(run_cli("amendments", "t", "--json", env=env).stdout) == []
    assert aid not in statuses(home)
