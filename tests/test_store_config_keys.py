"""A repository's own config is read for its keys without starting git when it is in the plain form
git and draftroom write (store.gitsafe._plain_keys); every other form is left to git. Checked against
`git config --name-only --list` itself on each text, and through a command that must be refused."""

import subprocess

import pytest

from draftroom.errors import DraftroomError
from draftroom.store import gitsafe

PLAIN = [
    "",
    "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n"
    "\tquotePath = false\n[user]\n\tname = draftroom\n\temail = draftroom@draftroom.invalid\n"
    "[gc]\n\tautoDetach = false\n\tauto = 256\n",
    '[remote "origin"]\n\turl = git://un.example/trafficking.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'
    '[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/main\n[Remote "Up-Stream"]\n\tURL = /srv/x.git\n',
    "[receive]\n\tdenyNonFastForwards = true\n\tdenyDeletes = true\n[draftroom]\n"
    "\troot = ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0 Secretariat\n\tdatabase = postgresql://u@h/db\n",
    "# a comment\n; another\n[user]\n  name=Ана Мария  \n\temail =a@b.example\n",
    '[core]\n\thooksPath = /tmp/prog\n[filter "x"]\n\tclean = /tmp/prog\n',
]
OTHER = [
    '[core]\n\tsshCommand = "ssh -i key"\n',  # quoted
    "[core]\n\tfsmonitor = /tmp/a\\\nb\n",  # continued
    "[core]\n\tbare = false # why\n",  # a comment after the value
    "[core] bare = false\n",  # a key on the header's line
    "[core]\n\tbare\n",  # a key without a value
    "\ufeff[core]\n\tbare = false\n",  # a byte-order mark
    "[core.sub]\n\tbare = false\n",  # the old subsection form
    '[remote "a\\"b"]\n\turl = x\n',  # an escape in a subsection
    "\tbare = false\n",  # a key before any section
    "[core]\n\tfsmonitor = /tmp/a\x00b\n",
    "[core]\n\tbare = false\r\n",  # a carriage return
    "[core]\n\tbare = false\rfsmonitor = /tmp/prog\n",
]


def _git_keys(path) -> list[str] | None:
    done = subprocess.run(
        ["git", "config", "--file", str(path), "--no-includes", "--name-only", "--list"],
        capture_output=True,
        text=True,
    )
    return done.stdout.split() if done.returncode == 0 else None


@pytest.mark.parametrize("text", PLAIN)
def test_a_plain_config_is_read_as_git_reads_it(tmp_path, text):
    config = tmp_path / "config"
    config.write_bytes(text.encode())
    assert gitsafe._plain_keys(config) == _git_keys(config)


@pytest.mark.parametrize("text", OTHER)
def test_any_other_form_is_left_to_git(tmp_path, text):
    config = tmp_path / "config"
    config.write_bytes(text.encode())
    assert gitsafe._plain_keys(config) is None


@pytest.mark.parametrize("text", ['[core]\n\tfsmonitor = "/tmp/prog"\n', "[core]\n\thooksPath = /tmp/prog\n"])
def test_a_config_that_runs_a_program_is_refused_in_either_form(tmp_path, text):
    (tmp_path / "config").write_text(text)
    with pytest.raises(DraftroomError, match="could run a program"):
        gitsafe.check_config(tmp_path)


def test_the_configs_draftroom_writes_need_no_git(tmp_path, run_cli, monkeypatch):
    assert run_cli("demo", "--home", str(tmp_path / "home")).returncode == 0
    config = tmp_path / "home" / "demo" / ".git" / "config"
    subprocess.run(["git", "-C", str(config.parent), "remote", "add", "origin", "/srv/x.git"], check=True)
    assert gitsafe._plain_keys(config) == _git_keys(config)
    monkeypatch.setattr(subprocess, "run", None)  # any git process started would fail
    gitsafe._checked.clear()
    assert "remote.origin.url" in gitsafe.config_keys(config.parent)
