"""Immutable, hashable JSON containers: what opaque JSON and unknown keys become."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

import orjson

__all__ = [
    "Flat",
    "FrozenDict",
    "flatten",
    "freeze",
    "json_repr",
    "pickle_flat",
    "thaw",
    "tree_eq",
    "unflatten",
]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A read-only, hashable ``dict``.

    It is a real ``dict`` subclass, so orjson and ``json`` serialise it as an
    object with no help, and ``isinstance(x, dict)`` code keeps working.
    Every mutating method raises ``TypeError``, as a tuple does.
    """

    # The hash is computed once, on first use, into this slot: until then the
    # slot is unset, which keeps making a FrozenDict as cheap as making a dict.
    # ``_salvaged`` is set only on the ``extra`` of an object decoded with
    # salvage: the keys whose values lenient decoding set aside (a constructor
    # drops such a value when its field is given one; see ``_codegen``).
    __slots__ = ("_hash", "_salvaged")
    _hash: int
    _salvaged: frozenset[str]

    def _readonly(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is read-only")

    # Annotated, so that type checkers need not infer these overrides of dict's
    # methods (pyright --verifytypes counts an inferred override as ambiguous).
    __setitem__: Callable[..., NoReturn] = _readonly
    __delitem__: Callable[..., NoReturn] = _readonly
    __ior__: Callable[..., NoReturn] = _readonly
    clear: Callable[..., NoReturn] = _readonly
    pop: Callable[..., NoReturn] = _readonly
    popitem: Callable[..., NoReturn] = _readonly
    setdefault: Callable[..., NoReturn] = _readonly
    update: Callable[..., NoReturn] = _readonly

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            _hash_nested(self)
            return self._hash

    def __repr__(self) -> str:
        return json_repr(self)

    def __eq__(self, other: object) -> bool:
        # dict's own comparison recurses in C, one level of the interpreter's
        # recursion budget per level of nesting (a RecursionError from about
        # 990 levels on Python 3.10 and 3.11); this one walks with a stack.
        if not isinstance(other, dict):
            return NotImplemented
        return tree_eq(self, other)

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, dict):
            return NotImplemented
        return not tree_eq(self, other)

    def __reduce__(self) -> tuple[Any, ...]:
        # The pickler recurses, in C and through each ``__reduce__``, once per
        # level: nested JSON is pickled as a flat list instead (see flatten).
        if self.__class__ is not FrozenDict or _CONTAINERS.isdisjoint(map(type, self.values())):
            reduced: tuple[Any, ...] = (type(self), (dict(self),))
        else:
            reduced = (unflatten, flatten(self))
        try:
            return (*reduced, (None, {"_salvaged": self._salvaged}))
        except AttributeError:
            return reduced

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: object) -> FrozenDict[_K, _V]:
        return self

    def __or__(self, other: Mapping[_K, _V]) -> FrozenDict[_K, _V]:  # type: ignore[override]
        return FrozenDict({**self, **other})


EMPTY: FrozenDict[Any, Any] = FrozenDict()


MAX_DEPTH = 1024
"""The deepest nesting of arrays and objects respmodel holds: what ``orjson.loads`` accepts.

Bounding it keeps every later walk (encoding, hashing, comparing) within
reach, and keeps ``orjson.dumps``, which does not bound nested tuples, safe.
"""

_CONTAINERS = frozenset({dict, list, tuple, FrozenDict})
"""The container classes that JSON, parsed or frozen, is made of."""

_RECURSE = 64
"""Levels :func:`freeze` handles by plain recursion before switching to a stack."""


def freeze(value: Any, _depth: int = 0) -> Any:
    """Deep-freeze parsed JSON: objects become FrozenDict, arrays tuples.

    The input is trusted to be JSON as orjson produces it (str keys, finite
    floats); :func:`respmodel._jsontree.own` checks Python input first.
    Shallow values are frozen recursively (fast); deeper ones with an explicit
    stack, so nesting never meets the interpreter's recursion limit.  Nesting
    deeper than :data:`MAX_DEPTH` is a ValidationError.
    """
    cls = value.__class__
    if cls is dict or cls is FrozenDict:
        if _CONTAINERS.isdisjoint(map(type, value.values())):
            # Flat, as most objects are (found without a Python loop): one copy
            # (none if frozen already), no recursion.
            return value if cls is FrozenDict else FrozenDict(value)
        if _depth >= _RECURSE:
            return _freeze_deep(value, _depth)
        return FrozenDict({k: freeze(v, _depth + 1) for k, v in value.items()})
    if cls is list or cls is tuple:
        if _CONTAINERS.isdisjoint(map(type, value)):
            return value if cls is tuple else tuple(value)
        if _depth >= _RECURSE:
            return _freeze_deep(value, _depth)
        return tuple([freeze(v, _depth + 1) for v in value])
    return value


