"""Every reader is near-linear in its input, up to the limits (draftroom.model.limits): time against
input size for each, as a ratio against a peer measured in the same run on the same input, and the
growth exponent between the smallest and the largest size (1.0 is linear, 2.0 quadratic).

    text         parse of a draft grown paragraph by paragraph     peer: a regex over every line
    footnotes    parse of a draft with N footnotes                 peer: the same regex
    long line    parse of a draft with one line of N characters    peer: the same regex
    amendments   parse of a formal amendments document, N items    peer: the same regex
    pdf          read of a PDF of N pages                          peer: pdftotext (poppler)
    pdf garbage  refusal of "%PDF" + N bytes of garbage            peer: pdftotext
    docx         read of a .docx of N paragraphs                   peer: python-docx, every paragraph's text
    zip bomb     refusal of a .docx unzipping to N bytes           peer: zlib, unzipping it all
    akn          read of an AKN file of N paragraphs               peer: lxml parse of the same bytes
    amend        a proposal with --text / --find of N characters   peer: str.find of it in the text

Run: python bench/bench_limits.py [--quick]   (from the repository root; pdftotext from poppler-utils)
"""

import argparse
import contextlib
import io
import math
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import hostile_files as hf  # noqa: E402
from machine import machine  # noqa: E402

from draftroom.errors import DraftroomError  # noqa: E402
from draftroom.model import limits  # noqa: E402
from draftroom.parse import parse_text  # noqa: E402
from draftroom.parse.akn import read_akn  # noqa: E402
from draftroom.parse.docx import read_docx  # noqa: E402
from draftroom.parse.pdf import read_pdf  # noqa: E402

DATA = ROOT / "tests" / "data"
_LINE = re.compile(r"^\s*(\d{1,3}\.|\([a-z]\))?\s*(\S.*?)\s*$")


