"""`draftroom export`: a negotiation's text (or a document file) as a UN Word document, text, Markdown or HTML."""

import argparse
from pathlib import Path

from draftroom.cli.options import add_home
from draftroom.cli.printing import warn
from draftroom.errors import DraftroomError
from draftroom.model import Document, normalize_label
from draftroom.model.amendment import FORMAL_STATUSES
from draftroom.workflow.reading import parse_file
from draftroom.workflow.writing import (
    COMPILATION,
    KINDS,
    LANGUAGES,
    LAYOUTS,
    OPENER_STYLES,
    PAPERS,
    WRITERS,
    Options,
    check_language,
    check_output,
    export_document,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export a negotiation or document as a UN-formatted .docx (or .txt, .md, .html)",
        description="Write the text as a UN document: draft (L-document), revised draft, adopted "
        "resolution or formal amendments, with real Word footnotes. The format follows -o's extension.",
    )
    p.add_argument("name", metavar="NAME", help="a negotiation, or the path of a document file")
    p.add_argument("--rev", help="the revision to export (default: the latest)")
    p.add_argument("--kind", help=f"one of {', '.join(KINDS)} (default: the document's own kind)")
    p.add_argument(
        "--lang", help=f"language of the layout's words: {', '.join(LANGUAGES)} (default: the text's)"
    )
    p.add_argument("-o", "--output", required=True, help=f"output file: {', '.join(WRITERS)}, .xml (AKN4UN)")
    add_home(p)
    p.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="DELEGATION",
        help="amendments: the delegations whose amendments to table (repeatable; default: all)",
    )
    p.add_argument(
        "--status",
        choices=FORMAL_STATUSES,
        help="amendments: only proposed or only accepted ones (default: both)",
    )
    p.add_argument("--adopted-on", help="adoption date of a resolution, YYYY-MM-DD")
    p.add_argument("--meeting", help="meeting that adopted a resolution: a number (109) or as printed")
    p.add_argument("--symbol", help="document symbol to print (e.g. A/RES/74/176, A/C.3/74/L.20/Rev.1)")
    p.add_argument("--date", help="masthead date, YYYY-MM-DD (default: the document's, else today)")
    p.add_argument(
        "--job-number",
        help="the job number for the first-page footer, e.g. 25-19372 (default: the document's own when "
        "it is exported as the same kind and language)",
    )
    p.add_argument(
        "--validate",
        action="store_true",
        help="an .xml output: check it against the Akoma Ntoso 3.0 schema before writing it",
    )
    p.add_argument("--paper", choices=sorted(PAPERS), help="paper size (default: letter)")
    p.add_argument("--font", help="body font for Latin and Cyrillic text (default: Times New Roman)")
    p.add_argument("--east-asia-font", help="body font for Chinese (default: SimSun)")
    p.add_argument("--size", type=float, help="body size in points")
    p.add_argument("--opener", choices=OPENER_STYLES, help="how opening phrases are set apart")
    p.add_argument("--opener-font", help="font of the opening phrase when --opener kaiti (default: KaiTi)")
    p.add_argument(
        "--emblem",
        metavar="IMAGE",
        help="a PNG or JPEG for the masthead's emblem place (default: $DRAFTROOM_EMBLEM; none is shipped)",
    )
    p.add_argument(
        "--opening-phrase",
        action="append",
        default=[],
        metavar="LABEL=PHRASE",
        help="the opening phrase of one paragraph (e.g. 'OP3=Further requests'; 'PP2=' for none)",
    )
    p.set_defaults(func=run)


def _openers(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        label, sep, phrase = pair.partition("=")
        if not sep:
            raise DraftroomError(f"--opening-phrase {pair!r}: write it as LABEL=PHRASE, e.g. OP3=Requests")
        out[normalize_label(label)] = phrase
    return out


def _kind(raw: str | None) -> str | None:
    if raw is not None and raw not in KINDS:
        raise DraftroomError(f"unknown kind {raw!r}: use one of {', '.join(KINDS)}")
    return raw


def _options(args: argparse.Namespace, kind: str | None, doc: Document, openers: dict[str, str]) -> Options:
    """What the user chose; the kind defaults to the document's own."""
    return Options(
        kind=kind or (doc.kind if doc.kind in LAYOUTS else "draft"),
        lang=args.lang or doc.language,
        adopted_on=args.adopted_on,
        meeting=args.meeting,
        symbol=args.symbol,
        date=args.date,
        job_number=args.job_number,
        openers=openers,
    )


def _from_store(
    args: argparse.Namespace, kind: str | None, out: Path, openers: dict[str, str], typography: dict
) -> Path:
    """A stored negotiation: its text, the amendments of chosen delegations, or the compilation."""
    from draftroom.workflow import exporting
    from draftroom.workflow.negotiation import show

    doc = show(args.name, None if kind in exporting.FROM_STORE else args.rev, home=args.home)
    options = _options(args, kind, doc, openers)
    return exporting.export_negotiation(
        args.name,
        out,
        options,
        args.rev,
        tuple(args.by),
        args.status,
        args.home,
        args.validate,
        warn,
        **typography,
    )


def run(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    out = check_output(Path(args.output), kind)
    if args.lang:
        args.lang = check_language(args.lang)  # before reading anything; " FR" exports in fr
    openers = _openers(args.opening_phrase)
    typography = {
        "paper": args.paper,
        "font": args.font,
        "east_asia_font": args.east_asia_font,
        "size": args.size,
        "opener": args.opener,
        "opener_font": args.opener_font,
        "emblem": args.emblem,
    }
    if not Path(args.name).is_file():
        print(_from_store(args, kind, out, openers, typography))
        return 0
    if kind == COMPILATION:
        raise DraftroomError(f"{args.name} is a file: a compilation comes from a negotiation's amendments")
    if args.rev:
        raise DraftroomError(f"--rev {args.rev}: {args.name} is a file, not a negotiation; leave --rev out")
    doc = parse_file(Path(args.name))
    options = _options(args, kind, doc, openers)
    print(export_document(doc, out, options, validate=args.validate, **typography))
    return 0
