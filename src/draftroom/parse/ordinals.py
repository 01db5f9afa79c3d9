"""Ordinal words ("fourteenth", "thirty-eighth", "quatorzième", "decimocuarto", "четырнадцатого",
"十四", "الرابعة عشرة") as numbers, for citing preambular paragraphs in formal amendments."""

import re
import unicodedata

from draftroom.model.ordinals import (
    AR_AFTER,
    AR_AND,
    AR_HUNDRED,
    AR_ONE_IN_COMPOUNDS,
    AR_ORDINAL_TENS,
    AR_ORDINAL_UNITS,
    AR_TEEN,
    EN_TENS,
    ES_ORDINAL_TENS,
    FR_TENS,
    RU_CARDINAL_TENS,
    RU_ORDINAL_STEMS,
)

_EN_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_TENTHS = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]

_FR_UNITS = [
    "unieme",
    "deuxieme",
    "troisieme",
    "quatrieme",
    "cinquieme",
    "sixieme",
    "septieme",
    "huitieme",
    "neuvieme",
    "dixieme",
    "onzieme",
    "douzieme",
    "treizieme",
    "quatorzieme",
    "quinzieme",
    "seizieme",
]

_ES_UNITS = ["primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "septimo", "octavo", "noveno"]

_RU_STEMS = {stem: value for value, (stem, _kind) in RU_ORDINAL_STEMS.items()}
_RU_ENDING = re.compile(r"(ый|ой|ий|ого|ому|ом|ая|ую|ые|ых|ым|ыми|ий|ьего|ьему|ьем|ья|ью|ье|ьи|ьих|ей|ое)")
_RU_CARDINALS = {word: value for value, word in RU_CARDINAL_TENS.items()} | {"сто": 100}


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _vocab() -> dict[str, dict[str, tuple[int, bool]]]:
    """Per language: word part -> (value, is it an ordinal ending)."""
    en: dict[str, tuple[int, bool]] = {w: (i + 1, True) for i, w in enumerate(_EN_UNITS)}
    en |= {w: (value, False) for value, w in EN_TENS.items()}
    en |= {w: (20 + 10 * i, True) for i, w in enumerate(_EN_TENTHS)}
    en |= {"hundred": (100, False), "onehundred": (100, False), "hundredth": (100, True)}
    en |= {"onehundredth": (100, True)}
    fr: dict[str, tuple[int, bool]] = {w: (i + 1, True) for i, w in enumerate(_FR_UNITS)}
    fr |= {"premier": (1, True), "premiere": (1, True), "second": (2, True), "seconde": (2, True)}
    fr |= {"dix": (10, False), "cent": (100, False)} | {
        w.replace("-", ""): (v, False) for v, w in FR_TENS.items()
    }
    fr |= {"vingtieme": (20, True), "trentieme": (30, True), "quarantieme": (40, True)}
    fr |= {"cinquantieme": (50, True), "soixantieme": (60, True), "quatrevingtieme": (80, True)}
    fr |= {"centieme": (100, True)}
    es: dict[str, tuple[int, bool]] = {}
    for i, w in enumerate(_ES_UNITS):
        es[w] = es[w[:-1] + "a"] = (i + 1, True)
    es |= {"primer": (1, True), "tercer": (3, True), "setimo": (7, True), "setima": (7, True)}
    es |= {"undecimo": (11, True), "undecima": (11, True), "duodecimo": (12, True), "duodecima": (12, True)}
    for value, word in ES_ORDINAL_TENS.items():
        w = _strip_accents(word)
        es[w] = es[w[:-1] + "a"] = (value, True)
    es |= {"centesimo": (100, True), "centesima": (100, True)}
    return {"en": en, "fr": fr, "es": es}


_VOCAB = _vocab()
_SKIP = {"en": {"and"}, "fr": {"et"}, "es": {"y"}}


def _scan(word: str, vocab: dict[str, tuple[int, bool]]) -> int | None:
    """Sum the parts of a compound ordinal written as one string; None unless it ends in an ordinal."""
    total, pos, last_ordinal = 0, 0, False
    parts = sorted(vocab, key=len, reverse=True)
    while pos < len(word):
        part = next((p for p in parts if word.startswith(p, pos)), None)
        if part is None:
            return None
        value, last_ordinal = vocab[part]
        # Spanish "vigésimo primero": a tens ordinal followed by a unit is a sum, not an ending
        total += value
        pos += len(part)
    return total if last_ordinal and total else None


def ordinal_value(phrase: str, lang: str) -> int | None:
    """The number an ordinal phrase stands for ("thirty-eighth" -> 38), or None if it is not one."""
    text = phrase.strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+(st|nd|rd|th|e|er|re|ème|º|o|a|-?й|-?го)?", text):
        return int(re.match(r"\d+", text).group(0))
    if lang == "zh":
        return chinese_number(text)
    if lang == "ru":
        return _russian(text)
    if lang == "ar":
        return _arabic(text)
    vocab = _VOCAB.get(lang)
    if vocab is None:
        return None
    words = [w for w in re.split(r"[\s\-‑]+", _strip_accents(text)) if w and w not in _SKIP.get(lang, ())]
    return _scan("".join(words), vocab)


def _russian(text: str) -> int | None:
    total = 0
    words = text.replace("ё", "е").split()
    for i, w in enumerate(words):
        if w in _RU_CARDINALS and i < len(words) - 1:
            total += _RU_CARDINALS[w]
            continue
        stem = next(
            (
                s
                for s in sorted(_RU_STEMS, key=len, reverse=True)
                if w.startswith(s) and _RU_ENDING.fullmatch(w[len(s) :])
            ),
            None,
        )
        if stem is None or i != len(words) - 1:
            return None
        total += _RU_STEMS[stem]
    return total or None


# Arabic spellings vary in hamza, final yā' and tā' marbūṭa, and may carry vowel marks: words are
# compared in a plain form (الأولى = الاولي, عشرة = عشره).
_AR_PLAIN = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"} | dict.fromkeys(range(0x64B, 0x653), "")
)


