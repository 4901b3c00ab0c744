"""Errors a person can read: the exact messages users see for bad input.

Each row is an input, how it was decoded, and the exact ``str(err)``: the
JSON path of every problem, what was expected there, and what was found
(long strings shortened, with their length).  The table is the
documentation of respmodel's error messages; changing a message means
changing a row here.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import respmodel

R = respmodel.Response
ITEM_TAGS = (
    'one of "message", "function_call", "function_call_output", "mcp_call", "mcp_list_tools", '
    '"mcp_approval_request", "mcp_approval_response", "web_search_call", "file_search_call"'
)
STATUSES = '"completed", "cancelled", "failed", "incomplete", "in_progress"'
X39 = "x" * 39
K63 = "k" * 63

# (input, type, options, exact str(err), number of problems)
LOADS_TABLE: list[tuple[Any, Any, dict[str, Any], str, int]] = [
    # Not JSON at all: orjson's reason and position, reported at $.
    (
        b"",
        R,
        {},
        "$: invalid JSON: Input is a zero-length, empty document: line 1 column 1 (char 0)",
        1,
    ),
    (b"   ", R, {}, "$: invalid JSON: input data is empty: line 1 column 1 (char 0)", 1),
    (b"{", R, {}, "$: invalid JSON: unexpected end of data: line 1 column 2 (char 1)", 1),
    (
        b'{"id": "r"} x',
        R,
        {},
        "$: invalid JSON: unexpected content after document: line 1 column 13 (char 12)",
        1,
    ),
    (
        b'{"a":1,}',
        R,
        {},
        "$: invalid JSON: trailing comma is not allowed: line 1 column 7 (char 6)",
        1,
    ),
    (
        b"\xef\xbb\xbf{}",
        R,
        {},
        "$: invalid JSON: UTF-8 byte order mark (BOM) is not supported: line 1 column 1 (char 0)",
        1,
    ),
    (
        b'{"id": NaN}',
        R,
        {},
        "$: invalid JSON: unexpected character, expected a JSON value: line 1 column 8 (char 7)",
        1,
    ),
    (
        b'{"temperature": Infinity}',
        R,
        {},
        "$: invalid JSON: unexpected character, expected a JSON value: line 1 column 17 (char 16)",
        1,
    ),
    (
        b'{"x": 1e400}',
        R,
        {},
        "$: invalid JSON: number is infinity when parsed as double: line 1 column 7 (char 6)",
        1,
    ),
    (
        b'{"id": "\xff"}',
        R,
        {},
        "$: invalid JSON: str is not valid UTF-8: surrogates not allowed: line 1 column 1 (char 0)",
        1,
    ),
    (
        b'{"id": "\\ud800"}',
        R,
        {},
        "$: invalid JSON: no low surrogate in string: line 1 column 9 (char 8)",
        1,
    ),
    (
        '{"id": "\ud800"}',
        R,
        {},
        "$: invalid JSON: str is not valid UTF-8: surrogates not allowed: line 1 column 1 (char 0)",
        1,
    ),
    (
        b"[" * 5000 + b"]" * 5000,
        R,
        {},
        "$: invalid JSON: depth limit exceeded: line 1 column 1026 (char 1025)",
        1,
    ),
    # Not bytes or text.
    (123, R, {}, "$: expected bytes, bytearray, memoryview or str, got int", 1),
    (None, R, {}, "$: expected bytes, bytearray, memoryview or str, got NoneType", 1),
    # JSON, but not the resource: top-level values.
    (b"[]", R, {}, "$: expected object, got array of 0", 1),
    (b"null", R, {}, "$: expected object, got null", 1),
    (b'"x"', R, {}, '$: expected object, got string "x"', 1),
    (b"true", respmodel.OutputItem, {}, "$: expected object, got boolean true", 1),
    (b"1", respmodel.Voice, {}, "$: expected string or object, got number 1", 1),
    # A known field of the wrong JSON type, at any depth.
    (b'{"output": "x"}', R, {}, '$.output: expected array, got string "x"', 1),
    (b'{"usage": []}', R, {}, "$.usage: expected object, got array of 0", 1),
    (
        b'{"usage": {"input_tokens": "12"}}',
        R,
        {},
        '$.usage.input_tokens: expected integer, got string "12"',
        1,
    ),
    (
        b'{"usage": {"total_tokens": 1.0}}',
        R,
        {},
        "$.usage.total_tokens: expected integer, got number 1.0",
        1,
    ),
    (
        b'{"usage": {"total_tokens": true}}',
        R,
        {},
        "$.usage.total_tokens: expected integer, got boolean true",
        1,
    ),
    (
        b'{"usage": {"total_tokens": 18446744073709551616}}',
        R,
        {},
        "$.usage.total_tokens: expected integer, got number 1.8446744073709552e+19"
        " (an integer beyond 64 bits is read as a float)",
        1,
    ),
    (b'{"output": [1]}', R, {}, "$.output[0]: expected object, got number 1", 1),
    (
        b'{"output": [{"type": "message", "content": [null]}]}',
        R,
        {},
        "$.output[0].content[0]: expected object, got null",
        1,
    ),
    (
        b'{"output": [{"type": 5}]}',
        R,
        {},
        f"$.output[0].type: expected {ITEM_TAGS}, got number 5",
        1,
    ),
    (b'{"voice": 5}', R, {}, "$.voice: expected string or object, got number 5", 1),
    (
        b'{"max_output_tokens": 1.5}',
        R,
        {},
        '$.max_output_tokens: expected a non-negative integer or "inf", got number 1.5',
        1,
    ),
    (b'{"temperature": "hot"}', R, {}, '$.temperature: expected number, got string "hot"', 1),
    (b'{"metadata": {"a": 1}}', R, {}, "$.metadata.a: expected string, got number 1", 1),
    (b'{"metadata": []}', R, {}, "$.metadata: expected object, got array of 0", 1),
    (b'{"modalities": "text"}', R, {}, '$.modalities: expected array, got string "text"', 1),
    (
        b'{"output": [{"type": "function_call", "arguments": {"a": 1}}]}',
        R,
        {},
        "$.output[0].arguments: expected string, got object",
        1,
    ),
    (
        b'{"output": [{"type": "mcp_approval_response", "approve": "yes"}]}',
        R,
        {},
        '$.output[0].approve: expected boolean, got string "yes"',
        1,
    ),
    (
        b'{"output": [{"type": "file_search_call", "results": [{"attributes": []}]}]}',
        R,
        {},
        "$.output[0].results[0].attributes: expected object, got array of 0",
        1,
    ),
    (
        b'{"audio": {"output": {"format": {"type": "audio/pcm", "rate": "24k"}}}}',
        R,
        {},
        '$.audio.output.format.rate: expected integer, got string "24k"',
        1,
    ),
    (
        b'{"audioTokens": 1, "usage": {"inputTokenDetails": {"cachedTokens": "1"}}}',
        R,
        {"case": "camel"},
        '$.usage.inputTokenDetails.cachedTokens: expected integer, got string "1"',
        1,
    ),
    # Huge values are shortened, with their length.
    (
        b'{"temperature": "' + b"x" * 1000 + b'"}',
        R,
        {},
        f'$.temperature: expected number, got string "{X39}…" (1000 characters)',
        1,
    ),
    (
        b'{"id": "' + b"x" * 10_000_000 + b'", "status": ["' + b"x" * 10_000_000 + b'"]}',
        R,
        {},
        "$.status: expected string, got array of 1",
        1,
    ),
    (
        b'{"usage": {"total_tokens": -1234567890123456789012345678901234567890123456789}}',
        R,
        {},
        "$.usage.total_tokens: expected integer, got number -1.2345678901234568e+48"
        " (an integer beyond 64 bits is read as a float)",
        1,
    ),
    # Every problem is listed, each with its path.
    (
        b'{"id": 1, "status": 2, "usage": {"total_tokens": "3"}}',
        R,
        {},
        "3 problems:\n"
        "  $.id: expected string, got number 1\n"
        "  $.status: expected string, got number 2\n"
        '  $.usage.total_tokens: expected integer, got string "3"',
        3,
    ),
    # Strict mode: unknown fields, values, tags, and broken constraints.
    (b'{"future": 1}', R, {"strict": True}, "$.future: unknown field", 1),
    (b'{"conversationId": "c"}', R, {"strict": True}, "$.conversationId: unknown field", 1),
    (
        b'{"conversation_id": "c"}',
        R,
        {"strict": True, "case": "camel"},
        "$.conversation_id: unknown field",
        1,
    ),
    (
        b'{"a b": 1, "class": 2}',
        R,
        {"strict": True},
        '2 problems:\n  $["a b"]: unknown field\n  $["class"]: unknown field',
        2,
    ),
    (
        b'{"' + b"z" * 10_000_000 + b'": 1}',
        R,
        {"strict": True},
        f'$["{"z" * 63}…"]: unknown field',
        1,
    ),
    (
        b'{"status": "paused"}',
        R,
        {"strict": True},
        f'$.status: expected one of {STATUSES}, got string "paused"',
        1,
    ),
    (
        b'{"object": "realtime.item"}',
        R,
        {"strict": True},
        '$.object: expected "realtime.response", got string "realtime.item"',
        1,
    ),
    (
        b'{"output": [{"type": "image_generation_call"}]}',
        R,
        {"strict": True},
        f'$.output[0].type: unknown tag: expected {ITEM_TAGS}, got string "image_generation_call"',
        1,
    ),
    (
        b'{"output": [{"id": "x"}]}',
        R,
        {"strict": True},
        f'$.output[0]: missing tag "type": expected {ITEM_TAGS}',
        1,
    ),
    (
        b'{"temperature": 1.5}',
        R,
        {"strict": True},
        "$.temperature: expected a number in [0.6, 1.2], got number 1.5",
        1,
    ),
    (
        b'{"max_output_tokens": -1}',
        R,
        {"strict": True},
        '$.max_output_tokens: expected a non-negative integer or "inf", got number -1',
        1,
    ),
    (
        b'{"max_output_tokens": "infinite"}',
        R,
        {"strict": True},
        '$.max_output_tokens: expected a non-negative integer or "inf", got string "infinite"',
        1,
    ),
    (
        b'{"usage": {"total_tokens": -1}}',
        R,
        {"strict": True},
        "$.usage.total_tokens: expected a non-negative integer, got number -1",
        1,
    ),
    (
        b'{"metadata": {"' + b"k" * 65 + b'": "' + b"v" * 513 + b'"}}',
        R,
        {"strict": True},
        "2 problems:\n"
        f'  $.metadata["{K63}…"]: expected a string of at most 512 characters, '
        f'got string "{"v" * 39}…" (513 characters)\n'
        f'  $.metadata["{K63}…"]: expected a key of at most 64 characters, got 65',
        2,
    ),
    (
        b'{"metadata": {' + b",".join(b'"k%d": ""' % i for i in range(17)) + b"}}",
        R,
        {"strict": True},
        "$.metadata: expected at most 16 pairs, got 17",
        1,
    ),
]


def _raised(options: dict[str, Any], message: str) -> bool:
    """Whether the row is a DecodeError as given: strict, or lenient with its problem at the top."""
    return bool(options.get("strict")) or message.startswith(("$: ", "$.type: "))


RAISED = [row for row in LOADS_TABLE if _raised(row[2], row[3])]
SALVAGED = [row for row in LOADS_TABLE if not _raised(row[2], row[3])]


@pytest.mark.parametrize(
    ("data", "tp", "options", "message", "count"),
    RAISED,
    ids=[f"{i}-{repr(row[0])[:40]}" for i, row in enumerate(RAISED)],
)
def test_loads_error_messages(
    data: Any, tp: Any, options: dict[str, Any], message: str, count: int
) -> None:
    """loads() raises a DecodeError whose text, first path and problem count are exactly these."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data, tp, **options)
    err = info.value
    assert str(err) == message
    assert len(err.errors) == count
    first = message if count == 1 else message.split("\n  ")[1]
    assert err.path == first.split(": ", 1)[0]
    assert (err.path, err.message) == (err.errors[0].path, err.errors[0].message)


