"""Immutable, hashable JSON containers: what opaque JSON and unknown keys become."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn, TypeVar

__all__ = ["FrozenDict", "freeze"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A read-only, hashable ``dict``.

    It is a real ``dict`` subclass, so orjson and ``json`` serialise it as an
    object with no help, and ``isinstance(x, dict)`` code keeps working.
    Every mutating method raises ``TypeError``, as a tuple does.
    """

    __slots__ = ("_hash",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hash: int | None = None

    def _readonly(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is read-only")

    __setitem__ = __delitem__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]
    __ior__ = _readonly  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self.items()))
        return h

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"

    def __reduce__(self) -> tuple[type[FrozenDict[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: object) -> FrozenDict[_K, _V]:
        return self

    def __or__(self, other: Mapping[_K, _V]) -> FrozenDict[_K, _V]:  # type: ignore[override]
        return FrozenDict({**self, **other})


EMPTY: FrozenDict[Any, Any] = FrozenDict()


def freeze(value: Any) -> Any:
    """Deep-freeze parsed JSON: objects become FrozenDict, arrays tuples.

    The input is trusted to be JSON as orjson produces it (str keys, finite
    floats); :func:`respmodel._jsontree.own` checks Python input first.
    """
    cls = value.__class__
    if cls is dict or cls is FrozenDict:
        return FrozenDict({k: freeze(v) for k, v in value.items()})
    if cls is list or cls is tuple:
        return tuple(freeze(v) for v in value)
    return value


def freeze_items(pairs: Iterable[tuple[str, Any]]) -> FrozenDict[str, Any]:
    """A FrozenDict of deep-frozen values, or the shared empty one."""
    out = {k: freeze(v) for k, v in pairs}
    return FrozenDict(out) if out else EMPTY

