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
import zlib
from dataclasses import dataclass, field

from lxml import etree

from draftroom.errors import DraftroomError
from draftroom.lang.markers import roman
from draftroom.model.limits import (
    UNZIPPED_BYTES,
    XML_DEPTH,
    ZIP_MEMBERS,
    ZIP_RATIO,
    ZIP_RATIO_FROM,
    over_limit,
)
from draftroom.parse import vocab
from draftroom.parse.furniture import job_number
from draftroom.parse.source import SourceText, opener_key
from draftroom.parse.xml_limits import check_depth, is_depth_error

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
_LEVELS = 8  # Word's list levels are 0 to 8
_INSTR = 1000  # characters of a field's instruction kept
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _xml(data: bytes, source: str) -> etree._Element:
    # huge_tree stays off: libxml2 then refuses text nodes over 10 MB and nesting past 256 by itself
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        if is_depth_error(e):
            raise over_limit(XML_DEPTH, source) from None
        raise
    check_depth(root, source)
    return root


@dataclass
class _Package:
    document: etree._Element
    footnotes: etree._Element | None
    numbering: etree._Element | None
    footers: list[etree._Element]
    masthead: etree._Element | None = None  # the first page's header, where the UN sets the masthead


class _Parts:
    """The parts of a .docx, each unzipped at most once and all within the unzipped-size limits,
    whatever the sizes the zip declares (a zip bomb declares small ones)."""

    def __init__(self, z: zipfile.ZipFile, source: str) -> None:
        self.z, self.source = z, source
        infos = z.infolist()
        ZIP_MEMBERS.check(len(infos), source)
        self.infos = {i.filename: i for i in infos}
        self.budget = UNZIPPED_BYTES.value

    def __contains__(self, name: object) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        with self.z.open(info) as f:
            data = f.read(self.budget + 1)
        if len(data) > self.budget:
            raise over_limit(UNZIPPED_BYTES, self.source)
        self.budget -= len(data)
        if len(data) > ZIP_RATIO_FROM and len(data) > ZIP_RATIO.value * max(info.compress_size, 1):
            raise over_limit(ZIP_RATIO, f"{self.source}: {name}", len(data) // max(info.compress_size, 1))
        return data

    def xml(self, name: str) -> etree._Element:
        return _xml(self.read(name), self.source)


_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


def _open(data: bytes, source: str) -> _Package:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = _Parts(z, source)
            main = _main_part(parts)
            rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
            targets: dict[str, str] = {}
            footers: list[str] = []
            for reltype, target in _relationships(parts, rels_name):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(main), target)).lstrip("/")
                targets[reltype] = target
                if reltype == FOOTER_REL and target in parts and target not in footers:
                    footers.append(target)

            def part(reltype: str) -> etree._Element | None:
                name = targets.get(reltype)
                return parts.xml(name) if name is not None and name in parts else None

            document = parts.xml(main)
            return _Package(
                document,
                part(FOOTNOTES_REL),
                part(NUMBERING_REL),
                [parts.xml(name) for name in footers],
                _first_header(parts, rels_name, main, document),
            )
    except etree.XMLSyntaxError as e:
        raise DraftroomError(
            f"{source}: not a readable Word document ({e}): save it again as .docx"
        ) from None
    except _DAMAGED as e:
        what = e.__class__.__name__ if isinstance(e, KeyError) else str(e) or e.__class__.__name__
        raise DraftroomError(
            f"{source}: not a readable Word document (damaged: {what}): save it again as .docx"
        ) from None


def _relationships(parts: _Parts, name: str) -> list[tuple[str, str]]:
    """(type, target) of the internal relationships in the part `name`; those without either are
    no relationship."""
    if name not in parts:
        return []
    out = []
    for rel in parts.xml(name).iter(f"{{{REL_NS}}}Relationship"):
        reltype, target = rel.get("Type"), rel.get("Target")
        if reltype and target and rel.get("TargetMode") != "External":
            out.append((reltype, target))
    return out


