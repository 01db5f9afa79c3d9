"""Entry point: builds the argument parser from every `*_cmd` module and turns errors into one line.

Each command module defines `ORDER` (its place in `--help`) and `register(subparsers)`, which adds
its verbs and sets `func(args) -> int` on each.
"""

import argparse
import importlib
import os
import pkgutil
import sys
from types import ModuleType
from typing import NoReturn

import draftroom.cli as cli_package
from draftroom import __version__
from draftroom.errors import DraftroomError


def _command_modules() -> list[ModuleType]:
    names = [m.name for m in pkgutil.iter_modules(cli_package.__path__) if m.name.endswith("_cmd")]
    modules = [importlib.import_module(f"draftroom.cli.{n}") for n in names]
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 100))


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error (not the usage block)."""

    def error(self, message: str) -> NoReturn:
        verb = self.prog.removeprefix("draftroom").strip()
        where = f"{verb}: " if verb else ""
        self.exit(2, f"draftroom: error: {where}{message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="draftroom",
        description="Draft and negotiate United Nations resolutions: parse, propose, revise, diff, export.",
    )
    parser.add_argument("--version", action="version", version=f"draftroom {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DraftroomError as e:
        print(f"draftroom: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("draftroom: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last guard: a user never sees a traceback
        if os.environ.get("DRAFTROOM_DEBUG"):
            raise
        print(
            f"draftroom: internal error: {type(e).__name__}: {e} "
            "(set DRAFTROOM_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return 70
