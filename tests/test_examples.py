"""The examples under examples/ run as scripts and agree with the respmodel command.

They need their own dependencies (Dask): the ``dask`` tox environment installs them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from .sessions import PRICES, make_folder
from .test_cli import ENV, run

REPO = Path(__file__).resolve().parent.parent
"""The repository (tests/ is in it), wherever respmodel itself is installed."""


def test_dask_example_gives_the_command_totals(tmp_path: Path) -> None:
    """examples/dask_usage.py, run as a script with process workers, totals as respmodel decode."""
    pytest.importorskip("dask.bag")
    folder = tmp_path / "sessions"
    make_folder(folder)
    prices = tmp_path / "prices.json"
    prices.write_bytes(orjson.dumps(PRICES))
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "examples" / "dask_usage.py"),
            str(folder),
            "--prices",
            str(prices),
            "--json",
        ],
        capture_output=True,
        env=ENV,
        cwd=tmp_path,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    totals = orjson.loads(done.stdout)
    result = run("decode", "--json", "--prices", str(prices), str(folder))
    assert result.returncode == 0, result.stderr
    doc = orjson.loads(result.stdout)
    assert totals["files"] == doc["files"]
    assert totals["sessions"] == doc["sessions"]
    assert totals["responses"] == doc["responses"]["count"]
    assert totals["bad_lines"] == doc["bad_lines"]
    assert totals["usage"] == {k: doc["usage"][k] for k in totals["usage"]}
    assert totals["cost_usd"] == pytest.approx(doc["cost"]["usd"], abs=1e-5)
