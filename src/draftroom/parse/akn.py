"""Akoma Ntoso XML as the UN publishes it (AKN4UN) read into a Document, in any of the six languages.

The UN's markup gives the structure outright: `preamble/container` a preambular paragraph,
`mainBody/paragraph` an operative one (`num`, `content`, `list/intro` + `list/point` or
`blockList/item` for sub-items), an unnumbered paragraph set wholly in bold or a `subheading` a
heading, `authorialNote` a footnote with its printed `marker`, `attachments` the annexes,
`conclusions` the meeting and date, `meta` the FRBR identifiers. The opener is the emphasised span
the paragraph starts with (italic; bold in Chinese, bold italic in Arabic). A resolution adopted in
parts (A and B under one symbol) is a `documentCollection` whose `components` each hold one part's
`statement`: each part is read into `Document.parts`.

What the UN's converter sometimes gets wrong is read by general rules, held against the same
resolution in the other languages: headings in plain type (Chinese) or with their bold broken by a
superscript (French "1<sup>er</sup>"); a paragraph number or sub-item marker left inside the text with
no <num> (Arabic "19 –", "(a) To cooperate"); a sublist that goes on with the letters of its list
(nested by mistake); the publisher's note of <meta> repeated as the body's first paragraph; the last
preambular paragraph set unnumbered at the head of the operative body.

The parser is hardened: no DTD, no entities, no network. Whatever the model has no place for is
named in a one-line warning, never silently dropped.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from draftroom.errors import DraftroomError
from draftroom.lang import LANGUAGES
from draftroom.lang.citations import PART_HEADING_READ
from draftroom.lang.markers import next_letter, roman, roman_value
from draftroom.model import Annex, Closing, Document, Footnote, Heading, Paragraph
from draftroom.model.dates import iso_date
from draftroom.model.document import TABLE_ROWS
from draftroom.model.limits import TEXT_CHARS, XML_DEPTH, over_limit
from draftroom.model.text_rules import storable
from draftroom.parse import vocab
from draftroom.parse.xml_limits import check_depth, is_depth_error

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# AKN's three-letter language codes (FRBRlanguage) and the project's two-letter ones
LANGUAGE_CODES = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh"}
# document names (the `name` of statement or doc) and the kind each is
KIND_NAMES = {
    "resolution": "resolution",
    "decision": "decision",
    "draftResolution": "draft",
    "revisedDraftResolution": "revised-draft",
    "draftDecision": "draft",
    "amendments": "amendments",
}
_DOC_TYPES = ("statement", "doc")
_OTHER_TYPES = {
    "act": "an act",
    "bill": "a bill",
    "judgment": "a judgment",
    "debate": "a debate record",
    "debateReport": "a debate report",
    "amendment": "an amendment of a legislature",
    "amendmentList": "an amendment list",
    "officialGazette": "an official gazette",
    "documentCollection": "a document collection",
    "portion": "a portion of a document",
}
_SPACES = re.compile(r"[ \t\r\n]+")
# Arabic prints a note's marker in brackets, (1): the UN's XML sets the brackets as <sup> around the
# note, and leaves "()" at the head of the note's own text
_NOTE_BRACKETS = ("(", ")")
_ARABIC_NOTE_HEAD = re.compile(r"^\(\)\s*")
_BOLD = "bold"
_COMMAS = (",", "，", "،")
_PARAGRAPH_ENDS = (",", ";", ".", "，", "；", "。", "،", "؛", ":", "：")
_EMPHASIS = ("italic", "bold")
# a paragraph number printed inside the text: "19 –", "1 -", "5."
_NUMBER_IN_TEXT = re.compile(r"^\s*(?P<num>(?P<n>\d{1,4})\s*[-–.．])\s*")
_LONGEST_HEADING = 200  # characters: a heading is a line or two, never a paragraph
_TEXT_START = 40  # characters of a text a warning quotes


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@dataclass
class AknRead:
    document: Document
    warnings: list[str] = field(default_factory=list)


def read_akn(data: bytes, name: str) -> AknRead:
    """The resolution or draft in an AKN4UN file; one-line errors for anything else."""
    declares = DraftroomError(
        f"{name}: the XML declares a DTD or entities, which draftroom does not expand: "
        "give the UN's AKN file as published (it declares none)"
    )
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", data):  # before parsing, so that no entity is ever counted
        raise declares
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        if is_depth_error(e):
            raise over_limit(XML_DEPTH, name) from None
        if "text node too long" in str(e).lower():  # libxml2's own limit, 10 MB: ours is lower
            raise over_limit(TEXT_CHARS, name) from None
        msg = " ".join(str(e.msg).split())
        where = "" if f"line {e.lineno}" in msg else f", line {e.lineno}"
        raise DraftroomError(f"{name}: malformed XML ({msg}{where}): check the file") from None
    if root.getroottree().docinfo.doctype:  # a DOCTYPE the byte search missed (UTF-16, say)
        raise declares
    check_depth(root, name)
    TEXT_CHARS.check(sum(map(len, root.itertext())), name)
    return _Reader(name).read(root)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", storable(text)).strip()


def _words(el: etree._Element) -> str:
    """The words of `el`, whatever spaces (no-break ones too) stand between them."""
    return " ".join("".join(el.itertext()).split())


def _indentation(text: str) -> bool:
    """A line break and spaces only: the file's layout between two elements, not the text's."""
    return "\n" in text and not text.strip()


def _spaced(el: etree._Element | None) -> bool:
    """`el` opens with a space of its own (a no-break one too), so the layout before it can go."""
    return el is not None and (el.text or "x")[0].isspace()


def _letters(el: etree._Element) -> int:
    """How many characters but spaces `el` holds, its superscripts and subscripts aside."""
    if _local(el) in ("sup", "sub"):
        return 0
    return _solid(el.text) + sum(_letters(c) + _solid(c.tail) for c in el)


def _solid(text: str | None) -> int:
    return len(_SPACES.sub("", text or ""))


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.ns = AKN_NS
        self.notes: dict[str, int] = {}  # printed marker -> footnote number
        self.footnotes: list[Footnote] = []
        self.note_texts: dict[int, str] = {}
        self.unread: Counter[str] = Counter()
        self.publisher_notes: set[str] = set()  # the texts of <meta>'s notes
        self.warnings: list[str] = []
        self.ids = 0

    # -- the whole document ------------------------------------------------------------------
    def read(self, root: etree._Element) -> AknRead:
        if _local(root) != "akomaNtoso":
            raise DraftroomError(
                f"{self.name}: XML, but not Akoma Ntoso (its root is <{_local(root) or '?'}>, "
                "not <akomaNtoso>): give a UN resolution in AKN4UN XML"
            )
        self.ns = root.tag.rpartition("}")[0].lstrip("{") if "}" in root.tag else ""
        if not self.ns.startswith(AKN_NS):
            raise DraftroomError(
                f"{self.name}: <akomaNtoso> outside the Akoma Ntoso 3.0 namespace ({self.ns or 'none'}): "
                "give a UN resolution in AKN4UN XML"
            )
        top = [c for c in root if _local(c)]
        if not top:
            raise DraftroomError(f"{self.name}: an empty <akomaNtoso>, with no document inside")
        el = top[0]
        kind = _local(el)
        if kind == "documentCollection" and self._statements(root):
            doc = self._collection(el, root)
        else:
            self._check_type(kind)
            doc = self._statement(el)
        doc.footnotes = self.footnotes
        for tag, count in sorted(self.unread.items()):
            times = f" ({count} times)" if count > 1 else ""
            self.warnings.append(
                f"{self.name}: <{tag}>{times} not read: draftroom's model has no place for it"
            )
        return AknRead(doc, self.warnings)

    def _check_type(self, kind: str) -> None:
        if kind in _OTHER_TYPES:
            raise DraftroomError(
                f"{self.name}: an Akoma Ntoso document of another kind ({_OTHER_TYPES[kind]}, <{kind}>): "
                "draftroom reads UN resolutions, decisions and drafts (<statement> or <doc>)"
            )
        if kind not in _DOC_TYPES:
            raise DraftroomError(
                f"{self.name}: <{kind}> is not a document type draftroom reads: "
                "give a UN resolution, decision or draft (<statement> or <doc>)"
            )

    def _statements(self, root: etree._Element) -> list[etree._Element]:
        """The documents of a collection's components (`components/component/statement`)."""
        return [
            doc
            for components in root.iter(self._tag("components"))
            for component in components
            if _local(component) == "component"
            for doc in component
            if _local(doc) in _DOC_TYPES
        ]

    def _collection(self, el: etree._Element, root: etree._Element) -> Document:
        """A resolution adopted in parts (A/RES/75/101 A-B): the collection's head, and each part
        read as a document of its own, its letter (the part's docNumber) after the whole's number."""
        doc = self._head(el)
        for child in el:
            if _local(child) not in ("meta", "coverPage", "preface", "collectionBody", ""):
                self.unread[_local(child)] += 1
        base = re.sub(r"\s+[A-Z](?:\s*[-–]\s*[A-Z])+$", "", doc.resolution_number or "")
        for statement in self._statements(root):
            part = self._statement(statement)
            letter = part.resolution_number or ""
            if base and re.fullmatch(r"[A-Z]", letter):
                part.resolution_number = f"{base} {letter}"
                part.symbol = f"A/RES/{base} {letter}"
            doc.parts.append(part)
        doc.kind = doc.parts[0].kind
        return doc

    def _statement(self, el: etree._Element) -> Document:
        """One resolution, decision or draft: its head, preamble, operative part, annexes, closing."""
        doc = self._head(el)
        meta = self._find(el, "meta")
        if meta is not None:
            self.publisher_notes |= {_words(n) for n in meta.iter(self._tag("note"))}
        preamble = self._find(el, "preamble")
        if preamble is not None:
            self._preamble(preamble, doc)
        body = self._find(el, "mainBody")
        if body is not None:
            if doc.kind == "amendments":
                self._amendments(body, doc)
            else:
                doc.operative = self._main(body, operative=True)
                lead = _preambular_lead(doc.operative)
                doc.preamble.extend(doc.operative[:lead])
                del doc.operative[:lead]
        attachments = self._find(el, "attachments")
        if attachments is not None:
            self._attachments(attachments, doc)
        conclusions = self._find(el, "conclusions")
        if conclusions is not None:
            doc.closing = self._closing(conclusions)
        for child in el:
            if _local(child) not in (
                "meta", "coverPage", "preface", "preamble", "mainBody", "attachments", "conclusions", "",
            ):  # fmt: skip
                self.unread[_local(child)] += 1
        return doc

    def _tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def _find(self, el: etree._Element, name: str) -> etree._Element | None:
        return el.find(self._tag(name))

    def _new_id(self) -> str:
        self.ids += 1
        return f"p{self.ids}"

    # -- head: meta, coverPage, preface ----------------------------------------------------------
    def _head(self, el: etree._Element) -> Document:
        name = el.get("name") or ""
        meta = self._find(el, "meta")
        language = self._language(meta)
        doc = Document(language=language, kind=KIND_NAMES.get(name, "resolution"))
        if name and name not in KIND_NAMES and _local(el) != "documentCollection":
            self.warnings.append(f"{self.name}: a <{_local(el)} name={name!r}>, read as a resolution")
        frbr = self._frbr_uri(meta)
        cover = self._find(el, "coverPage")
        if cover is not None:
            self._cover(cover, doc)
        if not doc.symbol and frbr:
            doc.symbol = symbol_from_uri(frbr)
        if doc.kind == "draft" and doc.symbol and "/Rev." in doc.symbol:
            doc.kind = "revised-draft"
        preface = self._find(el, "preface")
        if preface is not None:
            number = preface.find(f".//{self._tag('docNumber')}")
            if number is not None:
                doc.resolution_number = _clean("".join(number.itertext())).rstrip(".- ") or None
            title = preface.find(f".//{self._tag('docTitle')}")
            if title is not None:
                doc.title = _clean("".join(title.itertext()))
        if meta is not None:
            docket = meta.find(f".//{self._tag('docketNumber')}")
            if docket is not None and docket.text:
                doc.job_number = re.sub(r"\s*\([A-Z]\)\s*$", "", docket.text.strip()) or None
        return doc

    def _language(self, meta: etree._Element | None) -> str:
        lang = meta.find(f".//{self._tag('FRBRlanguage')}") if meta is not None else None
        code = (lang.get("language") or "") if lang is not None else ""
        language = LANGUAGE_CODES.get(code, code if code in LANGUAGES else "")
        if not language:
            raise DraftroomError(
                f"{self.name}: no language of the six in its FRBRlanguage ({code or 'none'}): "
                "give a UN resolution in AKN4UN XML"
            )
        return language

    def _frbr_uri(self, meta: etree._Element | None) -> str | None:
        if meta is None:
            return None
        work = meta.find(f".//{self._tag('FRBRWork')}/{self._tag('FRBRuri')}")
        return work.get("value") if work is not None else None

    def _cover(self, cover: etree._Element, doc: Document) -> None:
        for el in cover.iter():
            tag = _local(el)
            text = _clean("".join(el.itertext()))
            if tag == "docNumber" and not doc.symbol:
                doc.symbol = text or None
            elif tag == "session":
                doc.session = text or None
            elif tag == "docDate" and el.get("refersTo") == "#dateOfIssuance":
                doc.date = text or None
            elif tag == "inline" and el.get("name") == "agenda item":
                doc.agenda_item = el.get("title") or re.sub(r"^\D+", "", text) or None
            elif tag == "inline" and el.get("name") == "agenda item name":
                doc.agenda_title = text or None
            elif tag == "docTitle":
                doc.adopted_on = printed_date_in(text) or doc.adopted_on
            elif tag == "docProponent" and el.get("refersTo") == "#sponsor":
                doc.sponsors.append(text)
            elif tag == "docProponent":
                doc.report_line = text or None
            elif tag == "inline" and el.get("name") == "committee":
                doc.committee = text or None
            elif tag == "inline" and el.get("name") == "amends":
                doc.amends = text or None

    # -- text of a <p>: footnotes, brackets, the opener ---------------------------------------
    def _text(self, el: etree._Element) -> str:
        parts: list[str] = []
        self._collect(el, parts)
        return _clean("".join(parts))

    def _collect(self, el: etree._Element, parts: list[str]) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = _local(child)
            if tag == "sup" and parts and _indentation(parts[-1]):
                parts[-1] = ""  # the file's indentation around a superscript: "1" "er", printed "1er"
            if tag == "authorialNote":
                parts.append(f"[^{self._note(child)}]")
            elif tag == "sup" and (child.text or "").strip() in _NOTE_BRACKETS and self._beside_note(child):
                pass
            elif tag == "eol":
                parts.append(" ")
            elif tag in ("table",):
                parts.append(self._table(child))
            elif tag:
                self._collect(child, parts)
            if child.tail and not (tag == "sup" and _indentation(child.tail) and _spaced(child.getnext())):
                parts.append(child.tail)

    def _beside_note(self, sup: etree._Element) -> bool:
        prev, nxt = sup.getprevious(), sup.getnext()
        return any(x is not None and _local(x) == "authorialNote" for x in (prev, nxt))

    def _note(self, note: etree._Element) -> int:
        marker = (note.get("marker") or "").strip()
        text = " ".join(self._text(p) for p in note if _local(p) == "p")
        text = _ARABIC_NOTE_HEAD.sub("", text).strip()
        if marker and marker in self.notes:
            number = self.notes[marker]
            if self.note_texts[number] != text:
                self.warnings.append(
                    f"{self.name}: footnote {marker} is printed twice with different texts; "
                    "the second reference points to the first note"
                )
            return number
        number = len(self.footnotes) + 1
        printed = marker if marker and marker != str(number) else None
        self.footnotes.append(Footnote(number, text, printed))
        self.note_texts[number] = text
        if marker:
            self.notes[marker] = number
        return number

    def _opener(self, p: etree._Element | None) -> str:
        """The emphasised span a paragraph starts with, when nothing but spaces comes before it;
        "" when it starts otherwise (the source says it has no opener)."""
        if p is None or (p.text or "").strip():
            return ""
        first = next((c for c in p if _local(c)), None)
        if first is None or _local(first) != "span":
            return ""
        if not any(c in (first.get("class") or "") for c in _EMPHASIS):
            return ""
        return _clean("".join(first.itertext()))

    def _heading(self, el: etree._Element, unnumbered: bool = False) -> bool:
        """A <p> that does not end as a paragraph does (a comma, a semicolon, a full stop) and whose
        every letter is inside bold spans (superscripts aside: "1<sup>er</sup>" breaks the bold of a
        French date): a heading. In an operative part or an annex, where a paragraph is numbered,
        an `unnumbered` line that does not open with an emphasised phrase is a heading in any type
        (Chinese sets its headings in plain type)."""
        text = _clean("".join(el.itertext()))
        if not text or text.endswith(_PARAGRAPH_ENDS):
            return False
        if unnumbered and len(text) <= _LONGEST_HEADING and not self._opener(el):
            return True
        spans = [s for s in el.iter(self._tag("span")) if _BOLD in (s.get("class") or "").split()]
        if not spans:
            return False
        bold = sum(_letters(s) for s in spans)
        return bold == _letters(el)

    def _table(self, table: etree._Element) -> str:
        """A table as text: cells separated by " | ", rows by " || " (export writes them back)."""
        rows = []
        for tr in table.iter(self._tag("tr")):
            cells = [" ".join(self._text(p) for p in cell) for cell in tr if _local(cell) in ("td", "th")]
            rows.append(" | ".join(cells))
        return " " + TABLE_ROWS.join(rows) + " "

    # -- preamble ------------------------------------------------------------------------------
    def _preamble(self, preamble: etree._Element, doc: Document) -> None:
        headings: list[str] = []
        for el in preamble:
            tag = _local(el)
            if tag == "formula":
                doc.body = self._text(el).rstrip(",，،").strip()
                continue
            if tag == "container":
                ps = [p for p in el if _local(p) == "p"]
                if len(ps) == 1 and self._heading(ps[0]):
                    headings.append(self._text(ps[0]))
                    continue
                para: Paragraph | None = self._block_paragraph(el)
            elif tag == "paragraph":
                para = self._paragraph(el, headings, numbered=False)
            else:
                if tag:
                    self.unread[tag] += 1
                continue
            if para is not None:
                para.headings, headings = headings, []
                doc.preamble.append(para)
        if headings:
            self.warnings.append(f"{self.name}: heading {headings[-1]!r} at the end of the preamble not read")

    def _block_paragraph(self, el: etree._Element) -> Paragraph:
        """A container (or the content of a paragraph): its <p>s and tables, as one paragraph."""
        texts = []
        opener = ""
        for i, child in enumerate(c for c in el if _local(c)):
            tag = _local(child)
            if tag == "p":
                if i == 0:
                    opener = self._opener(child)
                texts.append(self._text(child))
            elif tag == "table":
                texts.append(self._table(child).strip())
            elif tag in ("list", "blockList"):
                continue
            else:
                self.unread[tag] += 1
        return Paragraph(self._new_id(), " ".join(t for t in texts if t), opener=opener)

    # -- operative part and annex bodies ---------------------------------------------------------
    def _main(self, body: etree._Element, operative: bool) -> list[Paragraph]:
        out: list[Paragraph] = []
        headings: list[str] = []
        for el in body:
            tag = _local(el)
            if tag not in ("paragraph", "container"):
                if tag:
                    self.unread[tag] += 1
                continue
            if self._publisher_note(el):
                continue
            if tag == "container":
                para: Paragraph | None = self._block_paragraph(el)
            else:
                last = next((p.number for p in reversed(out) if p.number is not None), 0)
                self._number_in_text(el, last + 1, items=bool(out) and _introduces_items(out[-1]))
                para = self._paragraph(el, headings)
            if para is None:
                continue
            if para.marker and out and not headings:
                _attach_item(out[-1], para)  # Chinese sets some sub-items as paragraphs of their own
                continue
            para.headings, headings = headings, []
            out.append(para)
        if headings:
            where = "operative part" if operative else "annex"
            self.warnings.append(f"{self.name}: heading {headings[-1]!r} at the end of the {where} not read")
        return out

    def _publisher_note(self, el: etree._Element) -> bool:
        """An unnumbered paragraph that repeats a note of the publisher's <meta> ("* Reissued for
        technical reasons on 5 May 2025."): that note, not a paragraph of the text."""
        if self._find(el, "num") is not None or (words := _words(el)) not in self.publisher_notes:
            return False
        self.warnings.append(
            f"{self.name}: the publisher's note {words!r}, repeated in the body, not read: "
            "draftroom's model has no place for it"
        )
        return True

    def _number_in_text(self, el: etree._Element, expected: int, items: bool) -> None:
        """A paragraph number or sub-item marker printed at the head of the text with no <num>
        ("19 – تشير", as some Arabic files set it; "(a) To cooperate" under a paragraph) moved into
        a <num>: a number when it is the one the paragraph should have, a marker when the paragraph
        before it introduces sub-items (`items`)."""
        content = self._find(el, "content")
        if self._find(el, "num") is not None or content is None:
            return
        p = next((c for c in content if _local(c)), None)
        if p is None or _local(p) != "p" or not p.text:
            return
        text = p.text.lstrip()
        m = _NUMBER_IN_TEXT.match(text)
        if m is not None and int(m.group("n")) == expected:
            printed, rest = m.group("num"), text[m.end() :]
        elif items and (item := vocab.ITEM.match(text)) and item_marker(text[: item.start("rest")].strip()):
            printed, rest = text[: item.start("rest")].strip(), text[item.start("rest") :]
        else:
            return
        num = etree.Element(self._tag("num"))
        num.text = printed
        el.insert(0, num)
        p.text = rest

    def _paragraph(self, el: etree._Element, headings: list[str], numbered: bool = True) -> Paragraph | None:
        """A <paragraph>; None when it is a heading (added to `headings`). `numbered`: in a part
        whose paragraphs are numbered (an operative part, an annex), not the preamble."""
        children = [c for c in el if _local(c)]
        tags = [_local(c) for c in children]
        if tags and all(t in ("heading", "subheading") for t in tags):
            headings.extend(t for c in children if (t := self._text(c)))
            return None
        num = self._find(el, "num")
        number = marker = None
        if num is not None:
            m = re.match(r"^\D{0,3}?(\d{1,4})\D{0,3}$", _clean("".join(num.itertext())))
            number = int(m.group(1)) if m else None
            marker = None if m else item_marker(_clean("".join(num.itertext())))
            if number is None and marker is None:
                self.unread["num (not a paragraph number)"] += 1
        content = self._find(el, "content")
        lists = [c for c in children if _local(c) in ("list", "blockList")]
        if number is None and content is not None and not lists:
            ps = [p for p in content if _local(p) == "p"]
            if len(ps) == 1 and self._heading(ps[0], unnumbered=numbered):
                headings.append(self._text(ps[0]))
                return None
        for c, tag in zip(children, tags, strict=True):
            if tag in ("heading", "subheading"):
                headings.append(self._text(c))
            elif tag not in ("num", "content", "list", "blockList"):
                self.unread[tag] += 1
        para = self._block_paragraph(content) if content is not None else Paragraph(self._new_id(), "")
        para.number = number
        if num is not None and number is None:
            para.marker = marker
        for lst in lists:
            intro_text, intro_opener, items = self._list(lst)
            if intro_text:
                para.text = f"{para.text} {intro_text}".strip()
                para.opener = para.opener or intro_opener
            para.items.extend(items)
        return para

    def _list(self, lst: etree._Element) -> tuple[str, str, list[Paragraph]]:
        """(intro text, its opener, the items) of a list/blockList; sublists nest under the last item."""
        intro_texts: list[str] = []
        opener = ""
        items: list[Paragraph] = []
        for child in lst:
            tag = _local(child)
            if tag in ("intro", "listIntroduction"):
                ps = [p for p in child if _local(p) == "p"] or [child]
                opener = opener or self._opener(ps[0])
                intro_texts.extend(self._text(p) for p in ps)
            elif tag in ("point", "item"):
                items.append(self._item(child, next_letter(items[-1].marker if items else None)))
            elif tag in ("sublist", "list", "blockList"):
                _, _, sub = self._list(child)
                if items and not _continues(sub):
                    items[-1].items.extend(sub)
                else:
                    items.extend(sub)
            elif tag in ("wrapUp", "listWrapUp") or tag:
                self.unread[tag] += 1
        return " ".join(t for t in intro_texts if t), opener, items

    def _item(self, el: etree._Element, expected: str) -> Paragraph:
        """A point or item; `expected` the letter that follows the one before it (a Cyrillic "с)"
        after "b)" stands for "c")."""
        num = self._find(el, "num")
        printed = _clean("".join(num.itertext())) if num is not None else ""
        content = self._find(el, "content")
        ps = [c for c in el if _local(c) == "p"]
        if content is not None:
            item = self._block_paragraph(content)
        else:
            item = Paragraph(
                self._new_id(),
                " ".join(self._text(p) for p in ps),
                opener=self._opener(ps[0]) if ps else "",
            )
        item.marker = item_marker(printed, expected) if printed else None
        if printed and item.marker is None:
            self.unread["num (not a sub-item marker)"] += 1
        for child in el:
            if _local(child) in ("list", "blockList", "sublist"):
                intro, _, sub = self._list(child)
                if intro:
                    item.text = f"{item.text} {intro}".strip()
                item.items.extend(sub)
        return item

    # -- annexes, amendments, closing ---------------------------------------------------------
    def _attachments(self, attachments: etree._Element, doc: Document) -> None:
        for att in attachments:
            if _local(att) != "attachment":
                if _local(att):
                    self.unread[_local(att)] += 1
                continue
            inner = next((c for c in att if _local(c)), None)
            if inner is None:
                continue
            annex = Annex(title="", id=f"annex{len(doc.annexes) + 1}")
            title = inner.find(f".//{self._tag('preface')}//{self._tag('docTitle')}")
            heads: list[str] = []
            if title is not None:
                heads.append(_clean("".join(title.itertext())))
            body = self._find(inner, "mainBody")
            paras = self._main(body, operative=False) if body is not None else []
            doc.annexes.append(annex)
            self._annex_blocks(annex, heads, paras)

    def _annex_blocks(self, annex: Annex, heads: list[str], paras: list[Paragraph]) -> None:
        """An annex's headings and paragraphs as the model holds them: the "Annex" line aside, its
        first heading the title, later headings Heading blocks before their paragraph."""
        if paras:
            heads = heads + paras[0].headings
            paras[0].headings = []
        if heads and vocab.ANNEX.match(heads[0]):
            heads = heads[1:]
        if heads:
            annex.title, heads = heads[0], heads[1:]
        annex.blocks.extend(Heading(h, self._new_id()) for h in heads)
        for para in paras:
            annex.blocks.extend(Heading(h, self._new_id()) for h in para.headings)
            para.headings = []
            annex.blocks.append(para)

    def _amendments(self, body: etree._Element, doc: Document) -> None:
        from draftroom.parse.instructions import parse_instructions

        texts = [
            text
            for p in self._main(body, operative=True)
            for text in (  # the heading over a part's instructions in a draft in parts
                *(h for h in p.headings if PART_HEADING_READ.match(h)),
                (f"{p.number}. " if p.number is not None else "") + p.text,
            )
        ]
        doc.instructions = parse_instructions(texts, doc.language)

    def _closing(self, conclusions: etree._Element) -> Closing:
        """The meeting and the date. Every one of the UN's files sets them in one <p> as a <location>
        (its earlier sessions': <inline name="adoptionMeeting">), an <eol> and a <docDate>; a line
        that prints a meeting or a date with no such markup is read as one too. Anything else (a
        second meeting, a vote, a signature) is named with the start of its text in a warning."""
        closing = Closing()
        self._conclude(conclusions, closing)
        return closing

    def _conclude(self, el: etree._Element, closing: Closing) -> None:
        """What `el`, in the conclusions, gives the closing: its own text and tails line by line
        (an <eol> breaks them), its children each as one piece unless they hold the markup."""
        self._closing_piece(el, el.text or "", closing)
        for child in el:
            tag = _local(child)
            if tag == "docDate":
                when = _clean("".join(child.itertext())) or child.get("date") or ""
                self._closing_piece(child, when, closing, date=True)
            elif tag == "location" or (tag == "inline" and child.get("name") == "adoptionMeeting"):
                self._closing_piece(child, "".join(child.itertext()), closing, meeting=True)
            elif tag and tag not in ("eol", "eop") and self._holds_closing(child):
                self._conclude(child, closing)
            elif tag not in ("eol", "eop", ""):
                self._closing_piece(child, "".join(child.itertext()), closing)
            self._closing_piece(el, child.tail or "", closing)

    def _holds_closing(self, el: etree._Element) -> bool:
        return any(
            (tag := _local(d)) in ("docDate", "location", "eol")
            or (tag == "inline" and d.get("name") == "adoptionMeeting")
            for d in el.iterdescendants()
        )

    def _closing_piece(
        self, el: etree._Element, text: str, closing: Closing, meeting: bool = False, date: bool = False
    ) -> None:
        """One piece of the conclusions: the meeting or the date when it is one the closing has not
        got yet (marked up as such, or printed as one), else a warning naming it."""
        if not (text := _clean(text)):
            return
        if closing.meeting is None and (meeting or vocab.MEETING.match(text)):
            closing.meeting = text
        elif closing.date is None and (date or iso_date(text)):
            closing.date = text
        else:
            start = text if len(text) <= _TEXT_START else f"{text[:_TEXT_START].rstrip()}…"
            self.warnings.append(
                f"{self.name}: <{_local(el)}> {start!r} in the conclusions not read: "
                "draftroom's model has no place for it"
            )


