"""The negotiation repository: layout round trip, one commit per action, rollback, revisions, the index."""

import json
from pathlib import Path

import pytest
from store_support import git, sample_document

from draftroom.errors import DraftroomError
from draftroom.model.jsonform import to_dict
from draftroom.store import Negotiation, Sponsor, layout
from draftroom.store.index import Index
from draftroom.store.transaction import may_need_packing


@pytest.fixture
def neg(tmp_path: Path) -> Negotiation:
    sponsors = [Sponsor("China", "CHN", True, "2026-01-05", "Secretariat")]
    return Negotiation.create(
        tmp_path / "home" / "neg", sample_document(), sponsors, "Secretariat", date="2026-01-05"
    )


def test_layout_round_trip_keeps_every_field_and_id():
    doc = sample_document(5)
    files = layout.document_files(doc)
    back = layout.read_document(files.get)
    assert to_dict(back) == to_dict(doc)
    assert files["text/op-1-a-i.txt"] == "细项\n"
    assert "[^2]: 同上，\n    附件。\n" in files["footnotes.txt"]


def test_unsafe_paragraph_ids_get_digest_file_names():
    doc = sample_document(1)
    doc.operative[0].id = "../../etc/passwd"
    files = layout.document_files(doc)
    assert all(p.startswith("text/") and ".." not in p for p in files if p.startswith("text"))
    assert layout.read_document(files.get).operative[0].id == "../../etc/passwd"


def test_new_is_one_commit_tagged_rev0_with_plain_files(neg: Negotiation):
    assert git(neg.path, "rev-list", "--count", "HEAD").strip() == "1"
    assert "rev-0" in git(neg.path, "tag").split()
    assert git(neg.path, "show", "HEAD:text/op-2.txt") == "决定 2；\n"
    assert json.loads(git(neg.path, "show", "HEAD:sponsors/china.json"))["iso3"] == "CHN"
    assert to_dict(neg.document()) == to_dict(sample_document()) | {"sponsors": ["China"]}


def test_action_is_one_commit_with_author_and_trailers(neg: Negotiation):
    with neg.action(
        "edit", "Russian Federation", paragraphs=["op-2"], amendment="rus-1", summary="edit OP2"
    ) as txn:
        txn.doc.operative[1].text = "请秘书长报告；"
        txn.write_file("amendments/rus-1.json", '{"id": "rus-1"}\n')
    assert (
        git(neg.path, "log", "-1", "--format=%an <%ae>")
        == "Russian Federation <russian-federation@draftroom.invalid>\n"
    )
    trailers = git(neg.path, "log", "-1", "--format=%(trailers)")
    assert "Action: edit\nActor: Russian Federation\nParagraph: op-2\nAmendment: rus-1\n" in trailers
    changed = set(git(neg.path, "show", "--name-only", "--format=", "HEAD").split())
    assert changed == {"text/op-2.txt", "amendments/rus-1.json"}
    assert git(neg.path, "status", "--porcelain") == ""
    top = neg.log()[0]
    assert (top.actor, top.action, top.paragraphs, top.amendment) == (
        "Russian Federation",
        "edit",
        ["op-2"],
        "rus-1",
    )


def test_moving_and_deleting_paragraphs_touch_structure_not_text(neg: Negotiation):
    with neg.action("move", "China") as txn:
        txn.doc.operative.reverse()
    assert set(git(neg.path, "show", "--name-only", "--format=", "HEAD").split()) == {"structure.txt"}
    with neg.action("delete", "China") as txn:
        txn.doc.operative.pop(0)
    assert "text/op-3.txt" not in git(neg.path, "ls-files")
    assert [p.id for p in neg.document().operative] == ["op-2", "op-1"]


def test_exception_inside_action_leaves_nothing(neg: Negotiation):
    head = git(neg.path, "rev-parse", "HEAD")
    with pytest.raises(RuntimeError), neg.action("edit", "China") as txn:
        txn.doc.operative.pop()
        txn.write_file("amendments/x.json", "{}")
        txn.sponsors.clear()
        raise RuntimeError("boom")
    assert git(neg.path, "rev-parse", "HEAD") == head
    assert git(neg.path, "status", "--porcelain", "--ignored") == ""
    assert len(neg.log()) == 1


