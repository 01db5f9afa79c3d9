"""The command line's argparse parser, built from the command modules (COMMANDS): for `--help`, a
mistake, and every verb or form `draftroom.cli.quick` leaves to it.

A command imports only the module that defines its verb, and that module imports the workflow only
inside the handler that runs: `draftroom show` loads neither the export nor the parse modules, nor
the libraries behind them. `--help`, and a verb nobody defines, load every module.
"""

import argparse
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any, NoReturn, cast

from draftroom import __version__
from draftroom.cli.main import COMMANDS

Register = Callable[[argparse._SubParsersAction], None]


def registers(verb: str | None = None) -> list[Register]:
    """The `register` of the module defining `verb`; of every module when `verb` is None or unknown."""
    modules = [m for m, verbs in COMMANDS.items() if verb in verbs] or list(COMMANDS)
    return [import_module(f"draftroom.cli.{m}").register for m in modules]


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error (not the usage block)."""

    def error(self, message: str) -> NoReturn:
        verb = self.prog.removeprefix("draftroom").strip()
        where = f"{verb}: " if verb else ""
        self.exit(2, f"draftroom: error: {where}{message} (see `{self.prog} --help`)\n")


class _Unbuilt:
    """What the verbs of a command not being run are registered on: it takes every call and builds
    nothing (argparse spends milliseconds on each parser and option it builds)."""

    def __getattr__(self, _name: str) -> Callable[..., "_Unbuilt"]:
        return self._take

    def _take(self, *_args: object, **_kwargs: object) -> "_Unbuilt":
        return self


class _Verbs(argparse._SubParsersAction):
    """The verbs; once `only` names the verb being run, the others are not built."""

    only: str | None = None

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return super().add_parser(name, **kwargs) if self.only in (None, name) else _Unbuilt()


def _defines(more: Sequence[Register], verb: str) -> bool:
    """Whether one of the program's other front ends defines `verb` (`draftroom tui`): then no command
    module loads (a verb nobody defines loads them all, to name every verb)."""
    probe = argparse.ArgumentParser().add_subparsers()
    for register in more:
        register(probe)
    return verb in probe.choices


def build_parser(more: Sequence[Register] = (), verb: str | None = None) -> argparse.ArgumentParser:
    """The parser of `verb` (default: of every verb): the command line's own, then `more` (the program's
    other front ends, always added: they are cheap)."""
    parser = _OneLineParser(
        prog="draftroom",
        description="Draft and negotiate United Nations resolutions: parse, propose, revise, diff, export.",
    )
    parser.add_argument("--version", action="version", version=f"draftroom {__version__}")
    sub = cast(_Verbs, parser.add_subparsers(dest="command", metavar="COMMAND", action=_Verbs))
    if any(verb in verbs for verbs in COMMANDS.values()):
        sub.only = verb
    own = [] if verb is not None and sub.only is None and _defines(more, verb) else registers(verb)
    for register in (*own, *more):
        register(sub)
    for verb_parser in sub.choices.values():  # every verb that acts may skip the sync of a hosted negotiation
        if any(a.dest == "actor" for a in verb_parser._actions) and verb_parser.prog.split()[-1] not in (
            "sync",
            "verify",
        ):
            verb_parser.add_argument(
                "--offline", action="store_true", help="do not sync a hosted negotiation"
            )
            for nested in verb_parser._actions:  # and after a sub-verb: `amend NAME delete OP3 --offline`
                if isinstance(nested, argparse._SubParsersAction):
                    for child in nested.choices.values():
                        child.add_argument(
                            "--offline",
                            action="store_true",
                            default=argparse.SUPPRESS,
                            help=argparse.SUPPRESS,
                        )
    return parser
