"""What reading tables costs the PDF reader: the 80 English PDFs of the AKN corpus (two with tables,
79/255 and 79/257) read by `pdf_to_text`, against the same reader with table folding switched off
(each body line left as it is), measured in the same run; and the share of one reading spent inside
the table step (on a loaded machine the first ratio swings more than the step costs).

Run: python bench/bench_pdf_tables.py [FOLDER]   (default: ../shared/corpus-akn/en-pdf)
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.parse import pdf  # noqa: E402


def _corpus() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus-akn" / "en-pdf").is_dir():
            return parent / "shared" / "corpus-akn" / "en-pdf"
    raise SystemExit("no shared/corpus-akn above this checkout")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else _corpus()
    files = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.pdf"))]
    print(f"machine: {machine()}")
    folding = pdf.fold_tables

    def read_all() -> None:
        for name, data in files:
            pdf.pdf_to_text(data, name)

    def unfolded(body: list, size: float, notes: set[int] | None) -> list:
        return body

    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(3):  # the two alternate, so that the machine's load weighs on both alike
        for tables in (True, False):
            pdf.fold_tables = folding if tables else unfolded  # type: ignore[assignment]
            start = time.perf_counter()
            read_all()
            times[tables].append(time.perf_counter() - start)
    spent = [0.0]  # the time inside the table step itself, a share that the machine's load does not swing

    def timed(body: list, size: float, notes: set[int] | None) -> list:
        start = time.perf_counter()
        out = folding(body, size, notes)
        spent[0] += time.perf_counter() - start
        return out

    pdf.fold_tables = timed  # type: ignore[assignment]
    start = time.perf_counter()
    read_all()
    whole = time.perf_counter() - start
    pdf.fold_tables = folding
    with_tables, without = min(times[True]), min(times[False])
    print(
        f"the table step: {spent[0] * 1000:.0f} ms of {whole:.2f} s, {spent[0] / whole:.2%} of the reader's time"
    )
    print(
        f"{len(files)} PDFs: {with_tables:.2f} s with tables read, {without:.2f} s without "
        f"(peer, same run): ratio {with_tables / without:.3f}"
    )


if __name__ == "__main__":
    main()
