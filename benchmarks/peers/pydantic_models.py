"""pydantic v2 models for the response resource.

Decoded with ``Response.model_validate_json`` and encoded with
``model_dump_json(exclude_unset=True)``, pydantic's own JSON paths.  Tagged
unions are discriminated unions on ``type`` (``Field(discriminator=...)``);
unknown keys are ignored (pydantic's default).  :func:`response_type` defines
the models for one key style (camelCase through an alias generator).

Annotations are evaluated eagerly on purpose (no ``from __future__ import
annotations``): these classes are local to a function.
"""

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

__all__ = ["response_type"]


@cache
def response_type(camel: bool = False) -> Any:
    """The ``Response`` model, with every model below it, for one key style."""

    class Base(BaseModel):
        model_config = ConfigDict(alias_generator=to_camel if camel else None)

    # ------------------------------------------------------------------ content parts
    class InputTextPart(Base):
        type: Literal["input_text"] = "input_text"
        text: str | None = None

    class InputAudioPart(Base):
        type: Literal["input_audio"] = "input_audio"
        audio: str | None = None
        transcript: str | None = None

    class InputImagePart(Base):
        type: Literal["input_image"] = "input_image"
        image_url: str | None = None
        detail: str | None = None

    class ItemReferencePart(Base):
        type: Literal["item_reference"] = "item_reference"
        id: str | None = None

    class TextPart(Base):
        type: Literal["text"] = "text"
        text: str | None = None

    class AudioPart(Base):
        type: Literal["audio"] = "audio"
        audio: str | None = None
        transcript: str | None = None

    class OutputTextPart(Base):
        type: Literal["output_text"] = "output_text"
        text: str | None = None

    class OutputAudioPart(Base):
        type: Literal["output_audio"] = "output_audio"
        audio: str | None = None
        transcript: str | None = None

    ContentPart = Annotated[
        InputTextPart
        | InputAudioPart
        | InputImagePart
        | ItemReferencePart
        | TextPart
        | AudioPart
        | OutputTextPart
        | OutputAudioPart,
        Field(discriminator="type"),
    ]

    # ------------------------------------------------------------------ MCP errors and tools
    class McpProtocolError(Base):
        type: Literal["protocol_error"] = "protocol_error"
        code: int | None = None
        message: str | None = None

    class McpToolExecutionError(Base):
        type: Literal["tool_execution_error"] = "tool_execution_error"
        message: str | None = None

    class McpHttpError(Base):
        type: Literal["http_error"] = "http_error"
        code: int | None = None
        message: str | None = None

    McpError = Annotated[
        McpProtocolError | McpToolExecutionError | McpHttpError, Field(discriminator="type")
    ]

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
    class Item(Base):
        id: str | None = None
        object: str | None = None
        status: str | None = None

    class MessageItem(Item):
        type: Literal["message"] = "message"
        role: str | None = None
        content: list[ContentPart] | None = None

    class FunctionCallItem(Item):
        type: Literal["function_call"] = "function_call"
        name: str | None = None
        call_id: str | None = None
        arguments: str | None = None

    class FunctionCallOutputItem(Item):
        type: Literal["function_call_output"] = "function_call_output"
        call_id: str | None = None
        output: str | None = None

    class McpCallItem(Item):
        type: Literal["mcp_call"] = "mcp_call"
        name: str | None = None
        arguments: str | None = None
        server_label: str | None = None
        approval_request_id: str | None = None
        output: str | None = None
        error: McpError | None = None

    class McpListToolsItem(Item):
        type: Literal["mcp_list_tools"] = "mcp_list_tools"
        server_label: str | None = None
        tools: list[McpTool] | None = None

    class McpApprovalRequestItem(Item):
        type: Literal["mcp_approval_request"] = "mcp_approval_request"
        name: str | None = None
        arguments: str | None = None
        server_label: str | None = None

    class McpApprovalResponseItem(Item):
        type: Literal["mcp_approval_response"] = "mcp_approval_response"
        approval_request_id: str | None = None
        approve: bool | None = None
        reason: str | None = None

    class WebSearchCallItem(Item):
        type: Literal["web_search_call"] = "web_search_call"

    class FileSearchCallItem(Item):
        type: Literal["file_search_call"] = "file_search_call"
        queries: list[str] | None = None
        results: list[FileSearchResult] | None = None

    OutputItem = Annotated[
        MessageItem
        | FunctionCallItem
        | FunctionCallOutputItem
        | McpCallItem
        | McpListToolsItem
        | McpApprovalRequestItem
        | McpApprovalResponseItem
        | WebSearchCallItem
        | FileSearchCallItem,
        Field(discriminator="type"),
    ]

    # ------------------------------------------------------------------ voices and audio
    class OpenAIVoice(Base):
        type: Literal["openai"] = "openai"
        name: str | None = None

    class AzureVoiceFields(Base):
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

    class AzureStandardVoice(AzureVoiceFields):
        type: Literal["azure-standard"] = "azure-standard"

    class AzureCustomVoice(AzureVoiceFields):
        type: Literal["azure-custom"] = "azure-custom"
        endpoint_id: str | None = None

    class AzurePersonalVoice(AzureVoiceFields):
        type: Literal["azure-personal"] = "azure-personal"
        model: str | None = None

    class AzureRealtimeNativeVoice(Base):
        type: Literal["azure-realtime-native"] = "azure-realtime-native"
        name: str | None = None

    VoiceObject = Annotated[
        OpenAIVoice
        | AzureStandardVoice
        | AzureCustomVoice
        | AzurePersonalVoice
        | AzureRealtimeNativeVoice,
        Field(discriminator="type"),
    ]
    Voice = str | VoiceObject

    class PcmAudioFormat(Base):
        type: Literal["audio/pcm"] = "audio/pcm"
        rate: int | None = None

    class PcmuAudioFormat(Base):
        type: Literal["audio/pcmu"] = "audio/pcmu"

    class PcmaAudioFormat(Base):
        type: Literal["audio/pcma"] = "audio/pcma"

    AudioFormat = Annotated[
        PcmAudioFormat | PcmuAudioFormat | PcmaAudioFormat, Field(discriminator="type")
    ]

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
