"""`draftroom amendments` answers from the listing kept per state of the clone (workflow.listed):
the same output as computed afresh, text and JSON, and computed again whenever the head moves (an
action here or in another process), a private proposal changes, or the kept file is damaged."""

import json
import subprocess

import pytest
from amend_support import english
from hosting_support import with_remote

from draftroom.model.amendment import Amendment
from draftroom.store.head_cache import HeadCache
from draftroom.store.private import PrivateProposals
from draftroom.workflow import listed, listing
from draftroom.workflow.negotiation import create_negotiation, open_negotiation


@pytest.fixture
def room(tmp_path, run_cli):
    """A negotiation "t" with three amendments, one withdrawn and one commented; returns a runner
    that asserts success and gives stdout."""
    create_negotiation("t", english(), facilitator="Mexico", actor="Mexico", home=tmp_path / "home")

    def ok(*args: str) -> str:
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        return r.stdout

    ok("amend", "t", "--as", "China", "edit", "OP1", "--find", "Strongly", "--replace", "Firmly")
    gone = ok("amend", "t", "--as", "Japan", "delete", "OP3").strip()
    ok("withdraw", "t", gone, "--as", "Japan", "--because", "a duplicate")
    ok("amend", "t", "--as", "Chile", "insert", "--after", "OP1", "--text", "Welcomes the report;")
    return ok


def kept(tmp_path):
    neg = open_negotiation("t", tmp_path / "home")
    return neg, neg.git_dir() / "draftroom" / "cache" / listed.CACHE


def fresh(tmp_path) -> tuple[str, str]:
    """The listing computed from git, as the text and the JSON `amendments` printed before it was kept."""
    found = listing.list_amendments("t", home=tmp_path / "home")
    names = found.names
    text = "\n".join(listing.text_block(a, names, a.id in found.private) for a in found.amendments)
    as_json = [listing.as_json(a, names, a.id in found.private) for a in found.amendments]
    return text + "\n", json.dumps(as_json, ensure_ascii=False, indent=1) + "\n"


def test_the_kept_listing_prints_what_git_gives(room, tmp_path):
    text, as_json = fresh(tmp_path)
    _, path = kept(tmp_path)
    assert not path.exists()
    assert room("amendments", "t") == text  # computed, then kept
    assert path.exists()
    assert room("amendments", "t") == text  # from the kept file
    assert room("amendments", "t", "--json") == as_json
    assert json.loads(as_json)[1]["status"] == "withdrawn"  # the filters act on the kept rows
    pending = [a for a in json.loads(as_json) if a["status"] != "withdrawn"]
    assert json.loads(room("amendments", "t", "--json", "--status", "pending")) == pending
    assert [a["proposers"] for a in json.loads(room("amendments", "t", "--json", "--by", "Chile"))] == [
        ["Chile"]
    ]
    assert json.loads(room("amendments", "t", "--json", "--kind", "compromise")) == []
    assert room("amendments", "t", "--kind", "compromise") == "no amendments match\n"


def test_an_action_moves_the_head_and_the_listing_is_computed_again(room, tmp_path):
    room("amendments", "t")
    neg, path = kept(tmp_path)
    before = path.read_bytes()
    aid = room("amend", "t", "--as", "Chile", "delete", "OP2").strip()
    assert aid in room("amendments", "t")
    assert path.read_bytes() != before and neg.head().encode() in path.read_bytes()
    room("comment", "t", aid, "--as", "Peru", "--text", "We join.")
    assert "Peru" in room("amendments", "t")


def test_an_action_of_another_process_is_listed(room, tmp_path, run_process):
    room("amendments", "t", "--json")
    done = run_process("amend", "t", "--as", "Peru", "delete", "OP2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in [a["id"] for a in json.loads(room("amendments", "t", "--json"))]
    assert room("amendments", "t", "--json") == fresh(tmp_path)[1]


def test_a_git_commit_made_outside_draftroom_moves_the_head_too(room, tmp_path):
    room("amendments", "t")
    neg, _ = kept(tmp_path)
    gone = next(p for p in (neg.path / "amendments").iterdir() if "JPN" in p.name)
    subprocess.run(["git", "-C", str(neg.path), "rm", "-q", str(gone)], check=True)
    subprocess.run(
        ["git", "-C", str(neg.path), "-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "x"],
        check=True,
    )
    assert "JPN" not in room("amendments", "t") and "CHL" in room("amendments", "t")


def _with_rows(good: bytes, change) -> bytes:
    """The kept file with its rows (the last section) changed by `change`, the sizes made to fit."""
    head, _, body = good.partition(b"\n")
    meta = json.loads(head)
    sizes = meta["sections"]
    cut = sum(n or 0 for n in sizes[:2])
    rows = json.loads(body[cut:])
    change(rows)
    data = json.dumps(rows).encode()
    meta["sections"][2] = len(data)
    return json.dumps(meta).encode() + b"\n" + body[:cut] + data


def _longer(rows):
    rows[0][6] += 1


def _not_a_row(rows):
    rows[0] = "a row"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json\n",
        b'{"key": "other", "value": 0, "sections": [0, 0, 0]}\n',
        "truncated",
        "count",
    ],
    ids=["empty", "garbage", "another key", "truncated", "not a count"],
)
def test_a_damaged_kept_listing_is_ignored_and_written_again(room, tmp_path, damage):
    text, as_json = fresh(tmp_path)
    room("amendments", "t")
    _, path = kept(tmp_path)
    good = path.read_bytes()
    head, _, body = good.partition(b"\n")
    if damage == "truncated":
        damage = good[: len(good) - 10]
    elif damage == "count":
        meta = json.loads(head)
        meta["value"] = "three"
        damage = json.dumps(meta).encode() + b"\n" + body
    path.write_bytes(damage)
    assert room("amendments", "t") == text
    assert path.read_bytes() == good  # written again
    path.write_bytes(damage)
    assert room("amendments", "t", "--json") == as_json


