"""Speed of the PDF reader on the real English corpus, against a peer measured in the same run:
PyMuPDF's own plain text extraction (`page.get_text()`), which reads the same pages without layout.

Run: python bench/bench_pdf.py   (prints ms per document and per page, and the ratio to the peer)
"""

import statistics
import sys
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.parse.pdf import pdf_to_text  # noqa: E402


def _corpus() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus-en").is_dir():
            return parent / "shared" / "corpus-en"
    raise SystemExit("no shared/corpus-en above this checkout")


def _plain(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def _best_ms(fn, data: bytes, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(data)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> None:
    print(f"machine: {machine()}")
    print(f"{'document':<16}{'pages':>6}{'ours ms':>10}{'peer ms':>10}{'ratio':>8}{'ms/page':>9}")
    ratios, per_page = [], []
    for pdf in sorted(_corpus().glob("*.pdf")):
        data = pdf.read_bytes()
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            pages = doc.page_count
        ours = _best_ms(lambda d: pdf_to_text(d, "bench.pdf"), data)
        peer = _best_ms(_plain, data)
        ratios.append(ours / peer)
        per_page.append(ours / pages)
        print(f"{pdf.stem:<16}{pages:>6}{ours:>10.1f}{peer:>10.1f}{ours / peer:>8.1f}{ours / pages:>9.1f}")
    print(
        f"median: {statistics.median(ratios):.1f}x the plain extraction, {statistics.median(per_page):.1f} ms/page"
    )


if __name__ == "__main__":
    main()
