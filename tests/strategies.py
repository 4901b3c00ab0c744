"""Hypothesis strategies: valid JSON of every respmodel type, in both key styles.

The strategies are written from the resource's shapes: a field strategy per
kind of value, an object strategy per class that draws any subset of its fields (any
of them explicitly null), and response strategies per API shape (beta, GA,
Azure, and a mix).  ``strict=True`` draws only what strict decoding accepts;
otherwise unknown keys, unknown enum values and unknown tags appear too.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import respmodel
from respmodel._kinds import (
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
from respmodel._naming import camelize
from respmodel._unions import UNIONS

JsonValue = Any

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values: st.SearchStrategy[JsonValue] = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)

names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=16)


def for_kind(kind: Kind, camel: bool, strict: bool) -> st.SearchStrategy[JsonValue]:
    """Valid, non-null JSON for one field kind."""
    if isinstance(kind, Enum):
        known = st.sampled_from(kind.values)
        return known if strict else known | names
    if isinstance(kind, Const):
        return st.just(kind.value)
    if isinstance(kind, Str):
        return names
    if isinstance(kind, Int):
        lo = 0 if kind.nonneg else -(2**63)
        return st.integers(lo, 2**63 - 1)
    if isinstance(kind, Float):
        if kind.lo is not None and kind.hi is not None:
            ranged = st.floats(kind.lo, kind.hi)
            return ranged if strict else ranged | st.floats(allow_nan=False, allow_infinity=False)
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-1000, 1000)
    if isinstance(kind, Bool):
        return st.booleans()
    if isinstance(kind, IntOrInf):
        return st.integers(0, 2**31) | st.just("inf")
    if isinstance(kind, Metadata):
        return st.dictionaries(st.text(max_size=64), st.text(max_size=40), max_size=16)
    if isinstance(kind, Json):
        if kind.object_only:
            return st.dictionaries(st.text(max_size=8), json_values, max_size=3)
        return json_values
    if isinstance(kind, Obj):
        return model_json(kind.cls, camel=camel, strict=strict)
    if isinstance(kind, Seq):
        return st.lists(for_kind(kind.item, camel, strict), max_size=3)
    if isinstance(kind, Union):
        return union_json(kind.name, camel=camel, strict=strict)
    raise TypeError(kind)


def model_json(
    cls: type, *, camel: bool = False, strict: bool = False, with_tag: bool = True
) -> st.SearchStrategy[dict[str, JsonValue]]:
    """A JSON object of ``cls``: any subset of its fields, each maybe null."""
    fields = field_infos(cls)
    optional = {f.key(camel): st.none() | for_kind(f.kind, camel, strict) for f in fields}
    required = {}
    tag = cls.__dict__.get("type")
    if isinstance(tag, str) and with_tag:
        required["type"] = st.just(tag)
    base = st.fixed_dictionaries(required, optional=optional)
    if strict:
        return base
    # Unknown keys never spell a known field in either key style, so that
    # converting between the styles cannot make them collide.
    known = {"type"} | {f.snake for f in fields} | {f.camel for f in fields}
    extras = st.dictionaries(names.filter(lambda k: k not in known), json_values, max_size=2)
    return st.builds(lambda b, e: {**e, **b}, base, extras)


def unknown_tagged(union: str) -> st.SearchStrategy[dict[str, JsonValue]]:
    """An object with a tag the union does not know, carrying arbitrary keys."""
    known = set(UNIONS[union].tags)
    return st.builds(
        lambda tag, rest: {**rest, "type": tag},
        names.filter(lambda t: t not in known),
        st.dictionaries(names, json_values, max_size=3),
    )


def union_json(
    name: str, *, camel: bool = False, strict: bool = False
) -> st.SearchStrategy[JsonValue]:
    info = UNIONS[name]
    members = [model_json(c, camel=camel, strict=strict) for c in info.tags.values()]
    if info.untagged is not None:
        members.append(
            st.fixed_dictionaries(
                {"id": names}, optional={} if strict else {"extra_key": json_values}
            )
        )
    if info.allows_str:
        members.append(st.sampled_from(respmodel._voices.KNOWN_VOICE_NAMES) | names)
    if not strict:
        members.append(unknown_tagged(name))
    return st.one_of(*members)


BETA = (
    "id",
    "object",
    "status",
    "status_details",
    "output",
    "usage",
    "conversation_id",
    "voice",
    "modalities",
    "output_audio_format",
    "temperature",
    "max_output_tokens",
    "metadata",
)
GA = (
    "id",
    "object",
    "status",
    "status_details",
    "output",
    "usage",
    "conversation_id",
    "output_modalities",
    "audio",
    "max_output_tokens",
    "metadata",
)


def response_json(
    shape: str = "any", *, camel: bool = False, strict: bool = False
) -> st.SearchStrategy[dict[str, JsonValue]]:
    """A Response in one API shape: "beta", "ga", "azure" or "any" (every field may mix)."""
    allowed = {"beta": BETA, "azure": BETA, "ga": GA}.get(shape)
    strategy = model_json(respmodel.Response, camel=camel, strict=strict)
    if allowed is None:
        return strategy
    keep = {camelize(k) if camel else k for k in allowed}
    known = {camelize(f.snake) if camel else f.snake for f in field_infos(respmodel.Response)}
    return strategy.map(lambda d: {k: v for k, v in d.items() if k in keep or k not in known})
