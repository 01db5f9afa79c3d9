"""The command line: builds the argument parser from the command modules and turns errors into one line.

Each command module defines `register(subparsers)`, which adds its verbs and sets `func(args) -> int`
on each. The program (`draftroom.app`) adds the terminal UI's verbs through `more`: the command line
itself never imports the TUI.

A command imports only the module that defines its verb (COMMANDS), and that module imports the
workflow only inside the handler that runs: `draftroom show` loads neither the export nor the parse
modules, nor the libraries behind them. `--help`, and a verb nobody defines, load every module.
"""

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any, NoReturn, cast

from draftroom import __version__
from draftroom.errors import DraftroomError
from draftroom.model.text_rules import check_argument

OFFLINE_ENV = "DRAFTROOM_OFFLINE"  # the workflow's hosting.OFFLINE_ENV, set without loading it
Register = Callable[[argparse._SubParsersAction], None]
COMMANDS: dict[
    str, tuple[str, ...]
] = {  # module of draftroom.cli -> the verbs it registers, as `--help` lists them
    "parse_cmd": ("parse",),
    "negotiation_cmd": ("new", "show", "sponsors", "revise", "table", "log", "undo", "list", "reindex"),
    "amend_cmd": (
        "amend",
        "amendments",
        "withdraw",
        "support",
        "submit",
        "accept",
        "reject",
        "comment",
        "compromise",
        "mark",
        "bracket",
        "unbracket",
        "roles",
        "compile",
    ),
    "diff_cmd": ("diff",),
    "export_cmd": ("export",),
    "hosting_cmd": ("keys", "host", "clone", "sync", "verify", "guard"),
    "translations_cmd": ("translations", "translate"),
}


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


class _Notices(logging.Handler):
    """What the workflow has to say beside a command's result (offline, refused): one line each."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"draftroom: {record.getMessage()}", file=sys.stderr)


# The workflow names what fixes an error by concept (DraftroomError.fix); the CLI adds its own option.
FLAGS = {
    "text": "--text",
    "place": "--after LABEL or --before LABEL",
    "find": "--find",
    "force": "--force",
    "as": "--as WHO",
    "from-to": "--from/--to",
}


def _check_text_arguments(argv: list[str]) -> None:
    """Arguments and variables that are not UTF-8 text are refused before anything reads them."""
    for number, arg in enumerate(argv, 1):
        before = argv[number - 2] if number > 1 else ""
        check_argument(arg, f"the value of {before}" if before.startswith("--") else f"argument {number}")
    for var in ("DRAFTROOM_HOME", "DRAFTROOM_AS"):
        check_argument(os.environ.get(var, ""), f"${var}")


def main(argv: list[str] | None = None, more: Sequence[Register] = ()) -> int:
    given = sys.argv[1:] if argv is None else argv
    try:
        _check_text_arguments(given)
    except DraftroomError as e:
        print(f"draftroom: error: {e}", file=sys.stderr)
        return e.exit_code
    parser = build_parser(more, given[0] if given and not given[0].startswith("-") else None)
    args = parser.parse_args(given)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "offline", False):
        os.environ[OFFLINE_ENV] = "1"
    notices = _Notices()
    log = logging.getLogger("draftroom")
    log.addHandler(notices)
    try:
        return int(args.func(args) or 0)
    except DraftroomError as e:
        hint = f" ({FLAGS[e.fix]})" if e.fix in FLAGS else ""
        print(f"draftroom: error: {e}{hint}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("draftroom: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:
        if e.filename is None:
            return _internal(e)
        # a path the user gave that the system refuses (a name too long, a loop of links, no access)
        name = str(e.filename)
        shown = name if len(name) <= 80 else f"{name[:77]}..."
        print(f"draftroom: error: {shown}: {e.strerror or e}: give another path", file=sys.stderr)
        return 2
    except Exception as e:  # the last guard: a user never sees a traceback
        return _internal(e)
    finally:
        log.removeHandler(notices)


def _internal(e: Exception) -> int:
    if os.environ.get("DRAFTROOM_DEBUG"):
        raise e
    print(
        f"draftroom: internal error: {type(e).__name__}: {e} (set DRAFTROOM_DEBUG=1 for details and report it)",
        file=sys.stderr,
    )
    return 70
