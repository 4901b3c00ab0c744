"""What JSON a modelled field holds: the vocabulary the model classes are written in.

Each model field carries one *kind* in its attrs metadata.  The kind is the
single source of truth for that field: the JSON type the decoder checks, the
constraint strict decoding and constructors enforce, and how the value becomes
a Python value.  ``_codegen`` turns kinds into code; nothing else inspects them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from ._frozen import FrozenDict, freeze
from ._naming import camelize

__all__ = [
    "Bool",
    "Const",
    "Enum",
    "Float",
    "Int",
    "IntOrInf",
    "Json",
    "Kind",
    "Metadata",
    "Obj",
    "Seq",
    "Str",
    "Union",
    "field",
    "describe",
]

KIND_KEY = "respmodel"


def describe(value: Any, limit: int = 40) -> str:
    """A short description of a JSON value for error messages."""
    if value is None:
        return "null"
    if value is True or value is False:
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        text = repr(value)
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return f"number {text}"
    if isinstance(value, str):
        if len(value) > limit:
            return f'string "{value[: limit - 1]}…" ({len(value)} characters)'
        return f'string "{value}"'
    if isinstance(value, (list, tuple)):
        return f"array of {len(value)}"
    if isinstance(value, dict):
        return "object"
    return f"{type(value).__name__} (not JSON)"


class Kind:
    """Base of the field kinds.

    Kinds are plain slotted classes, not attrs classes: there are a dozen,
    they are made at import, and nothing compares them.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        names: tuple[str, ...] = self.__slots__
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({args})"

    json: str = "value"
    """How the expected JSON is named in error messages."""

    def expected(self) -> str:
        return self.json

    def convert(self, value: Any) -> Any:
        """Turn a constructor argument into the stored value (default: as is)."""
        return value

    def problem(self, value: Any) -> str | None:
        """Why a constructor argument is not acceptable, or None."""
        return None


class Str(Kind):
    __slots__ = ()
    json = "string"

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, str) else f"expected string, got {describe(value)}"


class Enum(Str):
    """An open enum: known values listed, any string kept leniently."""

    __slots__ = ("values",)

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values

    def expected(self) -> str:
        return "one of " + ", ".join(f'"{v}"' for v in self.values)


