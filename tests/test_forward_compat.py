"""Forward compatibility from the API's history: every shape decodes, nothing is lost.

The Realtime response went from the OpenAI beta shape to the GA shape, with
Azure VoiceLive's additions alongside.  Each shape, and a response
mixing them, decodes in both modes; what a future server may send (new item,
part, voice and audio-format types, new enum values, new fields, objects
without the fields an SDK calls required, tagged objects without their tag)
decodes leniently and comes back unchanged in both key styles, while strict
decoding names every deviation by its path.
"""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

import respmodel
from respmodel._frozen import freeze

BETA = {
    "object": "realtime.response",
    "id": "resp_beta",
    "status": "completed",
    "status_details": None,
    "conversation_id": "conv_1",
    "modalities": ["text", "audio"],
    "voice": "alloy",
    "output_audio_format": "pcm16",
    "temperature": 0.8,
    "max_output_tokens": "inf",
    "metadata": None,
    "output": [
        {
            "id": "item_1",
            "object": "realtime.item",
            "type": "message",
            "status": "completed",
            "role": "assistant",
            "content": [
                {"type": "audio", "transcript": "Hello."},
                {"type": "text", "text": "Hello."},
            ],
        },
        {
            "id": "item_2",
            "object": "realtime.item",
            "type": "function_call",
            "status": "completed",
            "name": "get_weather",
            "call_id": "call_1",
            "arguments": '{"city": "Paris"}',
        },
        {
            "id": "item_3",
            "object": "realtime.item",
            "type": "message",
            "role": "user",
            "content": [
                {"type": "input_audio", "transcript": None},
                {"type": "item_reference", "id": "item_0"},
            ],
        },
    ],
    "usage": {
        "total_tokens": 30,
        "input_tokens": 10,
        "output_tokens": 20,
        "input_token_details": {
            "text_tokens": 4,
            "audio_tokens": 6,
            "cached_tokens": 0,
            "cached_tokens_details": {"text_tokens": 0, "audio_tokens": 0},
        },
        "output_token_details": {"text_tokens": 5, "audio_tokens": 15},
    },
}
GA = {
    "object": "realtime.response",
    "id": "resp_ga",
    "status": "in_progress",
    "status_details": None,
    "conversation_id": None,
    "output_modalities": ["audio"],
    "audio": {"output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "marin"}},
    "max_output_tokens": 4096,
    "metadata": {"topic": "weather"},
    "output": [
        {
            "id": "item_4",
            "object": "realtime.item",
            "type": "message",
            "status": "in_progress",
            "role": "assistant",
            "content": [
                {"type": "output_audio", "transcript": "Hi"},
                {"type": "output_text", "text": "Hi"},
            ],
        },
        {
            "id": "item_5",
            "type": "message",
            "role": "user",
            "content": [
                {"type": "input_text", "text": "hi"},
                {
                    "type": "input_image",
                    "image_url": "data:image/png;base64,AAAA",
                    "detail": "auto",
                },
            ],
        },
        {
            "id": "item_6",
            "type": "mcp_call",
            "name": "search",
            "arguments": "{}",
            "server_label": "docs",
            "approval_request_id": None,
            "output": None,
            "error": {"type": "protocol_error", "code": -32600, "message": "Invalid Request"},
        },
        {
            "id": "item_7",
            "type": "mcp_list_tools",
            "server_label": "docs",
            "tools": [
                {
                    "name": "search",
                    "description": None,
                    "input_schema": {
                        "type": "object",
                        "properties": {"query_text": {"type": "string"}},
                    },
                    "annotations": {"read_only_hint": True},
                }
            ],
        },
        {
            "id": "item_8",
            "type": "mcp_approval_request",
            "name": "delete",
            "arguments": "{}",
            "server_label": "docs",
        },
        {
            "id": "item_9",
            "type": "mcp_approval_response",
            "approval_request_id": "item_8",
            "approve": False,
            "reason": "not allowed",
        },
        {
            "id": "item_10",
            "type": "function_call_output",
            "call_id": "call_1",
            "output": '{"ok": true}',
        },
    ],
    "usage": {
        "total_tokens": 5,
        "input_tokens": 2,
        "output_tokens": 3,
        "input_token_details": {
            "text_tokens": 1,
            "audio_tokens": 0,
            "image_tokens": 1,
            "cached_tokens": 0,
            "cached_tokens_details": {"text_tokens": 0, "audio_tokens": 0, "image_tokens": 0},
        },
        "output_token_details": {"text_tokens": 1, "audio_tokens": 2},
    },
}
AZURE = {
    "object": "realtime.response",
    "id": "resp_azure",
    "status": "incomplete",
    "status_details": {"type": "incomplete", "reason": "max_output_tokens"},
    "conversation_id": "conv_2",
    "modalities": ["text", "audio", "avatar", "animation"],
    "voice": {
        "type": "azure-standard",
        "name": "en-US-AvaNeural",
        "temperature": 0.9,
        "prefer_locales": ["en-US", "fr-FR"],
        "locale": "en-US",
        "style": "cheerful",
        "pitch": "+5%",
        "rate": "1.1",
        "volume": "loud",
        "custom_lexicon_url": "https://x",
    },
    "output_audio_format": "pcm16_8000hz",
    "temperature": 0.6,
    "max_output_tokens": 100,
    "output": [
        {"id": "item_11", "type": "web_search_call", "status": "completed"},
        {
            "id": "item_12",
            "type": "file_search_call",
            "status": "completed",
            "queries": ["q"],
            "results": [
                {
                    "file_id": "f_1",
                    "filename": "a.pdf",
                    "score": 0.5,
                    "text": "t",
                    "attributes": {"page": 3, "tags": ["x"]},
                }
            ],
        },
        {
            "id": "item_13",
            "type": "message",
            "role": "assistant",
            "content": [{"type": "text", "text": "Bonjour"}],
        },
    ],
    "usage": {
        "total_tokens": 0,
        "input_tokens": 0,
        "output_tokens": 0,
        "input_token_details": {"cached_tokens": 0, "text_tokens": 0, "audio_tokens": 0},
        "output_token_details": {"text_tokens": 0, "audio_tokens": 0, "reasoning_tokens": 0},
    },
}
MIXED = {
    **BETA,
    **{k: v for k, v in GA.items() if k in ("output_modalities", "audio")},
    "id": "resp_mixed",
    "voice": {"type": "azure-personal", "name": "p", "model": "PhoenixV2Neural"},
    "output": [*BETA["output"], *GA["output"], *AZURE["output"]],
    "status_details": {
        "type": "failed",
        "error": {"type": "server_error", "code": None, "message": "m"},
    },
}
SHAPES = {"beta": BETA, "ga": GA, "azure": AZURE, "mixed": MIXED}


def camel_form(data: Any, tp: Any = respmodel.Response) -> Any:
    """The camelCase form of wire JSON, as respmodel writes it."""
    return orjson.loads(respmodel.dumps(respmodel.loads(orjson.dumps(data), tp), case="camel"))


def round_trip(data: Any, tp: Any, case: str, strict: bool = False) -> Any:
    obj = respmodel.loads(orjson.dumps(data), tp, case=case, strict=strict)
    assert orjson.loads(respmodel.dumps(obj, case=case)) == data
    return obj


def strict_paths(data: Any, tp: Any, case: str) -> set[str]:
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(orjson.dumps(data), tp, case=case, strict=True)
    paths = [e.path for e in info.value.errors]
    assert len(paths) == len(set(paths))
    return set(paths)


def in_case(data: Any, case: str, tp: Any = respmodel.Response) -> Any:
    return camel_form(data, tp) if case == "camel" else data


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_api_shape_decodes_in_both_modes_and_round_trips(
    shape: str, case: str, strict: bool
) -> None:
    """Beta, GA, Azure and mixed responses decode (strictly too) and re-encode unchanged."""
    round_trip(in_case(SHAPES[shape], case), respmodel.Response, case, strict)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_api_shape_converts_between_key_styles(shape: str) -> None:
    """snake -> object -> camel -> object gives an equal object, and the same snake JSON back."""
    obj = respmodel.loads(orjson.dumps(SHAPES[shape]))
    again = respmodel.loads(respmodel.dumps(obj, case="camel"), case="camel")
    assert again == obj
    assert orjson.loads(respmodel.dumps(again)) == SHAPES[shape]


FUTURE_TAGS = [
    (
        "item",
        respmodel.OutputItem,
        respmodel.UnknownItem,
        {
            "type": "image_generation_call",
            "id": "ig_1",
            "status": "generating",
            "result": None,
            "output_format": "png",
            "size": {"w": 1, "h": 1},
        },
    ),
    (
        "item",
        respmodel.OutputItem,
        respmodel.UnknownItem,
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "t"}]},
    ),
    (
        "part",
        respmodel.ContentPart,
        respmodel.UnknownPart,
        {"type": "input_video", "video_url": "https://v", "frame_rate": 30},
    ),
    (
        "voice",
        respmodel.Voice,
        respmodel.UnknownVoice,
        {"type": "elevenlabs", "voice_id": "v", "stability": 0.5},
    ),
    (
        "voice",
        respmodel.Voice,
        respmodel.UnknownVoice,
        {"type": "azure-neural-hd", "name": "en-US-Ava:DragonHDLatestNeural", "temperature": 0.7},
    ),
    (
        "format",
        respmodel.AudioFormat,
        respmodel.UnknownAudioFormat,
        {"type": "audio/opus", "rate": 48000, "bitrate": 32000},
    ),
    (
        "mcp error",
        respmodel.McpError,
        respmodel.UnknownMcpError,
        {"type": "timeout_error", "message": "took too long", "after_ms": 30000},
    ),
]
WHERE = {
    "item": lambda v: {"output": [v]},
    "part": lambda v: {"output": [{"type": "message", "content": [v]}]},
    "voice": lambda v: {"audio": {"output": {"voice": v}}, "voice": v},
    "format": lambda v: {"audio": {"output": {"format": v}}},
    "mcp error": lambda v: {"output": [{"type": "mcp_call", "error": v}]},
}
TAG_PATHS = {
    "item": {"$.output[0].type"},
    "part": {"$.output[0].content[0].type"},
    "voice": {"$.audio.output.voice.type", "$.voice.type"},
    "format": {"$.audio.output.format.type"},
    "mcp error": {"$.output[0].error.type"},
}


