"""Cross-references a renumbering broke: "paragraph 5 above", "paragraph 38 of the annex",
"第 38 段", "paragraphe 5", "párrafo 5", "пункт 5", "الفقرة 5".

A reference to another document ("paragraph 5 of resolution 64/178", "第 64/178 号决议第 5 段")
is left alone.
"""

import re

from draftroom.model import Document, iter_located
from draftroom.record import record

_NUM = r"(\d+)(?:\s*\([a-z]+\))?"
_MORE = (
    r"((?:\s*(?:,|and|or|to|et|ou|à|y|o|a|и|или|по|و|-|–|至|和|、|及)\s*(?:第\s*)?\d+(?:\s*\([a-z]+\))?)*)"
)
_REF = re.compile(
    r"(?<!preambular )\b(?:operative\s+)?(?:paragraphs?|paras?\.|paragraphes?|párrafos?)\s+"
    + _NUM
    + _MORE
    + r"|\bпункт[а-яё]*\s+"
    + _NUM
    + _MORE
    + r"|(?:الفقرت[اي]ن|الفقرات|الفقرة)\s+"
    + _NUM
    + _MORE
    + r"|第\s*"
    + _NUM
    + _MORE
    + r"\s*段",
    re.IGNORECASE,
)
_ANNEX_TAIL = re.compile(
    r"^\s*(?:of|in|to)\s+(?:the\s+)?(?:present\s+)?annex|^\s*(?:de\s+l[’']annexe|du\s+présent\s+annexe|"
    r"de\s+la\s+présente\s+annexe|del\s+(?:presente\s+)?anexo)|^\s*приложени|^\s*(?:من|في)\s+(?:هذا\s+)?المرفق",
    re.IGNORECASE,
)
_ANNEX_HEAD = re.compile(r"(?:annex(?:e|o)?\s*[IVX]*\s*,?\s*|附件\s*)$", re.IGNORECASE)
_OWN_TAIL = re.compile(
    r"^\s*(?:of|in)\s+(?:the\s+present|this)\s+resolution|^\s*de\s+la\s+présente\s+résolution|"
    r"^\s*de\s+la\s+presente\s+resolución|^\s*настоящей\s+резолюции|^\s*من\s+هذا\s+القرار",
    re.IGNORECASE,
)
_OTHER_TAIL = re.compile(
    r"^\s*(?:of|de|del|du|des|d[’']|из|من)\s|^\s*(?:резолюц|решени|конвенц|декларац|доклад)", re.IGNORECASE
)
_OTHER_HEAD = re.compile(
    r"(?:resolution|decision|résolution|resolución|резолюции|решения)\s+[\w/.\-]+\s*,?\s*(?:annex\s*[IVX]*\s*,?\s*)?$"
    r"|(?:号决议|号决定|决议|公约|议定书|宣言|报告|》)\s*(?:附件\s*[一二三四五六七八九十]*\s*)?$",
    re.IGNORECASE,
)
_OWN_HEAD = re.compile(r"(?:本决议|本决定|本附件|上文|下文)\s*$")


@record(frozen=True)
class Reference:
    scope: str  # "operative" | "annex"
    numbers: tuple[int, ...]
    excerpt: str


def references(text: str, in_annex: bool) -> list[Reference]:
    """The references to paragraphs of the same document in `text`."""
    out: list[Reference] = []
    for m in _REF.finditer(text):
        head, tail = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 60]
        own = bool(_OWN_TAIL.match(tail) or _OWN_HEAD.search(head))
        annex = bool(_ANNEX_TAIL.match(tail) or _ANNEX_HEAD.search(head))
        if _OTHER_HEAD.search(head) and not own:
            continue
        if _OTHER_TAIL.match(tail) and not (own or annex):
            continue
        scope = "annex" if annex or (in_annex and not _OWN_TAIL.match(tail)) else "operative"
        numbers = tuple(int(n) for n in re.findall(r"(?<![\d(])(\d+)(?!\s*[\d)])", m.group(0)))
        out.append(Reference(scope, numbers, m.group(0).strip()))
    return out


def _numbering(doc: Document) -> dict[str, dict[int, str]]:
    """scope -> printed number -> paragraph id (annex: the first annex, as "the annex" names it)."""
    table: dict[str, dict[int, str]] = {
        "operative": {p.number: p.id for p in doc.operative if p.number is not None}
    }
    if len(doc.operative) == 1:
        table["operative"][1] = doc.operative[0].id
    annex = doc.annexes[0].paragraphs if doc.annexes else []
    table["annex"] = {p.number: p.id for p in annex if p.number is not None}
    return table


def broken(before: Document, after: Document) -> list[str]:
    """One warning per reference whose paragraph this revision renumbered or deleted, or that
    names no paragraph. References are read in the numbering of `before`: the text the
    amendments were written against. In a resolution adopted in parts, a reference is to its own
    part's paragraphs."""
    tables = [
        (_numbering(b), _numbering(a)) for b, a in zip(before.divisions(), after.divisions(), strict=False)
    ]
    warnings: list[str] = []
    for loc in iter_located(after):
        if (loc.division or 0) >= len(tables):
            continue  # a part the revision added: nothing was numbered before it
        old, new = tables[loc.division or 0]
        new_number = {scope: {pid: n for n, pid in t.items()} for scope, t in new.items()}
        for ref in references(loc.paragraph.text, loc.part == "annex"):
            for n in ref.numbers:
                problem = _problem(ref.scope, n, old, new_number)
                if problem:
                    warnings.append(f'{loc.label}: "{ref.excerpt}" {problem}')
    return warnings


def _problem(
    scope: str, n: int, old: dict[str, dict[int, str]], new_number: dict[str, dict[str, int]]
) -> str | None:
    where = "of the annex " if scope == "annex" else ""
    pid = old[scope].get(n)
    if pid is None:
        return f"points to paragraph {n} {where}which does not exist"
    now = new_number[scope].get(pid)
    if now is None:
        return f"points to paragraph {n} {where}which this revision deleted"
    if now != n:
        return f"points to paragraph {n} {where}which is now paragraph {now}: update the reference"
    return None
