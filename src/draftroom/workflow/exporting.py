"""Export a stored negotiation: its text, the formal amendments of chosen delegations, its compilation
(as a laid-out document, or as the plain text or HTML page of `draftroom compile`).

The store gives the text and the amendments; formal.py turns amendments into instructions;
draftroom.export lays them out and writes the file.
"""

import copy
from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.export.amendments_layout import amendments_document
from draftroom.export.blocks import Block, Layout, Options
from draftroom.export.compilation_layout import compilation_layout
from draftroom.export.typography import typography_for
from draftroom.model import Document, Instruction, Revision, states
from draftroom.model.amendment import FORMAL_STATUSES, Amendment
from draftroom.workflow.amending import code
from draftroom.workflow.compile import STATUS_NAMES, Line, Piece, compile_lines, render_html, render_text
from draftroom.workflow.formal import to_instructions
from draftroom.workflow.identity import resolve_actor
from draftroom.workflow.listing import list_amendments
from draftroom.workflow.negotiation import Home, open_negotiation, show
from draftroom.workflow.translations import in_language, in_language_amendments
from draftroom.workflow.writing import (
    COMPILATION,
    LAYOUTS,
    WRITERS,
    check_output,
    export_document,
    write_atomically,
    write_layout,
)

FROM_STORE = ("amendments", COMPILATION)  # kinds built from a negotiation's amendments


def names_in_un_order(delegations: list[str], lang: str) -> list[str]:
    """Delegations as a sponsor line prints them in `lang`, in UN order; unknown names kept, last."""
    known: list[states.State] = []
    unknown: list[str] = []
    for name in dict.fromkeys(delegations):
        state = states.lookup(name)
        if state:
            known.append(state)
        else:
            unknown.append(name)
    ordered = sorted(known, key=lambda s: states.sort_key(s, lang))
    return [s.listed(lang) for s in ordered] + unknown


def formal_amendments(
    name: str,
    by: list[str],
    status: str | None,
    lang: str,
    symbol: str | None = None,
    home: Home = None,
    warn: Callable[[str], None] | None = None,
) -> Document:
    """The amendments document of delegations `by` (all proposers when empty) to the current text.

    In another language than the working text's, the document's words are that language's version
    (when the negotiation holds one) and the instructions are in that language; the text an instruction
    quotes is the amendment's wording in that language where one was given (`translate --amendment`),
    else the working language's, flagged "[en]" in the document and named to `warn`."""
    listing = list_amendments(name, home=home)
    wanted = {resolve_actor(d) for d in by}
    chosen = _chosen(name, listing.amendments, wanted, status)
    doc = show(name, None, home=home)
    if not doc.symbol:
        raise DraftroomError(
            f"{name} has no document symbol for its amendments to cite: "
            f"give it with `draftroom table {name} --symbol A/C.3/74/L.20`"
        )
    proposers = [p for a in chosen for p in a.proposers if not wanted or p in wanted]
    if lang == doc.language:
        return amendments_document(
            doc, to_instructions(doc, chosen), names_in_un_order(proposers, lang), symbol
        )
    translated = in_language(name, lang, None, home, required=False).document
    instructions = _instructions_in(name, lang, translated, doc.language, chosen, home, warn)
    return amendments_document(translated, instructions, names_in_un_order(proposers, lang), symbol)


def _chosen(name: str, amendments: list[Amendment], wanted: set[str], status: str | None) -> list[Amendment]:
    """The amendments the document sets out: proposed by one of `wanted` (anyone when empty), in
    `status` (default: the formal statuses), not yet applied by a revision; a one-line error if none."""
    statuses = (status,) if status else FORMAL_STATUSES
    chosen = [
        a
        for a in amendments
        if a.status in statuses and (not wanted or wanted & set(a.proposers)) and not a.applied_in
    ]
    if not chosen:
        who = f" by {', '.join(sorted(wanted))}" if wanted else ""
        raise DraftroomError(
            f"no {' or '.join(statuses)} amendments{who} in {name}: list them with `draftroom amendments {name}`"
        )
    return chosen


def _instructions_in(
    name: str,
    lang: str,
    translated: Document,
    working: str,
    chosen: list[Amendment],
    home: Home,
    warn: Callable[[str], None] | None,
) -> list[Instruction]:
    """The instructions in `lang`, against the `translated` text: each quotes its amendment's wording in
    `lang` where one was given, else the `working` language's, flagged and named to `warn`."""
    chosen = [copy.deepcopy(a) for a in chosen]
    worded = in_language_amendments(name, lang, chosen, home)
    instructions: list[Instruction] = []
    flagged: list[int] = []
    for a, done in zip(chosen, worded, strict=True):
        ins = to_instructions(translated, [a])  # a move quotes the paragraph moved: its translation
        if not done and a.kind != "move":
            flagged += [len(instructions) + n for n in flag_quotes(ins, working)]
        instructions += ins
    if flagged and warn:
        warn(
            f"the text quoted by instruction(s) {', '.join(map(str, flagged))} is in {working} "
            f"(flagged [{working}]): give its {lang} wording with `draftroom translate {name} --amendment ID`"
        )
    return instructions


