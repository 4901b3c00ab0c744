"""The tagged unions: which class each ``type`` value selects, and the public aliases.

Dispatch is one dict lookup on the tag.  A tag that is not listed selects the
union's ``Unknown*`` class when decoding leniently (the object is kept whole)
and is reported when decoding strictly, except in the *open* ``ServerEvent``
union (defined and registered by ``_events``, which is imported only when
events are first used), where every event type not modelled is a
``GenericEvent`` in both modes.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from . import _audio, _items, _response
from ._audio import PcmaAudioFormat, PcmAudioFormat, PcmuAudioFormat, UnknownAudioFormat
from ._base import Model, Unknown
from ._items import (
    FileSearchCallItem,
    FunctionCallItem,
    FunctionCallOutputItem,
    McpApprovalRequestItem,
    McpApprovalResponseItem,
    McpCallItem,
    McpHttpError,
    McpListToolsItem,
    McpProtocolError,
    McpToolExecutionError,
    MessageItem,
    UnknownItem,
    UnknownMcpError,
    WebSearchCallItem,
)
from ._parts import (
    AudioPart,
    InputAudioPart,
    InputImagePart,
    InputTextPart,
    ItemReferencePart,
    OutputAudioPart,
    OutputTextPart,
    TextPart,
    UnknownPart,
)
from ._voices import (
    AzureAvatarVoiceSync,
    AzureCustomVoice,
    AzurePersonalVoice,
    AzureRealtimeNativeVoice,
    AzureStandardVoice,
    CustomVoice,
    OpenAIVoice,
    UnknownVoice,
)

__all__ = [
    "UNIONS",
    "AudioFormat",
    "ContentPart",
    "McpError",
    "OutputItem",
    "UnionInfo",
    "Voice",
]

OutputItem: TypeAlias = (
    MessageItem
    | FunctionCallItem
    | FunctionCallOutputItem
    | McpCallItem
    | McpListToolsItem
    | McpApprovalRequestItem
    | McpApprovalResponseItem
    | WebSearchCallItem
    | FileSearchCallItem
    | UnknownItem
)
"""An entry of ``Response.output``, tagged by ``type``."""

ContentPart: TypeAlias = (
    InputTextPart
    | InputAudioPart
    | InputImagePart
    | ItemReferencePart
    | TextPart
    | AudioPart
    | OutputTextPart
    | OutputAudioPart
    | UnknownPart
)
"""An entry of ``MessageItem.content``, tagged by ``type``."""

Voice: TypeAlias = (
    str
    | OpenAIVoice
    | AzureStandardVoice
    | AzureCustomVoice
    | AzurePersonalVoice
    | AzureRealtimeNativeVoice
    | AzureAvatarVoiceSync
    | CustomVoice
    | UnknownVoice
)
"""A voice: a name, or a voice object tagged by ``type`` (``CustomVoice`` has no tag)."""

AudioFormat: TypeAlias = PcmAudioFormat | PcmuAudioFormat | PcmaAudioFormat | UnknownAudioFormat
"""A GA audio format, tagged by ``type``."""

McpError: TypeAlias = McpProtocolError | McpToolExecutionError | McpHttpError | UnknownMcpError
"""The error of an MCP call, tagged by ``type``."""


def publish_aliases() -> None:
    """Give the model modules the union aliases their annotations name.

    The aliases are unions of the model classes, so they can only be made
    once those classes exist, here; the model modules, which this module
    imports, name them in annotations but import them only under
    ``TYPE_CHECKING`` (a runtime import would be circular).  Setting them as
    module globals now, before any caller can reach the classes (the package
    ``__init__`` imports this module), lets ``typing.get_type_hints`` (and so
    ``attrs.resolve_types`` and cattrs) resolve every annotation.
    """
    for module, names in (
        (_response, ("OutputItem", "Voice")),
        (_items, ("ContentPart", "McpError")),
        (_audio, ("AudioFormat", "Voice")),
    ):
        for name in names:
            setattr(module, name, globals()[name])


publish_aliases()


@attrs.frozen(eq=False)
class UnionInfo:
    """How one union is told apart."""

    name: str
    alias: Any
    tags: Mapping[str, type[Model]]
    unknown: type[Unknown]
    allows_str: bool = False
    """A bare JSON string is a member (voices)."""
    untagged: type[Model] | None = None
    untagged_key: str | None = None
    """An object with no ``type`` but with this key is an ``untagged`` (``{"id": ...}`` voices)."""
    open: bool = False
    """Every tag is a member: an unknown tag selects ``unknown`` in strict mode too (events)."""
    untagged_unknown: bool = False
    """An object without ``type`` is a valid member, kept as ``unknown`` in strict mode too
    (MCP errors: Azure declares them opaque and sends ``{"message": ..., "code": ...}``)."""

    @property
    def members(self) -> tuple[type, ...]:
        classes: list[type] = [*self.tags.values(), self.unknown]
        if self.untagged is not None:
            classes.append(self.untagged)
        return tuple(classes)

    def expected_tags(self) -> str:
        if self.open:
            return "a string"
        return "one of " + ", ".join(f'"{t}"' for t in self.tags)


def tags_of(*classes: type[Model]) -> dict[str, type[Model]]:
    """The tag -> class map of tagged classes."""
    return {c.type: c for c in classes}  # type: ignore[attr-defined]


UNIONS: dict[str, UnionInfo] = {
    info.name: info
    for info in (
        UnionInfo(
            "OutputItem",
            OutputItem,
            tags_of(
                MessageItem,
                FunctionCallItem,
                FunctionCallOutputItem,
                McpCallItem,
                McpListToolsItem,
                McpApprovalRequestItem,
                McpApprovalResponseItem,
                WebSearchCallItem,
                FileSearchCallItem,
            ),
            UnknownItem,
        ),
        UnionInfo(
            "ContentPart",
            ContentPart,
            tags_of(
                InputTextPart,
                InputAudioPart,
                InputImagePart,
                ItemReferencePart,
                TextPart,
                AudioPart,
                OutputTextPart,
                OutputAudioPart,
            ),
            UnknownPart,
        ),
        UnionInfo(
            "Voice",
            Voice,
            tags_of(
                OpenAIVoice,
                AzureStandardVoice,
                AzureCustomVoice,
                AzurePersonalVoice,
                AzureRealtimeNativeVoice,
                AzureAvatarVoiceSync,
            ),
            UnknownVoice,
            allows_str=True,
            untagged=CustomVoice,
            untagged_key="id",
        ),
        UnionInfo(
            "AudioFormat",
            AudioFormat,
            tags_of(PcmAudioFormat, PcmuAudioFormat, PcmaAudioFormat),
            UnknownAudioFormat,
        ),
        UnionInfo(
            "McpError",
            McpError,
            tags_of(McpProtocolError, McpToolExecutionError, McpHttpError),
            UnknownMcpError,
            untagged_unknown=True,
        ),
    )
}

UNION_BY_MEMBERS: dict[frozenset[Any], UnionInfo] = {
    frozenset(typing.get_args(u.alias)): u for u in UNIONS.values()
}
"""Each union by the set of its member types, to recognise a union type however spelled."""


def register(info: UnionInfo) -> None:
    """Add a union defined outside this module (``ServerEvent``, in ``_events``)."""
    UNIONS[info.name] = info
    UNION_BY_MEMBERS[frozenset(typing.get_args(info.alias))] = info
