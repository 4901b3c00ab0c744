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

from typing import TYPE_CHECKING, Any

import attrs

from ._errors import ValidationError
from ._frozen import EMPTY, FrozenDict, freeze, json_repr
from ._kinds import field_infos

__all__ = ["Model", "Unknown"]


def _freeze_extra(value: Any) -> FrozenDict[str, Any]:
    if not value:
        return EMPTY
    frozen = freeze(value)
    if not isinstance(frozen, FrozenDict):
        raise ValidationError("extra", "expected a mapping of unknown keys to JSON values")
    return frozen


@attrs.frozen(kw_only=True, repr=False, eq=False)
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

    extra: FrozenDict[str, Any] = attrs.field(default=EMPTY)
    json_nulls: frozenset[str] = attrs.field(default=frozenset())
    _src: dict[str, Any] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, alias="_src"
    )
    _camel: bool = attrs.field(init=False, default=False, eq=False, hash=False, alias="_camel")

    def __attrs_post_init__(self) -> None:
        # Constructors (and attrs.evolve) convert and check every field here,
        # in one loop, rather than through per-field attrs validators: decoding
        # never runs __init__, and class creation stays cheap.
        # attrs.validators.disabled() switches the checks off, as it does attrs validators.
        cls = type(self)
        fields = field_infos(cls)
        check = not attrs.validators.get_disabled()
        for f in fields:
            value = getattr(self, f.name)
            if value is None:
                continue
            converted = f.kind.convert(value)
            problem = f.kind.problem(converted) if check else None
            if problem is not None:
                raise ValidationError(f"{cls.__name__}.{f.name}", problem)
            if converted is not value:
                _set(self, f.name, converted)
        _set(self, "extra", _freeze_extra(self.extra))
        # Callers may pass any iterable of names; the annotation says what is stored.
        nulls: frozenset[str] = frozenset(self.json_nulls)
        _set(self, "json_nulls", nulls)
        if nulls:
            unknown = nulls.difference(f.name for f in fields)
            if unknown:
                raise ValidationError(
                    f"{cls.__name__}.json_nulls",
                    f"not attributes of {cls.__name__}: {', '.join(sorted(unknown))}",
                )

    def _eq_key(self) -> tuple[Any, ...]:
        return (*(getattr(self, f.name) for f in field_infos(type(self))), self.extra)

    def __eq__(self, other: object) -> bool:
        """Same class, equal modelled fields and equal unknown keys (json_nulls aside)."""
        if other.__class__ is not self.__class__ or not isinstance(other, Model):
            return NotImplemented
        return self._eq_key() == other._eq_key()

    def __hash__(self) -> int:
        return hash((type(self), self._eq_key()))

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Only reached when a slot is unset, that is on a lazily decoded object.
            return _fill_lazy(self, name)

    def __repr__(self) -> str:
        parts = []
        for f in field_infos(type(self)):
            value = getattr(self, f.name)
            if value is not None:
                parts.append(f"{f.name}={json_repr(value)}")
        if self.extra:
            parts.append(f"extra={json_repr(dict(self.extra))}")
        return f"{type(self).__name__}({', '.join(parts)})"


_set = object.__setattr__


def _fill_lazy(obj: Model, name: str) -> Any:
    # _codegen imports this module, so it is imported here on first use;
    # the global then points straight at the real function.
    global _fill_lazy
    from ._codegen import fill_lazy

    _fill_lazy = fill_lazy
    return fill_lazy(obj, name)


@attrs.frozen(repr=False, eq=False)
class Unknown:
    """Base of the classes that keep an object whose tag respmodel does not know.

    ``data`` is the whole object, tag included, exactly as it was received.
    Equal when of the same class with equal ``data``.
    """

    data: FrozenDict[str, Any] = attrs.field(converter=freeze)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Unknown):
            return NotImplemented
        return self.data == other.data

    def __hash__(self) -> int:
        return hash((type(self), self.data))

    @property
    def type(self) -> Any:
        """The tag as received (``None`` when the object had none)."""
        return self.data.get("type")

    def _json(self) -> Any:
        """The JSON to encode: ``data`` (a subclass may keep the parsed JSON instead)."""
        return self.data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({json_repr(dict(self.data))})"
