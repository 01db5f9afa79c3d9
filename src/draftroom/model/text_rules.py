"""What text may enter the store: the one rule, for text typed (refused, with the character named) and
for text read from a file (the characters dropped, as a printed page never shows them).

Refused: control characters other than tab and line ends (Word and XML 1.0 cannot hold them),
surrogates (what is left of bytes that were not UTF-8), noncharacters (U+FFFE, U+FFFF, U+FDD0...:
XML and Word refuse U+FFFE and U+FFFF, and none of them is ever text), and the bidi controls that
reorder what follows them (embeddings, overrides, isolates: the export sets each paragraph's
direction itself, and a hidden override makes a text read otherwise than it is stored). The bidi
marks (LRM, RLM, ALM), invisible and harmless, are dropped.
"""

import unicodedata

from draftroom.errors import DraftroomError
from draftroom.model.limits import TYPED_CHARS, check_numbers, over_limit
from draftroom.patterns import LazyPattern

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_MARKS = "\u200e\u200f\u061c"
# one character class for the rule: controls (tab and line ends kept), surrogates, noncharacters, bidi controls
_PLANE_ENDS = "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
UNSTORABLE = LazyPattern(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_PLANE_ENDS}{BIDI_CONTROLS}]"
)
_DROPPED = LazyPattern(f"{UNSTORABLE.pattern}|[{BIDI_MARKS}]")


def why_unstorable(ch: str) -> str | None:
    """Why `ch` may not be stored, as the end of a sentence; None when it may."""
    if not UNSTORABLE.match(ch):
        return None
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte that was not UTF-8 (surrogateescape)
        return f"the byte 0x{code - 0xDC00:02X}, which is not UTF-8: give the text in UTF-8"
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate, which is not a character: give the text in UTF-8"
    if ch in BIDI_CONTROLS:
        return "a bidi control, which would make the text display otherwise than it is stored"
    if code < 0xA0:
        return "a control character, which Word and XML cannot hold"
    return "a noncharacter, which Word and XML cannot hold"


def _name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


def check_typed(text: str, what: str = "text") -> str:
    """`text` as typed by a user, without bidi marks; a one-line DraftroomError naming the first
    character that may not be stored and its position (1 is the first character)."""
    if len(text) > TYPED_CHARS.value:
        raise over_limit(TYPED_CHARS, f"the {what}", len(text))
    check_numbers(text, f"the {what}")
    # a printable text holds none of them (each is a control, surrogate, noncharacter or format
    # character): the pattern, whose class costs more to compile than a command's other checks, is
    # then neither compiled nor run
    bad = None if text.isprintable() else UNSTORABLE.search(text)
    if bad:
        ch = bad.group()
        raise DraftroomError(
            f"the {what} holds {_name(ch)} at position {bad.start() + 1}: {why_unstorable(ch)}; "
            "delete it and retype"
        )
    return text.translate(_MARKS)


def check_argument(arg: str, what: str) -> None:
    """A command-line argument or variable holds text only (bytes not UTF-8 come as surrogates, the
    one thing UTF-8 cannot encode: found without a pattern, whose class of 2,048 surrogates once cost
    a command more to compile than to check all its arguments)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError as e:
        ch = arg[e.start]
        raise DraftroomError(
            f"{what} holds {_name(ch)} at position {e.start + 1}: {why_unstorable(ch)}"
        ) from None


_MARKS = dict.fromkeys(map(ord, BIDI_MARKS))


def storable(text: str) -> str:
    """Text read from a file, without the characters that may not be stored (dropped, as a printed
    page never shows them)."""
    return _DROPPED.sub("", text)
