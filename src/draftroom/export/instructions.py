"""The sentences of a formal amendments document, from draftroom.model.Instruction, in six languages.

"Insert a new preambular paragraph after the fifth preambular paragraph, reading:",
"In operative paragraph 3, delete the words “…”." Preambular paragraphs are cited by ordinal
words, operative and annex paragraphs by number, as UN amendments do.
"""

import re
from dataclasses import dataclass

from draftroom.errors import DraftroomError
from draftroom.export.words import item_label, quote
from draftroom.lang import numbers as ordinals
from draftroom.model import Instruction, normalize_label

_LABEL = re.compile(r"^(PP|OP|AN)(?:(\d+)\.)?(\d+)((?:\([a-z]+\))*)$")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_ZH_ANNEX = "一二三四五六七八九十"


@dataclass(frozen=True)
class Target:
    part: str  # PP | OP | AN
    number: int
    annex: int | None
    markers: tuple[str, ...]


def parse_target(label: str) -> Target:
    m = _LABEL.match(normalize_label(label))
    if not m:
        raise DraftroomError(f"{label!r} is not a paragraph label: write it like PP3, OP10(a) or AN12")
    part, annex, number, items = m.groups()
    markers = tuple(re.findall(r"\(([a-z]+)\)", items))
    return Target(part, int(number), int(annex) if annex else None, markers)


def _markers(t: Target, lang: str) -> str:
    if lang == "ar":  # (أ), its items ’1‘: as the paragraphs print them
        return "".join(item_label(m, lang, roman=level > 0) for level, m in enumerate(t.markers))
    if lang in ("fr", "es"):
        return " ".join(f"{m})" for m in t.markers)
    return "".join(f"({m})" for m in t.markers)


def _annex_name(t: Target, lang: str) -> str:
    if t.annex is None:
        return ""
    return _ZH_ANNEX[t.annex - 1] if lang == "zh" else " " + _ROMAN[t.annex - 1]


def reference(label: str, lang: str, case: str = "nom") -> str:
    """The words citing a paragraph: "the fifth preambular paragraph", "执行部分第3段", "пункте 3 …".

    French and Spanish forms come without their article (the sentence contracts it: "au", "del");
    `case` is the Russian case (nom, gen, prep or ins), or the Arabic one (nom or gen).
    """
    t = parse_target(label)
    return _REFERENCES[lang](t, case)


def _en(t: Target, _case: str) -> str:
    if t.part == "PP":
        base = f"the {ordinals.english(t.number)} preambular paragraph"
    elif t.part == "OP":
        base = f"operative paragraph {t.number}"
    else:
        base = f"paragraph {t.number} of " + (f"annex{_annex_name(t, 'en')}" if t.annex else "the annex")
    if not t.markers:
        return base
    if t.part == "OP":
        return f"{base} {_markers(t, 'en')}"
    return f"subparagraph {_markers(t, 'en')} of {base}"


def _zh(t: Target, _case: str) -> str:
    if t.part == "PP":
        base = f"序言部分{ordinals.chinese(t.number)}段"
        return base + (f"{_markers(t, 'zh')}分段" if t.markers else "")
    where = "执行部分" if t.part == "OP" else f"附件{_annex_name(t, 'zh')}"
    return f"{where}第{t.number}{_markers(t, 'zh')}段"


def _fr(t: Target, _case: str) -> str:
    if t.part == "PP":
        base = f"{ordinals.french(t.number)} alinéa du préambule"
    elif t.part == "OP":
        base = f"paragraphe {t.number} du dispositif"
    else:
        base = f"paragraphe {t.number} de l’annexe{_annex_name(t, 'fr')}"
    return f"alinéa {_markers(t, 'fr')} du {base}" if t.markers else base


def _es(t: Target, _case: str) -> str:
    if t.part == "PP":
        base = f"{ordinals.spanish(t.number)} párrafo del preámbulo"
    elif t.part == "OP":
        base = f"párrafo {t.number} de la parte dispositiva"
    else:
        base = f"párrafo {t.number} del anexo{_annex_name(t, 'es')}"
    return f"apartado {_markers(t, 'es')} del {base}" if t.markers else base


_RU_NOUN = {"nom": "пункт", "gen": "пункта", "prep": "пункте", "ins": "пунктом"}


def _ru(t: Target, case: str) -> str:
    outer_case = "gen" if t.markers else case
    if t.part == "PP":
        base = f"{ordinals.russian(t.number, outer_case)} {_RU_NOUN[outer_case]} преамбулы"
    elif t.part == "OP":
        base = f"{_RU_NOUN[outer_case]} {t.number} постановляющей части"
    else:
        base = f"{_RU_NOUN[outer_case]} {t.number} приложения{_annex_name(t, 'ru')}"
    return f"под{_RU_NOUN[case]} {_markers(t, 'ru')} {base}" if t.markers else base


