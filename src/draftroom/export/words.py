"""The fixed words of UN documents in the six official languages: masthead, sponsor lines, adoption.

Everything a layout prints that does not come from the document itself comes from here, so adding
or correcting a language is one table entry.
"""

import re

from draftroom.lang.citations import ANNEX, PART_HEADING
from draftroom.lang.markers import roman
from draftroom.lang.numbers import decimal
from draftroom.model.dates import printed_date

UNITED_NATIONS = {
    "en": "United Nations",
    "zh": "联 合 国",
    "fr": "Nations Unies",
    "es": "Naciones Unidas",
    "ru": "Организация Объединенных Наций",
    "ar": "الأمم المتحدة",
}

ORGANS = {  # symbol prefix -> organ name per language
    "E/": {
        "en": "Economic and Social Council",
        "zh": "经济及社会理事会",
        "fr": "Conseil économique et social",
        "es": "Consejo Económico y Social",
        "ru": "Экономический и Социальный Совет",
        "ar": "المجلس الاقتصادي والاجتماعي",
    },
    "S/": {
        "en": "Security Council",
        "zh": "安全理事会",
        "fr": "Conseil de sécurité",
        "es": "Consejo de Seguridad",
        "ru": "Совет Безопасности",
        "ar": "مجلس الأمن",
    },
    "A/": {
        "en": "General Assembly",
        "zh": "大 会",
        "fr": "Assemblée générale",
        "es": "Asamblea General",
        "ru": "Генеральная Ассамблея",
        "ar": "الجمعية العامة",
    },
}

DISTRIBUTION = {
    "limited": {"fr": "Distr. limitée", "es": "Distr. limitada"},
    "general": {"fr": "Distr. générale", "es": "Distr. general"},
}
_DISTRIBUTION_LATIN = {"limited": "Distr.: Limited", "general": "Distr.: General"}

ORIGINAL = {"fr": "Original : anglais", "es": "Original: inglés"}
JOB_LETTER = {"en": "E", "fr": "F", "es": "S", "ru": "R", "ar": "A", "zh": "C"}  # "25-19372 (E)"
LANGUAGE_LINE = {"zh": "Chinese", "ru": "Russian", "ar": "Arabic"}

DRAFT = {
    "en": ("draft resolution", "revised draft resolution"),
    "zh": ("决议草案", "订正决议草案"),
    "fr": ("projet de résolution", "projet de résolution révisé"),
    "es": ("proyecto de resolución", "proyecto de resolución revisado"),
    "ru": ("проект резолюции", "пересмотренный проект резолюции"),
    "ar": ("مشروع قرار", "مشروع قرار منقح"),
}

# "X: amendment(s) to (revised) draft resolution SYMBOL"; {s} the symbol
AMENDMENTS_TO = {
    "en": ("amendment to draft resolution {s}", "amendments to draft resolution {s}"),
    "zh": ("对决议草案{s}的修正", "对决议草案{s}的修正"),
    "fr": ("amendement au projet de résolution {s}", "amendements au projet de résolution {s}"),
    "es": ("enmienda al proyecto de resolución {s}", "enmiendas al proyecto de resolución {s}"),
    "ru": ("поправка к проекту резолюции {s}", "поправки к проекту резолюции {s}"),
    "ar": ("تعديل على مشروع القرار {s}", "تعديلات على مشروع القرار {s}"),
}
_REVISED_AMENDED = {
    "en": ("draft resolution", "revised draft resolution"),
    "zh": ("决议草案", "订正决议草案"),
    "fr": ("projet de résolution", "projet de résolution révisé"),
    "es": ("proyecto de resolución", "proyecto de resolución revisado"),
    "ru": ("проекту резолюции", "пересмотренному проекту резолюции"),
    "ar": ("مشروع القرار", "مشروع القرار المنقح"),
}

# the note a plenary L-document's sponsor line carries, marked "*" after its colon (A/80/L.18, L.19)
SPONSOR_NOTE = {
    "en": "Any changes to the list of sponsors will be reflected in the official record of the meeting."
}
_PLENARY = re.compile(r"A/\d+/L\.\d+(?:/Rev\.\d+)?")


def sponsor_note(symbol: str, lang: str) -> str | None:
    """The sponsor note of a plenary draft or amendments document, where its words are known."""
    return SPONSOR_NOTE.get(lang) if _PLENARY.fullmatch(symbol) else None


COLON = {"en": ": ", "zh": "：", "fr": " : ", "es": ": ", "ru": ": ", "ar": ": "}
LIST_SEPARATOR = {"en": ", ", "zh": "、", "fr": ", ", "es": ", ", "ru": ", ", "ar": " و"}
LAST_SEPARATOR = {"en": " and ", "zh": "和", "fr": " et ", "es": " y ", "ru": " и ", "ar": " و"}
QUOTES = {"en": "“”", "zh": "“”", "fr": ("« ", " »"), "es": "“”", "ru": "«»", "ar": "”“"}

