"""The negotiation verbs through the CLI, as a user runs them, on real git repositories in tmp homes."""

import contextlib
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ok
from store_support import SEEDS, git, home_with_t, sample_document

from draftroom.model.jsonform import to_dict
from draftroom.store import plumbing, spawn
from draftroom.workflow import negotiation as wf

SEED_001 = SEEDS / "001_334a0e47d0d674b7.txt"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home with negotiation "t" (a document built in code, sponsors China and Azerbaijan)."""
    return home_with_t(tmp_path)


def as_json(result: subprocess.CompletedProcess[str]) -> object:
    return json.loads(ok(result))


def test_sponsors_add_remove_and_json_in_un_order(run_cli, home):
    ok(run_cli("sponsors", "t", "add", "Russia", "孟加拉国", "the Sudan", "--as", "Secretariat"))
    ok(run_cli("sponsors", "t", "remove", "CHN", "--as", "China"))
    for who, args in (("Japan", ("remove", "AZE")), ("Canada", ("add", "Canada", "Japan"))):
        refused = run_cli("sponsors", "t", *args, "--as", who)
        assert refused.returncode != 0 and "its own sponsorship" in refused.stderr
    listed = as_json(run_cli("sponsors", "t", "--json"))
    assert [(s["name"], s["iso3"], s["main"]) for s in listed] == [
        ("Azerbaijan", "AZE", True),
        ("Bangladesh", "BGD", True),
        ("Russian Federation", "RUS", True),
        ("Sudan", "SDN", True),
    ]
    log = as_json(run_cli("log", "t", "--json"))
    assert [(a["actor"], a["action"]) for a in log[:2]] == [
        ("China", "sponsor-remove"),
        ("Secretariat", "sponsor-add"),
    ]
    assert git(home / "t", "log", "-1", "--format=%an") == "China\n"


def test_sponsors_after_tabling_are_additional_with_the_date_joined(run_cli, home):
    ok(run_cli("sponsors", "t", "add", "Belarus"))
    tabled = ok(run_cli("table", "t", "--as", "Secretariat"))
    assert "tabled on" in tabled
    ok(run_cli("sponsors", "t", "add", "Zambia"))
    listed = {s["name"]: s for s in as_json(run_cli("sponsors", "t", "--json"))}
    assert listed["Belarus"]["main"] is True and listed["Zambia"]["main"] is False
    assert listed["Zambia"]["joined"] == wf.today()
    shown = as_json(run_cli("show", "t", "--json"))
    assert "赞比亚" not in shown["sponsors"] and shown["sponsors"] == ["阿塞拜疆", "白俄罗斯", "中国"]
    bad = run_cli("table", "t")
    assert bad.returncode == 2 and "already tabled" in bad.stderr


def test_show_json_is_the_parse_shape_with_ids_stable_across_revisions(run_cli, home):
    rev0 = as_json(run_cli("show", "t", "--json"))
    expected = to_dict(sample_document()) | {"sponsors": ["阿塞拜疆", "中国"]}
    assert rev0 == expected
    out = ok(run_cli("revise", "t", "--as", "Pakistan"))
    assert "Rev.1" in out and "A/C.3/74/L.20/Rev.1" in out
    rev1 = as_json(run_cli("show", "t", "--rev", "Rev.1", "--json"))
    assert rev1["symbol"] == "A/C.3/74/L.20/Rev.1" and rev1["kind"] == "revised-draft"
    assert [p["id"] for p in rev1["operative"]] == [p["id"] for p in rev0["operative"]]
    assert as_json(run_cli("show", "t", "--rev", "rev-0", "--json")) == rev0
    ok(run_cli("revise", "t", "--symbol", "A/C.3/74/L.20/Rev.2"))
    tags = git(home / "t", "tag").split()
    assert tags == ["rev-0", "rev-1", "rev-2"]
    text = ok(run_cli("show", "t"))
    assert "OP1(a)(i)" in text and "A/C.3/74/L.20/Rev.2" in text


def test_log_shows_who_what_where_and_the_revision_produced(run_cli, home):
    from draftroom.store import Negotiation

    neg = Negotiation(home / "t")
    with neg.action("edit", "China", paragraphs=["op-2"], summary="China edits") as txn:
        txn.doc.operative[1].text = "新；"
    ok(run_cli("revise", "t"))
    log = as_json(run_cli("log", "t", "--json"))
    assert [a["action"] for a in log] == ["revise", "edit", "new"]
    assert log[0]["revision"] == "rev-1" and log[2]["revision"] == "rev-0"
    assert log[1]["paragraphs"] == ["op-2"] and log[1]["labels"] == ["OP2"]
    text = ok(run_cli("log", "t")).splitlines()
    assert "China" in text[1] and "OP2" in text[1] and "edit" in text[1]


def test_list_shows_every_negotiation(run_cli, home):
    wf.create_negotiation("other", sample_document(lang="en"), home=home)
    listed = as_json(run_cli("list", "--json"))
    assert [(s["name"], s["language"], s["revision"], s["sponsor_count"]) for s in listed] == [
        ("other", "en", 0, 0),
        ("t", "zh", 0, 2),
    ]
    assert "A/C.3/74/L.20" in ok(run_cli("list"))


@contextlib.contextmanager
def no_git_started(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within it, starting a git process (or asking a running cat-file) fails the test."""

    def no_git(*args, **kwargs):
        raise AssertionError("a git process was started")

    with monkeypatch.context() as m:
        m.setattr(spawn, "run", no_git)
        m.setattr(spawn, "start", no_git)
        m.setattr(plumbing, "objects", no_git)
        yield