def _freeze_deep(value: Any, depth: int) -> Any:
    # The containers that hold containers are listed parent before child (an
    # explicit-stack pre-order walk), then frozen in reverse, so every child is
    # frozen before its parent; a container that holds none is frozen at once.
    order: list[Any] = []
    frozen: dict[int, Any] = {}
    stack: list[tuple[Any, int]] = [(value, depth)]
    pop, push, listed = stack.pop, stack.append, order.append
    nests = _CONTAINERS
    while stack:
        src, level = pop()
        listed(src)
        level += 1
        cls = src.__class__
        for child in src.values() if cls is dict or cls is FrozenDict else src:
            ccls = child.__class__
            if ccls not in nests:
                continue
            if level >= MAX_DEPTH:
                from ._errors import ValidationError

                raise ValidationError("JSON", f"nested deeper than {MAX_DEPTH} levels")
            if ccls is dict or ccls is FrozenDict:
                if nests.isdisjoint(map(type, child.values())):
                    frozen[id(child)] = child if ccls is FrozenDict else FrozenDict(child)
                    continue
            elif nests.isdisjoint(map(type, child)):
                frozen[id(child)] = child if ccls is tuple else tuple(child)
                continue
            push((child, level))
    for src in reversed(order):
        cls = src.__class__
        if cls is dict or cls is FrozenDict:
            frozen[id(src)] = FrozenDict(
                {k: frozen[id(v)] if v.__class__ in nests else v for k, v in src.items()}
            )
        else:
            frozen[id(src)] = tuple([frozen[id(v)] if v.__class__ in nests else v for v in src])
    return frozen[id(value)]


def thaw(value: Any, _depth: int = 0) -> Any:
    """Frozen JSON as values for ``orjson.dumps`` to write: fresh dicts and lists.

    orjson does not bound the nesting of tuples, and with arrays of objects
    nested some hundreds of levels it writes past the end of its buffer
    (orjson 3.x; found by tests/test_fuzz.py).  Encoders therefore hand it
    dicts and lists only, and nothing nested past its 254-level limit: a
    container :data:`_RECURSE` levels down is written at once, by
    :func:`respmodel._jsontree.dumps_deep` (which takes frozen JSON as it
    is), and handed over as an ``orjson.Fragment`` of that text.
    """
    cls = value.__class__
    if cls is FrozenDict or cls is dict:
        if _CONTAINERS.isdisjoint(map(type, value.values())):
            return dict(value)
        if _depth >= _RECURSE:
            return _fragment(value)
        return {k: thaw(v, _depth + 1) for k, v in value.items()}
    if cls is tuple or cls is list:
        if _CONTAINERS.isdisjoint(map(type, value)):
            return list(value)
        if _depth >= _RECURSE:
            return _fragment(value)
        return [thaw(v, _depth + 1) for v in value]
    return value


def _fragment(value: Any) -> Any:
    from ._jsontree import dumps_deep  # imports this module

    return orjson.Fragment(dumps_deep(value))


def freeze_items(pairs: Iterable[tuple[str, Any]]) -> FrozenDict[str, Any]:
    """A FrozenDict of deep-frozen values, or the shared empty one."""
    out = {k: freeze(v) for k, v in pairs}
    return FrozenDict(out) if out else EMPTY


def _hash_nested(top: FrozenDict[Any, Any]) -> None:
    """Set the cached hash of ``top`` and of every FrozenDict inside it, innermost first.

    Each hash then only hashes children whose hashes are cached, so hashing
    deeply nested JSON never recurses through ``__hash__``.
    """
    order: list[FrozenDict[Any, Any]] = []
    stack: list[Any] = [top]
    while stack:
        v = stack.pop()
        if isinstance(v, FrozenDict):
            if hasattr(v, "_hash"):
                continue
            order.append(v)
            children: Iterable[Any] = v.values()
        else:
            children = v
        stack.extend(c for c in children if isinstance(c, (FrozenDict, tuple)))
    for d in reversed(order):
        d._hash = hash(frozenset(d.items()))


