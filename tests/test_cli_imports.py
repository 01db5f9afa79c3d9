"""What a command loads: each verb, run as its own process, imports only what it needs. The read verbs
answer from git's plumbing, so neither GitPython nor SQLAlchemy (whose imports once cost more than the
commands themselves) nor the export and parse modules load for them; nor do actions on a negotiation
that is not hosted, which commit with git's plumbing too. Checked through sys.modules, not
by timing (the speed is bench/bench_commands.py's)."""

import argparse
import json
import os
import subprocess
import sys
from importlib import import_module

import pytest
from conftest import ROOT

from draftroom.cli.main import COMMANDS

# In a fresh interpreter: the program's main runs one verb (argv[1], a JSON list), then prints the
# loaded modules among those named (argv[2], a JSON list of top-level names or package prefixes).
_VERB_THEN_MODULES = """
import io, json, sys
from draftroom.app import main
out, sys.stdout = sys.stdout, io.StringIO()
code = main(json.loads(sys.argv[1]))
sys.stdout = out
heavy = json.loads(sys.argv[2])
print(code, json.dumps(sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))))
"""
HEAVY = [
    *("git", "sqlalchemy", "sqlmodel", "docx", "lxml", "pymupdf", "draftroom.export", "draftroom.parse"),
    # what a command once loaded at start-up without needing it: signing (for hosted negotiations
    # only), the config file's TOML reader (no config file here), OpenSSL's hashes, rich's width tables
    *("draftroom.store.signing", "tomllib", "hashlib", "_hashlib", "rich"),
]
READS = [
    ["show", "demo"],
    ["show", "demo", "--json"],
    ["amendments", "demo"],
    ["amendments", "demo", "--json", "--status", "pending"],
    ["log", "demo"],
    ["sponsors", "demo"],
    ["translations", "demo"],
    ["list"],
    ["list", "--json"],
]


