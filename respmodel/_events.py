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

from collections.abc import Callable
from typing import Any, ClassVar, TypeAlias

import attrs
import orjson
from orjson import JSONDecodeError

from ._base import Model, Unknown, model
from ._codegen import Invalid, decoder_function
from ._dispatch import decoder, recovery
from ._docs import document
from ._frozen import FrozenDict, freeze
from ._json import _parse
from ._kinds import Float, Int, Obj, Str, Union, field
from ._memo import memo
from ._modes import Case, mode, mode_of
from ._numbers import decode_strictly
from ._response import Response
from ._unions import UNIONS, ContentPart, OutputItem, UnionInfo, register, tags_of

__all__ = [
    "ConversationItemAddedEvent",
    "ConversationItemCreatedEvent",
    "ConversationItemDoneEvent",
    "ConversationItemRetrievedEvent",
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


@model
class _Event(Model):
    """What every typed event has: ``event_id`` (some servers omit it)."""

    event_id: str | None = field(Str())
    """The server's id for this event, like ``"event_1234"``; ``None`` when the server leaves it out (Azure may)."""


@model
class _ResponseEvent(_Event):
    response: Response | None = field(Obj(Response))
    """The response: as started in ``response.created`` (usually ``in_progress``, no output yet), as finished in ``response.done`` (final status, output and usage)."""


@model
class ResponseCreatedEvent(_ResponseEvent):
    """``response.created``: a response started (usually ``in_progress``, no output yet)."""

    type: ClassVar[str] = "response.created"


@model
class ResponseDoneEvent(_ResponseEvent):
    """``response.done``: a response ended; carries its final status, output and usage."""

    type: ClassVar[str] = "response.done"


@model
class _OutputItemEvent(_Event):
    response_id: str | None = field(Str())
    """The id of the response the item belongs to."""
    output_index: int | None = field(Int())
    """The position of the item in the response's ``output``, from 0. A non-negative integer."""
    item: OutputItem | None = field(Union("OutputItem"))
    """The output item: as begun (``added``) or as finished (``done``)."""


@model
class ResponseOutputItemAddedEvent(_OutputItemEvent):
    """``response.output_item.added``: a response began an output item."""

    type: ClassVar[str] = "response.output_item.added"


@model
class ResponseOutputItemDoneEvent(_OutputItemEvent):
    """``response.output_item.done``: an output item is finished."""

    type: ClassVar[str] = "response.output_item.done"


@model
class _ConversationItemEvent(_Event):
    previous_item_id: str | None = field(Str())
    """The id of the item this one follows in the conversation; ``None`` when it comes first."""
    item: OutputItem | None = field(Union("OutputItem"))
    """The conversation item."""


@model
class ConversationItemCreatedEvent(_ConversationItemEvent):
    """``conversation.item.created``: an item joined the conversation (beta, Azure)."""

    type: ClassVar[str] = "conversation.item.created"


@model
class ConversationItemAddedEvent(_ConversationItemEvent):
    """``conversation.item.added``: an item joined the conversation (GA)."""

    type: ClassVar[str] = "conversation.item.added"


@model
class ConversationItemDoneEvent(_ConversationItemEvent):
    """``conversation.item.done``: a conversation item is finished (GA)."""

    type: ClassVar[str] = "conversation.item.done"


@model
class ConversationItemRetrievedEvent(_Event):
    """``conversation.item.retrieved``: the item a client asked for with ``conversation.item.retrieve``."""

    type: ClassVar[str] = "conversation.item.retrieved"
    item: OutputItem | None = field(Union("OutputItem"))
    """The item as the server holds it (audio content comes with its audio data)."""


@model
class _ContentPartEvent(_Event):
    response_id: str | None = field(Str())
    """The id of the response the part belongs to."""
    item_id: str | None = field(Str())
    """The id of the message item the part belongs to."""
    output_index: int | None = field(Int())
    """The position of that item in the response's ``output``, from 0. A non-negative integer."""
    content_index: int | None = field(Int())
    """The position of the part in the item's ``content``, from 0. A non-negative integer."""
    part: ContentPart | None = field(Union("ContentPart"))
    """The content part: as begun (``added``) or as finished (``done``)."""


@model
class ResponseContentPartAddedEvent(_ContentPartEvent):
    """``response.content_part.added``: an output item began a content part."""

    type: ClassVar[str] = "response.content_part.added"


@model
class ResponseContentPartDoneEvent(_ContentPartEvent):
    """``response.content_part.done``: a content part is finished."""

    type: ClassVar[str] = "response.content_part.done"


@model
class TranscriptionTokenDetails(Model):
    """How the input tokens of a transcription split by modality."""

    text_tokens: int | None = field(Int())
    """The input tokens that were text (a transcription prompt). A non-negative integer."""
    audio_tokens: int | None = field(Int())
    """The input tokens that were the user's audio. A non-negative integer."""


@model
class TranscriptionTokenUsage(Model):
    """Usage of a transcription model billed by tokens, ``{"type": "tokens", ...}``."""

    type: ClassVar[str] = "tokens"
    input_tokens: int | None = field(Int())
    """The tokens the transcription model read: the audio, and any prompt. A non-negative integer."""
    output_tokens: int | None = field(Int())
    """The tokens of the transcript the model wrote. A non-negative integer."""
    total_tokens: int | None = field(Int())
    """Input plus output tokens of the transcription. A non-negative integer."""
    input_token_details: TranscriptionTokenDetails | None = field(Obj(TranscriptionTokenDetails))
    """How the input tokens split between text and audio."""


@model
class TranscriptionDurationUsage(Model):
    """Usage of a transcription model billed by audio length, ``{"type": "duration", "seconds": ...}``."""

    type: ClassVar[str] = "duration"
    seconds: float | None = field(Float())
    """The length of the transcribed audio in seconds, which this usage is billed by."""


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


@model
class InputAudioTranscriptionCompletedEvent(_Event):
    """``conversation.item.input_audio_transcription.completed``: the user's audio, transcribed.

    Its ``usage`` is billed for the transcription model, apart from the responses.
    """

    type: ClassVar[str] = "conversation.item.input_audio_transcription.completed"
    item_id: str | None = field(Str())
    """The id of the user's message item whose audio was transcribed."""
    content_index: int | None = field(Int())
    """The index of the audio content part in that item. A non-negative integer."""
    transcript: str | None = field(Str())
    """The text the transcription model heard."""
    usage: TranscriptionUsage | None = field(Union("TranscriptionUsage"))
    """What the transcription cost: tokens, or seconds of audio (billed apart from the responses)."""


TYPED_EVENTS: tuple[type[Model], ...] = (
    ResponseCreatedEvent,
    ResponseDoneEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ConversationItemCreatedEvent,
    ConversationItemAddedEvent,
    ConversationItemDoneEvent,
    ConversationItemRetrievedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    InputAudioTranscriptionCompletedEvent,
)
"""The modelled event classes, one per ``type`` value."""


# --------------------------------------------------------------------------- the generic event


@attrs.frozen(repr=False, eq=False)
class GenericEvent(Unknown):
    """A server event respmodel does not model, kept whole: its ``type`` and raw fields.

    ``data`` is the whole event (``type`` included) as a read-only mapping,
    exactly as received, in either key style: its content is not modelled, so
    nothing in it is ever renamed.  ``GenericEvent({"type": "response.audio.delta",
    "delta": "..."})`` makes one.  A decoded generic event also keeps the
    parsed JSON it came from, which it encodes back as it is.
    """

    _raw: dict[str, Any] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, alias="_raw"
    )
    _keeps_raw: ClassVar[bool] = True

    @property
    def type(self) -> Any:
        """The event type as received (``None`` for an object that had none)."""
        return self.data.get("type")

    @property
    def event_id(self) -> Any:
        """The ``event_id`` as received (``None`` when the server omitted it)."""
        return self.data.get("event_id")

    def _json(self) -> dict[str, Any]:
        """The parsed JSON this event was decoded from, else ``data`` (read only: shared)."""
        raw = self._raw
        return raw if raw is not None else self.data

    def __reduce__(self) -> tuple[Any, tuple[FrozenDict[str, Any]]]:
        # Pickles (and copies) carry ``data`` only, not the parsed JSON a second time.
        return (GenericEvent, (self.data,))


