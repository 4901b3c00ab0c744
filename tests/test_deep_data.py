"""Deeply nested data that decodes also copies, pickles, compares, hashes and reprs."""

from __future__ import annotations

import copy
import math
import pickle
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import orjson
import pytest

import respmodel
import respmodel._jsontree
from respmodel._frozen import (
    MAX_DEPTH,
    FrozenDict,
    flatten,
    freeze,
    pickle_flat,
    tree_eq,
    unflatten,
)

# JSON text nesting arrays and objects in turn, ``levels`` deep, around ``leaf``.


def nest(levels: int, leaf: str = "1", arrays_only: bool = False) -> str:
    if arrays_only:
        return "[" * levels + leaf + "]" * levels
    opens = "".join("[" if i % 2 else '{"k":' for i in range(levels))
    closes = "".join("]" if i % 2 else "}" for i in reversed(range(levels)))
    return opens + leaf + closes


def _response(inner: str) -> bytes:
    return ('{"object":"realtime.response","id":"r",' + inner + "}").encode()


# Where deep JSON sits, and how deep it may nest there (the levels around it count
# toward MAX_DEPTH): each site decodes the JSON text it is given.
SITES: dict[str, tuple[int, Callable[[str], Any]]] = {
    "unknown key of a response": (
        MAX_DEPTH - 1,
        lambda v: respmodel.loads(_response('"x":' + v)),
    ),
    "unknown key of an item in an event": (
        MAX_DEPTH - 4,
        lambda v: respmodel.loads_event(
            b'{"type":"response.done","response":'
            + _response('"output":[{"type":"message","id":"i","x":' + v + "}]")
            + b"}"
        ),
    ),
    "unknown item": (
        MAX_DEPTH - 3,
        lambda v: respmodel.loads(_response('"output":[{"type":"future","x":' + v + "}]")),
    ),
    "generic event": (
        MAX_DEPTH - 1,
        lambda v: respmodel.loads_event(('{"type":"x.future","x":' + v + "}").encode()),
    ),
    "structure(), unknown key": (
        MAX_DEPTH - 1,
        lambda v: respmodel.structure({**orjson.loads(_response('"x":0')), "x": _python(v)}),
    ),
}


def _python(text: str) -> Any:
    """The value of ``nest``'s text, built in Python (orjson reads at most 1024 levels)."""
    body = text.lstrip('[{"k:')
    leaf: Any = orjson.loads(body.rstrip("]}"))
    for c in reversed(text[: len(text) - len(body)].replace('{"k":', "{")):
        leaf = [leaf] if c == "[" else {"k": leaf}
    return leaf


def _deep(site: str, leaf: str = "1", arrays_only: bool = False) -> Any:
    levels, decode = SITES[site]
    return decode(nest(levels, leaf, arrays_only))


@pytest.mark.parametrize("site", sorted(SITES))
def test_deepest_data_decodes_at_each_site(site: str) -> None:
    """The deepest nesting each site allows decodes (the sites below test the deepest data)."""
    levels, decode = SITES[site]
    decode(nest(levels))
    with pytest.raises(respmodel.DecodeError):
        decode(nest(levels + 1))


@pytest.mark.parametrize("arrays_only", [False, True])
@pytest.mark.parametrize("site", sorted(SITES))
def test_deep_data_deep_copies_as_itself(site: str, arrays_only: bool) -> None:
    """copy.deepcopy of an object holding the deepest data is the object (it is immutable)."""
    obj = _deep(site, arrays_only=arrays_only)
    assert copy.deepcopy(obj) is obj
    assert copy.copy(obj) is obj


@pytest.mark.parametrize("arrays_only", [False, True])
@pytest.mark.parametrize("site", sorted(SITES))
def test_deep_data_compares_and_hashes(site: str, arrays_only: bool) -> None:
    """Two decodings of the deepest data are equal, hash alike and repr alike."""
    a, b = _deep(site, arrays_only=arrays_only), _deep(site, arrays_only=arrays_only)
    assert a == b
    assert not a != b  # noqa: SIM202 - != is its own method
    assert hash(a) == hash(b)
    assert repr(a) == repr(b)


