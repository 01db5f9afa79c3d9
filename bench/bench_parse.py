"""How fast `draftroom parse` reads plain text: milliseconds per document and per 10 KB, for each seed
(and the English corpus), against a peer measured in the same run: one regex pass over every line of
the same text (the floor for any parser that looks at each line once).

Run: python bench/bench_parse.py   (from the repository root; needs ../shared next to it)
"""

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.parse import parse_text  # noqa: E402


def _shared() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared"
    raise SystemExit("no shared/seeds above this checkout")


def _best_ms(func, text: str, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(text)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


_LINE = re.compile(r"^\s*(\d{1,3}\.|\([a-z]\))?\s*(\S.*?)\s*$")


def peer(text: str) -> int:
    return sum(1 for line in text.split("\n") if _LINE.match(line))


def main() -> None:
    shared = _shared()
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus-en").glob("*.txt"))
    print(f"machine: {machine()}")
    print(f"{'document':<28}{'KB':>7}{'ms (best)':>11}{'ms (median)':>13}{'ms/10KB':>9}{'x peer':>8}")
    over = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        size = len(text.encode("utf-8")) / 1024
        parse_text(text, source=path.name)  # warm up (imports, regex compilation)
        best, median = _best_ms(lambda t, p=path: parse_text(t, source=p.name), text, 7)
        floor, _ = _best_ms(peer, text, 7)
        print(
            f"{path.name:<28}{size:>7.1f}{best:>11.1f}{median:>13.1f}{best / size * 10:>9.1f}{best / floor:>8.0f}"
        )
        if 25 <= size <= 35 and best >= 50:
            over.append(path.name)
    print("30 KB resolutions under 50 ms:", "yes" if not over else f"NO ({', '.join(over)})")


if __name__ == "__main__":
    main()
