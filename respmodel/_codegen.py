"""Generated code: the checkers, fillers and encoders of every model class.

For each model class and key style (snake or camel) this module writes, the
first time they are needed, small straight-line Python functions from the
field kinds declared on the class, compiles them and registers their source
with ``linecache`` so that tracebacks and debuggers show real lines:

* a *fast checker* per mode (lenient or strict) that walks parsed JSON and
  raises ``_Invalid`` at the first problem without tracking paths, for the
  common case where nothing is wrong;
* a *full checker* per mode that walks the same JSON again, only after the
  fast one failed, and collects every problem with its JSON path;
* a *filler* that sets every field slot of a lazily decoded object from its
  checked JSON (nested objects become lazy objects in turn);
* an *encoder* that turns an object back into JSON-ready values, returning
  the checked JSON itself for an object that was decoded in the same key style
  (frozen objects cannot have changed).

Nothing is generated at import time; generation is guarded by one lock so
that threads decoding in a fresh process see finished functions only.
"""

from __future__ import annotations

import keyword
import linecache
import threading
from collections.abc import Callable
from typing import Any

import attrs

from ._base import Model, Unknown
from ._errors import DecodeError, ErrorDetail
from ._frozen import FrozenDict, freeze, freeze_items, thaw
from ._kinds import (
    Bool,
    Const,
    Enum,
    FieldInfo,
    Float,
    Int,
    IntOrInf,
    Json,
    Kind,
    Metadata,
    Obj,
    Seq,
    Str,
    Union,
    describe,
    field_infos,
)
from ._unions import UNIONS, UnionInfo

__all__ = ["checker", "class_plan", "encode", "fill_lazy", "union_builder", "wrap"]


class _Invalid(Exception):
    """Raised by fast checkers at the first problem; never leaves this module."""


_LOCK = threading.RLock()
_new = object.__new__
_set_src = Model.__dict__["_src"].__set__
_set_camel = Model.__dict__["_camel"].__set__
_set_extra = Model.__dict__["extra"].__set__
_set_nulls = Model.__dict__["json_nulls"].__set__
_getattribute = object.__getattribute__


def key_path(path: str, key: str) -> str:
    """``$.a`` + ``b`` -> ``$.a.b``; keys that are not identifiers are quoted.

    A key longer than 64 characters is shortened (``$["aaa…"]``), so that an
    error about a huge unknown key stays readable.
    """
    if len(key) > 64:
        key = key[:63] + "…"
    elif key.isidentifier() and not keyword.iskeyword(key):
        return f"{path}.{key}"
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{path}["{escaped}"]'


def _bad(errs: list[ErrorDetail], path: str, expected: str, value: Any) -> None:
    errs.append(ErrorDetail(path, f"expected {expected}, got {describe(value)}"))


def _metadata_full(
    kind: Metadata, value: dict[str, Any], path: str, errs: list[ErrorDetail], strict: bool
) -> None:
    for k, v in value.items():
        where = key_path(path, k)
        if v.__class__ is not str:
            _bad(errs, where, "string", v)
        elif strict and len(v) > kind.max_value:
            _bad(errs, where, f"a string of at most {kind.max_value} characters", v)
        if strict and len(k) > kind.max_key:
            errs.append(
                ErrorDetail(
                    where, f"expected a key of at most {kind.max_key} characters, got {len(k)}"
                )
            )
    if strict and len(value) > kind.max_pairs:
        errs.append(ErrorDetail(path, f"expected at most {kind.max_pairs} pairs, got {len(value)}"))


def _metadata_fast(kind: Metadata, value: dict[str, Any], strict: bool) -> None:
    for v in value.values():
        if v.__class__ is not str:
            raise _Invalid
    if strict and kind.limit_problem(value) is not None:
        raise _Invalid


# --------------------------------------------------------------------------- plans


