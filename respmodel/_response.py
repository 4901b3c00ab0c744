"""The response resource itself, ``"object": "realtime.response"``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

from ._audio import ResponseAudio
from ._base import Model
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


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseError(Model):
    """Why a response failed; further keys the server sends are kept in ``extra``."""

    type: str | None = field(Str())
    code: str | None = field(Str())
    message: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class StatusDetails(Model):
    """Why a response ended the way it did."""

    type: str | None = field(Enum(STATUS_DETAIL_TYPES))
    reason: str | None = field(Enum(STATUS_REASONS))
    error: ResponseError | None = field(Obj(ResponseError))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Response(Model):
    """A Realtime API response: beta, GA and Azure VoiceLive shapes in one class.

    Every attribute is optional on the wire and ``None`` when absent.
    """

    id: str | None = field(Str())
    object: Literal["realtime.response"] | str | None = field(Const("realtime.response"))
    status: str | None = field(Enum(RESPONSE_STATUSES))
    status_details: StatusDetails | None = field(Obj(StatusDetails))
    output: tuple[OutputItem, ...] | None = field(Seq(Union("OutputItem")))
    usage: Usage | None = field(Obj(Usage))
    conversation_id: str | None = field(Str())
    voice: Voice | None = field(Union("Voice"))
    modalities: tuple[str, ...] | None = field(Seq(Enum(MODALITIES)))
    output_modalities: tuple[str, ...] | None = field(Seq(Enum(OUTPUT_MODALITIES)))
    output_audio_format: str | None = field(Enum(OUTPUT_AUDIO_FORMATS))
    audio: ResponseAudio | None = field(Obj(ResponseAudio))
    temperature: float | None = field(Float(0.6, 1.2))
    max_output_tokens: int | Literal["inf"] | None = field(IntOrInf())
    metadata: FrozenDict[str, str] | None = field(Metadata())
