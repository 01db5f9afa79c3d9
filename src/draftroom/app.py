"""The program: the command line with the terminal UI's verbs wired in. The `draftroom` console
script and `python -m draftroom` start here.

This is the composition root, above both front ends, so that `draftroom.cli` never imports
`draftroom.tui` (the import-linter layers say so). The TUI, and Textual with it, is imported only when
`draftroom tui` or `draftroom demo` runs: every other verb starts without it.
"""

from __future__ import annotations

from draftroom.cli import quick
from draftroom.cli.main import main as cli_main

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse


def _tui(args: argparse.Namespace) -> int:
    import gc

    # the TUI's start creates the objects of Textual's and draftroom's modules by the hundred thousand:
    # no cyclic collection walks them while they are made (launch.run freezes them, then collects again)
    gc.disable()
    from draftroom.tui.launch import run

    return run(args.name, home=args.home, actor=args.actor)


def _demo(args: argparse.Namespace) -> int:
    from draftroom.tui.launch import demo

    print(demo(home=args.home))
    return 0


def register_tui(sub: argparse._SubParsersAction) -> None:
    """`draftroom tui [NAME]` opens the negotiating room; `draftroom demo` creates the demo negotiation."""
    from draftroom.cli.options import add_home

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


# `draftroom tui [NAME] [--home H] [--as WHO] [--offline]` read without argparse (see draftroom.cli.quick):
# importing it and building the verb's parser cost the room's first paint a tenth of its own start
QUICK = {"tui": quick.Verb(_tui, (("name", "?", None),), {**quick.HOME, **quick.ACTING})}


def main(argv: list[str] | None = None) -> int:
    """Run `draftroom ARGV...` (default: the process's arguments); returns the exit status."""
    return cli_main(argv, more=(register_tui,), quick_more=QUICK)