def _continues(sub: list[Paragraph]) -> bool:
    """A sublist that opens with neither (a) nor (i) ("d)" after "с)", a misprinted "c)" after
    "d)"): the list going on, nested by mistake, not a list of its own."""
    first = sub[0].marker if sub else None
    return first is not None and first not in ("a", "i")


def _introduces_items(para: Paragraph) -> bool:
    """A paragraph that sub-items follow: it ends with a colon, or has sub-items already."""
    return bool(para.items) or para.text.endswith((":", "："))


def _preambular_lead(operative: list[Paragraph]) -> int:
    """How many paragraphs the operative part opens with that are preambular: unnumbered, and ending
    as a preambular paragraph does, with a comma (the UN sets the last of them in the body now and
    then)."""
    for i, p in enumerate(operative):
        if p.number is not None or p.marker or p.headings or p.items or not p.text.endswith(_COMMAS):
            return i
    return len(operative)


def _attach_item(parent: Paragraph, item: Paragraph) -> None:
    """A numeral (ii) after lettered items goes under the last of them; anything else under `parent`."""
    last = parent.items[-1] if parent.items else None
    nested = (
        last is not None
        and item.marker is not None
        and item.marker != next_letter(last.marker)
        and roman_value(item.marker) is not None
        and (item.marker == "i" or bool(last.items))
    )
    if nested and last is not None:
        last.items.append(item)
    else:
        parent.items.append(item)


