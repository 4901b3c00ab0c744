"""Numbers parsing cannot keep: strict decoding reports each with its path; the rest pass."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

import respmodel
from respmodel._numbers import lossy_numbers

BIG = "an integer beyond -2**63 to 2**64-1, which is read as a float"
TINY = "a number too small for a 64-bit float, which is read as 0.0"

# (JSON text, [(path, number as written, why)])
LOSSY: list[tuple[bytes, list[tuple[str, str, str]]]] = [
    (b'{"future": 18446744073709551616}', [("$.future", "18446744073709551616", BIG)]),
    (b'{"future": -9223372036854775809}', [("$.future", "-9223372036854775809", BIG)]),
    (b'{"future": [1, 2, 1e-400]}', [("$.future[2]", "1e-400", TINY)]),
    (b'{"future": {"a b": 1E-999}}', [('$.future["a b"]', "1E-999", TINY)]),
    (b'{"future": 0.5e-0330}', [("$.future", "0.5e-0330", TINY)]),
    (
        b'{"future": 0.' + b"0" * 400 + b"1}",
        [("$.future", "0." + "0" * 37 + "… (403 characters)", TINY)],
    ),
    (
        b'{"output": [{"type": "future_item", "n": 100000000000000000000}]}',
        [("$.output[0].n", "100000000000000000000", BIG)],
    ),
    (
        b'{"a": 18446744073709551616, "b": 1e-400}',
        [("$.a", "18446744073709551616", BIG), ("$.b", "1e-400", TINY)],
    ),
]

KEPT = [
    b'{"future": 18446744073709551615}',  # 2**64 - 1: orjson's largest integer
    b'{"future": -9223372036854775808}',  # -2**63
    b'{"future": 9999999999999999999}',  # 19 digits, within range
    b'{"future": 5e-324}',  # the smallest float: kept
    b'{"future": 1e-300}',
    b'{"future": 1.5e300}',
    b'{"future": 0e-999}',  # zero written small is zero
    b'{"future": 0.00000000000000000000000}',
    b'{"future": 0.1000000000000000055511151231257827}',  # rounding, not a change of value
    b'{"id": "123456789012345678901234567890", "future": "1e-400"}',  # strings, not numbers
]


@pytest.mark.parametrize(("data", "expected"), LOSSY, ids=[d[:40].decode() for d, _ in LOSSY])
def test_strict_decoding_reports_numbers_parsing_changes(
    data: bytes, expected: list[tuple[str, str, str]]
) -> None:
    """Strictly, every integer beyond 64 bits and every number below a float is a problem, with its path."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data.replace(b'"future"', b'"metadata_x"'), strict=True)
    lossy = [
        (e.path, e.message) for e in info.value.errors if "cannot be read exactly" in e.message
    ]
    assert lossy == [
        (path.replace("future", "metadata_x"), f"the number {text} cannot be read exactly: {why}")
        for path, text, why in expected
    ]


@pytest.mark.parametrize(("data", "expected"), LOSSY, ids=[d[:40].decode() for d, _ in LOSSY])
def test_lenient_decoding_keeps_what_orjson_gives(
    data: bytes, expected: list[tuple[str, str, str]]
) -> None:
    """Leniently, such a number outside integer fields is kept as the float orjson reads (the documented limit)."""
    obj = respmodel.loads(data)
    assert obj.problems == ()
    assert orjson.loads(respmodel.dumps(obj)) == orjson.loads(data)


@pytest.mark.parametrize("data", KEPT, ids=[d[:40].decode() for d in KEPT])
def test_numbers_parsing_keeps_are_no_problem(data: bytes) -> None:
    """Numbers that only look like lossy ones are not reported."""
    assert lossy_numbers(data) == []


def test_every_strict_entry_point_reports_them() -> None:
    """loads, loads_event and iter_events report a lossy number strictly, in any event."""
    line = b'{"type": "response.output_audio.delta", "delta": "", "n": 1e-400}'
    with pytest.raises(respmodel.DecodeError, match=r"^\$\.n: the number 1e-400"):
        respmodel.loads_event(line, strict=True)
    (record,) = respmodel.iter_events([line], strict=True)
    assert not record.ok
    assert record.path == "$.n"
    assert respmodel.loads_event(line).data["n"] == 0.0


@pytest.mark.parametrize("as_type", [bytes, bytearray, memoryview, str])
def test_every_input_type_is_read(as_type: Any) -> None:
    """bytes, bytearray, memoryview and str input are all read for lossy numbers."""
    text = b'{"metadata_x": [18446744073709551616]}'
    data = text.decode() if as_type is str else as_type(text)
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data, strict=True)
    assert [e.path for e in info.value.errors] == ["$.metadata_x", "$.metadata_x[0]"]


def test_an_integer_field_says_why_it_got_a_float() -> None:
    """An integer field given an integer beyond 64 bits names the cause, in both modes."""
    data = b'{"usage": {"output_tokens": 99999999999999999999}}'
    (problem,) = respmodel.loads(data).problems
    assert problem.message.endswith("(an integer beyond 64 bits is read as a float)")
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data, strict=True)
    assert [e.path for e in info.value.errors] == ["$.usage.output_tokens"] * 2
