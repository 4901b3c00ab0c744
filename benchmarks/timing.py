"""timeit-style timing and tracemalloc memory figures, run inside a worker.

Each figure is the time of one call, averaged over a batch of calls that
lasts at least ``min_time`` seconds; a batch is repeated ``repeats`` times, in
each of the parent's rounds, and both the minimum (the least disturbed batch,
what the table shows by default) and the median of all batches are kept.  Calls are driven from C (``map`` drained
by a ``deque``), so the loop costs every library the same few nanoseconds.
The garbage collector stays on: collecting what a decoder allocates is part
of its cost.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tracemalloc
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from time import perf_counter
from typing import Any

__all__ = ["Timing", "merge", "retained_bytes", "time_calls"]

if sys.version_info >= (3, 11):
    from operator import call as _call
else:  # pragma: no cover - Python 3.10

    def _call(fn: Callable[[Any], Any], arg: Any) -> Any:
        return fn(arg)


@dataclass
class Timing:
    """Seconds per call: the best and the median batch, every batch, and the batch size."""

    best: float
    median: float
    batches: list[float]
    calls_per_batch: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two :meth:`Timing.as_dict` of the same operation (two rounds) as one."""
    batches = a["batches"] + b["batches"]
    return Timing(min(batches), statistics.median(batches), batches,
                  max(a["calls_per_batch"], b["calls_per_batch"])).as_dict()  # fmt: skip


def _batch(fns: Sequence[Callable[[Any], Any]], args: Sequence[Any], loops: int) -> float:
    drain: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend
    start = perf_counter()
    for _ in range(loops):
        drain(map(_call, fns, args))
    return perf_counter() - start


def time_calls(
    fns: Sequence[Callable[[Any], Any]], args: Sequence[Any], *, min_time: float, repeats: int
) -> Timing:
    """Time ``fns[i](args[i])`` for every i, as seconds per call."""
    n = len(args)
    _batch(fns, args, 1)  # warm up: first-use code generation, caches
    loops = 1
    while True:
        elapsed = _batch(fns, args, loops)
        if elapsed >= min_time:
            break
        # Aim a little past min_time so that the next try usually suffices.
        loops = max(loops * 2, int(loops * 1.2 * min_time / max(elapsed, 1e-9)))
    times = [elapsed] + [_batch(fns, args, loops) for _ in range(repeats - 1)]
    per_call = [t / (loops * n) for t in times]
    return Timing(min(per_call), statistics.median(per_call), per_call, loops * n)


def retained_bytes(
    make: Callable[[], list[Any]], then: Callable[[list[Any]], None]
) -> tuple[float, float]:
    """Bytes per object that ``make()`` allocates and keeps, before and after ``then(objects)``.

    Caches filled on first use (generated code, interned keys) are warmed
    beforehand by the caller's timing runs, so they do not count.
    """
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        objects = make()
        own = sys.getsizeof(objects)
        made = tracemalloc.get_traced_memory()[0] - base - own
        then(objects)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0] - base - own
    finally:
        tracemalloc.stop()
    n = len(objects)
    return made / n, after / n
