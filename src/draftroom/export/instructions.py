"""The sentences of a formal amendments document, from draftroom.model.Instruction, in six languages.

"After the fifth preambular paragraph, insert a new preambular paragraph reading:",
"In operative paragraph 3, delete “…”." Preambular paragraphs are cited by ordinal
words, operative and annex paragraphs by number, as UN amendments do.
"""

import re

from draftroom.errors import DraftroomError
from draftroom.export.words import quote
from draftroom.lang.citations import CITATIONS, NEW, SENTENCES, Citations, elide_french
from draftroom.lang.markers import printed_item, roman
from draftroom.lang.numbers import chinese_numeral, ordinal
from draftroom.model import Instruction, Label

OPS = ("insert", "delete", "replace", "delete-words", "replace-words", "insert-words")
_PARTS = ("preamble", "operative", "annex")  # the order of NEW's entries; sub-items come last


def reference(label: str | Label, lang: str, case: str = "nom") -> str:
    """The words citing a paragraph: "the fifth preambular paragraph", "执行部分第3段", "пункте 3 …".

    French and Spanish forms come without their article (the sentence contracts it: "au", "del");
    `case` is the Russian case (nom, gen, prep or ins), or the Arabic one (nom or gen).
    """
    t = label if isinstance(label, Label) else Label.parse(label)
    c = CITATIONS[lang]
    markers = c.marker_separator.join(printed_item(m, lang, level > 0) for level, m in enumerate(t.markers))
    outer = c.item_case if t.markers and c.item_case else case
    template = {"preamble": c.preamble, "operative": c.operative, "annex": c.annex}[t.part]
    base = c.render(
        template,
        o=ordinal(t.number, lang, outer) if t.part == "preamble" else "",
        n=str(t.number),
        m=markers,
        a=_annex(t, c, lang),
        p=c.noun.get(outer, ""),
    )
    if not t.markers or "{m}" in template:
        return base
    item = c.operative_item if t.part == "operative" and c.operative_item else c.item
    return c.render(item, m=markers, r=base, p=c.noun.get(case, ""))


def _annex(t: Label, c: Citations, lang: str) -> str:
    if t.annex is None:
        return c.the_annex[0]
    return c.render(c.the_annex[1], a=chinese_numeral(t.annex) if lang == "zh" else roman(t.annex).upper())


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(ins: Instruction, lang: str) -> tuple[str, str | None]:
    """(the instruction's sentence, the new paragraph text that follows it, if any)."""
    if ins.op == "insert":
        anchor = ins.after or ins.before
        if not anchor:
            raise DraftroomError("an insert instruction needs the paragraph it goes after or before")
        key = "insert-after" if ins.after else "insert-before"
        label = Label.parse(anchor)
        kind = NEW[lang][3 if label.markers else _PARTS.index(label.part)]
    else:
        anchor, kind = ins.target, ""
        key = "delete-reading" if ins.op == "delete" and ins.text else ins.op
        if ins.op == "insert-words" and not ins.words:
            key = "insert-words-end"  # "at the end of ..., add ...": no words to insert after
        if not anchor:
            raise DraftroomError(f"a {ins.op} instruction needs the paragraph it applies to")
        label = Label.parse(anchor)
    if ins.op not in OPS:
        raise DraftroomError(
            f"unknown amendment instruction {ins.op!r}: use insert, delete, replace, "
            "delete-words, replace-words or insert-words"
        )
    template = SENTENCES[lang][key]
    if ins.op in ("delete-words", "replace-words") and not ins.words:
        raise DraftroomError(f"a {ins.op} instruction needs the words it applies to")
    text = re.sub(
        r"\{r(?::(\w+))?\}", lambda m: reference(label, lang, m.group(1) or "nom"), template
    ).format(k=kind, w=quote(ins.words or "", lang), t=quote(ins.text or "", lang))
    if lang == "fr":
        text = elide_french(text)
    follows = ins.text if ins.op in ("insert", "replace", "delete") else None
    return _capitalize(text), follows
