"""Ordinal words in the six languages, 1 to 199 ("fifth", "vingt et unième", "двадцать второй",
"الثالثة والعشرون", "第十二"), and Chinese numerals.

UN amendments cite preambular paragraphs by ordinal words. The words are generated here from one
table per language, with every spelling a document may use (Spanish feminine and apocopated forms,
each Russian case ending, Arabic in both cases and with either spelling of المائة); reading them
back inverts the same spellings, so that what export writes, parse reads. Russian ordinals take the
case the sentence needs (nominative, genitive, prepositional); Arabic ones agree with "الفقرة"
(feminine), the tens taking the case.
"""

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from draftroom.lang import LANGUAGES
from draftroom.lang.scripts import ARABIC_MARKS
from draftroom.patterns import LazyPattern

LAST = 199  # the highest ordinal written in words; higher paragraphs are cited by number

_EN_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 80: "quatre-vingt"}
_ES_ORDINAL_TENS = {
    10: "décimo",
    20: "vigésimo",
    30: "trigésimo",
    40: "cuadragésimo",
    50: "quincuagésimo",
    60: "sexagésimo",
    70: "septuagésimo",
    80: "octogésimo",
    90: "nonagésimo",
}
_RU_CARDINAL_TENS = {
    20: "двадцать",
    30: "тридцать",
    40: "сорок",
    50: "пятьдесят",
    60: "шестьдесят",
    70: "семьдесят",
    80: "восемьдесят",
    90: "девяносто",
}
# Russian ordinals: stem and ending type ("hard" -ый, "stressed" -ой, "soft" третий)
_RU_ORDINAL_STEMS = {
    1: ("перв", "hard"),
    2: ("втор", "stressed"),
    3: ("трет", "soft"),
    4: ("четверт", "hard"),
    5: ("пят", "hard"),
    6: ("шест", "stressed"),
    7: ("седьм", "stressed"),
    8: ("восьм", "stressed"),
    9: ("девят", "hard"),
    10: ("десят", "hard"),
    11: ("одиннадцат", "hard"),
    12: ("двенадцат", "hard"),
    13: ("тринадцат", "hard"),
    14: ("четырнадцат", "hard"),
    15: ("пятнадцат", "hard"),
    16: ("шестнадцат", "hard"),
    17: ("семнадцат", "hard"),
    18: ("восемнадцат", "hard"),
    19: ("девятнадцат", "hard"),
    20: ("двадцат", "hard"),
    30: ("тридцат", "hard"),
    40: ("сороков", "stressed"),
    50: ("пятидесят", "hard"),
    60: ("шестидесят", "hard"),
    70: ("семидесят", "hard"),
    80: ("восьмидесят", "hard"),
    90: ("девяност", "hard"),
    100: ("сот", "hard"),
}

# Arabic ordinals agree with "الفقرة" (feminine): الخامسة, الحادية عشرة, الثالثة والعشرون (after a
# preposition والعشرين), الأولى بعد المائة. The tens take the case: (nominative, genitive).
_AR_ORDINAL_UNITS = {
    1: "الأولى",
    2: "الثانية",
    3: "الثالثة",
    4: "الرابعة",
    5: "الخامسة",
    6: "السادسة",
    7: "السابعة",
    8: "الثامنة",
    9: "التاسعة",
    10: "العاشرة",
}
_AR_ONE_IN_COMPOUNDS = "الحادية"  # 11, 21, 31...: الحادية عشرة, الحادية والعشرون
_AR_TEEN = "عشرة"  # الثالثة عشرة
_AR_AND = "و"
_AR_ORDINAL_TENS = {
    20: ("العشرون", "العشرين"),
    30: ("الثلاثون", "الثلاثين"),
    40: ("الأربعون", "الأربعين"),
    50: ("الخمسون", "الخمسين"),
    60: ("الستون", "الستين"),
    70: ("السبعون", "السبعين"),
    80: ("الثمانون", "الثمانين"),
    90: ("التسعون", "التسعين"),
}
_AR_HUNDRED = "المائة"
_AR_AFTER = "بعد"  # 101: الأولى بعد المائة