def _ar(t: Target, case: str) -> str:
    if t.part == "PP":
        base = f"الفقرة {ordinals.arabic(t.number, case)} من الديباجة"
    elif t.part == "OP":
        base = f"الفقرة {t.number} من المنطوق"
    else:
        base = f"الفقرة {t.number} من المرفق{_annex_name(t, 'ar')}"
    return f"الفقرة الفرعية {_markers(t, 'ar')} من {base}" if t.markers else base


OPS = ("insert", "delete", "replace", "delete-words", "replace-words", "insert-words")
_REFERENCES = {"en": _en, "zh": _zh, "fr": _fr, "es": _es, "ru": _ru, "ar": _ar}

# What a new paragraph is called in an insertion, by the part it goes into (index: PP, OP, AN, item).
_NEW = {
    "en": ("preambular paragraph", "operative paragraph", "paragraph", "subparagraph"),
    "zh": ("序言部分段落", "执行部分段落", "段落", "分段"),
    "fr": ("nouvel alinéa", "nouveau paragraphe", "nouveau paragraphe", "nouvel alinéa"),
    "es": ("nuevo párrafo del preámbulo", "nuevo párrafo", "nuevo párrafo", "nuevo apartado"),
    "ru": ("новый пункт преамбулы", "новый пункт", "новый пункт", "новый подпункт"),
    "ar": ("فقرة جديدة في الديباجة", "فقرة جديدة في المنطوق", "فقرة جديدة", "فقرة فرعية جديدة"),
}

# {r} reference, {k} what is new, {w} quoted words, {t} quoted text; insert-words-end: an insert-words
# with no words, at the end of the paragraph
_SENTENCES = {
    "en": {
        "insert-after": "Insert a new {k} after {r}, reading:",
        "insert-before": "Insert a new {k} before {r}, reading:",
        "delete": "Delete {r}.",
        "delete-reading": "Delete {r} reading:",
        "replace": "Replace {r} with the following:",
        "delete-words": "In {r}, delete the words {w}.",
        "replace-words": "In {r}, replace the words {w} with the words {t}.",
        "insert-words": "In {r}, after the words {w}, insert the words {t}.",
        "insert-words-end": "At the end of {r}, add the words {t}.",
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


def _elide(text: str) -> str:
    """French article contractions before a vowel: "le alinéa" -> "l’alinéa", "Au alinéa" -> "À l’alinéa"."""
    forms = {"le": "l’", "Le": "L’", "au": "à l’", "Au": "À l’", "du": "de l’"}
    return re.sub(r"\b(le|Le|au|Au|du) (?=[aeiouéèêàh])", lambda m: forms[m.group(1)], text)


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(ins: Instruction, lang: str) -> tuple[str, str | None]:
    """(the instruction's sentence, the new paragraph text that follows it, if any)."""
    if ins.op == "insert":
        anchor = ins.after or ins.before
        if not anchor:
            raise DraftroomError("an insert instruction needs the paragraph it goes after or before")
        key = "insert-after" if ins.after else "insert-before"
        t = parse_target(anchor)
        kind = _NEW[lang][3 if t.markers else ("PP", "OP", "AN").index(t.part)]
    else:
        anchor, kind = ins.target, ""
        key = "delete-reading" if ins.op == "delete" and ins.text else ins.op
        if ins.op == "insert-words" and not ins.words:
            key = "insert-words-end"  # "at the end of ..., add ...": no words to insert after
        if not anchor:
            raise DraftroomError(f"a {ins.op} instruction needs the paragraph it applies to")
    if ins.op not in OPS:
        raise DraftroomError(
            f"unknown amendment instruction {ins.op!r}: use insert, delete, replace, "
            "delete-words, replace-words or insert-words"
        )
    template = _SENTENCES[lang][key]
    if ins.op in ("delete-words", "replace-words") and not ins.words:
        raise DraftroomError(f"a {ins.op} instruction needs the words it applies to")
    text = re.sub(
        r"\{r(?::(\w+))?\}", lambda m: reference(anchor, lang, m.group(1) or "nom"), template
    ).format(k=kind, w=quote(ins.words or "", lang), t=quote(ins.text or "", lang))
    if lang == "fr":
        text = _elide(text)
    follows = ins.text if ins.op in ("insert", "replace", "delete") else None
    return _capitalize(text), follows
