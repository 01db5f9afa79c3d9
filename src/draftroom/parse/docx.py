"""Read a Word document (draftroom's own export or a real UN one) into the canonical plain text.

The canonical text is what the text parser reads: paragraphs separated by blank lines, numbers and
markers in front ("1. ", "(a) "), footnote references as `[^N]` inline (N by first appearance, as
Word numbers them; a repeated reference through a NOTEREF field gets the same N), and each note as
a line `[^N]: text` at the end. Running heads and footers are left out, as they are page furniture.
"""

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from draftroom.errors import DraftroomError
from draftroom.lang.markers import roman
from draftroom.parse import vocab
from draftroom.parse.furniture import job_number
from draftroom.parse.source import SourceText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NOTEREF = re.compile(r"NOTEREF\s+(\S+)")
# text before a tab that is a paragraph number or marker: "1.", "(a)", "a)", "74/176.", "IV."
_LABEL = re.compile(r"^\s*(\(?[0-9A-Za-z]{1,7}[.)]|\d+/\d+\s?[A-Z]?(?:\.|\s-))\s*$")
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))


@dataclass
class _Package:
    document: etree._Element
    footnotes: etree._Element | None
    numbering: etree._Element | None
    footers: list[etree._Element]
    masthead: etree._Element | None = None  # the first page's header, where the UN sets the masthead


def _open(data: bytes, source: str) -> _Package:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            main = _main_part(z, names)
            rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
            targets: dict[str, str] = {}
            footers: list[str] = []
            headers: dict[str, str] = {}  # relationship id -> header part
            if rels_name in names:
                for rel in _xml(z.read(rels_name)).iter(f"{{{REL_NS}}}Relationship"):
                    if rel.get("TargetMode") != "External":
                        target = posixpath.normpath(
                            posixpath.join(posixpath.dirname(main), rel.get("Target"))
                        ).lstrip("/")
                        targets[rel.get("Type")] = target
                        if rel.get("Type") == FOOTER_REL and target in names:
                            footers.append(target)
                        if rel.get("Type") == HEADER_REL and target in names:
                            headers[rel.get("Id")] = target

            def part(reltype: str) -> etree._Element | None:
                name = targets.get(reltype)
                return _xml(z.read(name)) if name in names else None

            document = _xml(z.read(main))
            first = next(
                (
                    ref.get(f"{{{R_NS}}}id")
                    for ref in document.iter(w("headerReference"))
                    if ref.get(w("type")) == "first"
                ),
                None,
            )
            return _Package(
                document,
                part(FOOTNOTES_REL),
                part(NUMBERING_REL),
                [_xml(z.read(name)) for name in footers],
                _xml(z.read(headers[first])) if first in headers else None,
            )
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as e:
        raise DraftroomError(
            f"{source}: not a readable Word document ({e}): save it again as .docx"
        ) from None


def _main_part(z: zipfile.ZipFile, names: set[str]) -> str:
    if "_rels/.rels" in names:
        for rel in _xml(z.read("_rels/.rels")).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target").lstrip("/")
    return "word/document.xml"


