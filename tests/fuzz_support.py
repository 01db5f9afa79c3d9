"""The fuzzing harness: for each reader a hypothesis strategy of hostile inputs, and `run`, which feeds
one input to the reader the way the program does and says how it went. A reader may read an input
or refuse it with a DraftroomError (one line); anything else is an internal error (the program's
exit 70), which `run` raises as `InternalError`.

Readers: text, pdf, docx, akn (AKN XML), amendments (a formal amendments document), amendment (the
text of one proposed amendment: --text, --find, --replace, --because, new footnotes, then applied).
tests/test_fuzz.py runs a bounded sample in CI; bench/fuzz.py the long run.
"""

import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import hostile_files as hf
from hypothesis import strategies as st

from draftroom.errors import DraftroomError

DATA = Path(__file__).resolve().parent / "data"


class InternalError(Exception):
    """A reader raised something other than a one-line DraftroomError."""


def _texts(*names: str) -> list[str]:
    return [(DATA / name).read_text(encoding="utf-8") for name in names]


DRAFTS = _texts(
    "seeds/002_e512e5138112a4f1.txt",
    "fr_projet.txt",
    "es_proyecto.txt",
    "ru_proekt.txt",
    "ar_draft_columns.txt",
    "arabic_draft.txt",
    "fr_resolution.txt",
    "corpus-en/A_80_L.19.txt",
)
AMENDMENT_DOCUMENTS = _texts(
    "corpus-en/A_80_L.20.txt",
    "corpus-en/A_C.3_80_L.57.txt",
    "corpus-en/A_C.3_80_L.62.txt",
    "corpus-en/A_C.3_80_L.63.txt",
    "corpus-en/A_C.3_80_L.64.txt",
    "ar_amendments.txt",
)
AKN = [(DATA / "akn" / f"{lang}_A_RES_79_3.xml").read_bytes() for lang in ("en", "ar", "es")]

# pieces that have broken readers, or are meant to: characters no store may hold, markers, numbers
# that are not ASCII, structure words of the six languages
HOSTILE = [
    "\uffff",
    "\ufffe",
    "\u202e",
    "\u2066",
    "\u200f",
    "\x00",
    "\x0c",
    "\x1b[2J",
    "\r",
    "\ufeff",
    "\u00ad",
    "\ud800",
    "\U0010ffff",
    "\ufdd0",
    "[^",
    "]:",
    "[^1]",
    "[^2]: ",
    "[^: note]",
    "[^99999]",
    "[^0]",
    "¹",
    "²³",
    "①",
    "٣",
    "१२",
    "𝟏",
    "⁽¹⁾",
    "9" * 120,
    "______",
    "____\n",
    "*",
    "**",
    "* ",
    "\n\n",
    "\n",
    "\t",
    " ",
    "(a)",
    "(ii)",
    "1.",
    "12.",
    "(1) ",
    "1 ",
    "I.",
    "Annex",
    "The General Assembly,",
    "大会，",
    "الجمعية العامة،",
    "L'Assemblée générale,",
    "Decides",
    "Recalling",
    "Replace operative paragraph 3 with",
    "Delete preambular paragraph 2",
    "Insert a new operative paragraph after operative paragraph 1",
    "the words",
    "“",
    "”",
    '"',
    "«",
    "»",
    "A/C.3/80/L.20",
    "/Rev.",
    "Rev.1",
    "Distr.: Limited",
    "25-19374 (E)",
    "*2519374*",
    "amendment to draft resolution",
    "amendments to draft resolution",
    "Agenda item 72 (a)",
    "Eightieth session",
    "兹决定",
    "回顾",
    "تقرر",
    "1 - ",
]


@st.composite
def _edited(draw: st.DrawFn, base: str, max_edits: int = 12) -> str:
    """`base` with a few edits: pieces of HOSTILE or random text inserted, spans deleted, duplicated,
    or the text cut short."""
    text = base
    for _ in range(draw(st.integers(0, max_edits))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "delete", "duplicate", "cut", "random"]))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE)) * draw(st.integers(1, 3)) + text[at:]
        elif op == "random":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 400)) :]
        elif op == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 400))] * draw(st.integers(2, 5)) + text[at:]
        else:
            text = text[: max(at, 1)]
    return text


@st.composite
def text_files(draw: st.DrawFn, seeds: list[str] = DRAFTS) -> bytes:
    if draw(st.integers(0, 19)) == 0:
        return draw(st.binary(min_size=1, max_size=2000))
    text = draw(_edited(draw(st.sampled_from(seeds))))
    codec = draw(st.sampled_from(["utf-8"] * 8 + ["utf-8-sig", "utf-16"]))
    data = text.encode(codec, "surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # a few raw bytes: a file that is not quite UTF-8
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at:]
    return data or b"x"


