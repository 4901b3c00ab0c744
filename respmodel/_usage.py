"""Token usage of a response."""

from __future__ import annotations

from ._base import Model, model
from ._docs import document
from ._kinds import Int, Obj, field

__all__ = ["CachedTokensDetails", "InputTokenDetails", "OutputTokenDetails", "Usage"]


@model
class CachedTokensDetails(Model):
    """How the cached input tokens split by modality."""

    text_tokens: int | None = field(Int())
    """Cached input tokens that were text. A non-negative integer."""
    audio_tokens: int | None = field(Int())
    """Cached input tokens that were audio. A non-negative integer."""
    image_tokens: int | None = field(Int())
    """Cached input tokens that were images (GA). A non-negative integer."""


@model
class InputTokenDetails(Model):
    """How the input tokens split by modality, and how many were cached."""

    text_tokens: int | None = field(Int())
    """Input tokens that were text. A non-negative integer."""
    audio_tokens: int | None = field(Int())
    """Input tokens that were audio. A non-negative integer."""
    image_tokens: int | None = field(Int())
    """Input tokens that were images (GA). A non-negative integer."""
    cached_tokens: int | None = field(Int())
    """Input tokens served from the cache: earlier turns reused as context.

    Part of ``Usage.input_tokens``, not added to it.  A non-negative integer.
    """
    cached_tokens_details: CachedTokensDetails | None = field(Obj(CachedTokensDetails))
    """How the cached input tokens split by modality (GA)."""


@model
class OutputTokenDetails(Model):
    """How the output tokens split by modality (Azure adds reasoning tokens)."""

    text_tokens: int | None = field(Int())
    """Output tokens that were text. A non-negative integer."""
    audio_tokens: int | None = field(Int())
    """Output tokens that were audio. A non-negative integer."""
    reasoning_tokens: int | None = field(Int())
    """Output tokens the model spent reasoning (Azure). A non-negative integer."""


@model
class Usage(Model):
    """Token counts billed for a response."""

    total_tokens: int | None = field(Int())
    """All tokens of the response: its input tokens plus its output tokens. A non-negative integer."""
    input_tokens: int | None = field(Int())
    """The tokens the model read for this response, text and audio (and images in GA).

    The conversation so far counts as input, cached tokens included.  A non-negative integer.
    """
    output_tokens: int | None = field(Int())
    """The tokens the model produced in this response, text and audio. A non-negative integer."""
    input_token_details: InputTokenDetails | None = field(Obj(InputTokenDetails))
    """How the input tokens split by modality, and how many came from the cache."""
    output_token_details: OutputTokenDetails | None = field(Obj(OutputTokenDetails))
    """How the output tokens split by modality."""


# help() lists each field's description (read from the source on first use).
document(globals())
