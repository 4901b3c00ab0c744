"""The printed report: tables by workload, growth, startup, the issue's targets, comparisons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["compare", "render"]

FLOOR = "orjson"
OPS = ("decode", "analytics", "voice", "read", "encode", "evolve_encode", "encode_built")

# Targets from the Throughput issue: (label, peer, op, minimum peer/respmodel speed-up).
_DECODE_TARGETS = (("pydantic", None), ("cattrs", 2.0), ("openai", 6.0))
_PYDANTIC_DECODE = {"3.11": 1.0, "3.13": 1.1}
_ENCODE_MAX_VS_ORJSON = 3.0
_IMPORT_MAX_VS_CATTRS = 1.35
_FIRST_DECODE_MAX_MS = 30.0


def _index(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["workload"], r["library"]): r for r in doc["results"]}


def _us(r: dict[str, Any] | None, op: str, stat: str) -> float | None:
    if r is None or op not in r.get("ops", {}):
        return None
    return float(r["ops"][op][stat]) * 1e6


def _fmt(value: float | None, width: int, digits: int = 2) -> str:
    return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _header(doc: dict[str, Any]) -> Iterator[str]:
    m = doc["meta"]
    stat = "min" if doc["stat"] == "best" else "median"
    yield (f"respmodel benchmarks: {m['python']} on {m['platform']}, {m['cpus']} CPUs "
           f"(load {m['load']} before, {m.get('load_after')} after); {m['mode']} mode, "
           f"{m.get('seconds')} s")  # fmt: skip
    yield (f"respmodel {m['respmodel']}; time per response: {stat} of {m['repeats']} batches "
           f"of >= {m['min_time'] * 1e3:g} ms, over {m.get('rounds', 1)} round(s); GC on; "
           "each library in its own processes")  # fmt: skip
    yield (
        "x columns: time / the same operation by orjson (decode, read: orjson.loads into "
        "dicts and a walk of them; encode: orjson.dumps of those dicts)"
    )
    busy = max(m["load"], m.get("load_after") or 0.0)
    if m["cpus"] and busy > m["cpus"] / 2:
        yield (f"WARNING: the machine was busy (load {busy} on {m['cpus']} CPUs): "
               "figures are noisy; compare ratios within one run only")  # fmt: skip
    yield ""


_COLS = (
    f"{'library':<11}{'version':>9} {'decode us':>10}{'MB/s':>8}{'x':>7} "
    f"{'read-all us':>12}{'x':>7} {'encode us':>10}{'x':>7} {'KB kept':>8}{'KB read':>8}"
    f"  {'round trip'}"
)


def _workload_table(doc: dict[str, Any], name: str, stat: str) -> Iterator[str]:
    rows = [r for r in doc["results"] if r["workload"] == name]
    w = doc["workloads"][name]
    yield f"{w['title']}"
    if w["payloads"]:
        yield (
            f"  {w['payloads']} payload(s), {w['bytes'] / 1024:.1f} KB in all, "
            f"{w['bytes'] / w['payloads']:.0f} B each on average"
        )
    floor = _index(doc).get((name, FLOOR))
    yield "  " + _COLS
    skipped: list[str] = []
    notes: list[str] = []
    for r in rows:
        if "skipped" in r:
            skipped.append(r["skipped"])
            continue
        dec, read, enc = (_us(r, op, stat) for op in ("decode", "read", "encode"))
        mbs = w["bytes"] / w["payloads"] / dec if dec else None
        mem = r.get("memory", {})
        kept = mem.get("retained")
        after = mem.get("after_read")
        yield (
            "  " + f"{r['library']:<11}{str(r.get('version', ''))[:9]:>9} "
            f"{_fmt(dec, 10)}{_fmt(mbs, 8, 1)}{_fmt(_ratio(dec, _us(floor, 'decode', stat)), 7)} "
            f"{_fmt(read, 12)}{_fmt(_ratio(read, _us(floor, 'read', stat)), 7)} "
            f"{_fmt(enc, 10)}{_fmt(_ratio(enc, _us(floor, 'encode', stat)), 7)} "
            f"{_fmt(kept / 1024 if kept is not None else None, 8, 1)}"
            f"{_fmt(after / 1024 if after is not None else None, 8, 1)}  {r.get('fidelity', '')}"
        )
        built = _us(r, "encode_built", stat)
        if built is not None:
            yield (
                "  " + f"{'  rebuilt':<11}{'':>9} {'':>10}{'':>8}{'':>7} {'':>12}{'':>7} "
                f"{_fmt(built, 10)}{_fmt(_ratio(built, _us(floor, 'encode', stat)), 7)}"
                "   (encode of an equal object made by attrs.evolve: no retained JSON)"
            )
        notes.extend(f"{r['library']}: {n}" for n in r.get("notes", []))
    if not rows or all("skipped" in r for r in rows):
        yield "  (nothing ran)"
    for s in skipped:
        yield f"  skipped: {s}"
    if w.get("note"):
        yield f"  note: {w['note']}"
    for n in dict.fromkeys(notes):
        yield f"  note: {n}"
    yield ""


_PATTERNS = (
    ("decode", "decode", "loads only"),
    ("analytics", "decode", "loads + status, total and cached tokens"),
    ("voice", "decode", "loads + each item's type, each part's transcript/text"),
    ("read", "decode", "loads + read every field"),
    ("encode", "encode", "dumps of a decoded object"),
    ("evolve_encode", "encode", "evolve(status=...) + dumps"),
)


def _patterns(doc: dict[str, Any], name: str, stat: str) -> Iterator[str]:
    """Decode *and read*: each pattern's time as a multiple of orjson.loads (or orjson.dumps)."""
    rows = [r for r in doc["results"] if r["workload"] == name and "skipped" not in r]
    floor = _index(doc).get((name, FLOOR))
    if not rows or floor is None or not any("analytics" in r.get("ops", {}) for r in rows):
        return
    yield (
        f"Read patterns, workload {name}: time / orjson.loads "
        "(the two encode rows: time / orjson.dumps)"
    )
    yield f"  {'pattern':<56}" + "".join(f"{r['library']:>10}" for r in rows)
    for op, base_op, label in _PATTERNS:
        base = _us(floor, base_op, stat)
        yield f"  {label:<56}" + "".join(_fmt(_ratio(_us(r, op, stat), base), 10) for r in rows)
    yield ""


