"""Voices: a bare string, or one of the tagged voice objects (see ``_unions``)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import Model, Unknown, model
from ._docs import document
from ._kinds import Enum, Float, Seq, Str, field

__all__ = [
    "KNOWN_VOICE_NAMES",
    "AzureAvatarVoiceSync",
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

PERSONAL_VOICE_MODELS = (
    "DragonLatestNeural",
    "DragonHDOmniLatestNeural",
    "MAI-Voice-1",
    "PhoenixLatestNeural",
    "PhoenixV2Neural",
)


@model
class OpenAIVoice(Model):
    """``{"type": "openai", "name": ...}``."""

    type: ClassVar[str] = "openai"
    name: str | None = field(Str())
    """The voice's name, e.g. ``"alloy"`` (``KNOWN_VOICE_NAMES`` lists the built-in ones)."""


@model
class _AzureVoiceSettings(Model):
    """The speech settings every Azure voice object takes (the avatar voice has no name)."""

    temperature: float | None = field(Float())
    """How much the synthesized speech varies; Azure accepts 0.0 to 1.0.

    respmodel checks only that it is a finite number.
    """
    custom_lexicon_url: str | None = field(Str())
    """The URL of a custom lexicon file that tunes pronunciation."""
    custom_text_normalization_url: str | None = field(Str())
    """The URL of a custom text normalization endpoint."""
    prefer_locales: tuple[str, ...] | None = field(Seq(Str()))
    """BCP-47 locales whose accents the voice prefers, one per language.

    ``["en-GB", "es-ES"]`` speaks English with a British and Spanish with a
    European accent; other languages keep their default accents.
    """
    locale: str | None = field(Str())
    """A BCP-47 locale forced on all speech, e.g. ``"en-US"``.

    Unset, the language is detected from the text.  Set, text in a language the
    locale cannot speak comes out as silence.
    """
    style: str | None = field(Str())
    """A speaking style, e.g. ``"cheerful"`` or ``"sad"``."""
    pitch: str | None = field(Str())
    """The pitch, as the SSML ``prosody`` element's ``pitch`` attribute takes it.

    A level (``"x-low"`` to ``"x-high"``, or ``"default"``), a relative change
    (``"+10%"``, ``"+50Hz"``, ``"-2st"``) or an absolute frequency (``"200Hz"``).
    """
    rate: str | None = field(Str())
    """The speaking rate, as the SSML ``prosody`` element's ``rate`` attribute takes it.

    A level (``"x-slow"`` to ``"x-fast"``, or ``"default"``), a relative change
    (``"+20%"``) or a multiplier (``"1.5"``).
    """
    volume: str | None = field(Str())
    """The volume, as the SSML ``prosody`` element's ``volume`` attribute takes it.

    A level (``"silent"``, ``"x-soft"`` to ``"x-loud"``, or ``"default"``), a
    number from 0.0 to 100.0, or a relative change (``"+10"``, ``"-6dB"``).
    """


@model
class _AzureVoiceFields(_AzureVoiceSettings):
    """The fields the Azure standard, custom and personal voices share: the settings and a name."""

    name: str | None = field(Str())
    """The Azure voice's name, e.g. ``"en-US-AvaNeural"``; Azure requires a non-empty name."""


@model
class AzureStandardVoice(_AzureVoiceFields):
    """An Azure neural voice, ``{"type": "azure-standard", ...}``."""

    type: ClassVar[str] = "azure-standard"


@model
class AzureCustomVoice(_AzureVoiceFields):
    """An Azure custom neural voice, deployed at ``endpoint_id``."""

    type: ClassVar[str] = "azure-custom"
    endpoint_id: str | None = field(Str())
    """The id of the deployment that hosts the custom voice; Azure requires one."""


@model
class AzurePersonalVoice(_AzureVoiceFields):
    """An Azure personal voice; ``model`` is an open enum."""

    type: ClassVar[str] = "azure-personal"
    model: str | None = field(Enum(PERSONAL_VOICE_MODELS))
    """The neural model the personal voice runs on.

    Open enum; known values: ``"DragonLatestNeural"``, ``"DragonHDOmniLatestNeural"``,
    ``"MAI-Voice-1"``, ``"PhoenixLatestNeural"``, ``"PhoenixV2Neural"``.
    """


@model
class AzureAvatarVoiceSync(_AzureVoiceSettings):
    """The voice of an Azure avatar, kept in sync with it: ``{"type": "avatar-voice-sync", ...}``."""

    type: ClassVar[str] = "avatar-voice-sync"
    model: str | None = field(Str())
    """The neural model the avatar's voice runs on."""


@model
class AzureRealtimeNativeVoice(Model):
    """``{"type": "azure-realtime-native", "name": ...}``."""

    type: ClassVar[str] = "azure-realtime-native"
    name: str | None = field(Str())
    """The name of a voice native to Azure's ``azure-realtime`` model (valid with that model only)."""


@model
class CustomVoice(Model):
    """A reference to a custom voice, ``{"id": "voice_1234"}``: the one voice with no tag."""

    id: str | None = field(Str())
    """The id of a custom voice, like ``"voice_1234"``."""


@attrs.frozen(repr=False, eq=False)
class UnknownVoice(Unknown):
    """A voice object whose ``type`` respmodel does not know, kept whole."""


# help() lists each field's description (read from the source on first use).
document(globals())
