"""The package as it is installed, and the files that describe it agreeing with each other."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

import respmodel

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).parent.parent


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _tox() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "tox.ini", encoding="utf-8")
    return parser


def _expand(entry: str) -> list[str]:
    """A tox env name with one ``{a,b}`` group (``py3{10,11}``) as the names it stands for."""
    match = re.fullmatch(r"([\w-]*)\{([\w,]+)\}([\w-]*)", entry)
    if not match:
        return [entry]
    head, alts, tail = match.groups()
    return [f"{head}{alt}{tail}" for alt in alts.split(",")]


def _tox_env_list() -> list[str]:
    """The default environments, with ``py3{10,11}``-style factors expanded."""
    entries = re.split(r"[,\s]+(?![^{]*\})", _tox()["tox"]["env_list"])
    return [env for entry in entries if entry for env in _expand(entry)]


def _tox_pythons() -> set[str]:
    """The Python versions tox tests on, as ``"3.10"``."""
    return {f"3.{env[3:]}" for env in _tox_env_list() if re.fullmatch(r"py3\d+", env)}


def _installed_files() -> list[Path]:
    """The files of the installed distribution (the wheel's RECORD); skip when not installed."""
    try:
        dist = metadata.distribution("respmodel")
    except metadata.PackageNotFoundError:
        pytest.skip("respmodel is not installed")
    files = [Path(str(f)) for f in dist.files or ()]
    if dist.read_text("WHEEL") is None or Path("respmodel/__init__.py") not in files:
        pytest.skip("respmodel is not installed from a wheel (source tree or editable install)")
    return files


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_version_is_the_installed_metadata(recwarn: pytest.WarningsRecorder) -> None:
    """``respmodel.__version__`` is the installed distribution's version, without a warning."""
    try:
        expected = metadata.version("respmodel")
    except metadata.PackageNotFoundError:
        pytest.skip("respmodel is not installed")
    assert respmodel.__version__ == expected
    assert recwarn.list == []


def test_all_names_the_public_api() -> None:
    """Every name in ``respmodel.__all__`` exists, once, and none is private."""
    assert len(set(respmodel.__all__)) == len(respmodel.__all__)
    assert [n for n in respmodel.__all__ if not hasattr(respmodel, n)] == []
    assert [n for n in respmodel.__all__ if n.startswith("_") and n != "__version__"] == []


def test_tests_run_against_the_installed_package() -> None:
    """Under tox, the respmodel being tested is the installed wheel, not the source tree."""
    if not os.environ.get("RESPMODEL_TEST_INSTALLED"):
        pytest.skip("only checked under tox (RESPMODEL_TEST_INSTALLED)")
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert Path(respmodel.__file__).resolve().parent == site_packages / "respmodel"


def test_wheel_ships_py_typed() -> None:
    """The installed files include ``respmodel/py.typed``."""
    assert Path("respmodel/py.typed") in _installed_files()


def test_wheel_holds_only_the_package() -> None:
    """The wheel installs respmodel and its metadata, and no tests."""
    tops = {f.parts[0] for f in _installed_files() if f.parts[0] != ".."}  # ".." : bin/respmodel
    assert tops == {"respmodel", f"respmodel-{metadata.version('respmodel')}.dist-info"}


def test_classifiers_are_the_tested_pythons() -> None:
    """The ``Python :: 3.x`` classifiers name exactly the versions in tox's env_list."""
    classifiers = _pyproject()["project"]["classifiers"]
    prefix = "Programming Language :: Python :: "
    declared = {c[len(prefix) :] for c in classifiers if re.fullmatch(r"3\.\d+", c[len(prefix) :])}
    assert declared == _tox_pythons()


def _lowest_section() -> str:
    """The name of the tox section that defines the `lowest` environments."""
    (name,) = [n for n in _tox().sections() if n.startswith("testenv:lowest")]
    return name


def _requirements(lines: list[str]) -> list[Requirement]:
    return [Requirement(line) for line in lines if line.strip()]


def test_requires_python_is_the_oldest_tested() -> None:
    """``requires-python`` starts at the oldest Python tox tests."""
    floor = min(_tox_pythons(), key=_version_key)
    assert _pyproject()["project"]["requires-python"] == f">={floor}"


def test_lowest_runs_on_the_oldest_and_the_newest_tested() -> None:
    """The `lowest` environments are in env_list, on the oldest and on the newest tested Python."""
    pythons = sorted(_tox_pythons(), key=_version_key)
    expected = {f"lowest-py{v.replace('.', '')}" for v in (pythons[0], pythons[-1])}
    lowest = {env for env in _tox_env_list() if env.startswith("lowest")}
    assert lowest == expected
    assert set(_expand(_lowest_section().removeprefix("testenv:"))) == expected


def test_lowest_installs_the_declared_floors() -> None:
    """The `lowest` pins are exactly the floors of the runtime dependencies, markers included."""
    floors = set()
    for req in _requirements(_pyproject()["project"]["dependencies"]):
        (spec,) = req.specifier
        assert spec.operator == ">=", req
        floors.add((req.name, spec.version, str(req.marker)))
    pins = set()
    for req in _requirements(_tox()[_lowest_section()]["deps"].splitlines()):
        (spec,) = req.specifier
        assert spec.operator == "==", req
        pins.add((req.name, spec.version, str(req.marker)))
    assert pins == floors


@pytest.mark.parametrize("python", sorted(_tox_pythons(), key=_version_key))
def test_each_tested_python_has_one_floor_per_dependency(python: str) -> None:
    """On every tested Python the environment markers leave exactly one floor of each dependency."""
    requirements = _requirements(_pyproject()["project"]["dependencies"])
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    applying = [r.name for r in requirements if r.marker is None or r.marker.evaluate(env)]
    assert sorted(applying) == sorted({r.name for r in requirements})


def test_setup_cfg_holds_no_metadata() -> None:
    """setup.cfg only has setuptools options; the metadata lives in pyproject.toml alone."""
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    assert "metadata" not in cfg
    assert not {"python_requires", "install_requires", "extras_require"} & set(cfg["options"])


def test_readme_test_command_is_what_ci_runs() -> None:
    """The test command in the README is, verbatim, the one .ci/run runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    readme_commands = [b.strip() for b in blocks if "-m tox" in b]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci_commands = [line.strip() for line in ci_lines if "-m tox" in line and "#" not in line]
    assert len(readme_commands) == 1
    assert ci_commands == readme_commands


def test_typing_file_is_not_collected() -> None:
    """pytest collects nothing from tests/typing/: that file is only type-checked."""
    assert (ROOT / "tests" / "typing" / "api.py").is_file()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/typing/",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == pytest.ExitCode.NO_TESTS_COLLECTED, result.stdout