def _first_header(
    parts: _Parts, rels_name: str, main: str, document: etree._Element
) -> etree._Element | None:
    """The header the first page shows (`w:headerReference w:type="first"`), if the package has it."""
    first = next(
        (r.get(f"{{{R_NS}}}id") for r in document.iter(w("headerReference")) if r.get(w("type")) == "first"),
        None,
    )
    if first is None or rels_name not in parts:
        return None
    for rel in parts.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("Id") == first and rel.get("Type") == HEADER_REL and rel.get("Target"):
            name = posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target"))).lstrip("/")
            return parts.xml(name) if name in parts else None
    return None


def _main_part(parts: _Parts) -> str:
    for reltype, target in _relationships(parts, "_rels/.rels"):
        if reltype.endswith("/officeDocument"):
            return target.lstrip("/")
    return "word/document.xml"


def _number(value: str | None, default: int) -> int:
    """A number attribute of Word's XML (ASCII digits, as Word writes them); `default` when it is
    missing or not one."""
    if value and len(value) <= 4 and value.isascii() and value.isdigit():
        return int(value)
    return default


class _Numbering:
    """Word's automatic paragraph numbering ("1.", "(a)"), counted as Word counts it."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # numId -> level -> count
        if root is None:
            return
        abstract = {a.get(w("abstractNumId")): a for a in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            a = abstract.get(ref.get(w("val"))) if ref is not None else None
            for lvl in a.iter(w("lvl")) if a is not None else ():
                fmt, text, start = lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("start"))
                level = _number(lvl.get(w("ilvl")), 0)
                if level > _LEVELS:
                    continue
                self.levels[(num.get(w("numId")) or "", level)] = (
                    (fmt.get(w("val")) if fmt is not None else None) or "decimal",
                    (text.get(w("val")) if text is not None else None) or "%1.",
                    _number(start.get(w("val")), 1) if start is not None else 1,
                )

    def label(self, p: etree._Element) -> str:
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is None:
            return ""
        num_id = num_pr.find(w("numId"))
        ilvl = num_pr.find(w("ilvl"))
        key = (
            (num_id.get(w("val")) or "") if num_id is not None else "",
            _number(ilvl.get(w("val")), 0) if ilvl is not None else 0,
        )
        if key not in self.levels:
            return ""
        fmt, text, start = self.levels[key]
        counters = self.counters.setdefault(key[0], {})
        for deeper in [level for level in counters if level > key[1]]:
            del counters[deeper]
        counters[key[1]] = counters.get(key[1], start - 1) + 1
        value = _format_number(counters[key[1]], fmt)
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
    custom_notes: list[tuple[str, str]] = field(default_factory=list)  # ("*", "On behalf of ..."): own marks

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
                # only a field's start is read (NOTEREF and its bookmark): a long one stops growing
                field_state["instr"] = (field_state["instr"] + (el.text or ""))[:_INSTR]
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
                self._walk(el, out, field_state)

    def _reference(self, el: etree._Element, out: list[str]) -> None:
        note_id = el.get(w("id"))
        if el.get(w("customMarkFollows")) in ("1", "true", "on"):
            raw = self.notes.get(note_id, "").strip()
            text = raw.lstrip("*")
            self.custom_notes.append((raw[: len(raw) - len(text)] or "*", text.strip()))  # "**", its words
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

    def find_bookmarks(self, body: etree._Element) -> None:
        """Remember which note each bookmark holds, for NOTEREF fields (Word bookmarks the reference
        mark): the first footnote reference after its start, among its siblings or inside one,
        before its end. Each parent's children are read once, whatever the number of bookmarks."""
        parents = dict.fromkeys(start.getparent() for start in body.iter(w("bookmarkStart")))
        for parent in parents:
            started: dict[str | None, str | None] = {}  # bookmark id -> name, not yet ended or holding a note
            for sibling in parent:
                if sibling.tag == w("bookmarkStart"):
                    started[sibling.get(w("id"))] = sibling.get(w("name"))
                elif started and sibling.tag == w("bookmarkEnd"):
                    started.pop(sibling.get(w("id")), None)
                elif started:
                    ref = (
                        sibling
                        if sibling.tag == w("footnoteReference")
                        else sibling.find(f".//{w('footnoteReference')}")
                    )
                    if ref is not None:
                        for name in started.values():
                            self.bookmarks.setdefault(name or "", ref.get(w("id")) or "")
                        started.clear()


