"""JSON Schema (draft 2020-12) of the respmodel classes and unions, written from their field kinds.

The schema is generated from the same kinds (``_kinds``) and union tables
(``_unions``) the decoder's checkers are generated from, so that a payload is
valid against ``json_schema(tp, case=..., strict=...)`` exactly when
``loads(payload, tp, case=..., strict=...)`` accepts it, in both modes:

=====================  ==========================================  =============================
                       lenient (``strict=False``)                  strict (``strict=True``)
=====================  ==========================================  =============================
unknown keys           allowed (kept in ``extra``)                 ``additionalProperties: false``
enums, ``object``      any string (known values listed in ``enum``  the known values only
                       inside an ``anyOf`` with ``string``)
unknown tags           any string ``type``, object not checked     the known tags only
                       (kept whole as ``Unknown*``)                (``ServerEvent``: any string)
objects with no tag    allowed (kept whole)                        an error (except ``{"id":…}``
                                                                   voices: ``CustomVoice``)
``"type": null``       allowed (kept whole)                        an error
integer minimums       none                                        ``minimum: 0`` where the field
                                                                   cannot be negative
``temperature`` range  none                                        ``[0.6, 1.2]``
``metadata`` limits    none (values must be strings)               16 pairs, keys ≤ 64 and values
                                                                   ≤ 512 characters
=====================  ==========================================  =============================

Both modes: every field may be absent or ``null``; integers lie in the range
orjson reads as integers (``-2**63`` to ``2**64 - 1``).  One difference
cannot be expressed: JSON Schema counts ``1.0`` as an integer, respmodel
does not (it keeps the JSON types apart, as orjson parses them).
"""

from __future__ import annotations

import inspect
from typing import Any

import attrs

from ._base import Model
from ._check import tag_of
from ._dispatch import resolve
from ._json import UnsupportedTypeError
from ._kinds import (
    KIND_KEY,
    Bool,
    Const,
    Enum,
    Float,
    Int,
    IntOrInf,
    Json,
    Kind,
    Metadata,
    Obj,
    Seq,
    Str,
    Union,
    field_infos,
)
from ._modes import Case, is_camel
from ._unions import UNIONS, UnionInfo