AGENDA_ITEM = {
    "en": ("Agenda item {x}", "Agenda items {x}"),
    "zh": ("议程项目{x}", "议程项目{x}"),
    "fr": ("Point {x} de l’ordre du jour", "Points {x} de l’ordre du jour"),
    "es": ("Tema {x} del programa", "Temas {x} del programa"),
    "ru": ("Пункт {x} повестки дня", "Пункты {x} повестки дня"),
    "ar": ("البند {x} من جدول الأعمال", "البندان {x} من جدول الأعمال"),
}

ADOPTED = {  # the UN sets the date on a second line ("\n")
    "en": "Resolution adopted by the {organ}\non {date}",
    "zh": "{organ}{date}通过的决议",
    "fr": "Résolution adoptée par l’{organ}\nle {date}",
    "es": "Resolución aprobada por la {organ}\nel {date}",
    "ru": "Резолюция, принятая {organ}\n{date}",
    "ar": "قرار اتخذته {organ}\nفي {date}",
}
ADOPTED_SEVERAL = {  # over a resolution adopted in parts (A/RES/75/101 A-B)
    "en": "Resolutions adopted by the {organ}\non {date}",
    "zh": "{organ}{date}通过的决议",
    "fr": "Résolutions adoptées par l’{organ}\nle {date}",
    "es": "Resoluciones aprobadas por la {organ}\nel {date}",
    "ru": "Резолюции, принятые {organ}\n{date}",
    "ar": "قرارات اتخذتها {organ}\nفي {date}",
}
_ADOPTING_ORGAN = {  # the organ as the adoption line needs it (Russian instrumental case)
    "en": "General Assembly",
    "zh": "大会",
    "fr": "Assemblée générale",
    "es": "Asamblea General",
    "ru": "Генеральной Ассамблеей",
    "ar": "الجمعية العامة",
}

# a Security Council resolution's head: "Resolution 2334 (2016)" and the line under it, the meeting's
# ordinal in {m} (meeting_ordinal), as the UN prints them in the six languages
COUNCIL_NUMBER = {
    "en": "Resolution {n}",
    "zh": "第{n}号决议",
    "fr": "Résolution {n}",
    "es": "Resolución {n}",
    "ru": "Резолюция {n},",
    "ar": "القرار {n}",
}
COUNCIL_ADOPTED = {
    "en": "Adopted by the Security Council at its {m} meeting, on {date}",
    "zh": "{date}安全理事会第{m}次会议通过",
    "fr": "Adoptée par le Conseil de sécurité à sa {m} séance, le {date}",
    "es": "Aprobada por el Consejo de Seguridad en su {m} sesión, celebrada el {date}",
    "ru": "принятая Советом Безопасности на его {m} заседании {date}",
    "ar": "الذي اتخذه مجلس الأمن في جلسته {m}، المعقودة في {date}",
}

REPORT_LINE = {
    "en": ("[on the report of the {committee}{ref}]", "[without reference to a Main Committee{ref}]"),
    "zh": ("[根据{committee}的报告{ref}通过]", "[未经发交主要委员会而通过{ref}]"),
    "fr": ("[sur la base du rapport de la {committee}{ref}]", "[sans renvoi à une grande commission{ref}]"),
    "es": (
        "[sobre la base del informe de la {committee}{ref}]",
        "[sin remisión previa a una Comisión Principal{ref}]",
    ),
    "ru": ("[по докладу {committee}{ref}]", "[без передачи в главный комитет{ref}]"),
    "ar": ("[بناء على تقرير {committee}{ref}]", "[دون إحالة إلى لجنة رئيسية{ref}]"),
}


def adopted_in_plenary(report: str) -> bool:
    """Whether a report line is the plenary's ("[without reference to a Main Committee ...]"), in any language."""
    return any(report.startswith(plenary.split("{ref}")[0]) for _, plenary in REPORT_LINE.values())


NUMBER = {"ar": "{n} -"}  # paragraph and resolution numbers: "1.", "74/176.", Arabic "1 -", "74/176 -"


def organ(symbol: str | None, lang: str) -> str:
    prefix = (symbol or "")[:2]
    return ORGANS[prefix if prefix in ORGANS else "A/"][lang]


def distribution(kind: str, lang: str) -> str:
    """ "Distr.: Limited" for drafts and amendments, "Distr.: General" for adopted texts."""
    level = "general" if kind == "resolution" else "limited"
    return DISTRIBUTION[level].get(lang, _DISTRIBUTION_LATIN[level])


def original_lines(lang: str) -> list[str]:
    """The masthead's language lines; Chinese, Russian and Arabic keep them in Latin script."""
    lines = [LANGUAGE_LINE[lang]] if lang in LANGUAGE_LINE else []
    return [*lines, ORIGINAL.get(lang, "Original: English")]


def join_names(names: list[str], lang: str) -> str:
    """ "A, B and C" / "A、B和C" / "A, B y C" (Spanish "e" before an i- sound)."""
    if len(names) <= 1:
        return "".join(names)
    last = LAST_SEPARATOR[lang]
    if lang == "es" and re.match(r"(?i)h?i(?![aeiouáéó])", names[-1]):
        last = " e "
    return LIST_SEPARATOR[lang].join(names[:-1]) + last + names[-1]


