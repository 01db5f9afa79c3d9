"""The scripts of the six languages as Unicode ranges, for regular expression character classes
(`f"[{CJK}]"`), and the display width of text.

Each range is named once here; parse, export and the Member State table build their patterns from
these names instead of writing code points again.
"""

from draftroom.patterns import LazyPattern

HAN = "\u2e80-\u9fff\uf900-\ufaff"  # CJK radicals, ideographs and compatibility ideographs
IDEOGRAPHS = "\u4e00-\u9fff"  # the unified ideographs: what a Chinese text is mostly written in
CJK_PUNCTUATION = "\u3000-\u303f"  # ideographic space, 。、「」 and the like
FULL_WIDTH = "\uff00-\uffef"  # full-width Latin, digits and punctuation (，；（）)
CJK = HAN + FULL_WIDTH + CJK_PUNCTUATION  # every character Chinese text sets without spaces
HANGUL = "\uac00-\ud7a3"

ARABIC = "\u0600-\u06ff"  # the Arabic block
ARABIC_LETTERS = "\u0621-\u064a"  # hamza to yā'
ARABIC_MARKS = "".join(map(chr, range(0x64B, 0x653)))  # the vowel marks (harakat), fathatan to sukun
ARABIC_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefe"  # the shaped forms some PDFs hold
RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"  # Hebrew, Arabic, Syriac... and their presentation forms
CYRILLIC = "\u0400-\u04ff"

_CJK_CHAR = LazyPattern(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    """Whether `ch` (one character, or the first of a string) is set without spaces around it."""
    return bool(_CJK_CHAR.match(ch))


def width(text: str) -> int:
    """Display width in columns: East Asian wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # loaded only for text that needs it

    return cell_len(text)