ServerEvent: TypeAlias = (
    ResponseCreatedEvent
    | ResponseDoneEvent
    | ResponseOutputItemAddedEvent
    | ResponseOutputItemDoneEvent
    | ConversationItemCreatedEvent
    | ConversationItemAddedEvent
    | ConversationItemDoneEvent
    | ConversationItemRetrievedEvent
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

_EVENT_DECODERS: dict[tuple[bool, bool, bool], Callable[[Any], Any]] = {}


def event_decoder(camel: bool, strict: bool, responses: bool = False) -> Callable[[Any], Any]:
    """``decode(parsed JSON)``: a server event, or DecodeError (made once per mode).

    One dict lookup on ``type`` picks a typed event's decoder; any other
    string ``type`` makes a generic event with no further work.  Objects
    without a string ``type`` go through the ``ServerEvent`` union, so that
    they are told apart (and reported) exactly as ``loads`` does; with
    ``responses``, an object without ``type`` whose ``object`` is
    ``"realtime.response"`` decodes as a :class:`Response` instead.
    """

    def make() -> Callable[[Any], Any]:
        m = mode(camel, strict)
        union = UNIONS["ServerEvent"]
        decode_union = decoder(union, m)
        recover = recovery(union, m)
        typed = {
            tag: decoder_function(cls, m, tag_read=True) for tag, cls in union.tags.items()
        }.get
        response = decoder(Response, m)
        generic = GenericEvent._decoded

        def decode(d: Any) -> Any:
            if d.__class__ is dict:
                tag = d.get("type")
                if tag.__class__ is str:
                    fn = typed(tag)
                    if fn is None:
                        return generic(freeze(d), d)
                    try:
                        return fn(d)
                    except Invalid:
                        return recover(d)  # salvages, or reports every problem with paths
                if (
                    responses
                    and tag is None
                    and "type" not in d
                    and d.get("object") == "realtime.response"
                ):
                    return response(d)
            return decode_union(d)

        return decode

    return memo(_EVENT_DECODERS, (bool(camel), bool(strict), bool(responses)), make)  # type: ignore[arg-type]


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
    try:
        decode = _BY_ARGUMENTS[(case, strict)]
    except (KeyError, TypeError):
        m = mode_of(case, strict)
        decode = event_decoder(m.camel, m.strict)
        if strict.__class__ is bool:  # only exact arguments are keys: the table stays small
            _BY_ARGUMENTS[(case, strict)] = decode
    try:
        value = _orjson_loads(data)
    except JSONDecodeError:
        value = _parse(data)  # raises the DecodeError that says why
    if strict:
        return decode_strictly(decode, value, data)  # type: ignore[no-any-return]
    return decode(value)  # type: ignore[no-any-return]


_BY_ARGUMENTS: dict[tuple[Any, Any], Callable[[Any], Any]] = {}
_orjson_loads = orjson.loads


# help() lists each field's description (read from the source on first use).
document(globals())
