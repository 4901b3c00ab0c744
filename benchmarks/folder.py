"""``respmodel decode`` over a folder of sessions: one process against ``--jobs N``.

Measures :func:`respmodel.summarize` (the code behind the command) on a folder of
at least 8 session files made by ``scripts/make_sessions.py``, and on one large
file of the same content (split into byte ranges), at each ``--jobs`` value; prints
wall times and the speed-up over one process.  From the repository root::

    python -m benchmarks.folder                 # 8 files of 4 MB, jobs 1 and 2
    python -m benchmarks.folder --files 16 --copies 8 --jobs 1,2,4 --gzip
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import respmodel

ROOT = Path(__file__).resolve().parent.parent


def _make_sessions() -> Any:
    """scripts/make_sessions.py's generator (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "make_sessions", ROOT / "scripts" / "make_sessions.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_sessions


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best_of(repeat: int, paths: list[str], jobs: int) -> tuple[float, float, int]:
    """The best wall time of ``repeat`` runs, its CPU time (all processes), the events counted."""
    best = (float("inf"), 0.0)
    events = 0
    for _ in range(repeat):
        started, cpu = time.perf_counter(), _cpu()
        summary = respmodel.summarize(paths, jobs=jobs)
        best = min(best, (time.perf_counter() - started, _cpu() - cpu))
        events = summary.events
    return best[0], best[1], events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=8, help="session files (at least 8)")
    parser.add_argument("--copies", type=int, default=4, help="sample copies per file, ~1 MB each")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gzip", action="store_true", help="gzip-compressed files")
    args = parser.parse_args(argv)
    if args.files < 8:
        parser.error("--files: at least 8")
    jobs = [int(j) for j in args.jobs.split(",")]
    make_sessions = _make_sessions()
    with tempfile.TemporaryDirectory(prefix="respmodel-bench-") as tmp:
        folder = Path(tmp) / "sessions"
        files = make_sessions(folder, args.files, args.copies, args.gzip)
        big = Path(tmp) / "one.jsonl"  # the same content, in one plain file
        with big.open("wb") as out:
            for path in files:
                data = path.read_bytes()
                out.write(gzip.decompress(data) if args.gzip else data)
        size = sum(p.stat().st_size for p in files)
        print(
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
            f"{len(files)} files, {size / 1e6:,.1f} MB on disk" + (" (gzip)" if args.gzip else "")
        )
        for label, paths in (("folder", [str(folder)]), ("one file", [str(big)])):
            base = None
            for j in jobs:
                seconds, cpu, events = best_of(args.repeat, paths, j)
                base = base or seconds
                print(
                    f"  {label:<8}  --jobs {j}:  {seconds:7.3f} s wall  {cpu:7.3f} s CPU  "
                    f"{events / seconds:>10,.0f} events/s  speed-up {base / seconds:4.2f}x"
                )
        print(f"  (load average {os.getloadavg()[0]:.1f}: other work on the machine slows -j runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
