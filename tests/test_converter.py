"""respmodel's types inside another library's cattrs converter and attrs classes."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import attrs
import cattrs
import orjson
import pytest
from cattrs.preconf.orjson import OrjsonConverter

import respmodel

SNAKE_RESPONSE: dict[str, Any] = {
    "id": "resp_1",
    "object": "realtime.response",
    "status": "completed",
    "output": [
        {
            "id": "item_1",
            "type": "message",
            "role": "assistant",
            "content": [{"type": "audio", "transcript": "Hello."}],
        },
        {
            "id": "item_2",
            "type": "function_call",
            "call_id": "call_1",
            "name": "lookup",
            "arguments": '{"q": 1}',
        },
    ],
    "usage": {
        "total_tokens": 30,
        "input_tokens": 10,
        "output_tokens": 20,
        "input_token_details": {"cached_tokens": 0, "audio_tokens": 4},
    },
    "conversation_id": None,
    "voice": "alloy",
    "max_output_tokens": "inf",
    "x_new": {"kept": True},
}
"""A response with nested items, an explicit null and an unknown key, in the wire form."""

CAMEL_RESPONSE: dict[str, Any] = {
    "id": "resp_1",
    "object": "realtime.response",
    "status": "completed",
    "output": [
        {
            "id": "item_1",
            "type": "message",
            "role": "assistant",
            "content": [{"type": "audio", "transcript": "Hello."}],
        },
        {
            "id": "item_2",
            "type": "function_call",
            "callId": "call_1",
            "name": "lookup",
            "arguments": '{"q": 1}',
        },
    ],
    "usage": {
        "totalTokens": 30,
        "inputTokens": 10,
        "outputTokens": 20,
        "inputTokenDetails": {"cachedTokens": 0, "audioTokens": 4},
    },
    "conversationId": None,
    "voice": "alloy",
    "maxOutputTokens": "inf",
    "x_new": {"kept": True},
}
"""The same response in the camelCase form (unknown keys keep their spelling)."""

RESPONSES = {"snake": SNAKE_RESPONSE, "camel": CAMEL_RESPONSE}


@attrs.frozen
class Money:
    """A type of the user's own, with hooks of its own."""

    cents: int


@attrs.frozen
class Turn:
    """A user's class that embeds respmodel types, plainly, optionally and in tuples."""

    at: datetime
    cost: Money
    response: respmodel.Response
    first: respmodel.OutputItem
    items: tuple[respmodel.OutputItem, ...]
    previous: respmodel.Response | None = None
    last: respmodel.OutputItem | None = None


def turn_json(case: str) -> dict[str, Any]:
    """The JSON of a Turn, as the user's converter writes it."""
    response = RESPONSES[case]
    return {
        "at": "2025-01-02T03:04:05+00:00",
        "cost": "12c",
        "response": response,
        "first": response["output"][0],
        "items": response["output"],
        "previous": None,
        "last": response["output"][1],
    }


def user_converter(case: str, strict: bool = False) -> cattrs.Converter:
    """A converter with the user's hooks registered before and after respmodel's."""
    conv = cattrs.Converter()
    conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    respmodel.configure_converter(conv, case=case, strict=strict)  # type: ignore[arg-type]
    conv.register_structure_hook(Money, lambda v, _: Money(int(v.removesuffix("c"))))
    conv.register_unstructure_hook(Money, lambda m: f"{m.cents}c")
    return conv


def test_structures_embedded_types(case: str) -> None:
    """Fields typed with respmodel classes and unions decode as respmodel decodes them."""
    turn = user_converter(case).structure(turn_json(case), Turn)
    expected = respmodel.structure(RESPONSES[case], case=case)  # type: ignore[arg-type]
    assert turn.response == expected
    assert turn.items == expected.output
    assert type(turn.first) is respmodel.MessageItem
    assert type(turn.last) is respmodel.FunctionCallItem


def test_round_trips(case: str) -> None:
    """A user's object goes to JSON and back unchanged, in either key style."""
    conv = user_converter(case)
    turn = conv.structure(turn_json(case), Turn)
    assert conv.unstructure(turn) == turn_json(case)
    assert conv.structure(conv.unstructure(turn), Turn) == turn


def test_key_styles_decode_to_equal_objects() -> None:
    """The snake and camel converters give equal objects for the same response."""
    snake = user_converter("snake").structure(turn_json("snake"), Turn)
    camel = user_converter("camel").structure(turn_json("camel"), Turn)
    assert snake == camel


def test_encodes_in_the_converters_key_style() -> None:
    """An object decoded in one key style is written in the converter's own."""
    turn = user_converter("snake").structure(turn_json("snake"), Turn)
    assert user_converter("camel").unstructure(turn) == turn_json("camel")


def test_lossless_inside_user_classes(case: str) -> None:
    """Explicit nulls and unknown keys inside embedded responses survive."""
    conv = user_converter(case)
    response = conv.unstructure(conv.structure(turn_json(case), Turn))["response"]
    assert response["x_new"] == {"kept": True}
    assert "conversation_id" in response or "conversationId" in response
    assert "temperature" not in response


