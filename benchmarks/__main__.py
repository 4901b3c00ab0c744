"""``python -m benchmarks``: respmodel and its peers on every workload, in one run.

Builds the workloads, runs one worker process per library per workload,
measures import and first-decode times in fresh interpreters, prints the
report, and saves the results as JSON under ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import report, startup
from .libraries import LIBRARIES
from .timing import merge
from .workloads import ROOT, Workload, build, select

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Mode:
    """How long and how often to measure."""

    min_time: float
    """Seconds one batch of calls lasts at least."""
    repeats: int
    """Batches per worker process."""
    rounds: int
    """Passes over every workload and library; each library's batches are spread over
    the rounds, so that a noisy moment on the machine does not fall on one library only."""
    startup_runs: int
    memory_bytes: int
    """About how many payload bytes are decoded and kept for the memory figure."""


# Short batches, many of them: on a busy machine a short batch has a fair chance
# to run undisturbed, and the table shows the least disturbed one.
MODES = {"full": Mode(0.01, 10, 3, 15, 2_000_000), "quick": Mode(0.002, 2, 1, 2, 50_000)}


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Decode, decode + read every field, and encode the Realtime API response "
        "resource with respmodel and its peers, side by side; print ratios to orjson, save "
        "the results as JSON, compare with a saved run.",
        epilog=f"libraries: {', '.join(LIBRARIES)}. A library that is not installed is "
        "skipped with a note. Run from the repository root.",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run in seconds: short batches, 2 repeats (figures are rough)",
    )
    p.add_argument(
        "--only",
        metavar="LIB,...",
        help="run only these libraries (orjson, the floor of every ratio, is always added)",
    )
    p.add_argument(
        "--workload",
        metavar="NAME,...",
        help="run only these workloads; a prefix "
        "selects every match (e.g. 'large'). Names: done, created, large10, "
        "large100, large1000, session, camel",
    )
    p.add_argument(
        "--stat",
        choices=("min", "median"),
        default="min",
        help="which of the repeated batches the tables show (default: min)",
    )
    p.add_argument(
        "--no-startup",
        action="store_true",
        help="skip the import and first-decode timings (fresh interpreters)",
    )
    p.add_argument(
        "--compare",
        metavar="FILE",
        type=Path,
        help="also print new/old time ratios against this saved result",
    )
    p.add_argument(
        "--save-baseline",
        action="store_true",
        help="also write benchmarks/results/baseline-py<version>.json",
    )
    p.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="save the results here instead of benchmarks/results/<time>-py<version>.json",
    )
    p.add_argument("--no-save", action="store_true", help="do not save the results")
    return p.parse_args(argv)


def _libraries(spec: str | None) -> list[str]:
    if not spec:
        return list(LIBRARIES)
    wanted = {s.strip() for s in spec.split(",") if s.strip()}
    unknown = wanted - set(LIBRARIES)
    if unknown:
        raise SystemExit(
            f"unknown library: {', '.join(sorted(unknown))}; known: {', '.join(LIBRARIES)}"
        )
    wanted.add(report.FLOOR)
    return [lib for lib in LIBRARIES if lib in wanted]


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def _meta(mode: str) -> dict[str, Any]:
    m = MODES[mode]
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = bool(_git("status", "--porcelain", "--", "respmodel"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "python_version": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "load": round(load, 2),
        "respmodel": commit + (" + local changes" if dirty else ""),
        "mode": mode,
        "min_time": m.min_time,
        "repeats": m.repeats * m.rounds,
        "rounds": m.rounds,
    }


def _run_worker(lib: str, w: Workload, path: Path, m: Mode, memory: bool) -> dict[str, Any]:
    copies = max(1, min(200, m.memory_bytes // max(1, w.total_bytes))) if memory else 0
    cmd = [sys.executable, "-m", "benchmarks.worker", lib, str(path), "--min-time",
           str(m.min_time), "--repeats", str(m.repeats), "--copies", str(copies)]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"library": lib, "workload": w.name, "skipped": f"{lib}: worker failed: {last}"}
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def _merge_round(first: dict[str, Any], later: dict[str, Any]) -> None:
    """Fold a later round's timings into the first round's result."""
    if "skipped" in first or "skipped" in later:
        return
    for op, timing in later["ops"].items():
        first["ops"][op] = merge(first["ops"][op], timing)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement the arguments ask for, as the JSON document that gets saved."""
    mode = "quick" if args.quick else "full"
    m = MODES[mode]
    libs = _libraries(args.only)
    try:
        names = select(args.workload)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    stat = "best" if args.stat == "min" else "median"
    doc: dict[str, Any] = {"meta": _meta(mode), "stat": stat, "workloads": {}, "results": []}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="respmodel-bench-") as tmp:
        workloads = []
        for w in build(names):
            w.dump(Path(tmp) / f"{w.name}.json")
            workloads.append(w)
            doc["workloads"][w.name] = {"title": w.title, "payloads": len(w.payloads),
                                        "bytes": w.total_bytes, "items": w.items, "note": w.note}  # fmt: skip
        results: dict[tuple[str, str], dict[str, Any]] = {}
        for rnd in range(m.rounds):
            for w in workloads:
                for lib in libs if w.payloads else ():
                    t0 = time.perf_counter()
                    got = _run_worker(lib, w, Path(tmp) / f"{w.name}.json", m, memory=rnd == 0)
                    if rnd == 0:
                        results[(w.name, lib)] = got
                    else:
                        _merge_round(results[(w.name, lib)], got)
                    status = "skipped" if "skipped" in got else f"{time.perf_counter() - t0:.1f}s"
                    print(f"  round {rnd + 1}/{m.rounds}  {w.name:<10} {lib:<10} {status}",
                          file=sys.stderr, flush=True)  # fmt: skip
        doc["results"] = list(results.values())
        if not args.no_startup:
            done = next(build(["done"]))
            largest = max(done.payloads, key=lambda p: len(p.data))
            payload = Path(tmp) / "startup.json"
            payload.write_bytes(largest.data)
            print("  startup ...", file=sys.stderr, flush=True)
            doc["startup"] = startup.measure(libs, payload, ROOT, m.startup_runs)
    doc["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    doc["meta"]["load_after"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    return doc


def _save(doc: dict[str, Any], args: argparse.Namespace) -> list[Path]:
    version = doc["meta"]["python_version"]
    paths = []
    if not args.no_save:
        stamp = doc["meta"]["timestamp"].replace(":", "").replace("-", "")
        paths.append(args.out or RESULTS / f"{stamp}-py{version}.json")
    if args.save_baseline:
        paths.append(RESULTS / f"baseline-py{version}.json")
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    old = None
    if args.compare:
        try:
            old = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"--compare: cannot read {args.compare}: {exc}") from None
    doc = run(args)
    print(report.render(doc, doc["stat"]))
    if old is not None:
        print(report.compare(doc, old, doc["stat"]))
    for path in _save(doc, args):
        print(f"saved {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
