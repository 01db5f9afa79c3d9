"""The words UN texts use for their parts, in the six official languages, as patterns.

Each pattern matches one whole logical line (stripped). Kept together so a new language or a new
form is one edit here, never a rule buried in the parser.
"""

import re

from draftroom.lang.citations import ANNEX as ANNEX_WORD
from draftroom.lang.markers import ABJAD, CYRILLIC, from_alphabet, roman
from draftroom.lang.scripts import ARABIC_LETTERS, IDEOGRAPHS
from draftroom.model.dates import MONTHS

_FLAGS = re.IGNORECASE

MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
MONTHS_ES = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_MONTHS_AR_ALONE = "يونيو|يوليو"  # other spellings of the second name, printed alone
# "كانون الأول/ديسمبر" as UN Arabic prints it (the PDF may space the slash), or either name alone
MONTHS_AR = "|".join(
    [rf"{a}\s*/\s*{b}|{a}|{b}" for a, b in (m.replace(" ", r"\s+").split("/") for m in MONTHS["ar"])]
    + [_MONTHS_AR_ALONE]
)

DATE_TEXT = (
    rf"\d{{1,2}}\s+(?:{MONTHS_EN})\s+\d{{4}}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|\d{{1,2}}(?:er)?\s+(?:{MONTHS_FR})\s+\d{{4}}"
    rf"|\d{{1,2}}\s+de\s+(?:{MONTHS_ES})\s+de\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS_RU})\s+\d{{4}}(?:\s+года)?"
    rf"|\d{{1,2}}\s+(?:{MONTHS_AR})\s+\d{{4}}"
)
DATE = re.compile(rf"^(?:{DATE_TEXT})$", _FLAGS)
# the issue date set on the distribution line ("Distr.: Limited 25 November 2025")
DISTR_DATE = re.compile(rf"^Distr\..*?\s(?P<date>{DATE_TEXT})$", _FLAGS)

SESSION = re.compile(
    r"^(?:[A-Z][\w\-]*(?:[\s\-][\w\-]+)*\s+(?:special\s+|emergency\s+special\s+)?session"  # en, fr
    r"|(?:19|20)\d\d\s+session"  # the Economic and Social Council's "2018 session"
    r"|第.{1,12}届(?:特别|紧急特别)?会议(?:续会)?|(?:19|20)\d\d\s*年届会"
    r"|[\w\s\-]+período\s+(?:extraordinario\s+)?de\s+sesiones"
    r"|[\w\s\-]+сессия"
    r"|الدورة\s+.{2,40})$",
    _FLAGS,
)
COMMITTEE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee"
    r"|Special Political and Decolonization Committee(?:\s+\(Fourth Committee\))?"
    r"|第[一二三四五六]委员会|特别政治和非殖民化委员会(?:\(第四委员会\))?"
    r"|(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+Commission"
    r"|(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta)\s+Comisión"
    r"|(?:Первый|Второй|Третий|Четвертый|Четвёртый|Пятый|Шестой)\s+комитет"
    r"|اللجنة\s+(?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة))$",
    _FLAGS,
)
AGENDA = re.compile(
    r"^(?:Agenda\s+items?\s+(?P<en>\S.*)"
    r"|议程项目\s*(?P<zh>\S.*)"
    r"|Points?\s+(?P<fr>\S.*?)\s+de\s+l[’']ordre\s+du\s+jour"
    r"|Temas?\s+(?P<es>\S.*?)\s+del\s+programa"
    r"|Пункты?\s+(?P<ru>\S.*?)\s+повестки\s+дня"
    r"|البن(?:د|ود|دان)\s+(?P<ar>\S.*?)\s+من\s+جدول\s+الأعمال)$",
    _FLAGS,
)
MASTHEAD = re.compile(
    r"^(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных\s+Наций"
    r"|الأمم\s+المتحدة|联\s*合\s*国"
    r"|General\s+Assembly|Assemblée\s+générale|Asamblea\s+General|Генеральная\s+Ассамблея"
    r"|الجمعية\s+العامة|大\s*会|Economic\s+and\s+Social\s+Council|经\s*济\s*及\s*社\s*会\s*理\s*事\s*会"
    r"|Security\s+Council|Conseil\s+de\s+sécurité|Consejo\s+de\s+Seguridad|Совет\s+Безопасности|مجلس\s+الأمن"
    r"|安\s*全\s*理\s*事\s*会"
    r"|Distr\..*|Original\s*:.*|Originale?\s*:.*|Orig\.?\s*:.*|Оригинал\s*:.*|الأصل\s*:.*"
    r"|Limited|General|Limitée|Générale|Limitada|Ограниченное|Общее"
    r"|Chinese|English|French|Spanish|Russian|Arabic|Français|Anglais|Español|Inglés|Русский|Английский"
    r"|中文|英文)$",
    _FLAGS,
)

