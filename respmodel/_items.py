"""Output items: the entries of ``Response.output`` (a union tagged by ``type``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._base import Model, Unknown
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
ROLES = ("system", "user", "assistant")


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _Item(Model):
    """The fields every output item has."""

    id: str | None = field(Str())
    object: str | None = field(Const("realtime.item"))
    status: str | None = field(Enum(ITEM_STATUSES))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class MessageItem(_Item):
    """A message from the system, the user or the assistant."""

    type: ClassVar[str] = "message"
    role: str | None = field(Enum(ROLES))
    content: tuple[ContentPart, ...] | None = field(Seq(Union("ContentPart")))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class FunctionCallItem(_Item):
    """A call of a client-side function; ``arguments`` is a JSON string, never parsed."""

    type: ClassVar[str] = "function_call"
    name: str | None = field(Str())
    call_id: str | None = field(Str())
    arguments: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class FunctionCallOutputItem(_Item):
    """The result of a function call, sent back by the client."""

    type: ClassVar[str] = "function_call_output"
    call_id: str | None = field(Str())
    output: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpProtocolError(Model):
    """An MCP protocol error, with its JSON-RPC code."""

    type: ClassVar[str] = "protocol_error"
    code: int | None = field(Int(nonneg=False))
    message: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpToolExecutionError(Model):
    """An error raised by the MCP tool itself."""

    type: ClassVar[str] = "tool_execution_error"
    message: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpHttpError(Model):
    """An HTTP error from the MCP server, with its status code."""

    type: ClassVar[str] = "http_error"
    code: int | None = field(Int(nonneg=False))
    message: str | None = field(Str())


@attrs.frozen(repr=False, eq=False)
class UnknownMcpError(Unknown):
    """An MCP error whose ``type`` respmodel does not know, kept whole."""


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpCallItem(_Item):
    """A call of a tool on an MCP server, with its output or error."""

    type: ClassVar[str] = "mcp_call"
    name: str | None = field(Str())
    arguments: str | None = field(Str())
    server_label: str | None = field(Str())
    approval_request_id: str | None = field(Str())
    output: str | None = field(Str())
    error: McpError | None = field(Union("McpError"))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpTool(Model):
    """A tool an MCP server offers; its schema and annotations are opaque JSON."""

    name: str | None = field(Str())
    description: str | None = field(Str())
    input_schema: Any = field(Json())
    annotations: Any = field(Json())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpListToolsItem(_Item):
    """The tools an MCP server listed."""

    type: ClassVar[str] = "mcp_list_tools"
    server_label: str | None = field(Str())
    tools: tuple[McpTool, ...] | None = field(Seq(Obj(McpTool)))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpApprovalRequestItem(_Item):
    """The server asks the client to approve an MCP tool call."""

    type: ClassVar[str] = "mcp_approval_request"
    name: str | None = field(Str())
    arguments: str | None = field(Str())
    server_label: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class McpApprovalResponseItem(_Item):
    """The client's answer to an MCP approval request."""

    type: ClassVar[str] = "mcp_approval_response"
    approval_request_id: str | None = field(Str())
    approve: bool | None = field(Bool())
    reason: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class WebSearchCallItem(_Item):
    """A web search the model ran (Azure)."""

    type: ClassVar[str] = "web_search_call"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class FileSearchResult(Model):
    """One hit of a file search; ``attributes`` is an opaque map."""

    attributes: FrozenDict[str, Any] | None = field(Json(object_only=True))
    file_id: str | None = field(Str())
    filename: str | None = field(Str())
    score: float | None = field(Float())
    text: str | None = field(Str())


@attrs.frozen(kw_only=True, repr=False, eq=False)
class FileSearchCallItem(_Item):
    """A file search the model ran, with its queries and results (Azure)."""

    type: ClassVar[str] = "file_search_call"
    queries: tuple[str, ...] | None = field(Seq(Str()))
    results: tuple[FileSearchResult, ...] | None = field(Seq(Obj(FileSearchResult)))


@attrs.frozen(repr=False, eq=False)
class UnknownItem(Unknown):
    """An output item whose ``type`` respmodel does not know, kept whole."""

    @property
    def id(self) -> Any:
        """The item's ``id`` as received, if it had one."""
        return self.data.get("id")
