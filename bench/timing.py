"""Timing a call in the benchmarks: the wall time of each run, or their median."""

import statistics
import time
from collections.abc import Callable


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    """The wall time of each of `runs` calls of `fn`, in seconds."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median_time(fn: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `fn`, in seconds."""
    return statistics.median(timings(fn, runs))