def test_a_commit_moves_the_branch_only_from_its_parent_and_keeps_the_index_current(neg, monkeypatch):
    """The commit is built with plumbing from the paths the action wrote or removed: the index holds
    them afterwards, the reflog says what happened, and a branch that no longer stands where the
    action began is left alone (the action rolls back)."""
    from draftroom.store import transaction

    first = git(neg.path, "rev-parse", "HEAD").strip()
    with neg.action("edit", "China") as txn:
        txn.write_file("amendments/a.json", "{}\n")
        txn.doc.operative.pop(0)
    second = git(neg.path, "rev-parse", "HEAD").strip()
    assert git(neg.path, "rev-parse", "HEAD^").strip() == first
    assert git(neg.path, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert git(neg.path, "diff-index", "--cached", "HEAD") == ""  # the index is HEAD's tree
    assert "amendments/a.json" in git(neg.path, "ls-files").split()
    assert git(neg.path, "reflog", "-1", "--format=%gs").strip() == "commit: edit"

    monkeypatch.setattr(transaction, "_branch_head", lambda repo: first)  # as if it moved meanwhile
    with pytest.raises(DraftroomError, match="update-ref"), neg.action("edit", "China") as txn:
        txn.write_file("amendments/b.json", "{}\n")
    assert git(neg.path, "rev-parse", "HEAD").strip() == second
    assert git(neg.path, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""


def test_revisions_are_annotated_tags_and_readable(neg: Negotiation):
    with neg.action("revise", "Secretariat") as txn:
        txn.doc.operative[0].text = "新案文；"
        tag = txn.cut_revision("A/C.3/74/L.20/Rev.1", "2026-02-01")
    assert tag == "rev-1"
    assert git(neg.path, "cat-file", "-t", "rev-1").strip() == "tag"
    assert "Symbol: A/C.3/74/L.20/Rev.1" in git(neg.path, "tag", "-n9", "rev-1")
    for name in ("rev-1", "Rev.1", "1", "REV 1", "latest"):
        assert neg.document(name).operative[0].text == "新案文；"
    assert neg.document("rev-0").operative[0].text == "决定 1；"
    assert [(r.tag, r.symbol) for r in neg.revisions()] == [
        ("rev-0", "A/C.3/74/L.20"),
        ("rev-1", "A/C.3/74/L.20/Rev.1"),
    ]
    with pytest.raises(DraftroomError, match=r"no revision 'Rev\.7'"):
        neg.document("Rev.7")


@pytest.mark.parametrize(
    "rel", ["../x", "/etc/passwd", ".git/config", "", "a\nb", "meta.json", "text/op-1.txt"]
)
def test_transaction_refuses_paths_outside_its_files(neg: Negotiation, rel: str):
    with pytest.raises(DraftroomError), neg.action("x", "China") as txn:
        txn.write_file(rel, "x")
    assert len(neg.git_log()) == 1


def test_actor_with_newline_cannot_forge_trailers(neg: Negotiation):
    with pytest.raises(DraftroomError), neg.action("x", "China\nAction: forged"):
        pass
    assert len(neg.git_log()) == 1


def test_index_catches_up_when_behind_and_reindex_rebuilds(neg: Negotiation, tmp_path: Path):
    for i in range(3):
        with neg.action("note", "China", summary=f"note {i}") as txn:
            txn.write_file("notes.txt", f"{i}\n")
    expected = [a.to_json() for a in neg.git_log()]
    assert [a.to_json() for a in neg.log()] == expected
    db = neg.home / "index.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    fresh = Negotiation(neg.path, Index(f"sqlite:///{db}"))
    assert [a.to_json() for a in fresh.log()] == expected
    git(
        neg.path,
        "-c",
        "user.name=someone",
        "-c",
        "user.email=s@x",
        "commit",
        "--allow-empty",
        "-qm",
        "by hand",
    )
    assert fresh.log()[0].summary == "by hand" and len(fresh.log()) == 5
    fresh.reindex()
    assert [a.to_json() for a in fresh.log()] == [a.to_json() for a in neg.git_log()]


def test_snapshot_reads_files_in_any_folder_and_lists_them_all(neg: Negotiation):
    with neg.action("propose", "China", amendment="chn-1", summary="propose") as txn:
        txn.write_file("amendments/chn-1.json", '{"id": "chn-1", "text": "敦促"}\n')
    snap = neg.snapshot()
    assert snap.read("amendments/chn-1.json") == '{"id": "chn-1", "text": "敦促"}\n'
    assert snap.read("amendments/none.json") is None
    assert snap.read("nowhere/chn-1.json") is None
    assert snap.read("amendments/chn-1.json/deeper") is None  # a file is no folder
    assert snap.read("amendments") is None  # a folder is no file
    tracked = set(git(neg.path, "ls-tree", "-r", "--name-only", "HEAD").split())
    assert set(snap.files) == tracked
    assert snap.files["text/op-2.txt"] == git(neg.path, "show", "HEAD:text/op-2.txt")


def test_an_action_writing_many_files_leaves_them_packed_and_the_refs_still_read(neg: Negotiation):
    """Reading a thousand amendments from a pack takes git a tenth of the time loose files do: a
    commit packs its loose objects once there are a few hundred (gc.auto). Git's gc also packs the
    refs; HEAD, the tags and the commit draftroom last saw are read from packed-refs then."""
    with neg.action("bulk", "China", summary="many amendments") as txn:
        for i in range(400):
            txn.write_file(f"amendments/chn-{i}.json", f'{{"id": "chn-{i}"}}\n')
    counts = dict(line.split(": ") for line in git(neg.path, "count-objects", "-v").splitlines())
    assert int(counts["count"]) < 100 and int(counts["in-pack"]) > 400
    assert not (neg.path / ".git" / "refs" / "heads" / "main").exists()  # packed by the gc
    head = git(neg.path, "rev-parse", "HEAD").strip()
    assert neg.snapshot().commit == head and neg.witnessed() == head
    assert len(neg.snapshot().listing("amendments")) == 400
    with neg.action("sponsor-add", "China", summary="again") as txn:
        txn.sponsors.append(Sponsor("France", "FRA", True, "2026-01-06", "France"))
    assert [s.name for s in neg.sponsors()] == ["China", "France"]


def test_git_maintenance_is_started_only_when_it_may_find_work(neg: Negotiation):
    """A commit no longer starts git's maintenance each time: an action starts it when git's own
    tests could say yes (loose objects in objects/17 over gc.auto / 256, packs over the limit)."""
    git_dir = neg.git_dir()
    for i in range(3):
        with neg.action("sponsor-add", "China", summary=f"a small action {i}") as txn:
            txn.write_file(f"notes/{i}.txt", f"{i}\n")
    loose = git_dir / "objects" / "17"
    if loose.is_dir() and len(list(loose.iterdir())) > 1:
        pytest.skip("these few objects happen to fall in objects/17")
    assert not may_need_packing(git_dir)
    loose.mkdir(exist_ok=True)
    (loose / ("0" * 38)).touch()
    assert not may_need_packing(git_dir)
    (loose / ("1" * 38)).touch()
    assert may_need_packing(git_dir)
    for name in loose.iterdir():
        if name.name in ("0" * 38, "1" * 38):
            name.unlink()
    packs = git_dir / "objects" / "pack"
    before = len(list(packs.glob("*.pack")))
    for i in range(50 - before):
        (packs / f"pack-{i:040x}.pack").touch()
    assert not may_need_packing(git_dir)  # 50 packs: git's limit
    (packs / f"pack-{99:040x}.pack").touch()
    assert may_need_packing(git_dir)
    (packs / f"pack-{99:040x}.keep").touch()  # a kept pack is not counted
    assert not may_need_packing(git_dir)


def test_a_commit_is_read_by_its_full_name_without_asking_git_to_resolve_it(neg: Negotiation, monkeypatch):
    from draftroom.store import plumbing

    git_dir = neg.git_dir()
    head = git(neg.path, "rev-parse", "HEAD").strip()
    tree = git(neg.path, "rev-parse", "HEAD^{tree}").strip()
    git(neg.path, "-c", "user.name=x", "-c", "user.email=x@x", "tag", "-a", "-m", "a tag", "checked", head)
    tag = git(neg.path, "rev-parse", "checked").strip()
    assert tag != head
    assert plumbing.commit_tree(git_dir, tag) == (head, tree)  # a tag's name: git peels it
    asked: list[tuple[str, ...]] = []
    real = plumbing.git
    monkeypatch.setattr(
        plumbing, "git", lambda where, *args, **kw: asked.append(args) or real(where, *args, **kw)
    )
    assert plumbing.commit_tree(git_dir, head) == (head, tree) and asked == []
    with pytest.raises(DraftroomError, match=f"no commit '{'0' * 40}'"):
        plumbing.commit_tree(git_dir, "0" * 40)
    with pytest.raises(DraftroomError, match=f"no commit '{tree}'"):
        plumbing.commit_tree(git_dir, tree)  # a tree is no commit


def test_the_latest_outline_is_kept_by_the_action_that_made_it_and_read_without_git(neg, monkeypatch):
    from draftroom.store import plumbing

    with neg.action("move", "China") as txn:
        txn.doc.operative.reverse()
    moved = to_dict(neg.snapshot().outline())
    assert [p.id for p in neg.snapshot().outline().operative] == ["op-3", "op-2", "op-1"]
    real = plumbing.objects
    monkeypatch.setattr(plumbing, "objects", lambda *a: pytest.fail("git was asked"))
    assert to_dict(neg.outline()) == moved  # kept by the move, read from one file
    monkeypatch.setattr(plumbing, "objects", real)
    assert [p.id for p in neg.outline("rev-0").operative] == ["op-1", "op-2", "op-3"]  # an older one: git

    by_hand = ["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "no footnotes"]
    git(neg.path, "rm", "-q", "footnotes.txt")
    git(neg.path, *by_hand)  # a commit draftroom did not make: its outline is read from git, then kept
    assert neg.outline().footnotes == [] and to_dict(neg.outline()) == to_dict(neg.snapshot().outline())
    monkeypatch.setattr(plumbing, "objects", lambda *a: pytest.fail("git was asked"))
    assert neg.outline().footnotes == [] and [p.id for p in neg.outline().operative] == [
        "op-3",
        "op-2",
        "op-1",
    ]
    monkeypatch.setattr(plumbing, "objects", real)
    (neg.git_dir() / "draftroom" / "cache" / "outline").write_text("damaged")
    assert to_dict(neg.outline()) == to_dict(neg.snapshot().outline())  # read from git again