_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_ORD = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _en_cardinal(n: int) -> str:
    if n >= 100:
        rest = n % 100
        return "one hundred" + (f" and {_en_cardinal(rest)}" if rest else "")
    if n < 10:
        return _EN_UNITS[n]
    if n < 20:
        return _EN_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _EN_TENS[10 * tens] + (f"-{_EN_UNITS[unit]}" if unit else "")


def english(n: int) -> str:
    words = _en_cardinal(n)
    head, sep, last = words.rpartition("-") if "-" in words.split()[-1] else words.rpartition(" ")
    if last in _EN_ORD:
        last = _EN_ORD[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]


def _fr_cardinal(n: int) -> str:
    if n >= 100:
        return "cent" + (f" {_fr_cardinal(n % 100)}" if n % 100 else "")
    if n <= 16:
        return _FR_UNITS[n]
    if n < 20:
        return "dix-" + _FR_UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        return _FR_TENS[10 * (tens - 1)] + ("-et-" if n == 71 else "-") + _fr_cardinal(10 + unit)
    base = _FR_TENS[10 * tens]
    if unit == 0:
        return base + ("s" if tens == 8 else "")
    return base + (" et un" if unit == 1 and tens != 8 else "-" + _FR_UNITS[unit])


def french(n: int) -> str:
    if n == 1:
        return "premier"
    words = _fr_cardinal(n)
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith("e"):
        words = words[:-1]
    if words.endswith("vingts"):
        words = words[:-1]
    return words + "ième"


_ES_UNITS = ["_", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"]
_ES_TEENS = {11: "undécimo", 12: "duodécimo"}
_ES_FULL = {"primer": "primero", "tercer": "tercero"}  # the forms before a masculine noun, and in full
_ES_VARIANTS = {"séptimo": "sétimo"}


def _es_words(n: int) -> list[list[str]]:
    """The words of a Spanish ordinal, in its usual form first: 11 "undécimo" or "décimo primero"."""
    if n > 100:
        return [["centésimo", *words] for words in _es_words(n - 100)]
    if n == 100:
        return [["centésimo"]]
    tens, unit = divmod(n, 10)
    words = ([_ES_ORDINAL_TENS[10 * tens]] if tens else []) + ([_ES_UNITS[unit]] if unit else [])
    return [[_ES_TEENS[n]], words] if n in _ES_TEENS else [words]


def spanish(n: int) -> str:
    """The form placed before a masculine noun ("primer párrafo", "vigésimo tercer párrafo")."""
    return " ".join(_es_words(n)[0]).replace("décimo ", "decimo")


def _es_forms(word: str) -> set[str]:
    """A Spanish ordinal word in each gender and form: "primer" -> primer, primero, primera."""
    full = _ES_FULL.get(word, word)
    forms = {word, full, full[:-1] + "a"}
    if word in _ES_VARIANTS:
        forms |= _es_forms(_ES_VARIANTS[word])
    return forms


_RU_ENDINGS = {
    "hard": {"nom": "ый", "gen": "ого", "prep": "ом", "ins": "ым"},
    "stressed": {"nom": "ой", "gen": "ого", "prep": "ом", "ins": "ым"},
    "soft": {"nom": "ий", "gen": "ьего", "prep": "ьем", "ins": "ьим"},
}


def _ru_parts(n: int) -> tuple[str, str, str]:
    """(cardinal words before, stem, ending type): 122 -> ("сто двадцать ", "втор", "stressed")."""
    prefix = ""
    if n > 100:
        prefix, n = "сто ", n - 100
    if n > 20 and n % 10 and n < 100:
        prefix += _RU_CARDINAL_TENS[n - n % 10] + " "
        n %= 10
    stem, kind = _RU_ORDINAL_STEMS[n]
    return prefix, stem, kind


def russian(n: int, case: str = "nom") -> str:
    """Masculine ordinal ("пятый пункт", "после пятого пункта", "в пятом пункте", "перед пятым")."""
    prefix, stem, kind = _ru_parts(n)
    return prefix + stem + _RU_ENDINGS[kind][case]


# every ending a Russian ordinal may carry: any gender, number and case
_RU_ANY_ENDING = ("ый", "ой", "ий", "ого", "ому", "ом", "ая", "ую", "ые", "ых", "ым", "ыми", "ьего", "ьему",
                  "ьем", "ьим", "ья", "ью", "ье", "ьи", "ьих", "ей", "ое")  # fmt: skip


def arabic(n: int, case: str = "nom") -> str:
    """Feminine ordinal agreeing with "الفقرة"; the tens take the case: "تُحذف الفقرة العشرون" (nom),
    "بعد الفقرة العشرين" (gen)."""
    if n > 100:
        return f"{arabic(n - 100, case)} {_AR_AFTER} {_AR_HUNDRED}"
    if n == 100:
        return _AR_HUNDRED
    if n <= 10:
        return _AR_ORDINAL_UNITS[n]
    tens, unit = divmod(n, 10)
    first = _AR_ONE_IN_COMPOUNDS if unit == 1 else _AR_ORDINAL_UNITS.get(unit, "")
    if tens == 1:
        return f"{first} {_AR_TEEN}"
    word = _AR_ORDINAL_TENS[10 * tens][case != "nom"]
    return f"{first} {_AR_AND}{word}" if unit else word


_ZH_DIGITS = "零一二三四五六七八九"


ZH_ORDINAL = "第"  # the prefix that makes a Chinese numeral an ordinal


def chinese(n: int) -> str:
    """第五, 第十二, 第一百零三: the ordinal prefix 第 + the Chinese numeral."""
    return ZH_ORDINAL + chinese_numeral(n)


def chinese_numeral(n: int) -> str:
    if n >= 100:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _ZH_DIGITS[rest] if rest < 10 else chinese_numeral(rest))
        if 10 <= rest < 20:
            tail = "一" + tail
        return _ZH_DIGITS[n // 100] + "百" + tail
    if n < 10:
        return _ZH_DIGITS[n]
    tens, unit = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[unit] if unit else "")


