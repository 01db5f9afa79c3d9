"""The store's amendment files and roles: saved, looked up by id or prefix, read back from a commit,
and refused when a file's id could name another file."""

from pathlib import Path

import pytest
from store_support import git, sample_document

from draftroom.errors import DraftroomError
from draftroom.model.amendment import Amendment
from draftroom.store import Negotiation, Sponsor
from draftroom.store.amendment_index import indexed_amendments


@pytest.fixture
def neg(tmp_path: Path) -> Negotiation:
    sponsors = [Sponsor("China", "CHN", True, "2026-01-05", "Secretariat")]
    return Negotiation.create(
        tmp_path / "home" / "neg", sample_document(), sponsors, "Secretariat", date="2026-01-05"
    )


def _amendment(aid: str, text: str = "敦促各国") -> Amendment:
    return Amendment(aid, "replace", ["China"], "rev-0", target="op-1", text=text, created=aid)


def test_saved_amendments_read_back_from_the_action_the_commit_and_the_index(neg: Negotiation):
    with neg.action("propose", "China") as txn:
        txn.amendments.save(_amendment("chn-1"))
        txn.amendments.save(_amendment("chn-2", "决定"))
        assert [a.id for a in txn.amendments.all()] == ["chn-1", "chn-2"]
    assert git(neg.path, "show", "HEAD:amendments/chn-1.json").startswith('{\n "id": "chn-1",\n')
    snap = neg.snapshot()
    assert snap.amendments.get("chn-2").text == "决定"
    assert snap.amendments.get("CHN-1").id == "chn-1"  # a prefix, any case
    assert [a.id for a in indexed_amendments(neg)] == ["chn-1", "chn-2"]
    with pytest.raises(DraftroomError, match="names 2 amendments"):
        snap.amendments.get("chn")
    with pytest.raises(DraftroomError, match="no amendment 'rus'"):
        snap.amendments.get("rus")


@pytest.mark.parametrize("bad", ["../meta", "a/b", "..x", ".hidden", ""])
def test_an_id_that_is_not_a_plain_file_name_is_refused_when_saved(neg: Negotiation, bad: str):
    with (
        pytest.raises(DraftroomError, match="not a valid amendment id"),
        neg.action("propose", "China") as txn,
    ):
        txn.amendments.save(_amendment(bad))
    assert git(neg.path, "status", "--porcelain") == ""


@pytest.mark.parametrize("held", ["../meta", "chn-2", "a/b"])
def test_a_file_whose_id_is_not_its_name_is_refused_when_read(neg: Negotiation, held: str):
    """A file from elsewhere (another clone) cannot make two amendments share an id or name a path."""
    with neg.action("propose", "China") as txn:
        txn.amendments.save(_amendment("chn-2"))
        txn.write_file(
            "amendments/chn-1.json",
            f'{{"id": "{held}", "kind": "replace", "proposers": [], "base": "rev-0"}}\n',
        )
    with pytest.raises(DraftroomError, match=r"amendments/chn-1\.json"):
        neg.snapshot().amendments.all()
    with pytest.raises(DraftroomError, match=r"amendments/chn-1\.json"):
        indexed_amendments(neg)


def test_a_file_that_is_not_an_amendment_is_a_one_line_error(neg: Negotiation):
    with neg.action("propose", "China") as txn:
        txn.write_file("amendments/chn-1.json", "{not json")
    with pytest.raises(DraftroomError, match=r"chn-1\.json is not an amendment file"):
        neg.snapshot().amendments.get("chn-1")


def test_roles_are_stored_once_changed(neg: Negotiation):
    assert neg.snapshot().facilitators() is None
    with neg.action("roles-grant", "Secretariat") as txn:
        txn.facilitators = ["Secretariat", "中国"]
    assert neg.snapshot().facilitators() == ["Secretariat", "中国"]
    assert '"中国"' in git(neg.path, "show", "HEAD:roles.json")
    with pytest.raises(DraftroomError, match="belongs to the document"), neg.action("x", "China") as txn:
        txn.write_file("roles.json", "{}")


def test_amendment_rows_left_by_a_deleted_repository_are_read_again_from_git(neg: Negotiation):
    """A stale row naming a commit this repository does not have (its folder was deleted by hand and
    made again) is dropped and the amendments read from git, not an internal error."""
    from sqlmodel import Session

    from draftroom.store.amendment_index import AmendmentStateRow

    with neg.action("propose", "China") as txn:
        txn.amendments.save(_amendment("chn-1"))
    assert [a.id for a in indexed_amendments(neg)] == ["chn-1"]
    with Session(neg.index.engine) as s:
        row = s.get(AmendmentStateRow, str(neg.path))
        assert row is not None
        row.commit = "0123456789abcdef0123456789abcdef01234567"  # the old repository's HEAD
        s.add(row)
        s.commit()
    with neg.action("propose", "China") as txn:
        txn.amendments.save(_amendment("chn-2", "决定"))
    assert [a.id for a in indexed_amendments(neg)] == ["chn-1", "chn-2"]