def best(func: Callable[[], object], repeat: int) -> float:
    """Best of `repeat` runs, in seconds; a refusal (DraftroomError) counts as done."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(DraftroomError):
            func()
        times.append(time.perf_counter() - start)
    return min(times)


def regex_peer(text: str) -> Callable[[], object]:
    return lambda: sum(1 for line in text.split("\n") if _LINE.match(line))


def pdftotext_peer(data: bytes) -> Callable[[], object]:
    tool = shutil.which("pdftotext")
    if not tool:
        raise SystemExit("pdftotext not installed (apt-get install poppler-utils)")

    def run() -> object:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(data)
            f.flush()
            return subprocess.run([tool, "-q", f.name, "-"], capture_output=True, check=False)

    return run


def python_docx_peer(data: bytes) -> Callable[[], object]:
    import docx

    return lambda: [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def unzip_peer(data: bytes) -> Callable[[], object]:
    import zipfile

    def run() -> object:
        with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("word/document.xml") as f:
            while f.read(1 << 22):
                pass
        return None

    return run


def lxml_peer(data: bytes) -> Callable[[], object]:
    from lxml import etree

    return lambda: etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


# ---- inputs of size n -----------------------------------------------------------------------------------
def text_of(chars: int) -> str:
    paragraph = "Decides to remain seized of the matter, and requests the Secretary-General to report; "
    out = ["The General Assembly,"]
    size = len(out[0])
    while True:
        more = f"{len(out)}. {paragraph * 3}"
        if size + len(more) + 3 > chars:
            return "\n\n".join(out) + "\n"
        out.append(more)
        size += len(more) + 2


def long_line(chars: int) -> str:
    return "The General Assembly,\n\n1. Decides " + "to act, " * ((chars - 20) // 8) + "\n"


_AMENDMENTS = (DATA / "corpus-en" / "A_C.3_80_L.62.txt").read_text(encoding="utf-8")


def amendments_of(count: int) -> str:
    head = _AMENDMENTS.partition("In the")[0]
    items = "\n\n".join(
        f"{n}. In operative paragraph {n}, replace “the words” with “other words”."
        for n in range(1, count + 1)
    )
    return f"{head}\n\n{items}\n"


def pdf_of(pages: int) -> bytes:
    lines = [f"{n}. Decides to remain seized of the matter and requests a report." for n in range(1, 40)]
    return hf.text_pdf([["The General Assembly,", *lines]] * pages)


def pdf_garbage(size: int) -> bytes:
    import random

    rnd = random.Random(17)
    return b"%PDF-1.7\n" + rnd.randbytes(size) + b"\nstartxref\n9\n%%EOF\n"


def docx_of(paragraphs: int) -> bytes:
    body = "".join(
        f"<w:p><w:r><w:t>{n}.\tDecides to remain seized of the matter and requests a report.</w:t></w:r></w:p>"
        for n in range(1, paragraphs + 1)
    )
    return hf.docx(document=hf.document_xml("<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>" + body))


_AKN = (DATA / "akn" / "en_A_RES_79_3.xml").read_text(encoding="utf-8")


def akn_of(paragraphs: int) -> bytes:
    start = _AKN.index('<paragraph eId="para_4"')
    end = _AKN.index("</paragraph>", start) + len("</paragraph>")
    one = _AKN[start:end]
    many = "".join(one.replace('eId="para_4', f'eId="p{n}') for n in range(paragraphs))
    return (_AKN[:start] + many + _AKN[end:]).encode()


# ---- the table ------------------------------------------------------------------------------------------
def row(
    name: str, sizes: list[int], unit: str, make: Callable[[int], object], read, peer, repeat: int
) -> None:
    times = []
    for n in sizes:
        value = make(n)
        ours, theirs = best(lambda v=value: read(v), repeat), best(peer(value), repeat)
        times.append(ours)
        print(
            f"{name:<12}{n:>12,} {unit:<11}{ours * 1000:>10.1f} ms{theirs * 1000:>10.1f} ms{ours / theirs:>9.1f}"
        )
    slope = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]) if times[0] > 0 else float("nan")
    print(f"{'':<12}growth exponent {slope:.2f} from {sizes[0]:,} to {sizes[-1]:,} {unit}")


def main() -> None:
    ap = argparse.ArgumentParser(description="time against input size for each reader, up to the limits")
    ap.add_argument("--quick", action="store_true", help="fewer sizes, one run each")
    args = ap.parse_args()
    r = 1 if args.quick else 3

    def sizes(top: int, steps: int = 4) -> list[int]:
        return [max(1, top >> (2 * k)) for k in reversed(range(2 if args.quick else steps))]

    def text(t: str) -> object:
        return parse_text(t, "en", source="bench")

    print(f"machine: {machine()}")
    print(f"limits: {', '.join(f'{x.name} {x.value:,} {x.unit}' for x in limits.ALL)}")
    print(f"{'reader':<12}{'size':>12} {'':<11}{'ours':>13}{'peer':>13}{'x peer':>9}")
    row("text", sizes(limits.TEXT_CHARS.value), "characters", text_of, text, regex_peer, r)
    row("footnotes", sizes(limits.FOOTNOTES.value, 3), "footnotes", hf.noted, text, regex_peer, r)
    row("long line", sizes(limits.LINE_CHARS.value, 3), "characters", long_line, text, regex_peer, r)
    row("amendments", sizes(2000, 3), "items", amendments_of, text, regex_peer, r)
    row(
        "pdf",
        sizes(limits.PAGES.value, 3),
        "pages",
        pdf_of,
        lambda d: read_pdf(d, "bench"),
        pdftotext_peer,
        r,
    )
    row(
        "pdf garbage",
        sizes(limits.FILE_BYTES.value),
        "bytes",
        pdf_garbage,
        lambda d: read_pdf(d, "bench"),
        pdftotext_peer,
        r,
    )
    row("docx", sizes(20_000, 3), "paragraphs", docx_of, lambda d: read_docx(d, "bench"), python_docx_peer, r)
    row("zip bomb", sizes(1 << 30, 3), "bytes", hf.zip_bomb, lambda d: read_docx(d, "bench"), unzip_peer, r)
    row("akn", sizes(4000, 3), "paragraphs", akn_of, lambda d: read_akn(d, "bench"), lxml_peer, r)
    _amend(sizes(limits.TYPED_CHARS.value, 3), r)


def _amend(sizes: list[int], repeat: int) -> None:
    from store_support import sample_document

    from draftroom.workflow.rules import Proposal, propose

    doc = sample_document()
    target = doc.operative[0].text

    def make(n: int) -> str:
        return ("决定 " * (n // 3 + 1))[:n]

    def ours(words: str) -> object:
        propose(doc, "rev-0", ["China"], Proposal("replace", target="OP1", text=words), "CHN")
        with contextlib.suppress(DraftroomError):
            propose(doc, "rev-0", ["China"], Proposal("edit", target="OP1", find=words, replace="x"), "CHN")
        return None

    row("amend", sizes, "characters", make, ours, lambda w: lambda: (target + w).find(w), repeat)


if __name__ == "__main__":
    main()