def ordinal(n: int, lang: str, case: str = "nom") -> str:
    """The ordinal word of n in `lang`, in the Russian or Arabic `case` (nom, gen, prep)."""
    if lang == "ru":
        return russian(n, case)
    if lang == "ar":
        return arabic(n, case)
    return {"en": english, "fr": french, "es": spanish, "zh": chinese}[lang](n)


# --- reading them back: every spelling, inverted -------------------------------------------------

_SKIP = {"en": {"and"}, "fr": {"et"}, "es": {"y"}}  # words inside a compound that carry no value
_SEPARATORS = LazyPattern(r"[\s\-‑]+")  # between the words of a compound in en, fr, es
_SPACES = LazyPattern(r"\s+")
# Arabic spellings vary in hamza, final yā' and tā' marbūṭa, and may carry vowel marks: words are
# compared in a plain form (الأولى = الاولي, عشرة = عشره).
_AR_PLAIN = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"} | dict.fromkeys(ARABIC_MARKS, "")
)
# the same number written either way: الحادية عشرة or الأولى عشرة; المائة or the newer المئة
_AR_SPELLINGS = ((_AR_ONE_IN_COMPOUNDS, _AR_ORDINAL_UNITS[1]), (_AR_HUNDRED, "المئة"))


def arabic_plain(word: str) -> str:
    """The form Arabic words are compared in."""
    return word.translate(_AR_PLAIN)


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _spellings(n: int, lang: str) -> Iterator[str]:
    """Every way a document may write the ordinal n."""
    if lang == "en":
        yield english(n)
        if n >= 100:
            yield english(n).removeprefix("one ")  # "hundred and first"
    elif lang == "fr":
        yield french(n)
        yield from {1: ("première", "unième"), 2: ("second", "seconde")}.get(n, ())
        if n > 100:
            yield from (f"cent {s}" for s in _spellings(n - 100, lang))
    elif lang == "es":
        for words in _es_words(n):
            yield from (" ".join(forms) for forms in itertools.product(*map(_es_forms, words)))
    elif lang == "ru":
        prefix, stem, _kind = _ru_parts(n)
        yield from (prefix + stem + ending for ending in _RU_ANY_ENDING)
    elif lang == "ar":
        for case in ("nom", "gen"):
            yield from _ar_variants(arabic(n, case))
    elif lang == "zh":
        numeral = chinese_numeral(n)
        yield from (numeral, numeral.replace("零", "〇"), "一" + numeral if 10 <= n < 20 else numeral)
        if n >= 200 and numeral[0] == "二":
            yield "两" + numeral[1:]


