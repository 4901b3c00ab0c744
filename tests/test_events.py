"""Server events: typed events for the resource, generic events for the rest, lossless both ways."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import orjson
import pytest

import respmodel
from respmodel._events import TYPED_EVENTS
from tests.conftest import DATA

ITEM = {
    "id": "item_1",
    "object": "realtime.item",
    "type": "message",
    "status": "completed",
    "role": "assistant",
    "content": [{"type": "text", "text": "Hi"}],
}
PART = {"type": "audio", "transcript": "Hi"}
RESPONSE = {
    "id": "resp_1",
    "object": "realtime.response",
    "status": "completed",
    "output": [ITEM],
    "usage": {"total_tokens": 3, "input_tokens": 1, "output_tokens": 2},
}

TYPED = [
    (
        "response.created",
        respmodel.ResponseCreatedEvent,
        {"response": {"id": "resp_1", "status": "in_progress", "output": []}},
    ),
    ("response.done", respmodel.ResponseDoneEvent, {"response": RESPONSE}),
    (
        "response.output_item.added",
        respmodel.ResponseOutputItemAddedEvent,
        {"response_id": "resp_1", "output_index": 0, "item": ITEM},
    ),
    (
        "response.output_item.done",
        respmodel.ResponseOutputItemDoneEvent,
        {"response_id": "resp_1", "output_index": 1, "item": ITEM},
    ),
    (
        "conversation.item.created",
        respmodel.ConversationItemCreatedEvent,
        {"previous_item_id": "item_0", "item": ITEM},
    ),
    (
        "conversation.item.added",
        respmodel.ConversationItemAddedEvent,
        {"previous_item_id": None, "item": ITEM},
    ),
    (
        "conversation.item.done",
        respmodel.ConversationItemDoneEvent,
        {"previous_item_id": "item_0", "item": ITEM},
    ),
    (
        "conversation.item.retrieved",
        respmodel.ConversationItemRetrievedEvent,
        {"item": ITEM},
    ),
    (
        "response.content_part.added",
        respmodel.ResponseContentPartAddedEvent,
        {
            "response_id": "resp_1",
            "item_id": "item_1",
            "output_index": 0,
            "content_index": 0,
            "part": PART,
        },
    ),
    (
        "response.content_part.done",
        respmodel.ResponseContentPartDoneEvent,
        {
            "response_id": "resp_1",
            "item_id": "item_1",
            "output_index": 0,
            "content_index": 2,
            "part": PART,
        },
    ),
    (
        "conversation.item.input_audio_transcription.completed",
        respmodel.InputAudioTranscriptionCompletedEvent,
        {
            "item_id": "item_1",
            "content_index": 0,
            "transcript": "Hello.",
            "usage": {
                "type": "tokens",
                "input_tokens": 14,
                "output_tokens": 3,
                "total_tokens": 17,
                "input_token_details": {"text_tokens": 0, "audio_tokens": 14},
            },
        },
    ),
]

GENERIC = [
    # beta spellings
    {
        "type": "response.text.delta",
        "event_id": "e1",
        "response_id": "r",
        "item_id": "i",
        "output_index": 0,
        "content_index": 0,
        "delta": "Hel",
    },
    {
        "type": "response.audio.delta",
        "event_id": "e2",
        "response_id": "r",
        "item_id": "i",
        "output_index": 0,
        "content_index": 0,
        "delta": "UklGRg==",
    },
    {"type": "response.audio_transcript.delta", "event_id": "e3", "delta": "Hel"},
    # GA spellings
    {"type": "response.output_text.delta", "event_id": "e4", "delta": "lo"},
    {"type": "response.output_audio.delta", "event_id": "e5", "delta": "AAAA"},
    {"type": "response.output_audio_transcript.delta", "event_id": "e6", "delta": "lo"},
    # others, flat and nested
    {"type": "input_audio_buffer.speech_started", "audio_start_ms": 120, "item_id": "i"},
    {
        "type": "rate_limits.updated",
        "event_id": "e7",
        "rate_limits": [{"name": "tokens", "limit": 100, "remaining": 9, "reset_seconds": 1.5}],
    },
    {
        "type": "session.created",
        "event_id": "e8",
        "session": {"id": "sess_1", "turn_detection": {"type": "server_vad"}, "tools": []},
    },
    {"type": "error", "event_id": "e9", "error": {"type": "invalid_request_error", "code": None}},
    {"type": "some.future_event", "event_id": "e10", "x_new": [1, None, {"a": True}]},
]


def corpus_events() -> list[tuple[str, Any]]:
    """(file name, JSON) of every server event in the real payloads."""
    out = []
    for path in sorted((DATA / "corpus").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        if "." in doc.get("type", ""):
            out.append((path.name, doc))
    return out


CORPUS = corpus_events()


def typed_json(tag: str, fields: dict[str, Any], event_id: bool = True) -> dict[str, Any]:
    return {"type": tag, **({"event_id": "event_1"} if event_id else {}), **fields}


def test_every_spec_event_type_has_a_class() -> None:
    """The typed events are those of docs/spec.md ("ServerEvent"), one class per type."""
    assert {cls.type for cls in TYPED_EVENTS} == {tag for tag, _, _ in TYPED}  # type: ignore[attr-defined]
    assert {cls for _, cls, _ in TYPED} == set(TYPED_EVENTS)


@pytest.mark.parametrize(("tag", "cls", "fields"), TYPED, ids=[t for t, _, _ in TYPED])
def test_typed_events_decode_to_their_class(
    tag: str, cls: type, fields: dict[str, Any], strict: bool, case: str
) -> None:
    """Each event type of the table decodes to its class, in every mode and key style."""
    data = typed_json(tag, fields)
    snake = respmodel.loads_event(orjson.dumps(data), strict=strict)
    camel = orjson.loads(respmodel.dumps(snake, case="camel"))
    event = respmodel.loads_event(
        orjson.dumps(data if case == "snake" else camel),
        case=case,
        strict=strict,  # type: ignore[arg-type]
    )
    assert type(event) is cls
    assert event.type == tag
    assert event.event_id == "event_1"
    assert event == snake


@pytest.mark.parametrize(("tag", "cls", "fields"), TYPED, ids=[t for t, _, _ in TYPED])
def test_typed_event_fields_are_modelled(tag: str, cls: type, fields: dict[str, Any]) -> None:
    """A typed event's fields hold respmodel objects: Response, OutputItem or ContentPart."""
    event = respmodel.loads_event(orjson.dumps(typed_json(tag, fields)))
    if "response" in fields:
        assert isinstance(event.response, respmodel.Response)
    if "item" in fields:
        assert event.item == respmodel.MessageItem(
            id="item_1",
            object="realtime.item",
            status="completed",
            role="assistant",
            content=(respmodel.TextPart(text="Hi"),),
        )
    if "part" in fields:
        assert event.part == respmodel.AudioPart(transcript="Hi")
    for key in ("response_id", "item_id", "output_index", "content_index", "previous_item_id"):
        if key in fields:
            assert getattr(event, key) == fields[key]