class Const(Str):
    """A string that has one right value (``object``)."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def expected(self) -> str:
        return f'"{self.value}"'

    def problem(self, value: Any) -> str | None:
        return None if value == self.value else f"expected {self.expected()}, got {describe(value)}"


class Int(Kind):
    __slots__ = ("nonneg",)
    json = "integer"

    def __init__(self, nonneg: bool = True) -> None:
        self.nonneg = nonneg

    def expected(self) -> str:
        return "a non-negative integer" if self.nonneg else "integer"

    def problem(self, value: Any) -> str | None:
        ok = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (value >= 0 or not self.nonneg)
        )
        return None if ok else f"expected {self.expected()}, got {describe(value)}"


class Float(Kind):
    __slots__ = ("hi", "lo")
    json = "number"

    def __init__(self, lo: float | None = None, hi: float | None = None) -> None:
        self.lo, self.hi = lo, hi

    def expected(self) -> str:
        return "number" if self.lo is None else f"a number in [{self.lo}, {self.hi}]"

    def problem(self, value: Any) -> str | None:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            return f"expected {self.expected()}, got {describe(value)}"
        if self.lo is not None and self.hi is not None and not self.lo <= value <= self.hi:
            return f"expected {self.expected()}, got {describe(value)}"
        return None


class Bool(Kind):
    __slots__ = ()
    json = "boolean"

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else f"expected boolean, got {describe(value)}"


class IntOrInf(Kind):
    __slots__ = ()
    """``max_output_tokens``: a non-negative integer or the string ``"inf"``."""

    json = "integer or string"

    def expected(self) -> str:
        return 'a non-negative integer or "inf"'

    def problem(self, value: Any) -> str | None:
        if value == "inf" or Int().problem(value) is None:
            return None
        return f"expected {self.expected()}, got {describe(value)}"


class Metadata(Kind):
    """A map of str to str with size limits; keys are user data, never renamed."""

    __slots__ = ("max_key", "max_pairs", "max_value")
    json = "object"

    def __init__(self, max_pairs: int = 16, max_key: int = 64, max_value: int = 512) -> None:
        self.max_pairs, self.max_key, self.max_value = max_pairs, max_key, max_value

    def convert(self, value: Any) -> Any:
        if isinstance(value, Mapping) and not isinstance(value, FrozenDict):
            return FrozenDict(value)
        return value

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, Mapping):
            return f"expected object, got {describe(value)}"
        for k, v in value.items():
            if not isinstance(k, str) or not isinstance(v, str):
                return f"expected string keys and values, got {describe(k)}: {describe(v)}"
        return self.limit_problem(value)

    def limit_problem(self, value: Mapping[str, str]) -> str | None:
        if len(value) > self.max_pairs:
            return f"expected at most {self.max_pairs} pairs, got {len(value)}"
        for k, v in value.items():
            if len(k) > self.max_key:
                return f"expected keys of at most {self.max_key} characters, got {describe(k)}"
            if len(v) > self.max_value:
                return f"expected values of at most {self.max_value} characters, got {describe(v)}"
        return None


class Json(Kind):
    """Opaque JSON carried through unchanged (deep-frozen); ``object_only`` for maps."""

    __slots__ = ("object_only",)

    def __init__(self, object_only: bool = False) -> None:
        self.object_only = object_only

    @property
    def json(self) -> str:  # type: ignore[override]
        return "object" if self.object_only else "JSON"

    def convert(self, value: Any) -> Any:
        return freeze(value)

    def problem(self, value: Any) -> str | None:
        if self.object_only and not isinstance(value, Mapping):
            return f"expected object, got {describe(value)}"
        return None


class Obj(Kind):
    """A nested model object."""

    __slots__ = ("cls",)
    json = "object"

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def problem(self, value: Any) -> str | None:
        if isinstance(value, self.cls):
            return None
        return f"expected {self.cls.__name__}, got {type(value).__name__}"


class Union(Kind):
    """A member of a tagged union, named as registered in ``_unions``."""

    __slots__ = ("name",)
    json = "object"

    def __init__(self, name: str) -> None:
        self.name = name

    def problem(self, value: Any) -> str | None:
        from ._unions import UNIONS

        union = UNIONS[self.name]
        if isinstance(value, union.members) or (union.allows_str and isinstance(value, str)):
            return None
        return f"expected {union.name}, got {type(value).__name__}"


class Seq(Kind):
    """A JSON array, stored as a tuple."""

    __slots__ = ("item",)
    json = "array"

    def __init__(self, item: Kind) -> None:
        self.item = item

    def convert(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple(self.item.convert(v) for v in value)
        return value

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, tuple):
            return f"expected array, got {describe(value)}"
        for i, v in enumerate(value):
            p = self.item.problem(v)
            if p is not None:
                return f"[{i}]: {p}"
        return None


def field(kind: Kind, *, wire: str | None = None, doc: str | None = None) -> Any:
    """Declare a modelled field: optional on the wire, ``None`` when absent."""
    meta: dict[str, Any] = {KIND_KEY: kind}
    if wire is not None:
        meta["wire"] = wire
    if doc is not None:
        meta["doc"] = doc
    # No attrs validator or converter: Model.__attrs_post_init__ converts and
    # checks every field in one loop, which keeps class creation (import) cheap.
    return attrs.field(default=None, kw_only=True, metadata=meta)


@attrs.frozen(eq=False)
class FieldInfo:
    """A modelled field as the code generator sees it."""

    name: str
    kind: Kind
    snake: str
    camel: str

    def key(self, camel: bool) -> str:
        return self.camel if camel else self.snake


_FIELD_INFOS: dict[type, tuple[FieldInfo, ...]] = {}


def field_infos(cls: type) -> tuple[FieldInfo, ...]:
    """The modelled fields of a model class, in declaration order (computed once)."""
    cached = _FIELD_INFOS.get(cls)
    if cached is not None:
        return cached
    out = []
    for a in attrs.fields(cls):
        kind = a.metadata.get(KIND_KEY)
        if kind is None:
            continue
        wire = a.metadata.get("wire", a.name)
        out.append(FieldInfo(a.name, kind, wire, camelize(wire)))
    infos = _FIELD_INFOS[cls] = tuple(out)
    return infos
