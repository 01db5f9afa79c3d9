"""Verbs on the other official languages: translations (status, add) and translate."""

from __future__ import annotations

from draftroom.cli.options import NAME_HELP, home_and_acting
from draftroom.cli.printing import print_json, warn
from draftroom.errors import DraftroomError

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse

    from draftroom.workflow.translations import Translated


def _translations(args: argparse.Namespace) -> int:
    """`translations NAME [proposals | add FILE]`: each language's status, the proposed wordings, or a
    version added."""
    if args.op == "add" and not args.file:
        raise DraftroomError(f"name the file to add: `draftroom translations {args.name} add FILE`")
    if args.op != "add" and args.file:
        raise DraftroomError(f"to add {args.file} write `draftroom translations {args.name} add {args.file}`")
    if args.op == "proposals":
        return _proposals(args)
    if args.op == "add":
        return _add(args)
    return _status(args)


def _proposals(args: argparse.Namespace) -> int:
    from draftroom.workflow import translations as wf

    found = wf.translation_proposals(args.name, home=args.home)
    if args.json:
        print_json([{"label": label, **vars(p)} for label, p in found])
        return 0
    if not found:
        print(f"no proposed translations in {args.name}")
    for label, proposal in found:
        print(
            f"{proposal.id:<22} {label:<11} {proposal.language:<3} {proposal.proposer:<20} "
            f"{proposal.status:<9} {proposal.text[:60]}"
        )
        if proposal.reason:
            print(f"    {proposal.status} because: {proposal.reason}")
    return 0


def _add(args: argparse.Namespace) -> int:
    from draftroom.workflow import translations as wf

    added = wf.add_translation(args.name, args.file, args.lang, args.actor, args.rev, home=args.home)
    t, stale = added.translation, added.not_current
    for warning in added.warnings:
        warn(warning)
    print(f"{args.name}: {t.language} version added, {len(t.paragraphs)} paragraphs aligned")
    if stale:
        print(f"{args.name}: not current in {t.language}: {', '.join(stale)}")
    return 0


def _status(args: argparse.Namespace) -> int:
    """Every paragraph's and footnote's status in each other language, then a count per language."""
    from draftroom.workflow import translations as wf

    report = wf.translations(args.name, args.rev, home=args.home)
    if args.json:
        print_json(report.to_json())
        return 0
    others = report.languages[1:]
    if not others:
        print(
            f"{args.name} has only its working text ({report.working}): add a version with "
            f"`draftroom translations {args.name} add FILE`"
        )
        return 0
    print(f"{'':<12}" + "".join(f"{lang:<9}" for lang in others))
    for p in report.paragraphs:
        print(f"{p.label:<12}" + "".join(f"{p.status[lang]:<9}" for lang in others))
    for f in report.footnotes:
        print(f"{'footnote ' + str(f.number):<12}" + "".join(f"{f.status[lang]:<9}" for lang in others))
    for lang in others:
        behind = report.not_current(lang)
        notes = report.notes_not_current(lang)
        print(
            f"{lang}: {len(report.paragraphs) - len(behind)} of {len(report.paragraphs)} paragraphs current"
            + (
                f", {len(report.footnotes) - len(notes)} of {len(report.footnotes)} footnotes"
                if report.footnotes
                else ""
            )
        )
    return 0


def _translate(args: argparse.Namespace) -> int:
    from draftroom.workflow import translations as wf

    if args.accept:
        if args.label or args.amendment or args.text is not None or args.footnote is not None:
            raise DraftroomError(
                "--accept ID takes the proposal as it is: leave LABEL, --amendment, --footnote and --text out"
            )
        done = wf.accept_translation(args.name, args.accept, args.actor, home=args.home)
        print(f"{args.name}: {done.label} accepted from {done.proposal}; it is current")
        return 0
    if not args.lang:
        raise DraftroomError(
            f"say the translation's language: `draftroom translate {args.name} ... --lang fr`"
        )
    if args.footnote is not None:
        if args.label or args.amendment or args.text is None:
            raise DraftroomError(
                f"--footnote N takes its text: `draftroom translate {args.name} --footnote {args.footnote} "
                f"--lang {args.lang} --text ...` (no paragraph LABEL, no --amendment)"
            )
        return _said(
            args,
            wf.translate_footnote(args.name, args.footnote, args.lang, args.text, args.actor, home=args.home),
        )
    if args.amendment:
        if args.label:
            raise DraftroomError("--amendment ID names what is translated: leave the paragraph LABEL out")
        a = wf.translate_amendment(
            args.name,
            args.amendment,
            args.lang,
            args.text,
            args.find,
            args.replace,
            args.actor,
            home=args.home,
        )
        print(f"{args.name}: amendment {a.id} worded in {args.lang}")
        return 0
    if not args.label or args.text is None or args.find is not None or args.replace is not None:
        raise DraftroomError(
            f"name the paragraph and its text: `draftroom translate {args.name} OP3 --lang {args.lang} --text ...` "
            "(or --amendment ID)"
        )
    return _said(args, wf.translate(args.name, args.label, args.lang, args.text, args.actor, home=args.home))


def _said(args: argparse.Namespace, done: Translated) -> int:
    if done.proposal:
        print(
            f"{args.name}: {done.label} in {args.lang} proposed as {done.proposal}; a facilitator accepts or "
            f"rejects it with `draftroom accept|reject {args.name} {done.proposal}`"
        )
    else:
        print(f"{args.name}: {done.label} in {args.lang} is current")
    return 0


def register(sub: argparse._SubParsersAction) -> None:

    home, acting = home_and_acting()

    p = sub.add_parser(
        "translations",
        parents=[home, acting],
        help="each paragraph's translations: current, stale or missing; add a version in another language",
        description="Without `add`: per paragraph and language, current, stale (the working text changed "
        "since it was translated) or missing (not translated yet). `add FILE` aligns a version in another "
        "language (AKN4UN, PDF, text, .docx) with the working text, or fails naming the first paragraph "
        "that does not align.",
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument(
        "op",
        nargs="?",
        choices=("add", "proposals"),
        help="add a version in another language; proposals: the delegations' proposed translations",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="add: the version to align")
    p.add_argument("--lang", help="add: the version's language when detection should be overridden")
    p.add_argument(
        "--rev", help="the revision of the working text (add: the one FILE translates; default: latest)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='{"working", "languages", "paragraphs": [...], "footnotes": [...]}',
    )
    p.set_defaults(func=_translations)

    p = sub.add_parser(
        "translate",
        parents=[home, acting],
        help="the Secretariat sets one paragraph's translation (it becomes current), or an amendment's wording",
    )
    p.add_argument("name", help=NAME_HELP)
    p.add_argument("label", nargs="?", help="the paragraph: PP3, OP5, OP5(a), AN2")
    p.add_argument(
        "--lang", help="the language of the translation: fr, es, ru, ar, zh, en (not with --accept)"
    )
    p.add_argument("--text", help="the paragraph's text (or a replace/insert amendment's) in that language")
    p.add_argument(
        "--amendment",
        metavar="ID",
        help="word an amendment in that language (the Secretariat or its proposer), for the formal "
        "amendments document in it",
    )
    p.add_argument(
        "--accept", metavar="ID", help="the Secretariat accepts a delegation's proposed translation"
    )
    p.add_argument(
        "--footnote",
        type=int,
        metavar="N",
        help="translate the working text's footnote N (a delegation proposes its wording)",
    )
    p.add_argument("--find", help="--amendment of a word edit: the words it changes, in that language")
    p.add_argument("--replace", help="--amendment of a word edit: their replacement, in that language")
    p.set_defaults(func=_translate)