def test_list_keeps_what_a_commit_says_and_follows_the_head(run_cli, home, monkeypatch):
    first = as_json(run_cli("list", "--json"))
    kept = home / "t" / ".git" / "draftroom" / "cache" / "summary"
    assert kept.is_file()

    with no_git_started(monkeypatch):
        assert as_json(run_cli("list", "--json")) == first  # from the kept summary
    ok(run_cli("sponsors", "t", "add", "Belarus", "--as", "Belarus"))  # the head moves
    (after,) = as_json(run_cli("list", "--json"))
    assert (after["sponsor_count"], after["action_count"]) == (3, first[0]["action_count"] + 1)
    for damage in ("", "not json\n", json.dumps({"key": "other"}) + "\n", "fields"):
        if damage == "fields":  # the right key, a field of the wrong type
            head = json.loads(kept.read_text(encoding="utf-8"))
            head["value"]["revision"] = "0"
            damage = json.dumps(head) + "\n"
        kept.write_text(damage, encoding="utf-8")
        assert as_json(run_cli("list", "--json")) == [after]  # computed again
        assert json.loads(kept.read_text(encoding="utf-8"))["value"]["revision"] == 0  # and kept


def test_log_keeps_the_log_of_a_head_and_follows_it(run_cli, home, monkeypatch):
    first = (ok(run_cli("log", "t")), as_json(run_cli("log", "t", "--json")))
    kept = home / "t" / ".git" / "draftroom" / "cache" / "log"
    assert kept.is_file()

    with no_git_started(monkeypatch):
        assert (ok(run_cli("log", "t")), as_json(run_cli("log", "t", "--json"))) == first
    ok(run_cli("amend", "t", "--as", "Japan", "delete", "OP1"))  # the head moves
    after = as_json(run_cli("log", "t", "--json"))
    assert after[1:] == first[1] and after[0]["actor"] == "Japan" and after[0]["labels"] == ["OP1"]
    head = json.loads(kept.read_text(encoding="utf-8"))
    for change in ("a row", [1, 2], None):
        rows = json.loads(json.dumps(head["value"]))
        if change is None:
            rows[0][9] = {"Actor": "Japan"}  # a trailer's values are a list
        else:
            rows[0] = change
        kept.write_text(json.dumps({**head, "value": rows}) + "\n", encoding="utf-8")
        assert as_json(run_cli("log", "t", "--json")) == after  # computed again
        assert json.loads(kept.read_text(encoding="utf-8")) == head  # and kept


def test_reindex_after_deleting_the_database_gives_identical_answers(run_cli, home):
    ok(run_cli("sponsors", "t", "add", "Belarus", "Chad"))
    ok(run_cli("table", "t"))
    ok(run_cli("sponsors", "t", "add", "Zambia"))
    ok(run_cli("revise", "t"))
    queries = [
        ("list", "--json"),
        ("log", "t", "--json"),
        ("sponsors", "t", "--json"),
        ("show", "t", "--json"),
        ("show", "t", "--rev", "rev-0", "--json"),
        ("log", "t"),
        ("list",),
    ]
    before = [ok(run_cli(*q)) for q in queries]
    for f in home.glob("index.sqlite*"):
        f.unlink()
    assert "5 actions" in ok(run_cli("reindex", "t"))
    assert [ok(run_cli(*q)) for q in queries] == before
    for f in home.glob("index.sqlite*"):
        f.unlink()
    assert [ok(run_cli(*q)) for q in queries] == before  # or rebuilt on demand, without reindex


