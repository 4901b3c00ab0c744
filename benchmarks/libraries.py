"""How each library decodes, reads and encodes: one small adapter per library.

An adapter is called in the worker process with the workload and returns the
library's :class:`Ops`, importing the library only then, so that a worker
imports nothing but the library it measures.  A library that is not installed,
or that has no model for a workload, raises :class:`Skip` with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from .walk import make_walker
from .workloads import Workload

__all__ = ["DISTRIBUTIONS", "LIBRARIES", "Ops", "Skip"]

Decoder = Callable[[bytes], Any]


class Skip(Exception):
    """The library cannot run this workload here; the message says why."""


@dataclass
class Ops:
    """What one library does with one workload.

    ``decoder(shape)`` is the decode function for payloads of that API shape
    (only the ``openai`` SDK has one class per shape).  ``rebuild``, when set,
    turns a decoded object into an equal one built in code, to time encoding
    without the retained JSON (respmodel only).
    """

    decoder: Callable[[str], Decoder]
    read: Callable[[Any], int]
    encode: Callable[[Any], Any]
    rebuild: Callable[[Any], Any] | None = None
    notes: list[str] = field(default_factory=list)
    analytics: Callable[[Any], Any] | None = None
    """Read what an analytics job reads: status, total and cached tokens."""
    voice: Callable[[Any], Any] | None = None
    """Read what a voice agent reads: each item's type, each message part's transcript or text."""
    evolve: Callable[[Any], Any] | None = None
    """A copy of a decoded response with another ``status`` (what a relay does before encoding)."""


# --------------------------------------------------------------------------- read patterns
# The same reads for every library; only how a value is reached differs.


def _analytics_attrs(r: Any) -> Any:
    usage = r.usage
    if usage is None:
        return r.status
    details = usage.input_token_details
    return (r.status, usage.total_tokens, details.cached_tokens if details is not None else None)


def _analytics_dict(r: Any) -> Any:
    usage = r.get("usage")
    if usage is None:
        return r.get("status")
    details = usage.get("input_token_details")
    return (
        r.get("status"),
        usage.get("total_tokens"),
        details.get("cached_tokens") if details is not None else None,
    )


def _voice_attrs(item_type: Callable[[Any], Any]) -> Callable[[Any], int]:
    def voice(r: Any) -> int:
        n = 0
        for item in r.output or ():
            if item_type(item) == "message":
                for part in item.content or ():
                    if getattr(part, "transcript", None) or getattr(part, "text", None):
                        n += 1
        return n

    return voice


def _voice_dict(r: Any) -> int:
    n = 0
    for item in r.get("output") or ():
        if item.get("type") == "message":
            for part in item.get("content") or ():
                if part.get("transcript") or part.get("text"):
                    n += 1
    return n


def _tag(item: Any) -> Any:
    return item.type


def _evolve_dict(r: Any) -> Any:
    return {**r, "status": "cancelled"}


def _same_decoder(decode: Decoder) -> Callable[[str], Decoder]:
    return lambda shape: decode


def _only_responses(w: Workload, lib: str) -> None:
    if w.kind != "response":
        raise Skip(f"{lib}: no models of the server events")


def _dict_walker() -> Callable[[Any], int]:
    def no_fields(cls: type) -> tuple[str, ...]:
        raise TypeError(f"not JSON: {cls.__name__}")

    return make_walker(no_fields)


# --------------------------------------------------------------------------- untyped


def orjson_ops(w: Workload) -> Ops:
    import orjson

    return Ops(
        _same_decoder(orjson.loads),
        _dict_walker(),
        orjson.dumps,
        analytics=_analytics_dict,
        voice=_voice_dict,
        evolve=_evolve_dict,
    )


def json_ops(w: Workload) -> Ops:
    import json

    return Ops(
        _same_decoder(json.loads),
        _dict_walker(),
        json.dumps,
        notes=["json.dumps returns str"],
        analytics=_analytics_dict,
        voice=_voice_dict,
        evolve=_evolve_dict,
    )


# --------------------------------------------------------------------------- typed peers


def msgspec_ops(w: Workload) -> Ops:
    _only_responses(w, "msgspec")
    import msgspec

    from .peers.msgspec_models import response_type

    decoder = msgspec.json.Decoder(response_type(w.case == "camel"))
    walk = make_walker(lambda cls: tuple(cls.__struct_fields__))  # type: ignore[attr-defined]
    return Ops(
        _same_decoder(decoder.decode),
        walk,
        msgspec.json.Encoder().encode,
        analytics=_analytics_attrs,
        # A tagged msgspec struct keeps its tag in its class config, not as an attribute.
        voice=_voice_attrs(lambda item: item.__struct_config__.tag),
        evolve=lambda r: msgspec.structs.replace(r, status="cancelled"),
    )


def pydantic_ops(w: Workload) -> Ops:
    _only_responses(w, "pydantic")
    from .peers.pydantic_models import response_type

    model = response_type(w.case == "camel")
    by_alias = w.case == "camel"

    def encode(obj: Any) -> str:
        return obj.model_dump_json(exclude_unset=True, by_alias=by_alias)  # type: ignore[no-any-return]

    walk = make_walker(lambda cls: tuple(cls.model_fields))  # type: ignore[attr-defined]
    return Ops(
        _same_decoder(model.model_validate_json),
        walk,
        encode,
        notes=["model_dump_json returns str"],
        analytics=_analytics_attrs,
        voice=_voice_attrs(_tag),
        evolve=lambda r: r.model_copy(update={"status": "cancelled"}),
    )


def openai_ops(w: Workload) -> Ops:
    """The ``openai`` SDK's own path: stdlib ``json.loads``, then ``construct_type_unchecked``.

    That is what its realtime connection's ``parse_event`` does with every
    server event (no validation); the response resource is decoded the same way.
    """
    if w.case != "snake":
        raise Skip("openai: the SDK has no camelCase form")
    import json

    import openai.types.realtime as ga
    from openai._models import construct_type_unchecked

    beta: ModuleType
    try:
        import openai.types.beta.realtime as beta
    except ImportError:  # a release without the beta API: GA for every shape
        beta = ga
    name = "RealtimeResponse" if w.kind == "response" else "RealtimeServerEvent"
    ga_type, beta_type = getattr(ga, name), getattr(beta, name)

    def decoder_for(shape: str) -> Decoder:
        tp = ga_type if shape == "ga" else beta_type

        def decode(data: bytes) -> Any:
            return construct_type_unchecked(value=json.loads(data), type_=tp)

        return decode

    def encode(obj: Any) -> str:
        # warnings=False: the beta class declares the voice a str, and Azure sends objects.
        return obj.to_json(indent=None, warnings=False)  # type: ignore[no-any-return]

    walk = make_walker(lambda cls: tuple(cls.model_fields))  # type: ignore[attr-defined]
    return Ops(
        decoder_for,
        walk,
        encode,
        analytics=_analytics_attrs,
        voice=_voice_attrs(_tag),
        evolve=lambda r: r.model_copy(update={"status": "cancelled"}),
        notes=[
            "decode: construct_type_unchecked(json.loads(data)), as RealtimeConnection.parse_event; "
            "beta class for beta and Azure payloads, GA class for GA ones; to_json returns str"
        ],
    )


def cattrs_ops(w: Workload) -> Ops:
    _only_responses(w, "cattrs")
    import attrs

    from .peers.attrs_models import Response, converter

    conv = converter(w.case == "camel")

    def decode(data: bytes) -> Any:
        return conv.loads(data, Response)

    walk = make_walker(lambda cls: tuple(a.name for a in attrs.fields(cls)))
    return Ops(
        _same_decoder(decode),
        walk,
        conv.dumps,
        analytics=_analytics_attrs,
        voice=_voice_attrs(_tag),
        evolve=lambda r: attrs.evolve(r, status="cancelled"),
    )


# --------------------------------------------------------------------------- respmodel


def respmodel_ops(w: Workload) -> Ops:
    import attrs

    import respmodel

    bookkeeping = {"extra", "json_nulls"}

    def fields_of(cls: type) -> tuple[str, ...]:
        return tuple(a.name for a in attrs.fields(cls) if a.init and a.name not in bookkeeping)

    if w.kind == "event":
        loads_event = getattr(respmodel, "loads_event", None)
        if loads_event is None:
            raise Skip("respmodel: no events API yet (respmodel.loads_event is missing)")
        return Ops(_same_decoder(loads_event), make_walker(fields_of), respmodel.dumps)

    if w.case == "snake":
        decode: Decoder = respmodel.loads

        def encode(obj: Any) -> bytes:
            return respmodel.dumps(obj)
    else:

        def decode(data: bytes) -> Any:
            return respmodel.loads(data, case="camel")

        def encode(obj: Any) -> bytes:
            return respmodel.dumps(obj, case="camel")

    def rebuild(obj: Any) -> Any:
        """An equal object built with ``attrs.evolve`` all the way down: no retained JSON."""
        if isinstance(obj, respmodel.Model):
            return attrs.evolve(obj, **{n: rebuild(getattr(obj, n)) for n in fields_of(type(obj))})
        if isinstance(obj, respmodel.Unknown):
            return attrs.evolve(obj)
        if obj.__class__ is tuple:
            return tuple(rebuild(x) for x in obj)
        return obj

    return Ops(
        _same_decoder(decode),
        make_walker(fields_of),
        encode,
        rebuild,
        analytics=_analytics_attrs,
        voice=_voice_attrs(_tag),
        evolve=lambda r: attrs.evolve(r, status="cancelled"),
    )


LIBRARIES: dict[str, Callable[[Workload], Ops]] = {
    "orjson": orjson_ops,
    "json": json_ops,
    "msgspec": msgspec_ops,
    "pydantic": pydantic_ops,
    "openai": openai_ops,
    "cattrs": cattrs_ops,
    "respmodel": respmodel_ops,
}
"""Every library by name, in report order (the floor first, respmodel last)."""

DISTRIBUTIONS: dict[str, str | None] = {
    "orjson": "orjson",
    "json": None,
    "msgspec": "msgspec",
    "pydantic": "pydantic",
    "openai": "openai",
    "cattrs": "cattrs",
    "respmodel": "respmodel",
}
"""The distribution whose version is reported for each library (None: the stdlib)."""
