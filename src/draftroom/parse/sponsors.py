"""Splitting a sponsor line into one name per sponsor."""

import re

_LAST = {
    "en": r",?\s+and\s+",
    "fr": r",?\s+et\s+",
    "es": r",?\s+y\s+",
    "ru": r",?\s+и\s+",
    "ar": r"\s+و",
    "zh": "和",
}
_SEPARATOR = {"zh": "、"}


def sponsor_names(text: str, lang: str) -> list[str]:
    """Names in the order printed (a simple split until the Member State table is in)."""
    sep = _SEPARATOR.get(lang, ",")
    parts = [p.strip() for p in text.split(sep)]
    if parts:
        parts[-1:] = [p.strip() for p in re.split(_LAST.get(lang, r"\s+and\s+"), parts[-1], maxsplit=1)]
    return [p for p in parts if p]