@pytest.mark.parametrize(
    ("where", "union", "unknown", "data"),
    FUTURE_TAGS,
    ids=[f"{w}:{d['type']}" for w, _, _, d in FUTURE_TAGS],
)
def test_unknown_future_types_are_kept_whole(
    where: str, union: Any, unknown: type, data: Any, case: str
) -> None:
    """A future item, part, voice, audio format or MCP error decodes to Unknown* and comes back as it was."""
    obj = round_trip(data, union, case)  # opaque: its keys are never renamed
    assert type(obj) is unknown
    assert obj.type == data["type"]
    assert obj.data == freeze(data)
    response = WHERE[where](data)
    round_trip(in_case(response, case), respmodel.Response, case)
    assert strict_paths(in_case(response, case), respmodel.Response, case) == TAG_PATHS[where]


NEW_VALUES = {
    "status": "paused",
    "status_details": {"type": "paused", "reason": "safety_violation"},
    "modalities": ["text", "video"],
    "output_modalities": ["audio", "video"],
    "output_audio_format": "opus",
    "voice": {"type": "azure-personal", "name": "p", "model": "PhoenixV3Neural"},
    "output": [
        {
            "type": "message",
            "status": "queued",
            "role": "developer",
            "content": [{"type": "input_image", "detail": "ultra"}],
        }
    ],
}
NEW_VALUE_PATHS = {
    "$.status",
    "$.status_details.type",
    "$.status_details.reason",
    "$.modalities[1]",
    "$.output_modalities[1]",
    "$.output_audio_format",
    "$.voice.model",
    "$.output[0].status",
    "$.output[0].role",
    "$.output[0].content[0].detail",
}


