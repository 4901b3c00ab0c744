"""Generated code: the decoders, encoders and constructors of every model class.

For each model class and union, this module writes small straight-line Python
functions from the field kinds declared on the class (each kind writes its own
lines: ``Kind.emit``, ``Kind.encode``, ``Kind.accept``), the first time they
are needed, and compiles them:

* a *decoder* per mode (key style, strictness, source; see ``_modes``) that
  checks parsed JSON **and** builds the finished object in one pass, raising
  ``_Invalid`` at the first problem without tracking paths (``_check`` then
  walks the input again to say where every problem is);
* an *encoder* per key style that turns an object back into JSON-ready
  values, handing back the decoded JSON itself for an object decoded in the
  same key style (frozen objects cannot have changed);
* the ``__init__`` of each class, which converts and checks what a caller
  passes, accepting with one class test each the values that ``attrs.evolve``
  copies from an object that was already checked.

Objects are built without ``__init__``: as their writable twin (``_base.twin``)
with plain slot stores, then given their public class.

The functions of one purpose and mode share one namespace, call each other
by name, and name their constants after the class and field they serve
(``_Response_status_ok``), so the source reads like a hand-written module and
could be written to one at build time.  Everything written for one request is
compiled as one chunk, registered with ``linecache`` so that tracebacks and
debuggers show real lines.  Nothing is generated at import time.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._base import Model, Unknown, twin
from ._check import tag_of
from ._errors import DecodeError, EncodeError, ValidationError
from ._frozen import EMPTY, FrozenDict, freeze, thaw
from ._jsontree import own
from ._kinds import FieldInfo, Metadata, Scalar, field_infos
from ._kinds import is_utf8 as _utf8
from ._memo import LOCK, memo
from ._modes import Mode
from ._unions import UNIONS, UnionInfo

__all__ = ["Invalid", "decoder_function", "encode", "install_init", "source_of"]

_MISSING = object()
_NO_NULLS: frozenset[str] = frozenset()


class Invalid(Exception):
    """Raised by generated decoders at the first problem; ``_dispatch`` turns it into paths."""


# --------------------------------------------------------------------------- helpers
# What the generated code calls: small functions for what is rare or long.


_SHALLOW = 64
"""How deep opaque JSON inside ``structure`` input may nest on the fast path: well
within the document's limit wherever it sits; deeper input takes the slow path,
which counts levels from the top of the document."""


def _freeze_py(value: Any) -> Any:
    """Deep-freeze caller-owned Python data, checking it is JSON (DecodeError when not)."""
    return freeze(own(value, _SHALLOW))


def _metadata(kind: Metadata, value: dict[str, Any], strict: bool) -> FrozenDict[str, str]:
    try:
        return kind.build(value, strict)
    except ValueError:
        raise Invalid from None


def _metadata_py(kind: Metadata, value: dict[str, Any], strict: bool) -> FrozenDict[str, str]:
    for k, v in value.items():
        if k.__class__ is not str or v.__class__ is not str or not (_utf8(k) and _utf8(v)):
            raise Invalid
    return _metadata(kind, value, strict)


def _leftover(keys: Mapping[str, str | None], d: dict[str, Any], strict: bool, python: bool) -> Any:
    """``extra`` of an object whose input has keys its fields did not account for."""
    out = {}
    for k, v in d.items():
        if k not in keys:
            if strict:
                raise Invalid
            if python:
                if k.__class__ is not str or not (k.isascii() or _utf8(k)):
                    raise Invalid
                out[k] = _freeze_py(v)
            else:
                out[k] = freeze(v)
    return FrozenDict(out) if out else EMPTY


def _leftover_salvaged(
    keys: Mapping[str, str | None], d: dict[str, Any], kept: tuple[str, ...]
) -> Any:
    """``extra`` of an object some of whose known keys hold a value of the wrong JSON type.

    Those values are kept raw, under their keys as spelled, beside the
    unknown keys (in input order), so that the object encodes them back; the
    FrozenDict notes which keys they are (``_salvaged``), for ``_replaced``.
    """
    extra: FrozenDict[str, Any] = FrozenDict(
        {k: freeze(v) for k, v in d.items() if k not in keys or k in kept}
    )
    extra._salvaged = frozenset(kept)
    return extra


_NULL_SETS: dict[tuple[str, ...], frozenset[str]] = {}
"""``json_nulls`` by the names found null, shared: most objects that have nulls
have the same few (``"metadata": null``), and a frozenset per object costs
about 200 bytes."""


def _null_set(names: tuple[str, ...]) -> frozenset[str]:
    nulls = frozenset(names)
    if len(_NULL_SETS) < 4096:  # bounded, whatever the input
        _NULL_SETS[names] = nulls
    return nulls


def _arg(owner: str, f: FieldInfo, value: Any, check: bool) -> Any:
    """A constructor argument the generated test did not accept as it is: convert and check."""
    try:
        converted = f.kind.convert(value)
    except DecodeError as exc:  # opaque JSON that JSON cannot hold (a NaN, a set, ...)
        raise exc.at(f"{owner}.{f.name}") from None
    if check:
        problem = f.kind.problem(converted)
        if problem is not None:
            raise ValidationError(f"{owner}.{f.name}{problem[0]}", problem[1])
    return converted


def _extra_arg(owner: str, known: frozenset[str], value: Any) -> FrozenDict[str, Any]:
    """``extra`` given to a constructor: JSON values under keys no field encodes to."""
    if not value:
        return EMPTY
    if type(value) is FrozenDict:
        # respmodel's own (attrs.evolve copies it): kept as decoded, whatever its keys.
        frozen: FrozenDict[str, Any] = freeze(value)
        if frozen is not value and hasattr(value, "_salvaged"):
            frozen._salvaged = value._salvaged  # what salvage set aside, still noted
        return frozen
    if not isinstance(value, Mapping):
        raise ValidationError(f"{owner}.extra", "expected a mapping of unknown keys to JSON values")
    try:
        plain = own(value)
    except DecodeError as exc:
        raise exc.at(f"{owner}.extra") from None
    taken = known.intersection(plain)
    if taken:
        # It would be written over (or write over the field) when encoding.
        key = sorted(taken)[0]
        raise ValidationError(
            f"{owner}.extra", f'"{key}" is a modelled key of {owner}: set the attribute instead'
        )
    return freeze(plain)  # type: ignore[no-any-return]


def _replaced(cls: type, extra: FrozenDict[str, Any], values: tuple[Any, ...]) -> Any:
    """``extra`` without the values salvage set aside for fields that are now set.

    Decoding notes those keys on the ``extra`` it makes (``_salvaged``), and
    ``attrs.evolve`` passes that very ``extra`` on.  Any other key of
    ``extra`` that is a field's key (an unknown key of the other key style,
    whatever its value) stays.
    """
    try:
        salvaged = extra._salvaged
    except AttributeError:
        return extra
    taken = {
        k
        for f, v in zip(field_infos(cls), values, strict=True)
        if v is not None
        for k in (f.snake, f.camel)
        if k in salvaged
    }
    if not taken:
        return extra
    kept: FrozenDict[str, Any] = FrozenDict({k: v for k, v in extra.items() if k not in taken})
    if not kept:
        return EMPTY
    kept._salvaged = salvaged - taken
    return kept


def _nulls_arg(owner: str, names: frozenset[str], value: Any) -> frozenset[str]:
    try:
        nulls = frozenset(value)
    except TypeError:
        raise ValidationError(
            f"{owner}.json_nulls", f"expected a set of attribute names, got {type(value).__name__}"
        ) from None
    unknown = nulls - names
    if unknown:
        listed = ", ".join(sorted(map(str, unknown)))
        raise ValidationError(f"{owner}.json_nulls", f"not attributes of {owner}: {listed}")
    return nulls


def _store(obj: Any, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
    """Constructor stores for a subclass the generated code does not know (no twin)."""
    for name, value in zip(names, values, strict=True):
        object.__setattr__(obj, name, value)


def _collision(owner: str, names: Mapping[str, str], obj: Any, camel: bool) -> None:
    """Refuse to write an ``extra`` key that a field of ``obj`` also writes.

    A key of ``extra`` that is a field's key in the style written is kept
    when that field writes nothing (``None``, not an explicit null): it is a
    value lenient decoding kept because its JSON type was wrong, or an
    unknown key from the other key style, and it goes out as it came in.
    """
    for key in sorted(obj.extra.keys() & names.keys()):
        name = names[key]
        if getattr(obj, name) is not None:
            state, remedy = "set", "set the field to None"
        elif name in obj.json_nulls:
            state, remedy = "an explicit null", f"leave {name!r} out of json_nulls"
        else:
            continue
        style = "camelCase" if camel else "snake_case"
        raise EncodeError(
            f"cannot write {owner} in {style}: its extra key {key!r} is also the key of "
            f"its field {name!r}, which is {state}; {remedy}, or drop the key from extra"
        )


def _encode_other(value: Any) -> Any:
    """Encode a union member that is not a model object: an Unknown, or a bare string."""
    if isinstance(value, Unknown):
        # A decoded generic event hands back the parsed JSON it kept (most
        # events of a session: no thawing); the rest thaw ``data``.
        raw = value._json()
        return raw if raw.__class__ is dict else thaw(raw)
    if value.__class__ is str:
        return value
    raise TypeError(f"not a respmodel object: {type(value).__name__}")


_BASE_NAMESPACE: dict[str, Any] = {
    "_Invalid": Invalid,
    "_type": type,  # a field may be called ``type``; the generated code never shadows this
    "_set_class": object.__setattr__,
    "_EMPTY": EMPTY,
    "_NO_NULLS": _NO_NULLS,
    "_INF": float("inf"),
    "_NULL_SETS": _NULL_SETS,
    "_null_set": _null_set,
    "_freeze": freeze,
    "_freeze_py": _freeze_py,
    "_thaw": thaw,
    "_utf8": _utf8,
    "_metadata": _metadata,
    "_metadata_py": _metadata_py,
    "_leftover": _leftover,
    "_leftover_salvaged": _leftover_salvaged,
    "_arg": _arg,
    "_extra_arg": _extra_arg,
    "_replaced": _replaced,
    "_nulls_arg": _nulls_arg,
    "_store": _store,
    "_encode_other": _encode_other,
    "_collision": _collision,
    "_disabled": attrs.validators.get_disabled,
}


# --------------------------------------------------------------------------- units


class _Unit:
    """The namespace of the generated functions of one purpose and mode.

    Functions are written (``write``) as they are asked for, and compiled
    together at the next ``flush``, which the public accessors call before
    they hand a function out.  Only ever used under ``LOCK``.
    """

    def __init__(self, label: str, strict: bool = False, python: bool = False) -> None:
        self.label = label
        self.strict, self.python = strict, python
        self.ns: dict[str, Any] = dict(_BASE_NAMESPACE)
        self.sources: dict[str, str] = {}
        self._pending: list[str] = []
        self._tail: list[str] = []
        self._chunks = 0

    def claim(self, name: str) -> bool:
        """True the first time a function name is asked for: the caller writes it then.

        The name is taken before the function is written, so that a class that
        nests itself (or two that nest each other) stops there.
        """
        if name in self.sources:
            return False
        self.sources[name] = ""
        return True

    def const(self, name: str, value: Any) -> str:
        """Bind ``name`` to ``value`` in the namespace (the same name twice: an equal value)."""
        have = self.ns.get(name, _MISSING)
        if have is _MISSING:
            self.ns[name] = value
        elif have is not value and have != value:  # pragma: no cover - a bug here
            raise RuntimeError(f"generated name {name} bound to two values")
        return name

    def write(self, name: str, lines: list[str], tail: list[str] = ()) -> None:  # type: ignore[assignment]
        source = "\n".join(lines) + "\n"
        self.sources[name] = source
        self._pending.append(source)
        self._tail.extend(tail)

    def flush(self) -> None:
        if not self._pending:
            return
        source = "\n\n".join(self._pending) + "\n" + "\n".join(self._tail) + "\n"
        self._pending, self._tail = [], []
        self._chunks += 1
        filename = f"<respmodel {self.label} #{self._chunks}>"
        code = compile(source, filename, "exec")
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(code, self.ns)


class _Writer:
    """Lines of one generated function; what ``Kind.emit`` writes into (the ``Emitter``)."""

    def __init__(self, unit: _Unit, gen: Any) -> None:
        self.unit, self.gen = unit, gen
        self.strict, self.python = unit.strict, unit.python
        self.camel = bool(getattr(gen, "camel", False))
        self.lines: list[str] = []
        self._n = 0

    def line(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def const(self, name: str, value: Any) -> str:
        return self.unit.const(name, value)

    def local(self, hint: str) -> str:
        self._n += 1
        return f"{hint}{self._n}"

    def decoder(self, cls: type) -> str:
        return self.gen.class_function(cls)  # type: ignore[no-any-return]

    def inline(self, cls: type, var: str, ind: int) -> bool:
        """Write the decoding of ``cls`` from dict ``var`` into ``var`` here, if the generator can."""
        write = getattr(self.gen, "object_lines", None)
        if write is None:
            return False
        obj = self.local("o")
        write(self, cls, var, obj, ind)
        self.line(ind, f"{var} = {obj}")
        return True

    def union_decoder(self, name: str) -> str:
        return self.gen.union_function(name)  # type: ignore[no-any-return]

    encoder = decoder
    union_encoder = union_decoder


# --------------------------------------------------------------------------- decoders


class _Decoders:
    """Writes the decoders of one mode."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.unit = _Unit(f"decode {mode.name}", mode.strict, mode.python)

    def class_function(self, cls: type, tag_read: bool = False) -> str:
        """The decoder of ``cls``; with ``tag_read``, for input whose tag the caller read.

        A union picks its member by the input's ``type``, so the member's own
        check of the tag (a lookup and a string comparison per object) is
        left out of the decoder the union calls: ``member_<Class>``.  A class
        asked for directly, or found by another key, checks its tag.
        """
        tag_read = tag_read and tag_of(cls) is not None
        name = f"{'member' if tag_read else 'decode'}_{cls.__name__}"
        if self.unit.claim(name):
            self._write_class(cls, name, tag_read)
        return name

    def union_function(self, union: str) -> str:
        name = f"decode_{union}"
        if self.unit.claim(name):
            self._write_union(UNIONS[union], name)
        return name

    def _write_class(self, cls: type, name: str, tag_read: bool) -> None:
        w = _Writer(self.unit, self)
        w.line(0, f"def {name}(d):")
        self.object_lines(w, cls, "d", "o", 1, tag_read)
        w.line(1, "return o")
        self.unit.write(name, w.lines)

    def object_lines(
        self, w: _Writer, cls: type, d: str, o: str, ind: int, tag_read: bool = False
    ) -> None:
        """Lines that check dict ``d`` and build its object of ``cls`` into ``o``.

        The body of a class's decoder; also written inline, with its own
        local names, where a field holds a nested object (no call per object).
        """
        mode = self.mode
        c = cls.__name__
        fields = field_infos(cls)
        tag = tag_of(cls)
        keys: dict[str, str | None] = {f.key(mode.camel): f.name for f in fields}
        if tag is not None:
            keys["type"] = None
        w.const(f"_{c}", cls)
        w.const(f"_{c}_twin", twin(cls))
        w.const(f"_{c}_keys", keys)
        sfx = o[1:]
        m, z, v = (f"{n}{sfx}" for n in "mzv")
        # ``d.get(key)`` each time rather than a bound ``g = d.get``: no method
        # object to allocate (and track) per object, and 3.12+ specialise the call.
        g = f"{d}.get"
        w.line(ind, f"{o} = _{c}_twin()")
        # Keys are counted where they are rare: the absent ones (``m``), and
        # the null ones (``z``, by field name); then the input has a key that
        # no field accounts for exactly when len(d) + m exceeds the known keys.
        w.line(ind, f"{m} = 0")
        w.line(ind, f"{z} = ()")
        # With ``tag_read``, ``d['type'] == tag``: the key is there, and counted in len(d).
        check_tag = tag is not None and not tag_read
        if check_tag and mode.python:
            # A missing or null tag (a class asked for directly) takes the slow
            # path, whose copy the object keeps: it encodes the tag as it was.
            w.line(ind, f"if {g}('type') != {tag!r}:")
            w.line(ind + 1, "raise _Invalid")
        elif check_tag:
            w.line(ind, f"{v} = {g}('type')")
            w.line(ind, f"if {v} is not None:")
            w.line(ind + 1, f"if {v} != {tag!r}:")
            w.line(ind + 2, "raise _Invalid")
            w.line(ind, f"elif 'type' not in {d}:")
            w.line(ind + 1, f"{m} += 1")
        salvage = mode.salvage
        kept = f"k{sfx}"  # salvage: the keys whose values are kept raw, in ``extra``
        if salvage:
            w.line(ind, f"{kept} = ()")
        for f in fields:
            key = f.key(mode.camel)
            kind = f.kind
            if isinstance(kind, Scalar):
                # A scalar is stored as it is, so it is stored first and checked
                # after (a failed check raises, and the object is dropped).  One
                # test for the common case (a null or absent key fails it too).
                w.line(ind, f"{o}.{f.name} = {v} = {g}({key!r})")
                w.line(ind, f"if not ({kind.ok(w, v, f'{c}_{f.name}')}):")
                i = ind + 1
                w.line(i, f"if {v} is not None:")
                if salvage:  # the wrong JSON type: the attribute reads None, the value is kept
                    w.line(i + 1, f"{o}.{f.name} = None")
                    w.line(i + 1, f"{kept} += ({key!r},)")
                else:
                    w.line(i + 1, "raise _Invalid")
            else:
                w.line(ind, f"{v} = {g}({key!r})")
                i = ind
                w.line(i, f"if {v} is not None:")
                if salvage:
                    # Whatever fails below this field (and is not salvaged
                    # deeper down) costs this field only.
                    w.line(i + 1, "try:")
                    kind.emit(w, v, f"{c}_{f.name}", i + 2)
                    w.line(i + 1, "except _Invalid:")
                    w.line(i + 2, f"{v} = None")
                    w.line(i + 2, f"{kept} += ({key!r},)")
                else:
                    kind.emit(w, v, f"{c}_{f.name}", i + 1)
            w.line(i, f"elif {key!r} in {d}:")
            w.line(i + 1, f"{z} += ({f.name!r},)")
            w.line(i, "else:")
            w.line(i + 1, f"{m} += 1")
            if i == ind:
                w.line(ind, f"{o}.{f.name} = {v}")
        if salvage:
            w.line(ind, f"if {kept}:")
            w.line(ind + 1, f"{o}.extra = _leftover_salvaged(_{c}_keys, {d}, {kept})")
            w.line(ind, f"elif len({d}) + {m} == {len(keys)}:")
        else:
            w.line(ind, f"if len({d}) + {m} == {len(keys)}:")
        w.line(ind + 1, f"{o}.extra = _EMPTY")
        w.line(ind, "else:")
        w.line(ind + 1, f"{o}.extra = _leftover(_{c}_keys, {d}, {mode.strict}, {mode.python})")
        w.line(
            ind, f"{o}.json_nulls = (_NULL_SETS.get({z}) or _null_set({z})) if {z} else _NO_NULLS"
        )
        # Input handed to ``structure`` belongs to the caller: nothing of it is kept.
        w.line(ind, f"{o}._src = {'None' if mode.python else d}")
        w.line(ind, f"{o}._camel = {mode.camel}")
        w.line(ind, f"{o}._problems = None")
        w.line(ind, f"{o}.__class__ = _{c}")

    def _write_union(self, info: UnionInfo, name: str) -> None:
        mode, w = self.mode, _Writer(self.unit, self)
        u = info.name
        members = {tag: self.class_function(cls, tag_read=True) for tag, cls in info.tags.items()}
        untagged = self.class_function(info.untagged) if info.untagged is not None else None
        unknown = w.const(f"_{info.unknown.__name__}", info.unknown)
        frozen = f"{'_freeze_py' if mode.python else '_freeze'}(x)"
        # The parsed JSON may be kept (GenericEvent does); the caller's data may not.
        make_unknown = f"{unknown}._decoded({frozen}, {'None' if mode.python else 'x'})"
        w.line(0, f"def {name}(x):")
        w.line(1, "if _type(x) is dict:")
        w.line(2, "t = x.get('type')")
        w.line(2, "if _type(t) is str:")
        w.line(3, f"f = _{u}_tags.get(t)")
        w.line(3, "if f is not None:")
        w.line(4, "return f(x)")
        w.line(3, "raise _Invalid" if mode.strict and not info.open else f"return {make_unknown}")
        w.line(2, "if 'type' in x:")
        if mode.strict:
            w.line(3, "raise _Invalid")
        elif mode.salvage:  # a tag of the wrong JSON type: the member is kept whole, untyped
            w.line(3, f"return {make_unknown}")
        else:
            w.line(3, "if t is not None:")
            w.line(4, "raise _Invalid")
            w.line(3, f"return {make_unknown}")
        if untagged is not None:
            w.line(2, f"if {info.untagged_key!r} in x:")
            w.line(3, f"return {untagged}(x)")
        strict_untagged = mode.strict and not info.untagged_unknown
        w.line(2, "raise _Invalid" if strict_untagged else f"return {make_unknown}")
        if info.allows_str:
            test = "_type(x) is str"
            if mode.python:
                test += " and (x.isascii() or _utf8(x))"
            w.line(1, f"if {test}:")
            w.line(2, "return x")
        w.line(1, "raise _Invalid")
        table = ", ".join(f"{tag!r}: {fn}" for tag, fn in members.items())
        self.unit.write(name, w.lines, [f"_{u}_tags = {{{table}}}"])


