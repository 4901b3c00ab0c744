"""Hostile input, mutated from valid payloads: a correct object or a DecodeError, nothing else.

The properties here start from valid JSON of every shape (each API shape of a
response, every class, every union, the real payloads), in both key styles,
and damage it: keys dropped, JSON types changed, unknown tags and enum values,
new fields, raw text spliced in (NaN, huge numbers, lone surrogates, invalid
UTF-8, duplicate keys, deep nesting), bytes cut, flipped and inserted, Python
values JSON cannot hold.  Every outcome must be either an object that encodes
back to the JSON that was read (also after reading every field and after
rebuilding it through its constructors), or a :class:`respmodel.DecodeError`
whose every problem carries a JSON path.  Any other exception is a bug.

Example counts come from the Hypothesis profile (tests/conftest.py): "ci" by
default, ``HYPOTHESIS_PROFILE=long`` for a deliberate run.
"""

from __future__ import annotations

import math
import pickle
import sys
from collections import OrderedDict, UserDict
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import respmodel
from respmodel._frozen import MAX_DEPTH, FrozenDict, freeze
from respmodel._jsontree import dumps_deep
from respmodel._kinds import field_infos
from respmodel._unions import UNIONS
from tests.conftest import corpus_payloads
from tests.strategies import json_values, model_json, names, response_json, union_json

RESOURCE_MODULES = ("_response", "_usage", "_items", "_parts", "_voices", "_audio")
MODEL_CLASSES = sorted(
    (
        c
        for c in vars(respmodel).values()
        if isinstance(c, type)
        and issubclass(c, respmodel.Model)
        and c is not respmodel.Model
        and c.__module__.rsplit(".", 1)[-1] in RESOURCE_MODULES
    ),
    key=lambda c: c.__name__,
)
UNION_NAMES = ("OutputItem", "ContentPart", "Voice", "AudioFormat", "McpError")
ALL_TAGS = sorted({t for n in UNION_NAMES for t in UNIONS[n].tags})
ALL_KEYS = sorted({k for c in MODEL_CLASSES for f in field_infos(c) for k in (f.snake, f.camel)})
ROOT = Path(__file__).resolve().parent.parent
TYPES = {
    "response": respmodel.Response,
    "item": respmodel.OutputItem,
    "part": respmodel.ContentPart,
}


def _corpus(camel: bool) -> list[tuple[Any, Any]]:
    out = []
    for _, what, data in corpus_payloads():
        tp = TYPES[what]
        if camel:
            data = orjson.loads(
                respmodel.dumps(respmodel.loads(orjson.dumps(data), tp), case="camel")
            )
        out.append((tp, data))
    return out


CORPUS = {False: _corpus(False), True: _corpus(True)}

