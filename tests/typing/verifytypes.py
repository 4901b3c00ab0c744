"""The type completeness of respmodel's public API, as ``pyright --verifytypes`` measures it.

Runs pyright on the *installed* respmodel (from an empty directory, so that
the source tree cannot shadow it), prints the score, and exits non-zero when
it is below the threshold (default 95%), listing what pyright found ambiguous
or unknown.  Used by the ``typing`` tox environment::

    python tests/typing/verifytypes.py [THRESHOLD]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any


def measure() -> dict[str, Any]:
    """pyright's type completeness report (its ``--outputjson`` ``typeCompleteness``)."""
    command = [
        sys.executable,
        "-m",
        "pyright",
        "--verifytypes",
        "respmodel",
        "--ignoreexternal",
        "--outputjson",
    ]
    # pyright finds the packages through the first python on PATH: this one's.
    bindir = os.path.dirname(sys.executable)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    with tempfile.TemporaryDirectory() as empty:
        # pyright exits 1 whenever the score is below 100%: the JSON says how far.
        out = subprocess.run(
            command, cwd=empty, env=env, capture_output=True, text=True, check=False
        )
    try:
        report: dict[str, Any] = json.loads(out.stdout)["typeCompleteness"]
    except (ValueError, KeyError):
        sys.exit(f"verifytypes: pyright gave no report\n{out.stdout}\n{out.stderr}")
    return report


def main(argv: list[str]) -> int:
    threshold = float(argv[1]) if len(argv) > 1 else 95.0
    report = measure()
    counts = report["exportedSymbolCounts"]
    score = 100 * report["completenessScore"]
    known = counts["withKnownType"]
    total = known + counts["withAmbiguousType"] + counts["withUnknownType"]
    print(
        f"verifytypes: type completeness {score:.1f}% "
        f"({known} of {total} exported symbols known; threshold {threshold:g}%)"
    )
    if total == 0:
        print("verifytypes: pyright found no exported symbols (is respmodel installed?)")
        return 1
    if score >= threshold:
        return 0
    for symbol in report["symbols"]:
        if symbol["isExported"] and not symbol["isTypeKnown"]:
            print(f"  {symbol['name']}")
            for diag in symbol["diagnostics"]:
                print(f"    {diag['message'].splitlines()[0]}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
