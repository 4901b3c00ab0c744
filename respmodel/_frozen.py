"""Immutable, hashable JSON containers: what opaque JSON and unknown keys become."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

__all__ = ["FrozenDict", "freeze", "json_repr", "thaw"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A read-only, hashable ``dict``.

    It is a real ``dict`` subclass, so orjson and ``json`` serialise it as an
    object with no help, and ``isinstance(x, dict)`` code keeps working.
    Every mutating method raises ``TypeError``, as a tuple does.
    """

    # The hash is computed once, on first use, into this slot: until then the
    # slot is unset, which keeps making a FrozenDict as cheap as making a dict.
    __slots__ = ("_hash",)
    _hash: int

    def _readonly(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is read-only")

    # Annotated, so that type checkers need not infer these overrides of dict's
    # methods (pyright --verifytypes counts an inferred override as ambiguous).
    __setitem__: Callable[..., NoReturn] = _readonly
    __delitem__: Callable[..., NoReturn] = _readonly
    __ior__: Callable[..., NoReturn] = _readonly
    clear: Callable[..., NoReturn] = _readonly
    pop: Callable[..., NoReturn] = _readonly
    popitem: Callable[..., NoReturn] = _readonly
    setdefault: Callable[..., NoReturn] = _readonly
    update: Callable[..., NoReturn] = _readonly

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            _hash_nested(self)
            return self._hash

    def __repr__(self) -> str:
        return json_repr(self)

    def __reduce__(self) -> tuple[type[FrozenDict[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: object) -> FrozenDict[_K, _V]:
        return self

    def __or__(self, other: Mapping[_K, _V]) -> FrozenDict[_K, _V]:  # type: ignore[override]
        return FrozenDict({**self, **other})


EMPTY: FrozenDict[Any, Any] = FrozenDict()


MAX_DEPTH = 1024
"""The deepest nesting of arrays and objects respmodel holds: what ``orjson.loads`` accepts.

Bounding it keeps every later walk (encoding, hashing, comparing) within
reach, and keeps ``orjson.dumps``, which does not bound nested tuples, safe.
"""

_CONTAINERS = frozenset({dict, list, tuple, FrozenDict})
"""The container classes that JSON, parsed or frozen, is made of."""

_RECURSE = 64
"""Levels :func:`freeze` handles by plain recursion before switching to a stack."""


def freeze(value: Any, _depth: int = 0) -> Any:
    """Deep-freeze parsed JSON: objects become FrozenDict, arrays tuples.

    The input is trusted to be JSON as orjson produces it (str keys, finite
    floats); :func:`respmodel._jsontree.own` checks Python input first.
    Shallow values are frozen recursively (fast); deeper ones with an explicit
    stack, so nesting never meets the interpreter's recursion limit.  Nesting
    deeper than :data:`MAX_DEPTH` is a ValidationError.
    """
    cls = value.__class__
    if cls is dict or cls is FrozenDict:
        if _CONTAINERS.isdisjoint(map(type, value.values())):
            # Flat, as most objects are (found without a Python loop): one copy
            # (none if frozen already), no recursion.
            return value if cls is FrozenDict else FrozenDict(value)
        if _depth >= _RECURSE:
            return _freeze_deep(value, _depth)
        return FrozenDict({k: freeze(v, _depth + 1) for k, v in value.items()})
    if cls is list or cls is tuple:
        if _depth >= _RECURSE:
            return _freeze_deep(value, _depth)
        return tuple([freeze(v, _depth + 1) for v in value])
    return value


def _freeze_deep(value: Any, depth: int) -> Any:
    # Containers are listed parent before child (an explicit-stack pre-order
    # walk), then frozen in reverse, so every child is frozen before its parent.
    order: list[Any] = []
    stack: list[tuple[Any, int]] = [(value, depth)]
    while stack:
        src, level = stack.pop()
        if level >= MAX_DEPTH:
            from ._errors import ValidationError

            raise ValidationError("JSON", f"nested deeper than {MAX_DEPTH} levels")
        order.append(src)
        for child in src.values() if isinstance(src, dict) else src:
            ccls = child.__class__
            if ccls is dict or ccls is FrozenDict or ccls is list or ccls is tuple:
                stack.append((child, level + 1))
    frozen: dict[int, Any] = {}
    for src in reversed(order):
        if isinstance(src, dict):
            frozen[id(src)] = FrozenDict({k: _pick(v, frozen) for k, v in src.items()})
        else:
            frozen[id(src)] = tuple([_pick(v, frozen) for v in src])
    return frozen[id(value)]


def _pick(child: Any, frozen: dict[int, Any]) -> Any:
    ccls = child.__class__
    if ccls is dict or ccls is FrozenDict or ccls is list or ccls is tuple:
        return frozen[id(child)]
    return child


def thaw(value: Any, _depth: int = 0) -> Any:
    """Frozen JSON as fresh dicts and lists, for writing it out.

    orjson does not bound the nesting of tuples, and with arrays of objects
    nested some hundreds of levels it writes past the end of its buffer
    (orjson 3.x; found by tests/test_fuzz.py).  Encoders therefore hand it
    dicts and lists only: their nesting orjson refuses past 254 levels, which
    :func:`respmodel._jsontree.dumps_deep` then writes instead.
    """
    cls = value.__class__
    if cls is FrozenDict or cls is dict:
        if _depth >= _RECURSE:
            return _thaw_deep(value)
        return {k: thaw(v, _depth + 1) for k, v in value.items()}
    if cls is tuple or cls is list:
        if _depth >= _RECURSE:
            return _thaw_deep(value)
        return [thaw(v, _depth + 1) for v in value]
    return value


def _thaw_deep(value: Any) -> Any:
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        v, into, slot = stack.pop()
        cls = v.__class__
        if cls is FrozenDict or cls is dict:
            out: dict[Any, Any] = {}
            into[slot] = out
            for k, x in v.items():
                out[k] = x
                stack.append((x, out, k))
        elif cls is tuple or cls is list:
            arr = list(v)
            into[slot] = arr
            stack.extend((x, arr, i) for i, x in enumerate(arr))
        else:
            into[slot] = v
    return root[0]


def freeze_items(pairs: Iterable[tuple[str, Any]]) -> FrozenDict[str, Any]:
    """A FrozenDict of deep-frozen values, or the shared empty one."""
    out = {k: freeze(v) for k, v in pairs}
    return FrozenDict(out) if out else EMPTY


def _hash_nested(top: FrozenDict[Any, Any]) -> None:
    """Set the cached hash of ``top`` and of every FrozenDict inside it, innermost first.

    Each hash then only hashes children whose hashes are cached, so hashing
    deeply nested JSON never recurses through ``__hash__``.
    """
    order: list[FrozenDict[Any, Any]] = []
    stack: list[Any] = [top]
    while stack:
        v = stack.pop()
        if isinstance(v, FrozenDict):
            if hasattr(v, "_hash"):
                continue
            order.append(v)
            children: Iterable[Any] = v.values()
        else:
            children = v
        stack.extend(c for c in children if isinstance(c, (FrozenDict, tuple)))
    for d in reversed(order):
        d._hash = hash(frozenset(d.items()))


class _Text(str):
    """Punctuation queued by :func:`json_repr` (told apart from str values by class)."""


def json_repr(value: Any) -> str:
    """``repr`` of frozen or plain JSON, written without recursion.

    The same text as the built-in reprs (``FrozenDict({...})``, ``(x,)``,
    ``{...}``, ``[...]``); anything else inside is shown by its own ``repr``.
    """
    out: list[str] = []
    stack: list[Any] = [value]
    while stack:
        v = stack.pop()
        cls = v.__class__
        if cls is _Text:
            out.append(v)
        elif cls is FrozenDict or cls is dict:
            framed = cls is FrozenDict
            out.append("FrozenDict({" if framed else "{")
            stack.append(_Text("})" if framed else "}"))
            pairs = list(v.items())
            for i in range(len(pairs) - 1, -1, -1):
                k, x = pairs[i]
                stack.append(x)
                stack.append(_Text((", " if i else "") + json_repr(k) + ": "))
        elif cls is tuple or cls is list:
            out.append("(" if cls is tuple else "[")
            stack.append(
                _Text(
                    ("," if cls is tuple and len(v) == 1 else "") + (")" if cls is tuple else "]")
                )
            )
            for i in range(len(v) - 1, -1, -1):
                stack.append(v[i])
                if i:
                    stack.append(_Text(", "))
        else:
            out.append(repr(v))
    return "".join(out)
