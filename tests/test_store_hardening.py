"""A hostile copy of a negotiation: its own config and hooks, hand edits, a half-done git merge, a forged
index row and a rewritten history. draftroom runs none of the sender's code and builds on nothing git
does not hold."""

import sqlite3
import subprocess
from pathlib import Path

import pytest
from store_support import git, home_with_t


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return home_with_t(tmp_path)


def _hook(path: Path, marker: Path) -> None:
    path.write_text(f"#!/bin/sh\necho ran >> {marker}\n")
    path.chmod(0o755)


def test_hooks_in_the_repository_never_run(run_cli, home, tmp_path):
    neg = home / "t"
    marker = tmp_path / "ran"
    for hook in (
        "post-commit",
        "prepare-commit-msg",
        "reference-transaction",
        "post-index-change",
        "pre-commit",
    ):
        _hook(neg / ".git" / "hooks" / hook, marker)
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert "France" in git(neg, "show", "HEAD:sponsors/france.json")


@pytest.mark.parametrize(
    "key", ["core.fsmonitor", "core.hooksPath", "core.sshCommand", "filter.x.clean", "include.path"]
)
def test_config_that_would_run_a_program_is_refused_in_one_line(run_cli, home, tmp_path, key):
    neg = home / "t"
    marker = tmp_path / "ran"
    _hook(tmp_path / "prog", marker)
    (tmp_path / "more.config").write_text(f"[core]\n\tfsmonitor = {tmp_path / 'prog'}\n")
    git(neg, "config", key, str(tmp_path / ("more.config" if key == "include.path" else "prog")))
    head = git(neg, "-c", "include.path=/dev/null", "rev-parse", "HEAD")
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and key.lower() in result.stderr and "--unset-all" in result.stderr
    assert git(neg, "-c", "core.fsmonitor=false", "rev-parse", "HEAD") == head
    assert not marker.exists()


def test_settings_a_users_own_git_makes_are_accepted(run_cli, home, tmp_path):
    neg = home / "t"
    for key, value in (
        ("core.autocrlf", "input"),
        ("core.filemode", "false"),
        ("core.ignorecase", "true"),
        ("core.precomposeunicode", "true"),
        ("core.safecrlf", "warn"),
        ("pull.rebase", "true"),
        ("init.defaultBranch", "main"),
        ("commit.gpgSign", "true"),  # with no key set up: draftroom's own commit must not try to sign
        ("color.ui", "auto"),
    ):
        git(neg, "config", key, value)
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert result.returncode == 0, result.stderr
    assert git(neg, "log", "-1", "--format=%an %G?").split() == ["France", "N"]
    for key in ("core.editor", "core.pager", "gpg.program", "remote.origin.uploadpack"):  # these run programs
        git(neg, "config", key, str(tmp_path / "prog"))
        result = run_cli("sponsors", "t", "remove", "France", "--as", "France", "--home", str(home))
        assert result.returncode != 0 and key.lower() in result.stderr.lower(), key
        git(neg, "config", "--unset-all", key)


def test_an_action_refuses_hand_edits_and_keeps_them(run_cli, home):
    neg = home / "t"
    edited = neg / "text" / "op-1.txt"
    edited.write_text("text no commit holds\n", encoding="utf-8")
    head = git(neg, "rev-parse", "HEAD")
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert result.returncode != 0 and "text/op-1.txt" in result.stderr and "committed state" in result.stderr
    assert edited.read_text(encoding="utf-8") == "text no commit holds\n"
    assert git(neg, "rev-parse", "HEAD") == head


def test_export_may_not_write_inside_a_negotiation(run_cli, home):
    for out in (home / "t" / "draft.docx", home / "t" / "text" / "x.txt", home / "t" / ".git" / "x.md"):
        result = run_cli("export", "t", "-o", str(out), "--home", str(home))
        assert result.returncode != 0 and "inside the negotiation" in result.stderr, result.stderr
        assert not out.exists()
    assert git(home / "t", "status", "--porcelain") == ""


def test_an_action_during_an_unresolved_merge_refuses_and_keeps_the_merge(run_cli, home):
    neg = home / "t"
    git(neg, "checkout", "-q", "-b", "other")
    (neg / "text" / "op-1.txt").write_text("one\n", encoding="utf-8")
    git(neg, "commit", "-qam", "one")
    git(neg, "checkout", "-q", "main")
    (neg / "text" / "op-1.txt").write_text("two\n", encoding="utf-8")
    git(neg, "commit", "-qam", "two")
    merge = subprocess.run(["git", "-C", str(neg), "merge", "other"], capture_output=True, text=True)
    assert merge.returncode != 0
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert (
        result.returncode != 0
        and "merge is in progress" in result.stderr
        and "merge --abort" in result.stderr
    )
    assert (neg / ".git" / "MERGE_HEAD").is_file()
    assert "<<<<<<<" in (neg / "text" / "op-1.txt").read_text(encoding="utf-8")


def test_a_forged_index_row_is_not_believed(run_cli, home):
    assert run_cli("reindex", "t", "--home", str(home)).returncode == 0  # the index exists and is current
    db = sqlite3.connect(home / "index.sqlite")
    db.execute(
        "INSERT INTO dr_sponsor (negotiation, position, name, iso3, main, joined) VALUES (?, 9, 'Narnia', 'NAR', 1, '2020-01-01')",
        (str(home / "t"),),
    )
    db.commit()
    db.close()
    listed = run_cli("sponsors", "t", "--home", str(home))
    assert listed.returncode == 0 and "Narnia" not in listed.stdout and "China" in listed.stdout


def test_a_history_rewritten_behind_draftroom_is_refused_until_reindexed(run_cli, home):
    for state in ("France", "Japan"):
        assert run_cli("sponsors", "t", "add", state, "--as", state, "--home", str(home)).returncode == 0
    git(home / "t", "reset", "-q", "--hard", "HEAD~2")
    result = run_cli("sponsors", "t", "add", "Chile", "--as", "Chile", "--home", str(home))
    assert result.returncode != 0 and "rewritten" in result.stderr and "reindex" in result.stderr
    assert run_cli("reindex", "t", "--home", str(home)).returncode == 0
    assert run_cli("sponsors", "t", "add", "Chile", "--as", "Chile", "--home", str(home)).returncode == 0
    names = run_cli("sponsors", "t", "--home", str(home)).stdout
    assert "Chile" in names and "France" not in names
