"""Dates as UN documents print them in each official language ("18 December 2019", "2019年12月18日")."""

from datetime import date

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