__all__ = ["DIALECT", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

INT_MIN = -(2**63)
INT_MAX = 2**64 - 1
"""orjson reads integers in this range as ``int``; beyond it, as ``float`` (not an integer)."""

_NULL_TRANSPARENT = frozenset(
    (
        "type",
        "minimum",
        "maximum",
        "items",
        "additionalProperties",
        "maxProperties",
        "propertyNames",
    )
)
"""Keywords that constrain no ``null``: a schema made of these admits null by adding it to ``type``."""


def json_schema(tp: object, *, case: Case = "snake", strict: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what ``loads(data, tp, case=case, strict=strict)`` accepts.

    ``tp`` is a model class or a union alias (``Response``, ``OutputItem``,
    ``ServerEvent``, ...), as :func:`respmodel.loads` takes it.  The result
    is a new dict each call, with the classes and unions it refers to under
    ``$defs``.  The lenient schema leaves enums and tags open and allows
    unknown keys; the strict one closes them and carries the ranges and
    limits strict decoding enforces (see the README's "JSON Schema").
    Raises :class:`respmodel.UnsupportedTypeError` for any other ``tp``.
    """
    resolved = resolve(tp)
    if resolved is None or resolved[1]:
        raise UnsupportedTypeError(f"not a respmodel class or union: {tp!r}")
    camel = is_camel(case)
    strict = bool(strict)
    writer = _Writer(camel, strict)
    root = writer.ref(resolved[0])
    name = root["$ref"].rsplit("/", 1)[1]
    mode = "strict" if strict else "lenient"
    return {
        "$schema": DIALECT,
        "title": name,
        "description": (
            f"{name} as respmodel decodes it {mode}ly, in {'camelCase' if camel else 'snake_case'}."
        ),
        **root,
        "$defs": dict(sorted(writer.defs.items())),
    }


def _summary(obj: object) -> str | None:
    """The first paragraph of a docstring, on one line, with Markdown's code spans."""
    doc = inspect.getdoc(obj)
    return doc.split("\n\n", 1)[0].replace("\n", " ").replace("``", "`") if doc else None


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null`` (every modelled field may be null: null means absent)."""
    if not schema:
        return schema  # anything, null included
    if schema.keys() <= _NULL_TRANSPARENT and isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


class _Writer:
    """Writes the schemas of one key style and mode, collecting named ones in ``defs``."""

    def __init__(self, camel: bool, strict: bool) -> None:
        self.camel, self.strict = camel, strict
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, target: type[Model] | UnionInfo) -> dict[str, Any]:
        name = target.name if isinstance(target, UnionInfo) else target.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placed first: the classes refer to each other
            if isinstance(target, UnionInfo):
                self.defs[name] = self.union(target)
            else:
                self.defs[name] = self.model(target)
        return {"$ref": f"#/$defs/{name}"}

    # ------------------------------------------------------------------ classes

    def model(self, cls: type[Model]) -> dict[str, Any]:
        docs = {a.name: a.metadata.get("doc") for a in attrs.fields(cls) if KIND_KEY in a.metadata}
        properties: dict[str, Any] = {}
        tag = tag_of(cls)
        if tag is not None:
            # Decoded as the class itself, the tag may be left out or null, not another value.
            properties["type"] = {"enum": [tag, None]}
        for f in field_infos(cls):
            schema = _nullable(self.kind(f.kind))
            doc = docs.get(f.name)
            if doc:
                schema = {"description": doc, **schema}
            properties[f.key(self.camel)] = schema
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        summary = _summary(cls)
        if summary:
            out["description"] = summary
        out["properties"] = properties
        if self.strict:
            out["additionalProperties"] = False
        return out

    def kind(self, kind: Kind) -> dict[str, Any]:
        """The schema of a non-null value of ``kind``."""
        strict = self.strict
        if isinstance(kind, Enum):
            known = {"enum": list(kind.values)}
            return known if strict else {"anyOf": [known, {"type": "string"}]}
        if isinstance(kind, Const):
            const = {"const": kind.value}
            return const if strict else {"anyOf": [const, {"type": "string"}]}
        if isinstance(kind, Str):
            return {"type": "string"}
        if isinstance(kind, Int):
            low = 0 if strict and kind.nonneg else INT_MIN
            return {"type": "integer", "minimum": low, "maximum": INT_MAX}
        if isinstance(kind, IntOrInf):
            if strict:
                number = {"type": "integer", "minimum": 0, "maximum": INT_MAX}
                return {"anyOf": [number, {"const": "inf"}]}
            number = {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
            return {"anyOf": [number, {"type": "string"}]}
        if isinstance(kind, Float):
            if strict and kind.lo is not None and kind.hi is not None:
                return {"type": "number", "minimum": kind.lo, "maximum": kind.hi}
            return {"type": "number"}
        if isinstance(kind, Bool):
            return {"type": "boolean"}
        if isinstance(kind, Metadata):
            if not strict:
                return {"type": "object", "additionalProperties": {"type": "string"}}
            return {
                "type": "object",
                "maxProperties": kind.max_pairs,
                "propertyNames": {"maxLength": kind.max_key},
                "additionalProperties": {"type": "string", "maxLength": kind.max_value},
            }
        if isinstance(kind, Json):
            return {"type": "object"} if kind.object_only else {}
        if isinstance(kind, Obj):
            return self.ref(kind.cls)
        if isinstance(kind, Union):
            return self.ref(UNIONS[kind.name])
        if isinstance(kind, Seq):
            return {"type": "array", "items": self.kind(kind.item)}
        raise TypeError(f"no schema for {kind!r}")  # pragma: no cover - a new kind is a bug

    # ------------------------------------------------------------------ unions

    def union(self, info: UnionInfo) -> dict[str, Any]:
        closed = self.strict and not info.open
        if closed:
            tag: dict[str, Any] = {"enum": list(info.tags)}
        elif self.strict:
            tag = {"type": "string"}
        else:
            tag = {"type": ["string", "null"]}  # any other tag, or null: kept whole
        branches: list[dict[str, Any]] = [
            {
                "if": {"properties": {"type": {"const": t}}, "required": ["type"]},
                "then": self.ref(cls),
            }
            for t, cls in info.tags.items()
        ]
        obj: dict[str, Any] = {"type": "object", "properties": {"type": tag}}
        ukey = info.untagged_key
        if info.untagged is not None and ukey is not None:
            branches.append(
                {
                    "if": {"not": {"required": ["type"]}, "required": [ukey]},
                    "then": self.ref(info.untagged),
                }
            )
            if self.strict:
                obj["anyOf"] = [{"required": ["type"]}, {"required": [ukey]}]
        elif self.strict and not info.untagged_unknown:
            obj["required"] = ["type"]
        obj["allOf"] = branches
        members = ", ".join(f'"{t}": {c.__name__}' for t, c in info.tags.items())
        if closed:
            rest = "any other tag is an error"
        else:
            rest = f"any other tag is kept whole as {info.unknown.__name__}"
        described: dict[str, Any] = {
            "title": info.name,
            "description": f'Told apart by "type" ({members}); {rest}.',
        }
        if info.allows_str:
            return {**described, "anyOf": [{"type": "string"}, obj]}
        return {**described, **obj}
