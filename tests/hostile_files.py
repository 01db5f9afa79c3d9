"""Hostile documents built in code: .docx packages and PDFs whose parts a test chooses, and texts at
the size of a limit. The tests, the fuzzing harness (fuzz_support) and bench/bench_limits.py use them."""

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0"?><Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DRAFT = (
    "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Recalling its resolution 70/1 of 25 September 2015,</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>1.\tDecides to remain seized of the matter.</w:t></w:r></w:p>"
)


def document_xml(inner: str = DRAFT) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'


def relationships(*rels: str) -> str:
    return f'<?xml version="1.0"?><Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>'


def docx(**parts: str | bytes) -> bytes:
    """A .docx of the draft above; keyword arguments replace or add parts, by the short names of
    `part_name` (document=..., numbering=...) or by their path."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/document.xml": document_xml(),
    }
    files.update({part_name(k): v for k, v in parts.items()})
    return zip_of(files)


def part_name(key: str) -> str:
    """The path of a part from its short name: document -> word/document.xml, root_rels -> _rels/.rels."""
    known = {
        "root_rels": "_rels/.rels",
        "document": "word/document.xml",
        "document_rels": "word/_rels/document.xml.rels",
        "numbering": "word/numbering.xml",
        "footnotes": "word/footnotes.xml",
    }
    return known.get(key, key)


def zip_of(files: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def zip_bomb(unzipped: int) -> bytes:
    """A .docx whose document.xml unzips to `unzipped` bytes of blanks (a few KB zipped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            head = document_xml("").encode()
            f.write(head[: head.index(b"<w:body>")])
            block = b" " * (1 << 20)
            for _ in range(unzipped >> 20):
                f.write(block)
            f.write(head[head.index(b"<w:body>") :])
    return out.getvalue()


def corrupt_deflate(data: bytes, part: str = "word/document.xml") -> bytes:
    """`data` with the compressed bytes of `part` overwritten (its header and the directory intact)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    broken = bytearray(data)
    for i in range(start, start + min(16, info.compress_size)):
        broken[i] ^= 0x5A
    return bytes(broken)


def damaged_local_header(data: bytes, part: str = "word/document.xml") -> bytes:
    """`data` with the local header of `part` damaged: its signature and name length overwritten."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(part)
    broken = bytearray(data)
    broken[info.header_offset : info.header_offset + 4] = b"PK\xff\xff"
    broken[info.header_offset + 26 : info.header_offset + 28] = b"\xff\xff"
    return bytes(broken)


def numbering(ilvl: str = "0", start: str = "1", fmt: str = "decimal") -> str:
    return (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def numbered_paragraph(text: str, ilvl: str = "0") -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


NUMBERING_REL = f'<Relationship Id="rId2" Type="{OFFICE}/numbering" Target="numbering.xml"/>'


# ---- PDF ----------------------------------------------------------------------------------------------
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of the numbered objects (1..n, given by their bodies) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def page(parent: int, contents: int, font: int) -> bytes:
    return (
        f"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 612 792] /Contents {contents} 0 R "
        f"/Resources << /Font << /F1 {font} 0 R >> >> >>"
    ).encode()


def page_text(lines: list[str], size: int = 12) -> bytes:
    ops = [f"BT /F1 {size} Tf 72 740 Td {size + 4} TL".encode()]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*".encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


DRAFT_LINES = [
    "The General Assembly,",
    "Recalling its resolution 70/1 of 25 September 2015,",
    "1. Decides to remain seized of the matter.",
]


def text_pdf(pages: list[list[str]] | None = None) -> bytes:
    """A PDF with a text layer: one page per list of lines (default: the draft above on one page)."""
    pages = pages or [DRAFT_LINES]
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        FONT,
    ]
    for i, lines in enumerate(pages):
        objects += [page(2, 5 + 2 * i, 3), stream(page_text(lines))]
    return pdf(objects)


def one_page_pdf(content: bytes) -> bytes:
    """A PDF of one page drawn by the content stream `content` (font /F1 is Helvetica)."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page(2, 4, 5),
            stream(content),
            FONT,
        ]
    )


def cyclic_pdf() -> bytes:
    """A PDF whose page tree holds itself among its kids."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            page(2, 4, 5),
            stream(page_text(DRAFT_LINES)),
            FONT,
        ]
    )


def lying_count_pdf(count: int = 999_999_999) -> bytes:
    return text_pdf().replace(b"/Count 1 ", f"/Count {count} ".encode())


# ---- texts at the size of a limit ----------------------------------------------------------------------
def noted(count: int) -> str:
    """A text with `count` footnotes, ten referenced a paragraph (paragraph numbers go up to 999)."""
    refs = "\n\n".join(
        f"{k + 1}. Decides "
        + " ".join(f"to act[^{n}]" for n in range(10 * k + 1, min(10 * k + 11, count + 1)))
        + "."
        for k in range((count + 9) // 10)
    )
    notes = "\n".join(f"[^{n}]: Resolution {n}/1 of 25 September 2015." for n in range(1, count + 1))
    return f"The General Assembly,\n\n{refs}\n\n{notes}\n"
