"""Revisions: the one Revision value (tag, name, number, symbol), and revising a negotiation whose
base text is itself a revised draft (issue 16, fault 1: after .../L.20/Rev.1 comes Rev.2)."""

import json

import pytest
from conftest import SEEDS
from corpus_support import DATA

from draftroom.model import Revision

SEED = SEEDS / "002_e512e5138112a4f1.txt"


def test_a_revision_is_one_value_read_and_written_one_way():
    assert (Revision(0).tag, Revision(0).name) == ("rev-0", "rev-0")
    assert (Revision(2).tag, Revision(2).name, str(Revision(2))) == ("rev-2", "Rev.2", "Rev.2")
    assert Revision.from_tag("rev-12") == Revision(12)
    assert Revision.from_tag("Rev.1") is None
    assert [Revision.typed(t) for t in ("Rev.1", "rev-1", "1", " rev 1 ", "latest")] == [Revision(1)] * 4 + [
        None
    ]
    assert Revision.of_symbol("A/C.3/74/L.20/Rev.1") == Revision(1)
    assert Revision.of_symbol("A/C.3/74/L.20") == Revision(0)
    assert Revision(2).symbol("A/C.3/74/L.20/Rev.1") == "A/C.3/74/L.20/Rev.2"
    assert Revision(1).symbol(None) is None
    assert [Revision(1).symbol(s) for s in ("A/RES/79/195", "S/RES/2334 (2016)", "A/HRC/RES/58/1")] == [
        None
    ] * 3


@pytest.mark.parametrize(
    ("base", "after"), [("A/C.3/74/L.20", Revision(1)), ("A/C.3/74/L.20/Rev.1", Revision(2))]
)
def test_the_next_revision_never_repeats_the_base_texts_own(base: str, after: Revision):
    assert Revision(0).next_after(base) == after
    assert Revision(2).next_after(base) == Revision(3)


def test_revising_a_negotiation_on_a_rev1_draft_cuts_rev2(run_cli, tmp_path):
    def ok(*args: str) -> str:
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()

    ok("new", "t", "--from", str(SEED), "--symbol", "A/C.3/74/L.20/Rev.1", "--facilitator", "Mexico")
    said = ok("revise", "t", "--as", "Mexico")
    assert said.startswith("t: Rev.2 (rev-2) A/C.3/74/L.20/Rev.2, ")
    assert json.loads(ok("show", "t", "--json"))["symbol"] == "A/C.3/74/L.20/Rev.2"
    assert json.loads(ok("show", "t", "--rev", "Rev.2", "--json"))["kind"] == "revised-draft"
    history = json.loads(ok("log", "t", "--json"))
    assert [e["revision"] for e in history if e["revision"]] == ["rev-2", "rev-0"]
    out = tmp_path / "t.txt"
    ok("export", "t", "-o", str(out))
    assert "A/C.3/74/L.20/Rev.2" in out.read_text(encoding="utf-8")
    assert "Rev.1" not in out.read_text(encoding="utf-8").split("\n\n")[0]
    said = ok("revise", "t", "--as", "Mexico")
    assert said.startswith("t: Rev.3 (rev-3) A/C.3/74/L.20/Rev.3, ")


def test_revising_last_years_resolution_makes_a_new_draft_not_a_revised_resolution(run_cli, tmp_path):
    """The UN's own XML of A/RES/79/195 (tests/data/akn): a negotiation starting from it cuts a
    draft, with no symbol until one is given, and nothing of the old adoption printed."""

    def ok(*args: str) -> str:
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()

    ok("new", "t", "--from", str(DATA / "akn" / "en_A_RES_79_195.xml"), "--facilitator", "Japan")
    assert json.loads(ok("show", "t", "--json"))["symbol"] == "A/RES/79/195"
    said = ok("revise", "t", "--as", "Japan")
    assert said.startswith("t: Rev.1 (rev-1), ") and "RES" not in said
    shown = json.loads(ok("show", "t", "--json"))
    assert (shown["kind"], shown["symbol"], shown["adopted_on"], shown["resolution_number"]) == (
        "draft",
        None,
        None,
        None,
    )
    out = tmp_path / "t.txt"
    ok("export", "t", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "79/195" not in text and "plenary meeting" not in text
    assert "International trade and development" in text
    said = ok("revise", "t", "--as", "Japan", "--symbol", "A/C.2/80/L.9")
    assert said.startswith("t: Rev.2 (rev-2) A/C.2/80/L.9, ")