# The line naming the sponsors and the kind of text. Groups: sp (sponsors), kind words, sym (amended).
_AMEND_EN = (
    r"amendments?\s+to\s+(?:the\s+)?(?P<rev_en>revised\s+)?draft\s+(?:resolution|decision)\s+(?P<sym_en>\S+)"
)
_AMEND_FR = (
    r"amendements?\s+au\s+projet\s+de\s+(?:résolution|décision)\s+(?P<rev_fr>révisé\s+)?(?P<sym_fr>\S+)"
)
_AMEND_ES = (
    r"enmiendas?\s+al\s+proyecto\s+de\s+(?:resolución|decisión)\s+(?P<rev_es>revisado\s+)?(?P<sym_es>\S+)"
)
_AMEND_RU = (
    r"поправк[аи]\s+к\s+(?P<rev_ru>пересмотренному\s+)?проекту\s+(?:резолюции|решения)\s+(?P<sym_ru>\S+)"
)
_AMEND_ZH = r"对(?P<rev_zh>订正)?(?:决议|决定)草案\s*(?P<sym_zh>[A-Z][\w./\-]*?)\s*的修正(?:案)?"
# "تعديلات على مشروع القرار (المنقح) A/C.3/80/L.20", "تعديل لمشروع المقرر ... الوارد في الوثيقة A/..."
_AMEND_AR = (
    r"تعديل(?:ات)?\s+(?:على\s+|ل)مشروع\s+(?:القرار|المقرر)\s+(?P<rev_ar>المنقح\s+)?"
    r"(?:الوارد\s+في\s+الوثيقة\s+)?(?P<sym_ar>[A-Z]\S*)"
)
SPONSOR_LINE = re.compile(
    r"^(?P<sp>\S.*?)\s*[:：]\s*\**\s*(?:"
    rf"(?P<amend>{_AMEND_EN}|{_AMEND_FR}|{_AMEND_ES}|{_AMEND_RU}|{_AMEND_ZH}|{_AMEND_AR})"
    r"|(?P<draft>(?P<rev>revised\s+|订正|пересмотренный\s+)?(?:draft\s+(?:resolution|decision)"
    r"|projet\s+de\s+(?:résolution|décision)(?:\s+révisé)?"
    r"|proyecto\s+de\s+(?:resolución|decisión)(?:\s+revisado)?"
    r"|проект\s+(?:резолюции|решения)|决议草案|决定草案"
    r"|مشروع\s+(?:قرار|مقرر)(?:\s+منقح)?)))"
    r"\s*\**$",
    _FLAGS,
)
# A sponsor list goes on to the next line: "A, B," / "A, B and" / Arabic "أ" + "وب" (names joined by و).
LIST_END = re.compile(r"(?:[,，、،]|\band|\bet|\by|\bи|和|及)$")
LIST_START = re.compile(f"^و[{ARABIC_LETTERS}]")
SUBMITTED_LINE = re.compile(
    r"^(?P<draft>(?P<rev>revised\s+)?draft\s+(?:resolution|decision)\s+submitted\s+by\s+(?:the\s+)?"
    r"|projet\s+de\s+(?:résolution|décision)\s+(?:révisé\s+)?présenté\s+par\s+(?:le\s+|la\s+|l[’'])?"
    r"|proyecto\s+de\s+(?:resolución|decisión)\s+(?:revisado\s+)?presentado\s+por\s+(?:el\s+|la\s+)?"
    r"|проект\s+(?:резолюции|решения),?\s+представленный\s+)(?P<sp>\S.*?)\**$"
    r"|^(?P<sp_zh>\S.{1,40}?)提交的(?P<rev_zh>订正)?(?:决议|决定)草案\**$",
    _FLAGS,
)
DECISION_WORDS = re.compile(r"decision|décision|decisión|решени|决定|مقرر", _FLAGS)

