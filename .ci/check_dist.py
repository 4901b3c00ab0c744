"""Check the sdist and the wheel that `python -m build` left in a folder.

Used by the `build` tox environment: the wheel holds the package, its
``py.typed`` and nothing else (no tests), the sdist holds what the wheel is
built from, and twine accepts the metadata (README rendering included).
Exits non-zero, naming every problem, if anything is off.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path


def wheel_problems(wheel: Path) -> list[str]:
    """What is wrong with the wheel's file list."""
    names = zipfile.ZipFile(wheel).namelist()
    problems = []
    if "respmodel/py.typed" not in names:
        problems.append("respmodel/py.typed is missing")
    if "respmodel/__init__.py" not in names:
        problems.append("respmodel/__init__.py is missing")
    stray = [n for n in names if not n.startswith(("respmodel/", "respmodel-"))]
    problems += [f"unexpected file {n}" for n in stray]
    return [f"{wheel.name}: {p}" for p in problems]


def sdist_problems(sdist: Path) -> list[str]:
    """What is missing from the sdist."""
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    needed = [
        "pyproject.toml",
        "setup.cfg",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "respmodel/py.typed",
        # MANIFEST.in: the tests can run from the sdist alone.
        "tests/conftest.py",
        "tests/strategies.py",
        "tests/data/corpus/SOURCES.md",
        "scripts/make_sample.py",
        "docs/conf.py",
        "docs/spec.md",  # tests/test_spec_doc.py reads it
    ]
    return [f"{sdist.name}: {n} is missing" for n in needed if n not in names]


def main(folder: str) -> int:
    dist = Path(folder)
    wheels = sorted(dist.glob("respmodel-*.whl"))
    sdists = sorted(dist.glob("respmodel-*.tar.gz"))
    problems = []
    if len(wheels) != 1 or len(sdists) != 1:
        problems.append(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
    for wheel in wheels:
        problems += wheel_problems(wheel)
        print(f"{wheel.name}: {len(zipfile.ZipFile(wheel).namelist())} files")
    for sdist in sdists:
        problems += sdist_problems(sdist)
    twine = [sys.executable, "-m", "twine", "check", "--strict", *map(str, wheels + sdists)]
    if subprocess.run(twine, check=False).returncode != 0:
        problems.append("twine check failed")
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
