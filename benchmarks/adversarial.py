"""Adversarial inputs: every public call, timed in seconds per MB of input.

Generates inputs built to be slow (huge arrays of objects, deep nests inside
huge arrays, many unknown keys, long strings, huge numbers of nulls, a
top level that is not an object, bad input with many problems), times every
public call on each (``loads``, ``loads_event``, ``structure``, ``iter_events``,
``dumps`` in both key styles, ``repr``, ``==``, ``hash``, ``pickle``,
``copy.deepcopy``, ``attrs.evolve``, and the ``respmodel decode``,
``validate`` and ``convert`` commands on a file holding it), and prints the
figures in s/MB, marking those above the budget of 0.5 s/MB.  From the
repository root::

    python -m benchmarks.adversarial            # inputs of about 5 MB each
    python -m benchmarks.adversarial --quick    # about 0.2 MB each (rough figures)
    python -m benchmarks.adversarial --only deep,nulls --json out.json

Each figure is the best of ``--repeat`` runs of one call.  Small inputs make
rough figures (a fixed cost per call weighs more), so judge the budget on the
full run.  Exit status 1 when a call raised something other than respmodel's
own errors (a bug), else 0: exceeding the budget is reported, not failed.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import gc
import io
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs
import orjson

import respmodel
from respmodel._cli import main as cli_main

BUDGET = 0.5
"""Seconds per MB of input that no public call may exceed."""

DEPTH = 1000
"""Levels of the deep nests: near orjson's 1024-level limit, below the levels around them."""


@dataclass
class Case:
    """One adversarial input: a single JSON document (one line of a session file)."""

    name: str
    about: str
    data: bytes
    event: bool = False
    """A server event (decoded by ``loads_event``) rather than a bare response."""
    strict_too: bool = True
    """Also time strict decoding."""


def _message(i: int, extra: str = "") -> str:
    return (
        f'{{"id":"item_{i}","object":"realtime.item","type":"message","status":"completed",'
        f'"role":"assistant","content":[{{"type":"output_text","text":"part {i}"}}]{extra}}}'
    )


def _response(output: str, extra: str = "") -> str:
    return (
        '{"object":"realtime.response","id":"resp_adv","status":"completed",'
        f'"output":[{output}],"usage":{{"total_tokens":3,"input_tokens":1,"output_tokens":2}}'
        f"{extra}}}"
    )


def _event(response: str) -> bytes:
    return f'{{"type":"response.done","event_id":"ev_adv","response":{response}}}'.encode()


def _deep(depth: int) -> str:
    """Arrays and objects, alternating, ``depth`` levels deep, around a 1."""
    head = "".join('{"a":' if i % 2 else "[" for i in range(depth))
    tail = "".join("}" if i % 2 else "]" for i in reversed(range(depth)))
    return head + "1" + tail


