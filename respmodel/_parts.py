"""Content parts of a message item (a union tagged by ``type``, see ``_unions``)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import Model, Unknown, model
from ._docs import document
from ._kinds import Enum, Str, field

__all__ = [
    "AudioPart",
    "InputAudioPart",
    "InputImagePart",
    "InputTextPart",
    "ItemReferencePart",
    "OutputAudioPart",
    "OutputTextPart",
    "TextPart",
    "UnknownPart",
]

IMAGE_DETAILS = ("auto", "low", "high")


@model
class InputTextPart(Model):
    """Text a user or system message carries."""

    type: ClassVar[str] = "input_text"
    text: str | None = field(Str())
    """The text."""


@model
class InputAudioPart(Model):
    """Audio a user message carries (base64), with its transcript."""

    type: ClassVar[str] = "input_audio"
    audio: str | None = field(Str())
    """The audio, base64-encoded, in the session's input audio format (16-bit PCM at 24 kHz, mono, unless configured otherwise)."""
    transcript: str | None = field(Str())
    """A transcript of the audio, kept with the item for reference; the model does not read it."""


@model
class InputImagePart(Model):
    """An image in a GA user message."""

    type: ClassVar[str] = "input_image"
    image_url: str | None = field(Str())
    """The image, as a data URI of base64 PNG or JPEG bytes (``"data:image/png;base64,..."``)."""
    detail: str | None = field(Enum(IMAGE_DETAILS))
    """How closely the model looks at the image; ``"auto"`` means ``"high"``.

    Open enum; known values: ``"auto"``, ``"low"``, ``"high"``.
    """


@model
class ItemReferencePart(Model):
    """A reference to another conversation item (beta)."""

    type: ClassVar[str] = "item_reference"
    id: str | None = field(Str())
    """The id of an earlier conversation item (made by the client or the server) to reuse."""


@model
class TextPart(Model):
    """Text of an assistant message (beta and Azure)."""

    type: ClassVar[str] = "text"
    text: str | None = field(Str())
    """The text the model wrote."""


@model
class AudioPart(Model):
    """Audio of an assistant message (beta and Azure), with its transcript."""

    type: ClassVar[str] = "audio"
    audio: str | None = field(Str())
    """The audio the model spoke, base64-encoded; often absent, since audio streams in delta events."""
    transcript: str | None = field(Str())
    """The transcript of the audio."""


@model
class OutputTextPart(Model):
    """Text of an assistant message (GA)."""

    type: ClassVar[str] = "output_text"
    text: str | None = field(Str())
    """The text the model wrote."""


@model
class OutputAudioPart(Model):
    """Audio of an assistant message (GA), with its transcript."""

    type: ClassVar[str] = "output_audio"
    audio: str | None = field(Str())
    """The audio the model spoke, base64-encoded; often absent, since audio streams in delta events."""
    transcript: str | None = field(Str())
    """The transcript of the audio."""


@attrs.frozen(repr=False, eq=False)
class UnknownPart(Unknown):
    """A content part whose ``type`` respmodel does not know, kept whole."""


# help() lists each field's description (read from the source on first use).
document(globals())
