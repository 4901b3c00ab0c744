"""Translation between the beta and GA shapes of the Realtime API: :func:`to_shape`.

respmodel reads the OpenAI beta, OpenAI GA and Azure VoiceLive shapes with
one set of classes; this module rewrites a decoded (or constructed) object so
that it says in one shape what it said in another.  It works on respmodel
objects only and returns new ones; the input is never changed.

What each shape calls the same thing (beta and Azure first, then GA):

- response ``modalities`` ``["text", "audio"]``: ``output_modalities``
  ``["audio"]`` (GA audio always comes with its transcript);
  ``["text"]``: ``["text"]``.
- response ``voice`` (a name, or a custom voice reference ``{"id": ...}``):
  ``audio.output.voice``.
- response ``output_audio_format``: ``audio.output.format``, an object:
  ``"pcm16"`` is ``{"type": "audio/pcm", "rate": 24000}``, ``"g711_ulaw"``
  is ``{"type": "audio/pcmu"}``, ``"g711_alaw"`` is ``{"type": "audio/pcma"}``.
- content parts of messages: ``text`` is ``output_text``, ``audio`` is
  ``output_audio`` (the other part types are the same in both).  The
  ``part`` of the ``response.content_part.added`` and ``.done`` events is
  the exception: GA names it ``text`` or ``audio`` there too, so going to
  GA it keeps its name, and going to beta an ``output_text`` or
  ``output_audio`` part (as some recordings have) becomes ``text`` or ``audio``.
- server events: ``response.audio.delta`` and ``.done`` are
  ``response.output_audio.delta`` and ``.done``;
  ``response.audio_transcript.*`` is ``response.output_audio_transcript.*``;
  ``response.text.*`` is ``response.output_text.*``;
  ``conversation.item.created`` is ``conversation.item.added`` (below).
  The other event types both shapes send keep their names.

A JSON ``null`` in one of these places becomes a ``null`` in the other.
Every other key, and every unknown key (``extra``), travels unchanged.

``conversation.item.created``: GA announces an item twice,
``conversation.item.added`` when it joins the conversation and
``conversation.item.done`` when it is finished; beta sends one event,
``conversation.item.created``, when the item joins.  A streaming translation
is one line for one line, so ``created`` becomes ``added`` (the event it
stands for: the item joining), and ``added`` becomes ``created`` going back.
``conversation.item.done`` has no beta counterpart, and GA's own
``conversation.item.created`` (which GA still lists) stays ``created``.

Only exact translations are made, so that beta -> GA -> beta gives back the
same JSON.  Whatever the target shape cannot say is **kept where it was**,
unchanged, and **reported**: every :class:`Translated` result carries a
:class:`ShapeNote` (a JSON path and a message) for each such thing.  That
covers a response's ``temperature`` (beta only), ``modalities`` other than
the two above (Azure's ``"avatar"`` and ``"animation"``, another order),
Azure's voice objects (which stay at ``voice``), a custom voice reference
going to beta (beta names voices by string: it moves to ``voice`` all the
same, so that GA -> beta -> GA gives it back, and is reported there), Azure's
``pcm16_8000hz`` and ``pcm16_16000hz`` formats, a GA format that is not one
of the three above exactly (a rate other than 24000, unknown keys), a value
whose place in the target shape is taken already, in an object that mixes
the shapes (``voice`` beside any ``audio`` settings: merging them could not
be undone), content parts of one shape only (``item_reference`` in beta,
``input_image`` in GA), items of one shape only (the MCP items are GA's,
``web_search_call`` and ``file_search_call`` Azure's), event types of one shape only (the MCP
events, ``conversation.item.done``, ``transcription_session.updated``,
Azure's own events), anything of a type respmodel does not know, and the
``session`` of ``session.created`` and ``session.updated``, whose
configuration is not translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from ._audio import AudioOutput, PcmaAudioFormat, PcmAudioFormat, PcmuAudioFormat, ResponseAudio
from ._base import Model, _rebuild
from ._errors import ValidationError
from ._events import (
    TYPED_EVENTS,
    ConversationItemAddedEvent,
    ConversationItemCreatedEvent,
    ConversationItemDoneEvent,
    GenericEvent,
    ServerEvent,
)
from ._frozen import EMPTY, FrozenDict, json_repr
from ._items import (
    FileSearchCallItem,
    McpApprovalRequestItem,
    McpApprovalResponseItem,
    McpCallItem,
    McpListToolsItem,
    MessageItem,
    UnknownItem,
    WebSearchCallItem,
)
from ._json import UnsupportedTypeError
from ._kinds import field_infos
from ._parts import (
    AudioPart,
    InputImagePart,
    ItemReferencePart,
    OutputAudioPart,
    OutputTextPart,
    TextPart,
    UnknownPart,
)
from ._response import Response
from ._unions import UNIONS, ContentPart, OutputItem
from ._voices import CustomVoice

__all__ = ["Shape", "ShapeNote", "Translated", "to_shape"]

Shape = Literal["ga", "beta"]
"""A shape :func:`to_shape` translates to: ``"ga"`` or ``"beta"`` (Azure uses the beta names)."""

_T = TypeVar("_T")


@attrs.frozen
class ShapeNote:
    """Something the target shape cannot say, kept as it was: where it is and what it is."""

    path: str
    """A JSON path into the translated object, like ``$.response.temperature``."""
    message: str
    """What was kept and why, e.g. ``temperature has no GA counterpart: kept as it was``."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@attrs.frozen
