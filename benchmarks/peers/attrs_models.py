"""Plain attrs classes for the response resource, and the cattrs converter a user would make.

This is what a user gets by default: ``@attrs.define`` classes (slotted,
mutable), every field ``Optional`` with a ``None`` default, structured by
``cattrs.preconf.orjson``'s converter with ``converter.loads(data, Response)``.
The tagged unions need cattrs' documented strategy,
``configure_tagged_union``; the voice (a bare string or a tagged object) needs
one small hook, and the ``Optional`` unions one each to keep their tag when
encoding.  The camelCase converter renames every field through a hook
factory with ``cattrs.override(rename=...)``, as cattrs' documentation shows.

Annotations are evaluated eagerly on purpose (no ``from __future__ import
annotations``), as cattrs reads them at hook-generation time.
"""

from typing import Any, ClassVar, Literal

import attrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.orjson import OrjsonConverter, make_converter
from cattrs.strategies import configure_tagged_union

__all__ = ["Response", "converter"]


# --------------------------------------------------------------------------- content parts
@attrs.define
class InputTextPart:
    type: ClassVar[str] = "input_text"
    text: str | None = None


@attrs.define
class InputAudioPart:
    type: ClassVar[str] = "input_audio"
    audio: str | None = None
    transcript: str | None = None


@attrs.define
class InputImagePart:
    type: ClassVar[str] = "input_image"
    image_url: str | None = None
    detail: str | None = None


@attrs.define
class ItemReferencePart:
    type: ClassVar[str] = "item_reference"
    id: str | None = None


@attrs.define
class TextPart:
    type: ClassVar[str] = "text"
    text: str | None = None


@attrs.define
class AudioPart:
    type: ClassVar[str] = "audio"
    audio: str | None = None
    transcript: str | None = None


@attrs.define
class OutputTextPart:
    type: ClassVar[str] = "output_text"
    text: str | None = None


@attrs.define
class OutputAudioPart:
    type: ClassVar[str] = "output_audio"
    audio: str | None = None
    transcript: str | None = None


ContentPart = (
    InputTextPart
    | InputAudioPart
    | InputImagePart
    | ItemReferencePart
    | TextPart
    | AudioPart
    | OutputTextPart
    | OutputAudioPart
)


# --------------------------------------------------------------------------- MCP errors and tools
@attrs.define
class McpProtocolError:
    type: ClassVar[str] = "protocol_error"
    code: int | None = None
    message: str | None = None


@attrs.define
class McpToolExecutionError:
    type: ClassVar[str] = "tool_execution_error"
    message: str | None = None


@attrs.define
class McpHttpError:
    type: ClassVar[str] = "http_error"
    code: int | None = None
    message: str | None = None


McpError = McpProtocolError | McpToolExecutionError | McpHttpError


@attrs.define
class McpTool:
    name: str | None = None
    description: str | None = None
    input_schema: Any = None
    annotations: Any = None


@attrs.define
class FileSearchResult:
    attributes: dict[str, Any] | None = None
    file_id: str | None = None
    filename: str | None = None
    score: float | None = None
    text: str | None = None


# --------------------------------------------------------------------------- output items
@attrs.define
class Item:
    id: str | None = None
    object: str | None = None
    status: str | None = None


@attrs.define
class MessageItem(Item):
    type: ClassVar[str] = "message"
    role: str | None = None
    content: list[ContentPart] | None = None


@attrs.define
class FunctionCallItem(Item):
    type: ClassVar[str] = "function_call"
    name: str | None = None
    call_id: str | None = None
    arguments: str | None = None


@attrs.define
class FunctionCallOutputItem(Item):
    type: ClassVar[str] = "function_call_output"
    call_id: str | None = None
    output: str | None = None


@attrs.define
class McpCallItem(Item):
    type: ClassVar[str] = "mcp_call"
    name: str | None = None
    arguments: str | None = None
    server_label: str | None = None
    approval_request_id: str | None = None
    output: str | None = None
    error: McpError | None = None


@attrs.define
class McpListToolsItem(Item):
    type: ClassVar[str] = "mcp_list_tools"
    server_label: str | None = None
    tools: list[McpTool] | None = None


@attrs.define
class McpApprovalRequestItem(Item):
    type: ClassVar[str] = "mcp_approval_request"
    name: str | None = None
    arguments: str | None = None
    server_label: str | None = None


@attrs.define
class McpApprovalResponseItem(Item):
    type: ClassVar[str] = "mcp_approval_response"
    approval_request_id: str | None = None
    approve: bool | None = None
    reason: str | None = None


@attrs.define
class WebSearchCallItem(Item):
    type: ClassVar[str] = "web_search_call"


@attrs.define
class FileSearchCallItem(Item):
    type: ClassVar[str] = "file_search_call"
    queries: list[str] | None = None
    results: list[FileSearchResult] | None = None


OutputItem = (
    MessageItem
    | FunctionCallItem
    | FunctionCallOutputItem
    | McpCallItem
    | McpListToolsItem
    | McpApprovalRequestItem
    | McpApprovalResponseItem
    | WebSearchCallItem
    | FileSearchCallItem
)


# --------------------------------------------------------------------------- voices and audio
@attrs.define
class OpenAIVoice:
    type: ClassVar[str] = "openai"
    name: str | None = None