def _loaded(verb: list[str], home: str, heavy: list[str] = HEAVY) -> tuple[int, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": home}
    done = subprocess.run(
        [sys.executable, "-c", _VERB_THEN_MODULES, json.dumps(verb), json.dumps(heavy)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    code, modules = done.stdout.strip().split(" ", 1)
    return int(code), json.loads(modules)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory) -> str:
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(home)}
    made = subprocess.run(
        [sys.executable, "-m", "draftroom", "demo"], env=env, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    return str(home)


@pytest.mark.parametrize("verb", READS, ids=" ".join)
def test_a_read_loads_neither_gitpython_nor_sql_nor_export(demo_home, verb):
    assert _loaded(verb, demo_home) == (0, [])


# what the everyday verbs, read by draftroom.cli.quick, once loaded to read their arguments: argparse,
# the translations of its messages (gettext), the terminal's width (shutil, with bz2 and lzma)
START_UP = ["argparse", "gettext", "shutil", "bz2", "lzma"]
# and to make the model's classes: dataclasses, with inspect, ast and dis (draftroom.record makes them)
START_UP += ["dataclasses", "inspect", "ast", "dis"]
# typing: its names are for annotations only (TYPE_CHECKING = False; mypy takes it as true)
START_UP += ["typing"]
# and to run git: subprocess, with signal (its enums), locale, selectors and threading (store.spawn
# starts git's processes with os.posix_spawnp)
START_UP += ["subprocess", "signal", "locale", "selectors", "threading"]
# and copy, with weakref: only to make a text in another language (`show --lang`, an export)
START_UP += ["copy", "weakref"]


@pytest.mark.parametrize("verb", READS, ids=" ".join)
def test_a_read_loads_neither_argparse_nor_logging(demo_home, verb):
    # logging: a read has nothing to say beside its result (an action may, when it syncs); datetime:
    # a read dates nothing (an action does)
    assert _loaded(verb, demo_home, [*START_UP, "logging", "datetime"]) == (0, [])


@pytest.mark.parametrize("verb", [["show", "demo"], ["show", "demo", "--json"]], ids=" ".join)
def test_the_working_text_loads_nothing_of_the_other_languages(demo_home, verb):
    # what once loaded with it: the other languages' workflow, model and store (a dozen dataclasses)
    languages = [
        "draftroom.workflow.translations",
        "draftroom.model.translation",
        "draftroom.store.translations",
    ]
    assert _loaded(verb, demo_home, languages) == (0, [])


def _proposed_by_china(env: dict[str, str]) -> str:
    """The id of China's proposal of OP1 the tests made (amendments --json --by China)."""
    listed = subprocess.run(
        [sys.executable, "-m", "draftroom", "amendments", "demo", "--json", "--by", "China"],
        capture_output=True,
        text=True,
        env=env,
    )
    return next(a["id"] for a in json.loads(listed.stdout) if a["text"] == "敦促各国批准；")


def test_an_action_loads_neither_gitpython_nor_sql_nor_export(demo_home):
    proposed = ["amend", "demo", "replace", "OP1", "--text", "敦促各国批准；", "--as", "China"]
    assert _loaded(proposed, demo_home, [*HEAVY, *START_UP, "logging", "datetime"]) == (0, [])  # says nothing
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": demo_home}
    ident = _proposed_by_china(env)
    for verb in (
        ["comment", "demo", ident, "--text", "同意", "--as", "Zambia"],
        ["support", "demo", ident, "--as", "Zambia"],
        ["withdraw", "demo", ident, "--as", "China", "--because", "重复"],
        ["sponsors", "demo", "add", "Iceland", "--as", "Iceland"],
        ["sponsors", "demo", "remove", "Iceland", "--as", "Iceland"],
    ):
        assert _loaded(verb, demo_home, [*HEAVY, *START_UP, "logging", "datetime"]) == (0, []), verb


# what a proposal or a decision once loaded without needing it: the listing's redlines (listing,
# compile), the other languages' workflow (for the ids of their proposals), carrying a proposal to a
# later revision, a formal amendments document's instructions
NOT_FOR_AN_ACTION = [
    *("draftroom.workflow.listing", "draftroom.workflow.compile", "draftroom.workflow.translations"),
    *("draftroom.workflow.carry", "draftroom.workflow.formal"),
]
# and what only a proposal needs: its patch (diff-match-patch), its notes checked, a move's tree
ONLY_FOR_A_PROPOSAL = [
    *("draftroom.workflow.patching", "draftroom.workflow.notes", "draftroom.workflow.tree"),
    *("diff_match_patch", "fast_diff_match_patch"),
]


def test_a_proposal_and_a_decision_load_only_their_own_workflow(tmp_path):
    home = str(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": home}
    made = subprocess.run([sys.executable, "-m", "draftroom", "demo"], env=env, capture_output=True)
    assert made.returncode == 0, made.stderr
    proposed = ["amend", "demo", "replace", "OP1", "--text", "敦促各国批准；", "--as", "China"]
    assert _loaded(proposed, home, NOT_FOR_AN_ACTION) == (0, [])
    ident = _proposed_by_china(env)
    for verb in (
        ["comment", "demo", ident, "--text", "同意", "--as", "Zambia"],
        ["support", "demo", ident, "--as", "Zambia"],
        ["accept", "demo", ident, "--as", "Belarus", "--because", "协商一致"],
    ):
        assert _loaded(verb, home, [*NOT_FOR_AN_ACTION, *ONLY_FOR_A_PROPOSAL]) == (0, []), verb


def test_each_command_module_registers_the_verbs_the_table_names():
    """The parser of one verb is built from its module alone (COMMANDS): the table must say which."""
    for module, verbs in COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        import_module(f"draftroom.cli.{module}").register(sub)
        assert tuple(sub.choices) == verbs, module


def test_help_and_an_unknown_verb_still_name_every_verb(run_cli):
    listed = run_cli("--help").stdout
    assert all(verb in listed for verbs in COMMANDS.values() for verb in verbs if verb != "guard")
    wrong = run_cli("shw", "demo")
    assert wrong.returncode == 2 and "'show'" in wrong.stderr and "'translate'" in wrong.stderr