class Translated(Generic[_T]):
    """What :func:`to_shape` returns: the translated object and what it could not translate."""

    value: _T
    """The object in the target shape (the very input object when nothing needed to change)."""
    notes: tuple[ShapeNote, ...]
    """One note per thing the target shape has no counterpart for: it is still in
    ``value``, unchanged, at the note's path.  Empty when the translation is complete."""

    @property
    def complete(self) -> bool:
        """True when every part of the object was said in the target shape (no notes)."""
        return not self.notes


# --------------------------------------------------------------------------- the tables

_MODALITIES_TO_GA: dict[tuple[str, ...], tuple[str, ...]] = {
    ("text", "audio"): ("audio",),
    ("text",): ("text",),
}
_MODALITIES_TO_BETA = {v: k for k, v in _MODALITIES_TO_GA.items()}

_FORMAT_TO_GA: dict[str, tuple[type[Model], dict[str, Any]]] = {
    "pcm16": (PcmAudioFormat, {"rate": 24000}),
    "g711_ulaw": (PcmuAudioFormat, {}),
    "g711_alaw": (PcmaAudioFormat, {}),
}
_BETA_FORMATS = frozenset(_FORMAT_TO_GA)

_EVENTS_TO_GA = {
    "response.audio.delta": "response.output_audio.delta",
    "response.audio.done": "response.output_audio.done",
    "response.audio_transcript.delta": "response.output_audio_transcript.delta",
    "response.audio_transcript.done": "response.output_audio_transcript.done",
    "response.text.delta": "response.output_text.delta",
    "response.text.done": "response.output_text.done",
    "conversation.item.created": "conversation.item.added",
}
_EVENTS_TO_BETA = {v: k for k, v in _EVENTS_TO_GA.items()}

_COMMON_EVENTS = frozenset(
    {
        "conversation.created",
        "conversation.item.deleted",
        "conversation.item.input_audio_transcription.completed",
        "conversation.item.input_audio_transcription.delta",
        "conversation.item.input_audio_transcription.failed",
        "conversation.item.retrieved",
        "conversation.item.truncated",
        "error",
        "input_audio_buffer.cleared",
        "input_audio_buffer.committed",
        "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped",
        "output_audio_buffer.cleared",
        "output_audio_buffer.started",
        "output_audio_buffer.stopped",
        "rate_limits.updated",
        "response.content_part.added",
        "response.content_part.done",
        "response.created",
        "response.done",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.output_item.added",
        "response.output_item.done",
        "session.created",
        "session.updated",
    }
)
"""The server event types both OpenAI shapes send under the same name."""

BETA_EVENTS = _COMMON_EVENTS | set(_EVENTS_TO_GA) | {"transcription_session.updated"}
"""Every server event type of the OpenAI beta shape."""

GA_EVENTS = (
    _COMMON_EVENTS
    | set(_EVENTS_TO_BETA)
    | {
        "conversation.item.created",
        "conversation.item.done",
        "conversation.item.input_audio_transcription.segment",
        "input_audio_buffer.dtmf_event_received",
        "input_audio_buffer.timeout_triggered",
        "mcp_list_tools.completed",
        "mcp_list_tools.failed",
        "mcp_list_tools.in_progress",
        "response.mcp_call.completed",
        "response.mcp_call.failed",
        "response.mcp_call.in_progress",
        "response.mcp_call_arguments.delta",
        "response.mcp_call_arguments.done",
    }
)
"""Every server event type of the OpenAI GA shape."""

