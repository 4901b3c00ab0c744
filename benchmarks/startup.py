"""Import time and first-decode time, each measured in fresh interpreters.

Every run is a new ``python -c`` process that reads the payload, then times
with ``perf_counter``: the library's import, its first decode (which includes
building the peer's models or generating respmodel's code) and the first read
of every field.  Nothing is imported before the clock starts but what the
interpreter itself loads; the snippet's walker is inlined for the same reason.
Libraries take turns run by run, so a noisy moment hits them all alike; the
figures are medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["SNIPPETS", "Snippet", "measure"]


@dataclass(frozen=True)
class Snippet:
    """What one library runs: its import, its first decode (sets ``obj``), how to list fields."""

    imports: str
    first_decode: str
    fields_of: str = "None"
    """An expression for a function class -> field names, evaluated after the decode."""


_ATTRS_FIELDS = "lambda c: tuple(a.name for a in attrs.fields(c))"

SNIPPETS: dict[str, Snippet] = {
    "orjson": Snippet("import orjson", "obj = orjson.loads(data)"),
    "json": Snippet("import json", "obj = json.loads(data)"),
    "msgspec": Snippet(
        "import msgspec",
        "from benchmarks.peers.msgspec_models import response_type\n"
        "obj = msgspec.json.decode(data, type=response_type())",
        "lambda c: c.__struct_fields__",
    ),
    "pydantic": Snippet(
        "import pydantic",
        "from benchmarks.peers.pydantic_models import response_type\n"
        "obj = response_type().model_validate_json(data)",
        "lambda c: tuple(c.model_fields)",
    ),
    "openai": Snippet(
        "import openai",
        "import json\n"
        "from openai._models import construct_type_unchecked\n"
        "from openai.types.realtime import RealtimeResponse\n"
        "obj = construct_type_unchecked(value=json.loads(data), type_=RealtimeResponse)",
        "lambda c: tuple(c.model_fields)",
    ),
    "cattrs": Snippet(
        "import cattrs.preconf.orjson",
        "import attrs\n"
        "from benchmarks.peers.attrs_models import Response, converter\n"
        "obj = converter().loads(data, Response)",
        _ATTRS_FIELDS,
    ),
    "respmodel": Snippet(
        "import respmodel",
        "obj = respmodel.loads(data)\nimport attrs",
        "lambda c: tuple(a.name for a in attrs.fields(c)"
        " if a.init and a.name not in ('extra', 'json_nulls'))",
    ),
}
"""What each library runs in a fresh interpreter."""

_TEMPLATE = """\
import time
data = open({path!r}, 'rb').read()
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
{first_decode}
t2 = time.perf_counter()
fields_of = {fields_of}
def walk(v):
    if isinstance(v, (str, int, float, type(None))):
        return
    if isinstance(v, (list, tuple)):
        for x in v:
            walk(x)
    elif isinstance(v, dict):
        for x in v.values():
            walk(x)
    else:
        for name in fields_of(type(v)):
            walk(getattr(v, name))
walk(obj)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def _code(lib: str, payload: Path) -> str:
    s = SNIPPETS[lib]
    return _TEMPLATE.format(
        path=str(payload), imports=s.imports, first_decode=s.first_decode, fields_of=s.fields_of
    )


# Bytecode caches must be written and used, as in a user's installation:
# PYTHONDONTWRITEBYTECODE (tox sets it) would time compiling the sources.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _once(lib: str, payload: Path, cwd: Path) -> tuple[float, float, float] | str:
    proc = subprocess.run(
        [sys.executable, "-c", _code(lib, payload)],
        cwd=cwd,
        env=_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        if "ModuleNotFoundError" in last:
            return f"{lib}: not installed ({last.split(': ', 1)[-1]})"
        return f"{lib}: failed: {last}"
    a, b, c = (float(x) for x in proc.stdout.split())
    return a, b, c


def measure(libs: list[str], payload: Path, cwd: Path, runs: int) -> dict[str, Any]:
    """Median milliseconds of import, first decode and first read, per library; or why not."""
    samples: dict[str, list[tuple[float, float, float]]] = {lib: [] for lib in libs}
    failed: dict[str, str] = {}
    for lib in libs:  # one discarded run each: writes bytecode caches, warms the disk cache
        first = _once(lib, payload, cwd)
        if isinstance(first, str):
            failed[lib] = first
    for _ in range(runs):
        for lib in libs:
            if lib in failed:
                continue
            got = _once(lib, payload, cwd)
            if isinstance(got, str):
                failed[lib] = got
            else:
                samples[lib].append(got)
    out: dict[str, Any] = {"runs": runs, "libraries": {}}
    for lib in libs:
        if lib in failed:
            out["libraries"][lib] = {"skipped": failed[lib]}
            continue
        cols = list(zip(*samples[lib], strict=True))
        out["libraries"][lib] = {
            "import_ms": statistics.median(cols[0]) * 1e3,
            "first_decode_ms": statistics.median(cols[1]) * 1e3,
            "first_read_ms": statistics.median(cols[2]) * 1e3,
        }
    return out