def _note_texts(root: etree._Element | None) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(w("footnote")):
        if note.get(w("type")) in _SEPARATORS:
            continue
        paras = []
        for p in _outer_paragraphs(note):
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


_OUTER_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:p)]", namespaces={"w": W})


def _outer_paragraphs(el: etree._Element) -> list[etree._Element]:
    """The paragraphs inside `el` that are not inside another paragraph (whose text holds theirs):
    a paragraph nested in a paragraph is read once, not once per paragraph around it."""
    return list(_OUTER_PARAGRAPHS(el))


def _blocks(body: etree._Element) -> list[etree._Element]:
    """Body paragraphs in reading order, table cells' paragraphs included."""
    out: list[etree._Element] = []
    for el in body:
        if el.tag == w("p"):
            out.append(el)
        elif el.tag == w("tbl"):
            out += _outer_paragraphs(el)
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
        for p in _outer_paragraphs(f)
    ]
    openers: dict[str, str] = {}
    text = _text(package, source, openers)
    # a file that sets no opener in italics does not tell its openers (Arabic, or a plain draft)
    return SourceText(text, job_number(footer_lines), openers=openers or None)


def _on(props: etree._Element | None, tag: str) -> bool:
    el = props.find(w(tag)) if props is not None else None
    return el is not None and el.get(w("val"), "1") not in ("0", "false", "off")


def _italic_lead(p: etree._Element) -> tuple[str, str] | None:
    """(the italic words a paragraph opens with, its text from them on), past an upright number or
    marker; None when it does not open in italics."""
    runs = [
        (("".join(t.text or "" for t in r.iter(w("t")))), _on(r.find(w("rPr")), "i")) for r in p.iter(w("r"))
    ]
    i = 0
    while i < len(runs) and not runs[i][1] and (not runs[i][0].strip() or _LABEL.match(runs[i][0])):
        i += 1
    lead = []
    j = i
    while j < len(runs) and (runs[j][1] or not runs[j][0].strip()):
        lead.append(runs[j][0])
        j += 1
    opener = " ".join("".join(lead).split())
    if not opener or j == len(runs):
        return None
    return opener, "".join(text for text, _ in runs[i:])


def _text(package: _Package, source: str, openers: dict[str, str] | None = None) -> str:
    body = package.document.find(w("body"))
    if body is None:
        raise DraftroomError(f"{source}: a Word document without a body")
    notes = _note_texts(package.footnotes)
    reader = _Reader(notes, _Numbering(package.numbering))
    reader.find_bookmarks(body)
    paragraphs: list[str] = []
    masthead = _blocks(package.masthead) if package.masthead is not None else []
    for p in masthead + _blocks(body):
        lines = _lines(reader.paragraph(p))
        if lines:
            paragraphs.append("\n".join(lines))
            if openers is not None and (lead := _italic_lead(p)):
                openers[opener_key(lead[1])] = lead[0]
    definitions = [
        f"[^{n}]: {notes.get(note_id, '')}"
        for note_id, n in sorted(reader.order.items(), key=lambda kv: kv[1])
    ]
    custom = [f"{mark} {text}" for mark, text in reader.custom_notes if text]
    tail = ["\n".join(custom + definitions)] if custom or definitions else []
    return "\n\n".join(paragraphs + tail) + "\n"
