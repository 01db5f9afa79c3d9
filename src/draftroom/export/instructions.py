"""The sentences of a formal amendments document, from draftroom.model.Instruction, in six languages.

"After the fifth preambular paragraph, insert a new preambular paragraph reading:",
"In operative paragraph 3, delete “…”." Preambular paragraphs are cited by ordinal
words, operative and annex paragraphs by number, as UN amendments do.
"""

import re

from draftroom.errors import DraftroomError
from draftroom.export.words import join_names, quote
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


# One instruction for the same words in several operative paragraphs, where the UN's plural is known:
# "In operative paragraphs 27 and 43, delete “sexual and reproductive”." (A/C.3/80/L.64)
PLURAL_OPERATIVE = {"en": "operative paragraphs {n}"}
_JOINABLE = ("delete-words", "replace-words", "insert-words")


def joined(instructions: list[Instruction], lang: str) -> list[list[Instruction]]:
    """The instructions in groups the document states as one: consecutive changes of the same words in
    whole operative paragraphs, joined where `lang`'s plural citation is known; every other alone."""
    groups: list[list[Instruction]] = []
    for ins in instructions:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and lang in PLURAL_OPERATIVE
            and ins.op in _JOINABLE
            and (ins.op, ins.words, ins.text) == (last.op, last.words, last.text)
            and all(_whole_operative(i.target) for i in (ins, last))
        ):
            groups[-1].append(ins)
        else:
            groups.append([ins])
    return groups


def _whole_operative(target: str | None) -> bool:
    if not target:
        return False
    label = Label.parse(target)
    return label.part == "operative" and not label.markers


def part_letter(ins: Instruction) -> str | None:
    """The letter of the part an instruction amends in a draft in parts ("B" of "B OP2"); None in a
    text in one part."""
    label = ins.target or ins.after or ins.before
    return Label.parse(label).letter if label else None


def by_part(groups: list[list[Instruction]]) -> list[list[Instruction]]:
    """The groups in the order of the parts they amend (A before B), in their own order within each."""
    return sorted(groups, key=lambda g: part_letter(g[0]) or "")


def group_sentence(group: list[Instruction], lang: str) -> tuple[str, str | None]:
    """The sentence of a group from `joined`: one paragraph's, or the paragraphs cited together."""
    if len(group) == 1:
        return sentence(group[0], lang)
    numbers = [str(Label.parse(i.target or "").number) for i in group]
    return sentence(group[0], lang, PLURAL_OPERATIVE[lang].format(n=join_names(numbers, lang)))


def sentence(ins: Instruction, lang: str, cited: str | None = None) -> tuple[str, str | None]:
    """(the instruction's sentence, the new paragraph text that follows it, if any); `cited` stands
    for the paragraph's citation (several paragraphs cited together)."""
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
        r"\{r(?::(\w+))?\}", lambda m: cited or reference(label, lang, m.group(1) or "nom"), template
    ).format(k=kind, w=quote(ins.words or "", lang), t=quote(ins.text or "", lang))
    if lang == "fr":
        text = elide_french(text)
    follows = ins.text if ins.op in ("insert", "replace", "delete") else None
    return _capitalize(text), follows
