"""The limits every reader enforces, in one place, each well above any real UN document.

A file over a limit is refused with one line naming the limit (`over_limit`), before the work that
would grow with it: no input, however hostile, makes a reader run for minutes or eat the memory.
The largest real documents seen: a resolution's text of 110,000 characters (a PDF of 470 KB), a UN
.docx unzipping to 300 KB (no part compressed more than 14 to 1), 150 footnotes, 60 pages, XML
nested 30 deep. bench/bench_limits.py times every reader up to these limits.
"""

from draftroom.errors import DraftroomError
from draftroom.patterns import LazyPattern
from draftroom.record import record


@record(frozen=True)
class Limit:
    name: str  # how the user reads it: "file size"
    value: int
    unit: str  # "bytes", "characters", ...
    too: str = "too large"  # what being over it is: "too deep", "too long"...

    def check(self, amount: int, source: str) -> None:
        if amount > self.value:
            raise over_limit(self, source, amount)


FILE_BYTES = Limit("file size", 20 * 1024 * 1024, "bytes")
UNZIPPED_BYTES = Limit("unzipped size", 40 * 1024 * 1024, "bytes")  # all parts of a .docx read
# of one part of a .docx, unzipped to compressed
ZIP_RATIO = Limit("compression ratio", 200, "to 1", "compressed too much")
ZIP_RATIO_FROM = 1024 * 1024  # the ratio is checked on parts that unzip to more than this
ZIP_MEMBERS = Limit("number of parts", 10_000, "parts", "too many parts")
XML_DEPTH = Limit("nesting depth", 200, "levels", "too deeply nested")  # of the XML of a .docx or an AKN file
TEXT_CHARS = Limit("text length", 1_500_000, "characters", "too long")  # the whole text, once read
LINE_CHARS = Limit("line length", 100_000, "characters", "too long")
PARAGRAPH_CHARS = Limit("paragraph length", 20_000, "characters", "too long")  # the longest seen: 3,000
FOOTNOTES = Limit("number of footnotes", 2_000, "footnotes", "too many footnotes")
PAGES = Limit("page count", 250, "pages", "too many pages")
PAGE_CHARS = Limit("text on a page", 30_000, "characters", "too much text on one page")  # a full page: 5,000
# a run of digits (the readers turn them into numbers: int() reads 4,300 digits at most)
NUMBER_DIGITS = Limit("number length", 100, "digits", "too long a number")
TYPED_CHARS = Limit("typed text length", 100_000, "characters", "too long")  # one argument: --text, --find...

ALL = (
    FILE_BYTES,
    UNZIPPED_BYTES,
    ZIP_RATIO,
    ZIP_MEMBERS,
    XML_DEPTH,
    TEXT_CHARS,
    LINE_CHARS,
    PARAGRAPH_CHARS,
    FOOTNOTES,
    PAGES,
    PAGE_CHARS,
    NUMBER_DIGITS,
    TYPED_CHARS,
)


_LONG_NUMBER = LazyPattern(rf"\d{{{NUMBER_DIGITS.value + 1},}}")


def check_numbers(text: str, source: str) -> None:
    """No run of digits longer than the limit (each reader turns runs of digits into numbers)."""
    m = _LONG_NUMBER.search(text)
    if m:
        raise over_limit(NUMBER_DIGITS, f"{source}: the number at character {m.start() + 1}", len(m.group()))


def over_limit(limit: Limit, source: str, amount: int | None = None) -> DraftroomError:
    """The one-line error for `source` going over `limit` (by `amount` when it is known)."""
    found = f" ({amount:,} {limit.unit})" if amount is not None else ""
    return DraftroomError(
        f"{source}: {limit.too}: over the {limit.name} limit of {limit.value:,} {limit.unit}{found}; "
        "no real resolution comes near it: check this is the document meant"
    )