_DECODERS: dict[Mode, _Decoders] = {}
_DECODER_FUNCTIONS: dict[tuple[Any, Mode, bool], Callable[[Any], Any]] = {}


def decoder_function(
    target: type | UnionInfo, mode: Mode, tag_read: bool = False
) -> Callable[[Any], Any]:
    """The generated decoder of a class (input: a dict) or union (input: any JSON value).

    ``tag_read``: the caller found the class by the input's ``type`` (the
    decoder then does not check it again; see ``_Decoders.class_function``).
    """

    def make() -> Callable[[Any], Any]:
        gen = memo(_DECODERS, mode, lambda: _Decoders(mode))  # type: ignore[arg-type]
        if isinstance(target, UnionInfo):
            name = gen.union_function(target.name)
        else:
            name = gen.class_function(target, tag_read)
        gen.unit.flush()
        return gen.unit.ns[name]  # type: ignore[no-any-return]

    return memo(_DECODER_FUNCTIONS, (target, mode, tag_read), make)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- encoders


class _Encoders:
    """Writes the encoders of one key style."""

    def __init__(self, camel: bool) -> None:
        self.camel = camel
        self.unit = _Unit(f"encode {'camel' if camel else 'snake'}")

    def class_function(self, cls: type) -> str:
        name = f"encode_{cls.__name__}"
        if self.unit.claim(name):
            self._write_class(cls, name)
        return name

    def union_function(self, union: str) -> str:
        name = f"encode_{union}"
        if self.unit.claim(name):
            info = UNIONS[union]
            w = _Writer(self.unit, self)
            classes = [*info.tags.values(), *([info.untagged] if info.untagged else [])]
            table = ", ".join(
                f"{w.const('_' + c.__name__, c)}: {self.class_function(c)}" for c in classes
            )
            w.line(0, f"def {name}(v):")
            w.line(1, f"f = _{union}_encoders.get(v.__class__)")
            w.line(1, "return f(v) if f is not None else _encode_other(v)")
            self.unit.write(name, w.lines, [f"_{union}_encoders = {{{table}}}"])
        return name

    def _write_class(self, cls: type, name: str) -> None:
        w = _Writer(self.unit, self)
        c, camel = cls.__name__, self.camel
        fields = field_infos(cls)
        tag = tag_of(cls)
        w.line(0, f"def {name}(o):")
        w.line(1, "s = o._src")
        w.line(1, f"if s is not None and o._camel is {camel}:")
        w.line(2, "return s")
        w.line(1, "ex = o.extra")
        if fields:
            # An unknown key that is a modelled key in this style would be
            # written over, or read back as the field: say so, drop nothing.
            names = w.const(f"_{c}_out_names", {f.key(camel): f.name for f in fields})
            w.line(1, f"if ex and not {names}.keys().isdisjoint(ex):")
            w.line(2, f"_collision({c!r}, {names}, o, {camel})")
        w.line(1, "out = _thaw(ex) if ex else {}")
        if tag is not None:
            w.line(1, f"out['type'] = {tag!r}")
        if fields:
            w.line(1, "nulls = o.json_nulls")
        for f in fields:
            key = f.key(camel)
            w.line(1, f"v = o.{f.name}")
            w.line(1, "if v is not None:")
            w.line(2, f"out[{key!r}] = {f.kind.encode(w, 'v', f'{c}_{f.name}')}")
            w.line(1, f"elif {f.name!r} in nulls:")
            w.line(2, f"out[{key!r}] = None")
        w.line(1, "return out")
        self.unit.write(name, w.lines)


