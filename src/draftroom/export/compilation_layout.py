"""The compilation text of informal consultations as a document: the draft with every pending
proposal in place, attributed, deletions struck and insertions marked, the square brackets around
disputed words in bold, with a legend saying what each mark means.

The lines come from the workflow (which knows the amendments) as blocks with spans; this module
only puts them under a heading.
"""

from draftroom.export.blocks import Block, Layout, Options, footnotes, heading_blocks, masthead
from draftroom.model import Document
from draftroom.model.revision import Revision

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
# the legend's last sentence: the words of the text between bold square brackets are not agreed
BRACKETS = {
    "en": ("Text in bold square brackets ", ": not agreed."),
    "zh": ("粗体方括号", "内的案文：尚未商定。"),
    "fr": ("Texte entre crochets en gras ", " : non agréé."),
    "es": ("Texto entre corchetes en negrita ", ": no acordado."),
    "ru": ("Текст в квадратных скобках, выделенных жирным шрифтом, ", ": не согласован."),
    "ar": ("النص بين معقوفتين بخط غامق ", ": غير متفق عليه."),
}


def legend(lang: str) -> Block:
    """What the compilation's marks mean, the square brackets set as the text sets them."""
    before, after = BRACKETS[lang]
    gap = "" if lang == "zh" else " "  # Chinese sentences follow one another without a space
    spans = [
        ("text", LEGEND[lang] + gap + before),
        ("bracket", "["),
        ("text", " "),
        ("bracket", "]"),
        ("text", after),
    ]
    return Block("note", "".join(t for _, t in spans), spans=spans)


def compilation_layout(doc: Document, opts: Options, lines: list[Block], revision: Revision) -> Layout:
    """The heading names the draft as its readers know it (`Revision.known_as`), never its git tag."""
    symbol = opts.symbol or doc.symbol or ""
    blocks = heading_blocks(doc, opts)
    blocks.append(Block("title", doc.title))
    blocks.append(Block("note", HEADING[opts.lang].format(revision=revision.known_as(symbol, opts.lang))))
    blocks.append(legend(opts.lang))
    blocks += lines
    blocks.append(Block("end"))
    return Layout(opts.lang, symbol, masthead(doc, opts, symbol, adopted=False), blocks, footnotes(doc))