def test_name_may_be_a_path_and_home_an_option(run_cli, home, tmp_path):
    assert as_json(
        run_cli("sponsors", str(home / "t"), "--json", env={"DRAFTROOM_HOME": str(tmp_path / "x")})
    )
    assert as_json(
        run_cli("list", "--json", "--home", str(home), env={"DRAFTROOM_HOME": str(tmp_path / "x")})
    )


def test_acting_identity_from_option_environment_and_config(run_cli, home, tmp_path):
    config = tmp_path / "cfg" / "draftroom" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('as = "俄罗斯联邦"\n', encoding="utf-8")
    ok(run_cli("sponsors", "t", "add", "Russia", env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")}))
    ok(
        run_cli(
            "sponsors",
            "t",
            "add",
            "Chad",
            env={"DRAFTROOM_AS": "TCD", "XDG_CONFIG_HOME": str(tmp_path / "cfg")},
        )
    )
    ok(run_cli("sponsors", "t", "add", "Ghana", "--as", "secretariat", env={"DRAFTROOM_AS": "TCD"}))
    authors = git(home / "t", "log", "-3", "--format=%an").split("\n")[:3]
    assert authors == ["Secretariat", "Chad", "Russian Federation"]


HEAD_BAD_INPUT = [
    (("show", "nope"), "no negotiation 'nope'"),
    (("show", "../x"), "negotiation name '../x'"),
    (("show", "/etc/passwd"), "negotiation name '/etc/passwd'"),
    (("show", ""), "is empty"),
    (("show", "a\x01b"), "control character"),
    (("show", "t", "--rev", "Rev.3"), "no revision 'Rev.3'"),
    (("sponsors", "t", "add", "Chna"), "did you mean China"),
    (("sponsors", "t", "add", "China"), "China is already a sponsor"),
    (("sponsors", "t", "add", "Chad", "乍得"), "named twice"),
    (("sponsors", "t", "remove", "Chad"), "Chad is not a sponsor"),
    (("sponsors", "t", "add"), "name at least one State"),
    (("sponsors", "t", "add", "Chad", "--as", "Atlantis"), "unknown State"),
    (("new", "../x", "--from", "whatever.txt"), "negotiation name '../x'"),
    (("new", "/etc/passwd", "--from", "whatever.txt"), "negotiation name '/etc/passwd'"),
    (("new", "t", "--from", "whatever.txt"), "already exists"),
    (("new", "fresh", "--from", "missing.txt"), "no such file"),
]


@pytest.mark.parametrize(("args", "message"), HEAD_BAD_INPUT)
def test_bad_input_is_one_line_and_changes_nothing(run_cli, home, args, message):
    head = git(home / "t", "rev-parse", "HEAD")
    tree = sorted(p.name for p in home.iterdir())
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert git(home / "t", "rev-parse", "HEAD") == head
    assert git(home / "t", "status", "--porcelain") == ""
    assert sorted(p.name for p in home.iterdir()) == tree


def test_new_from_the_seed_keeps_its_sponsors_and_prints_their_line(run_cli, tmp_path):
    out = ok(
        run_cli("new", "trafficking", "--from", str(SEED_001), "--facilitator", "Belarus", "--as", "Belarus")
    )
    assert "15 sponsors" in out
    printed = "".join(SEED_001.read_text(encoding="utf-8").split("：订正决议草案")[0].split())
    home = tmp_path / "home"
    listed = wf.sponsors("trafficking", home=home)
    assert len(listed) == 15 and all(s.main and s.iso3 for s in listed)
    assert printed.endswith(wf.sponsor_line(listed, "zh"))
    assert wf.sponsor_line(listed, "en") == (
        "Azerbaijan, Bangladesh, Belarus, China, Côte d'Ivoire, Dominican Republic, Ecuador, Kazakhstan, "
        "Kyrgyzstan, Pakistan, Russian Federation, Tajikistan, Venezuela (Bolivarian Republic of), "
        "Zambia and Zimbabwe"
    )
    shown = as_json(run_cli("show", "trafficking", "--json"))
    parsed = as_json(run_cli("parse", str(SEED_001), "--json"))
    assert shown == parsed


@pytest.mark.parametrize(("lang", "warned"), [("ar", True), ("ZH", False)])
def test_new_warns_in_one_line_when_lang_contradicts_the_text(run_cli, tmp_path, lang, warned):
    """The warning `parse --lang` prints; the text is still read in the language asked for."""
    result = run_cli("new", "t", "--from", str(SEED_001), "--lang", lang)
    assert "created t" in ok(result)
    says = f"draftroom: warning: {SEED_001} reads as Chinese (zh), not Arabic (ar); parsed as Arabic"
    assert result.stderr.startswith(says) == warned  # first, before any sponsor warnings
    assert result.stderr.count(" reads as ") == warned
    assert wf.show("t", home=tmp_path / "home").language == lang.lower()


def test_home_defaults_to_sessions_and_database_url_is_honoured(run_process, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "elsewhere" / "draftroom.sqlite"
    env = {"DRAFTROOM_HOME": "", "DRAFTROOM_DATABASE_URL": f"sqlite:///{db}"}
    db.parent.mkdir()
    ok(run_process("new", "x", "--from", str(seed), env=env))
    assert (tmp_path / "sessions" / "x" / ".git").is_dir()
    assert [s["name"] for s in as_json(run_process("list", "--json", env=env))] == ["x"]
    assert db.is_file() and not (tmp_path / "sessions" / "index.sqlite").exists()


def test_new_after_the_folder_was_deleted_by_hand_starts_afresh(run_cli, home, tmp_path):
    """`rm -rf HOME/t` leaves t's rows in the home's SQL index (and its amendment rows): `new t` works,
    and every answer is the new negotiation's, none of the old one's history."""
    import shutil

    from draftroom.store.amendment_index import indexed_amendments
    from draftroom.workflow.negotiation import open_negotiation

    ok(run_cli("amend", "t", "--as", "China", "delete", "OP1"))
    ok(run_cli("revise", "t", "--as", "Pakistan"))
    assert len(indexed_amendments(open_negotiation("t", home))) == 1
    assert len(as_json(run_cli("log", "t", "--json"))) == 3
    shutil.rmtree(home / "t")
    source = tmp_path / "fr.txt"
    source.write_text((Path(__file__).parent / "data" / "fr_projet.txt").read_text(encoding="utf-8"))
    assert "created t" in ok(run_cli("new", "t", "--from", str(source), "--as", "China"))
    assert [a["action"] for a in as_json(run_cli("log", "t", "--json"))] == ["new"]
    assert indexed_amendments(open_negotiation("t", home)) == []
    assert "no amendments yet" in ok(run_cli("amendments", "t"))
    [listed] = as_json(run_cli("list", "--json"))
    assert (listed["name"], listed["language"], listed["revision"]) == ("t", "fr", 0)


def test_new_after_the_whole_home_was_deleted_with_the_index_elsewhere_starts_afresh(run_cli, tmp_path):
    """`rm -rf` of the home leaves an index named by DRAFTROOM_DATABASE_URL holding commits that no
    longer exist: `new NAME` starts again, its index rows those of the new text."""
    import shutil

    env = {"DRAFTROOM_DATABASE_URL": f"sqlite:///{tmp_path / 'index.sqlite'}"}
    ok(run_cli("new", "t", "--from", str(SEED_001), env=env))
    ok(run_cli("amend", "t", "--as", "France", "delete", "OP3", env=env))
    assert len(as_json(run_cli("amendments", "t", "--json", env=env))) == 1
    shutil.rmtree(tmp_path / "home")
    seed = SEEDS / "002_e512e5138112a4f1.txt"
    ok(run_cli("new", "t", "--from", str(seed), env=env))
    shown = as_json(run_cli("show", "t", "--json", env=env))
    assert (
        shown["operative"][0]["text"]
        == as_json(run_cli("parse", str(seed), "--json"))["operative"][0]["text"]
    )
    assert as_json(run_cli("amendments", "t", "--json", env=env)) == []
    assert [line.split()[0] for line in ok(run_cli("list", env=env)).splitlines()] == ["t"]
    ok(run_cli("amend", "t", "--as", "France", "delete", "OP2", env=env))
    assert [a["target"] for a in as_json(run_cli("amendments", "t", "--json", env=env))] == ["OP2"]