AZURE_EVENTS = frozenset(
    {
        "item.input_audio_transcription.logprobs",
        "response.animation_blendshapes.delta",
        "response.animation_blendshapes.done",
        "response.animation_viseme.delta",
        "response.animation_viseme.done",
        "response.audio_timestamp.delta",
        "response.audio_timestamp.done",
        "response.audio_transcript.annotation.added",
        "response.file_search_call.completed",
        "response.file_search_call.in_progress",
        "response.file_search_call.searching",
        "response.invocation.delta",
        "response.video.delta",
        "response.web_search_call.completed",
        "response.web_search_call.in_progress",
        "response.web_search_call.searching",
        "session.avatar.connecting",
        "session.avatar.switch_to_idle",
        "session.avatar.switch_to_speaking",
        "warning",
    }
)
"""The server event types Azure VoiceLive sends besides those of the OpenAI shapes
(Azure sends the MCP events under GA's names, and the rest under beta's)."""

_PARTS_TO_GA: dict[type[Model], type[Model]] = {
    TextPart: OutputTextPart,
    AudioPart: OutputAudioPart,
}
_PARTS_TO_BETA = {v: k for k, v in _PARTS_TO_GA.items()}
_OPENAI_VOICES = (str, CustomVoice)
"""The voices both OpenAI shapes put in their place for a voice: a name, or a custom
voice reference ``{"id": ...}`` (GA's; going to beta it moves, and is reported)."""
_EVENT_PARTS = frozenset((TextPart, AudioPart, OutputTextPart, OutputAudioPart))
_GA_ONLY_ITEMS = (McpCallItem, McpListToolsItem, McpApprovalRequestItem, McpApprovalResponseItem)
_AZURE_ONLY_ITEMS = (WebSearchCallItem, FileSearchCallItem)

_ITEMS = frozenset(UNIONS["OutputItem"].members)
_PARTS = frozenset(UNIONS["ContentPart"].members)
_EVENTS = frozenset((*TYPED_EVENTS, GenericEvent))


# --------------------------------------------------------------------------- building


def _values(obj: Model) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in field_infos(type(obj))}


def _build(
    cls: type[Model], values: Mapping[str, Any], extra: FrozenDict[str, Any], nulls: Any
) -> Any:
    """An object of ``cls`` with these field values, made without checking them again.

    The values come from objects that were checked when they were made (or
    are made here from the tables above): checking them again would cost a
    call per field for nothing.
    """
    fields = tuple(values.get(f.name) for f in field_infos(cls))
    return _rebuild(cls, fields, extra, frozenset(nulls))


def _has(values: Mapping[str, Any], nulls: set[str], name: str) -> bool:
    """Whether the field was in the JSON: a value, or an explicit null."""
    return values[name] is not None or name in nulls


def _is_empty(values: Mapping[str, Any], nulls: set[str], extra: Mapping[str, Any]) -> bool:
    return not nulls and not extra and all(v is None for v in values.values())


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return json_repr(value)


# --------------------------------------------------------------------------- translating


