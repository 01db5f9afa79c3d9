"""The language of a text: Chinese, Arabic and Russian by script, English, French and Spanish by
their commonest short words."""

import re

from draftroom.errors import DraftroomError

LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar")
_SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
_WORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "on", "with", "for", "that"},
    "fr": {"de", "la", "le", "les", "des", "et", "du", "en", "à", "sur", "aux", "dans"},
    "es": {"de", "la", "el", "los", "las", "y", "del", "en", "con", "para", "sobre", "por"},
}
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")


def detect_language(text: str) -> str:
    sample = text[:6000]
    letters = sum(1 for c in sample if c.isalpha()) or 1
    for lang, script in _SCRIPTS.items():
        if len(script.findall(sample)) / letters > 0.2:
            return lang
    words = _LATIN_WORD.findall(sample.lower())
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _WORDS.items()}
    scores["fr"] += 3 * sum(1 for w in words if w in ("les", "des", "du", "aux"))
    scores["es"] += 3 * sum(1 for w in words if w in ("los", "las", "del", "y"))
    return max(scores, key=lambda k: scores[k])


def check_language(lang: str) -> str:
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise DraftroomError(f"--lang {lang!r}: give one of {', '.join(LANGUAGES)}")
    return code