ADOPTED = re.compile(
    r"^(?:(?:Resolution|Decision)\s+adopted\s+by\s+the\s+.+?\s+on\s+(?P<en>.+)"
    r"|(?P<zh>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日).{0,20}?(?:通过的)?(?:决议|决定)"
    r"|.{1,20}?(?P<zh2>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)通过的(?:决议|决定)"
    r"|(?:Résolution|Décision)\s+adoptée\s+par\s+.+?\s+le\s+(?P<fr>.+)"
    r"|(?:Resolución|Decisión)\s+aprobada\s+por\s+.+?\s+el\s+(?P<es>.+)"
    r"|(?:Резолюция|Решение),?\s+принят(?:ая|ое)\s+.+?\s+(?P<ru>\d{1,2}\s+\S+\s+\d{4}\s+года)"
    r"|(?:ال)?(?:قرار|مقرر)\s+(?:الذي\s+)?اتخذت?ه\s+.+?\s+في\s+(?P<ar>.+))$",
    _FLAGS,
)
# A Security Council resolution's head: "Resolution 2334 (2016)" and "Adopted by the Security Council at
# its 7853rd meeting, on 23 December 2016", as the UN prints them in the six languages (export.words)
COUNCIL_NUMBER = re.compile(
    r"^(?:(?:Resolution|Résolution|Resolución|Резолюция|القرار)\s+(?P<n>\d{1,5})\s*\((?P<y>\d{4})\),?"
    r"|第\s*(?P<n_zh>\d{1,5})\s*[(（]\s*(?P<y_zh>\d{4})\s*[)）]\s*号决议)$",
    _FLAGS,
)
COUNCIL_ADOPTED = re.compile(
    r"^(?:Adopted\s+by\s+the\s+Security\s+Council\s+at\s+its\s+(?P<en>\d{1,5})\w*\s+meeting,?\s+on\s+(?P<en_d>.+)"
    r"|Adoptée\s+par\s+le\s+Conseil\s+de\s+sécurité\s+à\s+sa\s+(?P<fr>\d{1,5})\w*\s+séance,?\s+le\s+(?P<fr_d>.+)"
    r"|Aprobada\s+por\s+el\s+Consejo\s+de\s+Seguridad\s+en\s+su\s+(?P<es>\d{1,5})\S*\s+sesión,?\s+"
    r"celebrada\s+el\s+(?P<es_d>.+)"
    r"|принятая\s+Советом\s+Безопасности\s+на\s+его\s+(?P<ru>\d{1,5})\S*\s+заседании\s+(?P<ru_d>.+)"
    r"|(?P<zh_d>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*安全理事会第\s*(?P<zh>\d{1,5})\s*次会议通过"
    r"|الذي\s+اتخذه\s+مجلس\s+الأمن\s+في\s+جلسته\s+(?P<ar>\d{1,5})\s*[،,]\s*المعقودة\s+في\s+(?P<ar_d>.+))$",
    _FLAGS,
)
COUNCIL_SYMBOL = re.compile(r"^S/RES/\d{1,5}\s*\(\d{4}\)$")

# "74/176. Title"; Arabic "74/176 - العنوان"
RESOLUTION_NUMBER = re.compile(
    # "74/176. Title", Economic and Social Council "2018/12." with the title on the next line
    r"^(?P<num>(?:S-|ES-)?(?:\d{1,3}|(?:19|20)\d\d)/\d{1,4}(?:\s?[A-Z])?)(?:\.|\s*[-–])\s*(?P<title>.*)$"
)
REPORT_LINE = re.compile(r"^\[.*\]$")

