"""From a type and a mode to a decoder: what every entry point and converter hook calls.

``resolve`` says what a type names for respmodel (a model class or a union);
``decoder`` gives the function that decodes input for it in one mode, made
once.  A decoder runs the generated one-pass decoder (``_codegen``), and only
when that gives up does it walk the input again (``_check``) to report every
problem with its JSON path.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from ._base import Model
from ._check import problems, problems_within
from ._codegen import Invalid, decoder_function
from ._errors import DecodeError, ErrorDetail
from ._jsontree import own
from ._kinds import describe, field_infos
from ._memo import memo
from ._modes import Mode
from ._unions import UNION_BY_MEMBERS, UnionInfo

__all__ = ["Target", "decoder", "recovery", "resolve"]

Target = type[Model] | UnionInfo

_NoneType = type(None)


def resolve(tp: Any) -> tuple[Target, bool] | None:
    """What a type names for respmodel: a model class or a union, and if it admits None."""
    if isinstance(tp, type):
        if issubclass(tp, Model) and tp.__module__.startswith("respmodel."):
            return tp, False
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        members = frozenset(typing.get_args(tp))
        optional = _NoneType in members
        members = members - {_NoneType}
        info = UNION_BY_MEMBERS.get(members)
        if info is not None:
            return info, optional
        if len(members) == 1:
            (only,) = members
            inner = resolve(only)
            if inner is not None:
                return inner[0], optional
    return None


def _mismatch() -> list[ErrorDetail]:  # pragma: no cover - the decoder and checker disagree: a bug
    return [ErrorDetail("$", "invalid input (internal checker mismatch)")]


def _salvage(target: Target, mode: Mode, data: Any) -> Any:
    """Lenient decoding's second try: the object with its bad fields kept raw, or None.

    The salvage decoder (generated on the first use) keeps the value of
    each known field whose JSON type is wrong in ``extra``, leaving the
    attribute ``None``, and a union member whose tag has the wrong JSON type
    as the union's unknown class.  The checker then says what it kept and
    where, and each decoded object in the way gets the problems below it.
    None when the top level itself is wrong (not an object, a wrong or
    wrongly typed tag): there is nowhere to keep that.
    """
    try:
        obj = decoder_function(target, mode.salvaging)(data)
    except Invalid:
        return None
    if not isinstance(obj, Model):
        return None
    found = problems_within(target, data, mode.camel)
    if id(data) not in found:  # pragma: no cover - the decoders and checker disagree: a bug
        return None
    todo = [obj]
    while todo:
        o = todo.pop()
        mine = found.get(id(o._src))
        if mine is None:
            continue
        object.__setattr__(o, "_problems", mine)
        for f in field_infos(type(o)):
            v = getattr(o, f.name)
            if isinstance(v, Model):
                todo.append(v)
            elif v.__class__ is tuple:
                todo.extend(x for x in v if isinstance(x, Model))
    return obj


def _recovery(target: Target, mode: Mode) -> Callable[[Any], Any]:
    """What follows when the fast decoder gave up: the salvaged object, or every problem."""
    salvage = not mode.strict
    union = isinstance(target, UnionInfo)

    def recover(data: Any) -> Any:
        if salvage and (union or data.__class__ is dict):
            obj = _salvage(target, mode, data)
            if obj is not None:
                return obj
        found, unlisted = problems(target, data, mode.camel, mode.strict)
        raise DecodeError(found or _mismatch(), unlisted)

    return recover


def _json_decoder(target: Target, mode: Mode) -> Callable[[Any], Any]:
    fast = decoder_function(target, mode)
    union = isinstance(target, UnionInfo)
    recover = recovery(target, mode)

    def decode(data: Any) -> Any:
        if union or data.__class__ is dict:
            try:
                return fast(data)
            except Invalid:
                pass
        return recover(data)

    return decode


def _python_decoder(target: Target, mode: Mode) -> Callable[[Any], Any]:
    fast = decoder_function(target, mode)
    allows_str = isinstance(target, UnionInfo) and target.allows_str
    expected = "string or object" if allows_str else "object"
    slow = decoder(target, mode.json)

    def decode(data: Any) -> Any:
        cls = data.__class__
        if cls is dict or (allows_str and cls is str):
            try:
                return fast(data)
            except (Invalid, DecodeError):
                pass  # something to report, or to copy first (a Mapping, a str subclass)
        elif not isinstance(data, Mapping) and not (allows_str and isinstance(data, str)):
            raise DecodeError([ErrorDetail("$", f"expected {expected}, got {describe(data)}")])
        # A plain copy reports what JSON cannot hold; the copy is then the
        # decoder's own, so the objects may keep it.
        return slow(own(data))

    return decode


_DECODERS: dict[tuple[Any, Mode], Callable[[Any], Any]] = {}
_RECOVERIES: dict[tuple[Any, Mode], Callable[[Any], Any]] = {}


def recovery(target: Target, mode: Mode) -> Callable[[Any], Any]:
    """``recover(parsed JSON)`` for after the generated decoder raised ``Invalid`` on it
    (a JSON mode; made once per mode): salvage, else DecodeError listing every problem."""
    return memo(_RECOVERIES, (target, mode), lambda: _recovery(target, mode))  # type: ignore[arg-type]


def decoder(target: Target, mode: Mode) -> Callable[[Any], Any]:
    """``decode(value)``: the object, or DecodeError listing every problem (made once per mode)."""
    make = _python_decoder if mode.python else _json_decoder
    return memo(_DECODERS, (target, mode), lambda: make(target, mode))  # type: ignore[arg-type]
