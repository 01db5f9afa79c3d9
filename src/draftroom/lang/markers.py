"""Sub-item markers as printed in each language, and their Latin form (the labels' "a", "ii").

English, French and Spanish print Latin letters and small Roman numerals. Arabic letters its
sub-items in abjad order, (أ) (ب) (ج) (د) (هـ) for (a) (b) (c) (d) (e), and numbers the second
level ’1‘ ’2‘ for (i) (ii). Russian sometimes letters them in Cyrillic: а) б) в) for a) b) c).
Parse reads the printed forms into Latin markers and export prints them back from this one table.
"""

LATIN = "abcdefghijklmnopqrstuvwxyz"
ABJAD = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر",
         "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ")  # fmt: skip
CYRILLIC = tuple("абвгдежзиклмнопрстуфхцчшщэюя")  # ё й ъ ы ь are not used for lists
PRINTED = {"ar": ABJAD}  # letters export prints instead of Latin ones
LETTER_ITEM = {"fr": "{m})", "es": "{m})"}  # sub-items: "(a)", French and Spanish "a)", Arabic "(أ)"
ROMAN_ITEM = {"fr": "{m})", "es": "{m})", "ar": "’{n}‘"}  # "(i)", "i)", Arabic ’1‘
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
          ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))  # fmt: skip


def letter(index: int) -> str:
    """The Latin marker of the index-th item (0-based): a..z, then aa, bb, cc as UN texts go on."""
    if index < len(LATIN):
        return LATIN[index]
    return LATIN[(index - len(LATIN)) % len(LATIN)] * (2 + (index - len(LATIN)) // len(LATIN))


def next_letter(marker: str | None) -> str:
    """The marker after `marker` in a lettered list: "a" first, "b" after "a", "aa" after "z"."""
    index = letter_index(marker) if marker else None
    return letter(index + 1) if index is not None else "a"


def letter_index(marker: str) -> int | None:
    """0-based position of a Latin letter marker ("a" 0, "z" 25, "aa" 26), None otherwise."""
    if not marker or len(set(marker)) != 1 or marker[0] not in LATIN:
        return None
    return LATIN.index(marker[0]) + len(LATIN) * (len(marker) - 1)


def roman(n: int) -> str:
    """The small Roman numeral of n ("xii"); annexes print it in capitals (`.upper()`)."""
    out = ""
    for text, value in _ROMAN:
        while n >= value:
            out, n = out + text, n - value
    return out


_ROMAN_VALUES = {roman(n): n for n in range(1, 400)}


def roman_value(text: str) -> int | None:
    """12 for "xii"; None unless `text` is a well-formed small Roman numeral."""
    return _ROMAN_VALUES.get(text)


def from_alphabet(printed: str, alphabet: tuple[str, ...]) -> str | None:
    """Latin marker of a letter in another alphabet by its position ("ب" -> "b"); a doubled
    letter ("أأ") goes on after the last one, as "aa" follows "z"."""
    text = printed.replace(" ", "").replace("ـ", "")
    plain = [a.replace("ـ", "") for a in alphabet]
    if text in plain:
        return letter(plain.index(text))
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:] and text[:half] in plain:
        return letter(len(plain) + plain.index(text[:half]))
    return None


def printed_letter(marker: str, lang: str) -> str:
    """The letter `lang` prints for a Latin letter marker: Arabic (ب) for (b); others as they are."""
    alphabet = PRINTED.get(lang)
    index = letter_index(marker)
    if alphabet is None or index is None:
        return marker
    if index < len(alphabet):
        return alphabet[index]
    return alphabet[(index - len(alphabet)) % len(alphabet)] * 2


def printed_item(marker: str | None, lang: str, roman: bool) -> str:
    """A sub-item's printed marker; `roman`: the marker is a numeral of a list of (i), (ii)."""
    marker = marker or "?"
    value = roman_value(marker) if roman else None
    if value is not None:
        return ROMAN_ITEM.get(lang, "({m})").format(m=marker, n=value)
    return LETTER_ITEM.get(lang, "({m})").format(m=printed_letter(marker, lang))
