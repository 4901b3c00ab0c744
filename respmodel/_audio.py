"""GA audio settings of a response: ``audio.output.format`` and ``audio.output.voice``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs

from ._base import Model, Unknown, model
from ._docs import document
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


@model
class PcmAudioFormat(Model):
    """16-bit PCM, ``{"type": "audio/pcm", "rate": 24000}``."""

    type: ClassVar[str] = "audio/pcm"
    rate: int | None = field(Int())
    """The sample rate in Hz: 24000, the only rate the API offers. A non-negative integer."""


@model
class PcmuAudioFormat(Model):
    """G.711 mu-law, ``{"type": "audio/pcmu"}``."""

    type: ClassVar[str] = "audio/pcmu"


@model
class PcmaAudioFormat(Model):
    """G.711 A-law, ``{"type": "audio/pcma"}``."""

    type: ClassVar[str] = "audio/pcma"


@attrs.frozen(repr=False, eq=False)
class UnknownAudioFormat(Unknown):
    """An audio format whose ``type`` respmodel does not know, kept whole."""


@model
class AudioOutput(Model):
    """The format and voice of a GA response's audio output."""

    format: AudioFormat | None = field(Union("AudioFormat"))
    """How the output audio is encoded: 24 kHz PCM, G.711 mu-law or G.711 A-law (see ``AudioFormat``)."""
    voice: Voice | None = field(Union("Voice"))
    """The voice the model speaks with: a name such as ``"marin"`` or a voice object (see ``Voice``).

    A session's voice cannot change once the model has answered with audio.
    """


@model
class ResponseAudio(Model):
    """A GA response's ``audio`` settings."""

    output: AudioOutput | None = field(Obj(AudioOutput))
    """The format and voice of the audio output."""


# help() lists each field's description (read from the source on first use).
document(globals())