class _Text(str):
    """Punctuation queued by :func:`json_repr` (told apart from str values by class)."""


_CLOSE_FROZEN, _CLOSE_DICT = _Text("})"), _Text("}")
_CLOSE_TUPLE, _CLOSE_ONE, _CLOSE_LIST, _SEP = _Text(")"), _Text(",)"), _Text("]"), _Text(", ")


def json_repr(value: Any) -> str:
    """``repr`` of frozen or plain JSON, written without recursion.

    The same text as the built-in reprs (``FrozenDict({...})``, ``(x,)``,
    ``{...}``, ``[...]``); anything else inside is shown by its own ``repr``.
    A container that holds no container is written by the built-in ``repr``
    at once (in C); the others are opened here, and their members queued.
    """
    out: list[str] = []
    write = out.append
    stack: list[Any] = [value]
    pop, push = stack.pop, stack.append
    nests = _CONTAINERS
    while stack:
        v = pop()
        cls = v.__class__
        if cls is _Text:
            write(v)
        elif cls is FrozenDict or cls is dict:
            if nests.isdisjoint(map(type, v.values())):
                write(f"FrozenDict({dict.__repr__(v)})" if cls is FrozenDict else dict.__repr__(v))
                continue
            push(_CLOSE_FROZEN if cls is FrozenDict else _CLOSE_DICT)
            pairs = list(v.items())
            for k, x in reversed(pairs[1:]):
                push(x)
                push(_Text(f", {_key_repr(k)}: "))
            k, x = pairs[0]
            write(f"{'FrozenDict({' if cls is FrozenDict else '{'}{_key_repr(k)}: ")
            push(x)
        elif cls is tuple or cls is list:
            if nests.isdisjoint(map(type, v)):
                write(tuple.__repr__(v) if cls is tuple else list.__repr__(v))
                continue
            if cls is tuple:
                write("(")
                push(_CLOSE_ONE if len(v) == 1 else _CLOSE_TUPLE)
            else:
                write("[")
                push(_CLOSE_LIST)
            for x in reversed(v):
                push(x)
                push(_SEP)
            pop()  # no separator before the first member
        else:
            write(repr(v))
    return "".join(out)


def _key_repr(key: Any) -> str:
    return repr(key) if key.__class__ is str else json_repr(key)


_MARK: Any = object()
"""On :func:`flatten`'s stack: a container's members are all written; in :func:`tree_eq`: no key."""

_DICT, _LIST, _TUPLE, _FROZEN = 1, 2, 3, 4
"""Container codes of :func:`flatten` (0 is a leaf); a code is ``8 * length + kind``."""


def flatten(value: Any) -> tuple[list[int], list[Any]]:
    """``value`` as a flat list of codes and a flat list of leaves, for pickling.

    A post-order walk with an explicit stack: each leaf is a code 0 and an
    entry of ``leaves``; each dict, list, tuple or FrozenDict (exact classes)
    that holds containers is a code ``8 * length + kind`` after its members,
    and a dict's keys are one tuple in ``leaves``.  A container that holds no
    container is a leaf itself (the pickler writes it without recursing far).
    :func:`unflatten` builds the same value back; neither recurses, so nesting
    costs memory, never the C stack.
    """
    codes: list[int] = []
    leaves: list[Any] = []
    stack: list[Any] = [value]
    marks: list[Any] = []  # containers whose members are on the stack, innermost last
    pop, push, code, leaf = stack.pop, stack.append, codes.append, leaves.append
    while stack:
        v = pop()
        cls = v.__class__
        if v is _MARK:
            c = marks.pop()
            ccls = c.__class__
            if ccls is dict or ccls is FrozenDict:
                code(8 * len(c) + (_DICT if ccls is dict else _FROZEN))
                leaf(tuple(c))
            else:
                code(8 * len(c) + (_LIST if ccls is list else _TUPLE))
        elif cls is dict or cls is FrozenDict:
            values = v.values()
            if _CONTAINERS.isdisjoint(map(type, values)):
                code(0)
                leaf(v)
                continue
            marks.append(v)
            push(_MARK)
            stack.extend(reversed(list(values)))
        elif cls is list or cls is tuple:
            if _CONTAINERS.isdisjoint(map(type, v)):
                code(0)
                leaf(v)
                continue
            marks.append(v)
            push(_MARK)
            stack.extend(reversed(v))
        else:
            code(0)
            leaf(v)
    return codes, leaves


