"""Language knowledge, in one home: what each of the six official languages writes and how it reads.

`numbers` the ordinal words, generated and read back from one table; `markers` Roman numerals and item
letters (Latin, Arabic abjad, Cyrillic); `scripts` the Unicode ranges of the scripts and display
widths; `citations` the nouns and phrases that cite a document's parts. The lowest layer: it imports
nothing from draftroom but `draftroom.errors`.
"""

LANGUAGES = ("en", "zh", "fr", "es", "ru", "ar")
