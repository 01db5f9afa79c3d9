"""How each language cites the parts of a resolution, and the sentences of its amendments.

"the fifth preambular paragraph", "operative paragraph 10 (a)", "paragraph 12 of annex II",
"序言部分第五段", "подпункте (a) пункта 2 постановляющей части". One table per language: export
renders the templates (`Citations.render`), and parse builds the patterns it reads citations with
from the same templates (`Citations.pattern`), so the two cannot disagree. The sentences of
amendments (`SENTENCES`) are read back by parse's own grammar, which knows more wordings than
these; tests/test_export_words.py checks that it reads every sentence written here.

Template fields: {o} the ordinal of a preambular paragraph, {n} a paragraph number, {m} the
sub-item markers, {r} the paragraph a sub-item belongs to, {a} the annex, {p} the paragraph noun in
the sentence's case (Russian).
"""

import re

from draftroom.record import field, record

ANNEX = {"en": "Annex", "zh": "附件", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "ar": "المرفق"}

_FIELD = re.compile(r"\{(\w)\}")


@record(frozen=True)
class Citations:
    preamble: str  # a preambular paragraph, by its ordinal {o}
    operative: str  # an operative paragraph, by its number {n}
    annex: str  # a paragraph {n} of the annex {a}
    item: str  # a sub-item {m} of the paragraph {r}
    the_annex: tuple[str, str]  # the annex when it is the only one, and annex number {a} of several
    operative_item: str | None = None  # when an operative paragraph's sub-items are cited otherwise
    marker_separator: str = ""  # between the markers of nested sub-items: "(a)(ii)", French "a) ii)"
    noun: dict[str, str] = field(default_factory=dict)  # {p} by case: nom, gen, prep, ins
    item_case: str | None = None  # the case the paragraph of a cited sub-item takes ("пункта")
    # the forms parse reads besides the printed one: plurals, other inflections, a left-out article
    forms: dict[str, str] = field(default_factory=dict)

    def render(self, template: str, **values: str) -> str:
        return _FIELD.sub(lambda m: values[m.group(1)], template)

    def pattern(self, template: str, **groups: str) -> str:
        """A regular expression reading what `template` renders: each field by the pattern given in
        `groups` (spaces around it may be left out), each word in any of its `forms`, any spacing."""
        pieces = _FIELD.split(template)
        out = []
        for i, piece in enumerate(pieces):
            if i % 2:
                out.append(self._noun_pattern() if piece == "p" else rf"\s*{groups[piece]}\s*")
                continue
            if i > 0 and pieces[i - 1] != "p":
                piece = piece.lstrip()
            if i + 1 < len(pieces) and pieces[i + 1] != "p":
                piece = piece.rstrip()
            words = re.split(r"(\s+)", piece)
            out.append("".join(r"\s+" if w.isspace() else self.forms.get(w, re.escape(w)) for w in words))
        return "".join(out)

    def _noun_pattern(self) -> str:
        """{p} in any case: the nominative, a stem the other cases extend ("пункт\\w*")."""
        return re.escape(self.noun["nom"]) + r"\w*"


_PARAGRAPH_AR = r"(?:ال)?فقر(?:ة|ه|تان|تين|ات)"

