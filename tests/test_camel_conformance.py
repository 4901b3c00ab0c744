"""The camel form agrees with the Azure VoiceLive JS SDK's own deserializer.

``tests/data/camel/expected/`` holds what ``@azure/ai-voicelive`` makes of each
file in ``tests/data/wire/`` (generated once with node by
``tests/data/camel/generate.cjs``; this suite needs neither node nor npm).
The SDK drops what it does not model, so the check is one way: every key the
SDK writes must be in respmodel's camel output with the same value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

import respmodel
from tests.conftest import DATA, wire_payloads

EXPECTED = DATA / "camel" / "expected"
TYPES = {
    "response": respmodel.Response,
    "item": respmodel.OutputItem,
    "part": respmodel.ContentPart,
}
SDK_ERRORS = orjson.loads((EXPECTED / "_sdk_errors.json").read_bytes())
CASES = [(name, what, data) for name, what, data in wire_payloads() if name not in SDK_ERRORS]


def missing_or_different(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Where ``actual`` lacks a key of ``expected`` or holds another value (recursively)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        out = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out.extend(missing_or_different(value, actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} elements, got {actual!r}"]
        return [
            p
            for i, (e, a) in enumerate(zip(expected, actual, strict=False))
            for p in missing_or_different(e, a, f"{path}[{i}]")
        ]
    return [] if expected == actual else [f"{path}: SDK {expected!r}, respmodel {actual!r}"]


def test_every_wire_file_has_an_sdk_answer() -> None:
    """Each wire file has an expected camel file or a recorded SDK error (the data set is complete)."""
    names = {name for name, _, _ in wire_payloads()}
    answered = {p.name for p in EXPECTED.glob("*.json") if not p.name.startswith("_")} | set(
        SDK_ERRORS
    )
    assert names == answered
    assert len(names) >= 60


@pytest.mark.parametrize(("name", "what", "data"), CASES, ids=[c[0] for c in CASES])
def test_camel_output_agrees_with_the_sdk(name: str, what: str, data: Any) -> None:
    """respmodel's camel form holds every key the SDK writes, with the same value."""
    camel = orjson.loads(
        respmodel.dumps(respmodel.loads(orjson.dumps(data), TYPES[what]), case="camel")
    )
    expected = orjson.loads((EXPECTED / name).read_bytes())
    assert missing_or_different(expected, camel) == []


@pytest.mark.parametrize(("name", "what", "data"), CASES, ids=[c[0] for c in CASES])
def test_sdk_output_decodes_as_camel(name: str, what: str, data: Any) -> None:
    """What the SDK produces decodes as camel and re-encodes unchanged."""
    expected = (EXPECTED / name).read_bytes()
    obj = respmodel.loads(expected, TYPES[what], case="camel")
    assert orjson.loads(respmodel.dumps(obj, case="camel")) == orjson.loads(expected)


@pytest.mark.parametrize(
    ("name", "what", "data"), wire_payloads(), ids=[c[0] for c in wire_payloads()]
)
def test_wire_data_round_trips_in_both_forms(name: str, what: str, data: Any) -> None:
    """Every wire file re-encodes unchanged, and survives snake -> camel -> snake."""
    obj = respmodel.loads(orjson.dumps(data), TYPES[what])
    assert orjson.loads(respmodel.dumps(obj)) == data
    back = respmodel.loads(respmodel.dumps(obj, case="camel"), TYPES[what], case="camel")
    assert back == obj
    assert orjson.loads(respmodel.dumps(back)) == data


def test_generator_script_is_kept() -> None:
    """The script that made the expected files is in the repository, for maintainers to re-run."""
    script = Path(DATA / "camel" / "generate.cjs").read_text()
    assert "voiceLiveResponseDeserializer" in script
