"""One library on one workload, in a process of its own; prints its results as JSON.

Run by ``python -m benchmarks`` as
``python -m benchmarks.worker LIBRARY WORKLOAD_FILE --min-time S --repeats N --copies N``;
not meant to be run by hand, but harmless to.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from .libraries import DISTRIBUTIONS, LIBRARIES, Ops, Skip
from .timing import retained_bytes, time_calls
from .workloads import Workload, load

__all__ = ["main", "run"]


def _version(lib: str) -> str | None:
    dist = DISTRIBUTIONS.get(lib)
    if dist is None:
        return sys.version.split()[0]
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        module = sys.modules.get(lib)
        return getattr(module, "__version__", None)


def _as_bytes(out: Any) -> bytes:
    return out.encode() if isinstance(out, str) else bytes(out)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _fidelity(payloads: list[bytes], encoded: list[bytes]) -> str:
    """How closely encoding the decoded objects gives back the input."""
    if encoded == payloads:
        return "exact"
    same = all(
        _without_nulls(json.loads(e)) == _without_nulls(json.loads(p))
        for p, e in zip(payloads, encoded, strict=True)
    )
    return "same but nulls" if same else "differs"


def run(lib: str, w: Workload, *, min_time: float, repeats: int, copies: int) -> dict[str, Any]:
    """Every figure of ``lib`` on ``w`` (or why there is none)."""
    result: dict[str, Any] = {"library": lib, "workload": w.name, "ops": {}, "notes": []}
    if not w.payloads:
        result["skipped"] = w.note or "empty workload"
        return result
    try:
        ops: Ops = LIBRARIES[lib](w)
    except ImportError as exc:
        result["skipped"] = f"{lib}: not installed ({exc.name or exc})"
        return result
    except Skip as exc:
        result["skipped"] = str(exc)
        return result
    result["version"] = _version(lib)
    result["notes"].extend(ops.notes)

    datas = [p.data for p in w.payloads]
    decoders = [ops.decoder(p.shape) for p in w.payloads]
    try:
        objects = [decode(data) for decode, data in zip(decoders, datas, strict=True)]
        encoded = [_as_bytes(ops.encode(obj)) for obj in objects]
    except Exception as exc:  # a peer model that does not fit the payloads: say so, go on
        result["skipped"] = f"{lib}: failed on this workload: {type(exc).__name__}: {exc}"
        return result
    result["fidelity"] = _fidelity(datas, encoded)
    result["encoded_bytes"] = sum(map(len, encoded))
    result["values_read"] = sum(ops.read(obj) for obj in objects) / len(objects)

    read = ops.read

    def decode_and_read(decode: Any) -> Any:
        return lambda data: read(decode(data))

    result["ops"]["decode"] = time_calls(
        decoders, datas, min_time=min_time, repeats=repeats
    ).as_dict()
    result["ops"]["read"] = time_calls(
        [decode_and_read(d) for d in decoders], datas, min_time=min_time, repeats=repeats
    ).as_dict()
    for op, pattern in (("analytics", ops.analytics), ("voice", ops.voice)):
        if pattern is not None and w.kind == "response":
            result["ops"][op] = time_calls(
                [(lambda data, d=d, p=pattern: p(d(data))) for d in decoders],
                datas,
                min_time=min_time,
                repeats=repeats,
            ).as_dict()
    encoders = [ops.encode] * len(objects)
    result["ops"]["encode"] = time_calls(
        encoders, objects, min_time=min_time, repeats=repeats
    ).as_dict()
    if ops.evolve is not None and w.kind == "response":
        evolve, encode = ops.evolve, ops.encode
        result["ops"]["evolve_encode"] = time_calls(
            [lambda obj: encode(evolve(obj))] * len(objects),
            objects,
            min_time=min_time,
            repeats=repeats,
        ).as_dict()
    if ops.rebuild is not None:
        built = [ops.rebuild(obj) for obj in objects]
        rebuilt = [json.loads(ops.encode(b)) for b in built]
        if rebuilt != [json.loads(e) for e in encoded]:
            result["notes"].append("rebuilt objects encode to other JSON than decoded ones")
        result["ops"]["encode_built"] = time_calls(
            encoders, built, min_time=min_time, repeats=repeats
        ).as_dict()

    if not copies:
        return result

    def decode_copies() -> list[Any]:
        return [
            decode(data)
            for _ in range(copies)
            for decode, data in zip(decoders, datas, strict=True)
        ]

    def read_all(objs: list[Any]) -> None:
        for obj in objs:
            read(obj)

    kept, kept_read = retained_bytes(decode_copies, read_all)
    result["memory"] = {"retained": kept, "after_read": kept_read, "copies": copies}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.worker", description=__doc__)
    parser.add_argument("library", choices=sorted(LIBRARIES))
    parser.add_argument("workload_file", type=Path)
    parser.add_argument("--min-time", type=float, default=0.05)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--copies", type=int, default=50, help="0: no memory figure")
    args = parser.parse_args(argv)
    w = load(args.workload_file)
    out = run(args.library, w, min_time=args.min_time, repeats=args.repeats, copies=args.copies)
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