def _growth(doc: dict[str, Any], stat: str) -> Iterator[str]:
    sizes = [(n, w["items"]) for n, w in doc["workloads"].items() if w.get("items")]
    if len(sizes) < 2:
        return
    index = _index(doc)
    libs = list(dict.fromkeys(r["library"] for r in doc["results"]))
    yield "Growth: us per output item of the large responses (flat = linear)"
    head = "".join(f"{f'{items} items':>12}" for _, items in sizes)
    yield f"  {'library':<11}{'op':<8}{head}{'last/first':>12}"
    for lib in libs:
        for op in ("decode", "read"):
            per_item = [_ratio(_us(index.get((n, lib)), op, stat), items) for n, items in sizes]
            if all(v is None for v in per_item):
                continue
            trend = _ratio(per_item[-1], per_item[0])
            yield (
                f"  {lib:<11}{op:<8}" + "".join(_fmt(v, 12, 3) for v in per_item) + _fmt(trend, 12)
            )
    yield ""


def _startup(doc: dict[str, Any]) -> Iterator[str]:
    s = doc.get("startup")
    if not s:
        return
    libs = s["libraries"]
    base = libs.get("cattrs", {}).get("import_ms")
    yield (
        f"Startup: medians of {s['runs']} fresh interpreters (ms); the cattrs row imports "
        "cattrs.preconf.orjson"
    )
    yield f"  {'library':<11}{'import':>10}{'x cattrs':>10}{'first decode':>14}{'first read':>12}"
    for lib, v in libs.items():
        if "skipped" in v:
            yield f"  {lib:<11}  skipped: {v['skipped']}"
            continue
        yield (
            f"  {lib:<11}{_fmt(v['import_ms'], 10, 1)}{_fmt(_ratio(v['import_ms'], base), 10)}"
            f"{_fmt(v['first_decode_ms'], 14, 2)}{_fmt(v['first_read_ms'], 12, 2)}"
        )
    yield (
        "  first decode: the first decode of the largest payload of (a), models and generated "
        "code included; first read: then reading every field"
    )
    yield ""


