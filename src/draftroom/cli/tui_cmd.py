"""`draftroom tui [NAME]` opens the negotiating room; `draftroom demo` creates the demo negotiation.

The CLI stays free of Textual (an import-linter contract): the TUI package is loaded only when one
of these verbs runs, by name, so `draftroom parse` and friends never pay for it.
"""

import argparse
import importlib
from types import ModuleType

from draftroom.cli.options import add_home

ORDER = 90


def _launcher() -> ModuleType:
    return importlib.import_module("draftroom.tui.launch")


def _tui(args: argparse.Namespace) -> int:
    return _launcher().run(args.name, home=args.home, actor=args.actor)


def _demo(args: argparse.Namespace) -> int:
    print(_launcher().demo(home=args.home))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "tui",
        help="open the negotiating room (a terminal UI); without NAME, the demo negotiation",
        description="The terminal UI: read the draft, propose and decide amendments, sponsors, history, export. "
        "Ctrl+P lists every action.",
    )
    p.add_argument("name", nargs="?", help="the negotiation to open (default: demo, created if missing)")
    add_home(p)
    p.add_argument("--as", dest="actor", metavar="WHO", help="who you are: a delegation or Secretariat")
    p.set_defaults(func=_tui)

    p = sub.add_parser("demo", help="create the demo negotiation (named demo) with a few proposals in")
    add_home(p)
    p.set_defaults(func=_demo)
