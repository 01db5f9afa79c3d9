"""The instructions of a formal amendments document, in English, French, Spanish, Russian, Chinese and
Arabic.

"After the fourteenth preambular paragraph, insert a new preambular paragraph reading: ..." becomes
`Instruction("insert", after="PP14", text=...)`. Quoted words are taken out first, so what they say
never confuses the grammar; then each sentence is read for its verb, the paragraphs it cites and
its quotations. A sentence ending in a colon takes its text from the paragraphs that follow.

Decisions: the text of a deleted paragraph ("Delete ... reading: ...") goes in `text`, for checking
against the draft; "before the words X, insert Y" is written as replace-words X -> "Y X", and "at the
end of ..., add Y" as insert-words without `words`. Text that reads as no instruction is never
guessed at: it is returned in `Reading.skipped` and logged as a warning.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TypedDict

from draftroom import notices
from draftroom.lang.citations import CITATIONS, PART_HEADING_READ
from draftroom.lang.markers import ABJAD, from_alphabet, roman
from draftroom.lang.numbers import ZH_ORDINAL, chinese_number, is_compound_word, ordinal_value
from draftroom.lang.scripts import ARABIC_MARKS
from draftroom.model import Instruction, Label
from draftroom.record import replace

log = notices.logger(__name__)

_QUOTES = (("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"), ("『", "』"), ('"', '"'))
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3}[.)]|\d{1,3}\s*-|\(\d{1,3}\)|[一二三四五六七八九十]+[、.．])\s*$")
_SUBS = r"(?P<sub>\(?[a-z]{1,5}\)(?:\s*(?:,|and|et|y|и)\s*\(?[a-z]{1,5}\))*)"  # "(a) and (c)"
# the skeleton's characters: full-width digits, and no Arabic vowel marks ("تُحذف" reads as "تحذف")
_SKELETON = str.maketrans("０１２３４５６７８９（）", "0123456789()", ARABIC_MARKS)
_NUMBERED = re.compile(r"^\s*(\d{1,3}[.)]|\d{1,3}\s*-(?=\s)|\(\d{1,3}\)|[一二三四五六七八九十]+、)\s*")
_NUMLIST = (
    r"\d+(?:\s*\(?[a-z]{1,5}\))*"
    r"(?:\s*(?:,|،|and|et|y|e|и|و|和|、|及|to|à|a|по|إلى|–|-)\s*\d+(?:\s*\(?[a-z]{1,5}\))*)*"
)
# Arabic: a sub-item "(ب)", its own items ’1‘
_AR_ITEM = r"\([^\s()]{1,3}\)(?:\s*’\d{1,2}‘)*"
_AR_SUBS = rf"(?P<sub>{_AR_ITEM}(?:\s*(?:،|,|و)\s*{_AR_ITEM})*)"
_ZH_NUMBER = r"[\d〇零一二三四五六七八九十百]+"
_ZH_ITEM = r"[(（][a-z]+[)）]"
_ZH_TAIL = rf"(?P<tail>{_ZH_ITEM}(?:\s*(?:和|、|及)\s*{_ZH_ITEM})*)"  # "(a)和(b)分段"
_ZH_NUMS = rf"(?P<nums>{_ZH_NUMBER}(?:\s*{_ZH_ITEM})*(?:\s*(?:段)?\s*(?:和|、|及)\s*第?\s*{_ZH_NUMBER}(?:\s*{_ZH_ITEM})*)*)"


@dataclass(frozen=True)
class _Lang:
    pp_words: str  # what follows ordinal words citing a preambular paragraph
    op: str  # an operative paragraph citation with a `nums` group
    sub_op: str  # a sub-item citation with `sub` and `nums` groups
    # (these three are read from the templates export writes citations with: see `_citations`)
    insert: str
    delete: str
    replace: str
    after: str
    before: str
    at_end: str
    new: str  # "a new (paragraph)"
    openers: str  # how an instruction sentence may begin
    list_words: str = r",|and"
    quotes: tuple[tuple[str, str], ...] = _QUOTES  # (opening, closing), the first that opens a quotation
    swapped: str = r"$^"  # a replacement that quotes the new words first ("以“Y”取代“X”")
    letters: tuple[str, ...] = ()  # the letters sub-items are cited by, besides Latin ones


class _Citations(TypedDict):
    pp_words: str
    op: str
    sub_op: str


def _citations(
    lang: str, subs: str = _SUBS, nums: str = rf"(?P<nums>{_NUMLIST})", op_tail: str = ""
) -> _Citations:
    """The citation patterns of `lang`, read from the templates export writes citations with.
    `op_tail`: what may follow an operative paragraph's number, as the sub-items it cites. Chinese
    cites sub-items with the number, and the preamble by numbers (`_ZH_PP`)."""
    c = CITATIONS[lang]
    op = c.pattern(c.operative, n=nums, m="") + op_tail
    if lang == "zh":
        return {"pp_words": "", "op": op, "sub_op": r"$^"}
    return {
        "pp_words": c.pattern(c.preamble.partition("{o}")[2].strip()),
        "op": op,
        "sub_op": c.pattern(c.item, m=subs, r=c.pattern(c.operative, n=r"(?P<nums>\d+)", m="")),
    }


_EN, _ZH = CITATIONS["en"], CITATIONS["zh"]
_LANGS = {
    "en": _Lang(
        **_citations(
            "en",
            op_tail=rf"(?:,?\s*{_EN.forms['subparagraph']}\s*(?P<tail>\([a-z]+\)(?:\s*(?:,|and)\s*\([a-z]+\))*))?",
        ),
        insert=r"\b(insert(ed)?|add(ed)?)\b",
        delete=r"\b(delet(e|ed)|str(ike|uck)\s+out|remov(e|ed))\b",
        replace=r"\b(replac(e|ed)|substitut(e|ed)|amend(ed)?)\b|\bshould\s+read\b",
        after=r"\bafter\b",
        before=r"\bbefore\b",
        at_end=r"\bat\s+the\s+end\b",
        new=r"\bnew\b",
        openers=r"(in|after|before|at|insert|add|delete|replace|substitute|strike|remove|amend|operative|the)\b",
    ),
    "fr": _Lang(
        **_citations("fr"),
        insert=r"\b(insérer|ajouter)\b",
        delete=r"\b(supprimer)\b",
        replace=r"\b(remplacer|modifier)\b",
        after=r"\baprès\b",
        before=r"\bavant\b",
        at_end=r"\bà\s+la\s+fin\b",
        new=r"\bnouv(eau|el|elle)\b",
        openers=r"(au|à|aux|après|avant|insérer|ajouter|supprimer|remplacer|modifier|le|la|les|dans)\b",
        list_words=r",|et",
    ),
    "es": _Lang(
        **_citations("es"),
        insert=r"\b(insért[ea]n?se|agrég[ua]e?n?se|añád[ae]n?se|intercál[ae]n?se|insertar|añadir)\b",
        delete=r"\b(suprím[ae]n?se|elimín[ae]n?se|suprimir|eliminar)\b",
        replace=r"\b(sustitú[ya]a?n?se|reemplác[ae]n?se|sustituir|reemplazar|modifíquese)\b",
        after=r"\bdespués\b",
        before=r"\bantes\b",
        at_end=r"\bal\s+final\b",
        new=r"\bnuev[oa]\b",
        openers=r"(en|después|antes|al|insért|agrég|añád|intercál|suprím|elimín|sustitú|reemplác|modifíq|el|la|los)",
        list_words=r",|y|e",
    ),
    "ru": _Lang(
        **_citations("ru"),
        insert=r"(?<!\w)(вставить|добавить|включить)(?!\w)",
        delete=r"(?<!\w)(исключить|удалить)(?!\w)",
        replace=r"(?<!\w)(заменить|изложить)(?!\w)",
        after=r"(?<!\w)после(?!\w)",
        before=r"(?<!\w)перед(?!\w)",
        at_end=r"(?<!\w)в\s+конце(?!\w)",
        new=r"(?<!\w)нов\w+",
        openers=r"(в|после|перед|вставить|добавить|включить|исключить|удалить|заменить|изложить|пункт)",
        list_words=r",|и",
    ),
    "zh": _Lang(
        **_citations(
            "zh",
            nums=_ZH_NUMS,
            op_tail=f"(?:{_ZH.pattern(_ZH.item, r='', m=_ZH_TAIL)})?",
        ),
        insert=r"插入|增加|添加|加上|加入",
        delete=r"删除|删去",
        replace=r"取代|替换|改为|代替|修改为|改成",
        after=r"之后|后",
        before=r"之前|前",
        at_end=r"末尾|结尾",
        new=r"新的|一个新|新",
        openers=r"(在|删除|删去|将|以|插入|增加|执行部分|序言部分)",
        swapped=r"以\s*⟦\d+⟧\s*(取代|代替|替换)",
    ),
    "ar": _Lang(
        **_citations("ar", subs=_AR_SUBS),
        insert=r"(?<!\w)و?(?:[يت]درج|[يت]ضاف|إدراج|إضافة)(?!\w)",
        delete=r"(?<!\w)و?(?:[يت]?حذف|[يت]?شطب)(?!\w)",
        replace=r"(?<!\w)و?(?:[يت]ستعاض|الاستعاضة|[يت]?ستبدل|استبدال|[يت]حل|ل?يصبح|[يت]عدل)(?!\w)",
        after=r"(?<!\w)بعد(?!\w)(?!\s+الم[ائ]+[ةه])",  # not the "بعد المائة" of an ordinal
        before=r"(?<!\w)قبل(?!\w)",
        at_end=r"(?<!\w)(?:نهاية|آخر|ختام)(?!\w)",
        new=r"(?<!\w)جديد[ةه]?(?!\w)",
        openers=r"و?(في|بعد|قبل|[يت]درج|[يت]ضاف|إدراج|إضافة|[يت]?حذف|[يت]?شطب|[يت]ستعاض|[يت]?ستبدل|[يت]حل|يصبح"
        r"|[يت]عدل|الفقر)",
        list_words=r"[،,]|و",
        quotes=(("”", "“"), *_QUOTES),
        swapped=r"[يت]ستعاض\s+ب|(?<!\w)و?[يت]حل(?!\w)",  # "يُستعاض بعبارة Y عن X", "تحل Y محل X"
        letters=ABJAD,
    ),
}
_ZH_PP = re.compile(
    _ZH.pattern(
        _ZH.preamble,
        o=rf"{ZH_ORDINAL}\s*(?P<ords>{_ZH_NUMBER}(?:\s*段?\s*(?:和|、|及)\s*第?\s*{_ZH_NUMBER})*)",
    )
)


@dataclass
class Reading:
    instructions: list[Instruction] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # paragraphs read as no instruction


@dataclass
class _Sentence:
    skeleton: str  # the sentence with each quotation replaced by ⟦n⟧
    quotes: list[str]
    refs: list[tuple[int, str]]  # (position in skeleton, label), in order


def parse_instructions(paragraphs: list[str], lang: str) -> list[Instruction]:
    """Instructions of an amendments document, given its paragraphs after the title; paragraphs
    that read as no instruction are logged and left out (see `read_instructions`)."""
    reading = read_instructions(paragraphs, lang)
    for text in reading.skipped:
        log.warning("amendments: no instruction recognised in %r", text[:80])
    return reading.instructions


def read_instructions(paragraphs: list[str], lang: str) -> Reading:
    g = _grammar(lang)
    paras = _merge_bare_numbers([p.strip() for p in paragraphs if p.strip()])
    reading = Reading()
    letter = None  # a draft in parts: the part the instructions under "Draft resolution B" amend
    i = 0
    while i < len(paras):
        if part := PART_HEADING_READ.match(paras[i]):
            letter, i = part.group(1).upper(), i + 1
            continue
        found, wants_text = _read_paragraph(paras[i], g, lang)
        i += 1
        if not found:
            reading.skipped.append(paras[i - 1])
            continue
        if wants_text:
            body = []
            while (
                i < len(paras)
                and not _is_instruction(paras[i], g, lang)
                and not PART_HEADING_READ.match(paras[i])
            ):
                body.append(_unquote(paras[i], g))
                i += 1
            for ins in found:
                if ins.text is None and body:
                    ins.text = " ".join(body)
        reading.instructions.extend(_in_part(ins, letter) for ins in found)
    return reading


def _in_part(ins: Instruction, letter: str | None) -> Instruction:
    """`ins` with the part's letter before each label it names ("B OP2"), in a draft in parts."""
    if letter:
        ins.target, ins.after, ins.before = (
            f"{letter} {label}" if label else None for label in (ins.target, ins.after, ins.before)
        )
    return ins