CITATIONS = {
    "en": Citations(
        preamble="the {o} preambular paragraph",
        operative="operative paragraph {n}",
        annex="paragraph {n} of {a}",
        item="subparagraph {m} of {r}",
        operative_item="{r} {m}",
        the_annex=("the annex", "annex {a}"),
        forms={"paragraph": r"paragraphs?", "subparagraph": r"sub-?paragraphs?"},
    ),
    "zh": Citations(
        preamble="序言部分{o}段",
        operative="执行部分第{n}{m}段",
        annex="{a}第{n}{m}段",
        item="{r}{m}分段",
        the_annex=("附件", "附件{a}"),
    ),
    "fr": Citations(
        preamble="{o} alinéa du préambule",
        operative="paragraphe {n} du dispositif",
        annex="paragraphe {n} de {a}",
        item="alinéa {m} du {r}",
        the_annex=("l’annexe", "l’annexe {a}"),
        marker_separator=" ",
        forms={"alinéa": r"alinéas?", "paragraphe": r"paragraphes?"},
    ),
    "es": Citations(
        preamble="{o} párrafo del preámbulo",
        operative="párrafo {n} de la parte dispositiva",
        annex="párrafo {n} del {a}",
        item="apartado {m} del {r}",
        the_annex=("anexo", "anexo {a}"),
        marker_separator=" ",
        forms={"párrafo": r"párrafos?", "apartado": r"apartados?"},
    ),
    "ru": Citations(
        preamble="{o} {p} преамбулы",
        operative="{p} {n} постановляющей части",
        annex="{p} {n} {a}",
        item="под{p} {m} {r}",
        the_annex=("приложения", "приложения {a}"),
        noun={"nom": "пункт", "gen": "пункта", "prep": "пункте", "ins": "пунктом"},
        item_case="gen",
    ),
    "ar": Citations(
        preamble="الفقرة {o} من الديباجة",
        operative="الفقرة {n} من المنطوق",
        annex="الفقرة {n} من {a}",
        item="الفقرة الفرعية {m} من {r}",
        the_annex=("المرفق", "المرفق {a}"),
        forms={
            "الفقرة": rf"{_PARAGRAPH_AR}(?:\s+من)?",  # "الفقرات من 3 إلى 5"
            "الفرعية": r"(?:ال)?فرعي(?:ة|ه|تان|تين)",
            "الديباجة": r"(?:فقرات\s+)?(?:ال)?ديباجة",
            "المنطوق": r"(?:فقرات\s+)?(?:ال)?منطوق",
        },
    ),
}

# What a negotiation's revision 0 is called where it has no symbol to be known by.
BASE_TEXT = {
    "en": "Base text",
    "zh": "基础案文",
    "fr": "Texte de base",
    "es": "Texto de base",
    "ru": "Базовый текст",
    "ar": "النص الأساسي",
}

# The heading over the amendments to one part of a draft in parts ("Draft resolution B"), and how it
# reads back in any language.
PART_HEADING = {
    "en": "Draft resolution {x}",
    "zh": "决议草案{x}",
    "fr": "Projet de résolution {x}",
    "es": "Proyecto de resolución {x}",
    "ru": "Проект резолюции {x}",
    "ar": "مشروع القرار {x}",
}
PART_HEADING_READ = re.compile(
    "^(?:" + "|".join(re.escape(h.format(x="").strip()) for h in PART_HEADING.values()) + r")\s*([A-Z])$",
    re.IGNORECASE,
)

# What a new paragraph is called in an insertion, by the part it goes into (index: PP, OP, AN, item).
NEW = {
    "en": ("preambular paragraph", "operative paragraph", "paragraph", "subparagraph"),
    "zh": ("序言部分段落", "执行部分段落", "段落", "分段"),
    "fr": ("nouvel alinéa", "nouveau paragraphe", "nouveau paragraphe", "nouvel alinéa"),
    "es": ("nuevo párrafo del preámbulo", "nuevo párrafo", "nuevo párrafo", "nuevo apartado"),
    "ru": ("новый пункт преамбулы", "новый пункт", "новый пункт", "новый подпункт"),
    "ar": ("فقرة جديدة في الديباجة", "فقرة جديدة في المنطوق", "فقرة جديدة", "فقرة فرعية جديدة"),
}