class Flat:
    """Pickles as its ``value``, written flat: unpickling gives the value itself.

    For nested JSON that is not a FrozenDict (a tuple held by a field, the
    parsed JSON a decoded object keeps), which the pickler would otherwise
    walk recursively; see :func:`pickle_flat`.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[Any, tuple[list[int], list[Any]]]:
        return (unflatten, flatten(self.value))


def pickle_flat(value: Any) -> Any:
    """What to hand the pickler for ``value``: itself, or a stand-in that unpickles to it.

    A dict or list that holds no container is itself; so is a plain dict of
    parsed JSON (what a decoded object keeps) that nests at most 254 levels,
    which the pickler walks safely and pickles once however many objects
    keep parts of it; a deeper one goes as :class:`Flat`, and so does any
    other nested value.
    """
    cls = value.__class__
    if cls is dict:
        if _CONTAINERS.isdisjoint(map(type, value.values())):
            return value
        try:
            orjson.dumps(value)  # in C, how deep it nests: at most 254 levels, or an error
        except orjson.JSONEncodeError:
            return Flat(value)
        # Itself: the pickler pickles each dict once, and the objects decoded
        # from parts of it (the items of a response) refer to those parts.
        return value
    if cls is list or cls is tuple:
        if _CONTAINERS.isdisjoint(map(type, value)):
            return value
        return Flat(value)
    return value


def unflatten(codes: list[int], leaves: list[Any]) -> Any:
    """The value :func:`flatten` was given, from its codes and leaves."""
    built: list[Any] = []
    nxt = iter(leaves).__next__
    for c in codes:
        if c == 0:
            built.append(nxt())
            continue
        n, kind = divmod(c, 8)
        members = built[len(built) - n :]
        del built[len(built) - n :]
        if kind == _TUPLE:
            built.append(tuple(members))
        elif kind == _LIST:
            built.append(members)
        else:
            keys = nxt()
            built.append((dict if kind == _DICT else FrozenDict)(zip(keys, members, strict=True)))
    return built[0]


def tree_eq(a: Any, b: Any) -> bool:
    """``a == b`` for JSON-like trees, without recursion.

    The same answer as Python's own comparison: dicts and FrozenDicts compare
    as mappings (with each other too), lists with lists and tuples with
    tuples member by member, anything else with ``==``; members are first
    compared by identity, as Python's containers do.  Containers that hold no
    container are compared by ``==`` at once (in C).
    """
    stack: list[tuple[Any, Any]] = [(a, b)]
    pop, push = stack.pop, stack.append
    missing = _MARK
    while stack:
        x, y = pop()
        if x is y:
            continue
        cx, cy = x.__class__, y.__class__
        if ((cx is dict or cx is FrozenDict) and (cy is dict or cy is FrozenDict)) or (
            # Other dict subclasses against a dict or a FrozenDict compare as
            # dicts too (as Python does), and never through FrozenDict.__eq__ again.
            isinstance(x, dict)
            and isinstance(y, dict)
            and (cx is dict or cy is dict or isinstance(x, FrozenDict) or isinstance(y, FrozenDict))
        ):
            if len(x) != len(y):
                return False
            if _CONTAINERS.isdisjoint(map(type, x.values())):
                if not dict.__eq__(x, y):
                    return False
                continue
            get = y.get
            for k, v in x.items():
                w = get(k, missing)
                if w is missing:
                    return False
                push((v, w))
        elif cx is cy and (cx is tuple or cx is list):
            if len(x) != len(y):
                return False
            if _CONTAINERS.isdisjoint(map(type, x)):
                if not x == y:  # noqa: SIM201 - Python's containers use ==
                    return False
                continue
            stack.extend(zip(x, y, strict=True))
        elif not x == y:  # noqa: SIM201
            return False
    return True
