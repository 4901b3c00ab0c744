"""cattrs integration: respmodel's types inside any cattrs converter.

``configure_converter`` registers hook factories for every respmodel class
and union on a converter the caller owns; ``make_converter`` makes a fresh
orjson-flavoured converter configured that way.  The hooks are thin: they
call the decoders of ``_dispatch`` (in the mode for Python data, which keeps
nothing of the caller's input) and the encoders of ``_codegen``.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

from ._base import Model, Unknown
from ._dispatch import decoder, resolve
from ._json import unstructure
from ._modes import Case, Mode, is_camel, mode_of

if typing.TYPE_CHECKING:
    import cattrs
    from cattrs.preconf.orjson import OrjsonConverter

__all__ = ["Case", "configure_converter", "is_camel", "make_converter"]


def _structure_factory(mode: Mode) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        resolved = resolve(tp)
        assert resolved is not None  # the predicate let only our types through
        target, optional = resolved
        decode = decoder(target, mode)

        def structure_hook(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            return decode(value)

        return structure_hook

    return factory


def _unstructure_factory(camel: bool) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(_: Any) -> Callable[[Any], Any]:
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
    converter, are left alone.  ``structure`` hooks keep nothing of their
    input, so the decoded objects never share mutable data with the caller;
    decoding is lenient unless ``strict`` is true, and raises
    :class:`respmodel.DecodeError`.
    """
    mode = mode_of(case, strict, python=True)
    converter.register_structure_hook_factory(_is_ours, _structure_factory(mode))
    converter.register_unstructure_hook_factory(_is_our_class, _unstructure_factory(mode.camel))


def make_converter(*, case: Case = "snake", strict: bool = False) -> OrjsonConverter:
    """A new ``cattrs.preconf.orjson`` converter configured for respmodel."""
    from cattrs.preconf.orjson import make_converter as make_orjson_converter

    converter = make_orjson_converter()
    configure_converter(converter, case=case, strict=strict)
    return converter