class _Numbering:
    """Word's automatic paragraph numbering ("1.", "(a)"), counted as Word counts it."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        if root is None:
            return
        abstract = {a.get(w("abstractNumId")): a for a in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            a = abstract.get(ref.get(w("val"))) if ref is not None else None
            for lvl in a.iter(w("lvl")) if a is not None else ():
                fmt, text, start = lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("start"))
                self.levels[(num.get(w("numId")), int(lvl.get(w("ilvl"), "0")))] = (
                    fmt.get(w("val")) if fmt is not None else "decimal",
                    text.get(w("val")) if text is not None else "%1.",
                    int(start.get(w("val"))) if start is not None else 1,
                )

    def label(self, p: etree._Element) -> str:
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is None:
            return ""
        num_id = num_pr.find(w("numId"))
        ilvl = num_pr.find(w("ilvl"))
        key = (
            num_id.get(w("val")) if num_id is not None else "",
            int(ilvl.get(w("val"))) if ilvl is not None else 0,
        )
        if key not in self.levels:
            return ""
        fmt, text, start = self.levels[key]
        for deeper in [k for k in self.counters if k[0] == key[0] and k[1] > key[1]]:
            del self.counters[deeper]
        self.counters[key] = self.counters.get(key, start - 1) + 1
        value = _format_number(self.counters[key], fmt)
        return "" if fmt in ("bullet", "none") else re.sub(r"%\d", value, text)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter", "arabicAbjad", "arabicAlpha"):  # Arabic letters read as Latin
        s = ""
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = roman(n)
        return s.upper() if fmt == "upperRoman" else s
    return str(n)


@dataclass
class _Reader:
    notes: dict[str, str]  # footnote id -> text
    numbering: _Numbering
    order: dict[str, int] = field(default_factory=dict)  # footnote id -> number by first appearance
    bookmarks: dict[str, str] = field(default_factory=dict)  # bookmark name -> footnote id inside it
    custom_notes: list[str] = field(default_factory=list)  # "* On behalf of ..." notes with their own mark

    def number(self, note_id: str) -> int:
        if note_id not in self.order:
            self.order[note_id] = len(self.order) + 1
        return self.order[note_id]

    def paragraph(self, p: etree._Element) -> str:
        parts: list[str] = []
        self._walk(p, parts, {"skip": False, "instr": ""})
        text = "".join(parts)
        label = self.numbering.label(p)
        return f"{label}\t{text}" if label else text

    def _walk(self, node: etree._Element, out: list[str], field_state: dict) -> None:
        for el in node:
            tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if tag in ("pPr", "rPr", "delText", "del", "moveFrom", "Fallback"):
                continue
            if tag == "fldChar":
                self._complex_field(el, out, field_state)
            elif tag == "instrText":
                field_state["instr"] += el.text or ""
            elif field_state["skip"]:
                if len(el):
                    self._walk(el, out, field_state)
            elif tag == "t":
                out.append((el.text or "").translate(_BIDI_MARKS))
            elif tag == "tab":
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            elif tag == "footnoteReference":
                self._reference(el, out)
            elif tag == "fldSimple":
                if not self._noteref(el.get(w("instr"), ""), out):
                    self._walk(el, out, field_state)
            else:
                if tag == "bookmarkStart":
                    self._bookmark(el)
                self._walk(el, out, field_state)

    def _reference(self, el: etree._Element, out: list[str]) -> None:
        note_id = el.get(w("id"))
        if el.get(w("customMarkFollows")) in ("1", "true", "on"):
            self.custom_notes.append(self.notes.get(note_id, ""))
            return  # the mark itself ("*") is in the run that follows
        out.append(f"[^{self.number(note_id)}]")

    def _noteref(self, instr: str, out: list[str]) -> bool:
        m = _NOTEREF.search(instr)
        if not m or m.group(1) not in self.bookmarks:
            return False
        out.append(f"[^{self.number(self.bookmarks[m.group(1)])}]")
        return True

    def _complex_field(self, el: etree._Element, out: list[str], state: dict) -> None:
        kind = el.get(w("fldCharType"))
        if kind == "begin":
            state["instr"] = ""
        elif kind == "separate":
            state["skip"] = self._noteref(state["instr"], out)
        elif kind == "end":
            state["skip"] = False
            state["instr"] = ""

    def _bookmark(self, start: etree._Element) -> None:
        """Remember which note a bookmark holds, for NOTEREF fields (Word bookmarks the reference mark)."""
        for sibling in start.itersiblings():
            if sibling.tag == w("bookmarkEnd") and sibling.get(w("id")) == start.get(w("id")):
                return
            ref = (
                sibling
                if sibling.tag == w("footnoteReference")
                else sibling.find(f".//{w('footnoteReference')}")
            )
            if ref is not None:
                self.bookmarks[start.get(w("name"))] = ref.get(w("id"))
                return


def _note_texts(root: etree._Element | None) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(w("footnote")):
        if note.get(w("type")) in _SEPARATORS:
            continue
        paras = []
        for p in note.iter(w("p")):
            text = "".join(t.text or "" for t in p.iter(w("t"))).strip()
            if text:
                paras.append(text)
        notes[note.get(w("id"))] = re.sub(r"\s+", " ", " ".join(paras)).strip()
    return notes


def _lines(text: str) -> list[str]:
    """A paragraph's lines: a number or marker keeps its text; other tabs (masthead columns) split lines."""
    out: list[str] = []
    for line in text.split("\n"):
        head, tab, rest = line.partition("\t")
        if tab and (_LABEL.match(head) or vocab.bare_label(head.strip())):
            line = f"{head.strip()} {rest}"
        out += [part.strip() for part in line.split("\t") if part.strip()]
    return out


def _blocks(body: etree._Element) -> list[etree._Element]:
    """Body paragraphs in reading order, table cells' paragraphs included."""
    out: list[etree._Element] = []
    for el in body:
        if el.tag == w("p"):
            out.append(el)
        elif el.tag == w("tbl"):
            out += list(el.iter(w("p")))
        elif el.tag == w("sdt"):
            content = el.find(w("sdtContent"))
            if content is not None:
                out += _blocks(content)
    return out


def read_docx(data: bytes, source: str) -> SourceText:
    """The canonical plain text of a .docx's main story and footnotes, and the job number its
    footers print (page furniture, left out of the text)."""
    package = _open(data, source)
    footer_lines = [  # bidi marks dropped as in the text: a right-to-left page's footer has them
        "".join(t.text or "" for t in p.iter(w("t"))).translate(_BIDI_MARKS).strip()
        for f in package.footers
        for p in f.iter(w("p"))
    ]
    return SourceText(_text(package, source), job_number(footer_lines))


def docx_to_text(data: bytes, source: str) -> str:
    return read_docx(data, source).text


def _text(package: _Package, source: str) -> str:
    body = package.document.find(w("body"))
    if body is None:
        raise DraftroomError(f"{source}: a Word document without a body")
    notes = _note_texts(package.footnotes)
    reader = _Reader(notes, _Numbering(package.numbering))
    for start in body.iter(w("bookmarkStart")):
        reader._bookmark(start)
    paragraphs: list[str] = []
    masthead = _blocks(package.masthead) if package.masthead is not None else []
    for p in masthead + _blocks(body):
        lines = _lines(reader.paragraph(p))
        if lines:
            paragraphs.append("\n".join(lines))
    definitions = [
        f"[^{n}]: {notes.get(note_id, '')}"
        for note_id, n in sorted(reader.order.items(), key=lambda kv: kv[1])
    ]
    custom = [f"* {text}" for text in reader.custom_notes if text]
    tail = ["\n".join(custom + definitions)] if custom or definitions else []
    return "\n\n".join(paragraphs + tail) + "\n"
