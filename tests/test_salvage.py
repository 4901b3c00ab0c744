"""Salvage: one known field of the wrong JSON type costs that field, never the whole object.

Each row of the table is a payload with one such field, at every level of the
resource (response, usage, items, parts, voices, MCP errors, events).  Leniently
it decodes, the field reads ``None``, the problem is on the object with the
message strict decoding gives, and ``dumps`` gives back the bytes received;
strictly it is that one error.  The messages are written out here, not taken
from the code.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import orjson
import pytest

import respmodel

R = respmodel.Response
EVENT = "event"

# (type or EVENT, JSON text, path, message, the attribute path that reads None)
TABLE: list[tuple[Any, bytes, str, str, str]] = [
    # The response itself.
    (
        R,
        b'{"id":"r","status":"incomplete","status_details":"incomplete"}',
        "$.status_details",
        'expected object, got string "incomplete"',
        "status_details",
    ),
    (R, b'{"id":"r","output":"x"}', "$.output", 'expected array, got string "x"', "output"),
    (
        R,
        b'{"output":[5,{"type":"message","id":"m"}]}',
        "$.output[0]",
        "expected object, got number 5",
        "output",
    ),
    (R, b'{"voice":5}', "$.voice", "expected string or object, got number 5", "voice"),
    (
        R,
        b'{"temperature":"hot"}',
        "$.temperature",
        'expected number, got string "hot"',
        "temperature",
    ),
    (R, b'{"metadata":{"k":1}}', "$.metadata.k", "expected string, got number 1", "metadata"),
    (
        R,
        b'{"modalities":"text"}',
        "$.modalities",
        'expected array, got string "text"',
        "modalities",
    ),
    (
        R,
        b'{"max_output_tokens":2.5}',
        "$.max_output_tokens",
        'expected a non-negative integer or "inf", got number 2.5',
        "max_output_tokens",
    ),
    (
        R,
        b'{"status_details":{"type":"failed","error":"boom"}}',
        "$.status_details.error",
        'expected object, got string "boom"',
        "status_details.error",
    ),
    # Usage and its details.
    (
        R,
        b'{"usage":{"total_tokens":"12","input_tokens":4}}',
        "$.usage.total_tokens",
        'expected integer, got string "12"',
        "usage.total_tokens",
    ),
    (
        R,
        b'{"usage":{"input_token_details":{"cached_tokens":true}}}',
        "$.usage.input_token_details.cached_tokens",
        "expected integer, got boolean true",
        "usage.input_token_details.cached_tokens",
    ),
    (R, b'{"usage":[]}', "$.usage", "expected object, got array of 0", "usage"),
    # Output items.
    (
        R,
        b'{"output":[{"type":"function_call","name":"f","arguments":{}}]}',
        "$.output[0].arguments",
        "expected string, got object",
        "output.0.arguments",
    ),
    (
        R,
        b'{"output":[{"type":"message","role":1}]}',
        "$.output[0].role",
        "expected string, got number 1",
        "output.0.role",
    ),
    (
        R,
        b'{"output":[{"type":"message","content":{}}]}',
        "$.output[0].content",
        "expected array, got object",
        "output.0.content",
    ),
    # Content parts.
    (
        R,
        b'{"output":[{"type":"message","content":[{"type":"audio","transcript":5}]}]}',
        "$.output[0].content[0].transcript",
        "expected string, got number 5",
        "output.0.content.0.transcript",
    ),
    # Voices.
    (
        R,
        b'{"voice":{"type":"azure-standard","name":"en-US-AvaNeural","temperature":"hot"}}',
        "$.voice.temperature",
        'expected number, got string "hot"',
        "voice.temperature",
    ),
    (
        R,
        b'{"voice":{"type":"azure-custom","name":"v","endpoint_id":7}}',
        "$.voice.endpoint_id",
        "expected string, got number 7",
        "voice.endpoint_id",
    ),
    # MCP errors.
    (
        R,
        b'{"output":[{"type":"mcp_call","name":"t","error":{"type":"protocol_error","code":"x"}}]}',
        "$.output[0].error.code",
        'expected integer, got string "x"',
        "output.0.error.code",
    ),
    (
        R,
        b'{"output":[{"type":"mcp_call","name":"t","error":"boom"}]}',
        "$.output[0].error",
        'expected object, got string "boom"',
        "output.0.error",
    ),
    # Events.
    (
        EVENT,
        b'{"type":"response.done","event_id":"e","response":{"id":"r","status_details":"incomplete"}}',
        "$.response.status_details",
        'expected object, got string "incomplete"',
        "response.status_details",
    ),
    (
        EVENT,
        b'{"type":"response.output_item.added","output_index":"0"}',
        "$.output_index",
        'expected integer, got string "0"',
        "output_index",
    ),
    (
        EVENT,
        b'{"type":"response.content_part.done","part":{"type":"text","text":1}}',
        "$.part.text",
        "expected string, got number 1",
        "part.text",
    ),
    (
        EVENT,
        b'{"type":"conversation.item.created","item":{"type":"message","content":{}}}',
        "$.item.content",
        "expected array, got object",
        "item.content",
    ),
    (
        EVENT,
        b'{"type":"response.done","event_id":7}',
        "$.event_id",
        "expected string, got number 7",
        "event_id",
    ),
]

IDS = [f"{row[2]}" for row in TABLE]


def decode(tp: Any, data: bytes, **options: Any) -> Any:
    if tp is EVENT:
        return respmodel.loads_event(data, **options)
    return respmodel.loads(data, tp, **options)


def read(obj: Any, dotted: str) -> Any:
    """The value at ``a.b.0.c`` (attributes, and tuple indexes)."""
    for part in dotted.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


@pytest.mark.parametrize(("tp", "data", "path", "message", "attr"), TABLE, ids=IDS)
def test_lenient_decoding_salvages_the_field(
    tp: Any, data: bytes, path: str, message: str, attr: str
) -> None:
    """Leniently the payload decodes, the wrong-typed field reads None, its problem is listed."""
    obj = decode(tp, data)
    assert read(obj, attr) is None
    assert [(p.path, p.message) for p in obj.problems] == [(path, message)]


@pytest.mark.parametrize(("tp", "data", "path", "message", "attr"), TABLE, ids=IDS)
def test_salvaged_object_encodes_the_bytes_received(
    tp: Any, data: bytes, path: str, message: str, attr: str
) -> None:
    """dumps gives back exactly the JSON received, also after evolve and a pickle round trip."""
    obj = decode(tp, data)
    assert respmodel.dumps(obj) == data
    with attrs.validators.disabled():
        assert orjson.loads(respmodel.dumps(attrs.evolve(obj))) == orjson.loads(data)
    assert respmodel.dumps(pickle.loads(pickle.dumps(obj))) == data


@pytest.mark.parametrize(("tp", "data", "path", "message", "attr"), TABLE, ids=IDS)
def test_strict_decoding_raises_the_same_problem(
    tp: Any, data: bytes, path: str, message: str, attr: str
) -> None:
    """Strictly the same payload is a DecodeError with that one problem, word for word."""
    with pytest.raises(respmodel.DecodeError) as info:
        decode(tp, data, strict=True)
    assert [(e.path, e.message) for e in info.value.errors] == [(path, message)]


@pytest.mark.parametrize(("tp", "data", "path", "message", "attr"), TABLE, ids=IDS)
def test_camel_input_salvages_the_same_field(
    tp: Any, data: bytes, path: str, message: str, attr: str
) -> None:
    """The camelCase form of the payload salvages the same field, at its camel path."""
    camel_text = orjson.dumps(camelized(orjson.loads(data)))
    obj = decode(tp, camel_text, case="camel")
    assert read(obj, attr) is None
    assert [(p.path, p.message) for p in obj.problems] == [(camel_path(path), message)]
    assert respmodel.dumps(obj, case="camel") == camel_text


def camel_key(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(word.title() for word in rest)


def camel_path(path: str) -> str:
    return ".".join(camel_key(part) for part in path.split("."))


def camelized(value: Any) -> Any:
    """Every key in camelCase (the table's payloads hold no user-data keys with underscores)."""
    if isinstance(value, dict):
        return {camel_key(k): camelized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camelized(v) for v in value]
    return value


def test_the_other_key_style_keeps_a_raw_value_under_its_key_as_received() -> None:
    """Written in camelCase, a salvaged snake_case value keeps its key: read back, it is unknown."""
    resp = respmodel.loads(b'{"id":"r","status_details":"x"}')
    camel = respmodel.dumps(resp, case="camel")
    assert camel == b'{"status_details":"x","id":"r"}'
    again = respmodel.loads(camel, case="camel")
    assert again.extra == {"status_details": "x"}
    assert again.problems == ()


def test_the_livekit_payload_keeps_its_usage() -> None:
    """A response.done whose status_details is a string still gives its status and usage."""
    data = (
        b'{"type":"response.done","event_id":"event_1","response":{"object":"realtime.response",'
        b'"id":"resp_1","status":"incomplete","status_details":"incomplete","output":[],'
        b'"usage":{"total_tokens":30,"input_tokens":10,"output_tokens":20}}}'
    )
    event = respmodel.loads_event(data)
    assert (event.response.status, event.response.usage.total_tokens) == ("incomplete", 30)
    assert event.response.extra == {"status_details": "incomplete"}
    assert [str(p) for p in event.response.problems] == [
        '$.status_details: expected object, got string "incomplete"'
    ]


def test_an_untagged_mcp_error_is_no_problem() -> None:
    """An MCP call's error without its tag is valid (Azure declares it opaque): nothing salvaged."""
    data = b'{"output":[{"type":"mcp_call","name":"t","error":{"message":"down","code":503}}]}'
    for strict in (False, True):
        obj = respmodel.loads(data, strict=strict)
        assert type(obj.output[0].error) is respmodel.UnknownMcpError
        assert obj.problems == ()


def test_nested_objects_list_their_own_problems_from_their_own_root() -> None:
    """Each decoded object lists the problems below it, with paths starting at itself."""
    data = (
        b'{"status_details":"x","output":[{"type":"message","content":'
        b'[{"type":"text","text":1}]}],"usage":{"input_tokens":"y"}}'
    )
    resp = respmodel.loads(data)
    assert [p.path for p in resp.problems] == [
        "$.status_details",
        "$.output[0].content[0].text",
        "$.usage.input_tokens",
    ]
    assert [p.path for p in resp.output[0].problems] == ["$.content[0].text"]
    assert [p.path for p in resp.output[0].content[0].problems] == ["$.text"]
    assert [p.path for p in resp.usage.problems] == ["$.input_tokens"]


def test_a_wrongly_typed_tag_below_the_top_is_the_unknown_class() -> None:
    """A union member whose tag is not a string is kept whole, untyped, as a problem."""
    resp = respmodel.loads(b'{"output":[{"type":7,"id":"i"},{"type":"message"}]}')
    assert type(resp.output[0]) is respmodel.UnknownItem
    assert resp.output[0].data == {"type": 7, "id": "i"}
    assert type(resp.output[1]) is respmodel.MessageItem
    assert [p.path for p in resp.problems] == ["$.output[0].type"]


@pytest.mark.parametrize(
    ("tp", "data", "path"),
    [
        (R, b"[]", "$"),
        (respmodel.OutputItem, b'{"type":7}', "$.type"),
        (respmodel.MessageItem, b'{"type":"function_call"}', "$.type"),
        (EVENT, b'{"type":["response.done"]}', "$.type"),
        (EVENT, b'{"type":{"a":1}}', "$.type"),
        (EVENT, b"5", "$"),
    ],
)
def test_the_top_level_is_never_salvaged(tp: Any, data: bytes, path: str) -> None:
    """A top level that is not an object, or whose tag is wrong, is a DecodeError leniently too."""
    with pytest.raises(respmodel.DecodeError) as info:
        decode(tp, data)
    assert info.value.path == path


def test_clean_objects_have_no_problems() -> None:
    """A clean decode, a constructor and evolve give objects whose problems are empty."""
    assert respmodel.loads(b'{"id":"r"}').problems == ()
    assert R(id="r").problems == ()
    salvaged = respmodel.loads(b'{"id":"r","status_details":"x"}')
    assert attrs.evolve(salvaged, id="s").problems == ()
    assert respmodel.GenericEvent({"type": "x"}).problems == ()


def test_problems_are_not_part_of_equality_but_raw_values_are() -> None:
    """Two objects differing only in what was salvaged compare by their raw values (in extra)."""
    a = respmodel.loads(b'{"id":"r","status_details":"x"}')
    b = respmodel.loads(b'{"id":"r","status_details":"y"}')
    c = attrs.evolve(a)
    assert a != b
    assert a == c
    assert hash(a) == hash(c)
    assert (a.problems, c.problems) != ((), ())


def test_problems_survive_pickle_and_copies() -> None:
    """Pickling, copy and deepcopy keep the problems and the raw values."""
    a = respmodel.loads(b'{"id":"r","status_details":"x","usage":{"input_tokens":"y"}}')
    for b in (pickle.loads(pickle.dumps(a)), copy.copy(a), copy.deepcopy(a)):
        assert b.problems == a.problems
        assert b.usage.problems == a.usage.problems
        assert respmodel.dumps(b) == respmodel.dumps(a)


def test_evolve_keeps_a_raw_value_until_the_field_is_set() -> None:
    """Evolving keeps the salvaged value; setting the field replaces it."""
    resp = respmodel.loads(b'{"id":"r","status_details":"incomplete"}')
    kept = attrs.evolve(resp, id="s")
    assert orjson.loads(respmodel.dumps(kept)) == {"id": "s", "status_details": "incomplete"}
    fixed = attrs.evolve(resp, status_details=respmodel.StatusDetails(type="incomplete"))
    assert fixed.extra == {}
    assert orjson.loads(respmodel.dumps(fixed)) == {
        "id": "r",
        "status_details": {"type": "incomplete"},
    }


def test_evolve_keeps_an_unknown_key_of_the_other_style_when_the_field_is_set() -> None:
    """An unknown key that is the other style's key of a field is no salvaged value: it stays."""
    resp = respmodel.loads(b'{"conversationId":"c"}')
    evolved = attrs.evolve(resp, conversation_id="d")
    assert evolved.extra == {"conversationId": "c"}


def test_an_unknown_key_of_the_other_style_stays_whatever_its_value() -> None:
    """An other-style key whose value the field would refuse is still no salvaged value (fuzzing)."""
    usage = respmodel.loads(
        b'{"input_token_details":{"text_tokens":1},"inputTokenDetails":[]}', respmodel.Usage
    )
    assert usage.problems == ()
    again = respmodel.Usage(input_token_details=usage.input_token_details, extra=usage.extra)
    assert again.extra == {"inputTokenDetails": ()}
    assert orjson.loads(respmodel.dumps(again)) == orjson.loads(respmodel.dumps(usage))


def test_a_raw_value_is_replaced_after_pickling_too() -> None:
    """Which keys salvage set aside is pickled with ``extra``: setting the field still replaces it."""
    resp = pickle.loads(pickle.dumps(respmodel.loads(b'{"id":"r","usage":[1],"x_new":[2]}')))
    fixed = attrs.evolve(resp, usage=respmodel.Usage(total_tokens=1))
    assert fixed.extra == {"x_new": (2,)}
    assert orjson.loads(respmodel.dumps(fixed)) == {
        "id": "r",
        "usage": {"total_tokens": 1},
        "x_new": [2],
    }


def test_only_the_field_set_loses_its_raw_value() -> None:
    """With two salvaged fields, setting one keeps the other's raw value, and a later set drops it."""
    resp = respmodel.loads(b'{"id":"r","status_details":"x","usage":[1]}')
    first = attrs.evolve(resp, usage=respmodel.Usage(total_tokens=1))
    assert first.extra == {"status_details": "x"}
    second = attrs.evolve(first, status_details=respmodel.StatusDetails(type="completed"))
    assert second.extra == {}


def test_structure_salvages_as_loads_does() -> None:
    """structure() on the parsed payload salvages the same fields with the same problems."""
    data = b'{"id":"r","status_details":"x","output":[{"type":7}],"usage":{"input_tokens":"y"}}'
    from_text = respmodel.loads(data)
    from_python = respmodel.structure(orjson.loads(data))
    assert from_python == from_text
    assert from_python.problems == from_text.problems
    assert respmodel.dumps(from_python) == data


def test_salvaged_object_converts_to_camel_and_back() -> None:
    """snake -> camel -> snake gives back the JSON received; the raw key keeps its spelling."""
    data = b'{"id":"r","conversation_id":"c","status_details":"x","usage":{"input_tokens":"y"}}'
    resp = respmodel.loads(data)
    camel = respmodel.dumps(resp, case="camel")
    assert orjson.loads(camel) == {
        "status_details": "x",
        "id": "r",
        "conversationId": "c",
        "usage": {"input_tokens": "y"},
    }
    back = respmodel.dumps(respmodel.loads(camel, case="camel"))
    assert orjson.loads(back) == orjson.loads(data)


def test_a_huge_salvaged_field_lists_the_first_thousand_problems_and_counts_the_rest() -> None:
    """A field salvaged for 5,000 wrong values lists 1,000 problems and counts 4,000 more."""
    items = [{"type": "message", "content": [{"type": "text", "text": i}]} for i in range(5000)]
    resp = respmodel.loads(orjson.dumps({"output": [{"type": "message"}, *items, 7]}))
    assert len(resp.problems) == 1000
    assert resp.problems.unlisted == 4001  # the rest of the texts, and the 7
    assert resp.problems[0].path == "$.output[1].content[0].text"
    assert resp.output is None
    assert pickle.loads(pickle.dumps(resp.problems)).unlisted == 4001


def test_nested_objects_count_their_unlisted_problems() -> None:
    """Each object counts the problems below it that the decode did not list."""
    texts = [{"type": "text", "text": i} for i in range(1500)]
    resp = respmodel.loads(orjson.dumps({"output": [{"type": "message", "content": texts}]}))
    (item,) = resp.output
    assert (len(item.problems), item.problems.unlisted) == (1000, 500)
    assert (len(resp.problems), resp.problems.unlisted) == (1000, 500)
    assert resp.problems == tuple(resp.problems)
