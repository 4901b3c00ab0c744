"""Taking in JSON that is already parsed: a private, checked copy."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ._errors import DecodeError, ErrorDetail
from ._kinds import describe

__all__ = ["own"]

_SCALARS = (str, int, bool, type(None))


def own(value: Any) -> Any:
    """A copy of JSON-like Python data made of plain dicts and lists.

    Decoded objects keep the JSON they were made from, so they must not share
    it with a caller who may change it later.  Mappings become dicts, lists
    and tuples become lists; anything JSON cannot hold (a NaN, a non-string
    key, a set, an object) is a DecodeError naming its path.  The walk uses
    an explicit stack, so deep nesting costs memory, never the C stack.
    """
    root: list[Any] = [None]
    # Each entry: (value to copy, container to store into, key or index in it, path)
    stack: list[tuple[Any, Any, Any, str]] = [(value, root, 0, "$")]
    while stack:
        v, into, slot, path = stack.pop()
        cls = v.__class__
        if cls is dict or (cls is not str and isinstance(v, Mapping)):
            out: dict[str, Any] = {}
            into[slot] = out
            for k, item in v.items():
                if k.__class__ is not str:
                    raise DecodeError([ErrorDetail(path, f"expected string keys, got {describe(k)}")])
                out[k] = None
                stack.append((item, out, k, _child(path, k)))
        elif cls is list or cls is tuple:
            arr: list[Any] = [None] * len(v)
            into[slot] = arr
            for i, item in enumerate(v):
                stack.append((item, arr, i, f"{path}[{i}]"))
        elif cls is float:
            if not math.isfinite(v):
                raise DecodeError([ErrorDetail(path, f"expected a finite number, got {v!r}")])
            into[slot] = v
        elif cls in _SCALARS:
            into[slot] = v
        else:
            raise DecodeError([ErrorDetail(path, f"expected a JSON value, got {describe(v)}")])
    return root[0]


def _child(path: str, key: str) -> str:
    from ._codegen import key_path

    return key_path(path, key)
