"""The language of a text: Chinese, Arabic and Russian by script, English, French and Spanish by
their commonest short words."""

import re

from draftroom.lang import check_language
from draftroom.lang.scripts import ARABIC, CYRILLIC, IDEOGRAPHS

_SCRIPTS = {
    "zh": re.compile(f"[{IDEOGRAPHS}]"),
    "ar": re.compile(f"[{ARABIC}]"),
    "ru": re.compile(f"[{CYRILLIC}]"),
}
_WORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "on", "with", "for", "that"},
    "fr": {"de", "la", "le", "les", "des", "et", "du", "en", "à", "sur", "aux", "dans"},
    "es": {"de", "la", "el", "los", "las", "y", "del", "en", "con", "para", "sobre", "por"},
}
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")


NAMES = {"zh": "Chinese", "en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic"}
_MIN_LETTERS = 200  # below this a heading or a quotation could pass for the text's language


def _script_share(sample: str, lang: str) -> float:
    letters = sum(1 for c in sample if c.isalpha()) or 1
    return len(_SCRIPTS[lang].findall(sample)) / letters


def _word_scores(sample: str) -> dict[str, int]:
    words = _LATIN_WORD.findall(sample.lower())
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _WORDS.items()}
    scores["fr"] += 3 * sum(1 for w in words if w in ("les", "des", "du", "aux"))
    scores["es"] += 3 * sum(1 for w in words if w in ("los", "las", "del", "y"))
    return scores


def detect_language(text: str) -> str:
    sample = text[:6000]
    for lang in _SCRIPTS:
        if _script_share(sample, lang) > 0.2:
            return lang
    scores = _word_scores(sample)
    return max(scores, key=lambda k: scores[k])


def contradicted(text: str, lang: str) -> str | None:
    """The language `text` is clearly written in when that is not `lang`; None when it is `lang`,
    when the text is too short to tell, or when the evidence is mixed (much of both scripts, or
    French against Spanish by a few words)."""
    sample = text[:6000]
    if sum(1 for c in sample if c.isalpha()) < _MIN_LETTERS:
        return None
    found = detect_language(sample)
    if found == lang or (lang in _SCRIPTS and _script_share(sample, lang) > 0.05):
        return None
    if found in _SCRIPTS:
        return found if _script_share(sample, found) > 0.5 else None
    scores = _word_scores(sample)
    return found if scores[found] >= 10 and scores[found] >= 2 * scores.get(lang, 0) else None


def language_warning(name: str, text: str, lang: str | None) -> str | None:
    """The one-line warning for a `--lang` that the text of file `name` clearly contradicts (the text
    is still read in `lang`, as asked); None when there is no `--lang` or nothing contradicts it."""
    if not lang:
        return None
    lang = check_language(lang)
    found = contradicted(text, lang)
    if not found:
        return None
    return (
        f"{name} reads as {NAMES[found]} ({found}), not {NAMES[lang]} ({lang}); "
        f"parsed as {NAMES[lang]} as --lang asks (leave --lang out to detect the language)"
    )


def looks_like_xml(data: bytes) -> bool:
    """An XML file by its first bytes (declaration, doctype or an Akoma Ntoso root)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<akomaNtoso", b"<!DOCTYPE"))
