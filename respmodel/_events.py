"""Server events: typed events for those that carry the resource, a generic event for the rest.

The nine event types of the resource's event table, and the finished input
transcription (for its usage), are model classes, one class
per ``type`` value (so ``type`` is their tag, as for output items), and form
the ``ServerEvent`` union with :class:`GenericEvent` as its fallback.  Every
other type (the audio and text deltas, session and rate-limit events, in
their beta and GA spellings) decodes into a :class:`GenericEvent` without
being checked or structured: a session that is mostly audio deltas decodes at
little more than the cost of parsing its JSON.

Unlike the other unions, ``ServerEvent`` is *open*: an event type respmodel
does not model is a generic event in strict mode too, never an error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

import attrs

from ._base import Model, Unknown
from ._converter import Case, decoder, is_camel
from ._frozen import FrozenDict, freeze
from ._json import _parse
from ._kinds import Float, Int, Obj, Str, Union, field
from ._response import Response
from ._unions import UNIONS, UnionInfo, register, tags_of

if TYPE_CHECKING:
    from ._unions import ContentPart, OutputItem

__all__ = [
    "ConversationItemAddedEvent",
    "ConversationItemCreatedEvent",
    "ConversationItemDoneEvent",
    "GenericEvent",
    "InputAudioTranscriptionCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseDoneEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ServerEvent",
    "TranscriptionDurationUsage",
    "TranscriptionTokenDetails",
    "TranscriptionTokenUsage",
    "TranscriptionUsage",
    "UnknownTranscriptionUsage",
    "loads_event",
]


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _Event(Model):
    """What every typed event has: ``event_id`` (some servers omit it)."""

    event_id: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ResponseEvent(_Event):
    response: Response | None = field(Obj(Response))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseCreatedEvent(_ResponseEvent):
    """``response.created``: a response started (usually ``in_progress``, no output yet)."""

    type: ClassVar[str] = "response.created"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseDoneEvent(_ResponseEvent):
    """``response.done``: a response ended; carries its final status, output and usage."""

    type: ClassVar[str] = "response.done"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _OutputItemEvent(_Event):
    response_id: str | None = field(Str())
    output_index: int | None = field(Int())
    item: OutputItem | None = field(Union("OutputItem"))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseOutputItemAddedEvent(_OutputItemEvent):
    """``response.output_item.added``: a response began an output item."""

    type: ClassVar[str] = "response.output_item.added"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseOutputItemDoneEvent(_OutputItemEvent):
    """``response.output_item.done``: an output item is finished."""

    type: ClassVar[str] = "response.output_item.done"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ConversationItemEvent(_Event):
    previous_item_id: str | None = field(Str())
    item: OutputItem | None = field(Union("OutputItem"))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ConversationItemCreatedEvent(_ConversationItemEvent):
    """``conversation.item.created``: an item joined the conversation (beta, Azure)."""

    type: ClassVar[str] = "conversation.item.created"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ConversationItemAddedEvent(_ConversationItemEvent):
    """``conversation.item.added``: an item joined the conversation (GA)."""

    type: ClassVar[str] = "conversation.item.added"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ConversationItemDoneEvent(_ConversationItemEvent):
    """``conversation.item.done``: a conversation item is finished (GA)."""

    type: ClassVar[str] = "conversation.item.done"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ContentPartEvent(_Event):
    response_id: str | None = field(Str())
    item_id: str | None = field(Str())
    output_index: int | None = field(Int())
    content_index: int | None = field(Int())
    part: ContentPart | None = field(Union("ContentPart"))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseContentPartAddedEvent(_ContentPartEvent):
    """``response.content_part.added``: an output item began a content part."""

    type: ClassVar[str] = "response.content_part.added"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseContentPartDoneEvent(_ContentPartEvent):
    """``response.content_part.done``: a content part is finished."""

    type: ClassVar[str] = "response.content_part.done"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class TranscriptionTokenDetails(Model):
    """How the input tokens of a transcription split by modality."""

    text_tokens: int | None = field(Int())
    audio_tokens: int | None = field(Int())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class TranscriptionTokenUsage(Model):
    """Usage of a transcription model billed by tokens, ``{"type": "tokens", ...}``."""

    type: ClassVar[str] = "tokens"
    input_tokens: int | None = field(Int())
    output_tokens: int | None = field(Int())
    total_tokens: int | None = field(Int())
    input_token_details: TranscriptionTokenDetails | None = field(Obj(TranscriptionTokenDetails))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class TranscriptionDurationUsage(Model):
    """Usage of a transcription model billed by audio length, ``{"type": "duration", "seconds": ...}``."""

    type: ClassVar[str] = "duration"
    seconds: float | None = field(Float())


@attrs.frozen(repr=False, eq=False)
class UnknownTranscriptionUsage(Unknown):
    """A transcription usage whose ``type`` respmodel does not know, kept whole."""


TranscriptionUsage: TypeAlias = (
    TranscriptionTokenUsage | TranscriptionDurationUsage | UnknownTranscriptionUsage
)
"""The ``usage`` of a finished input transcription, tagged by ``type``."""

register(
    UnionInfo(
        "TranscriptionUsage",
        TranscriptionUsage,
        tags_of(TranscriptionTokenUsage, TranscriptionDurationUsage),
        UnknownTranscriptionUsage,
    )
)


@attrs.frozen(kw_only=True, repr=False, eq=False)
class InputAudioTranscriptionCompletedEvent(_Event):
    """``conversation.item.input_audio_transcription.completed``: the user's audio, transcribed.

    Its ``usage`` is billed for the transcription model, apart from the responses.
    """

    type: ClassVar[str] = "conversation.item.input_audio_transcription.completed"
    item_id: str | None = field(Str())
    content_index: int | None = field(Int())
    transcript: str | None = field(Str())
    usage: TranscriptionUsage | None = field(Union("TranscriptionUsage"))


TYPED_EVENTS: tuple[type[Model], ...] = (
    ResponseCreatedEvent,
    ResponseDoneEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ConversationItemCreatedEvent,
    ConversationItemAddedEvent,
    ConversationItemDoneEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    InputAudioTranscriptionCompletedEvent,
)
"""The modelled event classes, one per ``type`` value."""


# --------------------------------------------------------------------------- the generic event


def _freeze_event(raw: dict[str, Any]) -> FrozenDict[str, Any]:
    # Most events are flat (a delta, some ids, two indexes): a shallow copy is enough.
    for v in raw.values():
        cls = v.__class__
        if cls is dict or cls is list:
            return freeze(raw)  # type: ignore[no-any-return]
    return FrozenDict(raw)


@attrs.frozen(repr=False, eq=False)
class GenericEvent(Unknown):
    """A server event respmodel does not model, kept whole: its ``type`` and raw fields.

    ``data`` is the whole event (``type`` included) as a read-only mapping,
    exactly as received, in either key style: its content is not modelled, so
    nothing in it is ever renamed.  ``GenericEvent({"type": "response.audio.delta",
    "delta": "..."})`` makes one.  A decoded generic event keeps the parsed
    JSON it came from and freezes it into ``data`` on first read.
    """

    _raw: dict[str, Any] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, alias="_raw"
    )

    @property
    def type(self) -> Any:
        """The event type as received (``None`` for an object that had none)."""
        return self._json().get("type")

    @property
    def event_id(self) -> Any:
        """The ``event_id`` as received (``None`` when the server omitted it)."""
        return self._json().get("event_id")

    def _json(self) -> dict[str, Any]:
        """The parsed JSON this event was decoded from, else ``data`` (read only: shared)."""
        raw = self._raw
        return raw if raw is not None else self.data

    def __reduce__(self) -> tuple[Any, tuple[FrozenDict[str, Any]]]:
        # Pickles (and copies) carry ``data`` only, not the parsed JSON a second time.
        return (GenericEvent, (self.data,))

    def __getattr__(self, name: str) -> Any:
        # Only reached while the ``data`` slot is unset: a decoded event not read yet.
        if name == "data":
            raw = _get_raw(self)
            if raw is not None:
                value = _freeze_event(raw)
                _set_data(self, value)
                return value
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


_new = object.__new__
_set_data = Unknown.__dict__["data"].__set__
_set_raw = GenericEvent.__dict__["_raw"].__set__
_get_raw = GenericEvent.__dict__["_raw"].__get__


def generic_event(data: dict[str, Any]) -> GenericEvent:
    """A lazy generic event over parsed JSON that respmodel owns (nobody else may change it)."""
    obj = _new(GenericEvent)
    _set_raw(obj, data)
    return obj


ServerEvent: TypeAlias = (
    ResponseCreatedEvent
    | ResponseDoneEvent
    | ResponseOutputItemAddedEvent
    | ResponseOutputItemDoneEvent
    | ConversationItemCreatedEvent
    | ConversationItemAddedEvent
    | ConversationItemDoneEvent
    | ResponseContentPartAddedEvent
    | ResponseContentPartDoneEvent
    | InputAudioTranscriptionCompletedEvent
    | GenericEvent
)
"""A server event, tagged by ``type``; every type not modelled is a ``GenericEvent``."""

register(
    UnionInfo(
        "ServerEvent",
        ServerEvent,
        tags_of(*TYPED_EVENTS),
        GenericEvent,
        open=True,
    )
)


# --------------------------------------------------------------------------- decoding

_LOCK = threading.Lock()
_EVENT_DECODERS: dict[tuple[bool, bool, bool], Callable[[Any], Any]] = {}


def event_decoder(camel: bool, strict: bool, responses: bool = False) -> Callable[[Any], Any]:
    """``decode(parsed JSON)``: a server event, or DecodeError (made once per mode).

    One dict lookup on ``type`` picks a typed event's checker and lazy builder;
    any other string ``type`` makes a generic event with no further work.
    Objects without a string ``type`` go through the ``ServerEvent`` union, so
    that they are told apart (and reported) exactly as ``loads`` does; with
    ``responses``, an object without ``type`` whose ``object`` is
    ``"realtime.response"`` decodes as a :class:`Response` instead.
    """
    key = (camel, strict, responses)
    fn = _EVENT_DECODERS.get(key)
    if fn is not None:
        return fn
    with _LOCK:
        typed = {cls.type: decoder(cls, camel, strict) for cls in TYPED_EVENTS}  # type: ignore[attr-defined]
        get = typed.get
        union = decoder(UNIONS["ServerEvent"], camel, strict)
        response = decoder(Response, camel, strict)

        def decode(d: Any) -> Any:
            if d.__class__ is dict:
                tag = d.get("type")
                fn = get(tag)
                if fn is not None:
                    return fn(d)
                if tag.__class__ is str:
                    obj = _new(GenericEvent)
                    _set_raw(obj, d)
                    return obj
                if (
                    responses
                    and tag is None
                    and d.get("object") == "realtime.response"
                    and ("type" not in d)
                ):
                    return response(d)
            return union(d)

        fn = _EVENT_DECODERS[key] = decode
    return fn


_BY_CASE: dict[tuple[Any, Any], Callable[[Any], Any]] = {}


def loads_event(
    data: bytes | bytearray | memoryview | str, *, case: Case = "snake", strict: bool = False
) -> ServerEvent:
    """Decode one server event from JSON text.

    The event types that carry the resource (``response.created``,
    ``response.done``, ``response.output_item.*``, ``conversation.item.*``,
    ``response.content_part.*``) decode to their typed classes, checked like
    :func:`respmodel.loads` checks a response; every other type decodes,
    unchecked, to a :class:`GenericEvent` (in strict mode too).  An object
    without a ``type`` is a generic event leniently and an error strictly.
    Raises :class:`respmodel.DecodeError`, listing every problem with its JSON path.
    """
    decode = _BY_CASE.get((case, strict))
    if decode is None:
        decode = _BY_CASE[(case, strict)] = event_decoder(is_camel(case), bool(strict))
    return decode(_parse(data))  # type: ignore[no-any-return]
