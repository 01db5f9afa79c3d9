"""Small WordprocessingML helpers python-docx lacks: child elements in schema order, borders, fields."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# the schema order of the children of w:rPr and w:pPr (ECMA-376), enough to place new ones correctly
RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
]
PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The `tag` child of a w:rPr or w:pPr, created in its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    order = RPR_ORDER if parent.tag == qn("w:rPr") else PPR_ORDER
    element = OxmlElement(tag)
    parent.insert_element_before(element, *order[order.index(tag) + 1 :])
    return element


def remove_child(parent: BaseOxmlElement, tag: str) -> None:
    found = parent.find(qn(tag))
    if found is not None:
        parent.remove(found)


def border(ppr: BaseOxmlElement, side: str, size_eighths: int) -> None:
    """A single line on one side of a paragraph (size in eighths of a point)."""
    pbdr = child(ppr, "w:pBdr")
    line = pbdr.find(qn(f"w:{side}"))
    if line is None:
        line = OxmlElement(f"w:{side}")
        pbdr.append(line)
    for key, value in (
        ("w:val", "single"),
        ("w:sz", str(size_eighths)),
        ("w:space", "1"),
        ("w:color", "auto"),
    ):
        line.set(qn(key), value)


def field(paragraph_element: BaseOxmlElement, instruction: str, shown: str) -> BaseOxmlElement:
    """A simple field (PAGE, NUMPAGES, NOTEREF ...) with the text shown until a reader updates it."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    fld.append(run)
    paragraph_element.append(fld)
    return fld


def complex_field(paragraph_element: BaseOxmlElement, instruction: str, shown: str, run_style: str) -> None:
    """A field as begin / instruction / separate / result / end runs, each in `run_style`.

    Readers keep the result text of a complex field (pandoc drops unknown simple fields).
    """

    def run() -> BaseOxmlElement:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), run_style)
        rpr.append(style)
        r.append(rpr)
        paragraph_element.append(r)
        return r

    def char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run().append(el)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run().append(instr)
    char("separate")
    text = OxmlElement("w:t")
    text.text = shown
    run().append(text)
    char("end")
