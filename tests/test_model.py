"""The classes behave as frozen values: immutable, hashable, comparable, picklable."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import orjson
import pytest

import respmodel

SAMPLE = orjson.dumps(
    {
        "object": "realtime.response",
        "id": "resp_1",
        "status": "completed",
        "status_details": None,
        "output": [
            {
                "id": "item_1",
                "object": "realtime.item",
                "type": "message",
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "audio", "transcript": "Hi"}],
            },
            {
                "id": "item_2",
                "type": "function_call",
                "name": "f",
                "call_id": "c1",
                "arguments": "{}",
            },
        ],
        "usage": {
            "total_tokens": 3,
            "input_tokens": 1,
            "output_tokens": 2,
            "input_token_details": {
                "cached_tokens": 0,
                "cached_tokens_details": {"text_tokens": 0},
            },
        },
        "voice": {"type": "azure-standard", "name": "en-US-AvaNeural", "prefer_locales": ["en-US"]},
        "metadata": {"topic": "weather"},
        "max_output_tokens": "inf",
        "x_new": [1, {"a": 2}],
    }
)


def test_assignment_raises() -> None:
    """Setting an attribute of a decoded object raises attrs' FrozenInstanceError."""
    obj = respmodel.loads(SAMPLE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        obj.id = "other"  # type: ignore[misc]


def test_arrays_are_tuples_and_maps_read_only() -> None:
    """Arrays decode to tuples; metadata and unknown keys are read-only mappings."""
    obj = respmodel.loads(SAMPLE)
    assert isinstance(obj.output, tuple)
    assert obj.voice.prefer_locales == ("en-US",)
    with pytest.raises(TypeError):
        obj.metadata["topic"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        obj.extra["x_new"] = 1  # type: ignore[index]
    assert obj.extra == {"x_new": (1, {"a": 2})}


def test_hash_and_equality_follow_values() -> None:
    """Two decodings of the same JSON are equal and hash alike; a changed field is unequal."""
    a, b = respmodel.loads(SAMPLE), respmodel.loads(SAMPLE)
    assert a == b
    assert hash(a) == hash(b)
    assert {a, b} == {a}
    assert attrs.evolve(a, status="cancelled") != a


def test_unknown_keys_take_part_in_equality() -> None:
    """Objects that differ only in an unknown key are not equal (they encode differently)."""
    assert respmodel.loads(b'{"id":"r","z":1}') != respmodel.loads(b'{"id":"r"}')


def test_explicit_nulls_do_not_take_part_in_equality() -> None:
    """null and absent mean the same value; they only differ in how the object encodes."""
    assert respmodel.loads(b'{"id":"r","usage":null}') == respmodel.loads(b'{"id":"r"}')


def test_evolve_changes_one_field() -> None:
    """attrs.evolve gives a new object with one field changed and the rest equal."""
    obj = respmodel.loads(SAMPLE)
    new = attrs.evolve(obj, status="cancelled")
    assert new.status == "cancelled"
    assert new.output == obj.output
    assert new.extra == obj.extra


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int) -> None:
    """Decoded objects pickle and unpickle to equal objects that encode the same."""
    obj = respmodel.loads(SAMPLE)
    back = pickle.loads(pickle.dumps(obj, protocol))
    assert back == obj
    assert respmodel.dumps(back) == respmodel.dumps(obj)


def test_pickle_of_an_unread_object() -> None:
    """A lazily decoded object that was never read pickles too."""
    back = pickle.loads(pickle.dumps(respmodel.loads(SAMPLE)))
    assert back.usage.input_token_details.cached_tokens == 0


def test_copy_and_deepcopy() -> None:
    """copy.copy and copy.deepcopy give equal objects."""
    obj = respmodel.loads(SAMPLE)
    assert copy.copy(obj) == obj
    assert copy.deepcopy(obj) == obj


def test_repr_shows_set_fields_only() -> None:
    """repr names the class and the fields that are set, nested objects included."""
    text = repr(respmodel.loads(b'{"id":"resp_1","usage":{"total_tokens":3},"q":1}'))
    assert text == "Response(id='resp_1', usage=Usage(total_tokens=3), extra={'q': 1})"


def test_tagged_classes_expose_their_tag() -> None:
    """Every tagged class reads its tag as .type; Unknown classes read the tag they received."""
    obj = respmodel.loads(SAMPLE)
    assert [item.type for item in obj.output] == ["message", "function_call"]
    assert respmodel.MessageItem().type == "message"
    unknown = respmodel.loads(b'{"type":"future","x":1}', respmodel.OutputItem)
    assert isinstance(unknown, respmodel.UnknownItem)
    assert unknown.type == "future"


def test_constructor_converts_lists_and_dicts() -> None:
    """Constructors accept lists and dicts and store tuples and read-only mappings."""
    obj = respmodel.Response(
        output=[respmodel.MessageItem(content=[respmodel.TextPart(text="a")])],
        metadata={"k": "v"},
        extra={"new": [1]},
    )
    assert obj.output[0].content == (respmodel.TextPart(text="a"),)
    assert isinstance(obj.metadata, respmodel.FrozenDict)
    assert respmodel.unstructure(obj) == {
        "output": [{"type": "message", "content": [{"type": "text", "text": "a"}]}],
        "metadata": {"k": "v"},
        "new": [1],
    }


def test_constructed_object_encodes_only_what_was_given() -> None:
    """A None attribute is left out unless json_nulls names it."""
    obj = respmodel.Response(id="r", json_nulls={"usage"})
    assert respmodel.unstructure(obj) == {"id": "r", "usage": None}


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: respmodel.Response(temperature="hot"), "Response.temperature"),
        (lambda: respmodel.Response(metadata={"k": 1}), "Response.metadata.k"),
        (lambda: respmodel.Response(metadata=[("k", "v")]), "Response.metadata"),
        (lambda: respmodel.Response(object=5), "Response.object"),
        (lambda: respmodel.Response(max_output_tokens=2.5), "Response.max_output_tokens"),
        (lambda: respmodel.Usage(input_tokens="12"), "Usage.input_tokens"),
        (lambda: respmodel.Usage(input_tokens=True), "Usage.input_tokens"),
        (lambda: respmodel.Response(usage={"input_tokens": 1}), "Response.usage"),
        (lambda: respmodel.Response(output=[respmodel.TextPart()]), "Response.output[0]"),
        (lambda: respmodel.Response(voice=3), "Response.voice"),
        (lambda: respmodel.MessageItem(object=["realtime.item"]), "MessageItem.object"),
        (lambda: respmodel.Response(json_nulls={"nope"}), "Response.json_nulls"),
    ],
)
def test_constructors_enforce_types(build: object, field: str) -> None:
    """Constructors reject values of the wrong type for their field, naming the field."""
    with pytest.raises(respmodel.ValidationError) as info:
        build()  # type: ignore[operator]
    assert info.value.field == field


