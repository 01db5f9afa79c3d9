"""Sponsors kept one file per delegation (sponsors/<slug>.json): the joining order, and a negotiation
made before, whose sponsors.json is read alike and split into files by the next sponsor action."""

import json
from pathlib import Path

from store_support import git, home_with_t

from draftroom.store import Negotiation
from draftroom.store import remote as rm
from draftroom.workflow import negotiation as wf


def names(home: Path) -> list[str]:
    return [s.name for s in Negotiation(home / "t").sponsors()]


def test_sponsors_keep_the_order_they_joined_in_one_file_each(tmp_path: Path):
    home = home_with_t(tmp_path)
    for who in ("Zimbabwe", "France", "Benin"):
        wf.add_sponsors("t", [who], who, home)
    wf.remove_sponsors("t", ["France"], "France", home)
    wf.add_sponsors("t", ["France"], "France", home)  # back again: at the end
    assert names(home) == ["China", "Azerbaijan", "Zimbabwe", "Benin", "France"]
    files = git(home / "t", "ls-files", "sponsors*").split()
    assert files == [f"sponsors/{n}.json" for n in ("azerbaijan", "benin", "china", "france", "zimbabwe")]
    assert git(home / "t", "show", "--name-only", "--format=", "HEAD").split() == ["sponsors/france.json"]


def test_a_negotiation_with_sponsors_json_is_read_and_split_by_the_next_sponsor_action(tmp_path: Path):
    home = home_with_t(tmp_path)
    neg = home / "t"
    wf.add_sponsors("t", ["Benin"], "Benin", home)
    legacy = [
        {k: v for k, v in json.loads((neg / "sponsors" / f).read_text()).items() if k != "order"}
        for f in ("china.json", "azerbaijan.json", "benin.json")
    ]
    git(neg, "rm", "-q", "-r", "sponsors")
    (neg / "sponsors.json").write_text(json.dumps(legacy, ensure_ascii=False, indent=2) + "\n")
    git(neg, "add", "sponsors.json")
    git(
        neg, "-c", "user.name=old", "-c", "user.email=o@x", "commit", "-qm", "as an older draftroom kept them"
    )
    assert names(home) == ["China", "Azerbaijan", "Benin"]  # read as it is
    wf.add_sponsors("t", ["France"], "France", home)
    assert names(home) == ["China", "Azerbaijan", "Benin", "France"]
    assert not (neg / "sponsors.json").exists()
    assert sorted(git(neg, "ls-files", "sponsors*").split()) == [
        f"sponsors/{n}.json" for n in ("azerbaijan", "benin", "china", "france")
    ]
    with Negotiation(neg).repository() as repo:  # France split the others' sponsorship unchanged: allowed
        assert rm.judge_range(repo, "HEAD~1", "HEAD", signed=False) == []
