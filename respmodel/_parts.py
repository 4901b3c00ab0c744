"""Content parts of a message item (a union tagged by ``type``, see ``_unions``)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import Model, Unknown, model
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


@model
class InputAudioPart(Model):
    """Audio a user message carries (base64), with its transcript."""

    type: ClassVar[str] = "input_audio"
    audio: str | None = field(Str())
    transcript: str | None = field(Str())


@model
class InputImagePart(Model):
    """An image in a GA user message."""

    type: ClassVar[str] = "input_image"
    image_url: str | None = field(Str())
    detail: str | None = field(Enum(IMAGE_DETAILS))


@model
class ItemReferencePart(Model):
    """A reference to another conversation item (beta)."""

    type: ClassVar[str] = "item_reference"
    id: str | None = field(Str())


@model
class TextPart(Model):
    """Text of an assistant message (beta and Azure)."""

    type: ClassVar[str] = "text"
    text: str | None = field(Str())


@model
class AudioPart(Model):
    """Audio of an assistant message (beta and Azure), with its transcript."""

    type: ClassVar[str] = "audio"
    audio: str | None = field(Str())
    transcript: str | None = field(Str())


@model
class OutputTextPart(Model):
    """Text of an assistant message (GA)."""

    type: ClassVar[str] = "output_text"
    text: str | None = field(Str())


@model
class OutputAudioPart(Model):
    """Audio of an assistant message (GA), with its transcript."""

    type: ClassVar[str] = "output_audio"
    audio: str | None = field(Str())
    transcript: str | None = field(Str())


@attrs.frozen(repr=False, eq=False)
class UnknownPart(Unknown):
    """A content part whose ``type`` respmodel does not know, kept whole."""