class _Translator:
    """One translation: the target shape, and the notes made on the way."""

    def __init__(self, ga: bool) -> None:
        self.ga = ga
        self.target = "GA" if ga else "beta"
        self.notes: list[ShapeNote] = []

    def kept(self, path: str, what: str) -> None:
        self.notes.append(
            ShapeNote(path, f"{what} has no {self.target} counterpart: kept as it was")
        )

    def beside(self, path: str, what: str, other: str) -> None:
        self.notes.append(
            ShapeNote(path, f"{what} not translated, since {other} is there too: kept as it was")
        )

    def unknown(self, path: str, what: str) -> None:
        self.notes.append(ShapeNote(path, f"{what} is not known to respmodel: kept as it was"))

    # ------------------------------------------------------------------ responses

    def response(self, r: Response, path: str) -> Response:
        values = _values(r)
        nulls = set(r.json_nulls)
        changed = False
        if r.output is not None:
            output = tuple(self.item(x, f"{path}.output[{i}]") for i, x in enumerate(r.output))
            if any(a is not b for a, b in zip(output, r.output, strict=True)):
                values["output"] = output
                changed = True
        if self.ga:
            changed |= self._modalities(values, nulls, path, "modalities", "output_modalities")
            if _has(values, nulls, "temperature"):
                self.kept(f"{path}.temperature", "temperature")
            changed |= self._audio_to_ga(values, nulls, path)
        else:
            changed |= self._modalities(values, nulls, path, "output_modalities", "modalities")
            changed |= self._audio_to_beta(values, nulls, path)
            self._beta_values(values, path)
        return _build(Response, values, r.extra, nulls) if changed else r

    def _modalities(
        self, values: dict[str, Any], nulls: set[str], path: str, src: str, dst: str
    ) -> bool:
        if not _has(values, nulls, src):
            return False
        table = _MODALITIES_TO_GA if self.ga else _MODALITIES_TO_BETA
        value = values[src]
        if _has(values, nulls, dst):
            self.beside(f"{path}.{src}", src, dst)
            return False
        if value is None:
            nulls.discard(src)
            nulls.add(dst)
        elif value in table:
            values[dst] = table[value]
            values[src] = None
        else:
            self.kept(f"{path}.{src}", f"{src} {_show(value)}")
            return False
        return True

    def _beta_values(self, values: dict[str, Any], path: str) -> None:
        """Report what beta's names hold that OpenAI's beta cannot say (Azure's additions)."""
        modalities = values["modalities"]
        if modalities is not None and not set(modalities) <= {"text", "audio"}:
            self.kept(f"{path}.modalities", f"modalities {_show(modalities)}")
        voice = values["voice"]
        if voice is not None and not isinstance(voice, str):
            self.kept(f"{path}.voice", f"the {type(voice).__name__} voice object")
        fmt = values["output_audio_format"]
        if fmt is not None and fmt not in _BETA_FORMATS:
            self.kept(f"{path}.output_audio_format", f"output_audio_format {_show(fmt)}")

    def _audio_to_ga(self, values: dict[str, Any], nulls: set[str], path: str) -> bool:
        moves: list[tuple[str, str, Any]] = []  # (top-level field, audio.output field, new value)
        if _has(values, nulls, "voice"):
            voice = values["voice"]
            if voice is None or isinstance(voice, _OPENAI_VOICES):
                moves.append(("voice", "voice", voice))
            else:
                self.kept(f"{path}.voice", f"the {type(voice).__name__} voice object")
        if _has(values, nulls, "output_audio_format"):
            fmt = values["output_audio_format"]
            if fmt is None:
                moves.append(("output_audio_format", "format", None))
            elif fmt in _FORMAT_TO_GA:
                cls, fields = _FORMAT_TO_GA[fmt]
                moves.append(("output_audio_format", "format", _build(cls, fields, EMPTY, ())))
            else:
                self.kept(f"{path}.output_audio_format", f"output_audio_format {_show(fmt)}")
        if not moves:
            return False
        if _has(values, nulls, "audio"):
            # A mixed object: merging into its audio settings could not be undone.
            for src, _, _ in moves:
                self.beside(f"{path}.{src}", src, "audio")
            return False
        output: dict[str, Any] = {"format": None, "voice": None}
        out_nulls: set[str] = set()
        for src, dst, new in moves:
            if new is None:
                out_nulls.add(dst)
                nulls.discard(src)
            else:
                output[dst] = new
                values[src] = None
        new_output = _build(AudioOutput, output, EMPTY, out_nulls)
        values["audio"] = _build(ResponseAudio, {"output": new_output}, EMPTY, ())
        return True

    def _audio_to_beta(self, values: dict[str, Any], nulls: set[str], path: str) -> bool:
        audio: ResponseAudio | None = values["audio"]
        here = f"{path}.audio"
        if audio is None:
            if "audio" in nulls:
                self.kept(here, "a null audio setting")
            return False
        if audio.extra:
            self.kept(here, f"the keys {_show(tuple(audio.extra))} of audio")
        output = audio.output
        if output is None:
            self.kept(here, "audio without output settings")
            return False
        if output.extra:
            self.kept(f"{here}.output", f"the keys {_show(tuple(output.extra))} of audio.output")
        out_values = _values(output)
        out_nulls = set(output.json_nulls)
        moved = False
        if _has(out_values, out_nulls, "voice"):
            voice = out_values["voice"]
            if _has(values, nulls, "voice"):
                self.beside(f"{here}.output.voice", "audio.output.voice", "voice")
            elif voice is None or isinstance(voice, _OPENAI_VOICES):
                self._move_up(values, nulls, "voice", voice, out_values, out_nulls, "voice")
                moved = True
            else:
                self.kept(f"{here}.output.voice", f"the {type(voice).__name__} voice object")
        if _has(out_values, out_nulls, "format"):
            fmt = out_values["format"]
            beta = None if fmt is None else _beta_format(fmt)
            if _has(values, nulls, "output_audio_format"):
                self.beside(f"{here}.output.format", "audio.output.format", "output_audio_format")
            elif fmt is None or beta is not None:
                self._move_up(
                    values, nulls, "output_audio_format", beta, out_values, out_nulls, "format"
                )
                moved = True
            else:
                self.kept(f"{here}.output.format", f"the audio format {_show(fmt)}")
        if not moved:
            return False
        if _is_empty(out_values, out_nulls, output.extra):
            audio_values: dict[str, Any] = {"output": None}
            audio_nulls = set(audio.json_nulls) - {"output"}
            if _is_empty(audio_values, audio_nulls, audio.extra):
                values["audio"] = None
                return True
        else:
            audio_values = {"output": _build(AudioOutput, out_values, output.extra, out_nulls)}
            audio_nulls = set(audio.json_nulls)
        values["audio"] = _build(ResponseAudio, audio_values, audio.extra, audio_nulls)
        return True

    @staticmethod
    def _move_up(
        values: dict[str, Any],
        nulls: set[str],
        dst: str,
        new: Any,
        out_values: dict[str, Any],
        out_nulls: set[str],
        src: str,
    ) -> None:
        if new is None:
            nulls.add(dst)
        else:
            values[dst] = new
        out_values[src] = None
        out_nulls.discard(src)

    # ------------------------------------------------------------------ items and parts

    def item(self, item: OutputItem, path: str) -> OutputItem:
        cls = type(item)
        if cls is MessageItem:
            assert isinstance(item, MessageItem)
            if item.content is None:
                return item
            content = tuple(
                self.part(p, f"{path}.content[{i}]") for i, p in enumerate(item.content)
            )
            if all(a is b for a, b in zip(content, item.content, strict=True)):
                return item
            values = {**_values(item), "content": content}
            return _build(MessageItem, values, item.extra, item.json_nulls)  # type: ignore[no-any-return]
        if isinstance(item, _GA_ONLY_ITEMS):
            if not self.ga:
                self.kept(path, f'the item type "{item.type}"')
        elif isinstance(item, _AZURE_ONLY_ITEMS):
            self.kept(path, f'the Azure item type "{item.type}"')
        elif isinstance(item, UnknownItem):
            self.unknown(path, f"the item type {_show(item.type)}")
        return item

    def part(self, part: ContentPart, path: str) -> ContentPart:
        cls: type[Any] = type(part)
        target = (_PARTS_TO_GA if self.ga else _PARTS_TO_BETA).get(cls)
        if target is not None:
            assert isinstance(part, Model)
            return _build(target, _values(part), part.extra, part.json_nulls)  # type: ignore[no-any-return]
        if (self.ga and cls is ItemReferencePart) or (not self.ga and cls is InputImagePart):
            self.kept(path, f'the content part type "{part.type}"')
        elif isinstance(part, UnknownPart):
            self.unknown(path, f"the content part type {_show(part.type)}")
        return part

    def event_part(self, part: ContentPart, path: str) -> ContentPart:
        """The part of a ``response.content_part.*`` event: GA names it ``text`` or ``audio`` too."""
        if self.ga and type(part) in _EVENT_PARTS:
            return part
        return self.part(part, path)

    # ------------------------------------------------------------------ events

    def event(self, event: ServerEvent) -> ServerEvent:
        if isinstance(event, GenericEvent):
            return self.generic(event)
        cls: type[Model] = type(event)
        values = _values(event)
        changed = False
        for name, translate in (
            ("response", self.response),
            ("item", self.item),
            ("part", self.event_part),
        ):
            old = values.get(name)
            if old is not None:
                new = translate(old, f"$.{name}")
                if new is not old:
                    values[name] = new
                    changed = True
        target = cls
        if self.ga and cls is ConversationItemCreatedEvent:
            target = ConversationItemAddedEvent
        elif not self.ga and cls is ConversationItemAddedEvent:
            target = ConversationItemCreatedEvent
        elif not self.ga and cls is ConversationItemDoneEvent:
            self.kept("$.type", 'the event type "conversation.item.done"')
        if target is cls and not changed:
            return event
        return _build(target, values, event.extra, event.json_nulls)  # type: ignore[no-any-return]

    def generic(self, event: GenericEvent) -> GenericEvent:
        tag = event.type
        if not isinstance(tag, str):
            self.unknown("$.type", f"an event without a string type ({_show(tag)})")
            return event
        new = (_EVENTS_TO_GA if self.ga else _EVENTS_TO_BETA).get(tag, tag)
        if new not in (GA_EVENTS if self.ga else BETA_EVENTS):
            if tag in AZURE_EVENTS:
                self.kept("$.type", f'the Azure event type "{tag}"')
            elif tag in GA_EVENTS or tag in BETA_EVENTS:
                self.kept("$.type", f'the event type "{tag}"')
            else:
                self.unknown("$.type", f'the event type "{tag}"')
        if tag in ("session.created", "session.updated") and "session" in event.data:
            self.notes.append(
                ShapeNote(
                    "$.session", "the session configuration is not translated: kept as it was"
                )
            )
        if new == tag:
            return event
        data = FrozenDict({**event.data, "type": new})
        raw = event._raw
        return GenericEvent._decoded(data, None if raw is None else {**raw, "type": new})  # type: ignore[no-any-return]


