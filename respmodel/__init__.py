"""Typed, lossless decoding and encoding of the Realtime API response resource."""

from importlib.metadata import PackageNotFoundError, version

from ._audio import (
    AudioOutput, PcmAudioFormat, PcmaAudioFormat, PcmuAudioFormat, ResponseAudio,
    UnknownAudioFormat,
)
from ._base import Model, Unknown
from ._converter import Case, configure_converter, make_converter
from ._errors import DecodeError, EncodeError, ErrorDetail, RespmodelError, ValidationError
from ._frozen import FrozenDict
from ._items import (
    FileSearchCallItem, FileSearchResult, FunctionCallItem, FunctionCallOutputItem,
    McpApprovalRequestItem, McpApprovalResponseItem, McpCallItem, McpHttpError, McpListToolsItem,
    McpProtocolError, McpTool, McpToolExecutionError, MessageItem, UnknownItem, UnknownMcpError,
    WebSearchCallItem,
)
from ._json import UnsupportedTypeError, dumps, loads, structure, unstructure
from ._parts import (
    AudioPart, InputAudioPart, InputImagePart, InputTextPart, ItemReferencePart, OutputAudioPart,
    OutputTextPart, TextPart, UnknownPart,
)
from ._response import Response, ResponseError, StatusDetails
from ._unions import AudioFormat, ContentPart, McpError, OutputItem, Voice
from ._usage import CachedTokensDetails, InputTokenDetails, OutputTokenDetails, Usage
from ._voices import (
    AzureCustomVoice, AzurePersonalVoice, AzureRealtimeNativeVoice, AzureStandardVoice,
    CustomVoice, OpenAIVoice, UnknownVoice,
)

try:
    __version__ = version("respmodel")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "AudioFormat", "AudioOutput", "AudioPart", "AzureCustomVoice", "AzurePersonalVoice",
    "AzureRealtimeNativeVoice", "AzureStandardVoice", "CachedTokensDetails", "Case",
    "ContentPart", "CustomVoice", "DecodeError", "EncodeError", "ErrorDetail",
    "FileSearchCallItem", "FileSearchResult", "FrozenDict", "FunctionCallItem",
    "FunctionCallOutputItem", "InputAudioPart", "InputImagePart", "InputTextPart",
    "InputTokenDetails", "ItemReferencePart", "McpApprovalRequestItem", "McpApprovalResponseItem",
    "McpCallItem", "McpError", "McpHttpError", "McpListToolsItem", "McpProtocolError", "McpTool",
    "McpToolExecutionError", "MessageItem", "Model", "OpenAIVoice", "OutputAudioPart",
    "OutputItem", "OutputTextPart", "OutputTokenDetails", "PcmAudioFormat", "PcmaAudioFormat",
    "PcmuAudioFormat", "RespmodelError", "Response", "ResponseAudio", "ResponseError",
    "StatusDetails", "TextPart", "Unknown", "UnknownAudioFormat", "UnknownItem",
    "UnknownMcpError", "UnknownPart", "UnknownVoice", "UnsupportedTypeError", "Usage",
    "ValidationError", "Voice", "WebSearchCallItem", "__version__", "configure_converter",
    "dumps", "loads", "make_converter", "structure", "unstructure",
]