_ENCODERS: dict[bool, _Encoders] = {}
_ENCODE_BY_CLASS: dict[tuple[type, bool], Callable[[Any], Any]] = {}


def _class_encoder(cls: type, camel: bool) -> Callable[[Any], Any]:
    def make() -> Callable[[Any], Any]:
        if not issubclass(cls, Model):
            return _encode_other
        gen = memo(_ENCODERS, camel, lambda: _Encoders(camel))  # type: ignore[arg-type]
        name = gen.class_function(cls)
        gen.unit.flush()
        return gen.unit.ns[name]  # type: ignore[no-any-return]

    return memo(_ENCODE_BY_CLASS, (cls, camel), make)  # type: ignore[arg-type]


def encode(obj: Any, camel: bool) -> Any:
    """JSON-ready values of any respmodel object (may share the decoded JSON: read only)."""
    enc = _ENCODE_BY_CLASS.get((obj.__class__, camel))
    if enc is None:
        if not isinstance(obj, (Model, Unknown, str)):
            raise TypeError(f"not a respmodel object: {type(obj).__name__}")
        enc = _class_encoder(obj.__class__, camel)
    return enc(obj)


# --------------------------------------------------------------------------- constructors


class _Inits:
    """Writes the ``__init__`` of each model class."""

    def __init__(self) -> None:
        self.unit = _Unit("init", strict=True)

    def class_function(self, cls: type) -> str:
        return self.unit.const(f"_{cls.__name__}", cls)

    def union_function(self, union: str) -> str:  # pragma: no cover - inits never nest calls
        raise NotImplementedError

    def write(self, cls: type) -> str:
        w = _Writer(self.unit, self)
        c = cls.__name__
        name = f"init_{c}"
        fields = field_infos(cls)
        names = tuple(f.name for f in fields)
        w.const(f"_{c}", cls)
        w.const(f"_{c}_twin", twin(cls))
        w.const(f"_{c}_names", frozenset(names))
        known = {k for f in fields for k in (f.snake, f.camel)} | (
            {"type"} if tag_of(cls) else set()
        )
        w.const(f"_{c}_known", frozenset(known))
        w.const(f"_{c}_slots", (*names, "extra", "json_nulls", "_src", "_camel", "_problems"))
        params = "".join(f"{n}=None, " for n in names)
        w.line(0, f"def {name}(self, *, {params}extra=_EMPTY, json_nulls=_NO_NULLS):")
        w.line(1, "_check = not _disabled()")
        for f in fields:
            info = w.const(f"_{c}_field_{f.name}", f)
            accept = f.kind.accept(w, f.name, f"{c}_{f.name}")
            test = f"{f.name} is not None" + (f" and not ({accept})" if accept else "")
            w.line(1, f"if {test}:")
            w.line(2, f"{f.name} = _arg({c!r}, {info}, {f.name}, _check)")
        w.line(1, "if extra is not _EMPTY:")
        w.line(2, f"extra = _extra_arg({c!r}, _{c}_known, extra)")
        if fields:
            # Only a decoded object's extra (copied by evolve) may hold a field's
            # key: a value kept raw by salvage, which a value set for the field replaces.
            w.line(2, f"if not _{c}_known.isdisjoint(extra):")
            w.line(3, f"extra = _replaced(_{c}, extra, ({''.join(f'{n}, ' for n in names)}))")
        w.line(1, f"if json_nulls.__class__ is not frozenset or not json_nulls <= _{c}_names:")
        w.line(2, f"json_nulls = _nulls_arg({c!r}, _{c}_names, json_nulls)")
        w.line(1, f"if self.__class__ is not _{c}:  # a subclass: no twin to store through")
        values = "".join(f"{n}, " for n in names)
        w.line(2, f"_store(self, _{c}_slots, ({values}extra, json_nulls, None, False, None))")
        w.line(2, "return")
        w.line(1, f"_set_class(self, '__class__', _{c}_twin)")
        for n in names:
            w.line(1, f"self.{n} = {n}")
        w.line(1, "self.extra = extra")
        w.line(1, "self.json_nulls = json_nulls")
        w.line(1, "self._src = None")
        w.line(1, "self._camel = False")
        w.line(1, "self._problems = None")
        w.line(1, f"self.__class__ = _{c}")
        self.unit.write(name, w.lines)
        return name