_CJK_DIGITS = "一二三四五六七八九"


def _cjk_number(text: str) -> int | None:
    """12 for 十二 (the numerals Chinese sub-items run to)."""
    if not text or any(c not in _CJK_DIGITS + "十" for c in text):
        return None
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CJK_DIGITS.index(text) + 1 if len(text) == 1 else None
    t = 1 if not tens else (_CJK_DIGITS.index(tens) + 1 if len(tens) == 1 else 0)
    u = _CJK_DIGITS.index(units) + 1 if len(units) == 1 else 0
    return 10 * t + u if t and (not units or u) else None


def item_marker(printed: str, expected: str = "a") -> str | None:
    """The Latin marker of a printed sub-item number: "(a)", "a)", "(أ)", "’1‘" -> "a"/"i"; Chinese
    second-level items ㈠ to ㈩, then (十一), are Roman numerals. `expected`: the letter the item
    should have, which a Cyrillic letter that looks Latin stands for."""
    if len(printed) == 1 and "\u3220" <= printed <= "\u3229":
        return roman(ord(printed) - 0x3220 + 1)
    if n := _cjk_number(printed.strip("()（）")):
        return roman(n)
    m = vocab.ITEM.match(printed + " x")
    found = vocab.item_marker(m, expected) if m else None
    if found:
        return found[0]
    return None