# A share of the profile's examples per property, so that the "ci" run stays quick
# and a "long" run scales up with it.
FUZZ = settings(
    max_examples=max(10, settings.default.max_examples // 2),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],  # case: a constant parameter
)


# --------------------------------------------------------------------------- valid starting points


def payloads(camel: bool) -> st.SearchStrategy[tuple[Any, Any]]:
    """(type, valid JSON): responses of each API shape, every class, every union, the corpus."""
    return st.one_of(
        st.sampled_from(["beta", "ga", "azure", "any"]).flatmap(
            lambda shape: response_json(shape, camel=camel).map(lambda d: (respmodel.Response, d))
        ),
        st.sampled_from(MODEL_CLASSES).flatmap(
            lambda cls: model_json(cls, camel=camel).map(lambda d: (cls, d))
        ),
        st.sampled_from(UNION_NAMES).flatmap(
            lambda name: union_json(name, camel=camel).map(lambda d: (getattr(respmodel, name), d))
        ),
        st.sampled_from(CORPUS[camel]),
    )


# --------------------------------------------------------------------------- mutations


def locations(tree: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value in a JSON tree; the root is (None, None)."""
    out: list[tuple[Any, Any]] = [(None, None)]
    stack = [tree]
    while stack:
        v = stack.pop()
        items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, list) else ()
        for k, x in items:
            out.append((v, k))
            stack.append(x)
    return out


def value_at(tree: Any, loc: tuple[Any, Any]) -> Any:
    container, key = loc
    return tree if container is None else container[key]


def put(tree: Any, loc: tuple[Any, Any], value: Any) -> Any:
    """Set the value at ``loc``; returns the (maybe new) root."""
    container, key = loc
    if container is None:
        return value
    container[key] = value
    return tree


def other_type(value: Any) -> st.SearchStrategy[Any]:
    """A JSON value of another JSON type than ``value``."""

    def kind(v: Any) -> str:
        if v is None or isinstance(v, bool):
            return repr(v)
        if isinstance(v, (int, float)):
            return "number"
        return type(v).__name__

    return st.one_of(
        json_values,
        st.just({}),
        st.just([]),
        st.just(""),
        st.just(0),
        st.just(True),
    ).filter(lambda v: kind(v) != kind(value))


@st.composite
def mutate(draw: st.DrawFn, tree: Any) -> Any:
    """Apply one to three tree mutations to a copy of ``tree``."""
    tree = orjson.loads(orjson.dumps(tree))
    for _ in range(draw(st.integers(1, 3))):
        locs = locations(tree)
        objects = [loc for loc in locs if isinstance(value_at(tree, loc), dict)]
        op = draw(
            st.sampled_from(
                [
                    "drop key",
                    "retype",
                    "tag",
                    "drop tag",
                    "string",
                    "new field",
                    "empty",
                    "number",
                    "root",
                ]
            )
        )
        if op == "drop key":
            keyed = [loc for loc in objects if value_at(tree, loc)]
            if keyed:
                obj = value_at(tree, draw(st.sampled_from(keyed)))
                del obj[draw(st.sampled_from(sorted(obj)))]
        elif op == "retype":
            loc = draw(st.sampled_from(locs))
            tree = put(tree, loc, draw(other_type(value_at(tree, loc))))
        elif op == "tag" and objects:
            obj = value_at(tree, draw(st.sampled_from(objects)))
            obj["type"] = draw(
                st.one_of(
                    names,
                    st.sampled_from(ALL_TAGS),
                    st.none(),
                    st.integers(-(2**63), 2**64 - 1),
                    st.just([]),
                    st.just({}),
                    st.just(True),
                )
            )
        elif op == "drop tag":
            tagged = [loc for loc in objects if "type" in value_at(tree, loc)]
            if tagged:
                del value_at(tree, draw(st.sampled_from(tagged)))["type"]
        elif op == "string":
            strings = [loc for loc in locs if isinstance(value_at(tree, loc), str)]
            if strings:
                tree = put(tree, draw(st.sampled_from(strings)), draw(names))
        elif op == "new field" and objects:
            obj = value_at(tree, draw(st.sampled_from(objects)))
            obj[draw(names | st.sampled_from(ALL_KEYS))] = draw(json_values)
        elif op == "empty":
            tree = put(tree, draw(st.sampled_from(locs)), draw(st.sampled_from([{}, []])))
        elif op == "number":
            tree = put(
                tree,
                draw(st.sampled_from(locs)),
                draw(
                    st.one_of(
                        st.integers(-(2**63), 2**64 - 1),
                        st.sampled_from([2**64 - 1, -(2**63), 0, -1]),
                        st.floats(allow_nan=False, allow_infinity=False),
                    )
                ),
            )
        elif op == "root":
            tree = draw(st.sampled_from([[], [tree], 0, -1.5, "x", None, True, {}]))
    return tree


def nest(depth: int, leaf: bytes = b"1") -> bytes:
    """JSON text of ``depth`` arrays and objects nested in turn."""
    opens = b"".join(b"[" if i % 2 else b'{"k":' for i in range(depth))
    closes = b"".join(b"]" if i % 2 else b"}" for i in reversed(range(depth)))
    return opens + leaf + closes


RAW_SPLICES = {
    **{
        repr(t): t
        for t in [
            b"NaN",
            b"-NaN",
            b"Infinity",
            b"-Infinity",
            b"1e400",
            b"-1e400",
            b"1e-400",
            b"-0",
            b"-0.0",
            b"18446744073709551615",
            b"18446744073709551616",
            b"-9223372036854775808",
            b"-9223372036854775809",
            b"123456789012345678901234567890",
            b"0x10",
            b"01",
            b"1.",
            b".5",
            b'"\\ud800"',
            b'"\\udc00x"',
            b'"\\ud83d\\ude00"',
            b'"\xed\xa0\x80"',
            b'"\xff"',
            b'"\xc0\x80"',
            b'"\xf4\x90\x80\x80"',
            b'"\x00"',
            b'"\\u0000"',
            b'"\t"',
            b"'single'",
            b"tru",
            b"nul",
            b"[1,]",
            b"{,}",
            b'{"a":1,}',
            b'{"a":1,"a":2}',
            b'{"type":"message","type":"text"}',
            b'{"id":"x","id":7}',
            b"{}",
            b"[]",
            b"[[]]",
            b'""',
            b"\xef\xbb\xbf{}",
            b"/* c */1",
        ]
    },
    **{f"nest({n})": nest(n) for n in (200, 254, 255, 400, 600, MAX_DEPTH + 10, 5000)},
}
"""Raw JSON text (or not quite JSON) spliced in where a value was, by label."""
PLACEHOLDER = "\x00respmodel-splice\x00"
PLACEHOLDER_TEXT = orjson.dumps(PLACEHOLDER)


@st.composite
def texts(draw: st.DrawFn, camel: bool) -> tuple[Any, Any, str | None]:
    """(type, mutated valid payload, splice label): the payload may hold the placeholder."""
    tp, valid = draw(payloads(camel))
    tree = draw(mutate(valid))
    splice = draw(st.none() | st.sampled_from(sorted(RAW_SPLICES)))
    if splice is not None:
        tree = put(tree, draw(st.sampled_from(locations(tree))), PLACEHOLDER)
    return tp, tree, splice


def text_of(tree: Any, splice: str | None) -> bytes:
    """The JSON text of a drawn payload, the raw splice written where the placeholder is."""
    text = orjson.dumps(tree)
    return text if splice is None else text.replace(PLACEHOLDER_TEXT, RAW_SPLICES[splice])


@st.composite
def damaged(draw: st.DrawFn, camel: bool) -> tuple[Any, bytes]:
    """(type, bytes): valid JSON text with its bytes cut, flipped, inserted or removed."""
    tp, valid = draw(payloads(camel))
    text = orjson.dumps(valid)
    at = draw(st.integers(0, len(text)))
    junk = draw(
        st.sampled_from(
            [
                b"\xff",
                b"\x80",
                b"\xc0\x80",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"\xe2\x82",
                b"\xef\xbb\xbf",
                b"\x00",
                b'"',
                b"\\",
                b",",
                b"]",
                b"}",
                b"{",
                b"[",
                b" ",
            ]
        )
        | st.binary(min_size=1, max_size=4)
    )
    op = draw(st.sampled_from(["cut", "flip", "insert", "delete", "bom", "append", "prepend"]))
    if op == "cut":
        return tp, text[:at]
    if op == "flip" and at < len(text):
        return tp, text[:at] + junk[:1] + text[at + 1 :]
    if op == "insert":
        return tp, text[:at] + junk + text[at:]
    if op == "delete":
        return tp, text[:at] + text[at + 1 :]
    if op == "bom":
        return tp, b"\xef\xbb\xbf" + text
    if op == "prepend":
        return tp, draw(st.sampled_from([b" \n\t\r", b"\x0c", b"\xa0"])) + text
    return tp, text + junk


class _Str(str):
    pass


class _Dict(dict):  # type: ignore[type-arg]
    pass


class _Level(IntEnum):
    LOW = 1


def _cycle() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


def _deep_py(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


# Python values structure() must refuse (a DecodeError naming the path), by label...
PY_INVALID: dict[str, Callable[[], Any]] = {
    "set": lambda: {1},
    "frozenset": frozenset,
    "nan": lambda: math.nan,
    "inf": lambda: math.inf,
    "-inf": lambda: -math.inf,
    "int key": lambda: {1: "a"},
    "tuple key": lambda: {("t",): 1},
    "None key": lambda: {None: 1},
    "bytes": lambda: b"x",
    "bytearray": lambda: bytearray(b"x"),
    "object": object,
    "complex": lambda: 1j,
    "Decimal": lambda: Decimal("1.5"),
    "2**64": lambda: 2**64,
    "-2**63-1": lambda: -(2**63) - 1,
    "10**100": lambda: 10**100,
    "lone surrogate": lambda: "\ud800",
    "trailing surrogate": lambda: "ok\udfff",
    "surrogate key": lambda: {"\udc00": 1},
    "1025 deep": lambda: _deep_py(MAX_DEPTH + 1),
    "5000 deep": lambda: _deep_py(5000),
    "cycle": _cycle,
}
# ...and unusual Python values that are JSON all the same (copied as dicts and lists).
PY_VALID: dict[str, Callable[[], Any]] = {
    "tuple": lambda: (1, "a"),
    "str subclass": lambda: _Str("x"),
    "IntEnum": lambda: _Level.LOW,
    "empty tuple": tuple,
    "OrderedDict": lambda: OrderedDict(a=1),
    "mappingproxy": lambda: MappingProxyType({"a": [1]}),
    "dict subclass": lambda: _Dict(a=(1,)),
    "UserDict": lambda: UserDict({"b": None}),
    "FrozenDict": lambda: FrozenDict({"c": ()}),
    "True": lambda: True,
    "-0.0": lambda: -0.0,
    "2**64-1": lambda: 2**64 - 1,
    "-2**63": lambda: -(2**63),
    "300 deep": lambda: _deep_py(300),
    "1016 deep": lambda: _deep_py(MAX_DEPTH - 8),
}
ODD_PLACEHOLDER = "\x00respmodel-python-value\x00"


@st.composite
def python_trees(draw: st.DrawFn, camel: bool) -> tuple[Any, Any, str | None]:
    """(type, mutated payload, label of an unusual Python value put where the placeholder is)."""
    tp, valid = draw(payloads(camel))
    tree = draw(mutate(valid))
    odd = draw(st.none() | st.sampled_from(sorted(PY_INVALID) + sorted(PY_VALID)))
    if odd is not None:
        tree = put(tree, draw(st.sampled_from(locations(tree))), ODD_PLACEHOLDER)
    return tp, tree, odd


def with_odd_value(tree: Any, odd: str | None) -> Any:
    """The drawn payload with the labelled Python value in place of the placeholder."""
    if odd is None:
        return tree
    value = (PY_INVALID.get(odd) or PY_VALID[odd])()
    for loc in locations(tree):
        if value_at(tree, loc) == ODD_PLACEHOLDER:
            return put(tree, loc, value)
    raise AssertionError("placeholder not found")


# --------------------------------------------------------------------------- the outcome checks


def plain(value: Any) -> Any:
    """The JSON a Python value stands for: mappings as dicts, tuples as lists (no recursion)."""
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        v, into, key = stack.pop()
        if isinstance(v, Mapping):
            out: dict[Any, Any] = {}
            into[key] = out
            for k, x in v.items():
                out[k] = None
                stack.append((x, out, k))
        elif isinstance(v, (list, tuple)):
            arr: list[Any] = [None] * len(v)
            into[key] = arr
            stack.extend((x, arr, i) for i, x in enumerate(v))
        elif isinstance(v, str):
            into[key] = str.__str__(v)  # a str subclass (StrEnum) stands for its string
        elif isinstance(v, int) and not isinstance(v, bool):
            into[key] = int.__index__(v)  # likewise an int subclass (IntEnum)
        else:
            into[key] = v
    return root[0]


def depth(value: Any) -> int:
    """How many arrays and objects nest at the deepest point of a JSON value."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list, tuple)):
            deepest = max(deepest, d + 1)
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def assert_readable(err: respmodel.DecodeError) -> None:
    """A DecodeError lists at least one problem, each with a JSON path and a printable message."""
    assert isinstance(err, ValueError)
    assert err.errors
    for detail in err.errors:
        assert detail.path.startswith("$"), detail
        assert detail.message, detail
    assert (err.path, err.message) == (err.errors[0].path, err.errors[0].message)
    text = str(err)
    text.encode("utf-8")  # printable: no lone surrogates
    assert len(text) < 2_000 * len(err.errors) + 100_000


def touch(obj: Any) -> None:
    """Read every field of an object and of everything inside it."""
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, respmodel.Model):
            stack.extend(getattr(o, a.name) for a in attrs.fields(type(o)) if a.init)
        elif isinstance(o, respmodel.Unknown):
            assert o.type is o.data.get("type")
        elif isinstance(o, tuple):
            stack.extend(o)


def rebuilt(obj: Any) -> Any:
    """The same object made again through its constructors, at every level (no retained JSON)."""
    with attrs.validators.disabled():
        return _rebuild(obj)


def _rebuild(obj: Any) -> Any:
    if isinstance(obj, respmodel.Model):
        return type(obj)(
            **{a.alias: _rebuild(getattr(obj, a.name)) for a in attrs.fields(type(obj)) if a.init}
        )
    if isinstance(obj, tuple):
        return tuple(_rebuild(x) for x in obj)
    return obj


def same_json(a: Any, b: Any) -> bool:
    """JSON equality without recursion (== on nested lists recurses; true is not 1 here)."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if x.__class__ is not y.__class__ and not (
            isinstance(x, (int, float))
            and isinstance(y, (int, float))
            and not isinstance(x, bool)
            and not isinstance(y, bool)
        ):
            return False
        if isinstance(x, dict):
            if x.keys() != y.keys():
                return False
            stack.extend((x[k], y[k]) for k in x)
        elif isinstance(x, list):
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y, strict=False))
        elif x != y:
            return False
    return True


# CPython before 3.12 compares nested tuples under the interpreter recursion limit.
DEEP_EQ_OK = sys.version_info >= (3, 12)


def encode_error(obj: Any, case: str) -> str | None:
    """The message of the EncodeError ``dumps(obj, case=case)`` raises, or None."""
    try:
        respmodel.dumps(obj, case=case)  # type: ignore[arg-type]
    except respmodel.EncodeError as exc:
        return str(exc)
    return None


def assert_lossless(obj: Any, expected: Any, case: str) -> None:
    """The object encodes back to ``expected``: as decoded, after reading it, and rebuilt."""

    def encoded(o: Any) -> Any:
        return orjson.loads(respmodel.dumps(o, case=case))

    assert same_json(encoded(obj), expected)
    touch(obj)
    assert same_json(encoded(obj), expected)
    repr(obj)
    refusal = encode_error(obj, "camel" if case == "snake" else "snake")
    # Only one refusal is allowed: an unknown key of this style that is a
    # field's key in the other, where that field is set or an explicit null
    # ({"statusDetails": null, "status_details": null} read as camel).
    assert refusal is None or "is also the key of its field" in refusal, refusal
    if isinstance(obj, str):
        return
    tag = type(obj).__dict__.get("type")
    if isinstance(tag, str) and isinstance(expected, dict) and expected.get("type") is None:
        # A tagged class asked for directly accepts its object without the tag (or with
        # a null one); made again through its constructor, it writes its tag.
        expected = {**expected, "type": tag}
    with attrs.validators.disabled():
        evolved = attrs.evolve(obj)
    assert same_json(encoded(evolved), expected)
    again = rebuilt(obj)
    assert same_json(encoded(again), expected)
    deep = depth(expected)
    if deep < 900 or DEEP_EQ_OK:
        assert again == obj
        assert hash(again) == hash(obj)
    assert pickle.loads(pickle.dumps(obj)) == obj  # deep JSON goes to the pickler flat


def outcome(decode: Callable[[], Any]) -> tuple[str, Any]:
    """("ok", object) or ("error", DecodeError); any other exception propagates."""
    try:
        return "ok", decode()
    except respmodel.DecodeError as err:
        assert_readable(err)
        return "error", err


def same(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    """Two outcomes agree: equal objects, or the same problems at the same paths."""
    if a[0] != b[0]:
        return False
    if a[0] == "error":
        return bool(a[1].errors == b[1].errors)
    return bool(a[1] == b[1])


LOSSY = "cannot be read exactly"


def check_text(tp: Any, text: Any, case: str) -> None:
    """The whole contract for JSON text, in both modes, against structure() as well."""
    lenient = outcome(lambda: respmodel.loads(text, tp, case=case))
    strict = outcome(lambda: respmodel.loads(text, tp, case=case, strict=True))
    if strict[0] == "ok":
        assert lenient[0] == "ok", "strict accepted what lenient refused"
        assert strict[1] == lenient[1]
        assert not getattr(lenient[1], "problems", ()), "salvaged what strict accepted"
    elif lenient[0] == "ok":
        # Salvage: every problem it lists is one strict decoding reports, word for word.
        assert set(getattr(lenient[1], "problems", ())) <= set(strict[1].errors)
    else:
        # Only the top level fails a lenient decode: below it, lenient decoding salvages.
        assert {"$", "$.type"} & {e.path for e in lenient[1].errors}, lenient[1]
    try:
        parsed = orjson.loads(text)
    except orjson.JSONDecodeError:
        assert lenient[0] == "error"
        assert lenient[1].path == "$"
        assert lenient[1].message.startswith("invalid JSON: ")
        return
    for mode, result in ((False, lenient), (True, strict)):
        if result[0] == "ok":
            assert_lossless(result[1], parsed, case)
        from_python = outcome(lambda m=mode: respmodel.structure(parsed, tp, case=case, strict=m))
        if result[0] == "error" and any(LOSSY in e.message for e in result[1].errors):
            # Strict loads() also reads the text for numbers parsing changed, which
            # structure() cannot see (it gets the parsed floats): the rest agree.
            rest = [e for e in result[1].errors if LOSSY not in e.message]
            assert rest == (list(from_python[1].errors) if from_python[0] == "error" else [])
            continue
        # structure() on the parsed JSON decides exactly as loads() on the text.
        assert same(result, from_python)


# --------------------------------------------------------------------------- properties


@FUZZ
@given(data=st.data())
def test_mutated_payloads_decode_losslessly_or_fail_with_paths(
    case: str, data: st.DataObject
) -> None:
    """Mutated payloads of every shape, raw text spliced in, give an object or a DecodeError."""
    tp, tree, splice = data.draw(texts(case == "camel"))
    check_text(tp, text_of(tree, splice), case)


@FUZZ
@given(data=st.data())
def test_damaged_bytes_decode_losslessly_or_fail_with_paths(case: str, data: st.DataObject) -> None:
    """Cut, flipped, inserted and removed bytes give an object or a DecodeError, for every input type."""
    tp, text = data.draw(damaged(case == "camel"))
    as_type = data.draw(st.sampled_from([bytes, bytearray, memoryview, str]))
    if as_type is str:
        given_text: Any = text.decode("utf-8", "surrogateescape")
    else:
        given_text = as_type(text)
    check_text(tp, given_text, case)


@FUZZ
@given(data=st.data())
def test_python_values_structure_losslessly_or_fail_with_paths(
    case: str, data: st.DataObject
) -> None:
    """structure() on mutated payloads holding unusual Python values gives an object or a DecodeError."""
    tp, drawn, odd = data.draw(python_trees(case == "camel"))
    tree = with_odd_value(drawn, odd)
    valid = odd not in PY_INVALID
    for strict in (False, True):
        kind, result = outcome(lambda s=strict: respmodel.structure(tree, tp, case=case, strict=s))
        if not valid:
            assert kind == "error", "structure() accepted a value JSON cannot hold"
        elif kind == "ok":
            assert_lossless(result, plain(tree), case)


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(2**63), 2**64 - 1)
        | st.text()
        | st.floats(allow_nan=False, allow_infinity=False),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_deep_writer_writes_what_orjson_writes(value: Any) -> None:
    """The writer used past orjson's nesting limit gives orjson's bytes, frozen or not."""
    assert dumps_deep(value) == orjson.dumps(value)
    assert dumps_deep(freeze(value)) == orjson.dumps(value)


# --------------------------------------------------------------------------- deterministic edges


def test_every_truncation_of_every_real_payload_is_a_decode_error(case: str) -> None:
    """Each proper prefix of each real payload is invalid JSON, reported at $."""
    for tp, data in CORPUS[case == "camel"]:
        text = orjson.dumps(data)
        for end in range(len(text)):
            with pytest.raises(respmodel.DecodeError) as info:
                respmodel.loads(text[:end], tp, case=case)
            assert info.value.path == "$"
            assert info.value.message.startswith("invalid JSON: ")


@pytest.mark.parametrize(
    "tp", [respmodel.Response, *MODEL_CLASSES, *(getattr(respmodel, n) for n in UNION_NAMES)]
)
@pytest.mark.parametrize(
    "text", [b"[]", b"[{}]", b"0", b"-1.5", b'""', b'"alloy"', b"null", b"true", b"{}"]
)
def test_top_level_values_of_every_json_type(tp: Any, text: bytes, strict: bool) -> None:
    """Any top-level JSON value, for any target type, is an object or a DecodeError at $."""
    kind, result = outcome(lambda: respmodel.loads(text, tp, strict=strict))
    if kind == "error":
        assert result.path == "$"
    else:
        assert_lossless(result, orjson.loads(text), "snake")


@pytest.mark.parametrize(
    "where",
    [
        "str field",
        "opaque field",
        "unknown key's value",
        "unknown key",
        "metadata value",
        "arguments",
    ],
)
def test_ten_megabyte_strings(where: str, strict: bool) -> None:
    """A 10 MB string decodes losslessly where allowed; errors about it stay short."""
    big = "é" + "x" * 10_000_000
    data: dict[str, Any] = {
        "str field": {"id": big},
        "opaque field": {"output": [{"type": "mcp_list_tools", "tools": [{"input_schema": big}]}]},
        "unknown key's value": {"future": big},
        "unknown key": {big: 1},
        "metadata value": {"metadata": {"k": big}},
        "arguments": {"output": [{"type": "function_call", "arguments": big}]},
    }[where]
    text = orjson.dumps(data)
    kind, result = outcome(lambda: respmodel.loads(text, strict=strict))
    if kind == "ok":
        assert respmodel.dumps(result) == text
        assert_lossless(result, data, "snake")
    else:
        assert strict
        assert where in ("unknown key's value", "unknown key", "metadata value")
        assert len(str(result)) < 300


def test_a_ten_megabyte_string_in_a_typed_field_is_shortened_in_the_error() -> None:
    """The message about a huge wrong value quotes its start and says how long it is."""
    big = "x" * 10_000_000
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(orjson.dumps({"temperature": big}), strict=True)
    expected = (
        '$.temperature: expected number, got string "' + "x" * 39 + '…" (10000000 characters)'
    )
    assert str(info.value) == expected
    assert str(respmodel.loads(orjson.dumps({"temperature": big})).problems[0]) == expected


OPAQUE_SITES = {
    "input_schema": lambda v: {
        "output": [{"type": "mcp_list_tools", "tools": [{"input_schema": v}]}]
    },
    "annotations": lambda v: {
        "output": [{"type": "mcp_list_tools", "tools": [{"annotations": v}]}]
    },
    "attributes": lambda v: {
        "output": [{"type": "file_search_call", "results": [{"attributes": {"a": v}}]}]
    },
    "extra at the root": lambda v: {"future": v},
    "extra below": lambda v: {"usage": {"input_token_details": {"future": v}}},
    "unknown item": lambda v: {"output": [{"type": "future_item", "payload": v}]},
    "unknown voice": lambda v: {"audio": {"output": {"voice": {"type": "future", "x": v}}}},
    "error of a failed status": lambda v: {"status_details": {"error": {"details": v}}},
}


def _deep_value(levels: int) -> Any:
    return orjson.loads(nest(levels))


@pytest.mark.parametrize("levels", [253, 254, 255, 600, 1000])
@pytest.mark.parametrize("site", sorted(OPAQUE_SITES))
def test_deep_opaque_json_decodes_and_reencodes(site: str, levels: int, case: str) -> None:
    """Opaque JSON nested as deep as orjson reads survives: encoding, reading, hashing, repr."""
    value = _deep_value(levels)
    data = OPAQUE_SITES[site](value)
    if case == "camel":
        data = orjson.loads(respmodel.dumps(respmodel.structure(data), case="camel"))
    if depth(data) > MAX_DEPTH:
        pytest.skip("deeper than JSON text can carry here")
    text = dumps_deep(data)
    obj = respmodel.loads(text, case=case)
    assert respmodel.dumps(obj, case=case) == text
    # Compared as text: == on nested lists recurses (RecursionError near 1000 levels).
    assert dumps_deep(respmodel.unstructure(obj, case=case)) == text
    assert dumps_deep(respmodel.make_converter(case=case).unstructure(obj)) == text
    touch(obj)
    assert respmodel.dumps(obj, case=case) == text
    again = rebuilt(obj)
    assert respmodel.dumps(again, case=case) == text
    assert respmodel.dumps(again, case="snake" if case == "camel" else "camel")
    assert hash(again) == hash(obj)
    assert repr(again) == repr(obj)
    assert respmodel.dumps(respmodel.structure(data, case=case), case=case) == text


def test_deep_opaque_json_compares_equal() -> None:
    """Two decodings of JSON nested 1000 deep are equal."""
    text = dumps_deep({"future": _deep_value(1000)})
    assert respmodel.loads(text) == respmodel.loads(text)


def test_deep_opaque_json_pickles() -> None:
    """An object holding JSON nested 1000 deep pickles and unpickles equal."""
    obj = respmodel.loads(dumps_deep({"future": _deep_value(1000)}))
    assert pickle.loads(pickle.dumps(obj)) == obj


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 5000, 100_000])
def test_nesting_deeper_than_json_allows_is_a_decode_error(levels: int, case: str) -> None:
    """Nesting beyond 1024 levels is a DecodeError, from text and from Python values alike."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(b'{"future":' + nest(levels) + b"}", case=case)
    assert info.value.path == "$"
    assert info.value.message.startswith("invalid JSON: depth limit exceeded")
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.structure({"future": _deep_py(levels)}, case=case)
    assert info.value.message == "expected at most 1024 nested arrays and objects"
    steps = info.value.path.removeprefix("$.future")
    assert steps.count("[0]") + steps.count(".k") == MAX_DEPTH - 1
    assert not steps.replace("[0]", "").replace(".k", "")


