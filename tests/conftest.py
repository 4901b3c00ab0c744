"""Shared fixtures: the modes every behaviour is checked in, and the test data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"

# "ci" keeps the suite quick; HYPOTHESIS_PROFILE=long runs the properties for real.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(params=[False, True], ids=["lenient", "strict"])
def strict(request: pytest.FixtureRequest) -> bool:
    """Decoding mode."""
    return bool(request.param)


@pytest.fixture(params=["snake", "camel"])
def case(request: pytest.FixtureRequest) -> str:
    """Key style."""
    return str(request.param)


def corpus_payloads() -> list[tuple[str, str, Any]]:
    """(file name, what it is, JSON) for every resource inside the real payloads."""
    out = []
    for path in sorted((DATA / "corpus").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        for key, what in (("response", "response"), ("item", "item"), ("part", "part")):
            if key in doc:
                out.append((path.name, what, doc[key]))
        if "." not in doc.get("type", "."):
            out.append((path.name, "item", doc))  # a bare item (SDK fixtures)
    return out


def wire_payloads() -> list[tuple[str, str, Any]]:
    """(file name, what it is, JSON) for the wire test data set (response_/item_/part_)."""
    out = []
    for path in sorted((DATA / "wire").glob("*.json")):
        what = path.name.split("_", 1)[0]
        out.append((path.name, what, orjson.loads(path.read_bytes())))
    return out