@attrs.define
class AzureVoiceFields:
    name: str | None = None
    temperature: float | None = None
    custom_lexicon_url: str | None = None
    custom_text_normalization_url: str | None = None
    prefer_locales: list[str] | None = None
    locale: str | None = None
    style: str | None = None
    pitch: str | None = None
    rate: str | None = None
    volume: str | None = None


@attrs.define
class AzureStandardVoice(AzureVoiceFields):
    type: ClassVar[str] = "azure-standard"


@attrs.define
class AzureCustomVoice(AzureVoiceFields):
    type: ClassVar[str] = "azure-custom"
    endpoint_id: str | None = None


@attrs.define
class AzurePersonalVoice(AzureVoiceFields):
    type: ClassVar[str] = "azure-personal"
    model: str | None = None


@attrs.define
class AzureRealtimeNativeVoice:
    type: ClassVar[str] = "azure-realtime-native"
    name: str | None = None


VoiceObject = (
    OpenAIVoice
    | AzureStandardVoice
    | AzureCustomVoice
    | AzurePersonalVoice
    | AzureRealtimeNativeVoice
)
Voice = str | VoiceObject


@attrs.define
class PcmAudioFormat:
    type: ClassVar[str] = "audio/pcm"
    rate: int | None = None


@attrs.define
class PcmuAudioFormat:
    type: ClassVar[str] = "audio/pcmu"


@attrs.define
class PcmaAudioFormat:
    type: ClassVar[str] = "audio/pcma"


AudioFormat = PcmAudioFormat | PcmuAudioFormat | PcmaAudioFormat


@attrs.define
class AudioOutput:
    format: AudioFormat | None = None
    voice: Voice | None = None


@attrs.define
class ResponseAudio:
    output: AudioOutput | None = None


# --------------------------------------------------------------------------- usage
@attrs.define
class CachedTokensDetails:
    text_tokens: int | None = None
    audio_tokens: int | None = None
    image_tokens: int | None = None


@attrs.define
class InputTokenDetails:
    text_tokens: int | None = None
    audio_tokens: int | None = None
    image_tokens: int | None = None
    cached_tokens: int | None = None
    cached_tokens_details: CachedTokensDetails | None = None


@attrs.define
class OutputTokenDetails:
    text_tokens: int | None = None
    audio_tokens: int | None = None
    reasoning_tokens: int | None = None


@attrs.define
class Usage:
    total_tokens: int | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    input_token_details: InputTokenDetails | None = None
    output_token_details: OutputTokenDetails | None = None


# --------------------------------------------------------------------------- the response
@attrs.define
class ResponseError:
    type: str | None = None
    code: str | None = None
    message: str | None = None


@attrs.define
class StatusDetails:
    type: str | None = None
    reason: str | None = None
    error: ResponseError | None = None


@attrs.define
class Response:
    id: str | None = None
    object: str | None = None
    status: str | None = None
    status_details: StatusDetails | None = None
    output: list[OutputItem] | None = None
    usage: Usage | None = None
    conversation_id: str | None = None
    voice: Voice | None = None
    modalities: list[str] | None = None
    output_modalities: list[str] | None = None
    output_audio_format: str | None = None
    audio: ResponseAudio | None = None
    temperature: float | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    metadata: dict[str, str] | None = None


# --------------------------------------------------------------------------- the converter
def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _configure_camel(conv: OrjsonConverter) -> None:
    """Rename every attrs field to camelCase (the cattrs documentation's hook-factory recipe)."""

    def renames(cls: type) -> dict[str, Any]:
        return {a.name: override(rename=_camel(a.name)) for a in attrs.fields(cls)}

    conv.register_structure_hook_factory(
        attrs.has, lambda cls: make_dict_structure_fn(cls, conv, **renames(cls))
    )
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv, **renames(cls))
    )


def converter(camel: bool = False) -> OrjsonConverter:
    """A ``cattrs.preconf.orjson`` converter for these classes, in one key style."""
    conv = make_converter()
    if camel:
        _configure_camel(conv)

    def tag_of(cls: type) -> str:
        return cls.type  # type: ignore[attr-defined, no-any-return]

    for union in (ContentPart, McpError, OutputItem, VoiceObject, AudioFormat):
        configure_tagged_union(union, conv, tag_generator=tag_of, tag_name="type")

    def structure_voice(value: Any, _: Any) -> Any:
        return value if isinstance(value, str) else conv.structure(value, VoiceObject)  # type: ignore[arg-type]

    def unstructure_voice(value: Any) -> Any:
        return value if isinstance(value, str) else conv.unstructure(value, VoiceObject)

    conv.register_structure_hook(Voice, structure_voice)
    conv.register_unstructure_hook(Voice, unstructure_voice)
    for union in (McpError, Voice, AudioFormat):
        # An ``union | None`` field is another type, which cattrs unstructures by
        # the runtime class, dropping the tag: send it through the union's hook.
        _unstructure_optional(conv, union)
    return conv


def _unstructure_optional(conv: OrjsonConverter, union: Any) -> None:
    hook = conv.get_unstructure_hook(union)

    def unstructure(value: Any) -> Any:
        return None if value is None else hook(value)

    conv.register_unstructure_hook(union | None, unstructure)
