"""The camelCase form: the same classes read and write the JS SDK's object model."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given

import respmodel
from respmodel._kinds import field_infos
from respmodel._naming import camelize
from tests.strategies import response_json

WIRE = {
    "object": "realtime.response",
    "id": "resp_1",
    "status": "in_progress",
    "status_details": {
        "type": "failed",
        "error": {"type": "server_error", "code": None, "message": "m", "retry_after_ms": 5},
    },
    "conversation_id": "conv_1",
    "max_output_tokens": "inf",
    "output_audio_format": "g711_ulaw",
    "metadata": {"customer_id": "c_1", "snake_key": "v"},
    "usage": {
        "total_tokens": 3,
        "input_token_details": {"cached_tokens_details": {"text_tokens": 1}},
    },
    "output": [
        {
            "type": "function_call",
            "call_id": "call_1",
            "arguments": '{"user_id": 1}',
            "status": "in_progress",
        },
        {
            "type": "mcp_list_tools",
            "server_label": "s",
            "tools": [
                {
                    "name": "t",
                    "input_schema": {"type": "object", "properties": {"file_path": {}}},
                    "annotations": {"read_only_hint": True},
                }
            ],
        },
        {"type": "file_search_call", "results": [{"file_id": "f", "attributes": {"page_no": 1}}]},
    ],
    "audio": {
        "output": {
            "format": {"type": "audio/pcm", "rate": 24000},
            "voice": {"type": "azure-custom", "endpoint_id": "e", "custom_lexicon_url": "u"},
        }
    },
}


def test_modelled_keys_are_camelized() -> None:
    """Every modelled field name is camelized at every depth."""
    camel = orjson.loads(respmodel.dumps(respmodel.loads(orjson.dumps(WIRE)), case="camel"))
    assert camel["conversationId"] == "conv_1"
    assert "conversation_id" not in camel
    assert camel["statusDetails"]["type"] == "failed"
    assert camel["usage"]["totalTokens"] == 3
    assert camel["usage"]["inputTokenDetails"]["cachedTokensDetails"] == {"textTokens": 1}
    assert camel["output"][0]["callId"] == "call_1"
    assert camel["output"][1]["serverLabel"] == "s"
    assert camel["output"][2]["results"][0]["fileId"] == "f"
    assert camel["audio"]["output"]["voice"]["endpointId"] == "e"
    assert camel["audio"]["output"]["voice"]["customLexiconUrl"] == "u"


def test_values_are_never_touched() -> None:
    """Tags, enum values, metadata keys, opaque JSON and arguments keep their spelling."""
    camel = orjson.loads(respmodel.dumps(respmodel.loads(orjson.dumps(WIRE)), case="camel"))
    assert camel["output"][0]["type"] == "function_call"
    assert camel["output"][0]["status"] == "in_progress"
    assert camel["output"][0]["arguments"] == '{"user_id": 1}'
    assert camel["outputAudioFormat"] == "g711_ulaw"
    assert camel["metadata"] == {"customer_id": "c_1", "snake_key": "v"}
    assert (
        camel["output"][1]["tools"][0]["inputSchema"]
        == WIRE["output"][1]["tools"][0]["input_schema"]
    )
    assert camel["output"][1]["tools"][0]["annotations"] == {"read_only_hint": True}
    assert camel["output"][2]["results"][0]["attributes"] == {"page_no": 1}
    assert camel["statusDetails"]["error"]["retry_after_ms"] == 5
    assert camel["audio"]["output"]["format"]["type"] == "audio/pcm"


def test_camel_keys_are_the_rule_applied_to_wire_names() -> None:
    """The camel key of every field of every class is camelize(wire key), with no exceptions."""
    for cls in [getattr(respmodel, n) for n in respmodel.__all__]:
        if isinstance(cls, type) and issubclass(cls, respmodel.Model):
            for f in field_infos(cls):
                assert f.camel == camelize(f.snake)


@pytest.mark.parametrize(
    ("snake", "camel"),
    [
        ("conversation_id", "conversationId"),
        ("cached_tokens_details", "cachedTokensDetails"),
        ("custom_text_normalization_url", "customTextNormalizationUrl"),
        ("id", "id"),
    ],
)
def test_camelize(snake: str, camel: str) -> None:
    """camelize joins the words after the first with capitals."""
    assert camelize(snake) == camel


@given(response_json("any", camel=True))
def test_camel_round_trips(data: dict[str, Any]) -> None:
    """camel JSON -> object -> camel JSON gives back the same JSON (nulls and unknown keys too)."""
    obj = respmodel.loads(orjson.dumps(data), case="camel")
    assert orjson.loads(respmodel.dumps(obj, case="camel")) == data


@given(response_json("any"))
def test_snake_to_camel_to_snake_gives_an_equal_object(data: dict[str, Any]) -> None:
    """snake -> object -> camel -> object gives an equal object, and the same snake JSON."""
    obj = respmodel.loads(orjson.dumps(data))
    again = respmodel.loads(respmodel.dumps(obj, case="camel"), case="camel")
    assert again == obj
    assert again.json_nulls == obj.json_nulls
    assert orjson.loads(respmodel.dumps(again)) == data


def test_strict_camel_reports_snake_keys() -> None:
    """Strict camel decoding reports snake_case keys as unknown fields, with paths."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(
            b'{"conversation_id": "c", "usage": {"total_tokens": 1}}', case="camel", strict=True
        )
    assert [str(e) for e in info.value.errors] == [
        "$.conversation_id: unknown field",
        "$.usage.total_tokens: unknown field",
    ]