def printed_date_in(text: str) -> str | None:
    """The date printed inside a line ("Resolution adopted by the General Assembly on 4 December 2024",
    "2024年12月4日大会决议"), as printed; None when it holds none."""
    if m := re.search(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", text):
        return m.group(0)
    words = list(re.finditer(r"\S+", text))  # \S: no-break spaces part words too
    for i in range(len(words)):
        for j in range(min(len(words), i + 6), i + 2, -1):
            if iso_date(candidate := text[words[i].start() : words[j - 1].end()]):
                return candidate
    return None


def symbol_from_uri(uri: str) -> str | None:
    """A/RES/79/100 from /akn/un/statement/deliberation/unga/2024-12-04/79-100/ (A/RES/75/101 A from
    .../75-101A/ or .../75-101a/, A/RES/75/101 A-B from .../75-101A-B/); S/RES/2334 (2016) from
    /akn/un/statement/deliberation/unsc/2016-12-23/2334/."""
    m = re.search(r"/unga/[\d-]+/(\d+)-(\d+)((?i:[a-z](?:-[a-z])*)?)/", uri)
    if not m:
        council = re.search(r"/unsc/(\d{4})[\d-]*/(\d+)/", uri)  # the Security Council's
        return f"S/RES/{council.group(2)} ({council.group(1)})" if council else None
    part = f" {m.group(3).upper()}" if m.group(3) else ""
    return f"A/RES/{m.group(1)}/{m.group(2)}{part}"
