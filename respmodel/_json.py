"""The entry points: JSON text or parsed JSON in, respmodel objects out, and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

import orjson

from ._codegen import Invalid, decoder_function, encode
from ._dispatch import Target, decoder, recovery, resolve
from ._errors import DecodeError, EncodeError, ErrorDetail, RespmodelError
from ._jsontree import dumps_deep
from ._modes import Case, is_camel, mode_of
from ._numbers import decode_strictly
from ._response import Response

if TYPE_CHECKING:
    # PEP 747: a class *or* a union alias, so that ``loads(data, OutputItem)`` is
    # typed as the union.  Only the type checkers see it (from their own copy
    # of typing_extensions), so it is no runtime dependency.
    from typing_extensions import TypeForm

__all__ = ["dumps", "loads", "structure", "unstructure"]

T = TypeVar("T")


class UnsupportedTypeError(RespmodelError, TypeError):
    """The ``type`` argument is not a respmodel class or union."""


_TARGETS: dict[Any, Any] = {}


def _target(tp: Any) -> Target:
    try:
        target = _TARGETS.get(tp)
    except TypeError:  # unhashable: not a type at all
        target = None
    if target is None:
        resolved = resolve(tp)
        if resolved is None or resolved[1]:
            raise UnsupportedTypeError(f"not a respmodel class or union: {tp!r}")
        target = _TARGETS.setdefault(tp, resolved[0])
    return target  # type: ignore[no-any-return]


# The decoders of ``loads`` and ``structure`` by their arguments as given: one
# lookup per call.  Only arguments that are exactly what they mean are keys (a
# bool ``strict``, a valid ``case``), so each table stays as small as the set
# of decoders.
_Loads = tuple[Callable[[Any], Any], Callable[[Any], Any], Callable[[Any], Any]]
_LOADS: dict[tuple[Any, Any, Any], _Loads] = {}
"""(the generated one-pass decoder, what follows when it gives up, the whole decoder)"""
_STRUCTURE: dict[tuple[Any, Any, Any], Callable[[Any], Any]] = {}


def _exact(strict: Any, case: Any) -> bool:
    return strict.__class__ is bool and case.__class__ is str


def _loads_entry(tp: Any, strict: Any, case: Any) -> _Loads:
    target, mode = _target(tp), mode_of(case, strict)
    entry = (decoder_function(target, mode), recovery(target, mode), decoder(target, mode))
    if _exact(strict, case):
        _LOADS[(tp, strict, case)] = entry
    return entry


def _structure_entry(tp: Any, strict: Any, case: Any) -> Callable[[Any], Any]:
    decode = decoder(_target(tp), mode_of(case, strict, python=True))
    if _exact(strict, case):
        _STRUCTURE[(tp, strict, case)] = decode
    return decode


_orjson_loads = orjson.loads


def _parse(data: Any) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if not isinstance(data, (bytes, bytearray, memoryview, str)):
            message = f"expected bytes, bytearray, memoryview or str, got {type(data).__name__}"
        else:
            message = f"invalid JSON: {exc}"
        raise DecodeError([ErrorDetail("$", message)]) from None


@overload
def loads(
    data: bytes | bytearray | memoryview | str, *, strict: bool = ..., case: Case = ...
) -> Response: ...
@overload
def loads(
    data: bytes | bytearray | memoryview | str,
    type: TypeForm[T],
    *,
    strict: bool = ...,
    case: Case = ...,
) -> T: ...


def loads(
    data: bytes | bytearray | memoryview | str,
    type: Any = Response,
    *,
    strict: bool = False,
    case: Case = "snake",
) -> Any:
    """Decode JSON text into ``type`` (a respmodel class or union, ``Response`` by default).

    Lenient by default: unknown keys, enum values and tags are kept, missing
    keys are absent.  ``strict=True`` reports them too.  Raises
    :class:`respmodel.DecodeError`, listing every problem with its JSON path.
    """
    try:
        fast, recover, decode = _LOADS[(type, strict, case)]
    except (KeyError, TypeError):
        fast, recover, decode = _loads_entry(type, strict, case)
    try:
        value = _orjson_loads(data)
    except orjson.JSONDecodeError:
        value = _parse(data)  # raises the DecodeError that says why
    if strict:
        return decode_strictly(decode, value, data)
    if value.__class__ is dict:  # the common case, without a call in between
        try:
            return fast(value)
        except Invalid:
            return recover(value)  # what to salvage or report (not decoded again)
    return decode(value)  # anything else


@overload
def structure(obj: Any, *, strict: bool = ..., case: Case = ...) -> Response: ...
@overload
def structure(obj: Any, type: TypeForm[T], *, strict: bool = ..., case: Case = ...) -> T: ...


def structure(obj: Any, type: Any = Response, *, strict: bool = False, case: Case = "snake") -> Any:
    """Like :func:`loads`, for JSON that is already parsed (nothing of the input is kept)."""
    try:
        decode = _STRUCTURE[(type, strict, case)]
    except (KeyError, TypeError):
        decode = _structure_entry(type, strict, case)
    return decode(obj)


def dumps(obj: Any, *, case: Case = "snake") -> bytes:
    """The JSON of a respmodel object, as UTF-8 bytes.

    An object decoded in the same key style encodes to exactly the JSON it
    was decoded from (explicit nulls and unknown keys included).
    """
    try:
        value = encode(obj, is_camel(case))
    except TypeError as exc:
        raise EncodeError(str(exc)) from None
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        pass
    try:
        # orjson writes at most 254 nested levels; opaque JSON may nest up to 1024.
        return dumps_deep(value)
    except orjson.JSONEncodeError as exc:
        raise EncodeError(f"cannot encode {type(obj).__name__}: {exc}") from None


def unstructure(obj: Any, *, case: Case = "snake") -> Any:
    """The JSON of a respmodel object as fresh dicts, lists and scalars (yours to change)."""
    try:
        return orjson.loads(dumps(obj, case=case))
    except orjson.JSONDecodeError as exc:  # JSON nested deeper than orjson reads back
        raise EncodeError(f"cannot unstructure {type(obj).__name__}: {exc}") from None