@pytest.mark.parametrize(("tag", "cls", "fields"), TYPED, ids=[t for t, _, _ in TYPED])
def test_typed_events_decode_without_event_id(tag: str, cls: type, fields: dict[str, Any]) -> None:
    """An event without event_id (Azure documentation style) decodes, strictly too, and re-encodes without it."""
    data = typed_json(tag, fields, event_id=False)
    event = respmodel.loads_event(orjson.dumps(data), strict=True)
    assert type(event) is cls
    assert event.event_id is None
    assert orjson.loads(respmodel.dumps(event)) == data


@pytest.mark.parametrize(("tag", "cls", "fields"), TYPED, ids=[t for t, _, _ in TYPED])
def test_typed_events_built_by_constructors_encode_their_tag(
    tag: str, cls: type, fields: dict[str, Any]
) -> None:
    """A typed event rebuilt field by field encodes its own type and the same JSON."""
    decoded = respmodel.loads_event(orjson.dumps(typed_json(tag, fields)))
    rebuilt = attrs.evolve(decoded)  # a new object: no retained JSON
    assert rebuilt._src is None
    assert orjson.loads(respmodel.dumps(rebuilt)) == typed_json(tag, fields)


def test_typed_event_keys_are_camelized() -> None:
    """In the camelCase form the event's own keys are camelized; its type is not."""
    row = {tag: (tag, fields) for tag, _, fields in TYPED}
    event = respmodel.loads_event(orjson.dumps(typed_json(*row["response.content_part.added"])))
    camel = orjson.loads(respmodel.dumps(event, case="camel"))
    assert set(camel) == {
        "type",
        "eventId",
        "responseId",
        "itemId",
        "outputIndex",
        "contentIndex",
        "part",
    }
    assert camel["type"] == "response.content_part.added"
    event = respmodel.loads_event(orjson.dumps(typed_json(*row["conversation.item.created"])))
    assert "previousItemId" in orjson.loads(respmodel.dumps(event, case="camel"))


