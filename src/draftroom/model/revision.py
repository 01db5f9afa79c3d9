"""A revision of a negotiated text, as one value: its number, its git tag and the name people use.

Revision 0 is the base text a negotiation starts from (tag and name "rev-0"); each revision cut
after it is rev-N in git and "Rev.N" to people, and its document symbol ends "/Rev.N". A base text
that is itself a revised draft (".../L.20/Rev.1") is followed by the next number (Rev.2), so the
revision a negotiation cuts never repeats a symbol already issued. An adopted text (".../RES/...")
is never revised under its own symbol: a negotiation starting from last year's resolution makes a
new draft, whose symbol the Secretariat gives when it is tabled.
"""

from __future__ import annotations

from draftroom.patterns import LazyPattern
from draftroom.record import record

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Self

_TAG = LazyPattern(r"rev-(\d{1,6})")
_TYPED = LazyPattern(r"(?i)\s*(?:rev)?[-._ ]?(\d{1,6})\s*")  # "Rev.1", "rev-1", "1", "rev 1"
_SYMBOL = LazyPattern(r"/Rev\.(\d{1,6})$")
_ADOPTED = LazyPattern(r"(?:^|/)(?:RES|DEC)/")  # A/RES/79/1, S/RES/2334 (2016), A/HRC/RES/58/1


@record(frozen=True, order=True)
class Revision:
    number: int

    @property
    def tag(self) -> str:
        """The git tag: "rev-0", "rev-1"..."""
        return f"rev-{self.number}"

    @property
    def name(self) -> str:
        """How people call it: "rev-0" (the base text), then "Rev.1", "Rev.2"..."""
        return self.tag if self.number == 0 else f"Rev.{self.number}"

    def __str__(self) -> str:
        return self.name

    def known_as(self, symbol: str | None, lang: str = "en") -> str:
        """The draft at this revision as its readers know it: its symbol; without one "Base text"
        (revision 0, in `lang`) or "Rev.N" — never the git tag."""
        if symbol:
            return symbol
        from draftroom.lang.citations import BASE_TEXT  # its citation patterns load only for this

        return BASE_TEXT.get(lang, BASE_TEXT["en"]) if self.number == 0 else f"Rev.{self.number}"

    @classmethod
    def from_tag(cls, tag: str | None) -> Self | None:
        """The revision a tag ("rev-2") names; None for any other text."""
        m = _TAG.fullmatch(tag or "")
        return cls(int(m.group(1))) if m else None

    @classmethod
    def typed(cls, text: str) -> Self | None:
        """The revision a user typed ("Rev.1", "rev-1", "1"); None when it names no revision."""
        m = _TYPED.fullmatch(text)
        return cls(int(m.group(1))) if m else None

    @classmethod
    def of_symbol(cls, symbol: str | None) -> Self:
        """The revision a document symbol says it is: ".../L.20/Rev.1" is 1, ".../L.20" is 0."""
        m = _SYMBOL.search(symbol or "")
        return cls(int(m.group(1)) if m else 0)

    def next_after(self, symbol: str | None) -> Revision:
        """The revision cut after this one, of a text whose symbol is `symbol`: one more than
        both this number and the symbol's own (after a base text .../Rev.1, Rev.2)."""
        return Revision(max(self.number, Revision.of_symbol(symbol).number) + 1)

    def symbol(self, base: str | None) -> str | None:
        """`base` (".../L.20" or ".../L.20/Rev.1") as this revision's symbol; None without one, or
        when `base` is an adopted text's (see `is_adopted`)."""
        if not base or is_adopted(base):
            return None
        return _SYMBOL.sub("", base) + f"/Rev.{self.number}"


def is_adopted(symbol: str | None) -> bool:
    """Whether `symbol` names an adopted resolution or decision ("A/RES/79/1", "S/RES/2334 (2016)")."""
    return bool(_ADOPTED.search(symbol or ""))
