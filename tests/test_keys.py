"""Signing keys made with the real ssh-keygen, registered by the Secretariat, and actions signed with them."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ok
from store_support import git, home_with_t


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return home_with_t(tmp_path)


def _fingerprint(pub: Path) -> str:
    return subprocess.run(
        ["ssh-keygen", "-lf", str(pub)], capture_output=True, text=True, check=True
    ).stdout.split()[1]


def test_keys_new_makes_an_ed25519_key_once_and_prints_its_public_line_last(run_cli):
    first = ok(run_cli("keys", "new", "--as", "France"))
    private = Path(os.environ["XDG_CONFIG_HOME"]) / "draftroom" / "keys" / "france"
    assert private.is_file() and private.with_name("france.pub").is_file()
    last = first.splitlines()[-1]
    assert last.startswith("ssh-ed25519 AAAA") and last == private.with_name("france.pub").read_text().strip()
    again = ok(run_cli("keys", "new", "--as", "France"))
    assert again.splitlines()[-1] == last and "already here" in again


def test_the_secretariat_registers_a_key_and_actions_are_signed_with_it(run_cli, home):
    ok(run_cli("keys", "new", "--as", "France"))
    pub = Path(os.environ["XDG_CONFIG_HOME"]) / "draftroom" / "keys" / "france.pub"
    ok(run_cli("keys", "add", "t", "France", str(pub), "--as", "Secretariat", "--home", str(home)))
    listed = json.loads(ok(run_cli("keys", "t", "--json", "--home", str(home))))
    assert listed == [
        {
            "delegation": "France",
            "fingerprint": _fingerprint(pub),
            "key": " ".join(pub.read_text().split()[:2]),
        }
    ]
    assert (
        git(home / "t", "log", "-1", "--format=%an|%(trailers:key=Action,valueonly)").strip()
        == "Secretariat|keys-add"
    )

    ok(run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home)))
    sig = git(
        home / "t", "-c", "gpg.ssh.allowedSignersFile=/dev/null", "log", "-1", "--format=%G?|%GF|%an"
    ).strip()
    assert sig == f"U|{_fingerprint(pub)}|France"


def test_in_a_hosted_negotiation_an_actor_without_a_key_gets_one_line_saying_how_to_make_one(run_cli, home):
    ok(run_cli("keys", "new", "--as", "France"))
    pub = Path(os.environ["XDG_CONFIG_HOME"]) / "draftroom" / "keys" / "france.pub"
    ok(run_cli("keys", "add", "t", "France", str(pub), "--as", "Secretariat", "--home", str(home)))
    head = git(home / "t", "rev-parse", "HEAD")
    result = run_cli("sponsors", "t", "add", "Japan", "--as", "Japan", "--home", str(home))
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "Japan has no signing key" in result.stderr and "draftroom keys new --as Japan" in result.stderr
    assert git(home / "t", "rev-parse", "HEAD") == head


def test_a_private_key_others_can_read_is_one_line_saying_how_to_protect_it(run_cli, home):
    """ssh-keygen ignores such a key ("UNPROTECTED PRIVATE KEY FILE"); a key copied from another
    machine often lands so. The action said: "git commit-tree failed ...: No private key found"."""
    ok(run_cli("keys", "new", "--as", "France"))
    private = Path(os.environ["XDG_CONFIG_HOME"]) / "draftroom" / "keys" / "france"
    private.chmod(0o644)
    head = git(home / "t", "rev-parse", "HEAD")
    result = run_cli("sponsors", "t", "add", "France", "--as", "France", "--home", str(home))
    assert result.returncode != 0 and result.stderr.count("\n") == 1, result.stderr
    assert f"chmod 600 {private}" in result.stderr and "0644" in result.stderr, result.stderr
    assert git(home / "t", "rev-parse", "HEAD") == head


@pytest.mark.parametrize("content", ["not a key\n", "ssh-ed25519 ***notbase64***\n", None])
def test_a_bad_key_file_is_one_line(run_cli, home, tmp_path, content):
    bad = tmp_path / "bad.pub"
    if content is not None:
        bad.write_text(content)
    result = run_cli("keys", "add", "t", "France", str(bad), "--as", "Secretariat", "--home", str(home))
    assert result.returncode != 0 and result.stderr.count("\n") == 1 and "bad.pub" in result.stderr


def test_only_the_secretariat_registers_keys(run_cli, home):
    ok(run_cli("keys", "new", "--as", "France"))
    pub = Path(os.environ["XDG_CONFIG_HOME"]) / "draftroom" / "keys" / "france.pub"
    result = run_cli("keys", "add", "t", "France", str(pub), "--as", "France", "--home", str(home))
    assert result.returncode != 0 and "only the Secretariat" in result.stderr