def amendment_documents() -> st.SearchStrategy[bytes]:
    return text_files(AMENDMENT_DOCUMENTS)


# ---- PDF ----------------------------------------------------------------------------------------------
_PDF_TEXT = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:()0123456789*-/\u00e9\u00b9\u00b2"), max_size=80
)


@st.composite
def _pdf_page(draw: st.DrawFn) -> bytes:
    """A content stream: lines of text at chosen places, sizes and rises (superscripts)."""
    ops = [b"BT"]
    for _ in range(draw(st.integers(0, 25))):
        size = draw(st.sampled_from([12, 12, 12, 12, 10, 8, 7, 0, 300]))
        x = draw(st.sampled_from([72, 72, 72, 108, 300, -50, 700]))
        y = draw(st.integers(-50, 800)) if draw(st.integers(0, 4)) == 0 else 740 - 16 * len(ops)
        rise = draw(st.sampled_from([0, 0, 0, 4, -3]))
        words = draw(
            st.one_of(_PDF_TEXT, st.sampled_from([h for h in HOSTILE if h.isascii()] + hf.DRAFT_LINES))
        )
        escaped = words.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"/F1 {size} Tf 1 0 0 1 {x} {y} Tm {rise} Ts ({escaped}) Tj".encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


@st.composite
def pdf_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["pages"] * 6 + ["tree", "garbage", "mutated", "mutated"]))
    if kind == "garbage":
        tail = draw(st.sampled_from([b"", b"\nstartxref\n0\n%%EOF\n", b"\nstartxref\n999999\n%%EOF\n"]))
        return b"%PDF-1." + draw(st.binary(max_size=3000)) + tail
    if kind == "tree":
        kids = draw(st.lists(st.integers(1, 8), min_size=0, max_size=4))
        count = draw(st.sampled_from(["1", "0", "-1", "999999999", "2", "x"]))
        box = draw(st.sampled_from(["0 0 612 792", "0 0 0 0", "0 0 1e30 1e30", "612 792 0 0", "a b c d"]))
        refs = " ".join(f"{k} 0 R" for k in kids)
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{refs}] /Count {count} >>".encode(),
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".encode(),
            hf.stream(draw(_pdf_page())),
            hf.FONT,
            f"<< /Type /Pages /Parent 2 0 R /Kids [{refs}] /Count {count} >>".encode(),
            b"<< /Type /Page /Parent 6 0 R >>",
            b"[2 0 R 6 0 R]",
        ]
        return hf.pdf(objects)
    pages = [draw(_pdf_page()) for _ in range(draw(st.integers(1, 3)))]
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        hf.FONT,
    ]
    for i, content in enumerate(pages):
        objects += [hf.page(2, 5 + 2 * i, 3), hf.stream(content)]
    data = hf.pdf(objects)
    if kind == "mutated":
        data = _bytes_edited(draw, data)
    return data


def _bytes_edited(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete"]))
        if op == "flip":
            out[at] = draw(st.integers(0, 255))
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del out[at : at + draw(st.integers(1, 64))]
    return bytes(out)


# ---- .docx --------------------------------------------------------------------------------------------
_ATTRS = {
    "w:val": st.sampled_from(
        [
            "0",
            "1",
            "x",
            "-1",
            "99999999",
            "",
            "²",
            "٣",
            "decimal",
            "lowerLetter",
            "upperRoman",
            "bullet",
            "%1.",
            "%2)",
        ]
    ),
    "w:id": st.sampled_from(["0", "1", "2", "-1", "x", ""]),
    "w:name": st.sampled_from(["_Ref1", "_Ref2", ""]),
    "w:fldCharType": st.sampled_from(["begin", "separate", "end", "x"]),
    "w:customMarkFollows": st.sampled_from(["1", "0", "true"]),
    "w:instr": st.sampled_from([" NOTEREF _Ref1 \\h ", " PAGE ", "NOTEREF", ""]),
    "w:type": st.sampled_from(["separator", "continuationSeparator", "normal"]),
    "w:ilvl": st.sampled_from(["0", "1", "8", "9", "x", "-1"]),
    "w:numId": st.sampled_from(["1", "2", "0", "x"]),
    "w:abstractNumId": st.sampled_from(["0", "1", "x"]),
}
_LEAVES = [
    "t",
    "t",
    "t",
    "tab",
    "br",
    "cr",
    "noBreakHyphen",
    "footnoteReference",
    "bookmarkStart",
    "bookmarkEnd",
    "fldChar",
    "instrText",
    "ilvl",
    "numId",
    "delText",
]
_BRANCHES = [
    "p",
    "p",
    "r",
    "r",
    "pPr",
    "numPr",
    "fldSimple",
    "sdt",
    "sdtContent",
    "tbl",
    "tr",
    "tc",
    "hyperlink",
    "ins",
    "del",
    "smartTag",
    "footnote",
    "lvl",
    "abstractNum",
    "num",
]
_WORDS = st.one_of(st.sampled_from(HOSTILE + hf.DRAFT_LINES), st.text(max_size=30))


def _xml_text(text: str) -> str:
    return escape(
        "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd"))
    )


