"""The benchmark harness runs end to end in quick mode; no timing is ever asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from benchmarks import libraries, report, worker
from benchmarks.__main__ import main
from benchmarks.workloads import WORKLOADS, select

import respmodel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    """One quick run of respmodel (and the orjson floor) on two small workloads."""
    out = tmp_path_factory.mktemp("bench") / "result.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "respmodel",
         "--workload", "created,camel", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8")), proc.stdout


def _result(doc: dict[str, Any], lib: str, workload: str) -> dict[str, Any]:
    return next(r for r in doc["results"] if r["library"] == lib and r["workload"] == workload)


def test_quick_run_times_every_operation(quick_run: tuple[dict[str, Any], str]) -> None:
    """respmodel gets a figure for decode, each read pattern, encode, evolve + encode, rebuilt."""
    doc, _ = quick_run
    ops = _result(doc, "respmodel", "created")["ops"]
    assert set(ops) == {
        "decode",
        "analytics",
        "voice",
        "read",
        "encode",
        "evolve_encode",
        "encode_built",
    }
    assert all(op["best"] > 0 and op["median"] >= op["best"] for op in ops.values())


def test_quick_run_measures_memory(quick_run: tuple[dict[str, Any], str]) -> None:
    """The retained memory per response is measured before and after reading every field."""
    doc, _ = quick_run
    memory = _result(doc, "respmodel", "camel")["memory"]
    assert memory["retained"] > 0
    assert memory["after_read"] > 0
    assert doc["workloads"]["camel"]["payloads"] > 0


def test_quick_run_checks_the_round_trip(quick_run: tuple[dict[str, Any], str]) -> None:
    """Encoding what respmodel decoded gives back the benchmark payloads byte for byte."""
    doc, _ = quick_run
    assert _result(doc, "respmodel", "created")["fidelity"] == "exact"
    assert _result(doc, "respmodel", "camel")["fidelity"] == "exact"


def test_quick_run_measures_startup(quick_run: tuple[dict[str, Any], str]) -> None:
    """Import and first-decode times are taken for the libraries that ran."""
    startup = quick_run[0]["startup"]["libraries"]
    assert set(startup) == {"orjson", "respmodel"}
    assert startup["respmodel"]["import_ms"] > 0


def test_quick_run_prints_a_table_per_workload(quick_run: tuple[dict[str, Any], str]) -> None:
    """The report has one table per workload run, and the startup table."""
    text = quick_run[1]
    for heading in ("(b) response.created", "(e) response.done in camelCase", "Startup:"):
        assert heading in text


def test_compare_with_itself_gives_ratios_of_one(quick_run: tuple[dict[str, Any], str]) -> None:
    """Comparing a result with itself prints 1.00 for every figure it has."""
    doc, _ = quick_run
    rows = report.compare(doc, doc).splitlines()[2:]
    assert rows
    for row in rows:
        cells = [c for c in row.split()[2:] if c[0].isdigit() or c == "-"]
        assert set(cells) <= {"1.00", "-"}, row


def test_missing_library_is_skipped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """A peer that cannot be imported is reported as not installed, not raised."""

    def not_installed(_: Any) -> libraries.Ops:
        raise ImportError("No module named 'nopeer'", name="nopeer")

    monkeypatch.setitem(libraries.LIBRARIES, "msgspec", not_installed)
    result = worker.run("msgspec", WORKLOADS["created"](), min_time=0.001, repeats=1, copies=1)
    assert result["skipped"] == "msgspec: not installed (nopeer)"
    assert result["ops"] == {}


def test_workload_prefix_selects_every_size() -> None:
    """--workload large selects the three sizes of the large responses, in report order."""
    assert select("large") == ["large10", "large100", "large1000"]


def test_unknown_workload_is_an_error() -> None:
    """An unknown workload name stops the run with the list of known ones."""
    with pytest.raises(ValueError, match="known: done, created"):
        select("nope")


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    """--help prints the usage and exits with status 0."""
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "--compare FILE" in capsys.readouterr().out


@pytest.fixture(scope="module")
def adversarial_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One quick run of the adversarial benchmark (small inputs, every case, every call)."""
    out = tmp_path_factory.mktemp("adversarial") / "result.json"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.adversarial", "--quick", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_adversarial_quick_run_times_every_call(adversarial_run: dict[str, Any]) -> None:
    """Every case gets decode, iteration and command figures; decoded ones every object call."""
    from benchmarks.adversarial import cases

    calls: dict[str, set[str]] = {}
    for r in adversarial_run["results"]:
        calls.setdefault(r["case"], set()).add(r["call"])
        assert r["seconds"] >= 0
        assert r["mb"] > 0
    assert set(calls) == {c.name for c in cases(1000)}
    for case, timed in calls.items():
        assert {"iter_events", "cli decode", "cli validate", "cli convert"} <= timed, case
    assert {"dumps", "dumps camel", "repr", "==", "hash", "pickle", "deepcopy", "evolve"} <= calls[
        "array"
    ]
    assert "structure" in calls["toplevel"]


def test_adversarial_quick_run_meets_no_bug(adversarial_run: dict[str, Any]) -> None:
    """Every call answers with a result or respmodel's own error, never another exception."""
    bugs = [r for r in adversarial_run["results"] if r["outcome"].startswith("BUG")]
    assert bugs == []


def test_adversarial_inputs_are_one_json_document_each() -> None:
    """Each generated input parses as one JSON value of about the size asked for."""
    import orjson
    from benchmarks.adversarial import cases

    for case in cases(20_000):
        orjson.loads(case.data)
        assert 10_000 < len(case.data) < 60_000, case.name


def test_evolve_floor_quick_run_gives_every_figure(tmp_path: Path) -> None:
    """``benchmarks.evolve_floor --quick`` reports each time, and each as a multiple of orjson.dumps."""
    out = tmp_path / "floor.json"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.evolve_floor", "--quick", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["fields"] == len([a for a in attrs.fields(respmodel.Response) if a.init])
    assert set(doc["us"]) == set(doc["x orjson.dumps"])
    assert "attrs.evolve's own walk" in doc["us"]
    assert all(isinstance(v, float) for v in doc["us"].values())