def test_strict_snake_reports_camel_keys() -> None:
    """Strict snake decoding reports camelCase keys as unknown fields, with paths."""
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(b'{"output": [{"type": "function_call", "callId": "c"}]}', strict=True)
    assert [str(e) for e in info.value.errors] == ["$.output[0].callId: unknown field"]


def test_lenient_camel_keeps_snake_keys_as_unknown() -> None:
    """Lenient camel decoding keeps a snake_case key as an unknown key, spelled as received."""
    obj = respmodel.loads(b'{"conversation_id": "c", "conversationId": "d"}', case="camel")
    assert obj.conversation_id == "d"
    assert obj.extra == {"conversation_id": "c"}
    assert orjson.loads(respmodel.dumps(obj, case="camel")) == {
        "conversation_id": "c",
        "conversationId": "d",
    }


def test_structure_and_unstructure_take_case() -> None:
    """structure and unstructure read and write the camel form too."""
    obj = respmodel.structure({"conversationId": "c", "maxOutputTokens": 5}, case="camel")
    assert obj.conversation_id == "c"
    assert obj.max_output_tokens == 5
    assert respmodel.unstructure(obj) == {"conversation_id": "c", "max_output_tokens": 5}
    assert respmodel.unstructure(obj, case="camel") == {"conversationId": "c", "maxOutputTokens": 5}


def test_bad_case_is_a_value_error() -> None:
    """A case other than "snake" or "camel" is refused."""
    with pytest.raises(ValueError, match="case must be"):
        respmodel.loads(b"{}", case="kebab")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "decoded", "written"),
    [
        (b'{"conversation_id":"c","conversationId":"LOST"}', "snake", "camel"),
        (b'{"conversationId":"c","conversation_id":"LOST"}', "camel", "snake"),
        (b'{"usage":{"input_tokens":1,"inputTokens":2}}', "snake", "camel"),
        (b'{"statusDetails":null,"status_details":null}', "camel", "snake"),
    ],
)
def test_an_unknown_key_that_is_a_set_field_of_the_other_style_is_an_encode_error(
    text: bytes, decoded: str, written: str
) -> None:
    """Writing the other key style never drops or overwrites an unknown key: EncodeError says why.

    An explicit null counts as set: it writes its key too (the last row, found by fuzzing).
    """
    obj = respmodel.loads(text, case=decoded)  # type: ignore[arg-type]
    assert respmodel.dumps(obj, case=decoded) == text  # type: ignore[arg-type]
    with pytest.raises(respmodel.EncodeError, match=r"extra key '.*' is also the key of its field"):
        respmodel.dumps(obj, case=written)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "decoded", "written"),
    [
        (b'{"outputAudioFormat":5}', "snake", "camel"),
        (b'{"conversationId":"c"}', "snake", "camel"),
        (b'{"max_output_tokens":"x"}', "camel", "snake"),
    ],
)
def test_an_unknown_key_that_is_an_unset_field_of_the_other_style_goes_out_as_it_came(
    text: bytes, decoded: str, written: str
) -> None:
    """When the field it names is unset, the unknown key is written as it is, and read back the same."""
    obj = respmodel.loads(text, case=decoded)  # type: ignore[arg-type]
    out = respmodel.dumps(obj, case=written)  # type: ignore[arg-type]
    assert out == text
    back = respmodel.loads(out, case=written)  # type: ignore[arg-type]
    assert respmodel.dumps(back, case=written) == text  # type: ignore[arg-type]