def _check(label: str, value: float | None, ok: bool | None, goal: str) -> str:
    verdict = "n/a" if ok is None else ("ok" if ok else "MISSED")
    return f"  {label:<56}{_fmt(value, 8)}  {goal:<20}{verdict}"


def targets(doc: dict[str, Any], stat: str) -> Iterator[str]:
    """The Throughput issue's targets, checked against this run."""
    index = _index(doc)
    rm = index.get(("done", "respmodel"))
    if rm is None or "skipped" in rm:
        return
    minor = ".".join(doc["meta"]["python_version"].split(".")[:2])
    yield "Targets (Throughput issue), workload (a), default lenient mode"
    dec = _us(rm, "decode", stat)
    for peer, need in _DECODE_TARGETS:
        need = _PYDANTIC_DECODE.get(minor, 1.0) if need is None else need
        ratio = _ratio(_us(index.get(("done", peer)), "decode", stat), dec)
        yield _check(
            f"decode: {peer} time / respmodel time",
            ratio,
            None if ratio is None else ratio >= need,
            f">= {need:g}",
        )
    read_ratio = _ratio(_us(index.get(("done", "pydantic")), "read", stat), _us(rm, "read", stat))
    yield _check("decode+read all: pydantic time / respmodel time", read_ratio, None, "(no target)")
    floor = index.get(("done", FLOOR))
    yield _check(
        "decode: respmodel / orjson.loads",
        _ratio(dec, _us(floor, "decode", stat)),
        None,
        "(keep pushing down)",
    )
    for op, what in (("encode", "decoded object"), ("encode_built", "rebuilt object")):
        enc = _us(rm, op, stat)
        vs_floor = _ratio(enc, _us(floor, "encode", stat))
        yield _check(
            f"encode ({what}): respmodel / orjson.dumps",
            vs_floor,
            None if vs_floor is None else vs_floor <= _ENCODE_MAX_VS_ORJSON,
            f"<= {_ENCODE_MAX_VS_ORJSON:g}",
        )
        vs_pyd = _ratio(_us(index.get(("done", "pydantic")), "encode", stat), enc)
        yield _check(
            f"encode ({what}): pydantic time / respmodel time",
            vs_pyd,
            None if vs_pyd is None else vs_pyd > 1.0,
            "> 1",
        )
    yield from _read_targets(index, minor, stat)
    libs = (doc.get("startup") or {}).get("libraries", {})
    r_imp = libs.get("respmodel", {}).get("import_ms")
    c_imp = libs.get("cattrs", {}).get("import_ms")
    imp = _ratio(r_imp, c_imp)
    yield _check(
        "import respmodel / import cattrs.preconf.orjson",
        imp,
        None if imp is None else imp <= _IMPORT_MAX_VS_CATTRS,
        f"<= {_IMPORT_MAX_VS_CATTRS:g}",
    )
    first = libs.get("respmodel", {}).get("first_decode_ms")
    yield _check(
        "first decode (ms)",
        first,
        None if first is None else first <= _FIRST_DECODE_MAX_MS,
        f"<= {_FIRST_DECODE_MAX_MS:g}",
    )
    first_read = libs.get("respmodel", {}).get("first_read_ms")
    both = None if first is None or first_read is None else first + first_read
    yield _check(
        "first decode + first read (ms)",
        both,
        None if both is None else both <= _FIRST_DECODE_MAX_MS,
        f"<= {_FIRST_DECODE_MAX_MS:g}",
    )
    for op in ("decode", "read"):
        small, large = index.get(("large100", "respmodel")), index.get(("large1000", "respmodel"))
        growth = _ratio(_us(large, op, stat), _us(small, op, stat))
        yield _check(
            f"{op}: time for 1000 items / for 100 items",
            growth,
            None if growth is None else growth <= 12.0,
            "<= 12 (linear: 10)",
        )
    yield ""


# Targets from the eager-decoding issue: decode and read, as multiples of orjson.
_READ_MAX_VS_ORJSON = {"3.11": 3.3, "3.13": 3.0}
_READ_MIN_VS_PYDANTIC = 1.25
_READ_ALL_MAX_VS_ORJSON = 6.5
_LOADS_MAX_VS_ORJSON = 3.3
_DUMPS_MAX_VS_ORJSON = 2.0
_EVOLVE_MAX_VS_ORJSON = 6.0
_KEPT_MAX_KB = 4.0


