"""Checks and dispatch on the input file: size, binary content, format by magic bytes."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Document
from draftroom.model.labels import iter_located
from draftroom.model.limits import FILE_BYTES, LINE_CHARS, TEXT_CHARS, check_numbers, over_limit
from draftroom.model.text_rules import storable
from draftroom.parse.detect import looks_like_xml


def read_input(path: str | Path) -> tuple[str, bytes]:
    """(format, bytes) of a user's file, format one of "pdf", "docx", "xml", "text"; one-line errors."""
    p = Path(path)
    if not p.exists():
        raise DraftroomError(f"{path}: no such file")
    if p.is_dir():
        raise DraftroomError(f"{path}: is a directory, not a document file")
    try:
        size = p.stat().st_size
        FILE_BYTES.check(size, str(path))
        with p.open("rb") as f:  # what stat says of /proc or a pipe is not what reading gives
            data = f.read(FILE_BYTES.value + 1)
    except OSError as e:
        raise DraftroomError(f"{path}: cannot read it ({e.strerror})") from None
    FILE_BYTES.check(len(data), str(path))
    if not data:
        raise DraftroomError(f"{path}: the file is empty")
    if b"%PDF-" in data[:1024]:  # the header may follow a few junk bytes (PDF 1.7, annex H)
        return "pdf", data
    if p.suffix.lower() == ".pdf":
        raise DraftroomError(f"{path}: a damaged PDF (it does not begin as a PDF does): give a complete copy")
    if data.startswith(b"PK\x03\x04"):
        return "docx", data
    if p.suffix.lower() == ".docx":
        raise DraftroomError(f"{path}: not a .docx (a .docx is a zip archive); save it again from Word")
    if looks_like_xml(data) or p.suffix.lower() == ".xml":
        return "xml", data
    return "text", data


def decode_text(path: str | Path, data: bytes) -> str:
    codec = next(
        (
            c
            for bom, c in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
            if data.startswith(bom)
        ),
        "utf-8",
    )
    if codec == "utf-8" and b"\x00" in data[:4096]:
        raise DraftroomError(f"{path}: binary data, not text: give a .txt, .pdf or .docx document")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        what = "UTF-8" if codec.startswith("utf-8") else "UTF-16, as its first bytes say"
        raise DraftroomError(
            f"{path}: not {what} text (byte {e.start}): convert it to UTF-8, or give the PDF or .docx"
        ) from None


@dataclass
class SourceText:
    """A user's file as text, with what its layout gave beside the text."""

    text: str
    job_number: str | None = None  # from a PDF's page furniture, which its text leaves out
    document: Document | None = None  # read whole from the file's own structure (AKN XML)
    warnings: list[str] = field(default_factory=list)  # what the reader could not hold
    # the italic opening phrases the layout showed, by `opener_key` of their paragraph; None when
    # the source has no typography to tell (plain text)
    openers: dict[str, str] | None = None


def opener_key(text: str) -> str:
    """A paragraph's start, as its opener is looked up by: its first 40 letters and digits, footnote
    references aside."""
    return "".join(c for c in re.sub(r"\[\^\d+\]", "", text) if c.isalnum())[:40]


def parse_file(path: str | Path, lang: str | None = None) -> Document:
    return parse_source(read_source(path), lang, str(path))


def parse_source(source: SourceText, lang: str | None, name: str) -> Document:
    if source.document is not None:
        return source.document
    doc = parse_text(source.text, lang, source=name)
    doc.job_number = doc.job_number or source.job_number
    if source.openers is not None:
        _set_openers(doc, source.openers)
    return doc


def _set_openers(doc: Document, openers: dict[str, str]) -> None:
    """Each paragraph's opener as the source's italics show it; "" where a paragraph opens upright."""
    for loc in iter_located(doc):
        p = loc.paragraph
        found = openers.get(opener_key(p.text))
        p.opener = found if found and p.text.startswith(found) else ""


def read_source(path: str | Path) -> SourceText:
    """The text of a user's file (.txt, .pdf or .docx); a one-line error when there is none."""
    fmt, data = read_input(path)
    if fmt == "pdf":
        from draftroom.parse.pdf import read_pdf

        read = read_pdf(data, str(path))
    elif fmt == "docx":
        from draftroom.parse.docx import read_docx

        read = read_docx(data, str(path))
    elif fmt == "xml":
        from draftroom.parse.akn import read_akn

        akn = read_akn(data, str(path))
        text = "\n".join(loc.paragraph.text for loc in iter_located(akn.document)) or akn.document.title
        read = SourceText(text, akn.document.job_number, akn.document, akn.warnings)
    else:
        read = SourceText(decode_text(path, data))
    if not read.text.strip():
        raise DraftroomError(f"{path}: no text in this file")
    return read


def check_text_limits(text: str, source: str) -> None:
    """The whole text and its longest line within the limits, before any parsing."""
    longest = max(map(len, text.splitlines()), default=0)
    if longest > LINE_CHARS.value:
        line = next(i for i, x in enumerate(text.splitlines(), 1) if len(x) == longest)
        raise over_limit(LINE_CHARS, f"{source}: line {line}", longest)
    TEXT_CHARS.check(len(text), source)
    check_numbers(text, source)


def parse_text(text: str, lang: str | None = None, source: str = "<text>") -> Document:
    from draftroom.parse.text import parse_plain

    check_text_limits(text, source)
    # what may not be stored is dropped: control characters (PDF, pdftotext page-break or terminal
    # artefacts), noncharacters, bidi controls; tabs and line ends stay
    return parse_plain(storable(text), lang=lang, source=source)
