"""What the newest SDKs declare and respmodel once lacked: each shape decodes strictly, losslessly."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

import respmodel

# Payloads shaped like the SDKs' own examples (azure-ai-voicelive 1.3.1, openai 3.57.0);
# docs/spec.md lists each shape (Voice, WebSearchCallItem, FileSearchCallItem, McpError).
AVATAR_VOICE = {
    "type": "avatar-voice-sync",
    "model": "DragonHDLatestNeural",
    "temperature": 0.7,
    "locale": "en-US",
    "prefer_locales": ["en-US", "fr-FR"],
    "style": "cheerful",
    "pitch": "+5%",
    "rate": "1.1",
    "volume": "default",
}

CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "web search searching",
        {"output": [{"type": "web_search_call", "id": "ws_1", "status": "searching"}]},
    ),
    (
        "web search failed",
        {"output": [{"type": "web_search_call", "id": "ws_1", "status": "failed"}]},
    ),
    (
        "file search failed",
        {
            "output": [
                {"type": "file_search_call", "id": "fs_1", "status": "failed", "queries": ["q"]}
            ]
        },
    ),
    ("avatar voice", {"voice": AVATAR_VOICE}),
    (
        "personal voice DragonHDOmniLatestNeural",
        {"voice": {"type": "azure-personal", "name": "p", "model": "DragonHDOmniLatestNeural"}},
    ),
    (
        "personal voice MAI-Voice-1",
        {"voice": {"type": "azure-personal", "name": "p", "model": "MAI-Voice-1"}},
    ),
    (
        "MCP error without a tag",
        {
            "output": [
                {
                    "type": "mcp_call",
                    "id": "mcp_1",
                    "name": "lookup",
                    "server_label": "crm",
                    "arguments": "{}",
                    "error": {"message": "upstream timed out", "code": "timeout"},
                }
            ]
        },
    ),
]


@pytest.mark.parametrize(("label", "data"), CASES, ids=[c[0] for c in CASES])
def test_decodes_strictly_and_encodes_back_the_same(label: str, data: dict[str, Any]) -> None:
    """Strict decoding accepts the shape, in both key styles, and dumps gives the input back."""
    payload = orjson.dumps(data)
    obj = respmodel.loads(payload, strict=True)
    assert respmodel.dumps(obj) == payload
    camel = respmodel.dumps(obj, case="camel")
    assert respmodel.loads(camel, strict=True, case="camel") == obj


def test_avatar_voice_is_typed() -> None:
    """The avatar voice is its own class, with the Azure voice settings and no name."""
    voice = respmodel.loads(orjson.dumps({"voice": AVATAR_VOICE}), strict=True).voice
    assert isinstance(voice, respmodel.AzureAvatarVoiceSync)
    assert (voice.model, voice.prefer_locales, voice.rate) == (
        "DragonHDLatestNeural",
        ("en-US", "fr-FR"),
        "1.1",
    )
    assert not hasattr(voice, "name")


def test_untagged_mcp_error_is_kept_whole() -> None:
    """An MCP error without a tag is an UnknownMcpError holding the whole object, in every mode."""
    for strict in (False, True):
        item = respmodel.loads(orjson.dumps(CASES[-1][1]), strict=strict).output[0]
        assert isinstance(item.error, respmodel.UnknownMcpError)
        assert item.error.data == {"message": "upstream timed out", "code": "timeout"}


def test_an_mcp_error_with_an_unknown_tag_is_still_strict() -> None:
    """Only the missing tag is allowed: an unknown tag is reported in strict mode."""
    data = {"output": [{"type": "mcp_call", "error": {"type": "future_error", "message": "x"}}]}
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(orjson.dumps(data), strict=True)
    assert info.value.path == "$.output[0].error.type"


def test_conversation_item_retrieved_is_typed() -> None:
    """conversation.item.retrieved carries a typed item (beta, GA and Azure all send it)."""
    data = {
        "type": "conversation.item.retrieved",
        "event_id": "event_1",
        "item": {
            "id": "item_1",
            "object": "realtime.item",
            "type": "message",
            "status": "completed",
            "role": "user",
            "content": [{"type": "input_audio", "transcript": "hello", "audio": "AAAA"}],
        },
    }
    event = respmodel.loads_event(orjson.dumps(data), strict=True)
    assert isinstance(event, respmodel.ConversationItemRetrievedEvent)
    assert isinstance(event.item, respmodel.MessageItem)
    assert respmodel.dumps(event) == orjson.dumps(data)
