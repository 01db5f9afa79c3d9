"""The page as a list of styled blocks: what every layout produces and every writer renders.

A layout (draft, resolution, amendments) decides what goes on the page and in which style; the
writers (.docx, .txt, .md, .html) decide how a style looks. Block text keeps footnote references
as `[^N]`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.typography import opener_length
from draftroom.lang.markers import printed_item
from draftroom.model import Document, Paragraph, labels, part_letters

STYLES = (
    "session",  # "Seventy-fourth session", bold
    "committee",  # "Third Committee", bold
    "agenda",  # "Agenda item 70 (b)"
    "agenda-title",  # bold
    "sponsors",  # "A, B and C: draft resolution", bold
    "adopted",  # "Resolution adopted by the General Assembly on ...", bold
    "council-number",  # a Security Council resolution's "Resolution 2334 (2016)", bold, larger
    "report",  # "[on the report of the Third Committee (A/74/400)]"
    "title",  # bold
    "body",  # "The General Assembly,"
    "preamble",
    "operative",  # numbered, the number hanging
    "item",  # (a), (i) ...
    "closing",  # meeting and date, right
    "part",  # the letter of a part of a resolution adopted in parts ("A"), centred, bold
    "part-title",  # that part's own title, centred, bold
    "annex-title",  # "Annex", then the annex's own title
    "annex-heading",
    "annex-para",
    "instruction",  # one instruction of an amendments document
    "quoted",  # the new text an instruction introduces
    "end",  # the short centred rule that ends the text
    "compiled",  # a compilation line: the paragraph with proposals in place, attributed
    "note",  # a remark under the title (a compilation's legend)
)


@dataclass
class Block:
    style: str
    text: str = ""
    label: str = ""  # printed number or marker: "1.", "(a)", "a)"
    opener: int = 0  # leading characters set apart (italic, KaiTi, bold)
    new_page: bool = False
    depth: int = 0  # sub-item level, 0 for (a), 1 for (i) ...
    spans: list[tuple[str, str]] = field(
        default_factory=list
    )  # compilations: (text|del|ins|who|status|bracket, text)


@dataclass
class Masthead:
    united_nations: str
    organ: str
    symbol: str
    right: list[str]  # "Distr.: Limited", the date, "Original: English"
    job: str | None = None  # the first-page footer: "25-19372 (E)"


@dataclass
class Layout:
    language: str
    symbol: str
    masthead: Masthead
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    running_title: str = ""  # the short title opposite the symbol in later pages' heads (adopted texts)
    sponsor_note: str | None = None  # the "*" note after the sponsor line's colon
    asterisk_notes: bool = False  # the other notes marked "**", "***" after it (amendments documents)
    plenary: bool = False  # adopted without reference to a Main Committee (its later pages open lower)


@dataclass(frozen=True)
class Options:
    """What a user chose for one export, beyond the document itself."""

    kind: str
    lang: str
    adopted_on: str | None = None
    meeting: str | None = None
    symbol: str | None = None
    date: str | None = None
    job_number: str | None = None  # "25-19372": printed with the language letter in the first-page footer
    openers: dict[str, str] = field(default_factory=dict)  # label -> opening phrase ("" for none)

    def __post_init__(self) -> None:
        if self.job_number is not None and not re.fullmatch(r"\d{2}-\d{5}", self.job_number):
            raise DraftroomError(f"{self.job_number!r} is not a job number: write it as 25-19372")


COMMA = {"zh": "，", "ar": "،"}
DEFAULT_BODY = {
    "en": "The General Assembly",
    "zh": "大会",
    "fr": "L’Assemblée générale",
    "es": "La Asamblea General",
    "ru": "Генеральная Ассамблея",
    "ar": "إن الجمعية العامة",
}
COUNCIL_BODY = {
    "en": "The Security Council",
    "zh": "安全理事会",
    "fr": "Le Conseil de sécurité",
    "es": "El Consejo de Seguridad",
    "ru": "Совет Безопасности",
    "ar": "إن مجلس الأمن",
}


def by_council(doc: Document, opts: Options) -> bool:
    """Whether the text goes out as the Security Council's: the exported symbol, else the document's, is
    an S/ one (S/RES/2334 (2016), S/2016/1154)."""
    return (opts.symbol or doc.symbol or "").startswith("S/")


def masthead(doc: Document, opts: Options, symbol: str, adopted: bool) -> Masthead:
    printed = opts.date or doc.date or date.today().isoformat()
    right = [words.distribution(opts.kind, opts.lang), words.format_date(printed, opts.lang, latin=True)]
    if not adopted:
        right += words.original_lines(opts.lang)
    # a job number names one issued document: the document's own only when it is issued again as is
    job = opts.job_number or (doc.job_number if opts.kind == doc.kind and opts.lang == doc.language else None)
    return Masthead(
        words.UNITED_NATIONS[opts.lang],
        words.organ(symbol, opts.lang),
        symbol,
        right,
        f"{job} ({words.JOB_LETTER[opts.lang]})" if job else None,
    )


def heading_blocks(doc: Document, opts: Options) -> list[Block]:
    """Session, committee, agenda item and its title, as far as the document has them."""
    out = [Block("session", doc.session)] if doc.session else []
    if doc.committee:
        out.append(Block("committee", doc.committee))
    if doc.agenda_item:
        out.append(Block("agenda", words.agenda_line(doc.agenda_item, opts.lang)))
    if doc.agenda_title:
        out.append(Block("agenda-title", doc.agenda_title))
    return out


def body_block(doc: Document, lang: str, council: bool = False) -> Block:
    """ "The General Assembly," or "The Security Council," (no comma when there is no preamble): the
    document's own, unless it names the other organ."""
    own, other = (COUNCIL_BODY, DEFAULT_BODY) if council else (DEFAULT_BODY, COUNCIL_BODY)
    body = own[lang] if not doc.body or doc.body == other[lang] else doc.body
    return Block("body", body + (COMMA.get(lang, ",") if doc.preamble else ""), opener=len(body))


