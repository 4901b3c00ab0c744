"""The response resource itself, ``"object": "realtime.response"``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ._audio import ResponseAudio
from ._base import Model, model
from ._docs import document
from ._frozen import FrozenDict
from ._kinds import Const, Enum, Float, IntOrInf, Metadata, Obj, Seq, Str, Union, field
from ._usage import Usage

if TYPE_CHECKING:
    # Set at runtime by ``_unions`` once the unions exist (see ``_unions.publish_aliases``).
    from ._unions import OutputItem, Voice

__all__ = ["Response", "ResponseError", "StatusDetails"]

RESPONSE_STATUSES = ("completed", "cancelled", "failed", "incomplete", "in_progress")
STATUS_DETAIL_TYPES = ("completed", "cancelled", "incomplete", "failed")
STATUS_REASONS = ("turn_detected", "client_cancelled", "max_output_tokens", "content_filter")
MODALITIES = ("text", "audio", "animation", "avatar")
OUTPUT_MODALITIES = ("text", "audio")
OUTPUT_AUDIO_FORMATS = ("pcm16", "g711_ulaw", "g711_alaw", "pcm16_8000hz", "pcm16_16000hz")


@model
class ResponseError(Model):
    """Why a response failed; further keys the server sends are kept in ``extra``."""

    type: str | None = field(Str())
    """The category of the error, as the server names it (a free string)."""
    code: str | None = field(Str())
    """A machine-readable code for the error, if the server gives one (JSON ``null`` otherwise)."""
    message: str | None = field(Str())
    """A human-readable explanation of the error."""


@model
class StatusDetails(Model):
    """Why a response ended the way it did."""

    type: str | None = field(Enum(STATUS_DETAIL_TYPES))
    """The status these details explain; it matches ``Response.status``.

    Open enum; known values: ``"completed"``, ``"cancelled"``, ``"incomplete"``, ``"failed"``.
    """
    reason: str | None = field(Enum(STATUS_REASONS))
    """Why the response stopped before completing.

    For a ``cancelled`` response: ``"turn_detected"`` (voice activity detection
    heard the user start a new turn) or ``"client_cancelled"`` (the client sent
    ``response.cancel``).  For an ``incomplete`` response: ``"max_output_tokens"``
    (the output reached ``max_output_tokens``) or ``"content_filter"`` (the safety
    filter cut the output short).  Open enum: other strings are kept when decoding
    leniently and reported when decoding strictly.
    """
    error: ResponseError | None = field(Obj(ResponseError))
    """What went wrong, for a ``failed`` response (``None`` otherwise)."""


@model
class Response(Model):
    """A Realtime API response: beta, GA and Azure VoiceLive shapes in one class.

    Every attribute is optional on the wire and ``None`` when absent.
    """

    id: str | None = field(Str())
    """The id the server gave the response, like ``"resp_1234"``."""
    object: Literal["realtime.response"] | str | None = field(Const("realtime.response"))
    """What the object is: always ``"realtime.response"``.

    Strict decoding and constructors reject any other value; lenient decoding keeps it.
    """
    status: str | None = field(Enum(RESPONSE_STATUSES))
    """Where the response stands.

    ``"in_progress"`` while the model is still producing it (as in
    ``response.created``), then one of ``"completed"``, ``"cancelled"``,
    ``"incomplete"`` or ``"failed"``; ``status_details`` says why a response did
    not complete.  Open enum: other strings are kept when decoding leniently and
    reported when decoding strictly.
    """
    status_details: StatusDetails | None = field(Obj(StatusDetails))
    """Why the response ended as it did.

    Set for ``cancelled``, ``incomplete`` and ``failed`` responses; usually
    ``None`` or absent while in progress and when completed.
    """
    output: tuple[OutputItem, ...] | None = field(Seq(Union("OutputItem")))
    """The items the response produced, in order.

    Messages, function calls and MCP items (see ``OutputItem``);
    an item of a type respmodel does not know is an ``UnknownItem``.
    Empty or absent in ``response.created``.
    """
    usage: Usage | None = field(Obj(Usage))
    """The tokens the response used, as billed; set in ``response.done``.

    Earlier turns of the conversation count again as input of later responses.
    """
    conversation_id: str | None = field(Str())
    """The conversation the response was added to, like ``"conv_1234"``.

    JSON ``null`` means the response belongs to no conversation: the client asked
    for an out-of-band response (``"conversation": "none"`` in ``response.create``).
    Responses started by voice activity detection, or with
    ``"conversation": "auto"``, go to the default conversation and have its id.
    A ``None`` that was an explicit ``null`` is named in ``json_nulls``; an absent
    key is not.
    """
    voice: Voice | None = field(Union("Voice"))
    """The voice the model spoke with (beta and Azure; GA reports it as ``audio.output.voice``).

    A name such as ``"alloy"`` or ``"marin"`` (any string is accepted; see
    ``KNOWN_VOICE_NAMES`` in ``respmodel._voices``) or a voice object:
    OpenAI, the Azure standard, custom, personal and realtime-native voices, or a
    custom voice reference ``{"id": ...}`` (see ``Voice``).
    """
    modalities: tuple[str, ...] | None = field(Seq(Enum(MODALITIES)))
    """The ways the model could answer (beta and Azure).

    ``"text"`` and ``"audio"``, and for Azure also ``"animation"`` and
    ``"avatar"``.  With more than one, the model picks: ``["text", "audio"]`` may
    answer in either.  Each value is an open enum: other strings are kept when
    decoding leniently and reported when decoding strictly.
    """
    output_modalities: tuple[str, ...] | None = field(Seq(Enum(OUTPUT_MODALITIES)))
    """The ways the model answers (GA): ``["audio"]`` or ``["text"]``.

    Audio output always comes with its text transcript; ``"text"`` means no audio
    at all.  Each value is an open enum (known: ``"text"``, ``"audio"``).
    """
    output_audio_format: str | None = field(Enum(OUTPUT_AUDIO_FORMATS))
    """How the output audio is encoded (beta and Azure; GA reports ``audio.output.format``).

    ``"pcm16"`` (16-bit PCM, 24 kHz), ``"g711_ulaw"``, ``"g711_alaw"``, and for
    Azure also ``"pcm16_8000hz"`` and ``"pcm16_16000hz"``.  Open enum: other
    strings are kept when decoding leniently and reported when decoding strictly.
    """
    audio: ResponseAudio | None = field(Obj(ResponseAudio))
    """The audio output settings (GA): ``audio.output.format`` and ``audio.output.voice``."""
    temperature: float | None = field(Float(0.6, 1.2))
    """The sampling temperature of the model (beta and Azure).

    Limited to [0.6, 1.2]; the server's default is 0.8.  Constructors and strict
    decoding reject a number outside that range; lenient decoding keeps it.
    """
    max_output_tokens: int | Literal["inf"] | None = field(IntOrInf())
    """The most tokens this response could produce, tool calls included.

    A non-negative integer, or the string ``"inf"``: no cap but the model's own
    maximum (the server's default).
    """
    metadata: FrozenDict[str, str] | None = field(Metadata())
    """Key/value pairs the client attached in ``response.create``.

    At most 16 pairs of strings; keys at most 64 characters, values at most 512.
    Constructors and strict decoding check the limits; lenient decoding keeps a
    map that breaks them.  The keys are the client's data: the camelCase form
    never renames them.
    """


# help() lists each field's description (read from the source on first use).
document(globals())