_INITS = _Inits()
_INIT_BY_CLASS: dict[type, Callable[..., None]] = {}


def install_init(cls: type) -> Callable[..., None]:
    """The generated ``__init__`` of a model class, installed on the class the first time.

    A subclass made elsewhere shares the ``__init__`` of the respmodel class it extends.
    """
    cls = next(c for c in cls.__mro__ if c.__module__.startswith("respmodel."))

    def make() -> Callable[..., None]:
        name = _INITS.write(cls)
        _INITS.unit.flush()
        fn: Callable[..., None] = _INITS.unit.ns[name]
        fn.__qualname__ = f"{cls.__qualname__}.__init__"
        fn.__name__ = "__init__"
        type.__setattr__(cls, "__init__", fn)
        return fn

    return memo(_INIT_BY_CLASS, cls, make)  # type: ignore[arg-type]


def source_of(kind: str, target: type | str, mode: Mode | None = None) -> str:
    """The generated source of one function (for tests and curious readers).

    ``kind`` is ``"decode"`` or ``"member"`` (a union member's decoder, which
    does not check the tag; both with ``mode``), ``"encode"`` (``mode.camel``
    picks the key style) or ``"init"``; ``target`` a model class or a union name.
    """
    name = target if isinstance(target, str) else target.__name__
    with LOCK:
        if kind in ("decode", "member"):
            assert mode is not None
            info = UNIONS[name] if isinstance(target, str) else target
            decoder_function(info, mode, tag_read=kind == "member")
            return _DECODERS[mode].unit.sources[f"{kind}_{name}"]
        if kind == "encode":
            camel = bool(mode and mode.camel)
            if isinstance(target, str):
                gen = memo(_ENCODERS, camel, lambda: _Encoders(camel))  # type: ignore[arg-type]
                gen.union_function(target)
                gen.unit.flush()
            else:
                _class_encoder(target, camel)
            return _ENCODERS[camel].unit.sources[f"encode_{name}"]
        assert isinstance(target, type)
        install_init(target)
        return _INITS.unit.sources[f"init_{name}"]
