"""The amendment verbs through the command line, on a negotiation built from a document in code."""

import json

import pytest
from amend_support import english_room

FIRMLY = ("amend", "t", "--as", "China", "edit", "OP1", "--find", "Strongly", "--replace", "Firmly")


@pytest.fixture
def room(tmp_path, run_cli):
    return english_room(tmp_path, run_cli)


def listed(run_cli, *extra: str) -> list[dict]:
    r = run_cli("amendments", "t", "--json", *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def log(run_cli) -> list[dict]:
    return json.loads(run_cli("log", "t", "--json").stdout)


def refused(run_cli, message: str, *args: str) -> None:
    """The command fails with a one-line error and stores nothing."""
    before = len(log(run_cli))
    r = run_cli(*args)
    assert r.returncode == 2, r.stdout + r.stderr
    assert message in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert len(log(run_cli)) == before


def test_bad_input_is_refused_and_nothing_is_stored(room, run_cli):
    aid = room("amend", "t", "--as", "China", "delete", "OP4").strip()
    room("withdraw", "t", aid, "--as", "China")
    refused(run_cli, "no paragraph OP99", "amend", "t", "--as", "China", "replace", "OP99", "--text", "x")
    refused(run_cli, "no amendment", "accept", "t", "CHN-nothing", "--as", "Mexico")
    refused(run_cli, "Narnia", "amend", "t", "--as", "Narnia", "delete", "OP1")
    refused(run_cli, "is withdrawn", "accept", "t", aid, "--as", "Mexico")
    refused(run_cli, "empty", "amend", "t", "--as", "China", "replace", "OP1", "--text", " ")
    refused(
        run_cli,
        "occurs 2 times",
        "amend",
        "t",
        "--as",
        "China",
        "edit",
        "OP1",
        "--find",
        "in",
        "--replace",
        "x",
    )
    refused(run_cli, "no revision", "amend", "t", "--as", "China", "--rev", "7", "delete", "OP1")


@pytest.mark.parametrize(
    ("move", "says"),
    [
        (("OP2", "--after", "PP3"), "OP2 is in the operative part, PP3 in the preamble"),
        (("PP1", "--before", "OP2"), "PP1 is in the preamble, OP2 in the operative part"),
        (("OP2(a)", "--after", "OP4"), "a sub-item stays under a paragraph"),
    ],
)
def test_a_move_across_parts_or_levels_is_refused_and_says_how_to_do_it(room, run_cli, move, says):
    refused(run_cli, says, "amend", "t", "--as", "China", "move", *move)
    refused(run_cli, "propose a delete and an insert", "amend", "t", "--as", "China", "move", *move)


def test_roles_are_enforced_on_every_verb(room, run_cli):
    aid = room(
        "amend", "t", "--as", "China", "edit", "OP1", "--find", "Strongly", "--replace", "Firmly"
    ).strip()
    refused(run_cli, "not a proposer", "withdraw", "t", aid, "--as", "Egypt")
    refused(run_cli, "only a facilitator can accept", "accept", "t", aid, "--as", "China")
    refused(run_cli, "only a facilitator can reject", "reject", "t", aid, "--as", "China")
    refused(run_cli, "only a facilitator", "compromise", "t", aid, "--text", "Deplores it;", "--as", "China")
    refused(run_cli, "only a facilitator", "mark", "t", "OP1", "agreed", "--as", "China")
    refused(run_cli, "only the Secretariat grants", "roles", "t", "grant", "China", "--as", "China")
    refused(run_cli, "only a facilitator", "revise", "t", "--as", "China")
    refused(run_cli, "only a facilitator", "table", "t", "--as", "China")
    refused(run_cli, "only the Secretariat grants", "roles", "t", "grant", "Brazil", "--as", "Mexico")
    room("roles", "t", "grant", "Brazil", "--as", "Secretariat")
    assert room("accept", "t", aid, "--as", "Brazil") == f"{aid}: accepted\n"
    refused(run_cli, "only the Secretariat grants", "roles", "t", "revoke", "Mexico", "--as", "Brazil")
    room("roles", "t", "revoke", "Mexico", "--as", "Secretariat")
    refused(run_cli, "only a facilitator", "mark", "t", "OP1", "agreed", "--as", "Mexico")
    refused(run_cli, "the only facilitator", "roles", "t", "revoke", "Brazil", "--as", "Secretariat")
    assert room("roles", "t") == "facilitators: Brazil\n"


def test_stale_amendment_on_a_deleted_paragraph_is_refused(room, run_cli):
    gone = room("amend", "t", "--as", "China", "delete", "OP4").strip()
    room("accept", "t", gone, "--as", "Mexico")
    room("revise", "t", "--as", "Mexico")
    refused(
        run_cli,
        "stale amendment",
        "amend",
        "t",
        "--as",
        "Egypt",
        "--rev",
        "0",
        "replace",
        "OP4",
        "--text",
        "x",
    )
    # on an earlier revision, a paragraph Rev.1 left as it was: it applies as proposed
    aid = room(
        "amend",
        "t",
        "--as",
        "Egypt",
        "--rev",
        "rev-0",
        "edit",
        "OP5",
        "--find",
        "Decides",
        "--replace",
        "Resolves",
    )
    (found,) = listed(run_cli, "--by", "Egypt")
    assert (found["id"], found["target"], found["base"]) == (aid.strip(), "OP4", "rev-0")


def test_listing_filters_and_survives_reindex(room, run_cli, tmp_path):
    a = room(*FIRMLY, "--with", "Pakistan,India")
    assert [(x["proposers"], x["invited"]) for x in listed(run_cli)] == [(["China"], ["Pakistan", "India"])]
    for invited in ("Pakistan", "India"):  # --with invites; each joins by supporting it
        room("support", "t", a.strip(), "--as", invited)
    b = room("amend", "t", "--as", "Egypt", "insert", "--before", "OP2(b)", "--text", "to train officials;")
    c = room("amend", "t", "--as", "Egypt", "move", "OP1", "--after", "OP3", "--because", "logic")
    room("support", "t", c.strip(), "--as", "China")
    room("reject", "t", b.strip(), "--as", "Mexico")
    everything = listed(run_cli)
    assert [
        (x["id"], x["kind"], x["target"], x["proposers"], x["status"], x["base"]) for x in everything
    ] == [
        (a.strip(), "edit", "OP1", ["China", "Pakistan", "India"], "proposed", "rev-0"),
        (b.strip(), "insert", "new before OP2(b)", ["Egypt"], "rejected", "rev-0"),
        (c.strip(), "move", "OP1 to after OP3", ["Egypt", "China"], "proposed", "rev-0"),
    ]
    assert [x["id"] for x in listed(run_cli, "--by", "India")] == [a.strip()]
    assert [x["id"] for x in listed(run_cli, "--on", "op3")] == [c.strip()]
    assert [x["id"] for x in listed(run_cli, "--status", "rejected")] == [b.strip()]
    text = room("amendments", "t")
    assert "[-Strongly-]{+Firmly+} condemns" in text
    room("withdraw", "t", c.strip(), "--as", "Egypt")  # the index follows, one file re-read
    everything[2]["status"] = "withdrawn"
    assert listed(run_cli) == everything
    room("reindex", "t")  # the listing is read from git: the index's state changes nothing
    assert listed(run_cli) == everything
    for db in (tmp_path / "home").glob("index.sqlite*"):  # the database and its WAL files
        db.unlink()
    assert listed(run_cli) == everything


def test_compile_writes_text_and_html(room, run_cli, tmp_path):
    a = room(*FIRMLY, "--with", "PAK")
    room("support", "t", a.strip(), "--as", "PAK")
    room("mark", "t", "OP3", "bracketed", "--as", "Mexico")
    text = room("compile", "t")
    assert "OP1        [CHN, PAK: [-Strongly-]{+Firmly+}] condemns" in text
    assert "OP3        (bracketed) Urges" in text
    room("compile", "t", "-o", str(tmp_path / "c.html"))
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<del>Strongly</del><ins>Firmly</ins>" in page
    refused(run_cli, ".docx, .txt, .md, .html", "compile", "t", "-o", str(tmp_path / "c.pdf"))
    assert not (tmp_path / "c.pdf").exists()


def test_the_workflow_names_what_is_missing_and_the_cli_its_option(room, run_cli, tmp_path):
    """Errors speak of the concept ("the new text"); the CLI adds the option that gives it."""
    from draftroom.errors import DraftroomError
    from draftroom.workflow import amending
    from draftroom.workflow.negotiation import paragraph_ids
    from draftroom.workflow.rules import Proposal

    (op1,) = paragraph_ids("t", ["op 1"], home=tmp_path / "home")
    with pytest.raises(DraftroomError) as e:
        amending.propose("t", "China", Proposal("replace", target=op1, text="  "), home=tmp_path / "home")
    assert e.value.message == "the new text is empty: give its words" and e.value.fix == "text"
    refused(
        run_cli,
        "the new text is empty: give its words (--text)",
        "amend",
        "t",
        "--as",
        "China",
        "replace",
        "OP1",
        "--text",
        " ",
    )
    with pytest.raises(DraftroomError, match="no longer in the text"):
        amending.propose("t", "China", Proposal("delete", target="gone-id"), home=tmp_path / "home")


def test_private_is_refused_in_a_negotiation_that_is_not_hosted(room, run_cli):
    """--private keeps a proposal out of the other delegations' clones; a negotiation that is not
    hosted has none (everyone reads its one repository): refused in one line, nothing kept."""
    refused(run_cli, "t is not hosted", "amend", "t", "--as", "China", "--private", "delete", "OP1")
    assert listed(run_cli) == []