@st.composite
def _attrs(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(sorted(_ATTRS)), max_size=3, unique=True))
    return "".join(f" {n}={quoteattr(draw(_ATTRS[n]))}" for n in names)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(_BRANCHES))
        inner = "".join(draw(st.lists(children, max_size=5)))
        return f"<w:{tag}{draw(_attrs())}>{inner}</w:{tag}>"

    return build()


@st.composite
def _leaf(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(_LEAVES))
    if tag in ("t", "instrText", "delText"):
        return f"<w:{tag}>{_xml_text(draw(_WORDS))}</w:{tag}>"
    return f"<w:{tag}{draw(_attrs())}/>"


_TREE = st.recursive(_leaf(), _element, max_leaves=40)


def _part(root: str, children: str) -> str:
    return f'<?xml version="1.0"?><w:{root} xmlns:w="{hf.W}">{children}</w:{root}>'


@st.composite
def docx_files(draw: st.DrawFn) -> bytes:
    body = hf.DRAFT * draw(st.integers(0, 1)) + "".join(draw(st.lists(_TREE, max_size=8)))
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": hf.CONTENT_TYPES,
        "_rels/.rels": draw(
            st.sampled_from(
                [
                    hf.ROOT_RELS,
                    hf.relationships(f'<Relationship Id="a" Type="{hf.OFFICE}/officeDocument"/>'),
                    hf.relationships(
                        f'<Relationship Id="a" Type="{hf.OFFICE}/officeDocument" Target="/word/../../x.xml"/>'
                    ),
                    "<x/>",
                    "",
                ]
            )
        ),
        "word/document.xml": hf.document_xml(body)
        if draw(st.integers(0, 15))
        else draw(st.sampled_from(["", "<w:document/>", "<a><b></a>"])),
    }
    rels = []
    for kind, target in (
        ("footnotes", "footnotes.xml"),
        ("numbering", "numbering.xml"),
        ("footer", "footer1.xml"),
    ):
        if draw(st.booleans()):
            target = draw(
                st.sampled_from([target, target, "", "../" + target, "/word/" + target, "missing.xml"])
            )
            rels.append(f'<Relationship Id="r{kind}" Type="{hf.OFFICE}/{kind}" Target="{target}"/>')
            files["word/" + target.split("/")[-1] if target else "word/x.xml"] = _part(
                {"footnotes": "footnotes", "numbering": "numbering", "footer": "ftr"}[kind],
                "".join(draw(st.lists(_TREE, max_size=5))),
            )
    if rels or draw(st.booleans()):
        files["word/_rels/document.xml.rels"] = hf.relationships(*rels)
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    data = _zip(files, method)
    if draw(st.integers(0, 5)) == 0:
        data = _bytes_edited(draw, data)
    return data


def _zip(files: dict[str, str | bytes], method: int) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, content in files.items():
            z.writestr(
                name, content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
            )
    return out.getvalue()


# ---- AKN XML ------------------------------------------------------------------------------------------
AKN_PIECES = [
    "<paragraph>",
    "</paragraph>",
    "<num>",
    "</num>",
    "<content>",
    "</content>",
    "<p>",
    "</p>",
    "<list>",
    "<intro>",
    "<point>",
    "<blockList>",
    "<item>",
    "</item>",
    '<authorialNote marker="1">',
    "</authorialNote>",
    "<sup>",
    "</sup>",
    "<i>",
    "</i>",
    "<b>",
    "</b>",
    "<container>",
    "<subheading>",
    "<attachments>",
    "<attachment>",
    "<doc>",
    "<mainBody>",
    "&amp;",
    "&#xFFFF;",
    "&#1;",
    "&lt;",
    "&x;",
    "<!--c-->",
    "<?pi x?>",
    '<!DOCTYPE a [<!ENTITY e "boom">]>',
    "&e;",
    '<FRBRlanguage language="xxx"/>',
    '<FRBRlanguage language="ara"/>',
    '<FRBRthis value="/akn/un/x"/>',
    "<table><tr><td>",
    "</td></tr></table>",
    "<docNumber>",
    '<docDate date="x">',
    "<conclusions>",
]