def starts_instruction(text: str, lang: str) -> bool:
    """A line that opens an instruction: numbered ("1.", "1 -") or read as one in `lang`."""
    return bool(_NUMBERED.match(text)) or _is_instruction(text, _grammar(lang), lang)


def _merge_bare_numbers(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        if out and _NUMBER_ONLY.match(out[-1]):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _grammar(lang: str) -> _Lang:
    return _LANGS.get(lang, _LANGS["en"])


@cache
def _quote_pattern(quotes: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"{re.escape(a)}(.*?){re.escape(b)}" for a, b in quotes), re.S)


def _is_instruction(text: str, g: _Lang, lang: str) -> bool:
    body = _NUMBERED.sub("", text, count=1).translate(_SKELETON)
    if not re.match(g.openers, body, re.I):
        return False
    found, _ = _read_paragraph(text, g, lang)
    return bool(found)


def _unquote(text: str, g: _Lang) -> str:
    text = _clean(text)
    for a, b in g.quotes:
        if text.startswith(a) and text.endswith(b) and text.count(a) == 1:
            return text[len(a) : -len(b)].strip()
        if text.startswith(a) and text.count(a) == 1 and b not in text:
            return text[len(a) :].strip()
    return text


def _clean(text: str) -> str:
    """Drop asterisk note markers ("Court,** and") and spacing; keep `[^N]` references."""
    text = re.sub(r"(?<=[^\s*])\*+(?=[\s,.;:]|$)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _read_paragraph(text: str, g: _Lang, lang: str) -> tuple[list[Instruction], bool]:
    """The instructions in one paragraph, and whether the last of them takes its text from the
    paragraphs that follow (the sentence ends in a colon and quotes no text)."""
    body = _NUMBERED.sub("", text, count=1)
    out: list[Instruction] = []
    wants = False
    for sentence in _sentences(body, lang):
        refs: list[tuple[int, str]] = []
        for clause in _clauses(sentence, g, lang):
            clause.refs = clause.refs or refs  # "In OP3, delete X and replace Y with Z": OP3 for both
            refs = clause.refs
            found, wants = _read_sentence(clause, g, lang)
            out.extend(found)
    return out, wants and bool(out)


def _sentences(text: str, lang: str) -> list[_Sentence]:
    quotes: list[str] = []

    def keep(m: re.Match[str]) -> str:
        quotes.append(_clean(next(x for x in m.groups() if x is not None)))
        return f"⟦{len(quotes) - 1}⟧"

    skeleton = _quote_pattern(_grammar(lang).quotes).sub(keep, text).translate(_SKELETON)
    split = r"(?<=[。；;؛])\s*|(?<=\.)\s+(?=[A-ZÀ-ÖА-Я\u0621-\u064a])" if lang != "zh" else r"(?<=[。；;])\s*"
    return [_piece(part, quotes, lang) for part in re.split(split, skeleton) if part.strip()]


def _piece(part: str, quotes: list[str], lang: str) -> _Sentence:
    """A sentence or clause with its own quotations, numbered from 0."""
    used = [int(n) for n in re.findall(r"⟦(\d+)⟧", part)]
    part = _renumber_quotes(part, {n: i for i, n in enumerate(used)})
    return _Sentence(part, [quotes[n] for n in used], _refs(part, lang))


def _clauses(s: _Sentence, g: _Lang, lang: str) -> list[_Sentence]:
    """A sentence cut where a second verb starts a second instruction ("delete X and replace Y
    with Z"); words before the first verb stay with the first clause."""
    chunks = re.split(r"(?<=[,;，；،؛])|(?=\s(?:and|et|y|и)\s)|(?=\sو)", s.skeleton)
    clauses: list[str] = []
    has_verb = False
    for chunk in chunks:
        verb = _verb(chunk, g) is not None
        if clauses and not (verb and has_verb):
            clauses[-1] += chunk
            has_verb = has_verb or verb
        else:
            clauses.append(chunk)
            has_verb = verb
    if len(clauses) == 1:
        return [s]
    return [_piece(c, s.quotes, lang) for c in clauses]


def _renumber_quotes(part: str, local: dict[int, int]) -> str:
    return re.sub(r"⟦(\d+)⟧", lambda m: f"⟦{local[int(m.group(1))]}⟧", part)


def _refs(skeleton: str, lang: str) -> list[tuple[int, str]]:
    g = _grammar(lang)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in re.finditer(g.sub_op, skeleton, re.I):
        paragraph = Label("operative", int(m.group("nums")))
        found.extend(
            (m.start(), str(replace(paragraph, markers=sub))) for sub in _sub_items(m.group("sub"), g)
        )
        taken.append(m.span())
    for m in re.finditer(g.op, skeleton, re.I):
        if any(a <= m.start() < b for a, b in taken):
            continue
        tails = re.findall(r"([a-z]+)[)）]", m.groupdict().get("tail") or "")
        for label in _number_labels(m.group("nums")):
            cited = [label.item(t) for t in tails] or [label]
            found.extend((m.start(), str(c)) for c in cited)
    if lang == "zh":
        for m in _ZH_PP.finditer(skeleton):
            for part in re.split(r"段?\s*(?:和|、|及)\s*第?", m.group("ords")):
                n = chinese_number(part.strip())
                if n:
                    found.append((m.start(), str(Label("preamble", n))))
    else:
        for m in re.finditer(g.pp_words, skeleton, re.I):
            numbers = _ordinals_before(skeleton[: m.start()], g, lang)
            found.extend((m.start(), str(Label("preamble", n))) for n in numbers)
        for m in re.finditer(rf"{g.pp_words}\s+(?P<nums>{_NUMLIST})", skeleton, re.I):
            labels = _number_labels(m.group("nums"))
            found.extend((m.start(), str(replace(label, part="preamble"))) for label in labels)
    return sorted(found, key=lambda x: x[0])


def _sub_items(text: str, g: _Lang) -> list[tuple[str, ...]]:
    """The cited sub-items' markers: "(a) and (c)" -> (a,), (c,); Arabic "(ب)’2‘" -> (b, ii).
    A letter of no known alphabet is left out, never guessed."""
    if not g.letters:
        return [(sub,) for sub in re.findall(r"([a-z]{1,5})\)", text.lower())]
    out = []
    for printed, numbers in re.findall(r"\(([^\s()]{1,3})\)((?:\s*’\d{1,2}‘)*)", text):
        letter = (
            printed.lower()
            if re.fullmatch(r"[a-z]{1,3}", printed, re.I)
            else from_alphabet(printed, g.letters)
        )
        if letter:
            out.append((letter, *(roman(int(n)) for n in re.findall(r"\d+", numbers))))
    return out


def _number_labels(nums: str) -> list[Label]:
    """ "27 and 43" -> OP27, OP43; "3 to 5" -> OP3..OP5; "1 (a)" -> OP1(a); "第十四" digits too."""
    labels: list[Label] = []
    items = re.findall(
        r"([\d〇零一二三四五六七八九十百]+)((?:\s*[(（]?[a-z]{1,5}[)）])*)\s*(to\s|à\s|a\s|по\s|إلى\s|–|-)?",
        nums,
    )
    pending_range: int | None = None
    for number, subs, sep in items:
        n = chinese_number(number)
        if n is None:
            continue
        sub = tuple(re.findall(r"([a-z]{1,5})[)）]", subs))
        if pending_range is not None and not sub:
            labels.extend(Label("operative", k) for k in range(pending_range + 1, n + 1))
        else:
            labels.append(Label("operative", n, markers=sub))
        pending_range = n if sep and not sub else None
    return labels


def _ordinals_before(text: str, g: _Lang, lang: str) -> list[int]:
    """Ordinals ending at the end of `text`: "Delete the third and fourth" -> [3, 4]."""
    tokens = re.findall(rf"{g.list_words}|[^\s,،]+", text)
    numbers: list[int] = []
    words: list[str] = []
    while tokens:
        tok = tokens[-1]
        if words and len(tokens) > 1 and is_compound_word(tokens[-2], lang):
            joined = ordinal_value(" ".join([tokens[-2], tok, *words]), lang)
            if joined is not None:  # "vingt et unième": the "et" belongs to the number
                words = [tokens[-2], tok, *words]
                del tokens[-2:]
                continue
        if re.fullmatch(g.list_words, tok, re.I) or tok.lower() in _ARTICLES.get(lang, ()):
            if words:
                n = ordinal_value(" ".join(words), lang)
                if n is None:
                    break
                numbers.insert(0, n)
                words = []
            tokens.pop()
            continue
        candidate = [tok, *words]
        if ordinal_value(" ".join(candidate), lang) is None and not is_compound_word(tok, lang):
            break
        words = candidate
        tokens.pop()
    if words:
        n = ordinal_value(" ".join(words), lang)
        if n is not None:
            numbers.insert(0, n)
    return numbers


_ARTICLES = {
    "en": {"the"},
    "fr": {"le", "la", "l'", "les", "du", "des", "au", "aux"},
    "es": {"el", "la", "los", "las", "del", "al"},
    "ru": set(),
}


def _read_sentence(s: _Sentence, g: _Lang, lang: str) -> tuple[list[Instruction], bool]:
    sk = s.skeleton
    labels = [label for _, label in s.refs]
    ends_colon = bool(re.search(r"[:：]\s*$", sk))
    verb = _verb(sk, g)
    if verb is None or not labels:
        return [], False
    if verb == "insert":
        return _insert(s, g, labels, ends_colon, lang)
    if verb == "delete":
        return _delete(s, g, labels, ends_colon)
    return _replace(s, g, labels, ends_colon, lang)


def _verb(sk: str, g: _Lang) -> str | None:
    found = []
    for name, pattern in (("insert", g.insert), ("delete", g.delete), ("replace", g.replace)):
        m = re.search(pattern, sk, re.I)
        if m:
            found.append((m.start(), name))
    if not found:
        return None
    names = {n for _, n in found}
    if "replace" in names and re.search(r"⟦\d+⟧", sk):
        return "replace"  # "replace X with Y": a quoted "insert" inside is not the verb
    return min(found)[1]


def _quote_near(s: _Sentence, pattern: str, lang: str) -> int | None:
    """Index of the quotation anchored by a word such as "after": the one that follows it, or in
    Chinese the one before it ("在“X”之后")."""
    m = re.search(pattern, s.skeleton, re.I)
    if not m:
        return None
    if lang == "zh":
        before = re.findall(r"⟦(\d+)⟧", s.skeleton[: m.start()])
        return int(before[-1]) if before else None
    after = re.search(r"⟦(\d+)⟧", s.skeleton[m.end() :])
    return int(after.group(1)) if after else None


def _insert(
    s: _Sentence, g: _Lang, labels: list[str], ends_colon: bool, lang: str
) -> tuple[list[Instruction], bool]:
    sk = s.skeleton
    if re.search(g.new, sk, re.I) or (ends_colon and not s.quotes):
        where = "before" if re.search(g.before, sk, re.I) and not re.search(g.after, sk, re.I) else "after"
        text = s.quotes[-1] if s.quotes else None
        anchor = labels[-1]
        ins = Instruction("insert", text=text, **{where: anchor})
        return [ins], text is None
    if not s.quotes:
        return [], False
    anchor_after = _quote_near(s, g.after, lang)
    anchor_before = _quote_near(s, g.before, lang)
    out = []
    for label in labels:
        if anchor_after is not None and len(s.quotes) > 1:
            new = next(q for i, q in enumerate(s.quotes) if i != anchor_after)
            out.append(Instruction("insert-words", target=label, words=s.quotes[anchor_after], text=new))
        elif anchor_before is not None and len(s.quotes) > 1:
            new = next(q for i, q in enumerate(s.quotes) if i != anchor_before)
            old = s.quotes[anchor_before]
            out.append(Instruction("replace-words", target=label, words=old, text=_before(new, old, lang)))
        elif re.search(g.at_end, sk, re.I):
            out.append(Instruction("insert-words", target=label, text=s.quotes[-1]))
    return out, False


def _before(new: str, old: str, lang: str) -> str:
    joiner = "" if lang == "zh" or new.endswith((" ", "(")) else " "
    return f"{new}{joiner}{old}"


def _delete(s: _Sentence, g: _Lang, labels: list[str], ends_colon: bool) -> tuple[list[Instruction], bool]:
    if s.quotes and _words_deleted(s, g):
        return [
            Instruction("delete-words", target=label, words=q) for label in labels for q in s.quotes
        ], False
    text = s.quotes[-1] if s.quotes else None
    out = [Instruction("delete", target=label) for label in labels]
    if text is not None and len(out) == 1:
        out[0].text = text
    return out, ends_colon and text is None and len(out) == 1


_PARAGRAPH_WORD = re.compile(r"paragraph|alinéa|párrafo|пункт|段|فقر", re.I)


def _words_deleted(s: _Sentence, g: _Lang) -> bool:
    """Quoted words are what is deleted when they stand next to the verb ("delete “X”", "the words
    “X” should be deleted", "删除“X”"), not after a paragraph citation ("Delete operative
    paragraph 5, reading “...”", which quotes the paragraph for checking)."""
    verb = re.search(g.delete, s.skeleton, re.I)
    if verb is None:
        return False
    after = re.match(r"([^⟦]*)⟦\d+⟧", s.skeleton[verb.end() :])
    if after:
        return not _PARAGRAPH_WORD.search(after.group(1))
    before = re.search(r"⟦\d+⟧([^⟦]*)$", s.skeleton[: verb.start()])
    return before is not None and not _PARAGRAPH_WORD.search(before.group(1))


def _replace(
    s: _Sentence, g: _Lang, labels: list[str], ends_colon: bool, lang: str
) -> tuple[list[Instruction], bool]:
    if len(s.quotes) >= 2:
        pairs = list(zip(s.quotes[0::2], s.quotes[1::2], strict=False))
        if re.search(g.swapped, s.skeleton):
            pairs = [(b, a) for a, b in pairs]
        return [
            Instruction("replace-words", target=label, words=a, text=b) for label in labels for a, b in pairs
        ], False
    text = s.quotes[0] if s.quotes else None
    out = [Instruction("replace", target=label, text=text) for label in labels]
    return out, text is None and (ends_colon or bool(out))