@pytest.mark.parametrize("arrays_only", [False, True])
@pytest.mark.parametrize("site", sorted(SITES))
def test_deep_data_differing_at_the_bottom_is_unequal(site: str, arrays_only: bool) -> None:
    """The deepest data differing only in its innermost value compares unequal."""
    a, b = _deep(site, arrays_only=arrays_only), _deep(site, "2", arrays_only=arrays_only)
    assert a != b
    assert not a == b  # noqa: SIM201 - == is its own method


def _unknown_item_data(levels: int) -> Any:
    return respmodel.UnknownItem({"type": "future", "x": orjson.loads(nest(levels))})


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: freeze(orjson.loads(nest(MAX_DEPTH))), id="FrozenDict"),
        pytest.param(lambda: _unknown_item_data(MAX_DEPTH - 1), id="UnknownItem"),
        pytest.param(lambda: _deep("generic event"), id="GenericEvent"),
    ],
)
def test_deep_frozen_json_pickles(make: Callable[[], Any]) -> None:
    """Frozen JSON nested 1024 levels (and the unknown objects holding it) pickles back equal."""
    value = make()
    again = pickle.loads(pickle.dumps(value))
    assert again == value
    assert type(again) is type(value)
    assert repr(again) == repr(value)


@pytest.mark.parametrize("site", sorted(set(SITES) - {"generic event"}))
def test_deep_data_in_models_pickles(site: str) -> None:
    """A model holding the deepest data pickles back equal, encoding to the same bytes."""
    obj = _deep(site)
    again = pickle.loads(pickle.dumps(obj))
    assert again == obj
    assert respmodel.dumps(again) == respmodel.dumps(obj)


# --------------------------------------------------------------- the tools, shallow

NAN = math.nan
# Pairs compared with tree_eq; the expected answers are Python's own == on the
# same (shallow) values, written out.
EQ_TABLE: list[tuple[Any, Any, bool]] = [
    ({"a": 1}, {"a": 1}, True),
    ({"a": 1}, FrozenDict({"a": 1}), True),
    (FrozenDict({"a": [1]}), {"a": [1]}, True),
    ({"a": 1}, {"a": 1.0}, True),
    ({"a": True}, {"a": 1}, True),
    ({"a": 1}, {"b": 1}, False),
    ({"a": 1}, {"a": 1, "b": 2}, False),
    ({"a": None}, {"b": None}, False),
    ((1, 2), (1, 2), True),
    ((1, 2), [1, 2], False),
    ([[1]], [(1,)], False),
    (((1,),), ((1,),), True),
    (((1,),), ((1, 2),), False),
    ({"a": [{"b": (1,)}]}, {"a": [{"b": (1,)}]}, True),
    ({"a": [{"b": (1,)}]}, {"a": [{"b": (2,)}]}, False),
    ({"a": [{"b": (1,)}]}, {"a": [{"b": [1]}]}, False),
    ({"a": {"b": 1}}, {"a": 1}, False),
    ({"a": 1}, {"a": {"b": 1}}, False),
    ("x", "x", True),
    (1, "1", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), EQ_TABLE)
def test_tree_eq_answers_as_python_does(a: Any, b: Any, expected: bool) -> None:
    """tree_eq gives Python's answer for == on shallow values, frozen or not, both ways."""
    assert tree_eq(a, b) is expected
    assert tree_eq(b, a) is expected


def test_tree_eq_takes_identity_first_as_containers_do() -> None:
    """The same NaN object inside compares equal, as in Python's containers; another does not."""
    assert tree_eq({"a": [NAN, {"b": 1}]}, {"a": [NAN, {"b": 1}]})
    assert not tree_eq({"a": [float("nan"), {"b": 1}]}, {"a": [float("nan"), {"b": 1}]})