def _camel_path(path: str) -> str:
    from respmodel._naming import camelize

    return ".".join(camelize(part) for part in path.split("."))


def test_new_enum_values_are_kept_as_strings(case: str) -> None:
    """Enum values a future server adds are kept as the strings received, in both key styles."""
    data = in_case(NEW_VALUES, case)
    obj = round_trip(data, respmodel.Response, case)
    assert obj.status == "paused"
    assert obj.modalities == ("text", "video")
    assert obj.output[0].role == "developer"
    assert obj.voice.model == "PhoenixV3Neural"
    expected = NEW_VALUE_PATHS if case == "snake" else {_camel_path(p) for p in NEW_VALUE_PATHS}
    assert strict_paths(data, respmodel.Response, case) == expected


def with_new_fields(data: Any, path: str = "$") -> tuple[Any, set[str]]:
    """Every modelled object in ``data`` with a new field added, and the paths of those fields.

    Opaque JSON (schemas, annotations, attributes, metadata) is left alone:
    new keys there are data, not fields.
    """
    opaque = {"input_schema", "inputSchema", "annotations", "attributes", "metadata"}
    if isinstance(data, list):
        out, paths = [], set()
        for i, v in enumerate(data):
            new, more = with_new_fields(v, f"{path}[{i}]")
            out.append(new)
            paths |= more
        return out, paths
    if isinstance(data, dict):
        out = {}
        paths = {f"{path}.added_later"}
        for k, v in data.items():
            if k in opaque:
                out[k] = v
                continue
            out[k], more = with_new_fields(v, f"{path}.{k}")
            paths |= more
        out["added_later"] = {"nested": [1, {"deep": None}]}
        return out, paths
    return data, set()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_new_fields_at_every_level_are_kept(shape: str, case: str) -> None:
    """A new field on every object of every shape is kept in .extra and written back."""
    data, paths = with_new_fields(in_case(SHAPES[shape], case))
    round_trip(data, respmodel.Response, case)
    assert strict_paths(data, respmodel.Response, case) == paths