@pytest.mark.parametrize(
    ("data", "tp", "options", "message", "count"),
    SALVAGED,
    ids=[f"{i}-{repr(row[0])[:40]}" for i, row in enumerate(SALVAGED)],
)
def test_lenient_loads_salvages_these_problems(
    data: Any, tp: Any, options: dict[str, Any], message: str, count: int
) -> None:
    """Leniently, problems below the top are salvaged: listed on the object, exactly these."""
    obj = respmodel.loads(data, tp, **options)
    assert str(respmodel.DecodeError(obj.problems)) == message
    assert len(obj.problems) == count
    assert respmodel.dumps(obj) == respmodel.dumps(respmodel.loads(respmodel.dumps(obj), tp))


@pytest.mark.parametrize(
    ("data", "tp", "options", "message", "count"),
    SALVAGED,
    ids=[f"{i}-{repr(row[0])[:40]}" for i, row in enumerate(SALVAGED)],
)
def test_strict_loads_raises_what_lenient_salvages(
    data: Any, tp: Any, options: dict[str, Any], message: str, count: int
) -> None:
    """Strictly, every problem lenient decoding salvages is an error, with the same message."""
    salvaged = respmodel.loads(data, tp, **options).problems
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data, tp, **options, strict=True)
    assert set(salvaged) <= set(info.value.errors)