@attrs.define(eq=False)
class ClassPlan:
    """What the generated code of one model class needs, and the code itself."""

    cls: type[Model]
    fields: tuple[FieldInfo, ...]
    names: tuple[str, ...]
    name_set: frozenset[str]
    tag: str | None
    known: dict[bool, frozenset[str]]
    """Keys the class knows, by key style (True: camel)."""
    name_by_key: dict[bool, dict[str, str]]
    fast: dict[tuple[bool, bool], Callable[..., None]] = attrs.Factory(dict)
    full: dict[tuple[bool, bool], Callable[..., None]] = attrs.Factory(dict)
    fillers: dict[bool, Callable[[Model, dict[str, Any]], None]] = attrs.Factory(dict)
    builders: dict[bool, Callable[[dict[str, Any]], Model]] = attrs.Factory(dict)
    encoders: dict[bool, Callable[[Model], Any]] = attrs.Factory(dict)


_PLANS: dict[type, ClassPlan] = {}


def class_plan(cls: type[Model]) -> ClassPlan:
    """The plan of a model class (built once; no code is generated here)."""
    plan = _PLANS.get(cls)
    if plan is None:
        with _LOCK:
            plan = _PLANS.get(cls)
            if plan is None:
                fields = field_infos(cls)
                tag = cls.__dict__.get("type")
                tag = tag if isinstance(tag, str) else None
                known = {}
                name_by_key = {}
                for camel in (False, True):
                    keys = {f.key(camel): f.name for f in fields}
                    name_by_key[camel] = keys
                    known[camel] = frozenset(keys) | ({"type"} if tag is not None else set())
                plan = ClassPlan(
                    cls,
                    fields,
                    tuple(f.name for f in fields),
                    frozenset(f.name for f in fields),
                    tag,
                    known,
                    name_by_key,
                )
                _PLANS[cls] = plan
    return plan