def test_constructors_refuse_json_deeper_than_json_allows() -> None:
    """Opaque values given to constructors nest at most 1024 levels (freeze stays iterative)."""
    assert respmodel.McpTool(input_schema=_deep_py(MAX_DEPTH)).input_schema is not None
    with pytest.raises(respmodel.ValidationError, match="at most 1024 nested arrays and objects"):
        respmodel.McpTool(input_schema=_deep_py(MAX_DEPTH + 1))
    with pytest.raises(respmodel.ValidationError, match="at most 1024 nested arrays and objects"):
        respmodel.UnknownItem({"type": "x", "loop": _cycle()})


def test_deep_frozen_dicts_hash_and_print_without_recursion() -> None:
    """hash() and repr() of FrozenDicts nested 1000 deep work (no RecursionError)."""
    frozen = freeze(_deep_py(1000))
    assert hash(frozen) == hash(freeze(_deep_py(1000)))
    assert repr(frozen).startswith("(FrozenDict({'k': (FrozenDict({'k': (")
    assert repr(freeze({"a": (1,), "b": [], "c": {}})) == (
        "FrozenDict({'a': (1,), 'b': (), 'c': FrozenDict({})})"
    )


def test_duplicate_keys_keep_the_last_value(case: str) -> None:
    """A key sent twice keeps its last value, as orjson reads it, and re-encodes that way."""
    text = b'{"id":"a","status":"x","id":"b","future":1,"future":[2]}'
    obj = respmodel.loads(text, case=case)
    assert obj.id == "b"
    assert obj.extra == {"future": (2,)}
    assert orjson.loads(respmodel.dumps(obj, case=case)) == orjson.loads(text)


