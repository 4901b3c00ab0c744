"""Voices: a bare string, or one of the tagged voice objects (see ``_unions``)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import Model, Unknown, model
from ._kinds import Enum, Float, Seq, Str, field

__all__ = [
    "KNOWN_VOICE_NAMES",
    "AzureCustomVoice",
    "AzurePersonalVoice",
    "AzureRealtimeNativeVoice",
    "AzureStandardVoice",
    "CustomVoice",
    "OpenAIVoice",
    "UnknownVoice",
]

KNOWN_VOICE_NAMES = (
    "alloy",
    "ash",
    "ballad",
    "coral",
    "echo",
    "sage",
    "shimmer",
    "verse",
    "marin",
    "cedar",
)
"""The built-in voice names; any other string is accepted too, in every mode."""

PERSONAL_VOICE_MODELS = ("DragonLatestNeural", "PhoenixLatestNeural", "PhoenixV2Neural")


@model
class OpenAIVoice(Model):
    """``{"type": "openai", "name": ...}``."""

    type: ClassVar[str] = "openai"
    name: str | None = field(Str())


@model
class _AzureVoiceFields(Model):
    """The fields the Azure standard, custom and personal voices share."""

    name: str | None = field(Str())
    temperature: float | None = field(Float())
    custom_lexicon_url: str | None = field(Str())
    custom_text_normalization_url: str | None = field(Str())
    prefer_locales: tuple[str, ...] | None = field(Seq(Str()))
    locale: str | None = field(Str())
    style: str | None = field(Str())
    pitch: str | None = field(Str())
    rate: str | None = field(Str())
    volume: str | None = field(Str())


@model
class AzureStandardVoice(_AzureVoiceFields):
    """An Azure neural voice, ``{"type": "azure-standard", ...}``."""

    type: ClassVar[str] = "azure-standard"


@model
class AzureCustomVoice(_AzureVoiceFields):
    """An Azure custom neural voice, deployed at ``endpoint_id``."""

    type: ClassVar[str] = "azure-custom"
    endpoint_id: str | None = field(Str())


@model
class AzurePersonalVoice(_AzureVoiceFields):
    """An Azure personal voice; ``model`` is an open enum."""

    type: ClassVar[str] = "azure-personal"
    model: str | None = field(Enum(PERSONAL_VOICE_MODELS))


@model
class AzureRealtimeNativeVoice(Model):
    """``{"type": "azure-realtime-native", "name": ...}``."""

    type: ClassVar[str] = "azure-realtime-native"
    name: str | None = field(Str())


@model
class CustomVoice(Model):
    """A reference to a custom voice, ``{"id": "voice_1234"}``: the one voice with no tag."""

    id: str | None = field(Str())


@attrs.frozen(repr=False, eq=False)
class UnknownVoice(Unknown):
    """A voice object whose ``type`` respmodel does not know, kept whole."""
