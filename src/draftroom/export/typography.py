"""UN typography per language: fonts, sizes, paper, and the opening phrase set apart.

English (and French, Spanish, Russian) italicize only the opening phrase of each preambular and
operative paragraph, found by longest match in a phrase list; Chinese sets it apart in KaiTi (or
bold, or not at all). Everything here is a default that `Typography` lets a caller change.
"""

import re
from dataclasses import dataclass
from typing import Any

from draftroom.errors import DraftroomError
from draftroom.export.phrases import EXTENDERS, LEADING_EXTENDERS, PHRASES
from draftroom.export.words import QUOTES
from draftroom.model.dates import MONTHS
from draftroom.record import replace

OPENER_STYLES = ("italic", "kaiti", "bold", "none")
PAPERS = {"letter": (21.59, 27.94), "a4": (21.0, 29.7)}  # width, height in cm


@dataclass(frozen=True)
class Typography:
    language: str
    font: str = "Times New Roman"  # Latin and Cyrillic text
    east_asia_font: str = "SimSun"
    complex_font: str = "Times New Roman"  # Arabic script
    size: float = 10.0
    leading: float = 12.0  # exact line spacing, points
    note_size: float = 8.0
    paper: str = "letter"
    opener: str = "italic"
    opener_font: str = "KaiTi"  # used when opener == "kaiti"
    rtl: bool = False
    emblem: str | None = None  # an image for the masthead's emblem place (the UN's own is not shipped)


_DEFAULTS = {
    "en": Typography("en", note_size=8.5),
    "fr": Typography("fr", note_size=8.5),
    "es": Typography("es", note_size=8.5),
    "ru": Typography("ru", note_size=8.5),
    "zh": Typography("zh", size=14.0, leading=22.0, note_size=10.0, opener="kaiti", font="Times New Roman"),
    "ar": Typography(
        "ar",
        complex_font="Simplified Arabic",
        size=14.0,
        leading=18.0,
        note_size=11.0,
        opener="none",
        rtl=True,
    ),
}


def typography_for(lang: str, **overrides: object) -> Typography:
    """The language's defaults with the caller's overrides (None values are ignored)."""
    base = _DEFAULTS[lang]
    changes: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    if "paper" in changes and changes["paper"] not in PAPERS:
        raise DraftroomError(f"unknown paper size {changes['paper']!r}: use letter or a4")
    if "opener" in changes and changes["opener"] not in OPENER_STYLES:
        raise DraftroomError(f"unknown opener style {changes['opener']!r}: use {', '.join(OPENER_STYLES)}")
    return replace(base, **changes)


def _pattern(phrase: str, lang: str) -> re.Pattern[str]:
    """The phrase at the start of a text; in scripts with spaces, only as whole words."""
    return re.compile(re.escape(phrase) + ("" if lang == "zh" else r"(?![\w’'-])"))


_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def _phrases(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    if lang not in _COMPILED:
        ordered = sorted(set(PHRASES.get(lang, ())), key=len, reverse=True)
        _COMPILED[lang] = [(p, _pattern(p, lang)) for p in ordered]
    return _COMPILED[lang]


def opener_length(text: str, lang: str, override: str | None = None) -> int:
    """How many leading characters of a paragraph form its opening phrase (0: none).

    `override` names the phrase for this paragraph ("" for none); it must begin the text.
    """
    if override is not None:
        return len(override) if override and text.startswith(override) else 0
    matched = next((len(p) for p, pattern in _phrases(lang) if pattern.match(text)), 0)
    if lang not in EXTENDERS:
        return matched
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", text))
    if not matched:
        matched = _first_words(text, words, lang)
    return _extended(text, words, matched, lang)


def _first_words(text: str, words: list[re.Match[str]], lang: str) -> int:
    """The fallback opener: the first word, with a leading adverb ("Further requests")."""
    if not words or words[0].start() != 0 or not words[0].group()[0].isupper():
        return 0
    if words[0].group().lower() in LEADING_EXTENDERS[lang] and len(words) > 1:
        return words[1].end()
    return words[0].end()


def _extended(text: str, words: list[re.Match[str]], end: int, lang: str) -> int:
    """Widen an opener over the adverbs that follow it ("Recalling also", "Prie en outre")."""
    for word in words:
        if word.start() < end:
            continue
        if word.group() not in EXTENDERS[lang] or text[end : word.start()] != " ":
            break
        end = word.end()
    return end


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=[sz])'(?=[\s,.;:)]|$)")
_OPENING = re.compile(r'(^|[\s(\[—–-])"(?=\S)')


# a date's day and its month on one line: the UN's own texts join them with a no-break space (1,428 of the
# 1,616 day-month pairs of the 80 English resolutions of 2024-2025 in AKN4UN; French and Russian alike), and
# the UN's pages never break a line between them
_DAY_MONTH = {
    lang: re.compile(r"(?<=\d) (?=(?:" + "|".join(MONTHS[lang]) + r")\b)") for lang in ("en", "fr", "ru")
}


def joined_dates(text: str, lang: str) -> str:
    """A paragraph's or a note's text with a no-break space between each day and its month."""
    day_month = _DAY_MONTH.get(lang)
    return day_month.sub("\u00a0", text) if day_month is not None else text


def printed(text: str, lang: str) -> str:
    """Text as the UN prints it: typographic apostrophes (People’s) and quotes (“…” in the language's
    form) where a source or a user typed straight ones."""
    if "'" not in text and '"' not in text:
        return text
    opening, closing = QUOTES[lang]
    text = _APOSTROPHE.sub("’", text)
    text = _OPENING.sub(lambda m: m.group(1) + opening, text)
    return text.replace('"', closing)


# the titles a UN footnote sets in italics: publications and the official records of the organs
_NOTE_TITLES = {
    "en": re.compile(
        r"Treaty Series|Resolutions Adopted by the Conference"
        r"|(?:Official Records of the [A-Z][\w ]+?, )?(?:[A-Z][a-z]+(?:-[a-z]+)? Session|\d{4}),"
        r" Supplement No\. \d+[A-Z]?"
        r"|Report of the [^()]+?(?= \((?:United Nations publication|A/CONF))"
    ),
    "fr": re.compile(
        r"Recueil des Traités|Documents officiels de l’[A-Z][\w ]+?, [\w-]+ session, Supplément no \d+[A-Z]?"
    ),
    "es": re.compile(
        r"Treaty Series|Documentos Oficiales de la [A-Z][\w ]+?, [\w ]+ Período de Sesiones, "
        r"Suplemento núm\. \d+[A-Z]?"
    ),
}


def note_italics(text: str, lang: str) -> list[tuple[bool, str]]:
    """A footnote's text as (italic, piece) runs: the titles UN footnotes set in italics."""
    pattern = _NOTE_TITLES.get(lang)
    if pattern is None:
        return [(False, text)]
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((False, text[pos : m.start()]))
        out.append((True, m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((False, text[pos:]))
    return out