# (Python input, exact str(err), path)
STRUCTURE_TABLE: list[tuple[Any, str, str]] = [
    (
        {"temperature": math.nan},
        "$.temperature: expected a finite number, got nan",
        "$.temperature",
    ),
    ({"x": [math.inf]}, "$.x[0]: expected a finite number, got inf", "$.x[0]"),
    ({"x": {1}}, "$.x: expected a JSON value, got set (not JSON)", "$.x"),
    ({"x": b"bytes"}, "$.x: expected a JSON value, got bytes (not JSON)", "$.x"),
    ({1: "a"}, "$: expected string keys, got number 1", "$"),
    ({"usage": {None: 1}}, "$.usage: expected string keys, got null", "$.usage"),
    (
        {"usage": {"total_tokens": 2**70}},
        "$.usage.total_tokens: expected an integer from -2**63 to 2**64-1, got number 1180591620717411303424",
        "$.usage.total_tokens",
    ),
    (
        {"x": -(2**63) - 1},
        "$.x: expected an integer from -2**63 to 2**64-1, got number -9223372036854775809",
        "$.x",
    ),
    (
        {"id": "\ud800"},
        "$.id: expected a string without lone surrogates, got string '\\ud800'",
        "$.id",
    ),
    ({"\udc00": 1}, "$: expected keys without lone surrogates, got string '\\udc00'", "$"),
    ([], "$: expected object, got array of 0", "$"),
    ("alloy", '$: expected object, got string "alloy"', "$"),
    (
        {"output": ({"type": "message", "role": math.nan},)},
        "$.output[0].role: expected a finite number, got nan",
        "$.output[0].role",
    ),
]


@pytest.mark.parametrize(
    ("data", "message", "path"), STRUCTURE_TABLE, ids=[m[:40] for _, m, _ in STRUCTURE_TABLE]
)
def test_structure_error_messages(data: Any, message: str, path: str) -> None:
    """structure() names Python values JSON cannot hold, with their path and a printable message."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.structure(data)
    assert str(info.value) == message
    assert info.value.path == path
    assert len(info.value.errors) == 1
    str(info.value).encode("utf-8")


def test_nesting_too_deep_for_structure_names_the_deepest_path() -> None:
    """structure() on nesting past 1024 levels reports where the 1025th level starts."""
    value: Any = []
    for _ in range(1100):
        value = [value]
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.structure({"x": value})
    assert info.value.path == "$.x" + "[0]" * 1023
    assert info.value.message == "expected at most 1024 nested arrays and objects"


def test_decode_error_is_a_value_error_and_pickles() -> None:
    """DecodeError is a ValueError and survives pickling with every problem."""
    import pickle

    with pytest.raises(ValueError, match=r"^2 problems:") as info:
        respmodel.loads(b'{"id": 1, "status": 2}', strict=True)
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again, respmodel.DecodeError)
    assert again.errors == info.value.errors
    assert str(again) == str(info.value)
