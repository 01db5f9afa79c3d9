"""Speed of the Member State table: first load, resolve, split_sponsors and sponsor_line.

Figures are ratios against a peer measured in the same run: a plain `str.split(", ")` of the same
sponsor line (the least any splitter must do). Run: python bench/bench_states.py
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from machine import machine

from draftroom.model import states

LINE = (
    "Andorra, Antigua and Barbuda, Argentina, Austria, Bahamas (The), Barbados, Belgium, Belize, "
    "Bolivia (Plurinational State of), Bosnia and Herzegovina, Brazil, Bulgaria, Chile, Colombia, "
    "Costa Rica, Croatia, Cuba, Cyprus, Czechia, Denmark, Dominica, Dominican Republic, Ecuador, "
    "El Salvador, Estonia, Finland, France, Germany, Greece, Grenada, Guatemala, Guyana, Haiti, "
    "Honduras, Hungary, Ireland, Italy, Jamaica, Latvia, Lithuania, Luxembourg, Malta, Marshall "
    "Islands, Mexico, Netherlands (Kingdom of the), Nicaragua, Panama, Papua New Guinea, Paraguay, "
    "Peru, Poland, Portugal, Republic of Moldova, Romania, Saint Kitts and Nevis, Saint Lucia, Saint "
    "Vincent and the Grenadines, Slovakia, Slovenia, Spain, Suriname, Sweden, Trinidad and Tobago, "
    "Ukraine, Uruguay and Venezuela (Bolivarian Republic of): draft resolution"
)


def per_call(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    start = time.perf_counter()
    states.all_states()
    load = time.perf_counter() - start
    peer = per_call(lambda: LINE.split(":")[0].split(", "), 20000)
    split = per_call(lambda: (states.lookup.cache_clear(), states.split_sponsors(LINE, "en")), 200)
    members = [s for s in states.all_states() if s.kind == "member"]
    line = per_call(lambda: states.sponsor_line(members, "zh"), 200)
    names = [s.en for s in members]
    resolve = per_call(lambda: (states.lookup.cache_clear(), [states.resolve(n) for n in names]), 50)
    resolve /= len(names)
    print(f"machine: {machine()}")
    print(f"table load (first call): {load * 1000:.1f} ms for {len(states.all_states())} rows")
    print(f"peer str.split of a 66-sponsor line: {peer * 1e6:.2f} us")
    print(f"split_sponsors, 66 sponsors (cold cache): {split * 1e6:.0f} us = {split / peer:.0f}x the peer")
    print(f"sponsor_line, 193 members (zh): {line * 1e6:.0f} us = {line / peer:.0f}x the peer")
    print(f"resolve, per name (cold cache): {resolve * 1e6:.1f} us = {resolve / peer:.1f}x the peer")


if __name__ == "__main__":
    main()