def _read_targets(index: dict[tuple[str, str], Any], minor: str, stat: str) -> Iterator[str]:
    rm, floor, pyd = (index.get(("done", lib)) for lib in ("respmodel", FLOOR, "pydantic"))
    loads, dumps = _us(floor, "decode", stat), _us(floor, "encode", stat)
    limit = _READ_MAX_VS_ORJSON.get(minor, 3.3)
    for op in ("analytics", "voice"):
        ratio = _ratio(_us(rm, op, stat), loads)
        yield _check(
            f"{op}: respmodel / orjson.loads", ratio, None if ratio is None else ratio <= limit,
            f"<= {limit:g}",
        )  # fmt: skip
        faster = _ratio(_us(pyd, op, stat), _us(rm, op, stat))
        yield _check(
            f"{op}: pydantic time / respmodel time", faster,
            None if faster is None else faster >= _READ_MIN_VS_PYDANTIC,
            f">= {_READ_MIN_VS_PYDANTIC:g}",
        )  # fmt: skip
    for op, base, most, label in (
        ("read", loads, _READ_ALL_MAX_VS_ORJSON, "read every field: respmodel / orjson.loads"),
        ("decode", loads, _LOADS_MAX_VS_ORJSON, "loads only: respmodel / orjson.loads"),
        ("encode", dumps, _DUMPS_MAX_VS_ORJSON, "dumps (decoded object): respmodel / orjson.dumps"),
        ("evolve_encode", dumps, _EVOLVE_MAX_VS_ORJSON, "evolve + dumps: respmodel / orjson.dumps"),
    ):
        ratio = _ratio(_us(rm, op, stat), base)
        yield _check(label, ratio, None if ratio is None else ratio <= most, f"<= {most:g}")
    mem = (rm or {}).get("memory", {})
    kept = max(mem.get("retained", 0.0), mem.get("after_read", 0.0)) / 1024 if mem else None
    yield _check(
        "memory kept per decoded response, read or not (KB)", kept,
        None if kept is None else kept <= _KEPT_MAX_KB, f"<= {_KEPT_MAX_KB:g}",
    )  # fmt: skip


def render(doc: dict[str, Any], stat: str = "best") -> str:
    """The whole report as text."""
    lines = list(_header(doc))
    for name in doc["workloads"]:
        lines.extend(_workload_table(doc, name, stat))
        lines.extend(_patterns(doc, name, stat))
    lines.extend(_growth(doc, stat))
    lines.extend(_startup(doc))
    lines.extend(targets(doc, stat))
    return "\n".join(lines)


def compare(new: dict[str, Any], old: dict[str, Any], stat: str = "best") -> str:
    """Times of this run against a saved one: ratio new / old (below 1 is faster)."""
    old_index = _index(old)
    lines = [
        f"Compared with {old['meta']['timestamp']} ({old['meta']['python']}, "
        f"respmodel {old['meta']['respmodel']}): new / old time, below 1.00 is faster",
        f"  {'workload':<11}{'library':<11}" + "".join(f"{op:>14}" for op in OPS),
    ]
    for r in new["results"]:
        before = old_index.get((r["workload"], r["library"]))
        if "skipped" in r or before is None or "skipped" in before:
            continue
        cells = [_ratio(_us(r, op, stat), _us(before, op, stat)) for op in OPS]
        if all(c is None for c in cells):
            continue
        lines.append(
            f"  {r['workload']:<11}{r['library']:<11}" + "".join(_fmt(c, 14) for c in cells)
        )
    new_libs = (new.get("startup") or {}).get("libraries", {})
    old_libs = (old.get("startup") or {}).get("libraries", {})
    for lib, v in new_libs.items():
        before = old_libs.get(lib, {})
        if "import_ms" in v and "import_ms" in before:
            lines.append(
                f"  {'startup':<11}{lib:<11}  import {v['import_ms'] / before['import_ms']:.2f}"
                f"  first decode {_ratio(v['first_decode_ms'], before['first_decode_ms']) or 0:.2f}"
            )
    return "\n".join(lines)
