"""A negotiation across machines: hosted by the Secretariat, cloned by delegations over git's own
protocol (a real `git daemon` on 127.0.0.1), signed actions, sync with replay, the server's guard."""

import fcntl
import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from hosting_support import Daemon, Machine, free_port, hosted, push, signed_commit, silent_remote

DELEGATIONS = ["France", "Japan", "Pakistan"]


@pytest.fixture
def machines(tmp_path: Path, run_cli, daemon: Daemon) -> dict[str, Machine]:
    return hosted(tmp_path, run_cli, daemon, DELEGATIONS)


def sponsors(m: Machine) -> list[str]:
    return [s["name"] for s in json.loads(m.ok("sponsors", "t", "--json"))]


def test_offline_actions_on_two_machines_meet_without_a_conflict(machines, daemon):
    fr, jp, sec = machines["France"], machines["Japan"], machines["Secretariat"]
    assert "offline" not in fr.ok("sponsors", "t", "add", "France", "--offline")
    jp.ok("sponsors", "t", "add", "Japan", "--offline")
    assert "1 sent" in fr.ok("sync", "t")
    out = jp.ok("sync", "t")  # the remote moved on: Japan's action is replayed on top
    assert "1 action(s) received, 1 sent, 0 refused" in out
    fr.ok("sync", "t")
    sec.ok("sync", "t")
    for m in (fr, jp, sec):
        assert sorted(sponsors(m)) == ["Azerbaijan", "China", "France", "Japan"]
        assert m.git("rev-parse", "HEAD") == fr.git("rev-parse", "HEAD")
        assert json.loads(m.ok("verify", "t", "--json")) == {"ok": True, "problems": []}
        m.git("fsck", "--strict")
    secretariat = (sec.config / "draftroom" / "keys" / "secretariat.pub").read_text().split()[:2]
    for m in (fr, jp):  # each clone pinned the Secretariat's key on first use
        assert m.git("config", "draftroom.root").split() == secretariat
    assert fr.git("log", "-1", "--format=%an %(trailers:key=Action,valueonly)").split() == [
        "Japan",
        "sponsor-add",
    ]


def test_sponsorship_added_on_two_clones_at_once_merges_as_it_was_made(machines, monkeypatch):
    from draftroom.workflow import hosting

    monkeypatch.setattr(hosting, "REDO", {})  # no action may be redone: each must apply as it was made
    fr, jp, pk = machines["France"], machines["Japan"], machines["Pakistan"]
    for m in (fr, jp, pk):
        m.ok("sponsors", "t", "add", m.who, "--offline")
    made = {m.who: m.git("log", "-1", "--format=%aI %s").strip() for m in (fr, jp, pk)}
    for m in (fr, jp, pk, fr, jp):
        assert "0 refused" in m.ok("sync", "t")
    for m in (fr, jp, pk):
        assert sorted(sponsors(m)) == ["Azerbaijan", "China", "France", "Japan", "Pakistan"]
        assert m.git("rev-parse", "HEAD") == fr.git("rev-parse", "HEAD")
        assert json.loads(m.ok("verify", "t", "--json")) == {"ok": True, "problems": []}
    kept = dict(line.split(" ", 1) for line in fr.git("log", "-3", "--format=%an %aI %s").splitlines())
    assert kept == made  # each commit replayed whole (its own date and words), not redone
    for m in (fr, jp, pk):  # and each touched its own sponsor's file alone
        own = fr.git("log", "-1", "--format=", "--name-only", f"--author={m.who}", "HEAD")
        assert own.split() == [f"sponsors/{m.who.lower()}.json"]


