"""Nothing lost: decoding then encoding gives back the same JSON."""

from __future__ import annotations

from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import respmodel
from tests.conftest import corpus_payloads
from tests.strategies import model_json, response_json, union_json

TYPES = {
    "response": respmodel.Response,
    "item": respmodel.OutputItem,
    "part": respmodel.ContentPart,
}
CORPUS = corpus_payloads()


def reencoded(data: Any, tp: Any, case: str = "snake", **kw: Any) -> Any:
    return orjson.loads(
        respmodel.dumps(respmodel.loads(orjson.dumps(data), tp, case=case, **kw), case=case)
    )


def rebuilt(obj: Any) -> Any:
    """The same object made again through its constructor: forces the field-by-field encoder.

    Lenient decoding keeps values that break a constraint (a temperature of
    1.5), which constructors refuse, so validators are off while rebuilding.
    """
    with attrs.validators.disabled():
        return _rebuild(obj)


def _rebuild(obj: Any) -> Any:
    if isinstance(obj, respmodel.Model):
        changes = {
            a.alias: _rebuild(getattr(obj, a.name)) for a in attrs.fields(type(obj)) if a.init
        }
        return type(obj)(**changes)
    if isinstance(obj, tuple):
        return tuple(_rebuild(x) for x in obj)
    return obj


@pytest.mark.parametrize(("name", "what", "data"), CORPUS, ids=[f"{n}:{w}" for n, w, _ in CORPUS])
def test_corpus_decodes_and_reencodes_identically(name: str, what: str, data: Any) -> None:
    """Every resource in the real payloads decodes leniently and re-encodes to the same JSON."""
    assert reencoded(data, TYPES[what]) == data


@pytest.mark.parametrize(("name", "what", "data"), CORPUS, ids=[f"{n}:{w}" for n, w, _ in CORPUS])
def test_corpus_reencodes_identically_through_constructors(name: str, what: str, data: Any) -> None:
    """An object rebuilt field by field (no retained JSON) still encodes to the same JSON."""
    obj = rebuilt(respmodel.loads(orjson.dumps(data), TYPES[what]))
    assert obj._src is None
    assert orjson.loads(respmodel.dumps(obj)) == data


@given(response_json("any"))
def test_any_response_round_trips(data: dict[str, Any]) -> None:
    """Any lenient-valid response, unknown keys and explicit nulls included, re-encodes unchanged."""
    assert reencoded(data, respmodel.Response) == data


@given(st.sampled_from(["beta", "ga", "azure"]).flatmap(lambda s: response_json(s, strict=True)))
def test_strict_valid_responses_decode_strictly_and_round_trip(data: dict[str, Any]) -> None:
    """Responses of each API shape, as the APIs document them, decode strictly and re-encode unchanged."""
    assert reencoded(data, respmodel.Response, strict=True) == data


@given(response_json("any"))
def test_rebuilt_objects_encode_the_same(data: dict[str, Any]) -> None:
    """The generated field-by-field encoder agrees with the retained JSON."""
    obj = rebuilt(respmodel.loads(orjson.dumps(data)))
    assert orjson.loads(respmodel.dumps(obj)) == data


@given(response_json("any"))
def test_structure_equals_loads(data: dict[str, Any]) -> None:
    """structure() on parsed JSON gives the same object, and the same JSON back, as loads()."""
    from_text = respmodel.loads(orjson.dumps(data))
    from_dict = respmodel.structure(data)
    assert from_dict == from_text
    assert respmodel.unstructure(from_dict) == data


@given(
    st.sampled_from(["OutputItem", "ContentPart", "Voice", "AudioFormat", "McpError"]).flatmap(
        lambda name: st.tuples(st.just(name), union_json(name))
    )
)
def test_every_union_round_trips(pair: tuple[str, Any]) -> None:
    """Members of every union, unknown tags included, re-encode unchanged."""
    name, data = pair
    assert reencoded(data, getattr(respmodel, name)) == data


@given(model_json(respmodel.Usage))
def test_nested_types_decode_on_their_own(data: dict[str, Any]) -> None:
    """A nested type can be the top-level type of loads."""
    assert reencoded(data, respmodel.Usage) == data


def test_null_and_absent_stay_apart() -> None:
    """An explicit null comes back as null; an absent key stays absent."""
    data = {"id": "resp_1", "usage": None, "metadata": None}
    obj = respmodel.loads(orjson.dumps(data))
    assert obj.usage is None
    assert obj.status_details is None
    assert obj.json_nulls == {"usage", "metadata"}
    assert orjson.loads(respmodel.dumps(obj)) == data
    assert orjson.loads(respmodel.dumps(rebuilt(obj))) == data


def test_evolve_keeps_unknown_keys_and_nulls() -> None:
    """attrs.evolve changes one field and keeps the unknown keys and explicit nulls of the rest."""
    data = {"id": "resp_1", "status": "in_progress", "usage": None, "future_field": {"a": [1]}}
    obj = attrs.evolve(respmodel.loads(orjson.dumps(data)), status="completed")
    assert orjson.loads(respmodel.dumps(obj)) == {**data, "status": "completed"}


def test_unstructure_returns_a_private_copy() -> None:
    """Changing what unstructure() returned does not change the object."""
    obj = respmodel.loads(b'{"id": "resp_1", "output": [{"type": "message", "content": []}]}')
    out = respmodel.unstructure(obj)
    out["output"][0]["content"].append({"type": "text"})
    assert respmodel.unstructure(obj) == {
        "id": "resp_1",
        "output": [{"type": "message", "content": []}],
    }
    assert obj.output[0].content == ()


def test_structure_does_not_share_the_callers_dict() -> None:
    """Changing the dict given to structure() afterwards does not change the object."""
    data = {"id": "resp_1", "output": [{"type": "message", "role": "user"}]}
    obj = respmodel.structure(data)
    data["id"] = "changed"
    data["output"][0]["role"] = "assistant"
    assert obj.id == "resp_1"
    assert obj.output[0].role == "user"
    assert respmodel.unstructure(obj)["output"][0]["role"] == "user"