def bare(data: Any) -> Any:
    """Each object reduced to its tag (or to nothing): every field an SDK calls required is gone."""
    if isinstance(data, list):
        return [bare(v) for v in data]
    if isinstance(data, dict):
        out = (
            {"type": data["type"]} if isinstance(data.get("type"), str) and data.get("type") else {}
        )
        for key in (
            "output",
            "content",
            "tools",
            "results",
            "usage",
            "audio",
            "status_details",
            "statusDetails",
            "input_token_details",
            "inputTokenDetails",
            "output_token_details",
            "outputTokenDetails",
            "cached_tokens_details",
            "cachedTokensDetails",
            "error",
            "format",
            "voice",
        ):
            if isinstance(data.get(key), (dict, list)):
                out[key] = bare(data[key])
        return out
    return data


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_objects_missing_every_required_field_decode_in_both_modes(
    shape: str, case: str, strict: bool
) -> None:
    """Objects with nothing but their tag, at every level, decode (strictly too) and round-trip."""
    data = bare(in_case(SHAPES[shape], case))
    assert data["output"]
    assert all(
        set(item) <= {"type", "content", "tools", "results", "error"} for item in data["output"]
    )
    obj = round_trip(data, respmodel.Response, case, strict)
    assert obj.id is None
    assert all(getattr(item, "id", None) is None for item in obj.output)


UNTAGGED = [
    ("item", respmodel.UnknownItem, {"id": "item_1", "role": "user", "content": []}),
    ("part", respmodel.UnknownPart, {"text": "hello"}),
    ("voice", respmodel.UnknownVoice, {"name": "en-US-AvaNeural", "temperature": 0.8}),
    ("format", respmodel.UnknownAudioFormat, {"rate": 24000}),
    ("mcp error", respmodel.UnknownMcpError, {"code": 500, "message": "m"}),
]
UNTAGGED_PATHS = {
    "item": {"$.output[0]"},
    "part": {"$.output[0].content[0]"},
    "voice": {"$.audio.output.voice", "$.voice"},
    "format": {"$.audio.output.format"},
    "mcp error": set(),  # docs/spec.md, McpError: valid without a tag, in strict mode too
}


@pytest.mark.parametrize(("where", "unknown", "data"), UNTAGGED, ids=[w for w, _, _ in UNTAGGED])
def test_tagged_objects_without_their_tag_are_kept_whole(
    where: str, unknown: type, data: Any, case: str
) -> None:
    """An item, part, voice, format or MCP error without "type" is kept whole, and strict says where."""
    response = WHERE[where](data)
    obj = round_trip(in_case(response, case), respmodel.Response, case)
    found = {
        "item": lambda: obj.output[0],
        "part": lambda: obj.output[0].content[0],
        "voice": lambda: obj.audio.output.voice,
        "format": lambda: obj.audio.output.format,
        "mcp error": lambda: obj.output[0].error,
    }[where]()
    assert type(found) is unknown
    assert found.data == freeze(data)
    assert found.type is None
    if UNTAGGED_PATHS[where]:
        assert (
            strict_paths(in_case(response, case), respmodel.Response, case) == UNTAGGED_PATHS[where]
        )
    else:
        strict = respmodel.loads(orjson.dumps(in_case(response, case)), case=case, strict=True)
        assert strict == obj


def test_a_response_from_the_future_keeps_everything(case: str) -> None:
    """All of the above at once: decoded leniently, written back unchanged; strict lists every path."""
    future = copy.deepcopy(MIXED)
    future["status"] = "paused"
    future["output"] += [d for w, _, _, d in FUTURE_TAGS if w == "item"]
    future["output"].append({"id": "item_x", "role": "user"})
    future["audio"] = {
        "output": {"format": {"type": "audio/opus"}, "voice": {"type": "elevenlabs"}}
    }
    data, new_paths = with_new_fields(in_case(future, case))
    round_trip(data, respmodel.Response, case)
    n = len(MIXED["output"])
    expected = new_paths | {
        "$.status",
        f"$.output[{n}].type",
        f"$.output[{n + 1}].type",
        f"$.output[{n + 2}]",
        "$.audio.output.format.type",
        "$.audio.output.voice.type",
    }
    # Unknown items are kept whole: the new fields added inside them are theirs, not reported.
    expected = {
        p
        for p in expected
        if not any(
            p.startswith(f"$.output[{i}].") and p != f"$.output[{i}].type" for i in range(n, n + 3)
        )
    }
    expected = {
        p
        for p in expected
        if not p.startswith(("$.audio.output.format.", "$.audio.output.voice."))
        or p.endswith(".type")
    }
    assert strict_paths(data, respmodel.Response, case) == expected