@pytest.mark.parametrize("data", GENERIC, ids=[d["type"] for d in GENERIC])
def test_other_event_types_are_generic(data: dict[str, Any], strict: bool) -> None:
    """Every other type, beta and GA spellings alike, is a GenericEvent keeping type and fields (strict too)."""
    event = respmodel.loads_event(orjson.dumps(data), strict=strict)
    assert type(event) is respmodel.GenericEvent
    assert event.type == data["type"]
    assert event.event_id == data.get("event_id")
    assert orjson.loads(orjson.dumps(event.data)) == data


@pytest.mark.parametrize("data", GENERIC, ids=[d["type"] for d in GENERIC])
def test_generic_events_encode_untouched_in_both_key_styles(
    data: dict[str, Any], case: str
) -> None:
    """A generic event encodes to the JSON it was decoded from; camelCase renames nothing in it."""
    raw = orjson.dumps(data)
    event = respmodel.loads_event(raw, case=case)  # type: ignore[arg-type]
    assert respmodel.dumps(event, case="snake") == raw
    assert respmodel.dumps(event, case="camel") == raw


def test_generic_event_without_event_id() -> None:
    """A generic event without event_id decodes; its event_id is None."""
    event = respmodel.loads_event(b'{"type": "response.audio.delta", "delta": "AA=="}')
    assert event.event_id is None
    assert event.type == "response.audio.delta"


def test_generic_event_data_is_read_only_and_deeply_frozen() -> None:
    """A generic event's data is a read-only mapping; nested arrays are tuples."""
    event = respmodel.loads_event(orjson.dumps(GENERIC[7]))
    assert isinstance(event.data, respmodel.FrozenDict)
    with pytest.raises(TypeError):
        event.data["type"] = "x"  # type: ignore[index]
    assert isinstance(event.data["rate_limits"], tuple)
    assert isinstance(event.data["rate_limits"][0], respmodel.FrozenDict)


def test_generic_event_is_a_value() -> None:
    """Generic events compare, hash, copy and pickle by their data, decoded or constructed."""
    data = GENERIC[8]
    decoded = respmodel.loads_event(orjson.dumps(data))
    made = respmodel.GenericEvent(data)
    assert decoded == made
    assert hash(decoded) == hash(made)
    assert pickle.loads(pickle.dumps(decoded)) == decoded
    assert copy.deepcopy(decoded) == decoded
    assert respmodel.GenericEvent({**data, "event_id": "other"}) != decoded
    assert respmodel.dumps(made) == orjson.dumps(data)


def test_generic_event_is_unknown_to_the_model() -> None:
    """GenericEvent is the ServerEvent union's Unknown: it keeps the whole object."""
    assert issubclass(respmodel.GenericEvent, respmodel.Unknown)