@pytest.mark.parametrize("change", [_longer, _not_a_row], ids=["wrong lengths", "wrong shape"])
def test_damaged_rows_are_ignored_by_a_filter_and_written_again(room, tmp_path, monkeypatch, change):
    text, as_json = fresh(tmp_path)
    pending = [a for a in json.loads(as_json) if a["status"] != "withdrawn"]
    room("amendments", "t")
    _, path = kept(tmp_path)
    path.write_bytes(_with_rows(path.read_bytes(), change))
    assert room("amendments", "t") == text  # without a filter the rows are not read
    assert json.loads(room("amendments", "t", "--json", "--status", "pending")) == pending  # computed

    def computed(*args):
        raise AssertionError("the listing was computed again")

    monkeypatch.setattr(listing, "listing_at", computed)
    assert json.loads(room("amendments", "t", "--json", "--status", "pending")) == pending  # kept anew
    assert room("amendments", "t", "--json") == as_json


def test_a_private_proposal_saved_or_removed_changes_the_listing(room, tmp_path):
    neg, _ = kept(tmp_path)
    with_remote(neg.path, tmp_path / "t.git")
    room("amendments", "t")
    area = PrivateProposals(neg.path)
    mine = Amendment("CHN-private1", "delete", ["China"], "rev-0", target="op-c", base_text="x", created="9")
    area.save(mine)
    assert "CHN-private1" in room("amendments", "t") and "(private" in room("amendments", "t")
    area.save(Amendment("CHN-private2", "delete", ["China"], "rev-0", target="op-a", created="9"))
    assert "CHN-private2" in room("amendments", "t")  # at once, in the same tick of the clock too
    area.remove("CHN-private1")
    area.remove("CHN-private2")
    assert "private" not in room("amendments", "t")
    assert room("amendments", "t") == fresh(tmp_path)[0]


def test_a_cache_it_cannot_write_is_no_error(tmp_path):
    cache = HeadCache(tmp_path / "not-a-folder", "x")
    (tmp_path / "not-a-folder").write_text("a file where the git folder would be")
    cache.put("k", [1], ["abc"])
    assert cache.get("k", 0) is None
    cache = HeadCache(tmp_path, "y")
    cache.put("k", [1], ["abc", None, "дé"])
    assert (
        cache.get("k", 2) == ([1], ["дé"])
        and cache.get("k", 0) == ([1], ["abc"])
        and cache.get("k", 2, 0) == ([1], ["дé", "abc"])
        and cache.get("j", 0) is None
        and cache.get("k", 1) is None
        and cache.get("k", 0, 1) is None
    )


def test_the_json_blocks_join_into_what_json_dumps_writes():
    values = [{"a": 1, "b": [1, {"c": None}], "d": "x\ny", "e": []}, {"f": {}}]
    blocks = [" " + json.dumps(v, indent=1).replace("\n", "\n ") for v in values]
    assert listed.json_list("".join(b + ",\n" for b in blocks)) == json.dumps(values, indent=1)
    assert listed.json_list("") == json.dumps([], indent=1)


def test_each_rendering_is_computed_when_first_asked_for_and_both_are_kept(room, tmp_path, monkeypatch):
    text, as_json = fresh(tmp_path)
    _, path = kept(tmp_path)
    assert room("amendments", "t") == text
    assert json.loads(path.read_bytes().partition(b"\n")[0])["sections"][1] is None  # JSON not yet made
    assert room("amendments", "t", "--json") == as_json
    assert None not in json.loads(path.read_bytes().partition(b"\n")[0])["sections"]

    def computed(*args):
        raise AssertionError("the listing was computed again")

    monkeypatch.setattr(listing, "listing_at", computed)
    assert room("amendments", "t") == text and room("amendments", "t", "--json") == as_json
