"""The plain document model: a resolution or draft as data, nothing else.

Paragraph identity is its `id`, stable across insertions, moves and renumbering; labels
(PP3, OP5(b), AN12) are computed from position by `draftroom.model.labels`.
Footnote references live inside `text` as `[^N]`.
"""

from draftroom.record import field, record

KINDS = ("draft", "revised-draft", "resolution", "decision", "amendments")
STATUSES = ("open", "bracketed", "agreed-ad-ref", "agreed")
# a table inside a paragraph's text: cells separated by " | ", rows by " || "
TABLE_ROWS = " || "
TABLE_CELLS = " | "


def table_text(rows: list[list[str]]) -> str:
    """A table as a paragraph's text holds it."""
    return TABLE_ROWS.join(TABLE_CELLS.join(row) for row in rows).strip()


@record
class Paragraph:
    """A preambular, operative or annex paragraph, or a sub-item ((a), (ii)) of one."""

    id: str
    text: str
    number: int | None = None  # printed number ("5." -> 5); None for preambular paragraphs and sub-items
    marker: str | None = None  # sub-item marker without brackets: "a", "ii"
    items: list["Paragraph"] = field(default_factory=list)
    status: str = "open"
    # the opening phrase as the source set it in italics ("Recalling", "Requests"), a prefix of `text`;
    # "" when the source sets none, None when the source does not say (plain text)
    opener: str | None = None
    # headings printed just before this paragraph in the preamble or operative part ("I",
    # "Peacebuilding Commission"); annexes hold theirs as Heading blocks
    headings: list[str] = field(default_factory=list)


@record
class Heading:
    """A heading inside an annex ("I. Introduction", "一. 导言")."""

    text: str
    id: str | None = None


Block = Paragraph | Heading


@record
class Annex:
    title: str
    blocks: list[Block] = field(default_factory=list)
    id: str | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@record
class Footnote:
    number: int
    text: str
    marker: str | None = None  # the printed marker when it is not the number (a source's own misnumbering)


@record
class Closing:
    meeting: str | None = None  # "109th plenary meeting", "第109次全体会议"
    date: str | None = None  # as printed: "30 July 2010", "2010年7月30日"


@record
class Instruction:
    """One instruction of a formal amendments document ("Delete operative paragraph 5")."""

    op: str  # insert | delete | replace | delete-words | replace-words | insert-words
    target: str | None = None  # label, e.g. "PP14", "OP3", "OP1(a)"
    after: str | None = None
    before: str | None = None
    words: str | None = None  # the words deleted / replaced / after which to insert
    text: str | None = None  # the new text or words


@record
class Document:
    language: str = "en"
    kind: str = "draft"
    symbol: str | None = None
    session: str | None = None  # as printed: "Seventy-fourth session", "第七十四届会议"
    committee: str | None = None  # "Third Committee", "第三委员会"; None in plenary
    agenda_item: str | None = None  # "70 (b)" / "106"
    agenda_title: str | None = None
    date: str | None = None  # the masthead date as printed
    job_number: str | None = None  # the first page's job number, "25-19372" (its language letter aside)
    sponsors: list[str] = field(default_factory=list)
    title: str = ""
    body: str = ""  # authoring body without trailing comma: "The General Assembly", "大会"
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    # adopted texts
    resolution_number: str | None = None  # "74/176"
    adopted_on: str | None = None
    report_line: str | None = None  # "[on the report of the Third Committee (A/74/400)]"
    # formal amendments documents
    amends: str | None = None
    instructions: list[Instruction] = field(default_factory=list)
    # a resolution adopted in parts under one symbol (A/RES/75/101 A-B): each part a Document of its
    # own (symbol "A/RES/75/101 A", title, preamble, operative part, annexes, closing), this one
    # holding the head and the footnotes, which the UN numbers across the parts
    parts: list["Document"] = field(default_factory=list)

    def divisions(self) -> list["Document"]:
        """The texts that hold paragraphs: each part of a resolution adopted in parts, else the document."""
        return self.parts or [self]

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)
