"""Checks and dispatch on the input file: size, binary content, format by magic bytes."""

from dataclasses import dataclass, field
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Document
from draftroom.model.labels import iter_located
from draftroom.model.text_rules import storable
from draftroom.parse.detect import looks_like_xml

MAX_BYTES = 20 * 1024 * 1024  # the longest UN resolutions are well under 2 MB of text


def read_input(path: str | Path) -> tuple[str, bytes]:
    """(format, bytes) of a user's file, format one of "pdf", "docx", "xml", "text"; one-line errors."""
    p = Path(path)
    if not p.exists():
        raise DraftroomError(f"{path}: no such file")
    if p.is_dir():
        raise DraftroomError(f"{path}: is a directory, not a document file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise DraftroomError(
            f"{path}: {size / 1e6:.0f} MB is too large for a resolution (limit {MAX_BYTES // 2**20} MiB)"
        )
    if size == 0:
        raise DraftroomError(f"{path}: the file is empty")
    data = p.read_bytes()
    if data.startswith(b"%PDF"):
        return "pdf", data
    if data.startswith(b"PK\x03\x04"):
        return "docx", data
    if p.suffix.lower() == ".docx":
        raise DraftroomError(f"{path}: not a .docx (a .docx is a zip archive); save it again from Word")
    if looks_like_xml(data) or p.suffix.lower() == ".xml":
        return "xml", data
    return "text", data


def decode_text(path: str | Path, data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    if b"\x00" in data[:4096]:
        raise DraftroomError(f"{path}: binary data, not text: give a .txt, .pdf or .docx document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DraftroomError(
            f"{path}: not UTF-8 text (byte {e.start}): convert it to UTF-8, or give the PDF or .docx"
        ) from None


@dataclass
class SourceText:
    """A user's file as text, with what its layout gave beside the text."""

    text: str
    job_number: str | None = None  # from a PDF's page furniture, which its text leaves out
    document: Document | None = None  # read whole from the file's own structure (AKN XML)
    warnings: list[str] = field(default_factory=list)  # what the reader could not hold


def parse_file(path: str | Path, lang: str | None = None) -> Document:
    return parse_source(read_source(path), lang, str(path))


def parse_source(source: SourceText, lang: str | None, name: str) -> Document:
    if source.document is not None:
        return source.document
    doc = parse_text(source.text, lang, source=name)
    doc.job_number = doc.job_number or source.job_number
    return doc


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


def parse_text(text: str, lang: str | None = None, source: str = "<text>") -> Document:
    from draftroom.parse.text import parse_plain

    # what may not be stored is dropped: control characters (PDF, pdftotext page-break or terminal
    # artefacts), noncharacters, bidi controls; tabs and line ends stay
    return parse_plain(storable(text), lang=lang, source=source)
