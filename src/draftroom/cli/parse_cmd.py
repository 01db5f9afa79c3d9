"""`draftroom parse FILE [--json] [--lang L]`: read a resolution and print its outline or its JSON form."""

from __future__ import annotations

from draftroom.cli.printing import print_json, warn
from draftroom.model import Document, Heading, Paragraph, labels, part_letters
from draftroom.model.jsonform import to_dict

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "parse",
        help="read a resolution (text, PDF or .docx) and print its structure",
        description="Read a UN resolution or draft and print its outline (or, with --json, its JSON form).",
    )
    p.add_argument("file", metavar="FILE", help="a .txt, .pdf or .docx document")
    p.add_argument("--json", action="store_true", help="print the document as JSON")
    p.add_argument("--lang", help="the document's language (zh, en, fr, es, ru, ar); detected when absent")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from draftroom.workflow.reading import check_language, read_document

    lang = check_language(args.lang) if args.lang else None
    doc = read_document(args.file, lang, warn)
    if args.json:
        print_json(to_dict(doc))
    else:
        import shutil  # the terminal's width; `show` imports this module without it

        print("\n".join(outline(doc, shutil.get_terminal_size((100, 20)).columns)))
    return 0


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 1, 10)] + "…"


def outline(doc: Document, columns: int = 100) -> list[str]:
    """The document as a human reads its structure: head fields, labelled paragraphs, notes, closing."""
    out = [f"{doc.kind} ({doc.language})" + (f"  {doc.symbol}" if doc.symbol else "")]
    for name, value in (
        ("session", doc.session),
        ("committee", doc.committee),
        ("agenda item", " ".join(x for x in (doc.agenda_item, doc.agenda_title) if x) or None),
        ("adopted on", doc.adopted_on),
        ("job number", doc.job_number),
        ("report", doc.report_line),
        ("resolution", doc.resolution_number),
        ("amends", doc.amends),
    ):
        if value:
            out.append(f"{name}: {value}")
    if doc.sponsors:
        out.append(f"sponsors ({len(doc.sponsors)}): " + "; ".join(doc.sponsors))
    out.append(f"title: {doc.title}")
    names = labels(doc)
    out.extend(_text(doc, columns, names))
    for letter, part in zip(part_letters(doc), doc.parts, strict=True):  # A and B under one symbol
        out.append(f"part {letter} ({part.symbol or '?'}): {part.title}")
        out.extend("  " + line for line in _text(part, columns - 2, names) + _closing(part))
    if doc.footnotes:
        out.append(f"footnotes ({len(doc.footnotes)}):")
        out.extend(_short(f"  [{f.number}] {f.text}", columns) for f in doc.footnotes)
    return out + _closing(doc)


def _closing(doc: Document) -> list[str]:
    if doc.closing.meeting or doc.closing.date:
        return ["closing: " + ", ".join(x for x in (doc.closing.meeting, doc.closing.date) if x)]
    return []


def _text(doc: Document, columns: int, names: dict[str, str]) -> list[str]:
    """A document's body, labelled paragraphs (`names`: id -> label), annexes and instructions, as
    outline lines."""
    out: list[str] = []
    if doc.body:
        out.append(f"body: {doc.body}")

    def para(p: Paragraph, depth: int) -> None:
        out.extend("  " * depth + _short(f"  § {h}", columns - 2 * depth) for h in p.headings)
        label = names.get(p.id, "?")
        lead = "  " * depth + f"{label:<{12 if ' ' in label else 10}} "
        out.append(lead + _short(p.text, columns - len(lead)))
        for item in p.items:
            para(item, depth + 1)

    for p in doc.preamble + doc.operative:
        para(p, 0)
    for n, annex in enumerate(doc.annexes, 1):
        out.append(f"annex {n}: {annex.title}")
        for block in annex.blocks:
            if isinstance(block, Heading):
                out.append("  " + _short(block.text, columns - 2))
            else:
                para(block, 1)
    for i in doc.instructions:
        out.append(
            f"  {i.op} " + " ".join(f"{k}={v}" for k in ("target", "after", "before") if (v := getattr(i, k)))
        )
    return out