def test_integers_beyond_64_bits_read_as_floats() -> None:
    """orjson reads integers beyond 64 bits as floats: kept in opaque JSON, a problem in int fields."""
    obj = respmodel.loads(b'{"future": 18446744073709551616}')
    assert obj.extra == {"future": 1.8446744073709552e19}
    assert respmodel.dumps(obj) == b'{"future":1.8446744073709552e+19}'
    data = b'{"usage": {"total_tokens": 18446744073709551616}}'
    expected = (
        "$.usage.total_tokens: expected integer, got number 1.8446744073709552e+19"
        " (an integer beyond 64 bits is read as a float)"
    )
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(data, strict=True)
    assert str(info.value.errors[0]) == expected
    salvaged = respmodel.loads(data)
    assert salvaged.usage.total_tokens is None
    assert [str(p) for p in salvaged.problems] == [expected]
    assert (
        respmodel.loads(b'{"usage": {"total_tokens": 18446744073709551615}}').usage.total_tokens
        == 2**64 - 1
    )


def test_structure_refuses_integers_json_cannot_carry() -> None:
    """structure() refuses Python ints beyond 64 bits, which no JSON text decodes to or encodes from."""
    for value in (2**64, -(2**63) - 1):
        with pytest.raises(respmodel.DecodeError) as info:
            respmodel.structure({"usage": {"total_tokens": value}})
        assert info.value.path == "$.usage.total_tokens"
    assert respmodel.dumps(respmodel.structure({"future": [2**64 - 1, -(2**63)]})) == (
        b'{"future":[18446744073709551615,-9223372036854775808]}'
    )