def test_decoding_a_generic_event_finishes_it() -> None:
    """A decoded generic event holds its frozen data at once and encodes the JSON it kept."""
    raw = orjson.dumps(GENERIC[1])
    event = respmodel.loads_event(raw)
    data_slot = respmodel.Unknown.__dict__["data"]
    assert data_slot.__get__(event) == GENERIC[1]  # set by the decoder, not on first read
    assert isinstance(event.data, respmodel.FrozenDict)
    assert event.type == "response.audio.delta"
    assert event.event_id == "e2"
    assert respmodel.dumps(event) == raw


def test_object_without_type_is_generic_leniently() -> None:
    """An object with no type is a GenericEvent (type None) when decoding leniently."""
    event = respmodel.loads_event(b'{"event_id": "e", "x": 1}')
    assert type(event) is respmodel.GenericEvent
    assert event.type is None


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (b"not json", "$", "invalid JSON: "),  # orjson's own words follow, which vary by version
        (b"", "$", "invalid JSON: "),
        (b'{"type": "response.done"', "$", "invalid JSON: "),
        (b"[1]", "$", "expected object, got array of 1"),
        (b'"response.done"', "$", 'expected object, got string "response.done"'),
        (b'{"type": 5}', "$.type", "expected a string, got number 5"),
        (
            b'{"type": "response.done", "response": []}',
            "$.response",
            "expected object, got array of 0",
        ),
        (
            b'{"type": "response.done", "event_id": 7}',
            "$.event_id",
            "expected string, got number 7",
        ),
        (
            b'{"type": "response.output_item.added", "output_index": "0"}',
            "$.output_index",
            'expected integer, got string "0"',
        ),
        (
            b'{"type": "response.done", "response": {"usage": {"input_tokens": "12"}}}',
            "$.response.usage.input_tokens",
            'expected integer, got string "12"',
        ),
        (
            b'{"type": "response.content_part.added", "part": {"type": "text", "text": 1}}',
            "$.part.text",
            "expected string, got number 1",
        ),
        (
            b'{"type": "conversation.item.created", "item": {"type": "message", "content": {}}}',
            "$.item.content",
            "expected array, got object",
        ),
    ],
)
def test_bad_events_raise_decode_error_with_path(
    data: bytes, path: str, message: str, strict: bool
) -> None:
    """Bad input is a DecodeError naming where and what; leniently, below the top it is salvaged."""
    if strict or path in ("$", "$.type"):
        with pytest.raises(respmodel.DecodeError) as info:
            respmodel.loads_event(data, strict=strict)
        problem = info.value.errors[0]
    else:
        event = respmodel.loads_event(data)
        (problem,) = event.problems
        assert respmodel.dumps(event) == orjson.dumps(orjson.loads(data))
    assert problem.path == path
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (b"{}", "$", 'missing tag "type": expected a string'),
        (b'{"type": null}', "$.type", "expected a string, got null"),
        (b'{"type": "response.done", "x_new": 1}', "$.x_new", "unknown field"),
        (
            b'{"type": "response.done", "response": {"status": "paused"}}',
            "$.response.status",
            'expected one of "completed"',
        ),
        (
            b'{"type": "response.output_item.done", "item": {"type": "reasoning"}}',
            "$.item.type",
            'unknown tag: expected one of "message"',
        ),
        (
            b'{"type": "conversation.item.added", "previousItemId": "i"}',
            "$.previousItemId",
            "unknown field",
        ),
    ],
)
def test_strict_reports_deviations_in_typed_events(data: bytes, path: str, message: str) -> None:
    """Strict decoding reports what lenient decoding keeps, with its JSON path."""
    respmodel.loads_event(data)  # lenient: fine
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads_event(data, strict=True)
    assert info.value.path == path
    assert info.value.message.startswith(message)


