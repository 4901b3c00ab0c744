"""What JSON a modelled field holds: the vocabulary the model classes are written in.

Each model field carries one *kind* in its attrs metadata, and the kind is the
one owner of everything that field means:

* ``emit``: the generated code that checks a decoded JSON value and builds the
  stored value from it, in one pass (``_codegen`` writes the function around it);
* ``check``: the same rules, walked slowly with JSON paths, to say what is
  wrong after the generated code found something (``_check``);
* ``accept`` and ``problem``: what a constructor takes as it is, and why it
  rejects a value; the messages are those strict decoding gives;
* ``encode``: the generated expression that turns a stored value back into JSON.

A kind never looks at another module's tables directly: the code generator
and the checker hand it an *emitter* or a *walker* (duck-typed below) that
knows the model classes and unions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ._frozen import FrozenDict, freeze
from ._naming import camelize

if TYPE_CHECKING:
    from ._errors import ErrorDetail

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "Bool",
    "Const",
    "Scalar",
    "Emitter",
    "Enum",
    "FieldInfo",
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
    "Walker",
    "describe",
    "field",
    "is_utf8",
    "field_infos",
]

KIND_KEY = "respmodel"

INT_MIN, INT_MAX = -(2**63), 2**64 - 1
"""The integers JSON text carries as integers: orjson reads larger ones as floats and
cannot write them, so respmodel holds none outside this range."""


def is_utf8(text: str) -> bool:
    """False for a str holding a lone surrogate, which JSON text (UTF-8) cannot carry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def describe(value: Any, limit: int = 40) -> str:
    """A short description of a JSON value for error messages."""
    if value is None:
        return "null"
    if value is True or value is False:
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, int):
        if value.bit_length() > 128:  # no decimal text: huge ints take long to print, or refuse
            return f"number of about {int(value.bit_length() * 0.30103) + 1} digits"
        text = int.__repr__(value)
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return f"number {text}"
    if isinstance(value, float):
        return f"number {float.__repr__(value)}"
    if isinstance(value, str):
        if not value.isascii() and not is_utf8(value):
            # A lone surrogate: shown escaped, as a Python literal, so that messages print.
            shown = ascii(str.__str__(value))
            if len(shown) > limit:
                return f"string {shown[: limit - 1]}… ({len(value)} characters)"
            return f"string {shown}"
        if len(value) > limit:
            return f'string "{value[: limit - 1]}…" ({len(value)} characters)'
        return f'string "{value}"'
    if isinstance(value, (list, tuple)):
        return f"array of {len(value)}"
    if isinstance(value, dict):
        return "object"
    return f"{type(value).__name__} (not JSON)"


class Emitter(Protocol):
    """What a kind may ask of the code generator while it writes a decoder."""

    strict: bool
    python: bool
    """The input is Python data handed to ``structure`` (not orjson's own output)."""
    camel: bool
    """The key style written (encoders)."""

    def line(self, indent: int, text: str) -> None: ...
    def const(self, name: str, value: Any) -> str: ...
    def local(self, hint: str) -> str: ...
    def decoder(self, cls: type) -> str: ...
    def union_decoder(self, name: str) -> str: ...
    def encoder(self, cls: type) -> str: ...
    def union_encoder(self, name: str) -> str: ...
    def inline(self, cls: type, var: str, ind: int) -> bool: ...


class Walker(Protocol):
    """What a kind may ask of the full checker while it lists problems."""

    strict: bool
    errs: list[ErrorDetail]

    def bad(self, path: str, message: str) -> None: ...
    def child(self, path: str, key: str) -> str: ...
    def obj(self, cls: type, value: dict[str, Any], path: str) -> None: ...
    def union(self, name: str, value: Any, path: str) -> None: ...


def _got(expected: str, value: Any) -> str:
    return f"expected {expected}, got {describe(value)}"


