"""`draftroom diff A B`: compare two drafts paragraph by paragraph."""

import argparse
import json
import sys
from pathlib import Path

from draftroom.cli.options import add_home
from draftroom.cli.printing import warn
from draftroom.errors import DraftroomError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff",
        help="compare two drafts paragraph by paragraph (terminal, JSON, HTML, Word tracked changes)",
        description=(
            "Compare two texts: two files (text, PDF or .docx, any language), NAME@REV NAME@REV "
            "(revisions of a negotiation: rev-0, Rev.1, latest), or NAME --from R --to R."
        ),
    )
    p.add_argument("a", metavar="A", help="the old text: a file, NAME@REV, or a negotiation NAME")
    p.add_argument("b", metavar="B", nargs="?", help="the new text: a file or NAME@REV")
    p.add_argument("--from", dest="from_rev", metavar="R", help="old revision of negotiation A")
    p.add_argument("--to", dest="to_rev", metavar="R", help="new revision of negotiation A (default latest)")
    p.add_argument(
        "--lang", help="a negotiation's sides in its version in this language (fr, es, ru, ar, zh)"
    )
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("--html", metavar="FILE", help="also write a self-contained HTML page")
    p.add_argument("--docx", metavar="FILE", help="also write a Word document with tracked changes")
    p.add_argument("--author", default="draftroom", help="author of the tracked changes (default draftroom)")
    p.add_argument("--all", action="store_true", help="show unchanged paragraphs too")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the terminal")
    add_home(p)
    p.set_defaults(func=run)


def _check_output(path: str | None, suffixes: tuple[str, ...]) -> None:
    """--html / --docx named for what is written to it, before any work is done."""
    if path and Path(path).suffix.lower() not in suffixes:
        raise DraftroomError(f"{path}: name the file {' or '.join(suffixes)} for this output")


def run(args: argparse.Namespace) -> int:
    from draftroom.workflow import comparing
    from draftroom.workflow.writing import write_atomically

    _check_output(args.html, (".html", ".htm"))
    _check_output(args.docx, (".docx",))
    redline = comparing.compare_sides(args.a, args.b, args.from_rev, args.to_rev, args.home, args.lang)
    for warning in redline.warnings:
        warn(warning)
    if args.html:
        write_atomically(Path(args.html), comparing.render_html(redline))
    if args.docx:
        comparing.write_redline_docx(redline, args.docx, args.author)
    if args.json:
        print(json.dumps(comparing.to_json_dict(redline), ensure_ascii=False, indent=1))
    else:
        colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(comparing.render_text(redline, colour, args.all))
    return 0
