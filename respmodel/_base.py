"""The base of every model class: unknown keys, explicit nulls, and the decoded JSON.

Model classes are frozen, slotted attrs classes declared with :func:`model`.
Their objects are made three ways, all finished at once (nothing is built
later, on a read):

* by a constructor, which converts and checks every argument (the generated
  ``__init__``, see :mod:`respmodel._codegen`);
* by decoding, which checks and builds the whole tree in one pass without
  calling ``__init__``, and keeps the JSON each object was decoded from, so
  that an unchanged object encodes by handing that JSON back to orjson;
* by ``attrs.evolve``, which is a constructor call: the values it copies from
  the old object were checked when that object was made, and pass the
  constructor's checks at the cost of a class test each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar

import attrs

from ._errors import DecodeError, Problems, UnconfiguredConverterError, ValidationError
from ._frozen import EMPTY, FrozenDict, freeze, json_repr, pickle_flat, tree_eq
from ._kinds import field_infos

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10: the decorator only informs type checkers

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda f: f


__all__ = ["Model", "Unknown", "model", "twin"]

_T = TypeVar("_T", bound=type)

NO_PROBLEMS = Problems(())
"""What ``problems`` gives for a clean object."""


class _Decoded:
    """What decoding leaves on an object besides its fields (slots, not attrs fields).

    ``_src`` is the parsed JSON the object was decoded from, or None when it
    was made any other way; ``_camel`` the key style of that JSON; both make
    encoding a decoded object cheap.  ``_problems`` is what salvage found
    (see :attr:`Model.problems`), None for a clean object.  They are not
    fields: equality, ``repr`` and ``attrs.asdict`` ignore them.
    """

    __slots__ = ("_camel", "_problems", "_src")
    _src: dict[str, Any] | None
    _camel: bool
    _problems: Problems | None


def _refuse(*_: Any) -> Any:
    raise UnconfiguredConverterError(
        "this cattrs converter does not know respmodel's classes: call "
        "respmodel.configure_converter(converter) first, or use respmodel.make_converter() "
        "(field by field, cattrs would lose the JSON's key names, nulls and unknown keys)"
    )


def _unconfigured_cattrs() -> Any:
    """What makes a cattrs converter that respmodel never configured refuse its classes.

    ``Model.extra`` is annotated ``Annotated[..., _unconfigured_cattrs()]``.
    The annotation is a string until someone resolves the type hints (cattrs
    does, before it builds hooks for an attrs class), so cattrs is imported
    then, never at ``import respmodel``.  cattrs 26.1 and later read a cattrs
    override in ``Annotated``: a converter building its own field-by-field
    hooks for a respmodel class then refuses, while one taught by
    ``configure_converter`` never builds them (its hooks come first).
    """
    from cattrs.gen import override

    try:
        return override(struct_hook=_refuse, unstruct_hook=_refuse)
    except TypeError:  # cattrs before 23.2: no hook overrides (and none read from Annotated)
        return None


@attrs.frozen(kw_only=True, repr=False, eq=False, init=False, getstate_setstate=False)
class Model(_Decoded):
    """Base of the modelled classes.

    Two bookkeeping attributes make decoding lossless:

    * ``extra``: the keys the model does not know, with their JSON values,
      exactly as they were spelled in the input.  Part of equality.
    * ``json_nulls``: the names of the attributes whose ``None`` was an
      explicit JSON ``null`` (a ``None`` attribute not named here was absent
      and is left out when encoding).  Not part of equality: ``null`` and
      absent mean the same to the API.
    """

    extra: Annotated[FrozenDict[str, Any], _unconfigured_cattrs()] = attrs.field(default=EMPTY)
    json_nulls: frozenset[str] = attrs.field(default=frozenset())

    if not TYPE_CHECKING:

        def __init__(self, **kwargs: Any) -> None:
            # The first object of a class made by a constructor (or evolve)
            # generates the class's own __init__ and installs it; later calls
            # go straight to it.  The type checkers see the attrs signature.
            from ._codegen import install_init

            install_init(type(self))(self, **kwargs)

    @property
    def problems(self) -> Problems:
        """What lenient decoding salvaged in this object and below it: empty when clean.

        Each problem is one a strict decode reports, with the same message;
        its path starts at this object (``$``).  The values in question are
        kept raw in ``extra`` of the object that holds them, under their
        keys, so the object encodes back to the JSON received; the attribute
        reads ``None``.  Like a ``DecodeError``, it lists the first 1000
        problems of a decode and counts the others (``problems.unlisted``).
        Not part of equality; an object made by a constructor or
        ``attrs.evolve`` has none.
        """
        found = self._problems
        return NO_PROBLEMS if found is None else found

    def _eq_key(self) -> tuple[Any, ...]:
        return (*(getattr(self, f.name) for f in field_infos(type(self))), self.extra)

    def __eq__(self, other: object) -> bool:
        """Same class, equal modelled fields and equal unknown keys (json_nulls aside)."""
        if other.__class__ is not self.__class__ or not isinstance(other, Model):
            return NotImplemented
        mine, theirs = self._eq_key(), other._eq_key()
        try:
            return mine == theirs
        except RecursionError:  # opaque JSON nested past what C compares recursively (< 3.12)
            return tree_eq(mine, theirs)

    def __hash__(self) -> int:
        return hash((type(self), self._eq_key()))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles carry the fields and the decoded JSON, if any: an unpickled
        # object still encodes to the very bytes it was decoded from.  Nested
        # JSON goes flat (``pickle_flat``): the pickler recurses once per level.
        values = tuple(pickle_flat(getattr(self, f.name)) for f in field_infos(type(self)))
        src = pickle_flat(self._src)
        state = (self.extra, self.json_nulls, src, self._camel, self._problems)
        return (_rebuild, (type(self), values, *state))

    def __copy__(self) -> Model:
        return self

    def __deepcopy__(self, memo: object) -> Model:
        # Frozen all the way down (tuples, FrozenDicts, frozen models), so a
        # copy is the object itself, as for a tuple of immutables; and a deep
        # copy never walks nested JSON (which recursed once per level).
        return self

    def __repr__(self) -> str:
        parts = []
        for f in field_infos(type(self)):
            value = getattr(self, f.name)
            if value is not None:
                parts.append(f"{f.name}={json_repr(value)}")
        if self.extra:
            parts.append(f"extra={json_repr(dict(self.extra))}")
        return f"{type(self).__name__}({', '.join(parts)})"


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field,))
def model(cls: _T) -> _T:
    """Declare a model class: frozen, slotted, keyword-only; ``__init__`` generated on first use."""
    return attrs.frozen(
        cls, kw_only=True, repr=False, eq=False, init=False, getstate_setstate=False
    )


_TWINS: dict[type, type] = {}


def twin(cls: type) -> type:
    """The writable twin of a frozen class: same slots, ``object``'s ``__setattr__``.

    Builders make an empty twin by calling it, store each slot with a
    plain attribute assignment (which CPython specialises into a direct slot
    store only when both ``__setattr__`` and ``__delattr__`` are ``object``'s),
    and finish with ``obj.__class__ = cls``.  No object ever leaves a builder
    as a twin, so nobody else sees one.
    """
    t = _TWINS.get(cls)
    if t is None:
        t = type(
            f"_{cls.__name__}Twin",
            (cls,),
            {
                "__slots__": (),
                "__setattr__": object.__setattr__,
                "__delattr__": object.__delattr__,
                # ``twin()`` makes an empty object faster than ``object.__new__(twin)``.
                "__new__": object.__new__,
                "__init__": object.__init__,
                "__module__": __name__,
            },
        )
        t = _TWINS.setdefault(cls, t)
    return t


def _rebuild(
    cls: type[Model],
    values: tuple[Any, ...],
    extra: Any,
    nulls: frozenset[str],
    src: dict[str, Any] | None = None,
    camel: bool = False,
    problems: Problems | None = None,
) -> Model:
    """Unpickle a model object (its values were checked when it was pickled)."""
    obj: Any = twin(cls)()
    for f, value in zip(field_infos(cls), values, strict=True):
        setattr(obj, f.name, value)
    obj.extra = extra
    obj.json_nulls = nulls
    obj._src = src
    obj._camel = camel
    obj._problems = problems
    obj.__class__ = cls
    return obj  # type: ignore[no-any-return]


def _object_data(value: Any) -> FrozenDict[str, Any]:
    """``Unknown.data`` as given to a constructor: a JSON object, deep-frozen."""
    from ._jsontree import own  # imports the model modules, which import this one

    if not isinstance(value, Mapping):
        raise ValidationError("data", f"expected a JSON object, got {type(value).__name__}")
    try:
        return freeze(own(value))  # type: ignore[no-any-return]
    except DecodeError as exc:
        raise exc.at("data") from None


@attrs.frozen(repr=False, eq=False)
class Unknown:
    """Base of the classes that keep an object whose tag respmodel does not know.

    ``data`` is the whole object, tag included, exactly as it was received.
    Equal when of the same class with equal ``data``.
    """

    data: FrozenDict[str, Any] = attrs.field(converter=_object_data)
    _keeps_raw: ClassVar[bool] = False
    """Whether the class has a ``_raw`` slot for the parsed JSON (see ``_decoded``)."""

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Unknown):
            return NotImplemented
        return self.data == other.data

    def __hash__(self) -> int:
        return hash((type(self), self.data))

    def __copy__(self) -> Unknown:
        return self

    def __deepcopy__(self, memo: object) -> Unknown:
        # Immutable: ``data`` is deep-frozen (see Model.__deepcopy__).
        return self

    @property
    def type(self) -> Any:
        """The tag as received (``None`` when the object had none)."""
        return self.data.get("type")

    @property
    def problems(self) -> Problems:
        """Always empty: nothing in ``data`` is modelled, so nothing in it is salvaged."""
        return NO_PROBLEMS

    def _json(self) -> Any:
        """The JSON to encode: ``data`` (a subclass may keep the parsed JSON instead)."""
        return self.data

    @classmethod
    def _decoded(cls, data: FrozenDict[str, Any], raw: dict[str, Any] | None) -> Any:
        """An object a decoder made: ``data`` is frozen and checked (no converter runs).

        ``raw`` is the parsed JSON it was frozen from, or None when the input
        belongs to a caller; ``GenericEvent`` keeps it, to encode it back.
        """
        obj: Any = twin(cls)()
        obj.data = data
        if cls._keeps_raw:
            obj._raw = raw
        obj.__class__ = cls
        return obj

    def __repr__(self) -> str:
        return f"{type(self).__name__}({json_repr(dict(self.data))})"
