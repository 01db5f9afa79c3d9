"""The nesting-depth limit on the XML of a .docx or an AKN file, checked once the file is parsed and
before any reader walks it (the readers recurse into elements)."""

from lxml import etree

from draftroom.model.limits import XML_DEPTH, over_limit

# an element nested deeper than the limit: one XPath step per level, each over the elements at that level
_TOO_DEEP = etree.XPath("boolean(/*" + "/*" * XML_DEPTH.value + ")")


def check_depth(root: etree._Element, source: str) -> None:
    if _TOO_DEEP(root):
        raise over_limit(XML_DEPTH, source)


def is_depth_error(e: etree.XMLSyntaxError) -> bool:
    """libxml2's own limit (256 levels without huge_tree) said as ours."""
    return "depth" in str(e).lower()