def _beta_format(fmt: Any) -> str | None:
    """The beta name of a GA audio format, when it says exactly that format."""
    if not isinstance(fmt, Model) or fmt.extra or fmt.json_nulls:
        return None
    if type(fmt) is PcmAudioFormat:
        rate = fmt.rate
        return "pcm16" if rate.__class__ is int and rate == 24000 else None
    if type(fmt) is PcmuAudioFormat:
        return "g711_ulaw"
    if type(fmt) is PcmaAudioFormat:
        return "g711_alaw"
    return None


# --------------------------------------------------------------------------- the entry point


@overload
def to_shape(obj: Response, shape: Shape) -> Translated[Response]: ...
@overload
def to_shape(obj: OutputItem, shape: Shape) -> Translated[OutputItem]: ...
@overload
def to_shape(obj: ContentPart, shape: Shape) -> Translated[ContentPart]: ...
@overload
def to_shape(obj: ServerEvent, shape: Shape) -> Translated[ServerEvent]: ...
def to_shape(obj: Any, shape: Shape) -> Translated[Any]:
    """Say ``obj`` in the ``"ga"`` or ``"beta"`` shape of the Realtime API.

    ``obj`` is a :class:`Response`, an output item, a content part or a
    server event (a typed event or a :class:`GenericEvent`), decoded or
    constructed, in any shape.  Returns a :class:`Translated`: ``value`` is a
    new object (or ``obj`` itself when nothing needed to change) with the
    target shape's names (``output_modalities``, ``audio.output``,
    ``output_text`` parts, ``response.output_audio.delta``, ... for GA; their
    beta counterparts for beta); ``notes`` lists what the target shape cannot
    say, which is kept, unchanged, where it was.  Unknown keys travel
    unchanged.  The README's *Beta, GA and Azure shapes* lists the whole table.

    Raises :class:`ValidationError` for a ``shape`` other than ``"ga"`` and
    ``"beta"``, and :class:`UnsupportedTypeError` for any other object.
    """
    if not isinstance(shape, str) or shape not in ("ga", "beta"):
        raise ValidationError("shape", f'expected "ga" or "beta", got {shape!r}')
    translator = _Translator(shape == "ga")
    cls = type(obj)
    value: Any
    if cls is Response:
        value = translator.response(obj, "$")
    elif cls in _ITEMS:
        value = translator.item(obj, "$")
    elif cls in _PARTS:
        value = translator.part(obj, "$")
    elif cls in _EVENTS:
        value = translator.event(obj)
    else:
        raise UnsupportedTypeError(
            "to_shape translates a response, an output item, a content part or a server "
            f"event, not {cls.__name__}"
        )
    return Translated(value, tuple(translator.notes))
