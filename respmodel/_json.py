"""The entry points: JSON text or parsed JSON in, respmodel objects out, and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

import orjson

from ._codegen import encode
from ._converter import Case, decoder, internal_converter, is_camel, resolve
from ._errors import DecodeError, EncodeError, ErrorDetail, RespmodelError
from ._jsontree import dumps_deep
from ._response import Response

if TYPE_CHECKING:
    # PEP 747: a class *or* a union alias, so that ``loads(data, OutputItem)`` is
    # typed as the union.  Only the type checkers see it (from their own copy
    # of typing_extensions), so it is no runtime dependency.
    from typing_extensions import TypeForm

__all__ = ["dumps", "loads", "structure", "unstructure"]

T = TypeVar("T")

_DECODERS: dict[tuple[Any, str, bool], Callable[[Any], Any]] = {}


class UnsupportedTypeError(RespmodelError, TypeError):
    """The ``type`` argument is not a respmodel class or union."""


def _decoder(tp: Any, case: str, strict: bool) -> Callable[[Any], Any]:
    key = (tp, case, strict)
    fn = _DECODERS.get(key)
    if fn is None:
        resolved = resolve(tp)
        if resolved is None or resolved[1]:
            raise UnsupportedTypeError(f"not a respmodel class or union: {tp!r}")
        fn = _DECODERS[key] = decoder(resolved[0], is_camel(case), bool(strict))
    return fn


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
    return _decoder(type, case, strict)(_parse(data))


@overload
def structure(obj: Any, *, strict: bool = ..., case: Case = ...) -> Response: ...
@overload
def structure(obj: Any, type: TypeForm[T], *, strict: bool = ..., case: Case = ...) -> T: ...


def structure(obj: Any, type: Any = Response, *, strict: bool = False, case: Case = "snake") -> Any:
    """Like :func:`loads`, for JSON that is already parsed (the input is copied, never kept)."""
    if resolve(type) is None:
        raise UnsupportedTypeError(f"not a respmodel class or union: {type!r}")
    return internal_converter(is_camel(case), bool(strict)).structure(obj, type)


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