class _SubFrozen(FrozenDict[str, Any]):
    pass


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (FrozenDict({"a": 1, "b": 2}), OrderedDict([("b", 2), ("a", 1)]), True),
        (FrozenDict({"a": [1]}), OrderedDict([("a", [2])]), False),
        (_SubFrozen({"a": (1,)}), _SubFrozen({"a": (1,)}), True),
        (_SubFrozen({"a": (1,)}), FrozenDict({"a": (2,)}), False),
        (FrozenDict({"a": (1,)}), {"a": (1,)}, True),
        (FrozenDict({"a": (1,)}), {"a": [1]}, False),
        (FrozenDict({"a": 1}), [("a", 1)], False),
    ],
)
def test_frozendict_eq_and_ne_agree(a: Any, b: Any, expected: bool) -> None:
    """FrozenDict's == and != answer opposite, from either side."""
    assert (a == b) is expected
    assert (b == a) is expected
    assert (a != b) is not expected
    assert (b != a) is not expected


FLAT_TABLE: list[Any] = [
    1,
    None,
    "x",
    [],
    (),
    {},
    FrozenDict(),
    [1, "a", None],
    {"a": [1, (2, {"b": FrozenDict({"c": [3]})})], "d": {}},
    FrozenDict({"a": ({"b": [FrozenDict({"c": 1.5})]},), "e": ()}),
    ([[], [[]]], {"x": ([],)}),
]


def _shape(value: Any) -> Any:
    """Classes and values spelled out, to compare exactly (FrozenDict vs dict, tuple vs list)."""
    if isinstance(value, dict):
        return (type(value).__name__, [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_shape(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize("value", FLAT_TABLE)
def test_flatten_then_unflatten_gives_the_same_classes_and_values(value: Any) -> None:
    """unflatten(*flatten(v)) rebuilds v with the same container classes, in the same order."""
    assert _shape(unflatten(*flatten(value))) == _shape(value)


def test_flatten_keeps_the_deepest_json_flat() -> None:
    """Flattened JSON 1024 levels deep is two flat lists (which pickle without recursion)."""
    value = freeze(orjson.loads(nest(MAX_DEPTH)))
    codes, leaves = flatten(value)
    assert all(type(c) is int for c in codes)
    for x in leaves:
        members = x.values() if isinstance(x, dict) else x if isinstance(x, tuple) else ()
        assert not any(isinstance(m, (list, tuple, dict)) for m in members)
    assert type(unflatten(codes, leaves)) is FrozenDict
    assert unflatten(*pickle.loads(pickle.dumps((codes, leaves)))) == value


PICKLE_FLAT_TABLE: list[Any] = [
    {"a": 1},
    {"a": [1, {"b": None}], "c": "é"},
    [1, [2, [3]]],
    ((1,), {"a": (2,)}),
    (respmodel.Usage(total_tokens=3),),
    1,
    None,
]


@pytest.mark.parametrize("value", PICKLE_FLAT_TABLE)
def test_pickle_flat_unpickles_to_the_same_value(value: Any) -> None:
    """What pickle_flat hands the pickler unpickles to an equal value of the same classes."""
    again = pickle.loads(pickle.dumps(pickle_flat(value)))
    assert _shape(again) == _shape(value)


def test_pickle_flat_writes_the_deepest_parsed_json() -> None:
    """Parsed JSON nested 1024 levels (too deep for orjson to write) pickles back equal."""
    value = orjson.loads(nest(MAX_DEPTH))
    again = pickle.loads(pickle.dumps(pickle_flat(value)))
    assert type(again) is dict
    assert respmodel._jsontree.dumps_deep(again) == respmodel._jsontree.dumps_deep(value)


def test_deep_arrays_in_an_opaque_field_compare() -> None:
    """Two decodings of an opaque field holding arrays nested 1019 deep are equal."""

    def decode() -> Any:
        schema = "[" * (MAX_DEPTH - 5) + "]" * (MAX_DEPTH - 5)
        item = '{"type":"mcp_list_tools","id":"i","tools":[{"name":"t","input_schema":%s}]}'
        return respmodel.loads(_response('"output":[' + item % schema + "]"))

    assert decode() == decode()
