"""Lenient decoding (the default) keeps what a server adds or leaves out; wrong JSON types fail."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

import respmodel


def loads(data: Any, tp: Any = respmodel.Response, **kw: Any) -> Any:
    return respmodel.loads(orjson.dumps(data), tp, **kw)


@pytest.mark.parametrize(
    "data", [b'{"id": "r"}', '{"id": "r"}', bytearray(b'{"id": "r"}'), memoryview(b'{"id": "r"}')]
)
def test_accepts_bytes_str_bytearray_memoryview(data: Any) -> None:
    """loads takes bytes, str, bytearray and memoryview."""
    assert respmodel.loads(data).id == "r"


def test_unknown_fields_are_kept_at_every_level() -> None:
    """Unknown keys land in .extra of the object that carried them and re-encode."""
    obj = loads(
        {
            "id": "r",
            "new": 1,
            "usage": {"total_tokens": 1, "new_usage": {"x": None}},
            "output": [{"type": "message", "new_item": [], "content": [{"type": "text", "p": 1}]}],
        }
    )
    assert obj.extra == {"new": 1}
    assert obj.usage.extra == {"new_usage": {"x": None}}
    assert obj.output[0].extra == {"new_item": ()}
    assert obj.output[0].content[0].extra == {"p": 1}


def test_unknown_enum_values_are_kept_as_strings() -> None:
    """A status or role the model does not know is kept as the string received."""
    obj = loads(
        {"status": "paused", "output": [{"type": "message", "role": "tool", "status": "x"}]}
    )
    assert obj.status == "paused"
    assert obj.output[0].role == "tool"


@pytest.mark.parametrize(
    ("union", "data", "cls"),
    [
        (respmodel.OutputItem, {"type": "image_generation_call", "id": "i"}, respmodel.UnknownItem),
        (respmodel.ContentPart, {"type": "video", "frames": 3}, respmodel.UnknownPart),
        (respmodel.Voice, {"type": "elevenlabs", "voice_id": "v"}, respmodel.UnknownVoice),
        (
            respmodel.AudioFormat,
            {"type": "audio/opus", "rate": 48000},
            respmodel.UnknownAudioFormat,
        ),
        (respmodel.McpError, {"type": "timeout_error", "message": "m"}, respmodel.UnknownMcpError),
    ],
)
def test_unknown_tags_become_unknown_classes(union: Any, data: dict[str, Any], cls: type) -> None:
    """An unknown tag decodes to the union's Unknown class, which keeps the whole object."""
    obj = loads(data, union)
    assert type(obj) is cls
    assert obj.data == data
    assert obj.type == data["type"]
    assert orjson.loads(respmodel.dumps(obj)) == data


@pytest.mark.parametrize("data", [{"id": "item_1", "role": "user"}, {"type": None, "id": "x"}])
def test_untagged_items_are_kept_as_unknown(data: dict[str, Any]) -> None:
    """An item without a tag (or a null tag) is kept whole as UnknownItem."""
    obj = loads(data, respmodel.OutputItem)
    assert isinstance(obj, respmodel.UnknownItem)
    assert obj.data == data


def test_sibling_union_tag_is_unknown_here() -> None:
    """A content-part tag where an output item belongs is an unknown item, not a crash."""
    obj = loads({"output": [{"type": "text", "text": "hi"}]})
    assert isinstance(obj.output[0], respmodel.UnknownItem)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("alloy", "alloy"),
        ("my-new-voice", "my-new-voice"),
        ({"type": "openai", "name": "marin"}, respmodel.OpenAIVoice(name="marin")),
        ({"id": "voice_1234"}, respmodel.CustomVoice(id="voice_1234")),
        (
            {"type": "azure-custom", "name": "n", "endpoint_id": "e"},
            respmodel.AzureCustomVoice(name="n", endpoint_id="e"),
        ),
        (
            {"type": "azure-personal", "name": "n", "model": "PhoenixV2Neural"},
            respmodel.AzurePersonalVoice(name="n", model="PhoenixV2Neural"),
        ),
        (
            {"type": "azure-realtime-native", "name": "n"},
            respmodel.AzureRealtimeNativeVoice(name="n"),
        ),
    ],
)
def test_voice_is_a_string_or_a_voice_object(data: Any, expected: Any) -> None:
    """A voice decodes to its string or to the voice class its tag (or its id) selects."""
    assert loads({"voice": data}).voice == expected
    assert loads(data, respmodel.Voice) == expected


@pytest.mark.parametrize("value", [0, 4096, "inf"])
def test_max_output_tokens_is_int_or_inf(value: Any) -> None:
    """max_output_tokens is an integer or the string "inf", in every mode."""
    assert loads({"max_output_tokens": value}, strict=True).max_output_tokens == value


def test_missing_fields_are_none() -> None:
    """An empty object decodes, every field None, and encodes back to {}."""
    obj = respmodel.loads(b"{}")
    assert obj.id is None
    assert obj.output is None
    assert obj.usage is None
    assert respmodel.dumps(obj) == b"{}"


def test_opaque_json_is_carried_unchanged() -> None:
    """input_schema, annotations and attributes keep their inner keys and values."""
    schema = {"type": "object", "properties": {"snake_case": {"type": "string"}}, "required": []}
    obj = loads(
        {
            "type": "mcp_list_tools",
            "tools": [{"name": "t", "input_schema": schema, "annotations": [1, None]}],
        },
        respmodel.OutputItem,
    )
    assert obj.tools[0].input_schema == {**schema, "required": ()}
    assert obj.tools[0].annotations == (1, None)
    assert respmodel.unstructure(obj)["tools"][0]["input_schema"] == schema


def test_function_arguments_stay_a_string() -> None:
    """The arguments of a function call are the JSON string received, never parsed."""
    args = '{"sign": "Aquarius", "bad json'
    obj = loads({"type": "function_call", "arguments": args}, respmodel.OutputItem)
    assert obj.arguments == args


def test_decoded_object_is_lazy_until_read() -> None:
    """loads checks everything up front but builds nested objects only when a field is read."""
    obj = respmodel.loads(b'{"id": "r", "usage": {"total_tokens": 1}}')
    assert obj._src is not None
    assert obj.usage.total_tokens == 1


def test_deep_structures_in_opaque_fields() -> None:
    """Opaque JSON nested a hundred levels deep decodes and re-encodes."""
    deep: Any = "leaf"
    for _ in range(60):
        deep = {"a": [deep]}
    data = {"type": "mcp_list_tools", "tools": [{"input_schema": deep}]}
    obj = loads(data, respmodel.OutputItem)
    assert orjson.loads(respmodel.dumps(obj.tools[0])) == {"input_schema": deep}


def test_structure_takes_enum_members_as_their_values() -> None:
    """structure() reads StrEnum and IntEnum members as the strings and integers they are."""
    import enum

    class Status(str, enum.Enum):
        DONE = "completed"

    class Count(enum.IntEnum):
        THREE = 3

    obj = respmodel.structure({"status": Status.DONE, "usage": {"total_tokens": Count.THREE}})
    assert obj.status == "completed"
    assert type(obj.status) is str
    assert respmodel.unstructure(obj) == {"status": "completed", "usage": {"total_tokens": 3}}
