"""Small WordprocessingML helpers python-docx lacks: child elements in schema order, fields."""

from docx.oxml import OxmlElement, parse_xml
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


RULE_EMU = 914400  # the short rule that ends the UN's texts: one inch
RULE_DROP = 304800  # and 24 pt below the top of its empty paragraph
_RULE_NS = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}


def end_rule() -> BaseOxmlElement:
    """A run holding the UN's end-of-text rule: a one-inch line, centred between the margins, floating
    24 pt below its paragraph (no wrapping), so it adds no height of its own, as in the UN's Word files.
    Word reads the DrawingML shape, older readers the VML line."""
    declared = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _RULE_NS.items())
    points = RULE_EMU / 12700
    xml = (
        f'<w:r {declared}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
        'layoutInCell="0" allowOverlap="1" relativeHeight="5"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{RULE_DROP}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{RULE_EMU}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="4096" name="End rule"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{RULE_EMU}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="3175"><a:solidFill><a:srgbClr val="000000"/>'
        "</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:line from="0,{RULE_DROP / 12700:g}pt" to="{points:g}pt,{RULE_DROP / 12700:g}pt" stroked="t" '
        'style="position:absolute;mso-position-horizontal:center;mso-position-horizontal-relative:margin">'
        '<v:stroke weight=".25pt"/><w10:wrap type="none"/></v:line></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )
    return parse_xml(xml)