@st.composite
def akn_files(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(AKN)).decode("utf-8")
    if draw(st.integers(0, 3)) == 0:  # structure edits only where tags are: mostly well-formed
        text = base
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(text)))
            at = text.rfind(">", 0, at) + 1
            text = text[:at] + draw(st.sampled_from(AKN_PIECES)) + text[at:]
    else:
        text = draw(_edited(base, 6))
    return text.encode("utf-8", "surrogatepass")


# ---- amendment text -----------------------------------------------------------------------------------
_LABELS = st.sampled_from(
    [
        "PP1",
        "PP2",
        "OP1",
        "OP2",
        "OP1",
        "OP2",
        "OP2(a)",
        "OP3",
        "AN1",
        "OP99",
        "PP0",
        "",
        "op1",
        "OP1(a)(i)",
        "x",
        "OP" + "9" * 5000,
        "AN" + "1" * 50 + ".2",
    ]
)
_TYPED = st.one_of(
    st.sampled_from(
        ["决定", "重申", "大会", "决定[^: 第70/1号决议。]", "Decides to act", "决定 采取", "[^1]"]
    ),
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.builds(
        lambda a, b: a + b, st.sampled_from(["决定", "回顾", "Decides ", "[^: ", "注"]), st.text(max_size=30)
    ),
    st.builds(lambda a: f"决定[^: {a}]", st.text(max_size=20)),
)


@dataclass
class Typed:
    """One proposal as a delegate would type it."""

    kind: str
    target: str
    anchor: str
    position: str
    text: str | None
    find: str | None
    replace: str | None
    because: str


def typed_amendments() -> st.SearchStrategy[Typed]:
    kinds = st.sampled_from(["replace", "edit", "insert", "delete", "move", "bogus"])
    maybe = st.one_of(st.none(), _TYPED, _TYPED)
    return st.builds(
        Typed, kinds, _LABELS, _LABELS, st.sampled_from(["after", "before", "x"]), maybe, maybe, maybe, _TYPED
    )


# ---- running one input --------------------------------------------------------------------------------
def read_file(data: bytes, suffix: str) -> None:
    """The file read as `draftroom parse FILE` reads it (detection, reader, parser)."""
    from draftroom.workflow.reading import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        read_document(path)


def record_document(data: bytes) -> None:
    """A formal amendments document read, and its instructions turned into amendments against a
    small draft (as `amend --from-document` does)."""
    from store_support import sample_document

    from draftroom.workflow.formal import from_instructions
    from draftroom.workflow.reading import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "amendments.txt"
        path.write_bytes(data)
        doc = read_document(path)
    if doc.instructions:
        from_instructions(sample_document(), doc.instructions, "rev-0", ["China"], "CHN")


def propose_typed(t: Typed) -> None:
    """The proposal made against a small draft, then accepted and applied, as `amend` and `revise` do."""
    from store_support import sample_document

    from draftroom.model import locate
    from draftroom.workflow.apply import apply
    from draftroom.workflow.rules import Proposal, propose

    doc = sample_document()
    # labels resolved to ids at the edge, as `amend` does (workflow.negotiation.paragraph_ids)
    target = locate(doc, t.target).paragraph.id if t.kind in ("replace", "edit", "delete", "move") else None
    anchor = locate(doc, t.anchor).paragraph.id if t.kind in ("insert", "move") else None
    p = Proposal(t.kind, target, anchor, t.position, t.text, t.find, t.replace)
    a = propose(doc, "rev-0", ["China"], p, "CHN", t.because)
    a.status = "accepted"
    apply(doc, [a])


READERS: dict[str, tuple[st.SearchStrategy, Callable[[object], None]]] = {
    "text": (text_files(), lambda data: read_file(data, ".txt")),  # type: ignore[arg-type]
    "pdf": (pdf_files(), lambda data: read_file(data, ".pdf")),  # type: ignore[arg-type]
    "docx": (docx_files(), lambda data: read_file(data, ".docx")),  # type: ignore[arg-type]
    "akn": (akn_files(), lambda data: read_file(data, ".xml")),  # type: ignore[arg-type]
    "amendments": (amendment_documents(), lambda data: record_document(data)),  # type: ignore[arg-type]
    "amendment": (typed_amendments(), propose_typed),  # type: ignore[arg-type]
}


def run(reader: str, value: object) -> str:
    """ "read" or "refused"; an InternalError for anything else."""
    try:
        READERS[reader][1](value)
    except DraftroomError as e:
        if "\n" in str(e):
            raise InternalError(f"a DraftroomError of more than one line: {e!r}") from e
        return "refused"
    except Exception as e:
        raise InternalError(f"{type(e).__name__}: {e}") from e
    return "read"
