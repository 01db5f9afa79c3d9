"""How fast the AKN4UN reader reads the UN's XML: milliseconds for the file of the corpus closest to
60 KB (and the median over a few of that size), against lxml's own parse of the same bytes measured
in the same run (the floor: the reader parses with lxml, then walks the tree once).

Run: python bench/bench_akn.py [FOLDER]   (default: ../shared/corpus-akn). Target: under 30 ms.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lxml import etree  # noqa: E402
from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.parse.akn import read_akn  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus-akn"
TARGET = 60_000


def _best_ms(func, repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        folder = Path("/work/shared/corpus-akn")
    files = sorted(folder.rglob("*.xml"), key=lambda f: abs(f.stat().st_size - TARGET))[:6]
    print(machine())
    rows = []
    for f in files:
        data = f.read_bytes()
        ours = _best_ms(lambda data=data, f=f: read_akn(data, f.name))
        peer = _best_ms(lambda data=data: etree.fromstring(data, etree.XMLParser(resolve_entities=False)))
        rows.append((ours, peer))
        print(
            f"{f.relative_to(folder)} ({len(data) / 1000:.0f} KB): read_akn {ours:.1f} ms, "
            f"lxml parse {peer:.1f} ms, ratio {ours / peer:.1f}"
        )
    ours = statistics.median(r[0] for r in rows)
    peer = statistics.median(r[1] for r in rows)
    verdict = "under" if ours < 30 else "OVER"
    print(
        f"median of {len(rows)} files near 60 KB: {ours:.1f} ms ({verdict} 30 ms), "
        f"{ours / peer:.1f}x lxml's parse ({peer:.1f} ms)"
    )
    return 0 if ours < 30 else 1


if __name__ == "__main__":
    sys.exit(main())