def test_an_action_that_no_longer_holds_is_refused_in_one_line_and_kept_aside(machines):
    jp, pk = machines["Japan"], machines["Pakistan"]
    aid = jp.ok("amend", "t", "delete", "OP3").strip()  # synced by itself
    pk.ok("sync", "t")
    jp.ok("withdraw", "t", aid, "--offline")
    pk.ok("accept", "t", aid)  # the facilitator accepted it meanwhile
    result = jp.run("sync", "t")
    assert result.returncode == 1, result.stderr  # once seen failing under heavy load: say why
    (line,) = [x for x in result.stderr.splitlines() if "refused" in x]
    assert f"withdraws {aid}" in line and "kept as refs/draftroom/refused/" in line
    kept = line.rsplit("kept as ", 1)[1].strip()
    assert "withdraw" in jp.git("log", "-1", "--format=%(trailers:key=Action,valueonly)", kept)
    listed = {a["id"]: a for a in json.loads(jp.ok("amendments", "t", "--json"))}
    assert listed[aid]["status"] == "accepted"
    assert jp.git("for-each-ref", "refs/draftroom/replaying") == ""  # the replay is over


def test_the_host_keeps_its_sql_index_current(machines, daemon):
    fr = machines["France"]
    fr.ok("sponsors", "t", "add", "France")
    want = (len(fr.git("rev-list", "HEAD").split()), 3)
    for _ in range(600):  # the post-receive hook indexes in the background: wait for it
        if (daemon.root / "index.sqlite").is_file():
            db = sqlite3.connect(daemon.root / "index.sqlite")
            row = db.execute(
                "SELECT action_count, sponsor_count FROM dr_negotiation WHERE path = ?",
                (str(daemon.root / "t.git"),),
            ).fetchone()
            db.close()
            if row == want:
                break
        time.sleep(0.1)
    assert row == want


def _indexed(daemon) -> tuple[int, int] | None:
    if not (daemon.root / "index.sqlite").is_file():
        return None
    db = sqlite3.connect(daemon.root / "index.sqlite")
    row = db.execute(
        "SELECT action_count, sponsor_count FROM dr_negotiation WHERE path = ?", (str(daemon.root / "t.git"),)
    ).fetchone()
    db.close()
    return row


