"""The everyday verbs read without argparse (draftroom.cli.quick): each namespace is the one argparse
builds, and whatever quick does not read in full (help, abbreviations, a mistake) it leaves to argparse."""

import argparse

import pytest

from draftroom.app import QUICK, register_tui
from draftroom.cli import quick
from draftroom.cli.parser import build_parser

READ = [
    ["show", "demo"],
    ["show", "demo", "--json", "--rev", "rev-0", "--lang", "fr", "--home", "/tmp/h"],
    ["amendments", "demo"],
    ["amendments", "demo", "--json", "--status", "pending", "--by", "China", "--on", "OP3", "--kind", "edit"],
    ["amendments", "demo", "--status", "conflicting", "--kind", "compromise"],
    ["log", "demo", "--json"],
    ["list"],
    ["list", "--json", "--home", "h"],
    ["sponsors", "demo"],
    ["sponsors", "demo", "--json"],
    ["sponsors", "demo", "add", "Iceland", "Norway", "--as", "Iceland", "--offline"],
    ["sponsors", "demo", "remove", "Iceland"],
    ["sponsors", "demo", "add"],
    ["translations", "demo"],
    ["translations", "demo", "proposals", "--json"],
    ["translations", "demo", "add", "fr.xml", "--lang", "fr", "--rev", "rev-0", "--as", "Secretariat"],
    ["withdraw", "demo", "CHN-1", "--as", "China", "--because", "重复"],
    ["support", "demo", "CHN-1", "--as", "Zambia", "--offline"],
    ["comment", "demo", "CHN-1", "--text", "同意", "--as", "Zambia"],
    ["comment", "demo", "CHN-1", "--text", ""],
    ["accept", "demo", "A-1", "B-2", "--as", "Belarus", "--because", "协商一致"],
    ["reject", "demo", "A-1"],
    ["reject", "demo", "A-1", "--reason", "no", "--offline"],
    ["amend", "demo", "replace", "OP1", "--text", "敦促各国批准；", "--as", "China"],
    ["amend", "demo", "replace", "OP1", "--text", "x", "--lang", "fr", "--offline", "--private"],
    ["amend", "demo", "edit", "OP4", "--find", "a", "--replace", "", "--with", "Chile,Peru", "--with", "Fi"],
    ["amend", "demo", "insert", "--after", "PP5", "--text", "new", "--because", "why", "--rev", "rev-0"],
    ["amend", "demo", "insert", "--before", "OP1", "--text", "new"],
    ["amend", "demo", "delete", "OP13", "--as", "Kazakhstan"],
    ["amend", "demo", "move", "OP2", "--after", "OP5"],
]

LEFT_TO_ARGPARSE = [
    ["show", "--json", "demo"],  # an option before a positional
    ["show", "demo", "--js"],  # an abbreviation
    ["show", "demo", "--rev=rev-0"],
    ["show", "demo", "-h"],
    ["show"],
    ["show", "demo", "other"],
    ["show", "demo", "--rev"],
    ["show", "demo", "--home", " "],
    ["amendments", "demo", "--status", "pendin"],
    ["sponsors", "demo", "China"],
    ["comment", "demo", "CHN-1"],  # --text is required
    ["accept", "demo"],
    ["withdraw", "demo", "CHN-1", "--because", "-x"],
    ["amend", "demo", "--from-document", "f.pdf"],
    ["amend", "demo", "--as", "China", "delete", "OP3"],
    ["amend", "demo", "insert", "--text", "new"],  # neither --after nor --before
    ["amend", "demo", "move", "OP2", "--after", "OP5", "--before", "OP1"],
    ["amend", "demo", "delete", "OP3", "--home", "h"],  # --home belongs before the kind
    ["amend", "demo", "replace", "--text", "x"],
    ["diff", "a", "b"],
    ["tui"],
]


# the verbs the program adds beside the command line's (draftroom.app), read alike
PROGRAM_READ = [
    ["tui"],
    ["tui", "demo"],
    ["tui", "demo", "--as", "China", "--home", "/tmp/h", "--offline"],
    ["tui", "--home", "h"],
]
PROGRAM_LEFT_TO_ARGPARSE = [
    ["tui", "--as"],
    ["tui", "a", "b"],
    ["tui", "-h"],
    ["tui", "demo", "--home", " "],
    ["tui", "demo", "--as=China"],
    ["tui", "--as", "China", "demo"],
    ["demo"],
]


def _argparse(argv: list[str]) -> argparse.Namespace:
    return build_parser((register_tui,), argv[0]).parse_args(argv)


def _same(ns: object) -> dict[str, object]:
    """The namespace's values; its handler by name (accept's and reject's are made per verdict)."""
    values = dict(vars(ns))
    func = values.pop("func")
    verdict = [c.cell_contents for c in func.__closure__ or ()]
    return {**values, "func": (func.__module__, func.__qualname__, verdict)}


@pytest.mark.parametrize("argv", READ, ids=" ".join)
def test_quick_reads_what_argparse_reads(argv):
    read = quick.parse(argv)
    assert read is not None
    assert _same(read) == _same(_argparse(argv))


@pytest.mark.parametrize("argv", LEFT_TO_ARGPARSE, ids=" ".join)
def test_anything_else_is_left_to_argparse(argv):
    assert quick.parse(argv) is None


@pytest.mark.parametrize("argv", PROGRAM_READ, ids=" ".join)
def test_quick_reads_the_programs_verbs_as_argparse_does(argv):
    read = quick.parse(argv, QUICK)
    assert read is not None
    assert _same(read) == _same(_argparse(argv))


@pytest.mark.parametrize("argv", PROGRAM_LEFT_TO_ARGPARSE, ids=" ".join)
def test_the_programs_verbs_otherwise_are_left_to_argparse(argv):
    assert quick.parse(argv, QUICK) is None


@pytest.mark.parametrize("verb", sorted(QUICK))
def test_each_of_the_programs_verbs_has_the_options_argparse_gives_it(verb):
    sub = next(
        a for a in build_parser((register_tui,), verb)._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert set(QUICK[verb].options) == _options(sub.choices[verb])


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")}


def _verb_parser(verb: str) -> argparse.ArgumentParser:
    sub = next(a for a in build_parser((), verb)._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[verb]


@pytest.mark.parametrize("verb", sorted(quick.VERBS))
def test_each_verb_has_the_options_argparse_gives_it(verb):
    """An option added to a verb's parser must be added to quick's too (or the verb would run without it)."""
    assert set(quick.VERBS[verb].options) == _options(_verb_parser(verb))


@pytest.mark.parametrize("kind", sorted(quick.AMEND_KINDS))
def test_each_kind_of_amendment_has_the_options_argparse_gives_it(kind):
    amend = _verb_parser("amend")
    kinds = next(a for a in amend._actions if isinstance(a, argparse._SubParsersAction))
    assert set(quick.AMEND_KINDS[kind].options) == _options(kinds.choices[kind])
    top = {a.dest: a.default for a in amend._actions if a.option_strings and a.dest != "help"}
    assert top == quick.AMEND_DEFAULTS
