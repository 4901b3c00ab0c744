"""Output items: the entries of ``Response.output`` (a union tagged by ``type``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._base import Model, Unknown, model
from ._docs import document
from ._frozen import FrozenDict
from ._kinds import Bool, Const, Enum, Float, Int, Json, Obj, Seq, Str, Union, field

if TYPE_CHECKING:
    # Set at runtime by ``_unions`` once the unions exist (see ``_unions.publish_aliases``).
    from ._unions import ContentPart, McpError

__all__ = [
    "FileSearchCallItem",
    "FileSearchResult",
    "FunctionCallItem",
    "FunctionCallOutputItem",
    "McpApprovalRequestItem",
    "McpApprovalResponseItem",
    "McpCallItem",
    "McpHttpError",
    "McpListToolsItem",
    "McpProtocolError",
    "McpTool",
    "McpToolExecutionError",
    "MessageItem",
    "UnknownItem",
    "UnknownMcpError",
    "WebSearchCallItem",
]

ITEM_STATUSES = ("completed", "incomplete", "in_progress")
SEARCH_STATUSES = (*ITEM_STATUSES, "searching", "failed")
"""Azure's web and file search items also report a search under way, and a failed one."""
ROLES = ("system", "user", "assistant")


@model
class _Item(Model):
    """The fields every output item has."""

    id: str | None = field(Str())
    """The item's id, like ``"item_1234"``: chosen by the client or made by the server."""
    object: str | None = field(Const("realtime.item"))
    """What the object is: always ``"realtime.item"`` when present.

    Strict decoding and constructors reject any other value; lenient decoding keeps it.
    """
    status: str | None = field(Enum(ITEM_STATUSES))
    """How far along the item is; it does not change the conversation.

    Open enum; known values: ``"in_progress"``, ``"completed"``, ``"incomplete"``
    (the search items also know ``"searching"`` and ``"failed"``).
    """


@model
class MessageItem(_Item):
    """A message from the system, the user or the assistant."""

    type: ClassVar[str] = "message"
    role: str | None = field(Enum(ROLES))
    """Who the message is from.

    Open enum; known values: ``"system"``, ``"user"``, ``"assistant"``.
    """
    content: tuple[ContentPart, ...] | None = field(Seq(Union("ContentPart")))
    """The parts of the message, in order (see ``ContentPart``).

    System messages hold ``input_text`` parts; user messages ``input_text``,
    ``input_audio`` and (GA) ``input_image``; assistant messages ``text`` and
    ``audio`` (beta, Azure) or ``output_text`` and ``output_audio`` (GA).  A part
    of a type respmodel does not know is an ``UnknownPart``.
    """


@model
class FunctionCallItem(_Item):
    """A call of a client-side function; ``arguments`` is a JSON string, never parsed."""

    type: ClassVar[str] = "function_call"
    name: str | None = field(Str())
    """The name of the function the model calls."""
    call_id: str | None = field(Str())
    """The id of this call; the client answers with a ``function_call_output`` item of the same ``call_id``."""
    arguments: str | None = field(Str())
    """The arguments, as the JSON text the model wrote, e.g. ``'{"city": "Oslo"}'``.

    A string, never parsed (it may be incomplete or invalid JSON) and never
    renamed by the camelCase form.
    """


@model
class FunctionCallOutputItem(_Item):
    """The result of a function call, sent back by the client."""

    type: ClassVar[str] = "function_call_output"
    call_id: str | None = field(Str())
    """The ``call_id`` of the function call this output answers."""
    output: str | None = field(Str())
    """What the function returned, as free text (often JSON; may be empty)."""


@model
class McpProtocolError(Model):
    """An MCP protocol error, with its JSON-RPC code."""

    type: ClassVar[str] = "protocol_error"
    code: int | None = field(Int(nonneg=False))
    """The JSON-RPC error code (an integer, may be negative)."""
    message: str | None = field(Str())
    """A human-readable explanation of the error."""


@model
class McpToolExecutionError(Model):
    """An error raised by the MCP tool itself."""

    type: ClassVar[str] = "tool_execution_error"
    message: str | None = field(Str())
    """What the tool reported when it failed."""


@model
class McpHttpError(Model):
    """An HTTP error from the MCP server, with its status code."""

    type: ClassVar[str] = "http_error"
    code: int | None = field(Int(nonneg=False))
    """The HTTP status code the MCP server answered with (an integer)."""
    message: str | None = field(Str())
    """A human-readable explanation of the error."""


@attrs.frozen(repr=False, eq=False)
class UnknownMcpError(Unknown):
    """An MCP error whose ``type`` respmodel does not know, kept whole."""