# The authoring body ("The General Assembly,"): its own line between the title and the paragraphs.
_ORGANS_EN = r"Assembly|Council|Conference|Parties|Commission|Committee|Board|Meeting|Summit|Forum|Congress"
BODY = re.compile(
    rf"^(?:The\s+(?:[\w’'\-]+\s+){{0,14}}?(?:{_ORGANS_EN})(?:\s+[\w’'\-()]+){{0,14}}?"
    rf"|[{IDEOGRAPHS}《》“”、()（）\s]{{0,60}}?(?:大\s*会|理事会|首脑会议|缔约方会议|缔约国会议|委员会|会议)"
    r"|(?:L[’']|Le\s+|La\s+|Les\s+)[^,]{0,80}?(?:Assemblée|Conseil|Conférence|Commission|Comité|Réunion)[^,]{0,80}"
    r"|(?:La|El|Los)\s+[^,]{0,80}?(?:Asamblea|Consejo|Conferencia|Comisión|Comité|Reunión)[^,]{0,80}"
    r"|(?:[А-ЯЁ][^,]{0,80}?)?(?:Ассамблея|Совет|Конференция|Комиссия|Комитет|Совещание)[^,]{0,80}"
    r"|[إا]نّ?\s+[^،,]{0,80}?(?:الجمعية\s+العامة|المجلس|مجلس|المؤتمر|مؤتمر|اللجنة)[^،,]{0,80})"
    r"\s*[,，،]?$"
)

# "Annex", "ANNEX II", "المرفق" (or "مرفق"), "附件一": the words export heads annexes with
_ANNEX_WORDS = sorted(
    {w for lang, word in ANNEX_WORD.items() if lang not in ("zh", "ar") for w in (word, word.upper())}
)
ANNEX = re.compile(
    rf"^(?:{'|'.join(reversed(_ANNEX_WORDS))}|(?:ال)?{ANNEX_WORD['ar'].removeprefix('ال')})"
    r"(?:\s+(?P<num>[IVXLC]+|\d+))?\s*$"
    rf"|^{ANNEX_WORD['zh']}(?P<num_zh>[一二三四五六七八九十]+)?\s*$"
)
# a meeting resumed after a break: "56th (resumed) plenary meeting", "第56次全体会议(续会)"
MEETING = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting"
    r"|第\s*\d+\s*次全体会议(?:\s*[(（]续会[)）])?"
    r"|\d+(?:e|re)\s+séance\s+plénière(?:\s+\(reprise\))?"
    r"|\d+[ªa]?\.?\s+sesión\s+plenaria(?:\s+\(continuación\))?"
    r"|\d+-?е\s+(?:\(возобновленное\)\s+)?пленарное\s+заседание"
    r"|الجلسة\s+العامة\s+\S+(?:\s+\(المستأنفة\))?)$",
    _FLAGS,
)

# Languages whose footnote markers are printed in brackets: "لعام 2030(1)،", the note "(1) القرار 70/1."
PAREN_NOTES = ("ar",)

# Paragraph numbering: "1.", Chinese "1．", Arabic "1 -".
NUMBERED = re.compile(rf"^(?P<n>\d{{1,3}})(?:\s?[.．。]|\s+-)(?:\s+|$|(?=[{IDEOGRAPHS}]))(?P<rest>.*)$")
# Sub-items: "(a)", "(ii)", "（a）", French/Spanish/Russian "a)", "i)", Arabic "(ب)", "(هـ)" and ’2‘,
# Russian Cyrillic "б)". See lang/markers.py for their Latin forms.
_ABJAD = "|".join(re.escape(a).replace("ـ", "ـ?") for a in ABJAD)
ITEM = re.compile(
    r"^(?:\((?P<a>[a-z]{1,3}|[ivxlc]{1,6})\)|（(?P<b>[a-z]{1,3}|[ivxlc]{1,6})）|(?P<c>[a-z]|[ivx]{1,5})\)"
    rf"|\((?P<abjad>(?P<ab1>{_ABJAD})(?:\s?(?P=ab1))?)\)"
    r"|[’‘'](?P<num>\d{1,2})[’‘']"
    rf"|(?P<cyr>[{''.join(CYRILLIC)}])\))(?:\s+|$)(?P<rest>.*)$"
)
_HOMOGLYPHS = dict(zip("асеорху", "aceopxy", strict=True))  # Cyrillic letters that look Latin


