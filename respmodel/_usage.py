"""Token usage of a response."""

from __future__ import annotations

from ._base import Model, model
from ._kinds import Int, Obj, field

__all__ = ["CachedTokensDetails", "InputTokenDetails", "OutputTokenDetails", "Usage"]


@model
class CachedTokensDetails(Model):
    """How the cached input tokens split by modality."""

    text_tokens: int | None = field(Int())
    audio_tokens: int | None = field(Int())
    image_tokens: int | None = field(Int())


@model
class InputTokenDetails(Model):
    """How the input tokens split by modality, and how many were cached."""

    text_tokens: int | None = field(Int())
    audio_tokens: int | None = field(Int())
    image_tokens: int | None = field(Int())
    cached_tokens: int | None = field(Int())
    cached_tokens_details: CachedTokensDetails | None = field(Obj(CachedTokensDetails))


@model
class OutputTokenDetails(Model):
    """How the output tokens split by modality (Azure adds reasoning tokens)."""

    text_tokens: int | None = field(Int())
    audio_tokens: int | None = field(Int())
    reasoning_tokens: int | None = field(Int())


@model
class Usage(Model):
    """Token counts billed for a response."""

    total_tokens: int | None = field(Int())
    input_tokens: int | None = field(Int())
    output_tokens: int | None = field(Int())
    input_token_details: InputTokenDetails | None = field(Obj(InputTokenDetails))
    output_token_details: OutputTokenDetails | None = field(Obj(OutputTokenDetails))
