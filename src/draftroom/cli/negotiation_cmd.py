"""Verbs on negotiations: new, show, sponsors, revise, table, log, undo, list, reindex."""

from __future__ import annotations

import sys

from draftroom.cli.options import NAME_HELP, home_and_acting
from draftroom.cli.parse_cmd import outline
from draftroom.cli.printing import print_json, warn
from draftroom.errors import DraftroomError
from draftroom.model import Revision, part_letters
from draftroom.model.jsonform import to_dict

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse


# ---- handlers -----------------------------------------------------------------------------------------
def _new(args: argparse.Namespace) -> int:
    from draftroom.workflow import translations

    created = translations.new_with_translations(
        args.name,
        args.source,
        args.versions,
        symbol=args.symbol,
        facilitator=args.facilitator,
        actor=args.actor,
        lang=args.lang,
        home=args.home,
    )
    for warning in created.warnings:
        warn(warning)
    neg = created.negotiation
    doc = neg.document()
    texts = doc.divisions()
    parts = f" in {len(texts)} parts ({', '.join(part_letters(doc))})" if doc.parts else ""
    print(
        f"created {neg.name} at {neg.path}{parts}: {sum(len(t.preamble) for t in texts)} preambular and "
        f"{sum(len(t.operative) for t in texts)} operative paragraphs, {len(doc.sponsors)} sponsors (rev-0)"
        + (f"; aligned versions in {', '.join(created.languages)}" if created.languages else "")
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    if args.lang is None:  # the working text: the modules of the other languages need not load
        from draftroom.workflow.negotiation import show

        doc, not_current = show(args.name, args.rev, home=args.home), []
    else:
        from draftroom.workflow import translations

        shown = translations.in_language(args.name, args.lang, args.rev, home=args.home)
        doc, not_current = shown.document, shown.not_current
    if not_current:
        warn(f"not current in {doc.language}: {', '.join(not_current)}")
    if args.json:
        print_json(to_dict(doc))
    else:
        print("\n".join(outline(doc, columns=sys.maxsize)))  # the full text, not cut to the terminal
    return 0


def _sponsors(args: argparse.Namespace) -> int:
    from draftroom.workflow import negotiation as wf

    if args.op == "add":
        added = wf.add_sponsors(args.name, args.states, args.actor, home=args.home)
        kinds = {s.main for s in added}
        what = "main" if kinds == {True} else "additional" if kinds == {False} else "main and additional"
        print(f"added {len(added)} {what} sponsor(s): {', '.join(s.name for s in added)}")
        return 0
    if args.op == "remove":
        wf.remove_sponsors(args.name, args.states, args.actor, home=args.home)
        print(f"removed {len(args.states)} sponsor(s)")
        return 0
    if args.states:
        raise DraftroomError("to change sponsors write `sponsors NAME add STATE...` or `... remove STATE...`")
    listed = wf.sponsors(args.name, home=args.home)
    if args.json:
        print_json([{"name": s.name, "iso3": s.iso3, "main": s.main, "joined": s.joined} for s in listed])
        return 0
    for s in listed:
        print(f"{s.name:<45} {s.iso3 or '-':<5} {'main' if s.main else 'additional':<10} {s.joined}")
    return 0


def _revise(args: argparse.Namespace) -> int:
    from draftroom.workflow import revising

    done = revising.revise(args.name, args.actor, args.symbol, home=args.home)
    rev = done.cut
    symbol = f" {rev.symbol}" if rev.symbol else ""
    print(
        f"{args.name}: {rev.revision.name} ({rev.tag}){symbol}, {rev.date}; {revising.held(done.bracketed)}"
    )
    for warning in revising.revision_warnings(args.name, args.home):  # cross-references it broke
        warn(warning)
    return 0


def _table(args: argparse.Namespace) -> int:
    from draftroom.workflow import negotiation as wf

    when = wf.table(args.name, args.actor, args.symbol, home=args.home)
    print(f"{args.name}: tabled on {when}; sponsors added from now on are additional sponsors")
    return 0


def _log(args: argparse.Namespace) -> int:
    from draftroom.workflow import negotiation as wf

    entries = wf.log(args.name, home=args.home)
    if args.json:
        print_json([e.action.to_json() | {"labels": e.labels} for e in entries])
        return 0
    for e in entries:
        a = e.action
        where = ",".join(label or "(deleted)" for label in e.labels)
        produced = a.revision or ""
        print(
            f"{a.commit[:7]}  {a.when[:16].replace('T', ' ')}  {a.actor:<20} {a.action:<15} {where:<10} "
            f"{produced:<6} {a.summary}"
        )
    return 0


def _undo(args: argparse.Namespace) -> int:
    from draftroom.workflow import undoing

    undone = undoing.undo(args.name, args.id, args.actor, home=args.home)
    print(f"{args.name}: undid {undone.commit[:7]} ({undone.actor}: {undone.summary})")
    return 0


def _list(args: argparse.Namespace) -> int:
    from draftroom.workflow import negotiation as wf

    found = wf.list_negotiations(args.home)
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    if not found:
        print("no negotiations here yet: create one with `draftroom new NAME --from FILE`")
        return 0
    for s in found:
        title = s.title if len(s.title) <= 50 else s.title[:49] + "…"
        print(
            f"{s.name:<24} {s.symbol or '-':<24} {s.language:<3} {Revision(s.revision).name:<6} "
            f"{s.sponsor_count:>3} sponsors  {title}"
        )
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from draftroom.workflow import negotiation as wf

    count = wf.reindex(args.name, home=args.home)
    print(f"{args.name}: index rebuilt from git ({count} actions)")
    return 0


# ---- parser -----------------------------------------------------------------------------------------
def register(sub: argparse._SubParsersAction) -> None:
    home, acting = home_and_acting()

    p = sub.add_parser("new", parents=[home, acting], help="start a negotiation from a document (its rev-0)")
    p.add_argument("name", help="a name for the negotiation: letters, digits, '.', '-', '_'")
    p.add_argument(
        "--from", dest="source", required=True, metavar="FILE", help="the base text (.txt, .pdf, .docx)"
    )
    p.add_argument("--symbol", help="the document symbol, e.g. A/C.3/74/L.20 (default: as parsed)")
    p.add_argument("--facilitator", metavar="DELEGATION", help="the delegation facilitating the negotiation")
    p.add_argument("--lang", help="the text's language when detection should be overridden")
    p.add_argument(
        "--with",
        dest="versions",
        nargs="+",
        default=[],
        metavar="FILE",
        help="the same text in other languages, aligned paragraph by paragraph with --from's",
    )
    p.set_defaults(func=_new)

    p = sub.add_parser("show", parents=[home], help="the text at the latest or any revision")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--rev", help="rev-0, Rev.1, 1... (default: latest)")
    p.add_argument("--json", action="store_true", help="the same JSON shape as `parse --json`")
    p.add_argument("--lang", help="the text in another of its languages (see `draftroom translations NAME`)")
    p.set_defaults(func=_show)

    p = sub.add_parser("sponsors", parents=[home, acting], help="list, add or remove sponsors")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("op", nargs="?", choices=("add", "remove"), help="add or remove the STATEs named")
    p.add_argument("states", nargs="*", metavar="STATE", help='"China", "中国", "CHN"...')
    p.add_argument("--json", action="store_true", help="a list in UN order: name, iso3, main, joined")
    p.set_defaults(func=_sponsors)

    p = sub.add_parser("revise", parents=[home, acting], help="cut the next revision (Rev.1, Rev.2...)")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--symbol", help="the revision's symbol (default: .../Rev.N)")
    p.set_defaults(func=_revise)

    p = sub.add_parser("table", parents=[home, acting], help="mark the draft as tabled")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--symbol", help="the L-document symbol it is tabled under")
    p.set_defaults(func=_table)

    p = sub.add_parser("log", parents=[home], help="every action, newest first")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("--json", action="store_true", help="a list of objects, one per action")
    p.set_defaults(func=_log)

    p = sub.add_parser(
        "undo",
        parents=[home, acting],
        help="take back an action (yours, or any as facilitator) until the next revision",
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("id", nargs="?", help="the action's id from `log` (default: your latest action)")
    p.set_defaults(func=_undo)

    p = sub.add_parser("list", parents=[home], help="the negotiations under the home")
    p.add_argument("--json", action="store_true", help="a list of objects, one per negotiation")
    p.set_defaults(func=_list)

    p = sub.add_parser("reindex", parents=[home], help="rebuild a negotiation's SQL index from git")
    p.add_argument("name", help=NAME_HELP)
    p.set_defaults(func=_reindex)