def test_structure_refuses_lone_surrogates() -> None:
    """structure() refuses strs holding lone surrogates (JSON text cannot carry them)."""
    for data, path in (
        ({"id": "\ud800"}, "$.id"),
        ({"x": ["a\udfff"]}, "$.x[0]"),
        ({"\udc00": 1}, "$"),
    ):
        with pytest.raises(respmodel.DecodeError) as info:
            respmodel.structure(data)
        assert info.value.path == path
        str(info.value).encode("utf-8")


# --------------------------------------------------------------------------- regressions

OVERFLOW_SCRIPT = """
import respmodel
value = 1
for i in range(1016):
    value = [value] if i % 2 else {"k": value}
data = {"type": "audio/pcma", "\\u00cc\\ud54d\\u0080h\\u00a5\\u00fc": {"K$\\U000aa6d6\\u00b5": value},
        "": ["\\r[/\\u00c9\\u00bc\\u008cn\\u00df\\U0006f982\\U0002571f\\u0091f", False,
             -1.8113277343220662e+154]}
obj = respmodel.structure(data, respmodel.PcmaAudioFormat)
out = respmodel.dumps(obj, case="camel")
assert respmodel.dumps(respmodel.loads(out, respmodel.PcmaAudioFormat, case="camel"),
                      case="camel") == out
print(len(out))
"""


