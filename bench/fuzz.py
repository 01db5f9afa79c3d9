"""The long run of the fuzzing harness (tests/fuzz_support.py): N hostile inputs per reader, each
timed; reports how many each reader read, refused (a one-line error) and failed on (an internal
error, exit 70), and the slowest input. Failing and slow inputs are saved under --out to replay.

Run: nice python bench/fuzz.py --per-reader 10000 [--readers text,pdf] [--out fuzz-out] [--seed N]
(from the repository root; one core: it runs one input at a time).
"""

import argparse
import contextlib
import json
import logging
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz_support import READERS, InternalError, run  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from machine import machine  # noqa: E402

SLOW = 10.0  # seconds of CPU: an input slower than this is a finding too (wall time on a shared
# machine counts the other programs' turns: it is reported, not judged)


def fuzz(reader: str, count: int, out: Path, rng_seed: int) -> dict:
    stats = {"reader": reader, "tried": 0, "read": 0, "refused": 0, "internal": 0, "slow": 0}
    stats |= {"max_cpu_s": 0.0, "max_wall_s": 0.0}
    findings: list[str] = []
    started = time.perf_counter()

    @seed(rng_seed)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # every input new: no shrinking, no replay
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def one(data: st.DataObject) -> None:
        value = data.draw(READERS[reader][0])
        start, cpu = time.perf_counter(), time.process_time()
        try:
            outcome = run(reader, value)
        except InternalError as e:
            outcome = "internal"
            findings.append(str(e))
            _save(out, reader, "internal", stats["tried"], value, str(e))
        wall, took = time.perf_counter() - start, time.process_time() - cpu
        stats["tried"] += 1
        stats[outcome] += 1
        stats["max_cpu_s"] = round(max(stats["max_cpu_s"], took), 3)
        stats["max_wall_s"] = round(max(stats["max_wall_s"], wall), 3)
        if took > SLOW:
            stats["slow"] += 1
            _save(out, reader, "slow", stats["tried"], value, f"{took:.1f} s of CPU, {wall:.1f} s")
        if stats["tried"] % 500 == 0:
            print(f"  {reader}: {_line(stats)} ({time.perf_counter() - started:.0f} s)", flush=True)

    _warm_up(reader)
    one()
    stats["seconds"] = round(time.perf_counter() - started, 1)
    stats["findings"] = sorted(set(findings))[:20]
    return stats


def _warm_up(reader: str) -> None:
    """One input first, untimed: a reader's first call imports its libraries (PyMuPDF: a second)."""

    @settings(max_examples=1, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(READERS[reader][0])
    def first(value: object) -> None:
        with contextlib.suppress(InternalError):
            run(reader, value)

    first()


def _save(out: Path, reader: str, kind: str, n: int, value: object, why: str) -> None:
    folder = out / reader
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{kind}-{n}.pickle").write_bytes(pickle.dumps(value))
    (folder / f"{kind}-{n}.txt").write_text(why + "\n", encoding="utf-8")


def _line(s: dict) -> str:
    return (
        f"{s['tried']} tried, {s['read']} read, {s['refused']} refused, {s['internal']} internal errors, "
        f"{s['slow']} over {SLOW:.0f} s of CPU, slowest {s['max_cpu_s']:.2f} s of CPU ({s['max_wall_s']:.2f} s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--per-reader", type=int, default=1000, metavar="N", help="inputs per reader (default 1000)"
    )
    ap.add_argument("--readers", default=",".join(READERS), help=f"comma-separated, of {', '.join(READERS)}")
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"), help="where findings and the report go")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # the parsers' warnings on what they skip: thousands of lines
    print(f"machine: {machine()}")
    report = []
    for reader in args.readers.split(","):
        stats = fuzz(reader, args.per_reader, args.out, args.seed)
        report.append(stats)
        print(f"{reader:<11} {_line(stats)} in {stats['seconds']} s", flush=True)
        for finding in stats["findings"]:
            print(f"    {finding[:200]}")
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    total = sum(s["internal"] for s in report)
    print(f"total: {sum(s['tried'] for s in report)} inputs, {total} internal errors")


if __name__ == "__main__":
    main()
