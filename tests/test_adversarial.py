"""What the fast paths for adversarial input keep exact: the walks over huge and deep JSON."""

from __future__ import annotations

import enum
import math
import pickle
from typing import Any

import orjson
import pytest

import respmodel
from respmodel._errors import MESSAGE_LISTS
from respmodel._frozen import MAX_DEPTH, FrozenDict, freeze, json_repr, thaw
from respmodel._jsontree import dumps_deep, own
from respmodel._stream import ErrorRecord


def _nested(levels: int, inner: Any) -> Any:
    """``levels`` lists and dicts in turn around ``inner``, built without recursion."""
    value = inner
    for i in range(levels):
        value = [value] if i % 2 else {"k": value}
    return value


def _reference_repr(v: Any) -> str:
    """The built-in reprs spelled out (FrozenDict framed), recursively: for shallow values."""
    if type(v) is FrozenDict:
        return (
            "FrozenDict({" + ", ".join(f"{k!r}: {_reference_repr(x)}" for k, x in v.items()) + "})"
        )
    if type(v) is dict:
        return "{" + ", ".join(f"{k!r}: {_reference_repr(x)}" for k, x in v.items()) + "}"
    if type(v) is tuple:
        return "(" + ", ".join(map(_reference_repr, v)) + ("," if len(v) == 1 else "") + ")"
    if type(v) is list:
        return "[" + ", ".join(map(_reference_repr, v)) + "]"
    return repr(v)


SHAPES: list[Any] = [
    [],
    (),
    {},
    FrozenDict(),
    (1,),
    [None, True, 1.5, "é"],
    ((1,),),
    ([],),
    [[], [[]], ()],
    {"a": (1,), "b": {}},
    FrozenDict({"a": {"b": [1, (2,), FrozenDict({"c": 3})]}, "d": 4}),
    {"a": 1, "b": [1, {"c": (3,)}], "e": [[]]},
    (FrozenDict({"x": ()}),),
    freeze(orjson.loads('{"a":[{"b":[1,2,{"c":null}]},"s\\u00e9"],"e":{},"f":[[],[{}]]}')),
]


@pytest.mark.parametrize("value", SHAPES)
def test_json_repr_is_the_built_in_repr(value: Any) -> None:
    """json_repr writes what the built-in reprs write, FrozenDict framed, tuples of one too."""
    assert json_repr(value) == _reference_repr(value)


@pytest.mark.parametrize("value", SHAPES)
def test_deep_writer_matches_orjson_on_every_shape(value: Any) -> None:
    """dumps_deep writes the bytes orjson writes, frozen or plain, shallow or past 254 levels."""
    expected = orjson.dumps(thaw(value))
    assert dumps_deep(value) == expected
    deep = _nested(400, value)
    assert dumps_deep(deep) == b"".join(
        [b'{"k":' if i % 2 == 0 else b"[" for i in reversed(range(400))]
        + [expected]
        + [b"}" if i % 2 == 0 else b"]" for i in range(400)]
    )


@pytest.mark.parametrize(
    "value",
    [
        [b"x", [1]],
        {"a": b"x", "b": [1]},
        [b"x"],
        {1: [1]},
        [{1: [1]}],
    ],
    ids=["bytes beside an array", "bytes beside in an object", "bytes alone", "int key", "deeper"],
)
def test_deep_writer_refuses_what_orjson_refuses(value: Any) -> None:
    """A bytes member or a non-string key is orjson's JSONEncodeError, never raw output."""
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(value)
    with pytest.raises(orjson.JSONEncodeError):
        dumps_deep(value)


@pytest.mark.parametrize("levels", [1, 63, 64, 65, 200, MAX_DEPTH - 3])
def test_thaw_gives_what_orjson_writes_as_the_json_at_any_depth(levels: int) -> None:
    """thaw's dicts and lists (deep parts as written fragments) write as the JSON frozen."""
    plain = _nested(levels, [{"x": [1, None]}, ()])
    thawed = thaw(freeze(plain))
    assert orjson.dumps(thawed) == dumps_deep(plain)
    seen: set[type] = set()
    stack = [thawed]
    while stack:
        v = stack.pop()
        seen.add(type(v))
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    containers = seen - {int, type(None)}
    # Containers that hold containers sit at depths 0 to levels + 1; from depth 64 on,
    # they are written at once.
    assert containers == ({dict, list, orjson.Fragment} if levels >= 63 else {dict, list})


@pytest.mark.parametrize("inner", [[], [1], {}, {"a": 1}, 1])
def test_freeze_refuses_one_level_too_many(inner: Any) -> None:
    """Freezing nesting of MAX_DEPTH + 1 containers fails, whatever the innermost holds."""
    levels = MAX_DEPTH if isinstance(inner, (list, dict)) else MAX_DEPTH + 1
    with pytest.raises(respmodel.ValidationError, match="nested deeper than 1024 levels"):
        freeze(_nested(levels, inner))
    assert freeze(_nested(levels - 1, inner)) is not None


class _Color(enum.Enum):
    RED = "red"


class _Str(str):
    pass


