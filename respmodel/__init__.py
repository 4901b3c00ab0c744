"""Typed, lossless decoding and encoding of the Realtime API response resource."""

from typing import TYPE_CHECKING

from ._audio import (
    AudioOutput,
    PcmaAudioFormat,
    PcmAudioFormat,
    PcmuAudioFormat,
    ResponseAudio,
    UnknownAudioFormat,
)
from ._base import Model, Unknown
from ._converter import Case, configure_converter, make_converter
from ._errors import (
    DecodeError,
    EncodeError,
    ErrorDetail,
    Problems,
    RespmodelError,
    UnconfiguredConverterError,
    ValidationError,
)
from ._frozen import FrozenDict
from ._items import (
    FileSearchCallItem,
    FileSearchResult,
    FunctionCallItem,
    FunctionCallOutputItem,
    McpApprovalRequestItem,
    McpApprovalResponseItem,
    McpCallItem,
    McpHttpError,
    McpListToolsItem,
    McpProtocolError,
    McpTool,
    McpToolExecutionError,
    MessageItem,
    UnknownItem,
    UnknownMcpError,
    WebSearchCallItem,
)
from ._json import UnsupportedTypeError, dumps, loads, structure, unstructure
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
from ._response import Response, ResponseError, StatusDetails
from ._unions import AudioFormat, ContentPart, McpError, OutputItem, Voice
from ._usage import CachedTokensDetails, InputTokenDetails, OutputTokenDetails, Usage
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

# Events and streams load on first use: most imports of respmodel never need
# them, and their classes are a fifth of the import's cost.  So does the JSON
# Schema writer, which only tools need.
_LAZY = {
    **dict.fromkeys(
        (
            "ConversationItemAddedEvent",
            "ConversationItemCreatedEvent",
            "ConversationItemDoneEvent",
            "ConversationItemRetrievedEvent",
            "GenericEvent",
            "InputAudioTranscriptionCompletedEvent",
            "ResponseContentPartAddedEvent",
            "ResponseContentPartDoneEvent",
            "ResponseCreatedEvent",
            "ResponseDoneEvent",
            "ResponseOutputItemAddedEvent",
            "ResponseOutputItemDoneEvent",
            "ServerEvent",
            "TranscriptionDurationUsage",
            "TranscriptionTokenDetails",
            "TranscriptionTokenUsage",
            "TranscriptionUsage",
            "UnknownTranscriptionUsage",
            "loads_event",
        ),
        "._events",
    ),
    **dict.fromkeys(("ErrorRecord", "EventRecord", "iter_events"), "._stream"),
    "json_schema": "._schema",
    **dict.fromkeys(("Shape", "ShapeNote", "Translated", "to_shape"), "._shapes"),
    **dict.fromkeys(("Row", "Summary", "iter_rows", "summarize"), "._summary"),
    **dict.fromkeys(("GenaiPrices", "PriceTable", "load_prices"), "._pricing"),
}

if TYPE_CHECKING:
    from ._events import (
        ConversationItemAddedEvent,
        ConversationItemCreatedEvent,
        ConversationItemDoneEvent,
        ConversationItemRetrievedEvent,
        GenericEvent,
        InputAudioTranscriptionCompletedEvent,
        ResponseContentPartAddedEvent,
        ResponseContentPartDoneEvent,
        ResponseCreatedEvent,
        ResponseDoneEvent,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ServerEvent,
        TranscriptionDurationUsage,
        TranscriptionTokenDetails,
        TranscriptionTokenUsage,
        TranscriptionUsage,
        UnknownTranscriptionUsage,
        loads_event,
    )
    from ._pricing import GenaiPrices, PriceTable, load_prices
    from ._schema import json_schema
    from ._shapes import Shape, ShapeNote, Translated, to_shape
    from ._stream import ErrorRecord, EventRecord, iter_events
    from ._summary import Row, Summary, iter_rows, summarize

    __version__: str
else:

    def __getattr__(name: str) -> object:
        # PEP 562: the names above, and __version__ (read from the installed
        # metadata on first use, so that importing respmodel reads no files).
        module = _LAZY.get(name)
        if module is not None:
            from importlib import import_module

            value = getattr(import_module(module, __name__), name)
        elif name == "__version__":
            from importlib.metadata import PackageNotFoundError, version

            try:
                value = version("respmodel")
            except PackageNotFoundError:  # pragma: no cover - running from a source tree
                value = "0+unknown"
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


__all__ = [
    "AudioFormat",
    "AudioOutput",
    "AudioPart",
    "AzureAvatarVoiceSync",
    "AzureCustomVoice",
    "AzurePersonalVoice",
    "AzureRealtimeNativeVoice",
    "AzureStandardVoice",
    "CachedTokensDetails",
    "Case",
    "ContentPart",
    "ConversationItemAddedEvent",
    "ConversationItemCreatedEvent",
    "ConversationItemDoneEvent",
    "ConversationItemRetrievedEvent",
    "CustomVoice",
    "DecodeError",
    "EncodeError",
    "ErrorDetail",
    "ErrorRecord",
    "EventRecord",
    "FileSearchCallItem",
    "FileSearchResult",
    "FrozenDict",
    "FunctionCallItem",
    "FunctionCallOutputItem",
    "GenaiPrices",
    "GenericEvent",
    "InputAudioPart",
    "InputAudioTranscriptionCompletedEvent",
    "InputImagePart",
    "InputTextPart",
    "InputTokenDetails",
    "ItemReferencePart",
    "McpApprovalRequestItem",
    "McpApprovalResponseItem",
    "McpCallItem",
    "McpError",
    "McpHttpError",
    "McpListToolsItem",
    "McpProtocolError",
    "McpTool",
    "McpToolExecutionError",
    "MessageItem",
    "Model",
    "OpenAIVoice",
    "OutputAudioPart",
    "OutputItem",
    "OutputTextPart",
    "OutputTokenDetails",
    "PcmAudioFormat",
    "PcmaAudioFormat",
    "PcmuAudioFormat",
    "PriceTable",
    "Problems",
    "RespmodelError",
    "Response",
    "ResponseAudio",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseDoneEvent",
    "ResponseError",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "Row",
    "ServerEvent",
    "Shape",
    "ShapeNote",
    "StatusDetails",
    "Summary",
    "TextPart",
    "TranscriptionDurationUsage",
    "TranscriptionTokenDetails",
    "TranscriptionTokenUsage",
    "TranscriptionUsage",
    "Translated",
    "UnconfiguredConverterError",
    "Unknown",
    "UnknownAudioFormat",
    "UnknownItem",
    "UnknownMcpError",
    "UnknownPart",
    "UnknownTranscriptionUsage",
    "UnknownVoice",
    "UnsupportedTypeError",
    "Usage",
    "ValidationError",
    "Voice",
    "WebSearchCallItem",
    "__version__",
    "configure_converter",
    "dumps",
    "iter_events",
    "iter_rows",
    "json_schema",
    "load_prices",
    "loads",
    "loads_event",
    "make_converter",
    "structure",
    "summarize",
    "to_shape",
    "unstructure",
]