def _compile(name: str, source: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    filename = f"<respmodel generated {name}>"
    code = compile(source, filename, "exec")
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(code, namespace)
    fn: Callable[..., Any] = namespace[name]
    return fn


class _Writer:
    """Collects indented lines and the constants they refer to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.ns: dict[str, Any] = {}
        self._n = 0

    def line(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def const(self, value: Any, hint: str = "c") -> str:
        self._n += 1
        name = f"_{hint}{self._n}"
        self.ns[name] = value
        return name

    def var(self, hint: str) -> str:
        self._n += 1
        return f"{hint}{self._n}"

    def source(self) -> str:
        return "\n".join(self.lines) + "\n"


# --------------------------------------------------------------------------- checkers


class _CheckGen:
    """Writes one checker (fast or full) of one class in one mode."""

    def __init__(self, plan: ClassPlan, camel: bool, strict: bool, full: bool) -> None:
        self.plan, self.camel, self.strict, self.full = plan, camel, strict, full
        self.w = _Writer()

    def fail(self, ind: int, path: str, expected: str, var: str) -> None:
        if self.full:
            self.w.line(ind, f"_bad(errs, f{path!r}, {expected!r}, {var})")
        else:
            self.w.line(ind, "raise _Invalid")

    def problem(self, ind: int, path: str, message: str) -> None:
        if self.full:
            self.w.line(ind, f"errs.append(ErrorDetail(f{path!r}, {message!r}))")
        else:
            self.w.line(ind, "raise _Invalid")

    def nested(self, fn: Callable[..., None], var: str, path: str) -> str:
        name = self.w.const(fn, "chk")
        return f"{name}({var}, f{path!r}, errs)" if self.full else f"{name}({var})"

    def kind(self, kind: Kind, var: str, path: str, ind: int) -> None:
        """Emit the check of ``var`` (known not to be None) against ``kind``."""
        w, strict = self.w, self.strict
        if isinstance(kind, (Enum, Const)):
            w.line(ind, f"if {var}.__class__ is not str:")
            self.fail(ind + 1, path, "string", var)
            if strict:
                allowed = w.const(
                    frozenset(kind.values if isinstance(kind, Enum) else (kind.value,)), "ok"
                )
                w.line(ind, f"elif {var} not in {allowed}:")
                self.fail(ind + 1, path, kind.expected(), var)
        elif isinstance(kind, Str):
            w.line(ind, f"if {var}.__class__ is not str:")
            self.fail(ind + 1, path, "string", var)
        elif isinstance(kind, Int):
            w.line(ind, f"if {var}.__class__ is not int:")
            self.fail(ind + 1, path, "integer", var)
            if strict and kind.nonneg:
                w.line(ind, f"elif {var} < 0:")
                self.fail(ind + 1, path, kind.expected(), var)
        elif isinstance(kind, Float):
            w.line(ind, f"if {var}.__class__ is not float and {var}.__class__ is not int:")
            self.fail(ind + 1, path, "number", var)
            if strict and kind.lo is not None:
                w.line(ind, f"elif not {kind.lo!r} <= {var} <= {kind.hi!r}:")
                self.fail(ind + 1, path, kind.expected(), var)
        elif isinstance(kind, Bool):
            w.line(ind, f"if {var} is not True and {var} is not False:")
            self.fail(ind + 1, path, "boolean", var)
        elif isinstance(kind, IntOrInf):
            w.line(ind, f"if {var}.__class__ is int:")
            if strict:
                w.line(ind + 1, f"if {var} < 0:")
                self.fail(ind + 2, path, kind.expected(), var)
            else:
                w.line(ind + 1, "pass")
            w.line(ind, f"elif {var}.__class__ is str:")
            if strict:
                w.line(ind + 1, f"if {var} != 'inf':")
                self.fail(ind + 2, path, kind.expected(), var)
            else:
                w.line(ind + 1, "pass")
            w.line(ind, "else:")
            self.fail(ind + 1, path, kind.expected(), var)
        elif isinstance(kind, Metadata):
            w.line(ind, f"if {var}.__class__ is not dict:")
            self.fail(ind + 1, path, "object", var)
            w.line(ind, "else:")
            k = w.const(kind, "meta")
            if self.full:
                w.line(ind + 1, f"_metadata_full({k}, {var}, f{path!r}, errs, {strict})")
            else:
                w.line(ind + 1, f"_metadata_fast({k}, {var}, {strict})")
        elif isinstance(kind, Json):
            if kind.object_only:
                w.line(ind, f"if {var}.__class__ is not dict:")
                self.fail(ind + 1, path, "object", var)
            else:
                w.line(ind, "pass")
        elif isinstance(kind, Obj):
            w.line(ind, f"if {var}.__class__ is not dict:")
            self.fail(ind + 1, path, "object", var)
            w.line(ind, "else:")
            fn = _checker(kind.cls, self.camel, self.strict, self.full)
            w.line(ind + 1, self.nested(fn, var, path))
        elif isinstance(kind, Union):
            info = UNIONS[kind.name]
            cond = f"{var}.__class__ is not dict"
            if info.allows_str:
                cond += f" and {var}.__class__ is not str"
            w.line(ind, f"if {cond}:")
            self.fail(ind + 1, path, "string or object" if info.allows_str else "object", var)
            w.line(ind, f"elif {var}.__class__ is dict:" if info.allows_str else "else:")
            fn = _union_checker(info, self.camel, self.strict, self.full)
            if self.full:
                w.line(ind + 1, self.nested(fn, var, path))
            else:
                # Dispatch inline: one dict lookup, then the member's checker.
                # An unhashable tag raises TypeError here, which ``checker``
                # treats like _Invalid; the union checker handles the rest.
                table = w.const(
                    {t: _checker(c, self.camel, self.strict, False) for t, c in info.tags.items()},
                    "tags",
                )
                chk = w.var("chk")
                w.line(ind + 1, f"{chk} = {table}.get({var}.get('type'))")
                w.line(ind + 1, f"if {chk} is not None:")
                w.line(ind + 2, f"{chk}({var})")
                w.line(ind + 1, "else:")
                w.line(ind + 2, self.nested(fn, var, path))
        elif isinstance(kind, Seq):
            w.line(ind, f"if {var}.__class__ is not list:")
            self.fail(ind + 1, path, "array", var)
            w.line(ind, "else:")
            item = w.var("x")
            if self.full:
                i = w.var("i")
                w.line(ind + 1, f"for {i}, {item} in enumerate({var}):")
                self.kind(kind.item, item, f"{path}[{{{i}}}]", ind + 2)
            else:
                w.line(ind + 1, f"for {item} in {var}:")
                self.kind(kind.item, item, path, ind + 2)
        else:  # pragma: no cover - a new kind without a checker is a bug
            raise TypeError(f"no checker for {kind!r}")

    def build(self) -> Callable[..., None]:
        plan, w = self.plan, self.w
        mode = f"{'camel' if self.camel else 'snake'}_{'strict' if self.strict else 'lenient'}"
        name = f"check_{plan.cls.__name__}_{mode}_{'full' if self.full else 'fast'}"
        w.ns.update(
            _Invalid=_Invalid,
            _bad=_bad,
            ErrorDetail=ErrorDetail,
            key_path=key_path,
            _metadata_full=_metadata_full,
            _metadata_fast=_metadata_fast,
        )
        w.line(0, f"def {name}(d, path='$', errs=None):" if self.full else f"def {name}(d):")
        w.line(1, "g = d.get")
        if self.strict:
            known = w.const(plan.known[self.camel], "known")
            w.line(1, f"if not d.keys() <= {known}:")
            if self.full:
                w.line(2, "for k in d:")
                w.line(3, f"if k not in {known}:")
                w.line(4, "errs.append(ErrorDetail(key_path(path, k), 'unknown field'))")
            else:
                w.line(2, "raise _Invalid")
        if plan.tag is not None:
            # A union dispatches on the tag, so this only fails when a class is asked for directly.
            w.line(1, "v = g('type')")
            w.line(1, f"if v is not None and v != {plan.tag!r}:")
            self.fail(2, "{path}.type", f'"{plan.tag}"', "v")
        for f in plan.fields:
            key = f.key(self.camel)
            w.line(1, f"v = g({key!r})")
            simple = _SIMPLE_TYPES.get(type(f.kind)) if not self.strict else None
            if simple is not None:
                # One test for the common case: the right type, or absent/null.
                w.line(1, f"if v.__class__ is not {simple} and v is not None:")
                self.fail(2, "{path}." + key, f.kind.json, "v")
            else:
                w.line(1, "if v is not None:")
                self.kind(f.kind, "v", "{path}." + key, 2)
        return _compile(name, w.source(), w.ns)


_SIMPLE_TYPES = {Str: "str", Enum: "str", Const: "str", Int: "int"}
"""Kinds whose lenient check is a single class test."""


def _checker(cls: type[Model], camel: bool, strict: bool, full: bool) -> Callable[..., None]:
    plan = class_plan(cls)
    table = plan.full if full else plan.fast
    fn = table.get((camel, strict))
    if fn is None:
        with _LOCK:
            fn = table.get((camel, strict))
            if fn is None:
                fn = table[(camel, strict)] = _CheckGen(plan, camel, strict, full).build()
    return fn


_UNION_CHECKERS: dict[tuple[str, bool, bool, bool], Callable[..., None]] = {}


def _union_checker(info: UnionInfo, camel: bool, strict: bool, full: bool) -> Callable[..., None]:
    """The checker of a union member that is a JSON object: dispatch on its tag."""
    key = (info.name, camel, strict, full)
    fn = _UNION_CHECKERS.get(key)
    if fn is not None:
        return fn
    with _LOCK:
        table = {tag: _checker(c, camel, strict, full) for tag, c in info.tags.items()}
        untagged = _checker(info.untagged, camel, strict, full) if info.untagged else None
        ukey = info.untagged_key
        expected = info.expected_tags()
        closed = strict and not info.open  # an unknown tag is an error

        if full:

            def check(d: dict[str, Any], path: str, errs: list[ErrorDetail]) -> None:
                tag = d.get("type")
                if tag.__class__ is str:
                    chk = table.get(tag)
                    if chk is not None:
                        chk(d, path, errs)
                    elif closed:
                        errs.append(
                            ErrorDetail(
                                f"{path}.type",
                                f"unknown tag: expected {expected}, got {describe(tag)}",
                            )
                        )
                elif "type" in d:
                    if tag is not None or strict:
                        _bad(errs, f"{path}.type", expected, tag)
                elif untagged is not None and ukey in d:
                    untagged(d, path, errs)
                elif strict:
                    errs.append(ErrorDetail(path, f'missing tag "type": expected {expected}'))

        else:

            def check(d: dict[str, Any]) -> None:  # type: ignore[misc]
                tag = d.get("type")
                if tag.__class__ is str:
                    chk = table.get(tag)
                    if chk is not None:
                        chk(d)
                    elif closed:
                        raise _Invalid
                elif "type" in d:
                    if tag is not None or strict:
                        raise _Invalid
                elif untagged is not None and ukey in d:
                    untagged(d)
                elif strict:
                    raise _Invalid

        _UNION_CHECKERS[key] = check
        return check


def checker(target: type[Model] | UnionInfo, camel: bool, strict: bool) -> Callable[[Any], None]:
    """``check(data)`` for a model class or union: raises DecodeError listing every problem.

    The fast checker runs first; only when it finds something does the full
    checker walk the input again to say where, and what, every problem is.
    """
    if isinstance(target, UnionInfo):
        expected = "string or object" if target.allows_str else "object"
        allows_str = target.allows_str
        fast = _union_checker(target, camel, strict, False)
        full = _union_checker(target, camel, strict, True)
    else:
        expected, allows_str = "object", False
        fast = _checker(target, camel, strict, False)
        full = _checker(target, camel, strict, True)

    def check(data: Any) -> None:
        if data.__class__ is not dict:
            if allows_str and data.__class__ is str:
                return
            raise DecodeError([ErrorDetail("$", f"expected {expected}, got {describe(data)}")])
        try:
            fast(data)
        except (_Invalid, TypeError):
            errs: list[ErrorDetail] = []
            full(data, "$", errs)
            if not errs:  # pragma: no cover - the two checkers disagree: a bug in this module
                errs.append(ErrorDetail("$", "invalid input (internal checker mismatch)"))
            raise DecodeError(errs) from None

    return check


# --------------------------------------------------------------------------- building objects
#
# ``loads`` returns a *lazy* object: a shell around the checked JSON.  The
# first read of any of its fields builds the whole tree below it at once with
# generated builders (``object.__new__`` plus slot setters: no ``__init__``,
# no validators, which the checkers made redundant).  Laziness stops at the
# root because waking an object costs about a microsecond (an AttributeError
# and a Python frame), far more than building a small object eagerly.


def wrap(cls: type[Model], data: dict[str, Any], camel: bool) -> Model:
    """A lazy object of ``cls`` over checked JSON: nothing is built until a field is read."""
    obj = _new(cls)
    _set_src(obj, data)
    _set_camel(obj, camel)
    return obj


_UNION_BUILDERS: dict[tuple[str, bool, bool], Callable[[Any], Any]] = {}


def union_builder(info: UnionInfo, camel: bool, lazy: bool = False) -> Callable[[Any], Any]:
    """Turns a checked union member into its object: a model, an Unknown, or a str."""
    key = (info.name, camel, lazy)
    fn = _UNION_BUILDERS.get(key)
    if fn is not None:
        return fn
    with _LOCK:
        makers: dict[str, Callable[..., Model]]
        if lazy:
            makers = {tag: (lambda d, c=c: wrap(c, d, camel)) for tag, c in info.tags.items()}
        else:
            makers = {tag: _builder(class_plan(c), camel) for tag, c in info.tags.items()}
        unknown = info.unknown
        untagged_key = info.untagged_key
        untagged = None
        if info.untagged is not None:
            untagged = (
                (lambda d, c=info.untagged: wrap(c, d, camel))
                if lazy
                else _builder(class_plan(info.untagged), camel)
            )

        def to_object(d: Any) -> Any:
            if d.__class__ is str:
                return d
            tag = d.get("type")
            make = makers.get(tag) if tag.__class__ is str else None
            if make is not None:
                return make(d)
            if untagged is not None and "type" not in d and untagged_key in d:
                return untagged(d)
            return unknown(d)

        _UNION_BUILDERS[key] = to_object
    return to_object


def _build_expr(w: _Writer, kind: Kind, var: str, camel: bool) -> str:
    """An expression turning checked, non-null JSON ``var`` into the stored value."""
    if isinstance(kind, Obj):
        return f"{w.const(_builder(class_plan(kind.cls), camel), 'build')}({var})"
    if isinstance(kind, Union):
        return f"{w.const(union_builder(UNIONS[kind.name], camel), 'u')}({var})"
    if isinstance(kind, Seq):
        x = w.var("x")
        inner = _build_expr(w, kind.item, x, camel)
        if inner == x:
            return f"tuple({var})"
        return f"tuple([{inner} for {x} in {var}])"
    if isinstance(kind, Metadata):
        return f"{w.const(FrozenDict, 'fd')}({var})"
    if isinstance(kind, Json):
        return f"{w.const(freeze, 'freeze')}({var})"
    return var


def _fill_lines(w: _Writer, plan: ClassPlan, camel: bool) -> None:
    w.line(1, "g = d.get")
    for f in plan.fields:
        setter = w.const(getattr(plan.cls, f.name).__set__, "set")
        expr = _build_expr(w, f.kind, "v", camel)
        if expr == "v":
            w.line(1, f"{setter}(o, g({f.key(camel)!r}))")
        else:
            w.line(1, f"v = g({f.key(camel)!r})")
            w.line(1, f"{setter}(o, None if v is None else {expr})")


def _builder(plan: ClassPlan, camel: bool) -> Callable[[dict[str, Any]], Model]:
    """``build(d)``: a finished object (its children too) from checked JSON."""
    fn = plan.builders.get(camel)
    if fn is not None:
        return fn
    with _LOCK:
        w = _Writer()
        name = f"build_{plan.cls.__name__}_{'camel' if camel else 'snake'}"
        w.ns.update(_new=_new, _cls=plan.cls, _set_src=_set_src, _set_camel=_set_camel)
        w.line(0, f"def {name}(d):")
        w.line(1, "o = _new(_cls)")
        _fill_lines(w, plan, camel)
        w.line(1, "_set_src(o, d)")
        w.line(1, f"_set_camel(o, {camel})")
        w.line(1, "return o")
        fn = plan.builders[camel] = _compile(name, w.source(), w.ns)
    return fn


def _filler(plan: ClassPlan, camel: bool) -> Callable[[Model, dict[str, Any]], None]:
    """``fill(o, d)``: set the fields of a lazy object (its children built eagerly)."""
    fn = plan.fillers.get(camel)
    if fn is not None:
        return fn
    with _LOCK:
        w = _Writer()
        name = f"fill_{plan.cls.__name__}_{'camel' if camel else 'snake'}"
        w.line(0, f"def {name}(o, d):")
        _fill_lines(w, plan, camel)
        w.line(1, "return None")
        fn = plan.fillers[camel] = _compile(name, w.source(), w.ns)
    return fn


_get_src = Model.__dict__["_src"].__get__
_get_camel = Model.__dict__["_camel"].__get__


def fill_lazy(obj: Model, name: str) -> Any:
    """``__getattr__`` of model objects: fill a lazy object on its first read."""
    src = _get_src(obj)
    if src is not None:
        cls = type(obj)
        plan = _PLANS.get(cls) or class_plan(cls)
        camel = _get_camel(obj)
        if name in plan.name_set:
            (plan.fillers.get(camel) or _filler(plan, camel))(obj, src)
            return _getattribute(obj, name)
        if name == "extra":
            known = plan.known[camel]
            value: Any = freeze_items((k, v) for k, v in src.items() if k not in known)
            _set_extra(obj, value)
            return value
        if name == "json_nulls":
            by_key = plan.name_by_key[camel]
            value = frozenset(by_key[k] for k, v in src.items() if v is None and k in by_key)
            _set_nulls(obj, value)
            return value
    raise AttributeError(f"{type(obj).__name__!r} object has no attribute {name!r}")


# --------------------------------------------------------------------------- encoders


def _encode_expr(w: _Writer, kind: Kind, var: str, camel: bool) -> str:
    if isinstance(kind, Obj):
        return f"{w.const(_encoder(class_plan(kind.cls), camel), 'enc')}({var})"
    if isinstance(kind, Union):
        return f"{w.const(_union_encoder(UNIONS[kind.name], camel), 'uenc')}({var})"
    if isinstance(kind, Seq):
        x = w.var("x")
        inner = _encode_expr(w, kind.item, x, camel)
        return var if inner == x else f"[{inner} for {x} in {var}]"
    if isinstance(kind, Json):  # frozen opaque JSON: orjson gets dicts and lists (see thaw)
        return f"{w.const(thaw, 'thaw')}({var})"
    return var


def _encoder(plan: ClassPlan, camel: bool) -> Callable[[Model], Any]:
    fn = plan.encoders.get(camel)
    if fn is not None:
        return fn
    with _LOCK:
        w = _Writer()
        name = f"encode_{plan.cls.__name__}_{'camel' if camel else 'snake'}"
        w.line(0, f"def {name}(o):")
        w.line(1, "s = o._src")
        w.line(1, f"if s is not None and o._camel is {camel}:")
        w.line(2, "return s")
        w.line(1, "ex = o.extra")
        w.ns["_thaw"] = thaw
        w.line(1, "out = _thaw(ex) if ex else {}")
        if plan.tag is not None:
            w.line(1, f"out['type'] = {plan.tag!r}")
        if plan.fields:
            w.line(1, "nulls = o.json_nulls")
        for f in plan.fields:
            key = f.key(camel)
            w.line(1, f"v = o.{f.name}")
            w.line(1, "if v is not None:")
            w.line(2, f"out[{key!r}] = {_encode_expr(w, f.kind, 'v', camel)}")
            w.line(1, f"elif {f.name!r} in nulls:")
            w.line(2, f"out[{key!r}] = None")
        w.line(1, "return out")
        fn = plan.encoders[camel] = _compile(name, w.source(), w.ns)
    return fn


def _union_encoder(info: UnionInfo, camel: bool) -> Callable[[Any], Any]:
    """Encodes a union member: one dict lookup on its class (str and Unknown: ``encode``)."""
    classes = [*info.tags.values(), *([info.untagged] if info.untagged else [])]
    by_class = {c: _encoder(class_plan(c), camel) for c in classes}.get

    def encode_member(value: Any) -> Any:
        enc = by_class(value.__class__)
        return enc(value) if enc is not None else encode(value, camel)

    return encode_member


_ENCODERS: dict[tuple[type, bool], Callable[[Model], Any]] = {}


def encode(obj: Any, camel: bool) -> Any:
    """JSON-ready values of any respmodel object (may share the decoded JSON: read only)."""
    enc = _ENCODERS.get((obj.__class__, camel))
    if enc is not None:
        return enc(obj)
    if isinstance(obj, Model):
        enc = _ENCODERS[(obj.__class__, camel)] = _encoder(class_plan(type(obj)), camel)
        return enc(obj)
    if isinstance(obj, Unknown):
        # A decoded generic event hands back the parsed JSON it kept (most
        # events of a session: no freezing, no thawing); the rest thaw ``data``.
        raw = obj._json()
        return raw if raw.__class__ is dict else thaw(raw)
    if isinstance(obj, str):
        return obj
    raise TypeError(f"not a respmodel object: {type(obj).__name__}")