@model
class McpCallItem(_Item):
    """A call of a tool on an MCP server, with its output or error."""

    type: ClassVar[str] = "mcp_call"
    name: str | None = field(Str())
    """The name of the tool called."""
    arguments: str | None = field(Str())
    """The tool's arguments, as JSON text; never parsed, never renamed by the camelCase form."""
    server_label: str | None = field(Str())
    """The label of the MCP server that runs the tool, as the session configured it."""
    approval_request_id: str | None = field(Str())
    """The id of the ``mcp_approval_request`` item that approved this call, when approval was asked."""
    output: str | None = field(Str())
    """What the tool returned, as text; ``None`` while it runs or when it failed."""
    error: McpError | None = field(Union("McpError"))
    """Why the call failed, or ``None``.

    A protocol, tool execution or HTTP error (see ``McpError``).  An error
    without a ``type`` (Azure declares this field opaque, and sends
    ``{"message": ..., "code": ...}``) is an ``UnknownMcpError`` in every mode;
    one of another ``type`` is an ``UnknownMcpError`` when decoding leniently
    and is reported when decoding strictly.
    """


@model
class McpTool(Model):
    """A tool an MCP server offers; its schema and annotations are opaque JSON."""

    name: str | None = field(Str())
    """The name of the tool."""
    description: str | None = field(Str())
    """What the tool does, in the server's words."""
    input_schema: Any = field(Json())
    """The JSON Schema of the tool's input: opaque JSON, kept exactly as received (deep-frozen)."""
    annotations: Any = field(Json())
    """Further annotations the server gives the tool: opaque JSON, kept exactly as received."""


@model
class McpListToolsItem(_Item):
    """The tools an MCP server listed."""

    type: ClassVar[str] = "mcp_list_tools"
    server_label: str | None = field(Str())
    """The label of the MCP server whose tools these are."""
    tools: tuple[McpTool, ...] | None = field(Seq(Obj(McpTool)))
    """The tools the server offers."""


@model
class McpApprovalRequestItem(_Item):
    """The server asks the client to approve an MCP tool call."""

    type: ClassVar[str] = "mcp_approval_request"
    name: str | None = field(Str())
    """The name of the tool the model wants to call."""
    arguments: str | None = field(Str())
    """The arguments of the call, as JSON text (never parsed)."""
    server_label: str | None = field(Str())
    """The label of the MCP server the tool is on."""


@model
class McpApprovalResponseItem(_Item):
    """The client's answer to an MCP approval request."""

    type: ClassVar[str] = "mcp_approval_response"
    approval_request_id: str | None = field(Str())
    """The id of the ``mcp_approval_request`` item this answers."""
    approve: bool | None = field(Bool())
    """Whether the call is approved (``True``) or refused (``False``)."""
    reason: str | None = field(Str())
    """Why, if the client gave a reason."""


@model
class WebSearchCallItem(_Item):
    """A web search the model ran (Azure)."""

    type: ClassVar[str] = "web_search_call"
    status: str | None = field(Enum(SEARCH_STATUSES))
    """How far along the search is.

    Open enum; known values: ``"in_progress"``, ``"searching"``, ``"completed"``,
    ``"incomplete"``, ``"failed"``.
    """


@model
class FileSearchResult(Model):
    """One hit of a file search; ``attributes`` is an opaque map."""

    attributes: FrozenDict[str, Any] | None = field(Json(object_only=True))
    """The file's attributes, used to filter searches: an opaque JSON object, kept exactly as received."""
    file_id: str | None = field(Str())
    """The id of the file."""
    filename: str | None = field(Str())
    """The name of the file."""
    score: float | None = field(Float())
    """How relevant the hit is to the query (a finite number)."""
    text: str | None = field(Str())
    """The text of the file that matched."""


@model
class FileSearchCallItem(_Item):
    """A file search the model ran, with its queries and results (Azure)."""

    type: ClassVar[str] = "file_search_call"
    status: str | None = field(Enum(SEARCH_STATUSES))
    """How far along the search is.

    Open enum; known values: ``"in_progress"``, ``"searching"``, ``"completed"``,
    ``"incomplete"``, ``"failed"``.
    """
    queries: tuple[str, ...] | None = field(Seq(Str()))
    """The queries the model searched with."""
    results: tuple[FileSearchResult, ...] | None = field(Seq(Obj(FileSearchResult)))
    """The hits, when the search returned them."""


@attrs.frozen(repr=False, eq=False)
class UnknownItem(Unknown):
    """An output item whose ``type`` respmodel does not know, kept whole."""

    @property
    def id(self) -> Any:
        """The item's ``id`` as received, if it had one."""
        return self.data.get("id")


# help() lists each field's description (read from the source on first use).
document(globals())