def test_lenient_typed_event_keeps_unknown_keys_and_tags() -> None:
    """Leniently, unknown keys land in .extra and an unknown item tag is an UnknownItem."""
    data = {
        "type": "response.output_item.done",
        "x_new": 1,
        "item": {"type": "reasoning", "id": "i"},
    }
    event = respmodel.loads_event(orjson.dumps(data))
    assert event.extra == {"x_new": 1}
    assert isinstance(event.item, respmodel.UnknownItem)
    assert orjson.loads(respmodel.dumps(event)) == data


@pytest.mark.parametrize(
    "data",
    [
        b'{"type": "x.y", "a": 1}',
        '{"type": "x.y", "a": 1}',
        bytearray(b'{"type": "x.y", "a": 1}'),
        memoryview(b'{"type": "x.y", "a": 1}'),
    ],
)
def test_accepts_bytes_str_bytearray_memoryview(data: Any) -> None:
    """loads_event takes bytes, str, bytearray and memoryview."""
    assert respmodel.loads_event(data).data == {"type": "x.y", "a": 1}


def test_bad_case_is_a_value_error() -> None:
    """An unknown key style is refused."""
    with pytest.raises(ValueError, match="case must be"):
        respmodel.loads_event(b"{}", case="kebab")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data", [typed_json(*TYPED[1][::2]), GENERIC[3], {"x": 1}], ids=["typed", "generic", "untagged"]
)
def test_server_event_union_decodes_like_loads_event(data: dict[str, Any]) -> None:
    """loads and structure with the ServerEvent union give what loads_event gives."""
    expected = respmodel.loads_event(orjson.dumps(data))
    assert respmodel.loads(orjson.dumps(data), respmodel.ServerEvent) == expected
    assert respmodel.structure(data, respmodel.ServerEvent) == expected


def test_server_event_union_is_open_in_strict_mode() -> None:
    """Through the union too, an event type not modelled is generic when decoding strictly."""
    data = b'{"type": "response.output_audio.delta", "delta": ""}'
    event = respmodel.loads(data, respmodel.ServerEvent, strict=True)
    assert type(event) is respmodel.GenericEvent


def test_events_inside_a_cattrs_converter() -> None:
    """A cattrs converter configured for respmodel structures events into user classes."""

    @attrs.frozen
    class Logged:
        at: float
        event: respmodel.ServerEvent

    conv = respmodel.make_converter()
    logged = conv.structure({"at": 1.5, "event": typed_json(*TYPED[1][::2])}, Logged)
    assert type(logged.event) is respmodel.ResponseDoneEvent
    assert conv.unstructure(logged)["event"] == typed_json(*TYPED[1][::2])


@pytest.mark.parametrize(("name", "data"), CORPUS, ids=[n for n, _ in CORPUS])
def test_corpus_events_round_trip_in_snake(name: str, data: dict[str, Any]) -> None:
    """Every real event decodes to its typed class and re-encodes to the same JSON."""
    event = respmodel.loads_event(orjson.dumps(data))
    assert type(event) is not respmodel.GenericEvent
    assert orjson.loads(respmodel.dumps(event)) == data


@pytest.mark.parametrize(("name", "data"), CORPUS, ids=[n for n, _ in CORPUS])
def test_corpus_events_round_trip_in_camel(name: str, data: dict[str, Any]) -> None:
    """snake -> camel -> object -> camel gives the same JSON; the object equals the snake one."""
    snake = respmodel.loads_event(orjson.dumps(data))
    camel_json = respmodel.dumps(snake, case="camel")
    camel = respmodel.loads_event(camel_json, case="camel")
    assert camel == snake
    assert respmodel.dumps(camel, case="camel") == camel_json
    assert orjson.loads(respmodel.dumps(camel, case="snake")) == data


@pytest.mark.parametrize(("name", "data"), CORPUS, ids=[n for n, _ in CORPUS])
def test_corpus_events_pickle(name: str, data: dict[str, Any]) -> None:
    """Decoded real events survive pickling (what Dask, Ray and Spark do to them)."""
    event = respmodel.loads_event(orjson.dumps(data))
    assert pickle.loads(pickle.dumps(event)) == event