def test_a_push_while_the_host_indexes_is_left_to_that_indexer(machines, daemon):
    """Pushes landing during an index run start no indexer of their own: they mark the index stale
    and the running one reindexes once more for all of them."""
    from draftroom.store.remote import INDEXING, PENDING

    fr, bare = machines["France"], daemon.root / "t.git"
    with open(bare / INDEXING, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # an indexer at work
        fr.ok("sponsors", "t", "add", "France")
        assert (bare / PENDING).is_file()
    fr.ok("sponsors", "t", "remove", "France")  # the lock is free: this push's indexer takes both
    want = (len(fr.git("rev-list", "HEAD").split()), 2)
    for _ in range(600):
        if _indexed(daemon) == want and not (bare / PENDING).exists():
            break
        time.sleep(0.1)
    assert _indexed(daemon) == want and not (bare / PENDING).exists()


def _drop_china(neg: Path) -> None:
    (neg / "sponsors" / "china.json").unlink()


def _claim_for_japan(neg: Path) -> None:
    record = json.loads((neg / "sponsors" / "china.json").read_text())
    (neg / "sponsors" / "france.json").write_text(json.dumps({**record, "name": "Japan", "iso3": "JPN"}))


@pytest.mark.parametrize(
    ("actor", "edit", "why"),
    [
        ("France", None, "unsigned"),
        ("Japan", None, "not the key registered for Japan"),
        ("France", _drop_china, "changed the sponsorship of China"),
        ("France", _claim_for_japan, "sponsors/france.json holds Japan's sponsorship"),
        ("France", lambda n: (n / "text" / "op-1.txt").write_text("mine\n"), "outside a revision"),
        ("France", lambda n: (n / "keys" / "france.signers").write_text(""), "only the Secretariat"),
        ("France", lambda n: (n / "meta.json").write_text("{}\n"), "revises, marks or tables"),
        ("France", lambda n: (n / "notes.txt").write_text("mine\n"), "notes.txt is no file of a negotiation"),
    ],
)
def test_the_server_refuses_a_hand_made_push_in_one_line_naming_the_commit(machines, actor, edit, why):
    fr = machines["France"]
    if why == "unsigned":
        fr.git("commit", "-q", "--allow-empty", "-m", "x\n\nAction: x\nActor: France")
        sha = fr.git("rev-parse", "HEAD").strip()
    else:
        sha = signed_commit(fr, actor, "hand-made", edit)
    result = push(fr, "main")
    assert result.returncode != 0
    (line,) = [x for x in result.stderr.splitlines() if "draftroom: refused" in x]
    assert sha[:10] in line and why in line, line


def test_a_hand_made_commit_the_remote_refuses_is_set_aside_and_the_valid_actions_go_out(machines):
    fr, sec = machines["France"], machines["Secretariat"]
    bad = signed_commit(fr, "France", "hand-made", _drop_china)
    fr.ok("sponsors", "t", "add", "France", "--offline")  # a valid action on top of it
    result = fr.run("sync", "t")
    assert result.returncode == 1
    (line,) = [x for x in result.stderr.splitlines() if "refused" in x]
    assert bad[:10] in line and "changed the sponsorship of China" in line
    kept = line.rsplit("kept as ", 1)[1].strip()
    assert fr.git("rev-parse", kept).strip() == bad  # kept aside, never dropped
    sec.ok("sync", "t")
    for m in (fr, sec):  # the clone stands at the remote's history with its valid action, not the commit
        assert m.git("rev-parse", "HEAD") == m.git("rev-parse", "origin/main")
        assert sorted(sponsors(m)) == ["Azerbaijan", "China", "France"]
    assert bad not in fr.git("rev-list", "HEAD").split()
    assert "0 refused" in fr.ok("sync", "t")  # and the next sync has nothing left to refuse


def test_the_server_refuses_rewritten_history_and_moved_or_deleted_tags(machines):
    fr = machines["France"]
    fr.ok("sponsors", "t", "add", "France")
    for refs, why in (
        (["+HEAD~1:main"], "a non-fast-forward push rewrites history"),
        ([":refs/tags/rev-0"], "deleting a ref rewrites the negotiation's history"),
        (["+HEAD:refs/tags/rev-0"], "a revision tag never moves"),
        (["HEAD:refs/heads/other"], "only main and revision tags are pushed"),
    ):
        result = push(fr, *refs)
        assert result.returncode != 0 and why in result.stderr, (refs, result.stderr)
    head = fr.git("rev-parse", "HEAD").strip()
    fr.git("tag", "-a", "rev-1", "-m", "Rev.1", "HEAD")  # a delegate's tag: names the commit it puts it on
    for pushed, ref in (("+HEAD:refs/tags/rev-0", "refs/tags/rev-0"), ("refs/tags/rev-1", "refs/tags/rev-1")):
        (line,) = [x for x in push(fr, pushed).stderr.splitlines() if "draftroom: refused" in x]
        assert f"{ref} at {head[:10]}:" in line, line


def test_an_action_the_remote_refuses_as_it_syncs_by_itself_fails_in_one_line(
    machines, daemon, tmp_path, run_cli
):
    """Chile has a key but the Secretariat never registered it: its amendment is refused by the
    guard on the way out, so `amend` exits non-zero with the refusal (kept aside), not 0 with an id."""
    sec = machines["Secretariat"]
    cl = Machine("Chile", tmp_path / "Chile", run_cli)
    cl.key()
    cl.ok("clone", daemon.url("t.git"))
    result = cl.run("amend", "t", "delete", "OP1")
    assert result.returncode != 0 and result.stdout == "", result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert "no key is registered for Chile" in line and "kept as refs/draftroom/refused/" in line, line
    kept = line.rsplit("kept as ", 1)[1].strip()
    assert "propose" in cl.git("log", "-1", "--format=%(trailers:key=Action,valueonly)", kept)
    sec.ok("sync", "t")
    assert json.loads(sec.ok("amendments", "t", "--json")) == []


def test_an_actor_without_a_key_here_cannot_act_in_a_hosted_negotiation(machines):
    result = machines["France"].run_cli(
        "sponsors",
        "t",
        "add",
        "Japan",
        "--as",
        "Japan",
        env={
            "XDG_CONFIG_HOME": str(machines["France"].config),
            "DRAFTROOM_HOME": str(machines["France"].home),
        },
    )
    assert result.returncode != 0 and "Japan has no signing key" in result.stderr


def test_without_the_network_the_action_waits_and_goes_out_at_the_next_sync(machines, daemon):
    fr = machines["France"]
    url = fr.git("remote", "get-url", "origin").strip()
    fr.git("remote", "set-url", "origin", f"git://127.0.0.1:{free_port()}/t.git")
    result = fr.run("sponsors", "t", "add", "France")
    assert result.returncode == 0 and "offline" in result.stderr and result.stderr.count("\n") == 1
    fr.git("remote", "set-url", "origin", url)
    fr.ok("amend", "t", "delete", "OP3", "--offline")  # --offline after a sub-verb too: nothing sent
    assert len(fr.git("rev-list", "origin/main..HEAD").split()) == 2
    assert "2 sent" in fr.ok("sync", "t")
    assert "France" in sponsors(machines["Secretariat"]) or machines["Secretariat"].ok("sync", "t")
    assert "France" in sponsors(machines["Secretariat"])


def test_a_remote_that_never_answers_is_offline_within_the_timeout_and_nothing_is_lost(machines, run_process):
    """Real processes (each killed by the test runner after 300 s: a hang fails, never blocks)."""
    fr = machines["France"]
    proc = Machine("France", fr.root, run_process)
    url = fr.git("remote", "get-url", "origin").strip()
    quick = {"DRAFTROOM_NETWORK_TIMEOUT": "1"}
    with silent_remote() as silent:
        fr.git("remote", "set-url", "origin", silent)
        acted = proc.run("sponsors", "t", "add", "France", env=quick)  # its own sync: kept, with a notice
        assert acted.returncode == 0 and acted.stderr.count("\n") == 1, acted.stderr
        assert "did not answer in 1 s" in acted.stderr and "next `draftroom sync`" in acted.stderr
        assert "France" in sponsors(fr)
        fr.git("config", "draftroom.timeout", "1.5")  # the clone's own setting, without the variable
        synced = proc.run("sync", "t")
        assert synced.returncode != 0 and synced.stderr.count("\n") == 1, synced.stderr
        assert "did not answer in 1.5 s" in synced.stderr and "1 action(s) wait here" in synced.stderr
        cloned = proc.run("clone", silent, "elsewhere", env=quick)
        assert cloned.returncode != 0 and cloned.stderr.count("\n") == 1, cloned.stderr
        assert "cannot reach" in cloned.stderr and "did not answer" in cloned.stderr
        assert not (fr.home / "elsewhere").exists()
        for value in ("soon", "-3"):
            bad = fr.run("sync", "t", env={"DRAFTROOM_NETWORK_TIMEOUT": value})
            assert bad.returncode != 0 and bad.stderr.count("\n") == 1, bad.stderr
            assert f"$DRAFTROOM_NETWORK_TIMEOUT is '{value}'" in bad.stderr and "seconds" in bad.stderr
    fr.git("remote", "set-url", "origin", url)
    assert "1 sent" in fr.ok("sync", "t")
    assert "France" in sponsors(machines["Japan"]) or machines["Japan"].ok("sync", "t")
    assert "France" in sponsors(machines["Japan"])


def test_a_remote_whose_history_no_longer_holds_the_clones_is_refused_and_nothing_changes(machines, daemon):
    """The remote replaced by another negotiation (or rewritten on the server): sync refuses in one
    line, the clone keeps its history and its view of the remote, and says so again next time (it
    replayed every commit of the old history as its own, and became the other negotiation)."""
    from store_support import sample_document

    from draftroom.workflow import negotiation as wf

    sec, fr = machines["Secretariat"], machines["France"]
    doc = sample_document()
    doc.title = "Another negotiation"
    wf.create_negotiation("u", doc, facilitator="Pakistan", actor="Secretariat", home=sec.home)
    sec.ok("host", "u", "--at", str(daemon.root / "u.git"))
    fr.ok("sponsors", "t", "add", "France")
    before = fr.git("rev-parse", "HEAD", "refs/remotes/origin/main")
    fr.git("remote", "set-url", "origin", daemon.url("u.git"))
    for _ in range(2):
        result = fr.run("sync", "t")
        assert result.returncode != 0, result.stdout
        (line,) = result.stderr.strip().splitlines()
        assert "no longer holds" in line and before.split()[1][:10] in line, line
        assert fr.git("rev-parse", "HEAD", "refs/remotes/origin/main") == before
    assert "Another negotiation" not in fr.ok("show", "t")


def test_a_clone_judges_what_it_receives_and_takes_nothing_from_an_unguarded_server(machines, daemon):
    """A server that does not guard (its hooks bypassed, or a forge that never installed them) hands
    out a commit nobody may make: an unsigned one changing Japan's sponsorship. The next sync of
    another clone refuses it in one line naming it, and takes nothing: its history, its view of the
    remote and its own waiting action stay; a server that guards again is synced with as before."""
    fr, jp = machines["France"], machines["Japan"]
    fr.git("config", "user.name", "France")
    jp.ok("sponsors", "t", "add", "Japan")
    fr.ok("sync", "t")
    (fr.neg() / "sponsors" / "japan.json").unlink()
    fr.git("add", "-A")
    fr.git("commit", "-q", "-m", "Japan leaves\n\nAction: sponsor-remove\nActor: Japan")
    forged = fr.git("rev-parse", "HEAD").strip()
    bare = daemon.root / "t.git"
    good = subprocess.run(["git", "-C", str(bare), "rev-parse", "main"], capture_output=True, text=True)
    subprocess.run(  # past the hooks: a fetch into the bare repository runs none
        ["git", "-C", str(bare), "fetch", "-q", str(fr.neg()), "HEAD:main"], check=True
    )
    aid = jp.ok("amend", "t", "delete", "OP3", "--offline").strip()
    before = jp.git("rev-parse", "HEAD", "refs/remotes/origin/main")
    for _ in range(2):
        result = jp.run("sync", "t")
        assert result.returncode != 0, result.stdout
        (line,) = result.stderr.strip().splitlines()
        assert forged[:10] in line and "breaks its rules" in line and "unsigned" in line, line
        assert jp.git("rev-parse", "HEAD", "refs/remotes/origin/main") == before
    assert "Japan" in sponsors(jp) and aid in jp.ok("amendments", "t")
    subprocess.run(["git", "-C", str(bare), "update-ref", "refs/heads/main", good.stdout.strip()], check=True)
    assert "1 sent" in jp.ok("sync", "t")
    assert json.loads(jp.ok("verify", "t", "--json")) == {"ok": True, "problems": []}


def test_bad_remotes_are_one_line(machines, daemon, tmp_path, run_cli):
    jp = machines["Japan"]
    other = daemon.root / "plain.git"
    subprocess.run(["git", "init", "-q", "--bare", str(other)], check=True)
    work = tmp_path / "plain"
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    subprocess.run(["git", "-C", str(work), "push", "-q", str(other), "HEAD:main"], check=True)
    for url, why in (
        (
            f"git://127.0.0.1:{free_port()}/t.git",
            "unable to connect to 127.0.0.1: 127.0.0.1[0: 127.0.0.1]: errno=Connection refused",
        ),
        (
            daemon.url("missing.git"),
            f"cannot clone {daemon.url('missing.git')}: fatal: remote error: "
            "access denied or repository not exported: /missing.git",
        ),
        (daemon.url("plain.git"), "not a hosted draftroom negotiation"),
    ):
        result = jp.run("clone", url, "x")
        assert result.returncode != 0 and result.stderr.count("\n") == 1 and why in result.stderr, (
            result.stderr
        )
        assert not (jp.home / "x").exists()


def test_a_sync_that_lost_the_race_waits_a_random_share_of_a_window_that_grows_with_each_loss():
    import random

    from draftroom.workflow.hosting import backoff

    random.seed(12)
    means = []
    for attempt in range(1, 8):
        window = 0.5 * min(2**attempt, 16)
        waits = [backoff(attempt, 0.5) for _ in range(400)]
        assert 0 <= min(waits) < window / 10 and window * 0.9 < max(waits) <= window  # spread over it
        means.append(sum(waits) / len(waits))
    assert means[0] < means[1] < means[2] < means[3] and max(means) < 0.6 * 8  # doubling, then capped
    assert max(backoff(9, 60.0) for _ in range(100)) <= 30.0