def formal_amendments_text(name: str, home: Home = None) -> str:
    """The formal amendments document of every proposer, in the working language, as plain text (what
    `export --kind amendments -o FILE.txt` writes): for reading on screen."""
    doc = formal_amendments(name, [], None, show(name, home=home).language, home=home)
    layout = LAYOUTS["amendments"](doc, Options("amendments", doc.language))
    return WRITERS[".txt"](layout, typography_for(doc.language)).decode("utf-8")


def flag_quotes(instructions: list[Instruction], working: str) -> list[int]:
    """Mark the quoted text of each instruction "[en] ..." (the working language); their numbers."""
    flagged: list[int] = []
    for n, ins in enumerate(instructions, 1):
        if ins.text or ins.words:
            flagged.append(n)
            ins.text = f"[{working}] {ins.text}" if ins.text else ins.text
            ins.words = f"[{working}] {ins.words}" if ins.words else ins.words
    return flagged


def _spans(pieces: list[Piece]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in pieces:
        if p.kind == "who":
            out += [("who", f"[{p.text}"), *_spans(p.parts), ("who", "]")]
        else:
            out.append((p.kind, p.text))
    return out


def compilation_blocks(lines: list[Line]) -> list[Block]:
    """The compile model's lines as export blocks: label, depth, status, attributed proposals."""
    blocks = []
    for line in lines:
        spans = _spans(line.pieces)
        if line.status in STATUS_NAMES:
            spans.insert(0, ("status", f"({STATUS_NAMES[line.status]}) "))
        text = "".join(t for _, t in spans)
        blocks.append(Block("compiled", text, line.label, depth=line.depth, spans=spans))
    return blocks


def _compiled(name: str, home: Home) -> tuple[Document, list[Line], Revision]:
    """The current draft and its compilation lines (compile_lines decides what a compilation shows)."""
    neg = open_negotiation(name, home)
    doc = neg.document()
    lines = compile_lines(doc, list_amendments(name, home=home).amendments, code)
    return doc, lines, Revision(neg.state().revision)


def compilation(name: str, options: Options, home: Home = None) -> Layout:
    """The compilation of the current draft laid out for export, every pending proposal in place."""
    doc, lines, revision = _compiled(name, home)
    return compilation_layout(doc, options, compilation_blocks(lines), revision)


def compilation_text(name: str, html: bool = False, home: Home = None) -> str:
    """The compilation text of the current draft: plain text, or an HTML page."""
    doc, lines, revision = _compiled(name, home)
    return (render_html if html else render_text)(doc, lines, revision)


def write_compilation(
    name: str, out: Path, options: Options, home: Home = None, **typography: object
) -> Path:
    """The compilation to `out`, in any format an export writes: .txt and .html as `draftroom compile`
    prints it (each proposal in place, bracketed with its proposers), .docx and .md laid out as a page."""
    out = check_output(out, COMPILATION)
    suffix = out.suffix.lower()
    if suffix in (".txt", ".html"):
        write_atomically(out, compilation_text(name, html=suffix == ".html", home=home))
        return out
    return write_layout(compilation(name, options, home), out, **typography)


def _text_in(
    name: str, lang: str, rev: str | None, home: Home, warn: Callable[[str], None] | None
) -> Document:
    """The text at `rev` in `lang` when the negotiation holds that version, else the working text."""
    shown = in_language(name, lang, rev, home, required=False)
    if warn and not shown.translated:
        warn(
            f"{name} has no {lang} version: the text stays in {shown.document.language}, the layout's words in {lang}"
        )
    if warn and shown.not_current:
        warn(f"not current in {lang}: {', '.join(shown.not_current)}")
    return shown.document


def export_negotiation(
    name: str,
    out: Path,
    options: Options,
    rev: str | None = None,
    by: tuple[str, ...] = (),
    status: str | None = None,
    home: Home = None,
    validate: bool = False,
    warn: Callable[[str], None] | None = None,
    **typography: object,
) -> Path:
    """A stored negotiation written as `options.kind`: its text at `rev`, the formal amendments of
    delegations `by` (all when empty), or the compilation. The CLI's `export` and the TUI's both.
    In another language than the working one, the text is that language's version (`warn` names the
    paragraphs whose translation is not current). `validate`: check an .xml against the Akoma Ntoso
    schema first."""
    if options.kind in FROM_STORE and rev:
        raise DraftroomError(
            f"--rev: a {options.kind} export shows the current text with its pending amendments"
        )
    if options.kind == COMPILATION:
        return write_compilation(name, out, options, home, **typography)
    out = check_output(out)
    if options.kind == "amendments":
        doc = formal_amendments(name, list(by), status, options.lang, options.symbol, home, warn)
    else:
        doc = _text_in(name, options.lang, rev, home, warn)
    return export_document(doc, out, options, validate, **typography)
