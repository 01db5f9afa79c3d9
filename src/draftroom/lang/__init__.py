"""Language knowledge, in one home: what each of the six official languages writes and how it reads.

`numbers` the ordinal words, generated and read back from one table; `markers` Roman numerals and item
letters (Latin, Arabic abjad, Cyrillic); `scripts` the Unicode ranges of the scripts and display
widths; `citations` the nouns and phrases that cite a document's parts. The lowest layer: it imports
nothing from draftroom but `draftroom.errors`.
"""

from draftroom.errors import DraftroomError

LANGUAGES = ("en", "zh", "fr", "es", "ru", "ar")


def check_language(lang: str) -> str:
    """The language code a user typed (" FR" is fr); an unknown one is a one-line error naming the six."""
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise DraftroomError(f"--lang {lang!r}: unknown language, give one of {', '.join(LANGUAGES)}")
    return code
