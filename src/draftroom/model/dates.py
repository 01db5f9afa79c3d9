"""Dates as UN documents print them in each official language ("18 December 2019", "2019年12月18日")."""

import re

from draftroom.errors import DraftroomError

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "ar": [
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ],
}


def printed_date(iso: str, lang: str) -> str:
    """An ISO date (2019-12-18) in `lang`'s printed form; a one-line error for anything else."""
    from datetime import date  # only for the dates it reads (a listing of translations reads none)

    try:
        d = date.fromisoformat(iso.strip())
    except ValueError:
        raise DraftroomError(f"{iso!r} is not a date: write it as YYYY-MM-DD") from None
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    month = MONTHS.get(lang, MONTHS["en"])[d.month - 1]
    if lang == "es":
        return f"{d.day} de {month} de {d.year}"
    if lang == "ru":
        return f"{d.day} {month} {d.year} года"
    if lang == "fr" and d.day == 1:
        return f"1er {month} {d.year}"
    return f"{d.day} {month} {d.year}"


def iso_date(printed: str | None) -> str | None:
    """The ISO form of a date as any official language prints it ("4 December 2024", "2024年12月4日",
    "4 de diciembre de 2024", "4 декабря 2024 года"); None when `printed` is not such a date."""
    if not printed:
        return None
    text = " ".join(printed.replace("\u00a0", " ").split())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if m := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})(?:er)? (?:de )?(.+?) (?:de )?(\d{4})(?: года)?", text)
    if not m:
        return None
    for months in MONTHS.values():
        if m.group(2) in months:
            return _iso(int(m.group(3)), months.index(m.group(2)) + 1, int(m.group(1)))
        lowered = [x.lower() for x in months]
        if m.group(2).lower() in lowered:
            return _iso(int(m.group(3)), lowered.index(m.group(2).lower()) + 1, int(m.group(1)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    from datetime import date

    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
