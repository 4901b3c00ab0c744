"""The entry points: JSON text or parsed JSON in, respmodel objects out, and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

import orjson

from ._codegen import encode
from ._dispatch import decoder, resolve
from ._errors import DecodeError, EncodeError, ErrorDetail, RespmodelError
from ._jsontree import dumps_deep
from ._modes import Case, Mode, is_camel, mode_of
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


def _decoder(tp: Any, mode: Mode) -> Callable[[Any], Any]:
    try:
        target = _TARGETS.get(tp)
    except TypeError:  # unhashable: not a type at all
        target = None
    if target is None:
        resolved = resolve(tp)
        if resolved is None or resolved[1]:
            raise UnsupportedTypeError(f"not a respmodel class or union: {tp!r}")
        target = _TARGETS.setdefault(tp, resolved[0])
    return decoder(target, mode)


_BY_ARGUMENTS: dict[tuple[Any, Any, Any, bool], Callable[[Any], Any]] = {}
"""Decoders by the arguments of ``loads`` and ``structure`` as given (and which
of the two): one lookup per call.  Only arguments that are exactly what they
mean are keys (a bool ``strict``, a valid ``case``), so the table stays as
small as the set of decoders."""


def _entry_decoder(tp: Any, strict: Any, case: Any, python: bool) -> Callable[[Any], Any]:
    decode = _decoder(tp, mode_of(case, strict, python))
    if strict.__class__ is bool and case.__class__ is str:
        _BY_ARGUMENTS[(tp, strict, case, python)] = decode
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
        decode = _BY_ARGUMENTS[(type, strict, case, False)]
    except (KeyError, TypeError):
        decode = _entry_decoder(type, strict, case, False)
    try:
        value = _orjson_loads(data)
    except orjson.JSONDecodeError:
        value = _parse(data)  # raises the DecodeError that says why
    if strict:
        return decode_strictly(decode, value, data)
    return decode(value)


@overload
def structure(obj: Any, *, strict: bool = ..., case: Case = ...) -> Response: ...
@overload
def structure(obj: Any, type: TypeForm[T], *, strict: bool = ..., case: Case = ...) -> T: ...


def structure(obj: Any, type: Any = Response, *, strict: bool = False, case: Case = "snake") -> Any:
    """Like :func:`loads`, for JSON that is already parsed (nothing of the input is kept)."""
    try:
        decode = _BY_ARGUMENTS[(type, strict, case, True)]
    except (KeyError, TypeError):
        decode = _entry_decoder(type, strict, case, True)
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
