"""Ordinal words ("fourteenth", "thirty-eighth", "quatorzième", "decimocuarto", "четырнадцатого",
"十四") as numbers, for citing preambular paragraphs in formal amendments."""

import re
import unicodedata

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
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
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
_ES_TENS = [
    "decimo",
    "vigesimo",
    "trigesimo",
    "cuadragesimo",
    "quincuagesimo",
    "sexagesimo",
    "septuagesimo",
    "octogesimo",
    "nonagesimo",
]

_RU_STEMS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "двадцат": 20,
    "тридцат": 30,
    "сороков": 40,
    "пятидесят": 50,
    "шестидесят": 60,
    "семидесят": 70,
    "восьмидесят": 80,
    "девяност": 90,
    "сот": 100,
}
_RU_ENDING = re.compile(r"(ый|ой|ий|ого|ому|ом|ая|ую|ые|ых|ым|ыми|ий|ьего|ьему|ьем|ья|ью|ье|ьи|ьих|ей|ое)")
_RU_CARDINALS = {
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
}


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _vocab() -> dict[str, dict[str, tuple[int, bool]]]:
    """Per language: word part -> (value, is it an ordinal ending)."""
    en: dict[str, tuple[int, bool]] = {w: (i + 1, True) for i, w in enumerate(_EN_UNITS)}
    en |= {w: (20 + 10 * i, False) for i, w in enumerate(_EN_TENS)}
    en |= {w: (20 + 10 * i, True) for i, w in enumerate(_EN_TENTHS)}
    en |= {"hundred": (100, False), "onehundred": (100, False), "hundredth": (100, True)}
    en |= {"onehundredth": (100, True)}
    fr: dict[str, tuple[int, bool]] = {w: (i + 1, True) for i, w in enumerate(_FR_UNITS)}
    fr |= {"premier": (1, True), "premiere": (1, True), "second": (2, True), "seconde": (2, True)}
    fr |= {"dix": (10, False), "vingt": (20, False), "trente": (30, False), "quarante": (40, False)}
    fr |= {
        "cinquante": (50, False),
        "soixante": (60, False),
        "quatrevingt": (80, False),
        "cent": (100, False),
    }
    fr |= {"vingtieme": (20, True), "trentieme": (30, True), "quarantieme": (40, True)}
    fr |= {"cinquantieme": (50, True), "soixantieme": (60, True), "quatrevingtieme": (80, True)}
    fr |= {"centieme": (100, True)}
    es: dict[str, tuple[int, bool]] = {}
    for i, w in enumerate(_ES_UNITS):
        es[w] = es[w[:-1] + "a"] = (i + 1, True)
    es |= {"primer": (1, True), "tercer": (3, True), "setimo": (7, True), "setima": (7, True)}
    es |= {"undecimo": (11, True), "undecima": (11, True), "duodecimo": (12, True), "duodecima": (12, True)}
    for i, w in enumerate(_ES_TENS):
        value = 10 if i == 0 else 10 * (i + 1)
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
