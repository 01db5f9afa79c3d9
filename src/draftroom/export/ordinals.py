"""Ordinal words ("the fifth preambular paragraph") in the six languages, 1 to 199.

UN amendments cite preambular paragraphs by ordinal words. Russian ordinals take the case the
sentence needs (nominative, genitive, prepositional); Arabic ones agree with "الفقرة" (feminine).
"""

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
    return EN_TENS[10 * tens] + (f"-{_EN_UNITS[unit]}" if unit else "")


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
        return FR_TENS[10 * (tens - 1)] + ("-et-" if n == 71 else "-") + _fr_cardinal(10 + unit)
    base = FR_TENS[10 * tens]
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


def spanish(n: int) -> str:
    """The form placed before a masculine noun ("primer párrafo", "vigésimo tercer párrafo")."""
    if n >= 100:
        return "centésimo" + (f" {spanish(n % 100)}" if n % 100 else "")
    if n in _ES_TEENS:
        return _ES_TEENS[n]
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _ES_UNITS[unit]
    if tens == 1 and unit:
        return "decimo" + _ES_UNITS[unit]
    return ES_ORDINAL_TENS[10 * tens] + (f" {_ES_UNITS[unit]}" if unit else "")


_RU_ENDINGS = {
    "hard": {"nom": "ый", "gen": "ого", "prep": "ом"},
    "stressed": {"nom": "ой", "gen": "ого", "prep": "ом"},
    "soft": {"nom": "ий", "gen": "ьего", "prep": "ьем"},
}


def russian(n: int, case: str = "nom") -> str:
    """Masculine ordinal ("пятый пункт", "после пятого пункта", "в пятом пункте")."""
    prefix = ""
    if n > 100:
        prefix, n = "сто ", n - 100
    if n > 20 and n % 10 and n < 100:
        prefix += RU_CARDINAL_TENS[n - n % 10] + " "
        n %= 10
    stem, kind = RU_ORDINAL_STEMS[n]
    return prefix + stem + _RU_ENDINGS[kind][case]


def arabic(n: int, case: str = "nom") -> str:
    """Feminine ordinal agreeing with "الفقرة"; the tens take the case: "تُحذف الفقرة العشرون" (nom),
    "بعد الفقرة العشرين" (gen)."""
    if n > 100:
        return f"{arabic(n - 100, case)} {AR_AFTER} {AR_HUNDRED}"
    if n == 100:
        return AR_HUNDRED
    if n <= 10:
        return AR_ORDINAL_UNITS[n]
    tens, unit = divmod(n, 10)
    first = AR_ONE_IN_COMPOUNDS if unit == 1 else AR_ORDINAL_UNITS.get(unit, "")
    if tens == 1:
        return f"{first} {AR_TEEN}"
    word = AR_ORDINAL_TENS[10 * tens][case != "nom"]
    return f"{first} {AR_AND}{word}" if unit else word


_ZH_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """第五, 第十二, 第一百零三: the ordinal prefix 第 + the Chinese numeral."""
    return "第" + _zh_numeral(n)


def _zh_numeral(n: int) -> str:
    if n >= 100:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _ZH_DIGITS[rest] if rest < 10 else _zh_numeral(rest))
        if 10 <= rest < 20:
            tail = "一" + tail
        return _ZH_DIGITS[n // 100] + "百" + tail
    if n < 10:
        return _ZH_DIGITS[n]
    tens, unit = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[unit] if unit else "")