def _ar_variants(text: str) -> set[str]:
    """The same ordinal in the other spellings; الحادية stands for الأولى only inside a compound."""
    variants = {text}
    for a, b in _AR_SPELLINGS if " " in text else _AR_SPELLINGS[1:]:
        variants |= {v.replace(a, b) for v in variants} | {v.replace(b, a) for v in variants}
    return variants


def _key(phrase: str, lang: str) -> str:
    """The form spellings are compared in: case, accents, hyphens and spacing set aside."""
    text = phrase.strip().lower()
    if lang == "ar":
        return " ".join(re.sub(rf"(?<!\S){_AR_AND}\s+", _AR_AND, arabic_plain(text)).split())
    if lang == "ru":
        return " ".join(text.replace("ё", "е").split())
    if lang == "zh":
        return text.removeprefix(ZH_ORDINAL)
    return "".join(w for w in _SEPARATORS.split(_strip_accents(text)) if w and w not in _SKIP[lang])


@cache
def _values(lang: str) -> dict[str, int]:
    """Spelling (as `_key` gives it) -> number: the inverse of `_spellings`."""
    last = 999 if lang == "zh" else LAST
    return {_key(s, lang): n for n in range(last, 0, -1) for s in _spellings(n, lang)}


@cache
def _compound_words(lang: str) -> frozenset[str]:
    """Every word of a compound spelling: the words `is_compound_word` accepts."""
    words: set[str] = set()
    for n in range(1, LAST + 1):
        for s in _spellings(n, lang):
            parts = [w for w in (_SEPARATORS if lang in _SKIP else _SPACES).split(s) if w]
            if len(parts) > 1:
                words |= {_key(w, lang) for w in parts if w not in _SKIP.get(lang, ())}
                words |= {_key(w.removeprefix(_AR_AND), lang) for w in parts if lang == "ar"}
    return frozenset(words)


def ordinal_value(phrase: str, lang: str) -> int | None:
    """The number an ordinal phrase stands for ("thirty-eighth" -> 38), or None if it is not one."""
    text = phrase.strip().lower()
    if m := re.fullmatch(r"(\d+)(st|nd|rd|th|e|er|re|ème|º|o|a|-?й|-?го)?", text):
        return int(m.group(1))
    if lang not in LANGUAGES or not text:
        return None
    return _values(lang).get(_key(text, lang))


def is_compound_word(word: str, lang: str) -> bool:
    """A word of a compound ordinal ("thirty" of "thirty-eighth", "عشرة" of "الحادية عشرة")."""
    return lang in LANGUAGES and _key(word, lang) in _compound_words(lang)


def decimal(text: str, most: int = 9) -> int | None:
    """The value of `text` when it is a run of at most `most` decimal digits (of any script: int()
    reads them), else None. Not str.isdigit, which is true of superscripts and circled digits too,
    that int() refuses."""
    return int(text) if 0 < len(text) <= most and text.isdecimal() else None


def chinese_number(text: str) -> int | None:
    """十四 -> 14, 三十八 -> 38, 一百零一 -> 101; Arabic digits as they are."""
    text = text.strip()
    value = decimal(text)
    return value if value is not None else _values("zh").get(text)