class Kind:
    """Base of the field kinds.

    Kinds are plain slotted classes, not attrs classes: there are a dozen,
    they are made at import, and nothing compares them.
    """

    __slots__ = ()

    json: str = "value"
    """How the expected JSON type is named in error messages."""

    builds = False
    """Whether decoding stores something other than the JSON value itself."""

    def __repr__(self) -> str:
        names: tuple[str, ...] = self.__slots__
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({args})"

    def expected(self) -> str:
        """The expected value, as strict decoding names it."""
        return self.json

    # ----------------------------------------------------------------- JSON values

    def type_ok(self, value: Any) -> bool:
        """Whether a JSON value has the right JSON type (lenient decoding asks no more)."""
        raise NotImplementedError

    def strict_ok(self, value: Any) -> bool:
        """Whether a value of the right type also meets the constraint (strict decoding)."""
        return True

    def message(self, value: Any, strict: bool) -> str | None:
        """Why a (non-null) JSON value is rejected at this level, or None."""
        if not self.type_ok(value):
            return _got(self.json, value)
        if strict and not self.strict_ok(value):
            return _got(self.expected(), value)
        return None

    def check(self, value: Any, path: str, walk: Walker) -> None:
        """Report every problem of a non-null JSON value (the full checker)."""
        problem = self.message(value, walk.strict)
        if problem is not None:
            walk.bad(path, problem)

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        """Write code that checks non-null JSON ``var`` (``raise _Invalid``) and builds it."""
        raise NotImplementedError

    # ----------------------------------------------------------------- constructors

    def convert(self, value: Any) -> Any:
        """Turn a constructor argument into the value stored (default: as it is)."""
        return value

    def problem(self, value: Any) -> tuple[str, str] | None:
        """Why a converted constructor argument is rejected: (path below the field, message).

        Constructors take what lenient decoding takes (so that ``attrs.evolve``
        copies whatever decoding kept): the right JSON type, and only values
        JSON can carry; constraints are strict decoding's to report.
        """
        problem = self.message(value, False)
        return None if problem is None else ("", problem)

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        """An expression true when constructor argument ``var`` is stored as it is."""
        return None

    def classes(self) -> frozenset[type] | None:
        """The classes a constructor argument may have when its class alone makes it right."""
        return None

    # ----------------------------------------------------------------- encoding

    def encode(self, e: Emitter, var: str, name: str) -> str:
        """An expression turning stored ``var`` into JSON-ready values."""
        return var


def _emit_test(e: Emitter, ind: int, bad: str) -> None:
    e.line(ind, f"if {bad}:")
    e.line(ind + 1, "raise _Invalid")


class Scalar(Kind):
    """A kind whose decoded value is stored as it is: its check is one expression."""

    __slots__ = ()

    def ok(self, e: Emitter, var: str, name: str) -> str:
        """An expression true when non-null JSON ``var`` is acceptable in the emitter's mode."""
        raise NotImplementedError

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        _emit_test(e, ind, f"not ({self.ok(e, var, name)})")


def _text(e: Emitter, var: str) -> str:
    """``var`` is a str JSON can carry (from Python data: a plain str, no lone surrogate)."""
    test = f"_type({var}) is str"
    return f"{test} and ({var}.isascii() or _utf8({var}))" if e.python else test


class Str(Scalar):
    __slots__ = ()
    json = "string"

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, str)

    def ok(self, e: Emitter, var: str, name: str) -> str:
        return _text(e, var)

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return f"_type({var}) is str"

    def classes(self) -> frozenset[type] | None:
        return frozenset({str})


class Enum(Str):
    """An open enum: known values listed, any string kept leniently."""

    __slots__ = ("values",)

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values

    def expected(self) -> str:
        return "one of " + ", ".join(f'"{v}"' for v in self.values)

    def strict_ok(self, value: Any) -> bool:
        return value in self.values

    def ok(self, e: Emitter, var: str, name: str) -> str:
        if not e.strict:
            return _text(e, var)
        values = e.const(f"_{name}_values", frozenset(self.values))
        return f"_type({var}) is str and {var} in {values}"