def test_encoding_deep_frozen_json_does_not_corrupt_memory() -> None:
    """Frozen JSON nested 1016 deep encodes (orjson once wrote past its buffer here, aborting)."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", OVERFLOW_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "4178\n"


def _containers_below_tuples(value: Any) -> list[str]:
    """Where a tuple or FrozenDict that holds further containers sits in encoder output."""
    found = []
    stack = [(value, "$")]
    while stack:
        v, path = stack.pop()
        if isinstance(v, (tuple, FrozenDict)) and any(
            isinstance(x, (dict, list, tuple)) for x in (v.values() if isinstance(v, dict) else v)
        ):
            found.append(path)
        if isinstance(v, dict):
            stack.extend((x, f"{path}.{k}") for k, x in v.items())
        elif isinstance(v, (list, tuple)):
            stack.extend((x, f"{path}[{i}]") for i, x in enumerate(v))
    return found


@pytest.mark.parametrize("site", sorted(OPAQUE_SITES))
def test_encoders_give_orjson_plain_dicts_and_lists(site: str, case: str) -> None:
    """The field-by-field encoders thaw opaque JSON: no nested tuples or FrozenDicts reach orjson."""
    from respmodel._codegen import encode

    data = OPAQUE_SITES[site]({"a": [{"b": [1, {"c": []}]}]})
    other = "camel" if case == "snake" else "snake"
    obj = respmodel.loads(orjson.dumps(data))
    for candidate in (obj, rebuilt(obj)):
        assert _containers_below_tuples(encode(candidate, other == "camel")) == []
        assert _containers_below_tuples(encode(candidate, case == "camel")) == []