# {r} reference (in Russian and Arabic with its case: {r:gen}), {k} what is new, {w} quoted words,
# {t} quoted text; insert-words-end: an insert-words with no words, at the end of the paragraph
SENTENCES = {
    "en": {  # as the UN's amendments documents word them (A/C.3/80/L.57, L.62, L.63, L.64, A/80/L.19)
        "insert-after": "After {r}, insert a new {k} reading:",
        "insert-before": "Before {r}, insert a new {k} reading:",
        "delete": "Delete {r}.",
        "delete-reading": "Delete {r} reading:",
        "replace": "Replace {r} with the following:",
        "delete-words": "In {r}, delete {w}.",
        "replace-words": "In {r}, replace {w} with {t}.",
        "insert-words": "In {r}, after {w} insert {t}.",
        "insert-words-end": "At the end of {r}, add {t}.",
    },
    "zh": {
        "insert-after": "在{r}之后插入一个新的{k}，内容如下：",
        "insert-before": "在{r}之前插入一个新的{k}，内容如下：",
        "delete": "删除{r}。",
        "delete-reading": "删除{r}，内容如下：",
        "replace": "将{r}改为：",
        "delete-words": "在{r}中，删除{w}一语。",
        "replace-words": "在{r}中，将{w}改为{t}。",
        "insert-words": "在{r}中，在{w}之后插入{t}。",
        "insert-words-end": "在{r}末尾增加{t}。",
    },
    "fr": {
        "insert-after": "Après le {r}, insérer un {k} ainsi libellé :",
        "insert-before": "Avant le {r}, insérer un {k} ainsi libellé :",
        "delete": "Supprimer le {r}.",
        "delete-reading": "Supprimer le {r}, qui se lit comme suit :",
        "replace": "Remplacer le {r} par le texte suivant :",
        "delete-words": "Au {r}, supprimer les mots {w}.",
        "replace-words": "Au {r}, remplacer les mots {w} par les mots {t}.",
        "insert-words": "Au {r}, après les mots {w}, insérer les mots {t}.",
        "insert-words-end": "À la fin du {r}, ajouter les mots {t}.",
    },
    "es": {
        "insert-after": "Después del {r}, insértese un {k} que diga:",
        "insert-before": "Antes del {r}, insértese un {k} que diga:",
        "delete": "Suprímase el {r}.",
        "delete-reading": "Suprímase el {r}, que dice:",
        "replace": "Sustitúyase el {r} por el texto siguiente:",
        "delete-words": "En el {r}, suprímanse las palabras {w}.",
        "replace-words": "En el {r}, sustitúyanse las palabras {w} por las palabras {t}.",
        "insert-words": "En el {r}, después de las palabras {w}, insértense las palabras {t}.",
        "insert-words-end": "Al final del {r}, añádanse las palabras {t}.",
    },
    "ru": {
        "insert-after": "После {r:gen} включить {k} следующего содержания:",
        "insert-before": "Перед {r:ins} включить {k} следующего содержания:",
        "delete": "Исключить {r:nom}.",
        "delete-reading": "Исключить {r:nom}, который гласит:",
        "replace": "Заменить {r:nom} следующим текстом:",
        "delete-words": "В {r:prep} исключить слова {w}.",
        "replace-words": "В {r:prep} заменить слова {w} словами {t}.",
        "insert-words": "В {r:prep} после слов {w} включить слова {t}.",
        "insert-words-end": "В конце {r:gen} добавить слова {t}.",
    },
    "ar": {
        "insert-after": "تُدرج {k} بعد {r:gen}، نصها:",
        "insert-before": "تُدرج {k} قبل {r:gen}، نصها:",
        "delete": "تُحذف {r:nom}.",
        "delete-reading": "تُحذف {r:nom}، ونصها:",
        "replace": "يُستعاض عن {r:gen} بالنص التالي:",
        "delete-words": "في {r:gen}، تُحذف عبارة {w}.",
        "replace-words": "في {r:gen}، يُستعاض عن عبارة {w} بعبارة {t}.",
        "insert-words": "في {r:gen}، تُدرج عبارة {t} بعد عبارة {w}.",
        "insert-words-end": "في نهاية {r:gen}، تُضاف عبارة {t}.",
    },
}


def elide_french(text: str) -> str:
    """French article contractions before a vowel: "le alinéa" -> "l’alinéa", "Au alinéa" -> "À l’alinéa";
    none before "huitième" and "onzième" ("le huitième alinéa", "au onzième alinéa")."""
    forms = {"le": "l’", "Le": "L’", "au": "à l’", "Au": "À l’", "du": "de l’"}
    return re.sub(r"\b(le|Le|au|Au|du) (?=[aeiouéèêàh])(?!huiti|onzi)", lambda m: forms[m.group(1)], text)