def council_number(m: re.Match[str]) -> str:
    """ "2334 (2016)" from a match of COUNCIL_NUMBER."""
    return f"{m.group('n') or m.group('n_zh')} ({m.group('y') or m.group('y_zh')})"


def council_adoption(m: re.Match[str]) -> tuple[str, str]:
    """(the meeting's number, the date as printed) from a match of COUNCIL_ADOPTED."""
    lang = next(k for k, v in m.groupdict().items() if v and not k.endswith("_d"))
    return m.group(lang), m.group(f"{lang}_d").strip()


def item_marker(m: re.Match[str], expected: str) -> tuple[str, str | None] | None:
    """(Latin marker, level) of a matched sub-item; level "letter" or "roman" when the printed form
    says it, None for Latin markers, where (i) may be a letter or a numeral. `expected`: the
    next letter in the list, which a Cyrillic letter that looks Latin stands for ("с)" after "b)")."""
    if latin := m.group("a") or m.group("b") or m.group("c"):
        return latin, None
    if m.group("num"):
        return (roman(int(m.group("num"))), "roman") if int(m.group("num")) else None
    if m.group("abjad"):
        marker = from_alphabet(m.group("abjad"), ABJAD)
    else:
        cyr = m.group("cyr")
        marker = expected if _HOMOGLYPHS.get(cyr) == expected else from_alphabet(cyr, CYRILLIC)
    return (marker, "letter") if marker else None


_LONGEST_LABEL = 40  # "123." or "(iii)", with room for spaces around


def bare_label(text: str) -> bool:
    """A paragraph number or sub-item marker alone, with no text after it (a short text: matching
    a paragraph's whole text each time a line joins it would make joining quadratic)."""
    if len(text) > _LONGEST_LABEL:
        return False
    m = NUMBERED.match(text) or ITEM.match(text)
    return m is not None and not m.group("rest")


HEADING = re.compile(
    r"^(?P<num>[IVXLC]{1,6}|[A-Z]|[一二三四五六七八九十]{1,3})(?:\s*[.．、]\s*|\s+)(?P<text>\S.{0,200})$"
)

# Preambular openers: a line that starts with one of these, after a paragraph end, starts a paragraph.
OPENERS = re.compile(
    r"^(?:[A-Z][a-z]+ing\s+(?:[a-z]|(?:Member\s+)?States\b)|(?:Deeply|Gravely|Seriously|Strongly|Further|Also|Mindful|Aware|Convinced"
    r"|Concerned|Alarmed|Determined|Guided|Cognizant|Conscious|Encouraged|Reaffirming|Noting|Welcoming)\b"
    r"|(?:Rappelant|Réaffirmant|Notant|Prenant|Considérant|Convaincue?|Consciente?|Soulignant|Constatant"
    r"|Reconnaissant|Sachant|Profondément|Gravement|Accueillant|Saluant|Ayant|Guidée?|Préoccupée?"
    r"|Alarmée?|Déterminée?|Affirmant|Insistant|Tenant|Se\s+félicitant)\b"
    r"|(?:Recordando|Reafirmando|Observando|Tomando|Considerando|Convencida|Consciente|Destacando"
    r"|Reconociendo|Profundamente|Gravemente|Acogiendo|Guiada|Preocupada|Alarmada|Decidida|Afirmando"
    r"|Poniendo|Teniendo|Subrayando|Expresando|Habiendo)\b"
    r"|(?i:ссылаясь|подтверждая|вновь|отмечая|принимая|учитывая|будучи|признавая|приветствуя|руководствуясь"
    r"|выражая|сознавая|подчеркивая|напоминая|рассмотрев|глубоко|считая|исходя|с\s+удовлетворением"
    r"|с\s+обеспокоенностью|будучи)\b"
    rf"|و?(?:إذ|قد)\s|و?[{ARABIC_LETTERS}]{{3,}}ا\s+منها\b"  # وإذ تشير, وقد نظرت, واقتناعا منها
    r"|(?:又|还|回顾|重申|遵循|依循|铭记|注意到|赞赏地|关切地|表示|欢迎|确认|认识到|承认|深信|深为|强调|审议了"
    r"|考虑到|意识到|申明|深感|严重关切|决心))"
)
