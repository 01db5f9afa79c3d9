"""The command line: reads the arguments (`draftroom.cli.quick` the everyday verbs, else the argparse
parser of `draftroom.cli.parser`), runs the verb and turns errors into one line.

Each command module defines `register(subparsers)`, which adds its verbs and sets `func(args) -> int`
on each. The program (`draftroom.app`) adds the terminal UI's verbs through `more`: the command line
itself never imports the TUI. argparse loads only when the parser is built: a verb that quick reads
starts without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence

from draftroom import notices
from draftroom.cli import quick
from draftroom.errors import DraftroomError
from draftroom.model.text_rules import check_argument

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import logging
    from typing import Any

    from draftroom.cli.parser import Register

OFFLINE_ENV = "DRAFTROOM_OFFLINE"  # the workflow's hosting.OFFLINE_ENV, set without loading it
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


def main(
    argv: list[str] | None = None,
    more: Sequence[Register] = (),
    quick_more: Mapping[str, quick.Verb] | None = None,
) -> int:
    """`more` registers the program's other verbs with argparse; `quick_more` reads the same verbs
    without it, when written as quick reads them."""
    given = sys.argv[1:] if argv is None else argv
    try:
        _check_text_arguments(given)
    except DraftroomError as e:
        print(f"draftroom: error: {e}", file=sys.stderr)
        return e.exit_code
    args: Any = quick.parse(given, quick_more)  # an argparse.Namespace, or the same names quick read
    if args is None:
        from draftroom.cli.parser import build_parser

        parser = build_parser(more, given[0] if given and not given[0].startswith("-") else None)
        args = parser.parse_args(given)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
    if getattr(args, "offline", False):
        os.environ[OFFLINE_ENV] = "1"
    attached: list[tuple[logging.Logger, logging.Handler]] = []
    attach = None if quick.reads(args) else _notices(attached)
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
        if attach is not None:
            notices.forget(attach)
        for log, handler in attached:
            log.removeHandler(handler)


def _notices(attached: list[tuple[logging.Logger, logging.Handler]]) -> Callable[[logging.Logger], None]:
    """What the workflow has to say beside a command's result (offline, refused), one line each: a
    handler on the "draftroom" logger, attached when the logger is made (draftroom.notices: by the
    first module that speaks, at its import), kept in `attached`. A read never says anything, and
    an action on a negotiation that is not hosted loads nothing that speaks: neither loads `logging`."""

    def attach(log: logging.Logger) -> None:
        import logging

        class Notices(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                print(f"draftroom: {record.getMessage()}", file=sys.stderr)

        handler = Notices()
        log.addHandler(handler)
        attached.append((log, handler))

    notices.when_made(attach)
    return attach


def _internal(e: Exception) -> int:
    if os.environ.get("DRAFTROOM_DEBUG"):
        raise e
    print(
        f"draftroom: internal error: {type(e).__name__}: {e} (set DRAFTROOM_DEBUG=1 for details and report it)",
        file=sys.stderr,
    )
    return 70
