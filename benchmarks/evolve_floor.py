"""What ``attrs.evolve`` costs before respmodel runs: the floor of the evolve + dumps pattern.

``attrs.evolve(obj, **changes)`` walks the class's fields in Python, reading
each value the caller did not change, and then calls the class with every
value as a keyword argument.  That walk is attrs' own code; only the call
that follows runs respmodel's generated ``__init__``.  This script times the
walk on a plain frozen, slotted attrs class with as many fields as
``Response``, next to that class's attrs-written ``__init__``, respmodel's own
``Response`` construction, and ``orjson.dumps`` of workload (a), and prints
each as a multiple of ``orjson.dumps``::

    python -m benchmarks.evolve_floor [--quick] [--json FILE]

No figure is asserted anywhere: the smoke test only checks that every figure
is there.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import timeit
from pathlib import Path
from typing import Any

import attrs
import orjson

import respmodel
from benchmarks.workloads import WORKLOADS


def _best(stmt: Any, number: int, repeat: int) -> float:
    """Microseconds per call: the best of ``repeat`` batches of ``number`` calls."""
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e6


def measure(quick: bool = False) -> dict[str, Any]:
    """The figures, in microseconds per call, and as multiples of ``orjson.dumps``."""
    number, repeat = (200, 3) if quick else (20_000, 7)
    fields = [a.name for a in attrs.fields(respmodel.Response) if a.init]
    plain_cls = attrs.make_class(
        "Plain", {name: attrs.field(default=None) for name in fields}, frozen=True, slots=True
    )
    plain = plain_cls()
    every = dict.fromkeys(fields)

    payloads = [p.data for p in WORKLOADS["done"]().payloads]
    parsed = [orjson.loads(p) for p in payloads]
    responses = [respmodel.loads(p) for p in payloads]
    arguments = [
        {a.alias: getattr(r, a.name) for a in attrs.fields(respmodel.Response) if a.init}
        for r in responses
    ]
    n = len(payloads)

    def dumps_all() -> None:
        for p in parsed:
            orjson.dumps(p)

    def build_all() -> None:
        for kw in arguments:
            respmodel.Response(**kw)

    def evolve_all() -> None:
        for r in responses:
            attrs.evolve(r, status="completed")

    us = {
        "orjson.dumps (a)": _best(dumps_all, max(1, number // n), repeat) / n,
        "attrs.evolve, plain class": _best(lambda: attrs.evolve(plain, id="x"), number, repeat),
        "__init__, plain class": _best(lambda: plain_cls(**every), number, repeat),
        "Response(**values) (a)": _best(build_all, max(1, number // n), repeat) / n,
        "attrs.evolve(Response) (a)": _best(evolve_all, max(1, number // n), repeat) / n,
    }
    us["attrs.evolve's own walk"] = us["attrs.evolve, plain class"] - us["__init__, plain class"]
    base = us["orjson.dumps (a)"]
    return {
        "python": sys.version.split()[0],
        "fields": len(fields),
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "us": us,
        "x orjson.dumps": {k: v / base for k, v in us.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evolve_floor", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few calls each (rough figures)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)
    doc = measure(args.quick)
    print(f"Python {doc['python']}, {doc['fields']} fields, load {doc['load']}")
    for name, value in doc["us"].items():
        print(f"  {name:30s} {value:8.2f} us  {doc['x orjson.dumps'][name]:6.2f}x orjson.dumps")
    if args.json is not None:
        args.json.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