@pytest.mark.parametrize(
    ("field", "value"),
    [("previous", None), ("last", None), ("items", [])],
)
def test_optional_and_empty(field: str, value: Any) -> None:
    """``None`` in an optional respmodel field and an empty tuple of items round-trip."""
    conv = user_converter("snake")
    data = {**turn_json("snake"), field: value}
    turn = conv.structure(data, Turn)
    assert getattr(turn, field) == (() if value == [] else None)
    assert conv.unstructure(turn) == data


def test_unknown_tag_in_a_union_field() -> None:
    """An unknown item type in a user's field becomes UnknownItem, kept whole."""
    raw = {"type": "image_generation_call", "id": "item_9", "result": "..."}
    turn = user_converter("snake").structure({**turn_json("snake"), "last": raw}, Turn)
    assert isinstance(turn.last, respmodel.UnknownItem)
    assert turn.last.data == raw


def test_lenient_converter_keeps_unknown_fields() -> None:
    """A lenient converter keeps what a strict one rejects."""
    data = {**turn_json("snake"), "first": {"type": "message", "mood": "happy"}}
    assert user_converter("snake").structure(data, Turn).first.extra == {"mood": "happy"}


def test_strict_converter_reports_decode_error() -> None:
    """A strict converter raises DecodeError, with its path, inside cattrs' validation error."""
    data = {
        **turn_json("snake"),
        "response": {"id": "resp_1"},
        "items": [],
        "last": None,
        "first": {"type": "message", "mood": "happy"},
    }
    with pytest.raises(cattrs.ClassValidationError) as info:
        user_converter("snake", strict=True).structure(data, Turn)
    (error,) = info.value.exceptions
    assert isinstance(error, respmodel.DecodeError)
    assert error.path == "$.mood"


def test_structure_copies_the_input() -> None:
    """Decoded objects share no mutable data with the dicts they were made from."""
    data = turn_json("snake")
    data["response"] = orjson.loads(orjson.dumps(SNAKE_RESPONSE))
    turn = user_converter("snake").structure(data, Turn)
    data["response"]["output"][0]["role"] = "user"
    data["response"]["x_new"]["kept"] = False
    assert turn.response.output[0].role == "assistant"
    assert turn.response.extra["x_new"] == {"kept": True}


def test_user_hooks_undisturbed() -> None:
    """Hooks the user registered before and after configure_converter still apply."""
    conv = user_converter("snake")
    turn = conv.structure(turn_json("snake"), Turn)
    assert turn.at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert turn.cost == Money(12)
    assert conv.unstructure(Money(7)) == "7c"
    assert conv.structure("2025-01-02T03:04:05+00:00", datetime) == turn.at


def test_lookalike_classes_are_not_claimed() -> None:
    """A user's own class named like a respmodel class is left to cattrs."""

    @attrs.frozen
    class Usage:
        input_tokens: int

    conv = user_converter("snake")
    assert conv.structure({"input_tokens": 3, "other": 1}, Usage) == Usage(3)
    assert conv.unstructure(Usage(3)) == {"input_tokens": 3}


def test_global_converter_untouched(case: str) -> None:
    """Configuring, making and using converters leaves cattrs' global converter alone."""
    user_converter(case)
    respmodel.make_converter(case=case)  # type: ignore[arg-type]
    resp = respmodel.structure(RESPONSES[case], case=case)  # type: ignore[arg-type]
    respmodel.dumps(resp)
    usage = respmodel.Usage(input_tokens=1)
    assert outcome(cattrs.unstructure, usage) == outcome(cattrs.Converter().unstructure, usage)
    assert cattrs.structure({"input_tokens": 1, "x_new": 1}, respmodel.Usage).extra == {}


def outcome(fn: Any, *args: Any) -> Any:
    """What ``fn(*args)`` returns, or the type of what it raises."""
    try:
        return fn(*args)
    except Exception as exc:  # the type is the outcome compared
        return type(exc)


def test_make_converter_round_trips_json(case: str) -> None:
    """``make_converter`` gives an orjson converter that writes respmodel's JSON."""
    conv = respmodel.make_converter(case=case)  # type: ignore[arg-type]
    assert isinstance(conv, OrjsonConverter)
    conv.register_structure_hook(Money, lambda v, _: Money(int(v.removesuffix("c"))))
    conv.register_unstructure_hook(Money, lambda m: f"{m.cents}c")
    turn = conv.loads(orjson.dumps(turn_json(case)), Turn)
    data = conv.dumps(turn)
    assert conv.loads(data, Turn) == turn
    assert orjson.loads(data) == turn_json(case)


def test_make_converter_gives_a_new_converter() -> None:
    """Hooks added to a made converter change neither another one nor respmodel's own."""
    mine = respmodel.make_converter()
    mine.register_unstructure_hook(respmodel.Usage, lambda _: "mine")
    usage = respmodel.Usage(input_tokens=1)
    assert mine.unstructure(usage) == "mine"
    assert respmodel.make_converter().unstructure(usage) == {"input_tokens": 1}
    assert respmodel.unstructure(usage) == {"input_tokens": 1}


def test_unknown_key_style_rejected() -> None:
    """``case`` must be "snake" or "camel"."""
    with pytest.raises(ValueError, match="case must be"):
        respmodel.configure_converter(cattrs.Converter(), case="kebab")  # type: ignore[arg-type]
