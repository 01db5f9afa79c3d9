"""One language's version of the working text: each paragraph's translation under the working text's
stable paragraph id, with the digest of the working text it was translated from.

Staleness is computed, never recorded: a translation is `current` while the working paragraph's text
still has the digest the translation was made from, `stale` once it differs, `missing` when the
working paragraph has no translation (a paragraph inserted since).
"""

from draftroom.model.document import Closing, Footnote
from draftroom.model.footnotes import REF
from draftroom.record import field, record

STATUSES = ("current", "stale", "missing")
# the document's scalar fields each language prints in its own words
FIELDS = (
    "title",
    "body",
    "session",
    "committee",
    "agenda_title",
    "date",
    "job_number",
    "adopted_on",
    "report_line",
)


def digest(text: str) -> str:
    """The short fingerprint of a working paragraph's text that a translation records. Footnote references
    count as references, not by number: a revision that renumbers the notes leaves the paragraph current
    (each note has its own status, draftroom.model.translated_notes)."""
    return _sha(REF.sub("[^]", text))


def made_from(source: str, text: str) -> bool:
    """Whether a translation recording `source` was made from the working text `text` (a store from before
    references were left out of the digest recorded the text as it stood)."""
    return source in (digest(text), _sha(text))


def _sha(text: str) -> str:
    import hashlib  # not at import: OpenSSL loads with it, and most commands never hash

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@record
class TranslatedParagraph:
    text: str
    source: str  # digest() of the working text this was translated from
    marker: str | None = None
    opener: str | None = None
    headings: list[str] = field(default_factory=list)


@record
class Translation:
    language: str
    fields: dict[str, str | None] = field(default_factory=dict)  # FIELDS in this language
    closing: Closing = field(default_factory=Closing)
    paragraphs: dict[str, TranslatedParagraph] = field(default_factory=dict)  # working id -> translation
    # annex titles and annex headings by the working text's id ("annex-N" for an annex without one)
    headings: dict[str, str] = field(default_factory=dict)
    footnotes: list[Footnote] = field(default_factory=list)
    # a footnote's number -> digest() of the working note's text it was translated from
    footnote_sources: dict[int, str] = field(default_factory=dict)
    # a resolution adopted in parts: each part's words (fields, closing, annex titles and headings);
    # its paragraphs are in `paragraphs`, its footnotes the whole's
    parts: list["Translation"] = field(default_factory=list)


@record
class AmendmentTranslation:
    """An amendment's wording in another language: the new text (replace, insert), or the words an
    edit changes and their replacement, as that language's version of the text reads them."""

    text: str | None = None
    find: str | None = None
    replace: str | None = None


@record
class TranslationProposal:
    """A delegation's wording of one paragraph (or footnote) in another language, for a facilitator or
    the Secretariat to accept or reject. The fields after `status` have defaults: a proposal stored
    before them still loads."""

    id: str
    paragraph: str  # the working paragraph's id (a footnote's: the first paragraph referring to it)
    language: str
    text: str
    proposer: str
    source: str  # digest() of the working text (the working note's text) it translates
    status: str = "proposed"  # proposed, accepted or rejected
    reason: str = ""  # why it was decided so, in the deciding facilitator's words
    footnote: int | None = None  # the working text's footnote number it translates, when one

    @property
    def what(self) -> str:
        """What it translates, in words: "footnote 2", or "" for its paragraph."""
        return f"footnote {self.footnote}" if self.footnote is not None else ""


def annex_key(annex_id: str | None, index: int) -> str:
    """The key of an annex's title in `Translation.headings`: its id, else its place ("annex-1")."""
    return annex_id or f"annex-{index + 1}"
