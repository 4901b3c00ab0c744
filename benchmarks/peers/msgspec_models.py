"""msgspec Structs for the response resource: the speed anchor.

Tagged unions use msgspec's own tag support (``tag_field="type"``); absent
fields are left out when encoding (``omit_defaults``); the structs hold no
cycles, so they are ``gc=False``, as msgspec's documentation recommends for
such data.  :func:`response_type` defines the classes for one key style
(``rename="camel"`` for the camelCase form), so both share one definition.

Annotations are evaluated eagerly on purpose (no ``from __future__ import
annotations``): msgspec resolves them, and these classes are local to a function.
"""

from functools import cache
from typing import Any, Literal

import msgspec

__all__ = ["response_type"]


@cache
def response_type(camel: bool = False) -> Any:
    """The ``Response`` struct, with every class below it, for one key style."""
    rename = "camel" if camel else None

    class Base(msgspec.Struct, kw_only=True, omit_defaults=True, gc=False, rename=rename):
        pass

    class Tagged(Base, tag_field="type"):
        pass

    # ------------------------------------------------------------------ content parts
    class InputTextPart(Tagged, tag="input_text"):
        text: str | None = None

    class InputAudioPart(Tagged, tag="input_audio"):
        audio: str | None = None
        transcript: str | None = None

    class InputImagePart(Tagged, tag="input_image"):
        image_url: str | None = None
        detail: str | None = None

    class ItemReferencePart(Tagged, tag="item_reference"):
        id: str | None = None

    class TextPart(Tagged, tag="text"):
        text: str | None = None

    class AudioPart(Tagged, tag="audio"):
        audio: str | None = None
        transcript: str | None = None

    class OutputTextPart(Tagged, tag="output_text"):
        text: str | None = None

    class OutputAudioPart(Tagged, tag="output_audio"):
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

    # ------------------------------------------------------------------ MCP errors and tools
    class McpProtocolError(Tagged, tag="protocol_error"):
        code: int | None = None
        message: str | None = None

    class McpToolExecutionError(Tagged, tag="tool_execution_error"):
        message: str | None = None

    class McpHttpError(Tagged, tag="http_error"):
        code: int | None = None
        message: str | None = None

    McpError = McpProtocolError | McpToolExecutionError | McpHttpError

    class McpTool(Base):
        name: str | None = None
        description: str | None = None
        input_schema: Any = None
        annotations: Any = None

    class FileSearchResult(Base):
        attributes: dict[str, Any] | None = None
        file_id: str | None = None
        filename: str | None = None
        score: float | None = None
        text: str | None = None

    # ------------------------------------------------------------------ output items
    class Item(Tagged):
        id: str | None = None
        object: str | None = None
        status: str | None = None

    class MessageItem(Item, tag="message"):
        role: str | None = None
        content: list[ContentPart] | None = None

    class FunctionCallItem(Item, tag="function_call"):
        name: str | None = None
        call_id: str | None = None
        arguments: str | None = None

    class FunctionCallOutputItem(Item, tag="function_call_output"):
        call_id: str | None = None
        output: str | None = None

    class McpCallItem(Item, tag="mcp_call"):
        name: str | None = None
        arguments: str | None = None
        server_label: str | None = None
        approval_request_id: str | None = None
        output: str | None = None
        error: McpError | None = None

    class McpListToolsItem(Item, tag="mcp_list_tools"):
        server_label: str | None = None
        tools: list[McpTool] | None = None

    class McpApprovalRequestItem(Item, tag="mcp_approval_request"):
        name: str | None = None
        arguments: str | None = None
        server_label: str | None = None

    class McpApprovalResponseItem(Item, tag="mcp_approval_response"):
        approval_request_id: str | None = None
        approve: bool | None = None
        reason: str | None = None

    class WebSearchCallItem(Item, tag="web_search_call"):
        pass

    class FileSearchCallItem(Item, tag="file_search_call"):
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

    # ------------------------------------------------------------------ voices and audio
    class OpenAIVoice(Tagged, tag="openai"):
        name: str | None = None

    class AzureVoiceFields(Tagged):
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

    class AzureStandardVoice(AzureVoiceFields, tag="azure-standard"):
        pass

    class AzureCustomVoice(AzureVoiceFields, tag="azure-custom"):
        endpoint_id: str | None = None

    class AzurePersonalVoice(AzureVoiceFields, tag="azure-personal"):
        model: str | None = None

    class AzureRealtimeNativeVoice(Tagged, tag="azure-realtime-native"):
        name: str | None = None

    Voice = (
        str
        | OpenAIVoice
        | AzureStandardVoice
        | AzureCustomVoice
        | AzurePersonalVoice
        | AzureRealtimeNativeVoice
    )

    class PcmAudioFormat(Tagged, tag="audio/pcm"):
        rate: int | None = None

    class PcmuAudioFormat(Tagged, tag="audio/pcmu"):
        pass

    class PcmaAudioFormat(Tagged, tag="audio/pcma"):
        pass

    AudioFormat = PcmAudioFormat | PcmuAudioFormat | PcmaAudioFormat

    class AudioOutput(Base):
        format: AudioFormat | None = None
        voice: Voice | None = None

    class ResponseAudio(Base):
        output: AudioOutput | None = None

    # ------------------------------------------------------------------ usage
    class CachedTokensDetails(Base):
        text_tokens: int | None = None
        audio_tokens: int | None = None
        image_tokens: int | None = None

    class InputTokenDetails(Base):
        text_tokens: int | None = None
        audio_tokens: int | None = None
        image_tokens: int | None = None
        cached_tokens: int | None = None
        cached_tokens_details: CachedTokensDetails | None = None

    class OutputTokenDetails(Base):
        text_tokens: int | None = None
        audio_tokens: int | None = None
        reasoning_tokens: int | None = None

    class Usage(Base):
        total_tokens: int | None = None
        input_tokens: int | None = None
        output_tokens: int | None = None
        input_token_details: InputTokenDetails | None = None
        output_token_details: OutputTokenDetails | None = None

    # ------------------------------------------------------------------ the response
    class ResponseError(Base):
        type: str | None = None
        code: str | None = None
        message: str | None = None

    class StatusDetails(Base):
        type: str | None = None
        reason: str | None = None
        error: ResponseError | None = None

    class Response(Base):
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

    return Response
