"""The limits every reader enforces, in one place, each well above any real UN document.

A file over a limit is refused with one line naming the limit (`over_limit`), before the work that
would grow with it: no input, however hostile, makes a reader run for minutes or eat the memory.
The largest real documents measured: a resolution's text under 2 MB, a UN .docx unzipping to 300 KB
(no part compressed more than 14 to 1), 150 footnotes, 60 pages, XML nested 30 deep.
"""

from dataclasses import dataclass

from draftroom.errors import DraftroomError


@dataclass(frozen=True)
class Limit:
    name: str  # how the user reads it: "file size"
    value: int
    unit: str  # "bytes", "characters", ...

    def check(self, amount: int, source: str) -> None:
        if amount > self.value:
            raise over_limit(self, source, amount)


FILE_BYTES = Limit("file size", 20 * 1024 * 1024, "bytes")
UNZIPPED_BYTES = Limit("unzipped size", 40 * 1024 * 1024, "bytes")  # all parts of a .docx read
ZIP_RATIO = Limit("compression ratio", 200, "to 1")  # of one part of a .docx, unzipped to compressed
ZIP_RATIO_FROM = 1024 * 1024  # the ratio is checked on parts that unzip to more than this
ZIP_MEMBERS = Limit("number of parts", 10_000, "parts")
XML_DEPTH = Limit("nesting depth", 200, "levels")  # of the XML of a .docx or an AKN file
TEXT_CHARS = Limit("text length", 8 * 1024 * 1024, "characters")  # the whole text, once read
LINE_CHARS = Limit("line length", 200_000, "characters")
FOOTNOTES = Limit("number of footnotes", 5_000, "footnotes")
PAGES = Limit("page count", 2_000, "pages")
TYPED_CHARS = Limit("typed text length", 100_000, "characters")  # one argument: --text, --find...

ALL = (
    FILE_BYTES,
    UNZIPPED_BYTES,
    ZIP_RATIO,
    ZIP_MEMBERS,
    XML_DEPTH,
    TEXT_CHARS,
    LINE_CHARS,
    FOOTNOTES,
    PAGES,
    TYPED_CHARS,
)


def over_limit(limit: Limit, source: str, amount: int | None = None) -> DraftroomError:
    """The one-line error for `source` going over `limit` (by `amount` when it is known)."""
    found = f" ({amount:,} {limit.unit})" if amount is not None else ""
    return DraftroomError(
        f"{source}: over the {limit.name} limit of {limit.value:,} {limit.unit}{found}: "
        "no real resolution is that large; check the file is the document meant"
    )