@pytest.mark.parametrize(
    "kwargs",
    [
        {"temperature": 1.5},
        {"temperature": 0.5},
        {"metadata": {str(i): "v" for i in range(17)}},
        {"metadata": {"k" * 65: "v"}},
        {"metadata": {"k": "v" * 513}},
        {"object": "realtime.item"},
        {"max_output_tokens": -1},
        {"max_output_tokens": "lots"},
        {"usage": respmodel.Usage(input_tokens=-1)},
    ],
    ids=lambda kw: next(iter(kw)),
)
def test_constructors_take_what_lenient_decoding_keeps(kwargs: dict[str, Any]) -> None:
    """A broken constraint is strict decoding's to report: the constructor builds what lenient decoding would."""
    built = respmodel.Response(**kwargs)
    data = respmodel.dumps(built)
    assert respmodel.loads(data) == built
    with pytest.raises(respmodel.DecodeError):
        respmodel.loads(data, strict=True)


def test_evolve_of_a_leniently_decoded_object_keeps_what_it_copies() -> None:
    """An object holding a value lenient decoding kept (temperature 5.0) evolves; the value stays."""
    resp = respmodel.loads(
        b'{"id": "r", "temperature": 5.0, "metadata": {"k": "' + b"v" * 600 + b'"}}'
    )
    evolved = attrs.evolve(resp, id="x")
    assert (evolved.id, evolved.temperature, evolved.metadata) == ("x", 5.0, resp.metadata)


def test_constraint_limits_are_inclusive() -> None:
    """The limits themselves are allowed: temperature 0.6 and 1.2, 16 pairs, 64/512 characters."""
    respmodel.Response(temperature=0.6)
    respmodel.Response(temperature=1.2)
    respmodel.Response(metadata={f"{i:064d}": "v" * 512 for i in range(16)})
    respmodel.Usage(input_tokens=0)


@pytest.mark.parametrize(
    ("build", "field", "message"),
    [
        (
            lambda: respmodel.Response(temperature=10**5000),
            "Response.temperature",
            "expected a finite number",
        ),
        (
            lambda: respmodel.Usage(input_tokens=10**5000),
            "Usage.input_tokens",
            "expected an integer from -2**63 to 2**64-1",
        ),
        (
            lambda: respmodel.Usage(total_tokens=10**30),
            "Usage.total_tokens",
            "expected an integer from -2**63 to 2**64-1",
        ),
        (lambda: respmodel.Response(json_nulls=5), "Response.json_nulls", "expected a set"),
        (
            lambda: respmodel.Response(id="x", extra={"id": "dup"}),
            "Response.extra",
            '"id" is a modelled key of Response',
        ),
        (
            lambda: respmodel.Response(extra={"conversationId": "dup"}),
            "Response.extra",
            '"conversationId" is a modelled key',
        ),
        (lambda: respmodel.UnknownItem(5), "data", "expected a JSON object"),  # type: ignore[arg-type]
        (
            lambda: respmodel.UnknownItem({"type": "x", "v": float("nan")}),
            "data.v",
            "expected a finite number",
        ),
        (
            lambda: respmodel.McpCallItem(extra={"a": float("inf")}),
            "McpCallItem.extra.a",
            "expected a finite number",
        ),
        (
            lambda: respmodel.McpTool(input_schema={"a": {1, 2}}),
            "McpTool.input_schema.a",
            "expected a JSON value",
        ),
    ],
)
def test_constructors_raise_validation_error_for_what_json_cannot_hold(
    build: Any, field: str, message: str
) -> None:
    """Huge numbers, NaN, non-JSON values and keys a field would overwrite are ValidationErrors."""
    with pytest.raises(respmodel.ValidationError) as info:
        build()
    assert info.value.field == field
    assert message in info.value.message


def test_evolve_keeps_unknown_keys_of_the_other_key_style() -> None:
    """A lenient object holding a camel key among its unknown keys can still be evolved."""
    resp = respmodel.loads(b'{"id": "r", "conversationId": "c"}')
    evolved = attrs.evolve(resp, status="completed")
    assert evolved.extra == {"conversationId": "c"}