def sponsor_line(sponsors: list[str], lang: str, revised: bool) -> str:
    return join_names(sponsors, lang) + COLON[lang] + DRAFT[lang][revised]


def part_heading(letter: str, lang: str) -> str:
    return PART_HEADING[lang].format(x=letter)


def amendments_line(sponsors: list[str], amends: str, count: int, lang: str) -> str:
    """ "Lithuania: amendments to draft resolution A/C.3/68/L.75" in `lang`."""
    text = AMENDMENTS_TO[lang][count > 1].format(s=amends)
    if "/Rev." in amends:
        plain, revised = _REVISED_AMENDED[lang]
        text = text.replace(plain, revised, 1)
    return join_names(sponsors, lang) + COLON[lang] + text


def quote(text: str, lang: str) -> str:
    opening, closing = QUOTES[lang]
    return f"{opening}{text}{closing}"


def agenda_line(item: str, lang: str) -> str:
    several = bool(re.search(r"\d.*(,| and | et | y | и |和|、| و).*\d", item))
    return AGENDA_ITEM[lang][several].format(x=item)


def format_date(value: str, lang: str, latin: bool = False) -> str:
    """An ISO date (2019-12-18) as UN documents print it; any other text is kept as given.

    `latin`: the masthead form, which Chinese, Russian and Arabic documents print in English.
    """
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        return value
    return printed_date(value, "en" if latin and lang in ("zh", "ru", "ar") else lang)


def adoption_line(adopted_on: str, lang: str, several: bool = False) -> str:
    """ "Resolution adopted by the General Assembly on ..."; `several`: "Resolutions ..." over a
    resolution adopted in parts."""
    line = ADOPTED_SEVERAL[lang] if several else ADOPTED[lang]
    return line.format(organ=_ADOPTING_ORGAN[lang], date=format_date(adopted_on, lang))


def council_number(number: str, lang: str) -> str:
    """ "Resolution 2334 (2016)"; Chinese "第2334(2016)号决议", without the space."""
    return COUNCIL_NUMBER[lang].format(n=number.replace(" ", "") if lang == "zh" else number)


def council_adoption_line(meeting: str, adopted_on: str, lang: str) -> str:
    """ "Adopted by the Security Council at its 7853rd meeting, on 23 December 2016" in `lang`."""
    return COUNCIL_ADOPTED[lang].format(m=meeting_ordinal(meeting, lang), date=format_date(adopted_on, lang))


_DIGITS = re.compile(r"\d+")


def meeting_ordinal(meeting: str, lang: str) -> str:
    """A meeting's number as its ordinal: "7853rd", "7853e", "7853ª", "7853-м". A closing's meeting line
    ("7855th plenary meeting", as an AKN file's conclusions give it) gives its one number; other text as given."""
    n = decimal(meeting.strip(), 5)
    numbers = _DIGITS.findall(meeting)
    if n is None and len(numbers) == 1:
        n = int(numbers[0])
    if n is None:
        return meeting
    return {
        "en": f"{n}{_english_suffix(n)}",
        "fr": f"{n}{'re' if n == 1 else 'e'}",
        "es": f"{n}ª",
        "ru": f"{n}-м",
    }.get(lang, str(n))


def report_line(committee: str | None, reference: str | None, lang: str) -> str:
    """ "[on the report of the Third Committee (A/74/400)]" or "[without reference to ... (A/64/L.64)]".

    `reference`: the committee's report symbol, or in plenary the draft's symbol; None leaves it out.
    """
    on_report, plenary = REPORT_LINE[lang]
    ref = ("" if lang == "zh" else " ") + f"({reference})" if reference else ""
    if committee:
        name = committee[0].lower() + committee[1:] if lang == "fr" else committee
        return on_report.format(committee=name, ref=ref)
    return plenary.format(ref=ref)


def meeting_line(meeting: str, lang: str) -> str:
    """A meeting number ("109") in the closing's words; any other text is kept as given."""
    n = decimal(meeting.strip(), 5)
    if n is None:
        return meeting
    return {
        "en": f"{n}{_english_suffix(n)} plenary meeting",
        "zh": f"第{n}次全体会议",
        "fr": f"{n}{'re' if n == 1 else 'e'} séance plénière",
        "es": f"{n}ª sesión plenaria",
        "ru": f"{n}-е пленарное заседание",
        "ar": f"الجلسة العامة {n}",
    }[lang]


def _english_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def paragraph_number(n: int | str, lang: str) -> str:
    return NUMBER.get(lang, "{n}.").format(n=n)


def annex_title(index: int, count: int, lang: str) -> str:
    """ "Annex" alone, or "Annex I", "Annex II" when there are several."""
    if count <= 1:
        return ANNEX[lang]
    return f"{ANNEX[lang]}{'' if lang == 'zh' else ' '}{roman(index + 1).upper()}"
