"""The compilation text of informal consultations as a document: the draft with every pending
proposal in place, attributed, deletions struck and insertions marked.

The lines come from the workflow (which knows the amendments) as blocks with spans; this module
only puts them under a heading.
"""

from draftroom.export.blocks import Block, Layout, Options, footnotes, heading_blocks, masthead
from draftroom.model import Document

HEADING = {
    "en": "Compilation text ({revision})",
    "zh": "汇编案文（{revision}）",
    "fr": "Texte de compilation ({revision})",
    "es": "Texto de compilación ({revision})",
    "ru": "Сводный текст ({revision})",
    "ar": "النص التجميعي ({revision})",
}
LEGEND = {
    "en": "Struck: proposed deletion; underlined: proposed insertion; [DELEGATIONS: proposal].",
    "zh": "删除线：提议删除；下划线：提议插入；[代表团：提议]。",
    "fr": "Barré : suppression proposée ; souligné : ajout proposé ; [DÉLÉGATIONS : proposition].",
    "es": "Tachado: supresión propuesta; subrayado: adición propuesta; [DELEGACIONES: propuesta].",
    "ru": "Зачеркнуто: предлагаемое исключение; подчеркнуто: предлагаемое добавление; [ДЕЛЕГАЦИИ: предложение].",
    "ar": "المشطوب: حذف مقترح؛ المسطر: إضافة مقترحة؛ [الوفود: الاقتراح].",
}


def compilation_layout(doc: Document, opts: Options, lines: list[Block], revision: str) -> Layout:
    symbol = opts.symbol or doc.symbol or ""
    blocks = heading_blocks(doc, opts)
    blocks.append(Block("title", doc.title))
    blocks.append(Block("note", HEADING[opts.lang].format(revision=revision)))
    blocks.append(Block("note", LEGEND[opts.lang]))
    blocks += lines
    blocks.append(Block("end"))
    return Layout(opts.lang, symbol, masthead(doc, opts, symbol, adopted=False), blocks, footnotes(doc))