def _fill(size: int, unit: str, sep: str = ",") -> str:
    """Copies of ``unit`` joined by ``sep``, about ``size`` bytes in all."""
    return sep.join([unit] * max(1, size // (len(unit) + len(sep))))


def cases(size: int) -> list[Case]:
    """The inputs, each about ``size`` bytes."""
    n_items = max(1, size // len(_message(0)))
    items = ",".join(_message(i) for i in range(n_items))
    # A deep nest in each of a few items of a huge array: 4 levels are taken
    # by the event, the response, ``output`` and the item.
    nest = _deep(DEPTH)
    n_deep = max(1, size // 8 // len(nest))
    deep_items = ",".join(
        _message(i, f',"x_deep":{nest}' if i < n_deep else "")
        for i in range(max(n_deep, (size - n_deep * len(nest)) // len(_message(0))))
    )
    bad_items = ",".join(
        _message(i).replace('"status":"completed"', '"status":5').replace('"role"', '"role":7,"r"')
        for i in range(n_items)
    )
    n_keys = max(1, size // len('"x_unknown_000000":1,'))
    keys = ",".join(f'"x_unknown_{i:06d}":{i}' for i in range(n_keys))
    long = "a" * size
    return [
        Case("array", "a response with a huge output array of messages", _response(items).encode()),
        Case(
            "deep",
            f"response.done: a huge output array, {n_deep} items with a {DEPTH}-level nest",
            _event(_response(deep_items)),
            event=True,
        ),
        Case(
            "deeparray",
            f"a response whose unknown key holds an array of {DEPTH - 3}-level nests",
            _response("", f',"x_nests":[{_fill(size, _deep(DEPTH - 3))}]').encode(),
        ),
        Case(
            "mutated",
            "a huge output array whose items have wrong-typed known fields",
            _response(bad_items).encode(),
        ),
        Case(
            "unknownkeys",
            f"a response with {n_keys:,} unknown keys",
            _response("", "," + keys).encode(),
        ),
        Case(
            "longstring",
            "response.done: a message whose text is one long string",
            _event(
                _response(
                    _message(0).replace('"part 0"', json.dumps(long)),
                    f',"x_long":{json.dumps(long)}',
                )
            ),
            event=True,
        ),
        Case(
            "nulls",
            "a response whose unknown key holds a huge array of nulls",
            _response("", f',"x_nulls":[{_fill(size, "null")}]').encode(),
        ),
        Case(
            "generic",
            "an event type respmodel does not model, with a huge array of objects",
            f'{{"type":"x.unknown","event_id":"e","items":[{_fill(size, _message(0))}]}}'.encode(),
            event=True,
        ),
        Case(
            "toplevel",
            "a huge array at the top level, not an object",
            f"[{_fill(size, _message(0))}]".encode(),
        ),
        Case(
            "problems",
            "an output array of integers: one problem per element",
            _response(_fill(size, "1")).encode(),
        ),
    ]


# ------------------------------------------------------------------------- timing


@dataclass
class Result:
    case: str
    call: str
    seconds: float
    mb: float
    outcome: str
    """``ok``, the respmodel error raised (its class name), or ``BUG: ...``."""
    notes: list[str] = field(default_factory=list)

    @property
    def per_mb(self) -> float:
        return self.seconds / self.mb


def _best(repeat: int, call: Callable[[], Any]) -> tuple[float, str, Any]:
    best, outcome, value = float("inf"), "ok", None
    for _ in range(repeat):
        value = None  # the previous result is garbage before the next run starts
        gc.collect()
        started = time.perf_counter()
        try:
            value = call()
        except respmodel.RespmodelError as exc:
            outcome, value = type(exc).__name__, exc
        except Exception as exc:  # a bug: reported, the run goes on
            outcome, value = f"BUG: {type(exc).__name__}: {str(exc)[:80]}", None
        best = min(best, time.perf_counter() - started)
        if outcome.startswith("BUG"):
            break
    return best, outcome, value


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Standard output and error swallowed (the commands print summaries and problems)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        yield


def _cli(argv: list[str]) -> int:
    with _quiet():
        return cli_main(argv)


def _object_calls(obj: Any, twin: Any) -> dict[str, Callable[[], Any]]:
    """The calls on a decoded object (``twin``: the same input decoded again)."""
    calls: dict[str, Callable[[], Any]] = {
        "dumps": lambda: respmodel.dumps(obj),
        "dumps camel": lambda: respmodel.dumps(obj, case="camel"),
        "repr": lambda: repr(obj),
        "==": lambda: obj == twin,
        "hash": lambda: hash(obj),
        "pickle": lambda: pickle.loads(pickle.dumps(obj)),
        "deepcopy": lambda: copy.deepcopy(obj),
        "copy": lambda: copy.copy(obj),
    }
    if attrs.has(type(obj)):
        calls["evolve"] = lambda: attrs.evolve(obj)
    return calls


def run_case(case: Case, repeat: int, tmp: Path) -> list[Result]:
    mb = len(case.data) / 1e6
    out: list[Result] = []

    def timed(call: str, fn: Callable[[], Any]) -> Any:
        seconds, outcome, value = _best(repeat, fn)
        out.append(Result(case.name, call, seconds, mb, outcome))
        return value if outcome == "ok" else None

    decode = respmodel.loads_event if case.event else respmodel.loads
    label = "loads_event" if case.event else "loads"
    obj = timed(label, lambda: decode(case.data))
    if case.strict_too:
        timed(f"{label} strict", lambda: decode(case.data, strict=True))
    if not case.event:
        parsed = orjson.loads(case.data)
        timed("structure", lambda: respmodel.structure(parsed))
    timed("iter_events", lambda: list(respmodel.iter_events([case.data])))
    if obj is not None:
        for call, fn in _object_calls(obj, decode(case.data)).items():
            timed(call, fn)
    path = tmp / f"{case.name}.jsonl"
    path.write_bytes(case.data + b"\n")
    timed("cli decode", lambda: _cli(["decode", str(path), "--json"]))
    timed("cli validate", lambda: _cli(["validate", str(path)]))
    timed("cli convert", lambda: _cli(["convert", "--to", "camel", str(path), str(tmp / "out")]))
    return out


def report(results: list[Result]) -> str:
    lines = [f"{'case':<12} {'call':<18} {'MB':>6} {'seconds':>9} {'s/MB':>8}  outcome"]
    for r in results:
        flag = "  OVER BUDGET" if r.per_mb > BUDGET else ""
        lines.append(
            f"{r.case:<12} {r.call:<18} {r.mb:6.2f} {r.seconds:9.4f} {r.per_mb:8.4f}  "
            f"{r.outcome}{flag}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.adversarial", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="small inputs, one run each")
    parser.add_argument("--mb", type=float, default=5.0, help="size of each input (default 5)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each call (best kept)")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="time with the cyclic garbage collector off: respmodel's own work, without the "
        "full collections that allocating many containers triggers (their cost grows with "
        "everything the process holds, not with the input)",
    )
    args = parser.parse_args(argv)
    if args.no_gc:
        gc.disable()
    size = int((0.2 if args.quick else args.mb) * 1e6)
    repeat = 1 if args.quick else args.repeat
    selected = cases(size)
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - {c.name for c in selected}
        if unknown:
            parser.error(f"unknown case {sorted(unknown)}; known: {[c.name for c in selected]}")
        selected = [c for c in selected if c.name in wanted]
    load = Path("/proc/loadavg")
    print(
        f"Python {sys.version.split()[0]}, respmodel {respmodel.__version__}, "
        f"load average {load.read_text().split()[0] if load.exists() else '?'}; "
        f"budget {BUDGET} s/MB" + ("; garbage collector off" if args.no_gc else "")
    )
    for c in selected:
        print(f"  {c.name:<12} {len(c.data) / 1e6:6.2f} MB  {c.about}")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="respmodel-adversarial-") as tmp:
        for c in selected:
            results.extend(run_case(c, repeat, Path(tmp)))
    print(report(results))
    over = [r for r in results if r.per_mb > BUDGET]
    bugs = [r for r in results if r.outcome.startswith("BUG")]
    print(f"{len(results)} calls, {len(over)} over budget, {len(bugs)} bugs")
    if args.json:
        doc = {
            "python": sys.version.split()[0],
            "loadavg": os.getloadavg()[0],
            "gc": not args.no_gc,
            "results": [{**attrs_dict(r), "per_mb": r.per_mb} for r in results],
        }
        Path(args.json).write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return 1 if bugs else 0


def attrs_dict(r: Result) -> dict[str, Any]:
    return {"case": r.case, "call": r.call, "seconds": r.seconds, "mb": r.mb, "outcome": r.outcome}


if __name__ == "__main__":
    raise SystemExit(main())