def _items(items: list[Paragraph], lang: str, depth: int) -> list[Block]:
    out: list[Block] = []
    roman = depth > 0 or bool(items and items[0].marker == "i")  # (i) under (a), or a list of (i), (ii)
    for item in items:
        out.append(Block("item", item.text, printed_item(item.marker, lang, roman), depth=depth))
        out.extend(_items(item.items, lang, depth + 1))
    return out


def text_blocks(doc: Document, opts: Options, names: dict[str, str] | None = None) -> list[Block]:
    """The authoring body, preambular and operative paragraphs with their sub-items; `names`: paragraph
    id -> label, the whole document's for one of its parts ("A OP3")."""
    names = names if names is not None else labels(doc)
    out = [body_block(doc, opts.lang, by_council(doc, opts))]

    def opener(p: Paragraph) -> int:
        """The user's phrase for this paragraph, else the source's italics, else the phrase table."""
        return opener_length(p.text, opts.lang, opts.openers.get(names.get(p.id, ""), p.opener))

    for p in doc.preamble:
        out.extend(Block("annex-heading", h) for h in p.headings)
        out.append(Block("preamble", p.text, opener=opener(p)))
        out.extend(_items(p.items, opts.lang, 0))
    numbered = len(doc.operative) > 1
    for i, p in enumerate(doc.operative, 1):
        out.extend(Block("annex-heading", h) for h in p.headings)
        out.append(
            Block(
                "operative",
                p.text,
                words.paragraph_number(i, opts.lang) if numbered else "",
                opener=opener(p),
            )
        )
        out.extend(_items(p.items, opts.lang, 0))
    return out


def annex_blocks(doc: Document, opts: Options, first_new_page: bool) -> list[Block]:
    """Each annex from a new page: "Annex" (I, II...), its title, headings and paragraphs."""
    out: list[Block] = []
    for a, annex in enumerate(doc.annexes):
        out.append(
            Block(
                "annex-title",
                words.annex_title(a, len(doc.annexes), opts.lang),
                new_page=first_new_page or a > 0,
            )
        )
        if annex.title and annex.title.strip() != out[-1].text:
            out.append(Block("annex-title", annex.title))
        for block in annex.blocks:
            if isinstance(block, Paragraph):
                label = words.paragraph_number(block.number, opts.lang) if block.number is not None else ""
                out.append(Block("annex-para", block.text, label))
                out.extend(_items(block.items, opts.lang, 0))
            else:
                out.append(Block("annex-heading", block.text))
    return out


def parts_blocks(
    doc: Document, opts: Options, closing: Callable[[Document], list[Block]], annexes_new_page: bool
) -> list[Block]:
    """Each part of a resolution adopted in parts as the UN sets it under the whole's title: its letter
    ("A") and its own title, centred, then its text, its `closing` and its annexes."""
    names = labels(doc)
    out: list[Block] = []
    for letter, part in zip(part_letters(doc), doc.parts, strict=True):
        out.append(Block("part", letter))
        if part.title:
            out.append(Block("part-title", part.title))
        out += text_blocks(part, opts, names)
        out += closing(part)
        out += annex_blocks(part, opts, first_new_page=annexes_new_page)
    return out


def footnotes(doc: Document) -> dict[int, str]:
    return {f.number: f.text for f in doc.footnotes}


REF = re.compile(r"\[\^(\d+)\]")


def note_numbers(layout: Layout) -> dict[int, int]:
    """Layout footnote number -> the number printed, by first appearance on the page (as Word numbers)."""
    order: dict[int, int] = {}
    for block in layout.blocks:
        for m in REF.finditer(block.text):
            n = int(m.group(1))
            if n in layout.footnotes and n not in order:
                order[n] = len(order) + 1
    return order