class Const(Str):
    """A string that has one right value (``object``)."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def expected(self) -> str:
        return f'"{self.value}"'

    def strict_ok(self, value: Any) -> bool:
        return bool(value == self.value)

    def ok(self, e: Emitter, var: str, name: str) -> str:
        return f"{var} == {self.value!r}" if e.strict else _text(e, var)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Int(Scalar):
    __slots__ = ("nonneg",)
    json = "integer"

    def __init__(self, nonneg: bool = True) -> None:
        self.nonneg = nonneg

    def expected(self) -> str:
        return "a non-negative integer" if self.nonneg else "integer"

    def type_ok(self, value: Any) -> bool:
        return _is_int(value)

    def strict_ok(self, value: Any) -> bool:
        return value >= 0 or not self.nonneg

    def message(self, value: Any, strict: bool) -> str | None:
        problem = super().message(value, strict)
        if problem is None and not INT_MIN <= value <= INT_MAX:
            return _got("an integer from -2**63 to 2**64-1", value)
        if isinstance(value, float) and value.is_integer() and not INT_MIN <= value <= INT_MAX:
            # JSON text holds it as an integer, but orjson reads it as the nearest float.
            return f"{problem} (an integer beyond 64 bits is read as a float)"
        return problem

    def ok(self, e: Emitter, var: str, name: str) -> str:
        low = 0 if e.strict and self.nonneg else INT_MIN
        if e.python:
            return f"_type({var}) is int and {low} <= {var} <= {INT_MAX}"
        return f"_type({var}) is int and {var} >= 0" if low == 0 else f"_type({var}) is int"

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return f"_type({var}) is int and {INT_MIN} <= {var} <= {INT_MAX}"


class Float(Scalar):
    __slots__ = ("hi", "lo")
    json = "number"

    def __init__(self, lo: float | None = None, hi: float | None = None) -> None:
        self.lo, self.hi = lo, hi

    def expected(self) -> str:
        return "number" if self.lo is None else f"a number in [{self.lo}, {self.hi}]"

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def strict_ok(self, value: Any) -> bool:
        return self.lo is None or self.lo <= value <= self.hi

    def message(self, value: Any, strict: bool) -> str | None:
        if self.type_ok(value) and not (
            (INT_MIN <= value <= INT_MAX) if _is_int(value) else math.isfinite(value)
        ):
            return _got("a finite number", value)
        return super().message(value, strict)

    def ok(self, e: Emitter, var: str, name: str) -> str:
        if e.python:  # NaN and the infinities fail the comparison; ints must fit 64 bits
            test = (
                f"(_type({var}) is float and -_INF < {var} < _INF"
                f" or _type({var}) is int and {INT_MIN} <= {var} <= {INT_MAX})"
            )
        else:
            test = f"(_type({var}) is float or _type({var}) is int)"
        if e.strict and self.lo is not None:
            return f"{test} and {self.lo!r} <= {var} <= {self.hi!r}"
        return test

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return f"_type({var}) is float and -_INF < {var} < _INF"


class Bool(Scalar):
    __slots__ = ()
    json = "boolean"

    def type_ok(self, value: Any) -> bool:
        return value is True or value is False

    def ok(self, e: Emitter, var: str, name: str) -> str:
        return f"{var} is True or {var} is False"

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return self.ok(e, var, name)


class IntOrInf(Scalar):
    """``max_output_tokens``: a non-negative integer or the string ``"inf"``."""

    __slots__ = ()
    json = 'a non-negative integer or "inf"'

    def type_ok(self, value: Any) -> bool:
        return (_is_int(value) and INT_MIN <= value <= INT_MAX) or isinstance(value, str)

    def strict_ok(self, value: Any) -> bool:
        return value == "inf" or (_is_int(value) and value >= 0)

    def ok(self, e: Emitter, var: str, name: str) -> str:
        low = 0 if e.strict else INT_MIN
        if e.python:
            number = f"_type({var}) is int and {low} <= {var} <= {INT_MAX}"
        else:
            number = f"_type({var}) is int and {var} >= 0" if e.strict else f"_type({var}) is int"
        text = f"{var} == 'inf'" if e.strict else _text(e, var)
        return f"{number} or {text}"

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return f"_type({var}) is str or _type({var}) is int and {INT_MIN} <= {var} <= {INT_MAX}"


class Metadata(Kind):
    """A map of str to str with size limits; keys are user data, never renamed."""

    __slots__ = ("max_key", "max_pairs", "max_value")
    builds = True
    json = "object"

    def __init__(self, max_pairs: int = 16, max_key: int = 64, max_value: int = 512) -> None:
        self.max_pairs, self.max_key, self.max_value = max_pairs, max_key, max_value

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, Mapping)

    def problems(self, value: Mapping[Any, Any], strict: bool) -> list[tuple[Any, str]]:
        """Every problem inside a mapping: (key, or None for the mapping itself; message)."""
        out: list[tuple[Any, str]] = []
        for k, v in value.items():
            if not isinstance(v, str):
                out.append((k, _got("string", v)))
            elif strict and len(v) > self.max_value:
                out.append((k, _got(f"a string of at most {self.max_value} characters", v)))
            if strict and isinstance(k, str) and len(k) > self.max_key:
                out.append(
                    (k, f"expected a key of at most {self.max_key} characters, got {len(k)}")
                )
        if strict and len(value) > self.max_pairs:
            out.append((None, f"expected at most {self.max_pairs} pairs, got {len(value)}"))
        return out

    def check(self, value: Any, path: str, walk: Walker) -> None:
        if not isinstance(value, dict):
            walk.bad(path, _got("object", value))
            return
        for key, message in self.problems(value, walk.strict):
            walk.bad(path if key is None else walk.child(path, key), message)

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        _emit_test(e, ind, f"_type({var}) is not dict")
        fn = "_metadata_py" if e.python else "_metadata"
        kind = e.const(f"_{name}_kind", self)
        e.line(ind, f"{var} = {fn}({kind}, {var}, {e.strict})")

    def build(self, value: dict[str, Any], strict: bool) -> FrozenDict[str, str]:
        """The stored value of checked-type JSON; raises ValueError when a problem is found."""
        for v in value.values():
            if v.__class__ is not str:
                raise ValueError
        if strict and self.problems(value, True):
            raise ValueError
        return FrozenDict(value)

    def convert(self, value: Any) -> Any:
        if isinstance(value, Mapping) and not isinstance(value, FrozenDict):
            return FrozenDict(value)
        return value

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        # What ``problem`` accepts, tested in C: read-only, string keys and values.
        frozen = e.const("_FrozenDict", FrozenDict)
        strs = e.const("_ONLY_STR", frozenset({str}))
        return (
            f"_type({var}) is {frozen} and {strs}.issuperset(map(_type, {var})) "
            f"and {strs}.issuperset(map(_type, {var}.values()))"
        )

    def problem(self, value: Any) -> tuple[str, str] | None:
        if not isinstance(value, Mapping):
            return ("", _got("object", value))
        for k in value:
            if not isinstance(k, str):
                return ("", f"expected string keys, got {describe(k)}")
        for key, message in self.problems(value, False):
            return ("" if key is None else _key_suffix(key), message)
        return None


def _key_suffix(key: str) -> str:
    from ._check import key_path  # the one spelling of JSON paths

    return key_path("", key)


class Json(Kind):
    """Opaque JSON carried through unchanged (deep-frozen); ``object_only`` for maps."""

    __slots__ = ("object_only",)
    builds = True

    def __init__(self, object_only: bool = False) -> None:
        self.object_only = object_only

    @property
    def json(self) -> str:  # type: ignore[override]
        return "object" if self.object_only else "JSON"

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, Mapping) or not self.object_only

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        if self.object_only:
            _emit_test(e, ind, f"_type({var}) is not dict")
        e.line(ind, f"{var} = {'_freeze_py' if e.python else '_freeze'}({var})")

    def convert(self, value: Any) -> Any:
        from ._jsontree import own  # checks what JSON cannot hold; imports this module

        return freeze(own(value))

    def encode(self, e: Emitter, var: str, name: str) -> str:
        # Frozen opaque JSON goes to orjson as dicts and lists (see _frozen.thaw).
        return f"_thaw({var})"


class Obj(Kind):
    """A nested model object."""

    __slots__ = ("cls",)
    builds = True
    json = "object"

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, path: str, walk: Walker) -> None:
        if isinstance(value, dict):
            walk.obj(self.cls, value, path)
        else:
            walk.bad(path, _got("object", value))

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        _emit_test(e, ind, f"_type({var}) is not dict")
        if not e.inline(self.cls, var, ind):
            e.line(ind, f"{var} = {e.decoder(self.cls)}({var})")

    def problem(self, value: Any) -> tuple[str, str] | None:
        if isinstance(value, self.cls):
            return None
        return ("", f"expected {self.cls.__name__}, got {type(value).__name__}")

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        return f"_type({var}) is {e.const('_' + self.cls.__name__, self.cls)}"

    def classes(self) -> frozenset[type] | None:
        return frozenset({self.cls})

    def encode(self, e: Emitter, var: str, name: str) -> str:
        # An unchanged decoded object hands back its JSON without a call.
        src = f"(s := {var}._src) is not None and {var}._camel is {e.camel}"
        return f"(s if {src} else {e.encoder(self.cls)}({var}))"


class Union(Kind):
    """A member of a tagged union, named as registered in ``_unions``."""

    __slots__ = ("name",)
    builds = True
    json = "object"

    def __init__(self, name: str) -> None:
        self.name = name

    def info(self) -> Any:
        from ._unions import UNIONS  # the unions are built from the model classes

        return UNIONS[self.name]

    def check(self, value: Any, path: str, walk: Walker) -> None:
        walk.union(self.name, value, path)

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        e.line(ind, f"{var} = {e.union_decoder(self.name)}({var})")

    def problem(self, value: Any) -> tuple[str, str] | None:
        info = self.info()
        if isinstance(value, info.members) or (info.allows_str and isinstance(value, str)):
            return None
        return ("", f"expected {info.name}, got {type(value).__name__}")

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        info = self.info()
        members = e.const(f"_{self.name}_classes", frozenset(info.members))
        test = f"_type({var}) in {members}"
        return f"{test} or _type({var}) is str" if info.allows_str else test

    def classes(self) -> frozenset[type] | None:
        info = self.info()
        return frozenset({*info.members, *((str,) if info.allows_str else ())})

    def encode(self, e: Emitter, var: str, name: str) -> str:
        return f"{e.union_encoder(self.name)}({var})"


class Seq(Kind):
    """A JSON array, stored as a tuple."""

    __slots__ = ("item",)
    builds = True
    json = "array"

    def __init__(self, item: Kind) -> None:
        self.item = item

    def type_ok(self, value: Any) -> bool:
        return isinstance(value, list)

    def check(self, value: Any, path: str, walk: Walker) -> None:
        if not isinstance(value, list):
            walk.bad(path, _got("array", value))
            return
        for i, x in enumerate(value):
            self.item.check(x, f"{path}[{i}]", walk)

    def emit(self, e: Emitter, var: str, name: str, ind: int) -> None:
        _emit_test(e, ind, f"_type({var}) is not list")
        item = self.item
        if isinstance(item, (Obj, Union)):
            # The common case, one call per entry: ``None`` entries fail inside it.
            fn = e.decoder(item.cls) if isinstance(item, Obj) else e.union_decoder(item.name)
            if isinstance(item, Obj):
                x = e.local("x")
                e.line(ind, f"for {x} in {var}:")
                _emit_test(e, ind + 1, f"_type({x}) is not dict")
            # One entry is the common case, and cheaper without a comprehension.
            e.line(ind, f"if len({var}) == 1:")
            e.line(ind + 1, f"{var} = ({fn}({var}[0]),)")
            e.line(ind, "else:")
            e.line(ind + 1, f"{var} = tuple([{fn}(x) for x in {var}])")
            return
        x = e.local("x")
        if not item.builds:  # scalars are stored as they are: check them, then copy the list
            e.line(ind, f"for {x} in {var}:")
            item.emit(e, x, name, ind + 1)
            e.line(ind, f"{var} = tuple({var})")
            return
        out = e.local("items")
        e.line(ind, f"{out} = []")
        e.line(ind, f"for {x} in {var}:")
        item.emit(e, x, name, ind + 1)
        e.line(ind + 1, f"{out}.append({x})")
        e.line(ind, f"{var} = tuple({out})")

    def convert(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple([self.item.convert(v) for v in value])
        return value

    def problem(self, value: Any) -> tuple[str, str] | None:
        if not isinstance(value, tuple):
            return ("", _got("array", value))
        for i, v in enumerate(value):
            p = self.item.problem(v)
            if p is not None:
                return (f"[{i}]{p[0]}", p[1])
        return None

    def accept(self, e: Emitter, var: str, name: str) -> str | None:
        classes = self.item.classes()
        if classes is not None:  # the items' classes alone say it: no loop in Python
            ok = e.const(f"_{name}_items", classes)
            return f"_type({var}) is tuple and {ok}.issuperset(map(_type, {var}))"
        inner = self.item.accept(e, "x", name)
        if inner is None:
            return None
        return f"_type({var}) is tuple and all([{inner} for x in {var}])"

    def encode(self, e: Emitter, var: str, name: str) -> str:
        inner = self.item.encode(e, "x", name)
        return var if inner == "x" else f"[{inner} for x in {var}]"


def field(kind: Kind, *, wire: str | None = None, doc: str | None = None) -> Any:
    """Declare a modelled field: optional on the wire, ``None`` when absent."""
    meta: dict[str, Any] = {KIND_KEY: kind}
    if wire is not None:
        meta["wire"] = wire
    if doc is not None:
        meta["doc"] = doc
    # No attrs validator or converter: the generated __init__ converts and
    # checks every field, and decoding builds objects without __init__.
    return attrs.field(default=None, kw_only=True, metadata=meta)


class FieldInfo:
    """A modelled field as the code generator sees it."""

    __slots__ = ("camel", "kind", "name", "snake")

    def __init__(self, name: str, kind: Kind, snake: str, camel: str) -> None:
        self.name, self.kind, self.snake, self.camel = name, kind, snake, camel

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