OWN_BAD: list[tuple[Any, str, str]] = [
    ({"a": [1, 2, math.nan]}, "$.a[2]", "expected a finite number, got nan"),
    (
        {"a": [1, 2**64]},
        "$.a[1]",
        "expected an integer from -2**63 to 2**64-1, got number 18446744073709551616",
    ),
    ({"a": [-(2**63) - 1]}, "$.a[0]", "expected an integer from -2**63 to 2**64-1"),
    ({"a": ["ok", "\ud800"]}, "$.a[1]", "expected a string without lone surrogates"),
    ({"a": {"b": 1, 2: 3}}, "$.a", "expected string keys, got"),
    ({"a": {"\udc00": 1}}, "$.a", "expected keys without lone surrogates"),
    ({"a": [_Color.RED]}, "$.a[0]", "expected a JSON value, got"),
]


@pytest.mark.parametrize(("value", "path", "message"), OWN_BAD)
def test_own_names_the_bad_member_of_a_flat_container(value: Any, path: str, message: str) -> None:
    """A container of scalars with one bad member is a DecodeError naming that member."""
    with pytest.raises(respmodel.DecodeError) as info:
        own(value)
    assert info.value.path == path
    assert info.value.message.startswith(message)


def test_own_copies_flat_containers_as_plain_json() -> None:
    """Flat containers are copied (not shared), tuples become lists, str subclasses plain str."""
    source = {"a": [1, -(2**63), 2**64 - 1, 1.5, None, True, "é"], "b": ("x",), "c": [_Str("s")]}
    copied = own(source)
    assert copied == {"a": [1, -(2**63), 2**64 - 1, 1.5, None, True, "é"], "b": ["x"], "c": ["s"]}
    assert copied["a"] is not source["a"]
    assert type(copied["b"]) is list
    assert type(copied["c"][0]) is str


def _error(n: int) -> respmodel.ErrorDetail:
    return respmodel.ErrorDetail(f"$.output[{n}]", "expected object, got integer 1")


def test_decode_error_message_lists_the_first_problems_only() -> None:
    """Past MESSAGE_LISTS problems, the message lists the first ones and counts the rest."""
    err = respmodel.DecodeError([_error(i) for i in range(MESSAGE_LISTS + 5)], unlisted=10)
    lines = str(err).splitlines()
    total = MESSAGE_LISTS + 15
    assert lines[0] == f"{total} problems (the first {MESSAGE_LISTS} listed):"
    assert lines[1] == "  $.output[0]: expected object, got integer 1"
    assert lines[-1] == "  ... and 15 more"
    assert len(lines) == MESSAGE_LISTS + 2
    assert len(err.errors) == MESSAGE_LISTS + 5


def test_decode_error_counts_unlisted_problems_when_few_are_listed() -> None:
    """One listed problem and two unlisted ones make a message of three problems."""
    err = respmodel.DecodeError([_error(0)], unlisted=2)
    assert str(err).splitlines() == [
        "3 problems (the first 1 listed):",
        "  $.output[0]: expected object, got integer 1",
        "  ... and 2 more",
    ]


def test_decode_error_pickles_with_its_count() -> None:
    """A pickled DecodeError keeps its problems and its count of unlisted ones."""
    err = pickle.loads(pickle.dumps(respmodel.DecodeError([_error(0)], unlisted=7)))
    assert err.errors == (_error(0),)
    assert err.unlisted == 7


def test_error_record_says_how_many_problems_it_does_not_list() -> None:
    """An ErrorRecord's text ends with the count of unlisted problems."""
    rec = ErrorRecord(3, (_error(0),), 41)
    assert str(rec).splitlines() == [
        "line 3: $.output[0]: expected object, got integer 1",
        "line 3: ... and 41 more problems",
    ]


MANY = b'{"object":"realtime.response","id":"r","output":[' + b",".join([b"1"] * 5000) + b"]}"
"""A response whose output holds 5000 integers: 5000 problems (strictly; leniently salvaged)."""


def test_many_problems_are_listed_up_to_the_cap_and_counted() -> None:
    """Of 5000 problems, the first MAX_LISTED are listed in document order, the rest counted."""
    from respmodel._check import MAX_LISTED

    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(MANY, strict=True)
    err = info.value
    assert [e.path for e in err.errors] == [f"$.output[{i}]" for i in range(MAX_LISTED)]
    assert err.unlisted == 5000 - MAX_LISTED
    assert str(err).startswith(f"5000 problems (the first {MESSAGE_LISTS} listed):")


def test_iter_events_records_count_the_unlisted_problems() -> None:
    """A line with 5000 problems is one ErrorRecord listing some and counting the others."""
    (rec,) = respmodel.iter_events([MANY], strict=True)
    assert not rec.ok
    assert len(rec.errors) + rec.unlisted == 5000


def test_validate_counts_unlisted_problems(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """respmodel validate lists the listed problems, then the count of the rest, in its total."""
    from respmodel._check import MAX_LISTED
    from respmodel._cli import main

    path = tmp_path / "many.jsonl"
    path.write_bytes(MANY + b"\n")
    assert main(["validate", "--strict", str(path)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == MAX_LISTED + 1
    assert lines[-1] == f"line 1: ... and {5000 - MAX_LISTED:,} more problems"
    assert "5,000 problems on 1 of 1 non-blank line" in err
