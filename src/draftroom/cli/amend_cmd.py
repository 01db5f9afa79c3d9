"""Verbs on amendments: amend, amendments, submit, withdraw, support, accept, reject, comment,
compromise, mark, bracket, unbracket, roles, compile."""

from __future__ import annotations

import sys
from pathlib import Path

from draftroom.cli.options import NAME_HELP, home_and_acting
from draftroom.errors import DraftroomError
from draftroom.model import STATUSES
from draftroom.model.amendment import KIND_FILTERS, PENDING_FILTER
from draftroom.model.amendment import STATUSES as AMENDMENT_STATUSES

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse
    from typing import Any


def _amend(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending
    from draftroom.workflow.negotiation import paragraph_ids
    from draftroom.workflow.rules import Proposal

    private = bool(getattr(args, "private", False))
    if args.from_document:
        if private:
            raise DraftroomError(
                "--private keeps one amendment in this clone: give it (replace, edit...), not --from-document"
            )
        if args.kind:
            raise DraftroomError(
                "give either --from-document FILE or one amendment (replace, edit...), not both"
            )
        done = amending.propose_document(args.name, args.from_document, args.force, home=args.home)
        for a in done.amendments:
            print(a.id)
        print(f"recorded {len(done.amendments)} amendment(s) by {', '.join(done.sponsors)}", file=sys.stderr)
        return 0
    if not args.kind:
        raise DraftroomError(
            "say what to amend: replace, edit, insert, delete or move (or --from-document FILE)"
        )
    if getattr(args, "lang", None):
        return _amend_translation(args, private)
    position, anchor = (
        ("before", args.before) if getattr(args, "before", None) else ("after", getattr(args, "after", None))
    )
    rev = getattr(args, "rev", None)
    target, anchor = paragraph_ids(args.name, [getattr(args, "target", None), anchor], rev, args.home)
    p = Proposal(
        args.kind,
        target=target,
        anchor=anchor,
        position=position if anchor else None,
        text=getattr(args, "text", None),
        find=getattr(args, "find", None),
        replace=getattr(args, "replace", None),
    )
    co = [x for part in getattr(args, "co", None) or [] for x in part.split(",")]
    a = amending.propose(
        args.name,
        args.actor,
        p,
        co,
        getattr(args, "because", "") or "",
        rev,
        args.home,
        private,
    )
    print(a.id)
    if private:
        print(
            f"{a.id} is private: only this clone holds it; share it with `draftroom submit`", file=sys.stderr
        )
    return 0


def _submit(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    a = amending.submit(args.name, args.id, args.actor, args.home)
    print(f"{a.id}: submitted by {a.proposer}")
    return 0


def _amendments(args: argparse.Namespace) -> int:
    from draftroom.workflow import listed
    from draftroom.workflow.negotiation import paragraph_ids

    (on,) = paragraph_ids(args.name, [args.on], home=args.home)
    found, count = listed.amendments(args.name, args.status, args.by, on, args.home, args.kind, args.json)
    if args.json:
        sys.stdout.write(listed.json_list(found) + "\n")  # one write, not one a value
        return 0
    if not count:
        print("no amendments" + (" match" if args.status or args.by or args.on or args.kind else " yet"))
        return 0
    sys.stdout.write(found)  # each block ends with its line end
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    a, outcome = amending.withdraw(args.name, args.id, args.actor, args.home, args.because or "")
    print(f"{a.id}: withdrawn" if outcome == "withdrawn" else f"{a.id}: you no longer co-propose it")
    return 0


def _support(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    a = amending.support(args.name, args.id, args.actor, args.home)
    print(f"{a.id}: proposed by {', '.join(a.proposers)}")
    return 0


def _decide(verdict: str) -> Any:
    def run(args: argparse.Namespace) -> int:
        from draftroom.workflow import amending

        decided = amending.decide(args.name, args.ids, verdict, args.actor, args.home, args.because or "")
        for a in decided:
            print(f"{a.id}: {a.status}")
        if not decided:  # delegations' proposed translations
            print(f"{', '.join(args.ids)}: translation {verdict}ed")
        return 0

    return run


def _comment(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    a = amending.comment(args.name, args.id, args.text, args.actor, args.home)
    print(f"{a.id}: {len(a.thread)} in its discussion")
    return 0


def _compromise(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    c = amending.compromise(args.name, args.ids, args.text, args.actor, args.because or "", args.home)
    print(c.id)
    return 0


def _mark(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending
    from draftroom.workflow.negotiation import paragraph_ids

    (pid,) = paragraph_ids(args.name, [args.label], home=args.home)
    label = amending.mark(args.name, pid or "", args.status, args.actor, args.home)
    print(f"{label}: {args.status}")
    return 0


def _bracket(args: argparse.Namespace) -> int:
    from draftroom.workflow import bracketing
    from draftroom.workflow.negotiation import paragraph_ids

    (pid,) = paragraph_ids(args.name, [args.label], home=args.home)
    lift = args.command == "unbracket"
    done = bracketing.bracket(
        args.name, pid or "", args.words, args.actor, lift, args.because or "", args.home
    )
    if done.proposal is not None:
        print(done.proposal.id)
        print(f"proposed for {done.label}: {done.text}", file=sys.stderr)
    else:
        print(f"{done.label}: {done.text}")
    return 0


def _roles(args: argparse.Namespace) -> int:
    from draftroom.workflow import amending

    if args.op:
        if not args.delegation:
            raise DraftroomError(f"name the delegation: `draftroom roles NAME {args.op} DELEGATION`")
        now = amending.change_roles(args.name, args.op, args.delegation, args.actor, args.home)
    else:
        now = amending.current_facilitators(args.name, args.home)
    print("facilitators: " + ", ".join(now))
    return 0


def _compile(args: argparse.Namespace) -> int:
    """The compilation on standard output, or written to -o in any format `export` writes."""
    from draftroom.workflow import exporting

    if not args.output:
        sys.stdout.write(exporting.compilation_text(args.name, home=args.home))
        return 0
    from draftroom.workflow.negotiation import show
    from draftroom.workflow.writing import Options

    options = Options("compilation", show(args.name, home=args.home).language)
    print(f"wrote {exporting.write_compilation(args.name, Path(args.output), options, args.home)}")
    return 0


# ---- parser -----------------------------------------------------------------------------------------
def _proposal_options(suppress: bool) -> argparse.ArgumentParser:
    """--as, --with, --because, --rev: accepted before and after the kind of amendment."""
    import argparse

    d: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--as", dest="actor", metavar="WHO", help="the proposing delegation", **d)
    p.add_argument("--with", dest="co", action="append", metavar="D2,D3", help="co-proposers", **d)
    p.add_argument("--because", metavar="WHY", help="the rationale", **d)
    p.add_argument(
        "--rev", metavar="REV", help="propose against an earlier revision's text (carried forward)", **d
    )
    p.add_argument(
        "--private",
        action="store_true",
        help="keep it in this clone of a hosted negotiation only, until `draftroom submit` shares it",
        **d,
    )
    return p


def _amend_translation(args: argparse.Namespace, private: bool) -> int:
    """`amend NAME replace OP3 --lang fr --text ...`: a delegation's wording of a translation, for a
    facilitator to accept (`accept NAME ID`); the Secretariat's is the translation at once."""
    from draftroom.workflow.translations import translate

    if private or getattr(args, "co", None):
        raise DraftroomError("a proposed translation is tabled by one delegation: drop --private and --with")
    done = translate(args.name, args.target, args.lang, args.text, args.actor, args.home)
    print(done.proposal or f"{done.label} in {args.lang} is current")
    return 0


def _register_amend(sub: argparse._SubParsersAction, home: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "amend", parents=[home, _proposal_options(False)], help="propose an amendment (prints its id)"
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument(
        "--from-document", metavar="FILE", help="record every instruction of a formal amendments document"
    )
    p.add_argument("--force", action="store_true", help="record it even if it amends another symbol")
    p.set_defaults(func=_amend, kind=None)
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    opts = _proposal_options(True)
    k = kinds.add_parser("replace", parents=[opts], help="a new text for a paragraph")
    k.add_argument("target", metavar="LABEL", help="PP3, OP5, OP10(b), AN12")
    k.add_argument("--text", required=True)
    k.add_argument(
        "--lang", metavar="XX", help="a new wording of the paragraph's translation in XX (fr, es, ru, ar, zh)"
    )
    k = kinds.add_parser("edit", parents=[opts], help="change words inside a paragraph")
    k.add_argument("target", metavar="LABEL")
    k.add_argument("--find", required=True, help="the words to change (must occur once)")
    k.add_argument("--replace", required=True, help="their replacement ('' deletes them)")
    k = kinds.add_parser("insert", parents=[opts], help="a new paragraph before or after another")
    _place(k)
    k.add_argument("--text", required=True, help="new footnotes inline as [^: note text]")
    k = kinds.add_parser("delete", parents=[opts], help="delete a paragraph")
    k.add_argument("target", metavar="LABEL")
    k = kinds.add_parser("move", parents=[opts], help="move a paragraph before or after another")
    k.add_argument("target", metavar="LABEL")
    _place(k)


def _place(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--after", metavar="LABEL")
    where.add_argument("--before", metavar="LABEL")


def register(sub: argparse._SubParsersAction) -> None:
    home, acting = home_and_acting()
    _register_amend(sub, home)

    p = sub.add_parser("amendments", parents=[home], help="list amendments with their changes")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument(
        "--json", action="store_true", help="objects with id, kind, target, proposers, status, base"
    )
    p.add_argument(
        "--status", choices=(PENDING_FILTER, *AMENDMENT_STATUSES), help="pending: proposed or conflicting"
    )
    p.add_argument("--by", metavar="DELEGATION", help="only those this delegation (co-)proposes")
    p.add_argument("--on", metavar="LABEL", help="only those acting on this paragraph")
    p.add_argument("--kind", choices=KIND_FILTERS, help="only this kind (compromise: a facilitator's text)")
    p.set_defaults(func=_amendments)

    for verb, func, what in (
        ("withdraw", _withdraw, "withdraw your amendment (a co-proposer leaves it)"),
        ("support", _support, "join an amendment as co-proposer"),
    ):
        p = sub.add_parser(verb, parents=[home, acting], help=what)
        p.add_argument("name", help=NAME_HELP)
        p.add_argument("id", help="the amendment's id (or a unique start of it)")
        if verb == "withdraw":
            p.add_argument("--because", metavar="WHY", help="the reason, kept in the proposal's discussion")
        p.set_defaults(func=func)

    p = sub.add_parser(
        "submit", parents=[home, acting], help="share a private proposal of this clone with everyone"
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("id", help="the private proposal's id (or a unique start of it)")
    p.set_defaults(func=_submit)

    for verb in ("accept", "reject"):
        p = sub.add_parser(
            verb, parents=[home, acting], help=f"facilitator: {verb} amendments or proposed translations"
        )
        p.add_argument("name", help=NAME_HELP)
        p.add_argument("ids", nargs="+", metavar="ID")
        p.add_argument(
            "--because",
            "--reason",
            dest="because",
            metavar="WHY",
            help="the reason, kept in each proposal's discussion (a proposed translation's file)",
        )
        p.set_defaults(func=_decide(verb))

    p = sub.add_parser("comment", parents=[home, acting], help="add to a proposal's discussion thread")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("id", help="the amendment's id (or a unique start of it)")
    p.add_argument("--text", required=True, help="what you say")
    p.set_defaults(func=_comment)

    p = sub.add_parser("compromise", parents=[home, acting], help="facilitator: one text replacing proposals")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--text", required=True)
    p.add_argument("--because", metavar="WHY")
    p.set_defaults(func=_compromise)

    p = sub.add_parser("mark", parents=[home, acting], help="facilitator: set a paragraph's status")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("label", help="PP3, OP5...")
    p.add_argument("status", choices=STATUSES)
    p.set_defaults(func=_mark)

    for verb, what in (
        ("bracket", "put disputed words in square brackets (proposed, unless you facilitate)"),
        ("unbracket", "take the brackets off disputed words (proposed, unless you facilitate)"),
    ):
        p = sub.add_parser(verb, parents=[home, acting], help=what)
        p.add_argument("name", help=NAME_HELP)
        p.add_argument("label", help="PP3, OP5...")
        p.add_argument("--words", required=True, help="the words, as in the paragraph (must occur once)")
        p.add_argument("--because", metavar="WHY", help="the rationale, when it is proposed")
        p.set_defaults(func=_bracket)

    p = sub.add_parser("roles", parents=[home, acting], help="list facilitators, or grant / revoke the role")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("op", nargs="?", choices=("grant", "revoke"))
    p.add_argument("delegation", nargs="?")
    p.set_defaults(func=_roles)

    p = sub.add_parser("compile", parents=[home], help="the compilation text with every pending proposal")
    p.add_argument("name", help=NAME_HELP)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write it to FILE: .docx, .txt, .md or .html, as `export --kind compilation`",
    )
    p.set_defaults(func=_compile)
