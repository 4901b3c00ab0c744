"""The base of every model class: presence tracking, unknown keys, lazy fields.

A model object made by a constructor holds its values like any attrs class.
A model object made by :func:`respmodel.loads` starts as a shell around the
parsed JSON it was checked against (``_src``); the first read of one of its
fields fills every modelled field at once, so nested objects are only built
when someone looks at them.  Equality, hashing, pickling, ``repr`` and
``attrs.evolve`` all read fields, so they see the filled object; nobody else
can tell the difference except by timing.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._errors import ValidationError
from ._frozen import EMPTY, FrozenDict, freeze

__all__ = ["Model", "Unknown"]


def _freeze_extra(value: Any) -> FrozenDict[str, Any]:
    if not value:
        return EMPTY
    frozen = freeze(value)
    if not isinstance(frozen, FrozenDict):
        raise ValidationError("extra", "expected a mapping of unknown keys to JSON values")
    return frozen


@attrs.frozen(kw_only=True, repr=False)
class Model:
    """Base of the modelled classes.

    Two bookkeeping attributes make decoding lossless:

    * ``extra``: the keys the model does not know, with their JSON values,
      exactly as they were spelled in the input.  Part of equality.
    * ``json_nulls``: the names of the attributes whose ``None`` was an
      explicit JSON ``null`` (a ``None`` attribute not named here was absent
      and is left out when encoding).  Not part of equality: ``null`` and
      absent mean the same to the API.
    """

    extra: FrozenDict[str, Any] = attrs.field(default=EMPTY, converter=_freeze_extra)
    json_nulls: frozenset[str] = attrs.field(
        default=frozenset(), converter=frozenset, eq=False, hash=False
    )
    _src: dict[str, Any] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, alias="_src"
    )
    _camel: bool = attrs.field(init=False, default=False, eq=False, hash=False, alias="_camel")

    def __attrs_post_init__(self) -> None:
        if self.json_nulls:
            from ._codegen import class_plan

            names = class_plan(type(self)).names
            unknown = self.json_nulls.difference(names)
            if unknown:
                raise ValidationError(
                    f"{type(self).__name__}.json_nulls",
                    f"not attributes of {type(self).__name__}: {', '.join(sorted(unknown))}",
                )

    def __getattr__(self, name: str) -> Any:
        # Only reached when a slot is unset, that is on a lazily decoded object.
        return _fill_lazy(self, name)

    def __repr__(self) -> str:
        from ._codegen import class_plan

        parts = []
        for name in class_plan(type(self)).names:
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.extra:
            parts.append(f"extra={dict(self.extra)!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _fill_lazy(obj: Model, name: str) -> Any:
    # _codegen imports this module, so it is imported here on first use;
    # the global then points straight at the real function.
    global _fill_lazy
    from ._codegen import fill_lazy

    _fill_lazy = fill_lazy
    return fill_lazy(obj, name)


@attrs.frozen(repr=False)
class Unknown:
    """Base of the classes that keep an object whose tag respmodel does not know.

    ``data`` is the whole object, tag included, exactly as it was received.
    """

    data: FrozenDict[str, Any] = attrs.field(converter=freeze)

    @property
    def type(self) -> Any:
        """The tag as received (``None`` when the object had none)."""
        return self.data.get("type")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self.data)!r})"
