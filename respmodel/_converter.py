"""cattrs integration: respmodel's types inside any cattrs converter.

``configure_converter`` registers hook factories for every respmodel class
and union on a converter the caller owns; ``make_converter`` makes a fresh
orjson-flavoured converter configured that way.  respmodel's own
``structure`` and ``unstructure`` go through converters made here; ``loads``
calls the same ``decoder`` the structure hooks wrap, minus the defensive
copy (it owns the JSON it has just parsed).
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

from ._base import Model, Unknown
from ._codegen import checker, union_builder, wrap
from ._jsontree import own
from ._unions import UNION_BY_MEMBERS, UnionInfo

if typing.TYPE_CHECKING:
    import cattrs
    from cattrs.preconf.orjson import OrjsonConverter

__all__ = ["Case", "configure_converter", "make_converter"]

Case = Literal["snake", "camel"]

_NoneType = type(None)


def is_camel(case: str) -> bool:
    """True for ``"camel"``, False for ``"snake"``; anything else is a ValueError."""
    if case == "snake":
        return False
    if case == "camel":
        return True
    raise ValueError(f'case must be "snake" or "camel", not {case!r}')


def resolve(tp: Any) -> tuple[type[Model] | UnionInfo, bool] | None:
    """What a type names for respmodel: a model class or a union, and if it admits None."""
    if isinstance(tp, type) and issubclass(tp, Model) and tp.__module__.startswith("respmodel."):
        return tp, False
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


def decoder(target: type[Model] | UnionInfo, camel: bool, strict: bool) -> Callable[[Any], Any]:
    """Check owned JSON against ``target`` and build the (lazy) object.

    The checking code is generated here, once per target and mode; each call
    is then a check and an allocation.
    """
    check = checker(target, camel, strict)
    if isinstance(target, UnionInfo):
        build: Callable[[Any], Any] = union_builder(target, camel, lazy=True)
    else:
        cls = target

        def build(d: Any) -> Any:
            return wrap(cls, d, camel)

    def decode(data: Any) -> Any:
        check(data)
        return build(data)

    return decode


def _structure_factory(camel: bool, strict: bool) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        resolved = resolve(tp)
        assert resolved is not None  # the predicate let only our types through
        target, optional = resolved
        decode = decoder(target, camel, strict)

        def structure_hook(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            return decode(own(value))

        return structure_hook

    return factory


def _unstructure_factory(camel: bool) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(_: Any) -> Callable[[Any], Any]:
        from ._json import unstructure  # imported here: _json imports this module

        case: Case = "camel" if camel else "snake"

        def unstructure_hook(obj: Any) -> Any:
            return unstructure(obj, case=case)

        return unstructure_hook

    return factory


def _is_ours(tp: Any) -> bool:
    return resolve(tp) is not None


def _is_our_class(tp: Any) -> bool:
    return (
        isinstance(tp, type)
        and issubclass(tp, (Model, Unknown))
        and (tp.__module__.startswith("respmodel."))
    )


def configure_converter(
    converter: cattrs.Converter, *, case: Case = "snake", strict: bool = False
) -> None:
    """Teach ``converter`` respmodel's classes and unions, in one key style.

    Hooks the caller registered for other types, and cattrs' global
    converter, are left alone.  ``structure`` hooks copy their input, so the
    decoded objects never share mutable data with the caller; decoding is
    lenient unless ``strict`` is true, and raises :class:`respmodel.DecodeError`.
    """
    camel = is_camel(case)
    converter.register_structure_hook_factory(_is_ours, _structure_factory(camel, strict))
    converter.register_unstructure_hook_factory(_is_our_class, _unstructure_factory(camel))


def make_converter(*, case: Case = "snake", strict: bool = False) -> OrjsonConverter:
    """A new ``cattrs.preconf.orjson`` converter configured for respmodel."""
    from cattrs.preconf.orjson import make_converter as make_orjson_converter

    converter = make_orjson_converter()
    configure_converter(converter, case=case, strict=strict)
    return converter


_LOCK = threading.Lock()
_CONVERTERS: dict[tuple[bool, bool], cattrs.Converter] = {}


def internal_converter(camel: bool, strict: bool) -> cattrs.Converter:
    """The converter respmodel's own entry points use (made on first use)."""
    conv = _CONVERTERS.get((camel, strict))
    if conv is None:
        with _LOCK:
            conv = _CONVERTERS.get((camel, strict))
            if conv is None:
                conv = make_converter(case="camel" if camel else "snake", strict=strict)
                _CONVERTERS[(camel, strict)] = conv
    return conv