def arabic_plain(word: str) -> str:
    """The form Arabic words are compared in."""
    return word.translate(_AR_PLAIN)


_AR_UNITS = {arabic_plain(w): n for n, w in AR_ORDINAL_UNITS.items()}
_AR_FIRSTS = _AR_UNITS | {arabic_plain(AR_ONE_IN_COMPOUNDS): 1}  # the unit of 11, 21, 101...
_AR_TENS = {arabic_plain(w): n for n, forms in AR_ORDINAL_TENS.items() for w in forms}
_AR_HUNDREDS = {arabic_plain(AR_HUNDRED), "المئه"}  # المئة: the newer spelling
_AR_AFTER, _AR_TEEN = arabic_plain(AR_AFTER), arabic_plain(AR_TEEN)
AR_PARTS = {*_AR_FIRSTS, *_AR_TENS, *_AR_HUNDREDS, _AR_AFTER, _AR_TEEN}  # words a compound is made of


def _arabic(text: str) -> int | None:
    """الخامسة 5, الحادية عشرة 11, الثالثة والعشرون (or "و العشرين") 23, الأولى بعد المائة 101."""
    words = re.sub(rf"(?<!\S){AR_AND}\s+", AR_AND, arabic_plain(text)).split()
    hundred = 0
    if len(words) > 2 and words[-2] == _AR_AFTER and words[-1] in _AR_HUNDREDS:
        hundred, words = 100, words[:-2]
    elif words and all(w in _AR_HUNDREDS for w in words):
        return 100 if len(words) == 1 else None
    if len(words) == 1:
        value = (_AR_FIRSTS if hundred else _AR_UNITS).get(words[0]) or _AR_TENS.get(words[0])
    elif len(words) == 2 and words[0] in _AR_FIRSTS and _AR_FIRSTS[words[0]] < 10:
        if words[1] == _AR_TEEN:
            value = 10 + _AR_FIRSTS[words[0]]
        else:
            tens = words[1].removeprefix(AR_AND) if words[1].startswith(AR_AND) else ""
            value = _AR_TENS[tens] + _AR_FIRSTS[words[0]] if tens in _AR_TENS else None
    else:
        value = None
    return value + hundred if value else None


_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> int | None:
    """十四 -> 14, 三十八 -> 38, 一百零一 -> 101; Arabic digits as they are."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ZH_DIGITS and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c in _ZH_DIGITS:
            current = _ZH_DIGITS[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            total += (current or 1) * 100
            current = 0
    return total + current or None
