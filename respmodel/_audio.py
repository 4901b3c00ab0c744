"""GA audio settings of a response: ``audio.output.format`` and ``audio.output.voice``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs

from ._base import Model, Unknown
from ._kinds import Int, Obj, Union, field

if TYPE_CHECKING:
    # Set at runtime by ``_unions`` once the unions exist (see ``_unions.publish_aliases``).
    from ._unions import AudioFormat, Voice

__all__ = [
    "AudioOutput",
    "PcmAudioFormat",
    "PcmaAudioFormat",
    "PcmuAudioFormat",
    "ResponseAudio",
    "UnknownAudioFormat",
]


@attrs.frozen(kw_only=True, repr=False, eq=False)
class PcmAudioFormat(Model):
    """16-bit PCM, ``{"type": "audio/pcm", "rate": 24000}``."""

    type: ClassVar[str] = "audio/pcm"
    rate: int | None = field(Int())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class PcmuAudioFormat(Model):
    """G.711 mu-law, ``{"type": "audio/pcmu"}``."""

    type: ClassVar[str] = "audio/pcmu"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class PcmaAudioFormat(Model):
    """G.711 A-law, ``{"type": "audio/pcma"}``."""

    type: ClassVar[str] = "audio/pcma"


@attrs.frozen(repr=False, eq=False)
class UnknownAudioFormat(Unknown):
    """An audio format whose ``type`` respmodel does not know, kept whole."""


@attrs.frozen(kw_only=True, repr=False, eq=False)
class AudioOutput(Model):
    """The format and voice of a GA response's audio output."""

    format: AudioFormat | None = field(Union("AudioFormat"))
    voice: Voice | None = field(Union("Voice"))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseAudio(Model):
    """A GA response's ``audio`` settings."""

    output: AudioOutput | None = field(Obj(AudioOutput))
