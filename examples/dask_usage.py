"""Usage and cost of a folder of recorded sessions, one Dask task per session file.

Each task runs :func:`respmodel.summarize` on one file (the same code as
``respmodel decode``); Dask adds the per-file totals up.  Run it as a script
(Dask's process workers import this file again, hence the ``__main__`` guard)::

    python examples/dask_usage.py sessions/ [--prices prices.json] [--workers 4] [--json]

The totals equal those of ``respmodel decode sessions/ [--prices prices.json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import dask.bag

import respmodel

USAGE = ("total", "input", "output", "cached", "cached_audio", "input_audio", "output_audio")


def session_files(folder: str) -> list[str]:
    """Every ``*.jsonl`` and ``*.jsonl.gz`` below ``folder``, sorted (as respmodel reads a folder)."""
    root = Path(folder)
    found = (p for p in root.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))
    return sorted(str(p) for p in found if p.is_file())


def file_totals(path: str, prices: str | None) -> dict[str, Any]:
    """One file's totals, as plain numbers (cheap to send between processes)."""
    table = respmodel.load_prices(prices) if prices else None
    doc = respmodel.summarize(path, prices=table).to_json()
    return {
        "files": doc["files"],
        "sessions": doc["sessions"],
        "responses": doc["responses"]["count"],
        "bad_lines": doc["bad_lines"],
        "usage": {k: doc["usage"][k] for k in USAGE},
        "cost_usd": doc["cost"]["usd"] if "cost" in doc else None,
    }


def add(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The totals of two groups of files."""
    cost = None if a["cost_usd"] is None else a["cost_usd"] + b["cost_usd"]
    return {
        **{k: a[k] + b[k] for k in ("files", "sessions", "responses", "bad_lines")},
        "usage": {k: a["usage"][k] + b["usage"][k] for k in USAGE},
        "cost_usd": cost,
    }


def totals(folder: str, prices: str | None = None, workers: int = 2) -> dict[str, Any]:
    """The totals of every session file below ``folder``, computed by Dask's process workers."""
    paths = session_files(folder)
    if not paths:
        raise SystemExit(f"{folder}: no *.jsonl or *.jsonl.gz files")
    bag = dask.bag.from_sequence(paths, npartitions=min(len(paths), workers * 4))
    result = (
        bag.map(file_totals, prices).fold(add).compute(scheduler="processes", num_workers=workers)
    )
    return result  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of recorded sessions")
    parser.add_argument("--prices", help="a price table (JSON or CSV), as for respmodel decode")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)
    result = totals(args.folder, args.prices, args.workers)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        usage = result["usage"]
        print(
            f"{result['files']:,} files, {result['sessions']:,} sessions, "
            f"{result['responses']:,} responses, {usage['total']:,} tokens "
            f"({usage['cached']:,} cached)"
            + (f", ${result['cost_usd']:,.4f}" if result["cost_usd"] is not None else "")
        )
    return 0


if __name__ == "__main__":  # Dask's process workers import this module again
    sys.exit(main())
