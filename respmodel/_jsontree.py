"""Walking JSON trees without recursion: a checked copy of parsed input, and deep output."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import orjson

from ._check import key_path
from ._errors import DecodeError, ErrorDetail
from ._frozen import MAX_DEPTH, FrozenDict
from ._kinds import INT_MAX, INT_MIN, describe, is_utf8

__all__ = ["dumps_deep", "own"]

_INT_RANGE = "an integer from -2**63 to 2**64-1"


def own(value: Any, max_depth: int = MAX_DEPTH) -> Any:
    """A copy of JSON-like Python data made of plain dicts and lists.

    Decoded objects keep the JSON they were made from, so they must not share
    it with a caller who may change it later.  Mappings become dicts, lists
    and tuples become lists, str and int subclasses (StrEnum, IntEnum members)
    their plain values; anything JSON cannot hold (a NaN, a non-string key, a
    set, an object, an integer beyond 64 bits, a lone surrogate) is a
    DecodeError naming its path, and so is nesting deeper than ``orjson.loads``
    accepts (:data:`respmodel._frozen.MAX_DEPTH` arrays and objects, or
    ``max_depth``).  The walk
    uses an explicit stack, so deep nesting costs memory, never the C stack;
    each entry links to its parent, and a path is spelled out only for an error.
    """
    root: list[Any] = [None]
    # Each entry: (value to copy, container to store into, key or index in it, parent link, depth);
    # a link is (parent link, key or index), or None at the top.
    stack: list[tuple[Any, Any, Any, Any, int]] = [(value, root, 0, None, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        v, into, slot, link, depth = pop()
        cls = v.__class__
        if cls is str:
            if not v.isascii() and not is_utf8(v):
                raise _error(link, f"expected a string without lone surrogates, got {describe(v)}")
            into[slot] = v
        elif cls is int:
            if not INT_MIN <= v <= INT_MAX:
                raise _error(link, f"expected {_INT_RANGE}, got {describe(v)}")
            into[slot] = v
        elif cls is float:
            if not math.isfinite(v):
                raise _error(link, f"expected a finite number, got {v!r}")
            into[slot] = v
        elif cls is bool or v is None:
            into[slot] = v
        elif cls is dict or isinstance(v, Mapping):
            if depth >= max_depth:
                raise _too_deep(link)
            if cls is dict and _plain(v.values()) and _plain_keys(v):
                into[slot] = dict(v)  # scalars only, all JSON: one copy, no loop
                continue
            out: dict[str, Any] = {}
            into[slot] = out
            for k, item in v.items():
                if k.__class__ is not str:
                    raise _error(link, f"expected string keys, got {describe(k)}")
                if not k.isascii() and not is_utf8(k):
                    raise _error(link, f"expected keys without lone surrogates, got {describe(k)}")
                out[k] = None
                push((item, out, k, (link, k), depth + 1))
        elif cls is list or cls is tuple:
            if depth >= max_depth:
                raise _too_deep(link)
            if _plain(v):
                into[slot] = list(v)
                continue
            arr: list[Any] = [None] * len(v)
            into[slot] = arr
            for i, item in enumerate(v):
                push((item, arr, i, (link, i), depth + 1))
        elif isinstance(v, (str, int)):
            # str and int subclasses (StrEnum, IntEnum members) are JSON as their
            # base values; push the plain value back through the checks above.
            plain = str.__str__(v) if isinstance(v, str) else int.__index__(v)
            push((plain, into, slot, link, depth))
        else:
            raise _error(link, f"expected a JSON value, got {describe(v)}")
    return root[0]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(values: Any) -> bool:
    """Whether the members of a container are all JSON scalars JSON can carry.

    Checked a class at a time, in C where it can be (most of a huge array of
    numbers, strings or nulls is never looked at from Python).  False sends
    the container through the member-by-member walk, which names the problem.
    """
    classes = set(map(type, values))
    if not classes <= _SCALARS:
        return False
    if int in classes:
        ints = [x for x in values if x.__class__ is int]
        if min(ints) < INT_MIN or max(ints) > INT_MAX:
            return False
    if float in classes and not all(
        map(math.isfinite, [x for x in values if x.__class__ is float])
    ):
        return False
    if str in classes:
        strs = [x for x in values if x.__class__ is str]
        if not "".join(strs).isascii() and not all(map(is_utf8, strs)):
            return False
    return True


def _plain_keys(d: dict[Any, Any]) -> bool:
    """Whether the keys of a dict are all plain strings JSON can carry."""
    if not set(map(type, d)) <= {str}:
        return False
    return "".join(d).isascii() or all(map(is_utf8, d))


def _path(link: Any) -> str:
    """The JSON path a parent link stands for (``$`` for None)."""
    steps: list[Any] = []
    while link is not None:
        link, step = link
        steps.append(step)
    path = "$"
    for step in reversed(steps):
        path = key_path(path, step) if isinstance(step, str) else f"{path}[{step}]"
    return path


def _error(link: Any, message: str) -> DecodeError:
    return DecodeError([ErrorDetail(_path(link), message)])


def _too_deep(link: Any) -> DecodeError:
    return _error(link, f"expected at most {MAX_DEPTH} nested arrays and objects")


_OPEN_OBJ, _CLOSE_OBJ, _OPEN_ARR, _CLOSE_ARR, _COMMA = b"{", b"}", b"[", b"]", b","
_NESTS = frozenset({dict, list, tuple, FrozenDict})
"""The containers :func:`dumps_deep` walks; every other value is written by orjson."""


def dumps_deep(value: Any) -> bytes:
    """What ``orjson.dumps(value)`` gives, for nesting deeper than orjson writes.

    orjson refuses more than 254 nested arrays and objects, while it reads
    (and respmodel keeps) up to :data:`respmodel._frozen.MAX_DEPTH`.  This walk
    uses an explicit stack; every array or object that holds no array or
    object, and every scalar, is still written by orjson, so the bytes are the
    same and values orjson refuses raise its ``JSONEncodeError``.  The stack
    holds values and punctuation, told apart by class: punctuation is
    ``bytes``, which no JSON value is (a ``bytes`` member is refused).
    """
    out: list[bytes] = []
    write = out.append
    stack: list[Any] = [value]
    pop, push = stack.pop, stack.append
    dumps = orjson.dumps
    nests = _NESTS
    keys: dict[str, tuple[bytes, bytes]] = {}  # key -> its text, first and after a comma
    while stack:
        v = pop()
        cls = v.__class__
        if cls is bytes:
            write(v)
            continue
        if cls is dict or cls is FrozenDict:
            if nests.isdisjoint(map(type, v.values())):
                write(dumps(v))  # scalars only (orjson refuses a bytes member itself)
                continue
            if bytes in map(type, v.values()):
                raise orjson.JSONEncodeError("Type is not JSON serializable: bytes")
            write(_OPEN_OBJ)
            push(_CLOSE_OBJ)
            texts: tuple[bytes, bytes] | None = None
            for k, x in reversed(v.items()):
                texts = keys.get(k)
                if texts is None:
                    if not isinstance(k, str):
                        raise orjson.JSONEncodeError("Dict key must be str")
                    text = dumps(k) + b":"
                    texts = keys[k] = (text, b"," + text)
                push(x)
                push(texts[1])
            assert texts is not None  # the object has members (it holds a container)
            stack[-1] = texts[0]  # no comma before the first member
        elif cls is list or cls is tuple:
            if nests.isdisjoint(map(type, v)):
                write(dumps(v))
                continue
            if bytes in map(type, v):
                raise orjson.JSONEncodeError("Type is not JSON serializable: bytes")
            write(_OPEN_ARR)
            push(_CLOSE_ARR)
            for x in reversed(v):
                push(x)
                push(_COMMA)
            pop()  # no comma before the first member
        else:
            write(dumps(v))  # a scalar, or what orjson makes of anything else
    return b"".join(out)
